import Foundation
import Testing
@testable import AICarbon

@Suite("Simulation engine")
struct SimulationTests {
    @Test("Latin hypercube and Sobol' estimate a smooth mean with less error than Monte Carlo at equal samples")
    func varianceReduction() throws {
        // 20 independent replicates (seeds) of 4,096 samples each; f = Σ exp(u_i), mean 3(e − 1).
        let truth = 3 * (M_E - 1)
        func meanSquaredError(_ method: SamplingMethod) throws -> Double {
            var sum = 0.0
            for seed in 1...20 {
                let set = try Simulation.run(
                    inputs: (0..<3).map { (name: "u\($0)", distribution: Distribution.uniform(0, 1)) }, model: SmoothModel(),
                    settings: SimulationSettings(samples: 4_096, seed: UInt64(seed), method: method, threads: 2, chunks: 1))
                let error = OutputSummary(set, output: 0).mean - truth
                sum += error * error
            }
            return sum / 20
        }
        let mc = try meanSquaredError(.mc), lhs = try meanSquaredError(.lhs), sobol = try meanSquaredError(.sobol)
        // LHS removes the additive variance entirely here; Sobol' converges near 1/n. Both far below MC.
        #expect(lhs < mc / 10, "LHS \(lhs) vs MC \(mc)")
        #expect(sobol < mc / 10, "Sobol' \(sobol) vs MC \(mc)")
    }

    @Test("requested rank correlations are achieved (Spearman within 0.02, about 8 standard errors at n = 50,000)",
          arguments: [0.7, -0.5, 0.3])
    func rankCorrelation(_ rho: Double) throws {
        let inputs: [(name: String, distribution: Distribution)] = [
            ("a", .lognormal(p05: 1, p95: 3)), ("b", .uniform(0, 10)), ("c", .normal(0, 1)),
        ]
        let correlation = try RankCorrelation(dimensions: [0, 1], spearman: [1, rho, rho, 1])
        let set = try Simulation.run(inputs: inputs, correlation: correlation, model: IdentityModel(dimension: 3),
                                     settings: SimulationSettings(samples: 50_000, seed: 7, threads: 2))
        #expect(abs(spearman(set.outputs[0], set.outputs[1]) - rho) < 0.02)
        #expect(abs(spearman(set.outputs[0], set.outputs[2])) < 0.02)
        // Marginals are unchanged: the lognormal keeps its 95th percentile.
        let p95 = OutputSummary(set, output: 0, percentiles: [95]).percentiles[0]
        #expect(abs(p95.value - 3) <= 4 * p95.standardError)
    }

    @Test("a correlation matrix that is not positive definite is an error")
    func notPositiveDefinite() {
        let m: [Double] = [1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]
        #expect(throws: InputError.self) { try RankCorrelation(dimensions: [0, 1, 2], spearman: m) }
    }

