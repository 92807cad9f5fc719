import Foundation
import Testing
@testable import AICarbon

/// A seeded fuzz target (issue 15): any string given to the distribution and quantity parsers, and any
/// mutation of the shipped scenario files, gives an error or a result: never a crash, a hang past a few
/// seconds, or a non-finite number. Deterministic (fixed seeds and case counts), about a minute in all on
/// a debug build; `AICARBON_FUZZ_CASES` scales the case counts for a longer run.
@Suite("Fuzz: parsers and scenario loader (issue 15)", .serialized)
struct FuzzTests {
    /// The tests' SplitMix64 (``SplitMixForTests``): small, fast, and the same on every platform.
    typealias Generator = SplitMixForTests

    static let scale: Int = ProcessInfo.processInfo.environment["AICARBON_FUZZ_CASES"].flatMap(Int.init) ?? 1

    /// Pieces the mutations insert: the syntax's own words and numbers at the edges of the doubles.
    static let pieces = [
        "(", ")", ",", " to ", "%", "e300", "e-300", "1e308", "-", "+", ".", "0", "1", "2.5", "1e5", "1e6", "nan", "inf", "-inf",
        "truncated(", "normal(", "lognormal(", "beta(", "gamma(", "weibull(", "pert(", "triangular(", "uniform(", "loguniform(",
        "discrete(", "p05 = ", "p95 = ", ":", " W", " kW", " kg/kWh", " h", " days", " years", " TWh", " L/kWh", "B", "T", "M",
        "1,000", "\u{1B}[2J", "\n", "\t", "\0", "é", "ℓ", "∞", "–", "  ", "))))", "((((", "1e-320", "4.9e-324", "-0",
    ]
    static let seeds = [
        "1.2", "330 W", "0.3 to 0.5", "0.25 to 0.55 kg/kWh", "uniform(0.6, 0.9)", "triangular(1.1, 1.2, 1.6)", "pert(1.1, 1.2, 1.6)",
        "normal(1.2, 0.1)", "lognormal(0.4, 1.5)", "lognormal(p05 = 0.3, p95 = 0.5)", "beta(2, 5)", "beta(2, 5, 1.1, 1.6)",
        "gamma(2, 0.1)", "weibull(1.5, 2)", "loguniform(0.1, 10)", "truncated(normal(1.2, 0.2), 1, 2)",
        "discrete(1.1: 0.5, 1.2: 0.3, 1.5: 0.2)", "40%", "1,000", "70B", "2T", "14.8 days", "6 years", "415 TWh",
    ]
    static let fields = [
        NumericField("pue", .dimensionless, .atLeastOne), NumericField("mfu", .dimensionless, .unitInterval),
        NumericField("power", .power, .positive, defaultUnit: "W"), NumericField("grid", .carbonIntensity, .nonNegative),
        NumericField("hours", .duration, .positive, defaultUnit: "h"), NumericField("chips", .count, .positiveInteger),
        NumericField("x", .dimensionless, .real), NumericField("share", .dimensionless, .share),
        NumericField("ai_growth", .dimensionless, .positive),
    ]

