import Foundation
import Testing
@testable import AICarbon

/// The planned 70B model of the benchmark (issue 3), resolved.
private func plannedModel() throws -> EstimateSpec.Resolved {
    var spec = EstimateSpec()
    spec.parameters = .fixed(70e9)
    spec[.tokens] = .fixed(2e12)
    spec.hardware = "H100 SXM"
    spec[.mfu] = try DistributionParser.parse("0.3 to 0.5", field: InputSlot.mfu.field())
    spec[.powerUtilization] = .uniform(0.6, 0.9)
    spec[.hostOverhead] = .uniform(1.1, 1.4)
    spec[.pue] = .triangular(1.1, 1.2, 1.6)
    spec.grid = .intensity(.lognormal(p05: 0.25, p95: 0.55))
    return try spec.resolve(catalog: Catalog.bundled())
}

@Suite("Streamed summaries")
struct StreamedSummaryTests {
    @Test("a streamed run summarises exactly as storing every sample does", arguments: [SamplingMethod.mc, .lhs, .sobol])
    func streamedEqualsStored(method: SamplingMethod) throws {
        let resolved = try plannedModel()
        let inputs = resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }
        let settings = SimulationSettings(samples: 300_000, seed: 11, method: method, threads: 2)
        let percentiles = [1.0, 5, 25, 50, 75, 95, 99]
        let streamed = try Simulation.summarise(inputs: inputs, model: resolved.model, settings: settings, percentiles: percentiles)
        #expect(streamed.streamed)
        let set = try Simulation.run(inputs: inputs, model: resolved.model, settings: settings)
        let stored = OutputSummary.all(set, percentiles: percentiles, bins: 30, threads: 2)
        #expect(streamed.outputs.count == stored.count)
        for (a, b) in zip(streamed.outputs, stored) { #expect(identical(a, b), "\(a) vs \(b)") }
        // And the exact order statistics are the sample's: compare with a full sort of one output.
        let sorted = set.outputs[0].sorted()
        let (rank, fraction) = OutputSummary.typeSevenRank(50, count: sorted.count)
        #expect(streamed.outputs[0].percentile(50) == sorted[rank] + fraction * (sorted[rank + 1] - sorted[rank]))
    }

    @Test("a streamed run is bit-identical with one and two threads")
    func threads() throws {
        let resolved = try plannedModel()
        let inputs = resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }
        let one = try Simulation.summarise(inputs: inputs, model: resolved.model, settings: SimulationSettings(samples: 200_000, seed: 4, threads: 1))
        let two = try Simulation.summarise(inputs: inputs, model: resolved.model, settings: SimulationSettings(samples: 200_000, seed: 4, threads: 2))
        #expect(one.streamed && two.streamed)
        for (a, b) in zip(one.outputs, two.outputs) { #expect(identical(a, b)) }
    }