    @Test("same seed and samples give bit-identical results with 1 thread or 2", arguments: SamplingMethod.allCases)
    func threadIndependence(_ method: SamplingMethod) throws {
        let inputs: [(name: String, distribution: Distribution)] = [("a", .pert(1, 2, 5)), ("b", .lognormal(p05: 1, p95: 4))]
        func run(_ threads: Int) throws -> [Double] {
            try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 2),
                               settings: SimulationSettings(samples: 10_007, seed: 99, method: method, threads: threads)).outputs.flatMap { $0 }
        }
        let one = try run(1), two = try run(2)
        #expect(one.map(\.bitPattern) == two.map(\.bitPattern))
        let different = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 2),
                                           settings: SimulationSettings(samples: 10_007, seed: 100, method: method, threads: 2))
        #expect(Array(different.outputs[0]) != Array(one[0..<10_007]))
    }

    @Test("the standard error of the mean is honest: over 40 seeds, 95% intervals cover the truth about 95% of the time")
    func mcseCoverage() throws {
        var covered = 0
        for seed in 1...40 {
            let s = OutputSummary(try sample(.gamma(shape: 2, scale: 3), n: 20_000, seed: UInt64(seed)), output: 0)
            if abs(s.mean - 6) <= 1.96 * s.mcse { covered += 1 }
        }
        // Binomial(40, 0.95): at least 33 with probability > 0.99.
        #expect(covered >= 33, "\(covered) of 40")
    }

    @Test("a precision target extends the run by whole batches until it is met")
    func until() throws {
        var target = try PrecisionTarget(parsing: "p95:1%@x")
        target.outputIndex = 0
        let settings = SimulationSettings(samples: 5_000, seed: 3, threads: 2, until: target, maxSamples: 2_000_000)
        let set = try Simulation.run(inputs: [(name: "x", distribution: .lognormal(p05: 1, p95: 3))],
                                     model: IdentityModel(dimension: 1), settings: settings)
        #expect(set.batches > 1)
        #expect(set.count == set.batches * 5_000)
        let p95 = OutputSummary(set, output: 0, percentiles: [95]).percentiles[0]
        #expect(p95.halfWidth95 <= 0.01 * p95.value)
        // One batch fewer would not have met it.
        let shorter = try Simulation.run(inputs: [(name: "x", distribution: .lognormal(p05: 1, p95: 3))],
                                         model: IdentityModel(dimension: 1),
                                         settings: SimulationSettings(samples: 5_000 * (set.batches - 1), seed: 3, threads: 2))
        let q = OutputSummary(shorter, output: 0, percentiles: [95]).percentiles[0]
        #expect(q.halfWidth95 > 0.01 * q.value * 0.9)
    }

    @Test("a run stopped by maxSamples before its target says so (targetMet false); one that met it says true")
    func targetNotMet() throws {
        var target = try PrecisionTarget(parsing: "p95:0.1%@x")
        target.outputIndex = 0
        let inputs = [(name: "x", distribution: Distribution.lognormal(p05: 1, p95: 3))]
        // p95 to ±0.1% needs millions of samples; the bound allows three batches of 5,000.
        let capped = SimulationSettings(samples: 5_000, seed: 3, threads: 2, until: target, maxSamples: 15_000)
        let set = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: capped)
        #expect(set.batches == 3 && set.targetMet == false)
        let summary = try Simulation.summarise(inputs: inputs, model: IdentityModel(dimension: 1), settings: capped)
        #expect(summary.batches == 3 && summary.targetMet == false)
        var loose = try PrecisionTarget(parsing: "p95:5%@x")
        loose.outputIndex = 0
        let met = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1),
                                     settings: SimulationSettings(samples: 5_000, seed: 3, threads: 2, until: loose, maxSamples: 15_000))
        #expect(met.targetMet == true)
        let none = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: SimulationSettings(samples: 5_000, seed: 3))
        #expect(none.targetMet == nil)
    }

    @Test("the target is checked after each of the first 64 batches, then once the samples grew by a 64th; a long run stops at a checked batch, met, within a 64th of where it was first met")
    func checkSchedule() throws {
        #expect((1...64).allSatisfy { PrecisionTarget.isDue(afterBatch: $0, lastChecked: $0 - 1) })
        #expect(PrecisionTarget.isDue(afterBatch: 65, lastChecked: 64) && !PrecisionTarget.isDue(afterBatch: 66, lastChecked: 65))
        #expect(!PrecisionTarget.isDue(afterBatch: 6_499, lastChecked: 6_400) && PrecisionTarget.isDue(afterBatch: 6_500, lastChecked: 6_400))
        // The checks of a 20,000-batch run: about 64 · ln(20,000 / 64) + 64, not 20,000.
        var checks = 0, last = 0
        for b in 1...20_000 where PrecisionTarget.isDue(afterBatch: b, lastChecked: last) { checks += 1; last = b }
        #expect(checks > 300 && checks < 500, "\(checks)")
        // mean to ±0.3% of a lognormal(gsd about 1.4) in batches of 40 needs a few hundred batches: the run stops
        // after a checked batch, met, and the previous checked batch had not met it.
        var target = try PrecisionTarget(parsing: "mean:0.3%@x")
        target.outputIndex = 0
        let inputs = [(name: "x", distribution: Distribution.lognormal(p05: 1, p95: 3))]
        let settings = SimulationSettings(samples: 40, seed: 3, threads: 2, until: target, maxSamples: 400_000)
        let set = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: settings)
        #expect(set.batches > 64 && set.targetMet == true, "\(set.batches)")
        var checked = [0]
        for b in 1...set.batches where PrecisionTarget.isDue(afterBatch: b, lastChecked: checked.last!) { checked.append(b) }
        #expect(checked.last == set.batches)
        var earlier = settings
        earlier.maxSamples = checked[checked.count - 2] * 40  // the same run, capped at the previous check
        let shorter = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: earlier)
        #expect(shorter.batches == checked[checked.count - 2] && shorter.targetMet == false)
        // The same threads-independent stop on 1 thread.
        var one = settings
        one.threads = 1
        #expect(try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: one).batches == set.batches)
    }

    @Test("a target prints as typed: tolerances at six significant digits (0.0001% read as 1e-6 printed 0.00010000000000000002%)",
          arguments: [("mean:0.0001%", "mean:0.0001%@total_co2e_kg"), ("p95:1.5%@x", "p95:1.5%@x"), ("p97.5:0.3%", "p97.5:0.3%@total_co2e_kg")])
    func targetText(_ text: String, _ printed: String) throws {
        #expect(try PrecisionTarget(parsing: text).description == printed)
    }

    @Test("a tolerance outside (0%, 100%) is refused with its range, not the generic syntax", arguments: ["p95:100%", "p95:0%", "mean:150%", "p5:-1%"])
    func targetRange(_ text: String) {
        let error = #expect(throws: InputError.self) { try PrecisionTarget(parsing: text) }
        #expect(error?.expected == "a tolerance above 0% and below 100% (\"p95:1%\")", "\(String(describing: error))")
        #expect(error?.found.hasSuffix(" in \"\(text)\"") == true)
    }

    @Test("a tolerance too small or too large for a double says so; an empty output after @ is refused (mean:1%@ watched the default)")
    func targetEdges() {
        for (text, suffix) in [("mean:1e-320%", "(too small: nonzero magnitudes below 2.225e-308 are not represented)"),
                               ("p95:1e400%", "(too large: magnitudes above 1.797e308 are not represented)")] {
            let error = #expect(throws: InputError.self) { try PrecisionTarget(parsing: text) }
            #expect(error?.expected == "a tolerance above 0% and below 100% (\"p95:1%\")", "\(String(describing: error))")
            #expect(error?.found.hasSuffix(suffix) == true, "\(String(describing: error))")
        }
        for text in ["mean:1%@", "p95:2%@ "] {
            let error = #expect(throws: InputError.self) { try PrecisionTarget(parsing: text) }
            #expect(error?.expected.hasPrefix("an output after @") == true, "\(String(describing: error))")
        }
        #expect(throws: Never.self) { try PrecisionTarget(parsing: "mean:1%@energy_kwh") }
    }

    @Test("a tolerance whose own text holds \" (too \" gets the syntax, not a size refusal (the reason was read out of the parser's text, and quoted it again)")
    func targetTextLikeReason() {
        let error = #expect(throws: InputError.self) { try PrecisionTarget(parsing: "p95:1 (too big)") }
        #expect(error?.expected == "STAT:TOL[@OUTPUT] such as \"p95:1%\" or \"mean:0.5%@energy_kwh\"", "\(String(describing: error))")
        #expect(error?.found == "\"p95:1 (too big)\"", "\(String(describing: error))")
    }

    @Test("a percentile too close to 0 or 100 is refused with one wording wherever it is asked for, naming where it came from (--until had its own)")
    func percentileLimitOneWording() throws {
        let wording = "a percentile from 0.000001 to 99.999999 (closer to 0 or 100, fewer than one sample in 10⁸ falls beyond it)"
        let until = #expect(throws: InputError.self) { try PrecisionTarget(parsing: "p1e-9:1%", field: "--until") }
        #expect(until?.description == "--until: expected \(wording), found \"p1e-9\" in \"p1e-9:1%\"", "\(String(describing: until))")
        let file = #expect(throws: InputError.self) {
            try ScenarioFile.parse("name: p\nchip_hours: 100\npower: 300\nsimulation:\n  percentiles: [1, 99.99999999999]\n", path: "p.yaml")
        }
        #expect(file?.description == "p.yaml:5:20: simulation.percentiles: expected \(wording), found \"99.99999999999\"", "\(String(describing: file))")
        let flag = #expect(throws: InputError.self) { try OutputSummary.checkAskable(1e-7, typed: "1e-7", field: "--percentiles") }
        #expect(flag?.description == "--percentiles: expected \(wording), found \"1e-7\"", "\(String(describing: flag))")
        #expect(throws: Never.self) { try OutputSummary.checkAskable(0.000001, typed: "0.000001", field: "--percentiles") }
        #expect(throws: Never.self) { try OutputSummary.checkAskable(99.999999, typed: "99.999999", field: "--percentiles") }
    }

    @Test("one sample of an uncertain input is refused (its sd and mcse would read 0); two are run")
    func oneSample() throws {
        let inputs = [(name: "x", distribution: Distribution.lognormal(p05: 1, p95: 3))]
        let error = #expect(throws: InputError.self) {
            try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: SimulationSettings(samples: 1, seed: 3))
        }
        #expect(error?.field == "samples" && error?.found == "1" && error?.expected.contains("at least 2") == true)
        let two = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: SimulationSettings(samples: 2, seed: 3))
        #expect(two.count == 2)
    }

    @Test("bad settings are errors", arguments: [("samples", 0), ("threads", 0)])
    func badSettings(_ name: String, _ value: Int) {
        var s = SimulationSettings()
        if name == "samples" { s.samples = value } else { s.threads = value }
        #expect(throws: InputError.self) {
            try Simulation.run(inputs: [(name: "x", distribution: .uniform(0, 1))], model: IdentityModel(dimension: 1), settings: s)
        }
    }

    @Test("Sobol' beyond 40 uncertain inputs is an error")
    func sobolDimension() {
        let inputs = (0..<41).map { (name: "x\($0)", distribution: Distribution.uniform(0, 1)) }
        #expect(throws: InputError.self) {
            try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 41),
                               settings: SimulationSettings(samples: 100, method: .sobol))
        }
    }

    @Test("radix selection returns the same order statistics as sorting (digits of 8 to 16 bits by sample size; ties and spread values)",
          arguments: [10, 4_097, 5_000, 40_000, 100_000, 1_000_000])
    func orderStatistics(_ n: Int) {
        var generator = SplitMixForTests(seed: UInt64(n))
        // Many ties below n = 100,000, distinct values from there.
        var values = (0..<n).map { _ in n < 100_000 ? Double(Int(generator.next() % 2_000)) / 7 - 100 : Double(generator.next() >> 11) * 0x1p-53 }
        values += [0, -0.0, 1e300, -1e300, Double.leastNonzeroMagnitude]
        let sorted = values.sorted()
        let ranks = Set([0, 1, values.count / 2, values.count - 1, values.count / 20])
        let selected = values.withUnsafeBufferPointer { OrderStatistics.select($0, ranks: ranks) }
        for r in ranks { #expect(selected[r] == sorted[r] || (selected[r] == 0 && sorted[r] == 0)) }
    }
}