    static func mutate(_ text: String, _ g: inout Generator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0...g.below(4) {
            let at = scalars.isEmpty ? 0 : g.below(scalars.count + 1)
            switch g.below(5) {
            case 0, 1: scalars.insert(contentsOf: g.pick(pieces).unicodeScalars, at: at)
            case 2 where !scalars.isEmpty:
                let end = min(scalars.count, at + 1 + g.below(6))
                scalars.removeSubrange(min(at, end)..<end)
            case 3 where !scalars.isEmpty:
                let end = min(scalars.count, at + 1 + g.below(12))
                let part = Array(scalars[min(at, end)..<end])
                scalars.insert(contentsOf: part, at: g.below(scalars.count + 1))
            default:
                scalars.insert(contentsOf: g.pick(seeds).unicodeScalars, at: at)
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// The quantiles of an accepted distribution are finite (or ±∞ only at u = 0, 1, which are never drawn).
    static func checkFinite(_ d: Distribution, _ text: String) {
        for u in [1e-12, 1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-6, 1 - 1e-12] {
            let q = d.quantile(u)
            #expect(q.isFinite, "\"\(text)\" gave quantile \(q) at \(u)")
            if !q.isFinite { return }
        }
    }

    @Test("distribution and growth parsers: any string is an error or a distribution with finite quantiles", .timeLimit(.minutes(2)))
    func distributions() {
        var g = Generator(seed: 15)
        var accepted = 0
        for case_ in 0..<(100_000 * Self.scale) {
            var text = g.pick(Self.seeds)
            for _ in 0..<g.below(3) { text = Self.mutate(text, &g) }
            if case_ % 50 == 0 {
                // Now and then, deep nesting and long text.
                let depth = g.below(80)
                text = String(repeating: "truncated(", count: depth) + text + String(repeating: ", 1, 2)", count: depth)
            }
            let field = g.pick(Self.fields)
            let start = Date()
            if let d = try? DistributionParser.parse(text, field: field) { accepted += 1; Self.checkFinite(d, text) }
            if let d = try? GrowthText.parse(text, field: field) { Self.checkFinite(d, text) }
            let seconds = Date().timeIntervalSince(start)
            #expect(seconds < 3, "\"\(text.prefix(200))\" took \(seconds) s")
        }
        #expect(accepted > 1_000, "the mutations should leave some inputs valid (\(accepted))")
    }

    @Test("quantity parser: any string is an error or a finite number", .timeLimit(.minutes(1)))
    func quantities() {
        var g = Generator(seed: 1_515)
        let kinds: [QuantityKind] = [.power, .energy, .duration, .mass, .carbonIntensity, .volume, .waterIntensity, .count, .flops,
                                     .flopRate, .dimensionless]
        for _ in 0..<(50_000 * Self.scale) {
            let text = Self.mutate(g.pick(Self.seeds), &g)
            if let v = try? QuantityParser.parse(text, as: g.pick(kinds), field: "x") {
                #expect(v.isFinite, "\"\(text)\" gave \(v)")
            }
        }
    }

    static let scenarioFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// A line-level mutation of a scenario file: a value replaced, a line dropped, duplicated or mangled.
    static func mutateScenario(_ text: String, _ g: inout Generator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0...g.below(3) {
            guard !lines.isEmpty else { break }
            let i = g.below(lines.count)
            switch g.below(6) {
            case 0:
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = String(lines[i][...colon]) + " " + mutate(g.pick(seeds), &g)
                }
            case 1: lines.remove(at: i)
            case 2: lines.insert(lines[g.below(lines.count)], at: i)
            case 3: lines[i] = mutate(lines[i], &g)
            case 4: lines.insert(g.pick(["ai_growth: 30%", "efficiency_gain: 25%", "elasticity: -3", "pue_points: {2024: 1.3, 2030: 1.1}",
                                         "name: !!python/object x", "correlations: [[mfu, pue, 0.5], [pue, mfu, -0.5]]",
                                         "growth_noise: 10", "end_year: 2300", "hardware: nope", "lifetime: 6 years"]), at: i)
            default:
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = String(lines[i][...colon]) + " " + g.pick(["1e300", "-1", "0", "nan", "1e-300", "beta(1e300, 1e300)", "[]", "{}"])
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("scenario loader: mutated shipped scenarios give an error or finite results", .timeLimit(.minutes(2)))
    func scenarios() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarioFolder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
        let texts = try files.map { try String(contentsOf: Self.scenarioFolder.appendingPathComponent($0), encoding: .utf8) }
        let catalog = try Catalog.bundled()
        let settings = SimulationSettings(samples: 64, seed: 3, threads: 1)
        var g = Generator(seed: 2_026)
        var ran = 0
        for case_ in 0..<(4_000 * Self.scale) {
            let text = Self.mutateScenario(g.pick(texts), &g)
            let start = Date()
            guard let document = try? ScenarioFile.parseDocument(text, path: "fuzz.yaml") else { continue }
            // Run a sample of the accepted ones (a run costs far more than a parse).
            guard case_ % 4 == 0 else { continue }
            switch document {
            case .estimate(let s):
                if let report = try? s.run(catalog: catalog, settings: settings) {
                    ran += 1
                    for (name, summary) in report.outputs {
                        #expect(summary.mean.isFinite, "\(name) mean \(summary.mean)\n\(text)")
                    }
                }
            case .projection(let p):
                if let report = try? p.run(catalog: catalog, settings: settings) {
                    ran += 1
                    for (t, year) in report.summaries.enumerated() {
                        for (o, summary) in year.enumerated() {
                            #expect(summary.mean.isFinite, "\(report.outputs[o]) in \(report.years[t]): \(summary.mean)\n\(text)")
                        }
                    }
                }
            }
            let seconds = Date().timeIntervalSince(start)
            #expect(seconds < 5, "a mutated scenario took \(seconds) s\n\(text)")
        }
        #expect(ran > 100, "the mutations should leave some scenarios runnable (\(ran))")
    }
}
