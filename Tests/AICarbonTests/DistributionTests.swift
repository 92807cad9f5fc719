import Foundation
import Testing
@testable import AICarbon

@Suite("Distributions")
struct DistributionTests {
    static let pue = NumericField("--pue", .dimensionless, .atLeastOne)
    static let share = NumericField("--mfu", .dimensionless, .unitInterval)
    static let grid = NumericField("--grid", .carbonIntensity, .nonNegative)
    static let anyNumber = NumericField("x", .dimensionless, .nonNegative)

    @Test("a to b is the lognormal with those 5th and 95th percentiles (Guesstimate/Squiggle convention)")
    func aToB() throws {
        let d = try DistributionParser.parse("0.25 to 0.55 kg/kWh", field: Self.grid)
        #expect(abs(d.quantile(0.05) - 0.25) < 1e-12)
        #expect(abs(d.quantile(0.95) - 0.55) < 1e-12)
        #expect(abs(d.median - (0.25 * 0.55).squareRoot()) < 1e-12)
        let grams = try DistributionParser.parse("250 g/kWh to 550 g/kWh", field: Self.grid)
        #expect(abs(grams.quantile(0.95) - 0.55) < 1e-12)
    }

    @Test("units inside or after the parentheses")
    func units() throws {
        let power = NumericField("--power", .power, .positive, defaultUnit: "W")
        #expect(try DistributionParser.parse("uniform(300 W, 0.4 kW)", field: power) == .uniform(300, 400))
        #expect(try DistributionParser.parse("uniform(0.3, 0.4) kW", field: power) == .uniform(300, 400))
        #expect(try DistributionParser.parse("uniform(300, 400)", field: power) == .uniform(300, 400))
    }

    @Test("every form parses", arguments: [
        "1.2", "uniform(1.1, 1.3)", "triangular(1.1, 1.2, 1.6)", "pert(1.1, 1.2, 1.6)", "truncated(lognormal(1.2, 1.05), 1, 3)",
        "truncated(lognormal(p05 = 1.1, p95 = 1.4), 1, 3)", "truncated(normal(1.2, 0.1), 1, 2)", "discrete(1.1: 0.5, 1.2: 0.3, 1.5: 0.2)",
        "truncated(1.1 to 1.4, 1, 3)", "beta(2, 5, 1, 2)", "loguniform(1.05, 2)",
    ])
    func forms(_ text: String) throws {
        let d = try DistributionParser.parse(text, field: Self.pue)
        #expect(d.support.lower >= 1)
    }

    @Test("analytic quantiles match published values", arguments: [
        // Standard normal 95th percentile (Abramowitz & Stegun 26.2.23 tables): 1.6448536.
        (Distribution.normal(0, 1), 0.95, 1.6448536269514722),
        // Gamma(2, 1) median 1.6783469900166608 (Wolfram: InverseCDF[GammaDistribution[2,1], 0.5]).
        (.gamma(shape: 2, scale: 1), 0.5, 1.6783469900166608),
        // Beta(2, 5) median 0.26444998329566 (Wolfram: InverseCDF[BetaDistribution[2,5], 0.5]).
        (.beta(2, 5, lower: 0, upper: 1), 0.5, 0.26444998329566),
        // Weibull shape 1.5, scale 1: median (ln 2)^(1/1.5) = 0.7832198.
        (.weibull(shape: 1.5, scale: 1), 0.5, Foundation.pow(Foundation.log(2.0), 1 / 1.5)),
        // Triangular(0, 1, 2) 25th percentile: sqrt(0.25 × 2 × 1) = 0.7071068.
        (.triangular(0, 1, 2), 0.25, 0.5.squareRoot()),
        // Log-uniform(1, 100) median: 10.
        (.logUniform(1, 100), 0.5, 10),
        // PERT(0, 0.5, 1) is Beta(3, 3): symmetric, median 0.5.
        (.pert(0, 0.5, 1), 0.5, 0.5),
    ])
    func analytic(_ d: Distribution, _ p: Double, _ expected: Double) {
        #expect(abs(d.quantile(p) - expected) < 1e-9 * max(1, abs(expected)), "\(d) at \(p)")
    }

