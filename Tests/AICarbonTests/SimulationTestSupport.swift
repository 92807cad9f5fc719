@testable import AICarbon

/// A model whose outputs are its inputs: lets tests look at sampled distributions directly.
struct IdentityModel: ChunkModel {
    var dimension: Int
    var outputCount: Int { dimension }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for j in 0..<dimension { outputs[j].update(from: inputs + j * count, count: count) }
    }
}

/// f(x) = exp(x₁) + exp(x₂) + exp(x₃) on uniforms: smooth, mean 3(e − 1).
struct SmoothModel: ChunkModel {
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count {
            outputs[0][i] = Foundation.exp(inputs[i]) + Foundation.exp(inputs[count + i]) + Foundation.exp(inputs[2 * count + i])
        }
    }
}

/// Samples one distribution through the engine.
func sample(_ d: Distribution, n: Int = 200_000, seed: UInt64 = 42, method: SamplingMethod = .mc) throws(InputError) -> SampleSet {
    try Simulation.run(inputs: [(name: "x", distribution: d)], model: IdentityModel(dimension: 1),
                       settings: SimulationSettings(samples: n, seed: seed, method: method, threads: 2))
}

import Foundation

/// Two summaries are the same to the last bit: moments, order statistics with their intervals, histogram.
func identical(_ a: OutputSummary, _ b: OutputSummary) -> Bool {
    a.count == b.count && a.mean.bitPattern == b.mean.bitPattern && a.sd.bitPattern == b.sd.bitPattern
        && a.mcse.bitPattern == b.mcse.bitPattern && a.min == b.min && a.max == b.max && a.percentiles == b.percentiles
        && a.histogramEdges == b.histogramEdges && a.histogramCounts == b.histogramCounts && a.below == b.below && a.above == b.above
}

/// The README's planned estimate as a user types it: 70B parameters, 2T tokens, 1,024 H100 in the US grid,
/// every other input at its default prior.
func plannedSpec() -> EstimateSpec {
    var spec = EstimateSpec()
    spec.parameters = .fixed(70e9)
    spec[.tokens] = .fixed(2e12)
    spec.hardware = "h100"
    spec[.chips] = .fixed(1024)
    spec.grid = .named("USA")
    return spec
}