    @Test("heavy atoms of a discrete input are counted, not kept: the run streams, with the stored summary")
    func atomsStream() throws {
        // 60% of the samples are exactly 1: the cell holding the median would otherwise keep over a million
        // samples (more than the keep limit, which forced storing every sample before atoms were counted).
        let inputs = [(name: "x", distribution: Distribution.discrete(values: [1, 2, 3], cumulative: [0.6, 0.8, 1]))]
        let settings = SimulationSettings(samples: 1 << 21, seed: 2, threads: 2)
        let summary = try Simulation.summarise(inputs: inputs, model: IdentityModel(dimension: 1), settings: settings)
        #expect(summary.streamed)
        let stored = OutputSummary.all(try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: settings),
                                       bins: 30, threads: 2)
        #expect(identical(summary.outputs[0], stored[0]))
        #expect(summary.outputs[0].percentile(50) == 1 && summary.outputs[0].percentile(95) == 3)
    }

    @Test("an atom beside other values in its cell: ranks below, on and above it are exact")
    func atomAmongValues() throws {
        // Distinct values just below 1 for u < 0.3, exactly 1 for 0.3 ≤ u < 0.7 (the atom), and spread up to 2.5
        // above: the median's cell holds the atom and the distinct values beside it.
        let inputs = [(name: "u", distribution: Distribution.uniform(0, 1))]
        let settings = SimulationSettings(samples: 1 << 20, seed: 5, threads: 2)
        let percentiles = [5.0, 20, 29, 31, 50, 69, 71, 95]
        let summary = try Simulation.summarise(inputs: inputs, model: ClusterModel(atomFrom: 0.3, atomTo: 0.7), settings: settings,
                                               percentiles: percentiles)
        #expect(summary.streamed)
        let set = try Simulation.run(inputs: inputs, model: ClusterModel(atomFrom: 0.3, atomTo: 0.7), settings: settings)
        #expect(identical(summary.outputs[0], OutputSummary.all(set, percentiles: percentiles, bins: 30, threads: 2)[0]))
        let p = summary.outputs[0]
        #expect(p.percentile(29)! < 1 && p.percentile(31) == 1 && p.percentile(50) == 1 && p.percentile(69) == 1)
        #expect(p.percentile(71)! > 1)
    }

    @Test("samples too concentrated to keep, with no atom, fall back to storing, with the same summary")
    func fallback() throws {
        // 60% of the samples within 10⁻⁹ below 1, all distinct: one cell would keep more than the keep limit.
        let inputs = [(name: "u", distribution: Distribution.uniform(0, 1))]
        let settings = SimulationSettings(samples: 1 << 21, seed: 2, threads: 2)
        let model = ClusterModel(atomFrom: 0.6, atomTo: 0.6)
        let summary = try Simulation.summarise(inputs: inputs, model: model, settings: settings)
        #expect(!summary.streamed)
        let stored = OutputSummary.all(try Simulation.run(inputs: inputs, model: model, settings: settings), bins: 30, threads: 2)
        #expect(identical(summary.outputs[0], stored[0]))
    }

    @Test("a rank outside the kept cells is reported, not guessed")
    func unkeptRank() throws {
        // Binning from U(0, 1); the counted sample is U(0.5, 1.5), so its median lies where the pilot saw its
        // 100th percentile region and beyond: the upper cells were not kept.
        let pilot = (0..<4_096).map { (Double($0) + 0.5) / 4_096 }
        let binning = pilot.withUnsafeBufferPointer { CountingBins(pilot: $0, samples: 40_960, percentiles: [50], bins: 30) }
        var tally = BinTally(binning: binning)
        let shifted = (0..<40_960).map { 0.5 + (Double($0) + 0.5) / 40_960 }
        shifted.withUnsafeBufferPointer { tally.add($0, binning: binning) }
        #expect(tally.orderStatistics([20_480], binning: binning) == nil)
        // A sample like the pilot: the median's cell was kept and the selection is exact.
        var matched = BinTally(binning: binning)
        let same = (0..<40_960).map { (Double($0 * 7_919 % 40_960) + 0.25) / 40_960 }
        same.withUnsafeBufferPointer { matched.add($0, binning: binning) }
        let exact = same.withUnsafeBufferPointer { OrderStatistics.select($0, ranks: [20_479, 20_480]) }
        #expect(matched.orderStatistics([20_479, 20_480], binning: binning) == exact)
        // Counts add up to the sample, with the histogram's bins and outer counts.
        let h = matched.histogram(binning: binning)
        #expect(h.counts.reduce(0, +) + h.below + h.above == 40_960)
        #expect(h.edges.count == 31 && h.edges.first! == binning.lower && h.edges.last! == binning.upper)
    }

    @Test("a binning of more than 128 segments (four-byte codes) counts and selects every percentile exactly")
    func wideCodes() throws {
        // Every percentile from 1 to 99, judged for a large run: 99 narrow kept runs, each splitting its bin
        // into segments, so more than 128 segments (a cell's code no longer fits in a byte).
        let pilot = (0..<1_048_576).map { (Double($0) + 0.5) / 1_048_576 }
        let percentiles = (1...99).map(Double.init)
        let binning = pilot.withUnsafeBufferPointer { CountingBins(pilot: $0, samples: 1 << 24, percentiles: percentiles, bins: 30) }
        #expect(binning.segmentCount > 128 && binning.codes.narrow == nil && binning.codes.wide != nil)
        let n = 262_144
        let values = (0..<n).map { (Double($0 &* 40_503 % n) + 0.5) / Double(n) }
        var tally = BinTally(binning: binning, keepLimit: n)
        // In tiles, as the engine counts them (through the binning's layout), and at once: the same tally.
        withExtendedLifetime(binning) {
            values.withUnsafeBufferPointer { all in
                for start in stride(from: 0, to: n, by: 1_000) {
                    tally.add(UnsafeBufferPointer(rebasing: all[start..<min(start + 1_000, n)]), layout: binning.layout)
                }
            }
        }
        var once = BinTally(binning: binning, keepLimit: n)
        values.withUnsafeBufferPointer { once.add($0, binning: binning) }
        #expect(tally.segmentCounts == once.segmentCounts && tally.kept == once.kept)
        #expect(tally.segmentCounts.reduce(0, +) == n && !tally.overflowed)
        let ranks = Set(percentiles.map { Int($0 / 100 * Double(n - 1)) })
        let exact = values.withUnsafeBufferPointer { OrderStatistics.select($0, ranks: ranks) }
        #expect(tally.orderStatistics(ranks, binning: binning) == exact)
    }

    @Test("runs of a million samples stream, and their histograms count every sample")
    func estimateStreams() throws {
        let resolved = try plannedModel()
        let inputs = resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }
        let n = 1_000_000
        let settings = SimulationSettings(samples: n, seed: 1, threads: 2)
        let summary = try Simulation.summarise(inputs: inputs, model: resolved.model, settings: settings)
        #expect(summary.streamed)
        // Every histogram counts every sample; the bins span about the 0.5th to 99.5th percentile.
        for s in summary.outputs where s.sd > 0 {
            #expect(s.histogramCounts.reduce(0, +) + s.below + s.above == n)
            #expect(abs(Double(s.below) / Double(n) - 0.005) < 0.002 && abs(Double(s.above) / Double(n) - 0.005) < 0.002)
        }
    }
}

/// A uniform `u` mapped to `1 − (atomFrom − u)·10⁻⁹` below `atomFrom` (distinct values just below 1), exactly 1 from
/// `atomFrom` to `atomTo` (an atom), and `1 + 5(u − atomTo)` above: most samples crowded into one cell.
private struct ClusterModel: ChunkModel {
    var atomFrom: Double, atomTo: Double
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count {
            let u = inputs[i]
            outputs[0][i] = u < atomFrom ? 1 - (atomFrom - u) * 1e-9 : u < atomTo ? 1 : 1 + 5 * (u - atomTo)
        }
    }
}