    static let distributions: [Distribution] = [
        .uniform(2, 5), .triangular(1.1, 1.2, 1.6), .pert(1.1, 1.2, 1.6), .normal(10, 2), .lognormal(p05: 0.3, p95: 0.5),
        .beta(2, 5, lower: 0, upper: 1), .gamma(shape: 2, scale: 3), .weibull(shape: 1.5, scale: 2), .logUniform(1, 100),
        .truncated(.normal(1.2, 0.2), lower: 1, upper: 2),
    ]

    @Test("sampled percentiles match the analytic ones within 4 Monte Carlo standard errors", arguments: distributions)
    func sampledPercentiles(_ d: Distribution) throws {
        let set = try sample(d)
        let summary = OutputSummary(set, output: 0, percentiles: [5, 25, 50, 75, 95])
        for p in summary.percentiles {
            let exact = d.quantile(p.percent / 100)
            // The order-statistic interval is a 95% interval; its half-width is 1.96 standard errors.
            #expect(abs(p.value - exact) <= 4 * p.standardError, "\(d) p\(p.percent): \(p.value) vs \(exact) ± \(p.standardError)")
            #expect(p.standardError > 0)
        }
        if let mean = d.mean {
            #expect(abs(summary.mean - mean) <= 4 * summary.mcse, "\(d) mean \(summary.mean) vs \(mean) ± \(summary.mcse)")
        }
    }

    @Test("a discrete choice is sampled with its weights (binomial tolerance, 4 standard errors)")
    func discrete() throws {
        let d = try DistributionParser.parse("discrete(1.1: 0.5, 1.2: 0.3, 1.5: 0.2)", field: Self.pue)
        let values = try sample(d, n: 100_000).outputs[0]
        for (v, w) in [(1.1, 0.5), (1.2, 0.3), (1.5, 0.2)] {
            let share = Double(values.filter { $0 == v }.count) / Double(values.count)
            #expect(abs(share - w) <= 4 * (w * (1 - w) / Double(values.count)).squareRoot())
        }
    }

    static let bad: [(String, NumericField, String)] = [
        ("0.5 to 0.3", share, "a < b"),
        ("-1 to 2", anyNumber, "positive bounds"),
        ("triangular(1, 5, 3)", anyNumber, "min ≤ mode ≤ max"),
        ("normal(1)", anyNumber, "normal(mean, sd)"),
        ("uniform(a, b)", anyNumber, "plain number"),
        ("beta(0, 1)", share, "a > 0 and b > 0"),
        ("normal(1.2, 0.2)", pue, "truncated(normal(1.2, 0.2), 1, 1.94)"),
        ("lognormal(p05 = 1.1, p95 = 1.4)", pue, "truncated(lognormal(p05 = 1.1, p95 = 1.4), 1, 1.63)"),
        ("uniform(0.9, 1.2)", pue, "at least 1"),
        ("lognormal(1.2, 0.9)", pue, "gsd > 1"),
        ("truncated(normal(1.2, 0.1), 2, 1)", pue, "lower < upper"),
        ("discrete(1.1: 0, 1.2: 0)", pue, "weights"),
        ("poisson(3)", pue, "uniform, triangular"),
        ("uniform(1.1, 1.3", pue, "closing parenthesis"),
    ]

    @Test("bad distributions are errors naming the field, what was expected and what was found", arguments: bad)
    func rejects(_ text: String, _ field: NumericField, _ hint: String) {
        do {
            let d = try DistributionParser.parse(text, field: field)
            Issue.record("\(text) parsed as \(d)")
        } catch {
            #expect(error.field == field.name)
            #expect(error.expected.contains(hint) || error.found.contains(hint), "\(error)")
            #expect(error.found.contains(text.trimmingCharacters(in: .whitespaces)) || error.found.contains("\""), "\(error)")
        }
    }

    @Test("extreme but valid parameters never abort: GSL failures become errors or finite samples")
    func tinyGamma() throws {
        // gsl_cdf_gamma_Pinv fails for very small shapes; the probe turns that into an InputError.
        let outcome = Result { () throws(InputError) -> [Double] in
            let d = try DistributionParser.parse("gamma(1e-5, 1)", field: Self.anyNumber)
            return Array(try sample(d, n: 1_000).outputs[0])
        }
        switch outcome {
        case .success(let values):
            let allFinite = values.allSatisfy { $0.isFinite }
            #expect(allFinite)
        case .failure(let error): #expect(error.field == "x")
        }
    }

