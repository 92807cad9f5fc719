@testable import AICarbon
import Foundation
import Testing

/// Ishigami & Homma (1990): f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, inputs uniform on [−π, π]; the
/// standard test of Sobol' estimators (Saltelli et al. 2010 use it too).
struct IshigamiModel: ChunkModel {
    var a = 7.0, b = 0.1
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count {
            let x1 = inputs[i], x2 = inputs[count + i], x3 = inputs[2 * count + i]
            let s2 = Foundation.sin(x2)
            outputs[0][i] = Foundation.sin(x1) + a * s2 * s2 + b * x3 * x3 * x3 * x3 * Foundation.sin(x1)
        }
    }
}

/// g = Σ cᵢ xᵢ.
struct LinearModel: ChunkModel {
    var coefficients: [Double]
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count {
            var y = 0.0
            for (j, c) in coefficients.enumerated() { y += c * inputs[j * count + i] }
            outputs[0][i] = y
        }
    }
}

/// CO2e = E × PUE × grid intensity.
struct ProductModel: ChunkModel {
    var dimension: Int
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count {
            var y = 1.0
            for j in 0..<dimension { y *= inputs[j * count + i] }
            outputs[0][i] = y
        }
    }
}

private func ishigamiProblem() -> SimulationProblem {
    SimulationProblem(inputs: ["x1", "x2", "x3"].map { ($0, Distribution.uniform(-Double.pi, Double.pi)) }, model: IshigamiModel())
}

private func entry(_ report: SensitivityReport, _ name: String, year: Int? = nil) throws -> SensitivityReport.Entry {
    try #require(report.period(year)?.inputs.first { $0.name == name })
}

@Suite("Sensitivity")
struct SensitivityTests {
    // Analytic indices of the Ishigami function for a = 7, b = 0.1 (Saltelli et al. 2008, §4.6 / Sobol' & Levitan 1999).
    static let s1 = ["x1": 0.3139, "x2": 0.4424, "x3": 0.0]
    static let st = ["x1": 0.5576, "x2": 0.4424, "x3": 0.2437]

    @Test("Ishigami: S1 and ST within 0.02 at N = 8192 and inside their bootstrap 95% intervals", arguments: [SamplingMethod.mc, .sobol])
    func ishigami(_ design: SamplingMethod) throws {
        let settings = SimulationSettings(samples: 8_192, seed: 2_024, method: design, threads: 2)
        let report = try Sensitivity.analyse(ishigamiProblem(), method: .sobol, output: "output 0", settings: settings)
        #expect(report.runs == 8_192 * 5)
        #expect(report.period()?.inputs.map(\.name) == ["x1", "x2", "x3"])    // sorted by ST
        for name in ["x1", "x2", "x3"] {
            let e = try entry(report, name)
            let s1 = try #require(e.s1), st = try #require(e.st)
            #expect(abs(s1 - Self.s1[name]!) < 0.02, "\(design) \(name) S1 \(s1)")
            #expect(abs(st - Self.st[name]!) < 0.02, "\(design) \(name) ST \(st)")
            #expect(e.s1Low! <= Self.s1[name]! && Self.s1[name]! <= e.s1High!, "\(name) S1 interval \(e.s1Low!)–\(e.s1High!)")
            #expect(e.stLow! <= Self.st[name]! && Self.st[name]! <= e.stHigh!, "\(name) ST interval \(e.stLow!)–\(e.stHigh!)")
            // The error is within 4 bootstrap standard errors (the 95% half-width is about 2 of them).
            #expect(abs(s1 - Self.s1[name]!) <= 2 * (e.s1High! - e.s1Low!) + 1e-3)
            #expect(abs(st - Self.st[name]!) <= 2 * (e.stHigh! - e.stLow!) + 1e-3)
        }
    }

    @Test("linear g = Σ cᵢ xᵢ: S1ᵢ = STᵢ = cᵢ² Var xᵢ / Σ cⱼ² Var xⱼ; rank shares close to them")
    func linear() throws {
        let c = [1.0, -2.0, 3.0], sd = [1.0, 1.0, 1.0]
        let problem = SimulationProblem(inputs: [("x1", .normal(5, sd[0])), ("x2", .normal(-1, sd[1])), ("x3", .normal(0, sd[2]))],
                                        model: LinearModel(coefficients: c))
        let total = zip(c, sd).reduce(0) { $0 + $1.0 * $1.0 * $1.1 * $1.1 }
        let expected = zip(c, sd).map { $0 * $0 * $1 * $1 / total }    // 1/14, 4/14, 9/14
        let settings = SimulationSettings(samples: 16_384, seed: 7, threads: 2)
        let sobol = try Sensitivity.analyse(problem, method: .sobol, output: "output 0", settings: settings)
        let rank = try Sensitivity.analyse(problem, method: .rank, output: "output 0", settings: SimulationSettings(samples: 100_000, seed: 7, threads: 2))
        for (j, name) in ["x1", "x2", "x3"].enumerated() {
            let s = try entry(sobol, name)
            // ST by Jansen is exact here up to MC error (a few 0.001); S1's standard error is about 0.01 at N = 16384.
            #expect(abs(s.s1! - expected[j]) < 0.03, "\(name) S1 \(s.s1!) vs \(expected[j])")
            #expect(abs(s.st! - expected[j]) < 0.01, "\(name) ST \(s.st!) vs \(expected[j])")
            #expect(s.s1Low! <= expected[j] && expected[j] <= s.s1High!)
            #expect(s.stLow! <= expected[j] && expected[j] <= s.stHigh!)
            let r = try entry(rank, name)
            // Normal inputs: Spearman ρₛ = (6/π) asin(ρ/2) (Pearson 1907), which moves shares by under 0.01;
            // the MC error of ρ at n = 10⁵ is about 0.002.
            #expect(abs(r.share! - expected[j]) < 0.02, "\(name) share \(r.share!) vs \(expected[j])")
            #expect((r.spearman! < 0) == (c[j] < 0))
        }
        #expect(rank.period()?.inputs.map(\.name) == ["x3", "x2", "x1"])
        #expect(abs(rank.period()!.inputs.reduce(0) { $0 + $1.share! } - 1) < 1e-12)
    }

