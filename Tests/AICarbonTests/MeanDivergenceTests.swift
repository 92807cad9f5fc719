import Foundation
import Testing
@testable import AICarbon

/// y = 1 / (x₁ x₂): an output that grows in the lower tails of two inputs at once, as embodied emissions grow
/// as 1 / (MFU × lifetime).
private struct ReciprocalProduct: ChunkModel {
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count { outputs[0][i] = 1 / (inputs[i] * inputs[count + i]) }
    }
}

/// y = 1 / (x₁ x₂ x₃): three inputs whose lower tails multiply.
private struct ReciprocalTriple: ChunkModel {
    var outputCount: Int { 1 }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for i in 0..<count { outputs[0][i] = 1 / (inputs[i] * inputs[count + i] * inputs[2 * count + i]) }
    }
}

/// y = 1 / (x₁ x₂ x₃) in each of `columns` model columns (a projection's years × outputs, say).
private struct WideReciprocalTriple: ChunkModel {
    var columns: Int
    var outputCount: Int { columns }
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        for c in 0..<columns {
            for i in 0..<count { outputs[c][i] = 1 / (inputs[i] * inputs[count + i] * inputs[2 * count + i]) }
        }
    }
}

/// Outputs whose mean sampling cannot estimate are named (``MeanDivergence``): an MFU prior with mass near 0
/// makes E[1/MFU] infinite, yet every finite sample prints a finite mean ± mcse.
@Suite("Means that sampling cannot estimate")
struct MeanDivergenceTests {
    /// The README's planned estimate with `mfu` (and optionally `power`) replaced.
    private static func planned(mfu: Distribution? = nil, power: Distribution? = nil) throws -> SimulationProblem {
        var spec = plannedSpec()
        if let mfu { spec[.mfu] = mfu }
        if let power { spec[.powerW] = power }
        return try spec.resolve(catalog: Catalog.bundled()).problem
    }

    @Test("the default priors, and MFU priors whose E[1/MFU²] is finite, give no finding", arguments: [
        nil, Distribution.uniform(0.1, 0.5), .beta(3, 5, lower: 0, upper: 1), .pert(0, 0.3, 0.6),
    ])
    func finite(_ mfu: Distribution?) throws {
        #expect(MeanDivergence.find(try Self.planned(mfu: mfu)).isEmpty)
    }

    @Test("MFU with density at 0 (uniform(0, 1), beta(1, 3)) or beyond (beta(0.5, 0.5)): every training output, lower tail of mfu",
          arguments: [Distribution.uniform(0, 1), .beta(1, 3, lower: 0, upper: 1), .beta(0.5, 0.5, lower: 0, upper: 1)])
    func infinite(_ mfu: Distribution) throws {
        let problem = try Self.planned(mfu: mfu)
        let findings = MeanDivergence.find(problem)
        #expect(Set(findings.map(\.input)) == ["mfu"] && findings.allSatisfy { !$0.upperTail && $0.year == nil && $0.infiniteMean })
        let outputs = Set(findings.map(\.output))
        #expect(["energy_kwh", "co2e_kg", "total_co2e_kg", "chip_hours", "wall_clock_hours"].allSatisfy(outputs.contains), "\(outputs)")
        // Constant outputs (training FLOPs, inference energy 0) are not named.
        #expect(!outputs.contains("training_flops") && !outputs.contains("inference_energy_kwh"))
        let warnings = MeanDivergence.warnings(problem)
        #expect(warnings.count == 1)
        #expect(warnings[0].hasPrefix("warning: mean and mcse not meaningful for energy_kwh, "), "\(warnings)")
        #expect(warnings[0].contains("lower tail of mfu = \(mfu)"), "\(warnings)")
    }

    @Test("MFU with E[1/MFU] finite but E[1/MFU²] infinite (beta(1.2, 3), beta(2, 3)): the mcse is named, not the mean",
          arguments: [Distribution.beta(1.2, 3, lower: 0, upper: 1), .beta(2, 3, lower: 0, upper: 1)])
    func infiniteVariance(_ mfu: Distribution) throws {
        let problem = try Self.planned(mfu: mfu)
        let findings = MeanDivergence.find(problem)
        #expect(!findings.isEmpty && findings.allSatisfy { $0.input == "mfu" && !$0.upperTail && !$0.infiniteMean })
        let warnings = MeanDivergence.warnings(problem)
        #expect(warnings.count == 1 && warnings[0].hasPrefix("warning: mcse not meaningful for energy_kwh, "), "\(warnings)")
        #expect(warnings[0].contains("grow like 1/√p or faster in the lower tail of mfu = \(mfu)"), "\(warnings)")
    }

