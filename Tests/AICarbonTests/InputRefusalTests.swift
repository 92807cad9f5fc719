import Foundation
import Testing
@testable import AICarbon

/// Issue 15: values that were accepted silently and are now refused with a message naming the key,
/// what was expected and what was found.
@Suite("Refused inputs: start year, discrete weights, serving memory")
struct InputRefusalTests {
    static let pue = NumericField("pue", .dimensionless, .atLeastOne)

    @Test("a projection starting in 1990 is refused at start_year (the data describe 2015 on); 2015 and 2035 are accepted",
          arguments: [(1990, false), (2014, false), (2015, true), (2024, true), (2035, true), (2036, false)])
    func startYear(_ year: Int, _ accepted: Bool) throws {
        var spec = ProjectionSpec(startYear: year, endYear: year + 5)
        spec.scalars = ["base_electricity": .fixed(415e9), "ai_share": .fixed(0.2), "ai_growth": .fixed(1.3), "conventional_growth": .fixed(1.09)]
        do {
            _ = try spec.resolve(catalog: Catalog.bundled())
            #expect(accepted, "start_year \(year) was accepted")
        } catch {
            #expect(!accepted, "\(error)")
            #expect(error.field == "start_year" && error.expected.contains("2015 to 2035") && error.found == "\(year)", "\(error)")
        }
    }