    @Test("tornado on CO2e = E × PUE × grid gives the closed-form low and high")
    func tornado() throws {
        let energy = Distribution.uniform(1e6, 2e6), pue = Distribution.triangular(1.1, 1.2, 1.6)
        let grid = Distribution.lognormal(mu: Foundation.log(0.37), sigma: Foundation.log(0.55 / 0.25) / (2 * Distribution.z95))
        let problem = SimulationProblem(inputs: [("energy", energy), ("pue", pue), ("grid", grid)], model: ProductModel(dimension: 3))
        let report = try Sensitivity.analyse(problem, method: .tornado, output: "output 0", settings: SimulationSettings(threads: 1))
        let all = [energy, pue, grid]
        let medians = all.map(\.median)
        #expect(report.runs == 7)
        let baseline = try #require(report.period()?.baseline)
        #expect(abs(baseline - medians.reduce(1, *)) <= 1e-12 * baseline)
        for (j, name) in ["energy", "pue", "grid"].enumerated() {
            let others = medians.enumerated().filter { $0.offset != j }.reduce(1.0) { $0 * $1.element }
            let low = all[j].quantile(0.05) * others, high = all[j].quantile(0.95) * others
            let e = try entry(report, name)
            #expect(abs(e.low! - low) <= 1e-12 * low)
            #expect(abs(e.high! - high) <= 1e-12 * high)
            #expect(abs(e.swing! - (high - low)) <= 1e-9 * high)
        }
        // Closed forms: uniform p05/p95 = a + 0.05/0.95 (b − a); lognormal p95/p05 = 0.55/0.25 by construction.
        let g = try entry(report, "grid")
        #expect(abs(g.high! / g.low! - 0.55 / 0.25) < 1e-9)
        let e = try entry(report, "energy")
        #expect(abs(e.high! / e.low! - 1.95 / 1.05) < 1e-12)
        let swings = report.period()!.inputs.map(\.swing!)
        #expect(swings == swings.sorted(by: >))
    }

    @Test("same seed, 1 or 2 threads: identical reports for every method and design",
          arguments: [SensitivityMethod.rank, .tornado, .sobol], [SamplingMethod.mc, .lhs, .sobol])
    func threads(_ method: SensitivityMethod, _ design: SamplingMethod) throws {
        let problem = ishigamiProblem()
        let one = try Sensitivity.analyse(problem, method: method, output: "output 0",
                                          settings: SimulationSettings(samples: 5_000, seed: 3, method: design, threads: 1))
        let two = try Sensitivity.analyse(problem, method: method, output: "output 0",
                                          settings: SimulationSettings(samples: 5_000, seed: 3, method: design, threads: 2))
        #expect(SensitivityRendering.json(one).rendered() == SensitivityRendering.json(two).rendered())
        #expect(SensitivityRendering.csv(one) == SensitivityRendering.csv(two))
    }