    @Test("a lognormal in a numerator: gsd 1000 is named for its mean, gsd 100 for its mcse, gsd 2 not at all")
    func lognormalSpread() throws {
        let wide = MeanDivergence.find(try Self.planned(power: .lognormal(median: 300, gsd: 1000)))
        #expect(!wide.isEmpty && wide.allSatisfy { $0.input == "power" && $0.upperTail && $0.infiniteMean })
        let middle = MeanDivergence.find(try Self.planned(power: .lognormal(median: 300, gsd: 100)))
        #expect(!middle.isEmpty && middle.allSatisfy { $0.input == "power" && $0.upperTail && !$0.infiniteMean })
        #expect(MeanDivergence.find(try Self.planned(power: .lognormal(median: 300, gsd: 2))).isEmpty)
    }

    @Test("the report carries the warning, the table prints it wrapped, JSON lists it under warnings")
    func report() throws {
        var spec = plannedSpec()
        spec[.mfu] = .uniform(0, 1)
        let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        #expect(report.warnings.count == 1 && report.meanWarnings == report.warnings)
        let table = TableRenderer().render(report)
        #expect(table.contains("warning: mean and mcse not meaningful for energy_kwh,"))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 || !($0.hasPrefix("warning") || $0.hasPrefix("  ")) || $0.contains("=") })
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONRenderer().render(report).utf8)) as? [String: Any])
        #expect((json["warnings"] as? [String]) == report.warnings)
        let html = HTMLRenderer().render(report)
        #expect(html.contains("<ul class=\"warnings\">\n<li>warning: mean and mcse not meaningful for energy_kwh,"))
        spec[.mfu] = nil
        let plain = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        let plainJSON = try #require(JSONSerialization.jsonObject(with: Data(JSONRenderer().render(plain).utf8)) as? [String: Any])
        #expect(plain.warnings.isEmpty && plainJSON["warnings"] == nil && !HTMLRenderer().render(plain).contains("class=\"warnings\""))
    }

    @Test("compare: A's warning is carried, prefixed A:, into the report, its JSON and its table; the plain side adds none")
    func comparison() throws {
        var a = plannedSpec()
        a[.mfu] = .uniform(0, 1)
        let pa = try a.resolve(catalog: Catalog.bundled()).problem, pb = try plannedSpec().resolve(catalog: Catalog.bundled()).problem
        let report = try Comparison.run((pa, "a"), (pb, "b"), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        #expect(report.warnings.count == 1 && report.warnings[0].hasPrefix("A: warning: mean and mcse not meaningful for energy_kwh,"),
                "\(report.warnings)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONRenderer().render(report).utf8)) as? [String: Any])
        #expect((json["warnings"] as? [String]) == report.warnings)
        #expect(TableRenderer().render(report).contains("\nA: warning: mean and mcse not meaningful"))
        let plain = try Comparison.run((pb, "b"), (pb, "b2"), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        #expect(plain.warnings.isEmpty)
    }

    @Test("Sobol' indices of an output with an infinite variance carry a warning (in the table and JSON); rank and tornado do not")
    func sobol() throws {
        var spec = plannedSpec()
        spec[.mfu] = .beta(1.2, 3, lower: 0, upper: 1)
        let problem = try spec.resolve(catalog: Catalog.bundled()).problem
        let settings = SimulationSettings(samples: 1_000, seed: 1, threads: 2)
        let sobol = try Sensitivity.analyse(problem, method: .sobol, output: "co2e_kg", settings: settings)
        #expect(sobol.warnings == ["warning: Sobol' indices not meaningful for co2e_kg: its variance is infinite or beyond what sampling can "
                                   + "estimate, from the tail of mfu; use rank (the default), which needs no finite variance"])
        #expect(SensitivityRendering.table(sobol).contains("\nwarning: Sobol' indices not meaningful for co2e_kg"))
        let json = SensitivityRendering.document(sobol, scenario: "x").rendered()
        #expect(json.contains("\"warnings\""))
        #expect(try Sensitivity.analyse(problem, method: .rank, output: "co2e_kg", settings: settings).warnings.isEmpty)
        #expect(try Sensitivity.analyse(try plannedSpec().resolve(catalog: Catalog.bundled()).problem, method: .sobol, output: "co2e_kg",
                                        settings: settings).warnings.isEmpty)
    }

    @Test("the shipped projection scenarios give no finding")
    func projections() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let document = try ScenarioFile.loadDocument(folder.appendingPathComponent(file).path)
            let problem: SimulationProblem
            switch document {
            case .estimate(let s): problem = try s.spec.resolve(catalog: Catalog.bundled()).problem
            case .projection(let p): problem = try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears).problem
            }
            #expect(MeanDivergence.find(problem).isEmpty, "\(file)")
        }
    }

    /// A pair of beta(a, 3) inputs under y = 1 / (x₁ x₂), rank-correlated `rho` (none when 0).
    private static func reciprocalPair(a: Double, rho: Double) throws -> SimulationProblem {
        let correlation = rho == 0 ? nil : try RankCorrelation(dimensions: [0, 1], spearman: [1, rho, rho, 1])
        return SimulationProblem(inputs: [("x1", .beta(a, 3, lower: 0, upper: 1)), ("x2", .beta(a, 3, lower: 0, upper: 1))],
                                 correlation: correlation, model: ReciprocalProduct())
    }

    /// Under a Gaussian copula with Pearson ρ = 2 sin(πρ_S/6), 1/(x₁x₂) with x ~ beta(a, ·) (x(p) ∝ p^(1/a) near 0) has
    /// exponent (1 + ρ)/a in the joint lower tail, against 1/a for either input alone (tail order 2/(1 + ρ):
    /// Ledford & Tawn 1996; Hua & Joe 2011). Expected: the kind the pair adds (nil: none), from 0.475 and 0.95.
    @Test("a correlated pair is flagged exactly where (1 + ρ)/a crosses a bound that 1/a alone does not", arguments: [
        (2.5, 0.0, nil), (2.5, 0.1, nil), (2.5, 0.173, nil), (2.5, 0.185, false), (2.5, 0.3, false), (2.5, 0.9, false), (2.5, -0.9, nil),
        (1.6, 0.4, nil), (1.6, 0.7, true),
    ] as [(Double, Double, Bool?)])
    func correlatedPair(_ a: Double, _ rho: Double, _ infiniteMean: Bool?) throws {
        // (2.5, 0.185): b = (1 + 0.1935)/2.5 = 0.4774, 0.5% above 0.475; (2.5, 0.173): 0.4724, 0.5% below.
        let problem = try Self.reciprocalPair(a: a, rho: rho)
        let pairs = MeanDivergence.find(problem).filter { $0.partner != nil }
        if let infiniteMean {
            #expect(pairs.count == 1, "\(pairs)")
            #expect(pairs.allSatisfy { $0.input == "x1" && $0.partner?.name == "x2" && !$0.upperTail && $0.partner?.upperTail == false
                                       && $0.infiniteMean == infiniteMean && abs(($0.rankCorrelation ?? 0) - rho) < 1e-12 }, "\(pairs)")
        } else {
            #expect(pairs.isEmpty, "\(pairs)")
        }
        // Alone, each input keeps its own finding: a variance for 1/a = 0.625, none for 0.4.
        let single = MeanDivergence.find(problem).filter { $0.partner == nil }
        #expect(single.count == (a == 1.6 ? 2 : 0) && single.allSatisfy { !$0.infiniteMean && !$0.upperTail }, "\(single)")
    }

    @Test("an estimate with mfu and lifetime each of finite variance, rank-correlated 0.9, names the pair for embodied_co2e_kg; uncorrelated, nothing")
    func correlatedEstimate() throws {
        var spec = plannedSpec()
        spec[.mfu] = .beta(2.5, 3, lower: 0, upper: 1)
        spec[.lifetime] = .gamma(shape: 2.5, scale: 17_520)
        #expect(MeanDivergence.find(try spec.resolve(catalog: Catalog.bundled()).problem).isEmpty)
        spec.correlations = [EstimateSpec.Correlation(first: "mfu", second: "lifetime", rho: 0.9)]
        let problem = try spec.resolve(catalog: Catalog.bundled()).problem
        let findings = MeanDivergence.find(problem)
        #expect(findings.contains { $0.output == "embodied_co2e_kg" } && findings.allSatisfy { $0.partner != nil && !$0.infiniteMean },
                "\(findings)")
        let warnings = MeanDivergence.warnings(problem)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("embodied_co2e_kg") == true)
        #expect(warnings.first?.contains("grow like 1/√p or faster where the lower tail of mfu = beta(2.5, 3) meets the lower tail of "
                                         + "lifetime = gamma(2.5, 17520) h (rank correlation 0.9; neither alone does this)") == true, "\(warnings)")
    }

    /// Three beta(a, 3) inputs under y = 1 / (x₁ x₂ x₃), every pair rank-correlated `rho`.
    private static func reciprocalTriple(a: Double, rho: Double) throws -> SimulationProblem {
        let correlation = try RankCorrelation(dimensions: [0, 1, 2], spearman: [1, rho, rho, rho, 1, rho, rho, rho, 1])
        return SimulationProblem(inputs: (1...3).map { ("x\($0)", Distribution.beta(a, 3, lower: 0, upper: 1)) }, correlation: correlation,
                                 model: ReciprocalTriple())
    }

    /// With Pearson ρ between every pair, three inputs of exponent b = 1/a have exponent b(1 + 2ρ) together (the
    /// normal copula's tail order 1ᵀR⁻¹1 = 3 / (1 + 2ρ) on the diagonal, Hua & Joe 2011) against b(1 + ρ) for a pair.
    /// Expected: (the pairs' kind, the group's kind), nil for none; bounds 0.475 and 0.95.
    @Test("a correlated group of three is flagged where b(1 + 2ρ) crosses a bound that no pair's b(1 + ρ) does", arguments: [
        (4.0, 0.7, nil, false),    // b = 0.25, ρ = 0.717: pairs 0.429, group 0.608: an infinite variance only together
        (4.0, 0.2, nil, nil),      // ρ = 0.209: group 0.354
        (4.0, -0.3, nil, nil),     // negative: lighter than any input alone
        (2.5, 0.8, false, true),   // b = 0.4, ρ = 0.813: pairs 0.725 (variance), group 1.05 (an infinite mean)
        (2.5, 0.3, false, nil),    // ρ = 0.313: pairs 0.525, group 0.65: the group adds nothing to its pairs
    ] as [(Double, Double, Bool?, Bool?)])
    func correlatedGroup(_ a: Double, _ rho: Double, _ pairMean: Bool?, _ groupMean: Bool?) throws {
        let findings = MeanDivergence.find(try Self.reciprocalTriple(a: a, rho: rho))
        let pairs = findings.filter { $0.partner != nil }, groups = findings.filter { !$0.group.isEmpty }
        #expect(findings.allSatisfy { $0.partner != nil || !$0.group.isEmpty }, "\(findings)")
        if let pairMean {
            #expect(pairs.count == 3 && pairs.allSatisfy { $0.infiniteMean == pairMean && !$0.upperTail }, "\(pairs)")
        } else {
            #expect(pairs.isEmpty, "\(pairs)")
        }
        if let groupMean {
            #expect(groups.count == 1, "\(groups)")
            let group = try #require(groups.first)
            #expect(group.inputs == ["x1", "x2", "x3"] && !group.upperTail && group.group.allSatisfy { !$0.upperTail }
                    && group.infiniteMean == groupMean, "\(group)")
            #expect(group.groupRankCorrelations.count == 3 && group.groupRankCorrelations.allSatisfy { abs($0 - rho) < 1e-12 })
        } else {
            #expect(groups.isEmpty, "\(groups)")
        }
    }

    @Test("an estimate with mfu, lifetime and in_use each of finite variance, rank-correlated 0.7, names the three for embodied_co2e_kg (and the total it dominates)")
    func correlatedEstimateGroup() throws {
        var spec = plannedSpec()
        spec[.mfu] = .beta(4, 3, lower: 0, upper: 1)
        spec[.lifetime] = .gamma(shape: 4, scale: 10_950)
        spec[.inUse] = .beta(4, 3, lower: 0, upper: 1)
        spec.correlations = [("mfu", "lifetime"), ("mfu", "in_use"), ("lifetime", "in_use")].map {
            EstimateSpec.Correlation(first: $0.0, second: $0.1, rho: 0.7)
        }
        let problem = try spec.resolve(catalog: Catalog.bundled()).problem
        let findings = MeanDivergence.find(problem)
        #expect(findings.map(\.output) == ["embodied_co2e_kg", "total_co2e_kg"] && findings.allSatisfy { $0.group.count == 2 && !$0.infiniteMean },
                "\(findings)")
        let warnings = MeanDivergence.warnings(problem)
        #expect(warnings == ["warning: mcse not meaningful for embodied_co2e_kg, total_co2e_kg: they grow like 1/√p or faster where the lower tail of "
                             + "mfu = beta(4, 3), the lower tail of lifetime = gamma(4, 10950) h and the lower tail of in_use = beta(4, 3) "
                             + "meet (rank correlations mfu–lifetime 0.7, mfu–in_use 0.7, lifetime–in_use 0.7; no fewer of them do this), so "
                             + "the variance is infinite or beyond what sampling can estimate and the mean converges more slowly than its mcse "
                             + "says; read the median and percentiles"], "\(warnings)")
    }

    @Test("nine inputs rank-correlated 0.7, of which y = 1 / (x₁ x₂ x₃) reads three: only that group is named (coarser grids past the budget), no group of four repeats it")
    func largeCorrelatedSet() throws {
        let d = 9, rho = 0.7
        let spearman = (0..<(d * d)).map { $0 / d == $0 % d ? 1 : rho }
        let problem = SimulationProblem(inputs: (1...d).map { ("x\($0)", Distribution.beta(4, 3, lower: 0, upper: 1)) },
                                        correlation: try RankCorrelation(dimensions: Array(0..<d), spearman: spearman), model: ReciprocalTriple())
        let findings = MeanDivergence.find(problem)
        #expect(findings.count == 1 && findings.first?.inputs == ["x1", "x2", "x3"] && findings.first?.infiniteMean == false, "\(findings)")
    }

    /// A review find: groups past the budget were dropped in the order the correlations were listed, so listing the
    /// same correlations in another order could drop a warning.
    @Test("the groups tested, and so the findings, do not depend on the order the correlations are declared in")
    func declarationOrder() throws {
        // 13 inputs, every pair correlated: 0.75 among x1, x2, x3 (which y reads), 0.05 elsewhere; 286 groups of three.
        let d = 13
        func rho(_ i: Int, _ j: Int) -> Double { i == j ? 1 : (i < 3 && j < 3 ? 0.75 : 0.05) }
        let problem = { (order: [Int]) throws -> SimulationProblem in
            let spearman = order.flatMap { i in order.map { j in rho(i, j) } }
            return SimulationProblem(inputs: (1...d).map { ("x\($0)", Distribution.beta(4, 3, lower: 0, upper: 1)) },
                                     correlation: try RankCorrelation(dimensions: order, spearman: spearman), model: ReciprocalTriple())
        }
        let forward = MeanDivergence.find(try problem(Array(0..<d)))
        let backward = MeanDivergence.find(try problem(Array((0..<d).reversed())))
        #expect(forward.count == 1 && forward.first?.inputs.sorted() == ["x1", "x2", "x3"], "\(forward)")
        #expect(Set(backward.map { $0.inputs.sorted() }) == Set(forward.map { $0.inputs.sorted() }), "\(backward)")
    }

    @Test("the budget counts model values, not rows: a model of 2,000 columns (a long projection) tests no group of three, so memory stays bounded; groups are ordered by strength")
    func budgetInValues() throws {
        // A 200-year projection of eleven outputs took 1.9 GB and two minutes when the budget counted rows.
        let correlation = try RankCorrelation(dimensions: [0, 1, 2], spearman: [1, 0.7, 0.7, 0.7, 1, 0.7, 0.7, 0.7, 1])
        let inputs = (1...3).map { ("x\($0)", Distribution.beta(4, 3, lower: 0, upper: 1)) }
        let narrow = MeanDivergence.find(SimulationProblem(inputs: inputs, correlation: correlation, model: WideReciprocalTriple(columns: 1)))
        let wide = MeanDivergence.find(SimulationProblem(inputs: inputs, correlation: correlation, model: WideReciprocalTriple(columns: 2_000)))
        #expect(narrow.count == 1 && !narrow[0].group.isEmpty, "\(narrow)")
        #expect(wide.isEmpty, "\(wide)")
        let pearson = [1, 0.2, 0.9, 0.2, 1, 0.2, 0.9, 0.2, 1.0]
        // Three dimensions are one group; with four inputs listed in another order the strongest group comes first.
        let four = [1, 0.1, 0.1, 0.1, 0.1, 1, 0.8, 0.8, 0.1, 0.8, 1, 0.8, 0.1, 0.8, 0.8, 1.0]
        let ordered = MeanDivergence.groupOrder([[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]], pearson: four, dims: [0, 1, 2, 3])
        #expect(ordered.first == [1, 2, 3], "\(ordered)")
        #expect(MeanDivergence.groupOrder([[0, 1, 2]], pearson: pearson, dims: [5, 3, 4]) == [[0, 1, 2]])
    }
}