extension SimulationTests {
    @Test("the finiteness check of sampled columns finds an infinity or NaN at any position, and passes finite extremes")
    func finiteCheck() {
        for count in [1, 3, 4, 5, 1_024, 1_027] {
            var values = (0..<count).map { Double($0) - 2 }
            values[count - 1] = .greatestFiniteMagnitude
            #expect(values.withUnsafeBufferPointer { Simulation.allFinite($0.baseAddress!, count: count) })
            for position in Set([0, count / 2, count - 1]) {
                for bad in [Double.infinity, -.infinity, .nan] {
                    var broken = values
                    broken[position] = bad
                    #expect(!broken.withUnsafeBufferPointer { Simulation.allFinite($0.baseAddress!, count: count) })
                }
            }
        }
    }

    @Test("radix selection is exact on narrow ranges, heavy ties and a range spanning the doubles")
    func orderStatisticsRanges() {
        var generator = SplitMixForTests(seed: 11)
        let narrow = (0..<200_000).map { _ in 1e5 + Double(generator.next() % 1_000_000) * 1e-12 }
        let ties = (0..<50_000).map { _ in Double(generator.next() % 3) }
        // Any finite bit pattern, both signs (an all-ones exponent loses its top bit).
        let exponent: UInt64 = 0x7FF << 52
        let wide = (0..<30_000).map { _ in
            let bits = generator.next()
            return Double(bitPattern: bits & exponent == exponent ? bits & ~(1 << 62) : bits)
        } + [-.greatestFiniteMagnitude, .greatestFiniteMagnitude]
        for values in [narrow, ties, wide] {
            let sorted = values.sorted()
            let ranks = Set([0, 1, 4_095, 4_096, values.count / 3, values.count / 2, values.count - 2, values.count - 1])
            let selected = values.withUnsafeBufferPointer { OrderStatistics.select($0, ranks: ranks) }
            for r in ranks { #expect(selected[r] == sorted[r], "rank \(r) of \(values.count)") }
        }
    }
}

/// Spearman rank correlation (no ties expected in continuous samples).
func spearman<C: RandomAccessCollection>(_ first: C, _ second: C) -> Double where C.Element == Double, C.Index == Int {
    let a = Array(first), b = Array(second)
    func ranks(_ x: [Double]) -> [Double] {
        var r = [Double](repeating: 0, count: x.count)
        for (rank, i) in x.indices.sorted(by: { x[$0] < x[$1] }).enumerated() { r[i] = Double(rank) }
        return r
    }
    let ra = ranks(a), rb = ranks(b)
    let n = Double(a.count), mean = (n - 1) / 2
    var sab = 0.0, saa = 0.0, sbb = 0.0
    for i in a.indices {
        sab += (ra[i] - mean) * (rb[i] - mean)
        saa += (ra[i] - mean) * (ra[i] - mean)
        sbb += (rb[i] - mean) * (rb[i] - mean)
    }
    return sab / (saa * sbb).squareRoot()
}

struct SplitMixForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A whole number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