    @Test("year steps are grouped under their key and moved together")
    func grouping() throws {
        #expect(SensitivityFactors(inputs: ["ai_growth@2025", "pue", "ai_growth@2031", "noise:ai_growth@2026"]).names
                == ["ai_growth", "pue", "noise:ai_growth"])
        #expect(SensitivityFactors.factor(of: "a@b") == "a@b")
        // y = g@2025 + g@2026 + h with equal variances: the group g has S1 = ST = 2/3, rank share about 2/3.
        let problem = SimulationProblem(inputs: [("g@2025", .normal(0, 1)), ("g@2026", .normal(0, 1)), ("h", .normal(0, 1))],
                                        model: LinearModel(coefficients: [1, 1, 1]))
        let settings = SimulationSettings(samples: 16_384, seed: 11, threads: 2)
        let sobol = try Sensitivity.analyse(problem, method: .sobol, output: "output 0", settings: settings)
        #expect(sobol.period()?.inputs.map(\.name) == ["g", "h"])
        #expect(abs(try entry(sobol, "g").st! - 2.0 / 3) < 0.01)
        #expect(abs(try entry(sobol, "g").s1! - 2.0 / 3) < 0.03)
        let rank = try Sensitivity.analyse(problem, method: .rank, output: "output 0", settings: settings)
        #expect(abs(try entry(rank, "g").share! - 2.0 / 3) < 0.02)
        let tornado = try Sensitivity.analyse(problem, method: .tornado, output: "output 0", settings: settings)
        #expect(abs(try entry(tornado, "g").swing! - 4 * Distribution.z95) < 1e-9)
        #expect(abs(try entry(tornado, "h").swing! - 2 * Distribution.z95) < 1e-9)
    }

    @Test("declared correlations: rank works and says so; Sobol' indices refuse, suggesting rank")
    func correlated() throws {
        let correlation = try RankCorrelation(dimensions: [0, 1], spearman: [1, 0.5, 0.5, 1])
        let problem = SimulationProblem(inputs: [("a", .normal(0, 1)), ("b", .normal(0, 1))], correlation: correlation,
                                        model: LinearModel(coefficients: [1, 1]))
        let settings = SimulationSettings(samples: 20_000, threads: 2)
        let rank = try Sensitivity.analyse(problem, method: .rank, output: "output 0", settings: settings)
        #expect(rank.correlated)
        #expect(SensitivityRendering.table(rank).contains("shares overlap"))
        #expect(throws: InputError.self) { try Sensitivity.analyse(problem, method: .sobol, output: "output 0", settings: settings) }
        do {
            _ = try Sensitivity.analyse(problem, method: .sobol, output: "output 0", settings: settings)
        } catch {
            #expect(error.field == "sensitivity")
            #expect(error.expected.contains("use rank"))
        }
    }

    @Test("bad requests: unknown output, a year for an estimate, a Sobol' design beyond 40 dimensions")
    func badRequests() throws {
        let problem = ishigamiProblem()
        let settings = SimulationSettings(samples: 100, threads: 1)
        func field(_ body: () throws -> Void) -> String? {
            do { try body() } catch { return (error as? InputError)?.field ?? "\(error)" }
            return nil
        }
        #expect(field { _ = try Sensitivity.analyse(problem, method: .rank, output: "nope", settings: settings) } == "output")
        #expect(field { _ = try Sensitivity.analyse(problem, method: .rank, output: "output 0", year: 2030, settings: settings) } == "year")
        let wide = SimulationProblem(inputs: (0..<21).map { ("x\($0)", Distribution.uniform(0, 1)) }, model: LinearModel(coefficients: Array(repeating: 1, count: 21)))
        var sobolDesign = settings
        sobolDesign.method = .sobol
        #expect(field { _ = try Sensitivity.analyse(wide, method: .sobol, output: "output 0", settings: sobolDesign) } == "method")
        // Monte Carlo base samples have no such limit.
        #expect(field { _ = try Sensitivity.analyse(wide, method: .sobol, output: "output 0", settings: settings) } == nil)
    }

    @Test("JSON has exactly the contract's members for each method, sorted by importance")
    func json() throws {
        let problem = ishigamiProblem()
        let settings = SimulationSettings(samples: 2_048, seed: 5, threads: 2)
        let keys: [SensitivityMethod: [String]] = [
            .rank: ["name", "spearman", "share"], .tornado: ["name", "low", "high", "swing"],
            .sobol: ["name", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"],
        ]
        for method in SensitivityMethod.allCases {
            let report = try Sensitivity.analyse(problem, method: method, output: "output 0", settings: settings)
            let object = try JSONSerialization.jsonObject(with: Data(SensitivityRendering.json(report).rendered().utf8)) as? [String: Any]
            #expect(Set(object?.keys.map { $0 } ?? []) == ["output", "method", "inputs"])
            #expect(object?["method"] as? String == method.rawValue)
            let inputs = try #require(object?["inputs"] as? [[String: Any]])
            #expect(inputs.count == 3)
            for input in inputs { #expect(Set(input.keys) == Set(keys[method]!)) }
        }
    }

    @Test("the README's library example: Sobol' indices of the planned 70B model, MFU first")
    func readmeExample() throws {
        let catalog = try Catalog.bundled()
        var spec = EstimateSpec()
        spec.hardware = "H100 SXM"
        spec.parameters = .fixed(70e9)
        spec[.tokens] = .fixed(2e12)
        spec[.chips] = .fixed(1024)
        spec.grid = .named("USA")
        let sensitivity = try Sensitivity.analyse(spec, catalog: catalog, method: .sobol, output: "co2e_kg",
                                                  settings: SimulationSettings(samples: 8_192, seed: 1))
        let inputs = try #require(sensitivity.period()?.inputs)
        #expect(inputs.first?.name == "mfu")
        #expect(inputs.allSatisfy { $0.s1 != nil && $0.st != nil })
        #expect(SensitivityRendering.table(sensitivity).contains("reading: mfu explains"))
    }
}
