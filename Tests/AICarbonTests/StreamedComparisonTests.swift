import Foundation
import Testing
@testable import AICarbon

/// The paired comparison run as one streamed problem: the same numbers as the two stored runs it replaced.
@Suite("Streamed comparisons")
struct StreamedComparisonTests {
    static func estimate(grid: String, pue: Distribution? = nil) throws -> SimulationProblem {
        var spec = SimulationProblemTests.planned
        spec.grid = .named(grid)
        if let pue { spec[.pue] = pue }
        return try spec.resolve(catalog: Catalog.bundled()).problem
    }

    /// A − B, P(A < B) and both medians computed from two stored runs of the aligned problems.
    static func storedReference(_ a: SimulationProblem, _ b: SimulationProblem, settings: SimulationSettings, output: OutputName)
        throws -> (difference: OutputSummary, less: Double, medians: (Double, Double)) {
        // The two runs on the union of inputs by name (both problems here have the same inputs).
        #expect(a.inputs.map(\.name) == b.inputs.map(\.name))
        let names = a.inputs.map(\.name), order = names.sorted()
        func aligned(_ p: SimulationProblem) -> SimulationProblem {
            var q = p
            q.inputs = order.map { name in p.inputs.first { $0.name == name }! }
            q.model = ColumnSelection(model: p.model, columns: names.map { order.firstIndex(of: $0)! })
            return q
        }
        let pa = aligned(a), pb = aligned(b)
        let setA = try Simulation.run(pa, settings: settings), setB = try Simulation.run(pb, settings: settings)
        guard case .column(let ca) = pa.sources[0][pa.outputs.firstIndex(of: output.rawValue)!],
              case .column(let cb) = pb.sources[0][pb.outputs.firstIndex(of: output.rawValue)!] else {
            throw InputError(field: "output", expected: "a sampled output", found: output.rawValue)
        }
        let va = setA.outputs[ca].sorted(), vb = setB.outputs[cb].sorted()
        var difference = [Double](), less = 0
        for i in 0..<setA.count {
            let x = setA.outputs[ca][i], y = setB.outputs[cb][i]
            difference.append(x - y)
            if !(abs(x - y) <= 1e-12 * max(abs(x), abs(y))) && x < y { less += 1 }
        }
        let summary = OutputSummary(SampleSet(derived: [difference], chunks: settings.chunks), output: 0)
        let median = { (v: [Double]) in v.withUnsafeBufferPointer { OutputSummary.percentiles([50], of: $0)[0] } }
        return (summary, Double(less) / Double(setA.count), (median(va), median(vb)))
    }

    @Test("a streamed comparison gives the stored runs' difference, P(A < B) and medians bit for bit", arguments: [SamplingMethod.mc, .lhs])
    func streamedEqualsStored(method: SamplingMethod) throws {
        let a = try Self.estimate(grid: "FRA"), b = try Self.estimate(grid: "DEU", pue: .uniform(1.05, 1.6))
        let settings = SimulationSettings(samples: 1 << 17, seed: 9, method: method, threads: 2)
        let report = try Comparison.run((a, "FRA"), (b, "DEU"), settings: settings)
        for output in [OutputName.co2eKg, .energyKWh] {
            let reference = try Self.storedReference(a, b, settings: settings, output: output)
            let d = try #require(report.difference(output))
            #expect(d.mean.bitPattern == reference.difference.mean.bitPattern && d.sd.bitPattern == reference.difference.sd.bitPattern)
            #expect(d.percentiles == reference.difference.percentiles && d.min == reference.difference.min && d.max == reference.difference.max)
            #expect(report.probabilityALessThanB(output) == reference.less)
            let o = report.outputs.firstIndex(of: output)!
            #expect(report.medians[0][o].0 == reference.medians.0 && report.medians[0][o].1 == reference.medians.1)
        }
        // Energy differs only through PUE (the default prior against uniform(1.05, 1.6) on the same uniforms):
        // B is higher in most pairs, lower in the prior's tails, so P(A < B) is strictly between 0 and 1.
        let p = try #require(report.probabilityALessThanB(.energyKWh))
        #expect(p > 0 && p < 1)
    }

    @Test("a streamed comparison is bit-identical on one and two threads")
    func threads() throws {
        let a = try Self.estimate(grid: "FRA"), b = try Self.estimate(grid: "DEU")
        let reports = try [1, 2].map { threads in
            try Comparison.run((a, "FRA"), (b, "DEU"), settings: SimulationSettings(samples: 1 << 17, seed: 4, threads: threads))
        }
        for output in reports[0].outputs {
            let one = try #require(reports[0].difference(output)), two = try #require(reports[1].difference(output))
            #expect(one.mean.bitPattern == two.mean.bitPattern && one.percentiles == two.percentiles, "\(output)")
            #expect(reports[0].probabilityALessThanB(output) == reports[1].probabilityALessThanB(output))
        }
    }

    @Test("without common random numbers B draws its own uniforms: identical scenarios differ, by zero on average")
    func independentDraws() throws {
        let a = try Self.estimate(grid: "FRA")
        let n = 1 << 17
        let report = try Comparison.run((a, "A"), (a, "B"), settings: SimulationSettings(samples: n, seed: 6, threads: 2),
                                        commonRandomNumbers: false)
        let d = try #require(report.difference(.co2eKg))
        #expect(d.sd > 0)
        // The mean difference of two independent runs of one scenario is 0 within 4 Monte Carlo standard errors.
        #expect(abs(d.mean) <= 4 * d.sd / Double(n).squareRoot())
        // P(A < B) is 1/2 within 4 binomial standard errors (ties have probability 0 here).
        let p = try #require(report.probabilityALessThanB(.co2eKg))
        #expect(abs(p - 0.5) <= 4 * (0.25 / Double(n)).squareRoot())
    }
}
