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
}