    @Test("printed distributions parse back to the same distribution")
    func roundTrip() throws {
        for text in ["uniform(1.1, 1.3)", "triangular(1.1, 1.2, 1.6)", "pert(1.1, 1.2, 1.6)", "beta(2, 5, 1, 2)"] {
            let d = try DistributionParser.parse(text, field: Self.pue)
            let back = try DistributionParser.parse(d.description, field: Self.pue)
            #expect(back == d)
        }
    }

    /// A field taking any real number, in base units (the form the tool prints), and one of a quantity whose
    /// default unit (g/kWh) is not its base unit (kg/kWh), for the form with the unit after it.
    static let real = NumericField("x", .dimensionless, .real)
    static let intensity = NumericField("x", .carbonIntensity, .real, defaultUnit: "g/kWh")

    /// A random distribution of `family` (its parameters spread over nine decades), or its truncation.
    static func random(_ family: String, truncated: Bool, _ g: inout SeededGenerator) -> Distribution {
        func u(_ a: Double, _ b: Double) -> Double { Double.random(in: a..<b, using: &g) }
        func magnitude() -> Double { Foundation.pow(10, u(-3, 6)) * (Bool.random(using: &g) ? 1 : -1) }
        let scale = abs(magnitude()), at = magnitude()
        let d: Distribution
        switch family {
        case "fixed": d = .fixed(at)
        case "uniform": d = .uniform(at, at + scale * u(1e-3, 10))
        case "triangular", "pert":
            let lo = at, mode = at + scale * u(0, 1), hi = mode + scale * u(1e-3, 1)
            d = family == "pert" ? .pert(lo, mode, hi) : .triangular(lo, mode, hi)
        case "normal": d = .normal(at, scale * u(1e-3, 1))
        case "lognormal": d = .lognormal(median: scale, gsd: Foundation.exp(u(0.01, 2.5)))
        case "beta": d = Bool.random(using: &g) ? .beta(u(0.3, 8), u(0.3, 8), lower: 0, upper: 1)
                                                 : .beta(u(0.3, 8), u(0.3, 8), lower: at, upper: at + scale * u(1e-3, 10))
        case "gamma": d = .gamma(shape: u(0.3, 10), scale: scale)
        case "weibull": d = .weibull(shape: u(0.5, 5), scale: scale)
        case "loguniform": d = .logUniform(scale, scale * Foundation.exp(u(0.1, 5)))
        default:
            let count = 1 + Int(g.next() % 6)
            let values = (0..<count).map { _ in magnitude() }, weights = (0..<count).map { _ in u(0.01, 1) }
            d = Distribution.discrete(values, weights: weights)!
        }
        // Fixed values and discrete choices have no truncation.
        if case .discrete = d { return d }
        guard truncated, !d.isFixed else { return d }
        // Bounds inside the distribution's spread, or one end open (inf), as a bounded range prints it.
        let open = g.next() % 3
        let lower = open == 0 ? -Double.infinity : d.quantile(u(0.01, 0.4)), upper = open == 1 ? Double.infinity : d.quantile(u(0.6, 0.99))
        return .truncated(d, lower: lower, upper: upper)
    }

    /// The numbers a distribution is given by, as it prints them (a lognormal's median and gsd), nested ones included.
    static func numbers(_ d: Distribution) -> [Double] {
        switch d {
        case .discrete(let values, let cumulative): return values + cumulative
        default: return d.printedNumbers
        }
    }

    /// Whether `b` is `a` to the digits printed: every number within half a unit of the sixth significant digit
    /// (5 × 10⁻⁶ relative; open ends equal), a discrete choice's cumulative weights within 5 × 10⁻⁶, and the
    /// same quantiles within 10⁻⁴ of the distribution's spread (their rounding moves them by about 2 × 10⁻⁵).
    static func same(_ a: Distribution, _ b: Distribution) -> Bool {
        let x = numbers(a), y = numbers(b)
        guard x.count == y.count, zip(x, y).allSatisfy({ $0 == $1 || abs($0 - $1) <= 5.000_01e-6 * Swift.max(abs($0), abs($1)) }) else {
            return false
        }
        if case .discrete(_, let ca) = a, case .discrete(_, let cb) = b { return zip(ca, cb).allSatisfy { abs($0 - $1) <= 5e-6 } }
        let spread = abs(a.quantile(0.999) - a.quantile(0.001))
        return [0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999].allSatisfy { p in
            abs(a.quantile(p) - b.quantile(p)) <= 1e-4 * Swift.max(abs(a.quantile(p)), spread, Double.leastNormalMagnitude)
        }
    }