    @Test("start_year given with --set is refused at --set, naming the key")
    func startYearOverride() throws {
        do {
            _ = try loadProjection("iea-base-2024-2035.yaml", overrides: [("start_year", "1990")]).run(
                catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, seed: 1, threads: 1))
            Issue.record("start_year 1990 was accepted")
        } catch {
            #expect(error.description.hasPrefix("--set: start_year: expected a year from 2015 to 2035"), "\(error)")
        }
    }

    @Test("discrete weights that do not sum to 1 are refused, with their sum; rounding of decimal weights is not",
          arguments: [("discrete(1.1: 0.5, 1.2: 0.4)", "0.9"), ("discrete(1.1: 1, 1.2: 1)", "2"), ("discrete(1.1: 50, 1.2: 50)", "100")])
    func discreteWeights(_ text: String, _ sum: String) {
        do {
            let d = try DistributionParser.parse(text, field: Self.pue)
            Issue.record("\(text) was accepted as \(d)")
        } catch {
            #expect(error.field == "pue" && error.expected.contains("weights that sum to 1 (±1e-9)"), "\(error)")
            #expect(error.found == "weights that sum to \(sum) in \"\(text)\"", "\(error)")
        }
    }

    @Test("weights that sum to 1 up to rounding, or as percentages, are accepted as given",
          arguments: ["discrete(1.1: 0.1, 1.2: 0.2, 1.5: 0.7)", "discrete(1.1: 50%, 1.2: 50%)", "discrete(1.2: 1)"])
    func discreteWeightsAccepted(_ text: String) throws {
        let d = try DistributionParser.parse(text, field: Self.pue)
        #expect(d.quantile(0.999) <= 1.5)
    }

    /// 70B parameters in BF16 need 140 GB: more than one 80 GB H100.
    static func serving(chips: Distribution, bytes: Double = 2) -> EstimateSpec {
        var spec = EstimateSpec()
        spec.hardware = "H100 SXM"
        spec.parameters = .fixed(70e9)
        spec[.tokens] = .fixed(2e12)
        spec[.queries] = .fixed(1e6)
        spec[.tokensPerQuery] = .fixed(500)
        spec[.bytesPerParameter] = .fixed(bytes)
        spec[.servingChips] = chips
        return spec
    }

    @Test("too few serving chips for the weights is refused, naming the memory needed and available")
    func servingChipsTooFew() throws {
        do {
            _ = try Self.serving(chips: .fixed(1)).resolve(catalog: Catalog.bundled())
            Issue.record("one H100 for 140 GB of weights was accepted")
        } catch {
            #expect(error.field == "serving_chips", "\(error)")
            #expect(error.expected.contains("= 140 GB needs at least 2 NVIDIA H100"), "\(error)")
            #expect(error.found == "1 (80 GB)", "\(error)")
        }
        // A discrete serving group whose smallest size cannot hold the weights is refused too.
        #expect(throws: InputError.self) {
            try Self.serving(chips: Distribution.discrete([1, 4], weights: [0.5, 0.5])!).resolve(catalog: Catalog.bundled())
        }
    }

    @Test("enough serving chips (2 in BF16, 1 in FP8) are accepted")
    func servingChipsEnough() throws {
        _ = try Self.serving(chips: .fixed(2)).resolve(catalog: Catalog.bundled())
        _ = try Self.serving(chips: .fixed(1), bytes: 1).resolve(catalog: Catalog.bundled())
    }

    /// A fuzzing find: the unit after a distribution or a range was reported on the first number alone
    /// (`found "300" (unknown unit "kW W")`), and a second `to` as a unit.
    @Test("a bad unit after a distribution or a range quotes the whole value; two `to`s are named", arguments: [
        ("pue", "uniform(1.1, 1.4) x", "pue: expected a plain number such as \"1.2\", found \"uniform(1.1, 1.4) x\" (unknown unit \"x\")"),
        ("power", "uniform(300, 400) kW W",
         "power: expected a power such as \"330 W\" or \"1.2 kW\", found \"uniform(300, 400) kW W\" (unknown unit \"kW W\")"),
        ("power", "pert(200, 300, 400) kWh",
         "power: expected a power such as \"330 W\" or \"1.2 kW\", found \"pert(200, 300, 400) kWh\" (unknown unit \"kWh\")"),
        ("pue", "1.2 to 1.5 to 2", "pue: expected \"a to b\", two values joined by one \"to\", found \"1.2 to 1.5 to 2\""),
        ("power", "uniform(300, 400)) W", "power: expected balanced parentheses, found \"uniform(300, 400)) W\""),
        ("power", "300 to 400 to", "power: expected \"a to b\", two values joined by one \"to\", found \"300 to 400 to\""),
        ("power", "uniform(300, 400) to 500 W",
         "power: expected \"a to b\" with numbers at both ends, or a distribution alone, found \"uniform(300, 400) to 500 W\""),
        ("power", "300 to 400 parsecs",
         "power: expected a power such as \"330 W\" or \"1.2 kW\", found \"300 to 400 parsecs\" (unknown unit \"parsecs\")"),
    ])
    func unitAfterDistribution(_ key: String, _ text: String, _ message: String) throws {
        let field = try #require(InputRegistry.definition(key)).field(named: key)
        do {
            _ = try DistributionParser.parse(text, field: field)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description == message)
        }
        // Units it knows still apply after the distribution or the range.
        #expect(try DistributionParser.parse("uniform(300, 400) W", field: InputRegistry.definition("power")!.field()) == .uniform(300, 400))
        #expect(try DistributionParser.parse("0.3 to 0.6 kW", field: InputRegistry.definition("power")!.field()) == .lognormal(p05: 300, p95: 600))
    }

    @Test("a correlation on params of a dense model applies to its sampled active parameters (it was refused as fixed or not used)")
    func correlatedParams() throws {
        var spec = plannedSpec()
        spec.parameters = .lognormal(p05: 60e9, p95: 80e9)
        spec[.tokens] = .lognormal(p05: 1e12, p95: 3e12)
        spec.correlations = [EstimateSpec.Correlation(first: "params", second: "tokens", rho: 0.3)]
        let resolved = try spec.resolve(catalog: Catalog.bundled())
        let correlation = try #require(resolved.problem.correlation)
        let names = correlation.dimensions.map { resolved.problem.inputs[$0].name }
        #expect(Set(names) == ["active_params", "tokens"], "\(names)")
        // A fixed params is still refused, naming it.
        spec.parameters = .fixed(70e9)
        let error = try #require(throws: InputError.self) { try spec.resolve(catalog: Catalog.bundled()) }
        #expect(error.field == "correlations" && error.found.contains("\"params\", which is fixed or not used"), "\(error)")
    }
}