    static let families = ["fixed", "uniform", "triangular", "pert", "normal", "lognormal", "beta", "gamma", "weibull", "loguniform", "discrete"]

    @Test("every printed form parses back to the same distribution (seeded property: 150 per family, alone and truncated, bare and with the base unit after it)",
          arguments: families, [false, true])
    func printedFormsRoundTrip(_ family: String, _ truncated: Bool) throws {
        var g = SeededGenerator(seed: UInt64(Self.families.firstIndex(of: family)! * 2 + (truncated ? 1 : 0) + 1))
        for _ in 0..<150 {
            let d = Self.random(family, truncated: truncated, &g)
            let text = d.description
            let back = try DistributionParser.parse(text, field: Self.real)
            #expect(Self.same(d, back), "\(text) -> \(back)")
            // Printed again, it is a fixed point: the parsed parameters print as they were read.
            #expect(try DistributionParser.parse(back.description, field: Self.real).description == back.description, "\(text)")
            // With the base unit after it, as assumptions and warnings print a quantity, read by a field whose default unit differs.
            #expect(try DistributionParser.parse(text + " kg/kWh", field: Self.intensity) == back, "\(text) kg/kWh")
        }
    }

    @Test("forms that printed and did not parse back: named lognormal arguments, percentiles after =, open truncation ends, close values, long weights")
    func printedEdgeCases() throws {
        let cases: [Distribution] = [
            .lognormal(median: 0.4, gsd: 1.5), .truncated(.lognormal(median: 1.19576, gsd: 1.05212), lower: 1, upper: .infinity),
            .truncated(.normal(1.2, 0.1), lower: -.infinity, upper: 1.3), .uniform(1_000_000, 1_000_001),
            .lognormal(median: 2, gsd: 1.0000001), .discrete([1, 2, 3], weights: [1, 1, 1])!,
        ]
        for d in cases {
            let back = try DistributionParser.parse(d.description, field: Self.real)
            #expect(Self.same(d, back), "\(d.description)")
        }
        #expect(Distribution.uniform(1_000_000, 1_000_001).description == "uniform(1000000, 1000001)")
        #expect(Distribution.discrete([1, 2, 3], weights: [1, 1, 1])!.description == "discrete(1: 0.3333333333, 2: 0.3333333333, 3: 0.3333333333)")
        // Percentiles after = are checked, never a second way to give the distribution; inf only bounds a truncation.
        #expect(throws: InputError.self) { try DistributionParser.parse("lognormal(median 0.3, gsd 1.2) = 0.1 to 0.5", field: Self.real) }
        #expect(throws: InputError.self) { try DistributionParser.parse("lognormal(median 0.3, gsd 1.2) = 0.222269", field: Self.real) }
        #expect(throws: InputError.self) { try DistributionParser.parse("uniform(1, inf)", field: Self.real) }
        #expect(throws: InputError.self) { try DistributionParser.parse("lognormal(median 0.3, p95 1.2)", field: Self.real) }
    }

    /// The fields keep their kind and default unit; their domain is opened, as the round trip is about the text
    /// (the prefill_utilization prior, a lognormal with 7.5 × 10⁻⁴ of its probability above 1, is not in its own domain).
    @Test("the priors an estimate assumes, printed with their units, parse back through their own inputs' fields (kv_bytes_per_token's B read as billion)")
    func assumptionsRoundTrip() throws {
        var spec = plannedSpec()
        spec[.queries] = .fixed(1e9)
        spec[.tokensPerQuery] = .fixed(500)
        let resolved = try spec.resolve(catalog: Catalog.bundled())
        #expect(resolved.assumptions.count >= 8)
        for assumption in resolved.assumptions {
            let own = try #require(InputRegistry.definition(assumption.input)).field()
            let field = NumericField(own.name, own.kind, .real, defaultUnit: own.defaultUnit)
            let text = "\(assumption.distribution)" + (assumption.unit.isEmpty ? "" : " \(assumption.unit)")
            #expect(Self.same(assumption.distribution, try DistributionParser.parse(text, field: field)), "\(assumption.input): \(text)")
        }
    }
}
