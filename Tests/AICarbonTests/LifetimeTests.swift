import Foundation
import Testing
@testable import AICarbon

/// Issue 15: `--lifetime "6 years"` counted 100% use while the default prior assumed 85%. Now `lifetime`
/// is the calendar service life, given or assumed, and the 85% use is applied on top of both.
@Suite("Lifetime: calendar service life, 85% use on top")
struct LifetimeTests {
    static func spec(lifetime: Distribution?) -> EstimateSpec {
        var spec = EstimateSpec()
        spec[.chipHours] = .fixed(1_000)
        spec[.powerW] = .fixed(400)
        spec[.pue] = .fixed(1.1)
        spec.grid = .intensity(.fixed(0.4))
        spec[.embodiedPerChip] = .fixed(462.5)
        spec[.lifetime] = lifetime
        return spec
    }

    static func embodied(_ spec: EstimateSpec) throws -> OutputSummary {
        let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 20_000, seed: 6, threads: 2))
        return try #require(report.summary(.embodiedCO2eKg))
    }

    @Test("--lifetime \"6 years\": 462.5 kg × 1,000 chip-h / (52,560 h × 0.85) = 10.35 kg (Luccioni et al. 2022's 6 years at 85%)")
    func sixYears() throws {
        let field = try #require(InputRegistry.definition("lifetime")).field()
        let given = try Self.embodied(Self.spec(lifetime: DistributionParser.parse("6 years", field: field)))
        let expected = 462.5 * 1_000 / (6 * 8760 * 0.85)
        #expect(abs(given.mean - expected) <= 1e-12 * expected, "\(given.mean) vs \(expected)")
    }

    @Test("the default prior and the same distribution given as --lifetime \"pert(3 years, 5 years, 6 years)\" give the same embodied emissions")
    func priorAndGivenSameBasis() throws {
        let field = try #require(InputRegistry.definition("lifetime")).field()
        let assumed = try Self.embodied(Self.spec(lifetime: nil))
        let given = try Self.embodied(Self.spec(lifetime: DistributionParser.parse("pert(3 years, 5 years, 6 years)", field: field)))
        #expect(assumed.mean == given.mean && assumed.percentile(5) == given.percentile(5) && assumed.percentile(95) == given.percentile(95))
        // The prior's largest value is the given 6 years: its 99.99th percentile approaches 6 years' embodied from above.
        let sixYears = 462.5 * 1_000 / (6 * 8760 * 0.85)
        #expect(assumed.min >= sixYears * (1 - 1e-12) && assumed.min < sixYears * 1.01, "\(assumed.min) vs \(sixYears)")
    }

    @Test("the kernel divides by lifetime × in_use; at the default 0.85 it gives the bits of the constant 85% it replaced")
    func kernel() {
        let kg = EmbodiedEmissions.kilograms(chipHours: 1_000.0, embodiedPerChipKg: 462.5, lifetimeHours: 52_560,
                                             inUseShare: Defaults.lifetimeUse)
        #expect(abs(kg - 462.5 * 1_000 / (52_560 * Defaults.lifetimeUse)) <= 1e-12 * kg)
        // The equation before `in_use` was an input: 462.5 × 1,000 × 100 / (52,560 × 85), bit for bit.
        #expect(kg.bitPattern == (462.5 * 1_000.0 * 100 / (52_560 * 85)).bitPattern)
        // Every sample of an odd lifetime too: 0.85 × 100 rounds to 85 exactly.
        for lifetime in [1.0, 240, 26_280.5, 43_800 * (1 + 0x1p-40), 5.3e7] {
            let given = EmbodiedEmissions.kilograms(chipHours: 777.0, embodiedPerChipKg: 518.8, lifetimeHours: lifetime, inUseShare: 0.85)
            #expect(given.bitPattern == (518.8 * 777.0 * 100 / (lifetime * 85)).bitPattern, "\(lifetime)")
        }
    }

    @Test("in_use: 1 with --lifetime \"6 years\" amortises over every calendar hour, 462.5 kg × 1,000 chip-h / 52,560 h = 8.80 kg")
    func fullUse() throws {
        let field = try #require(InputRegistry.definition("lifetime")).field()
        var spec = Self.spec(lifetime: try DistributionParser.parse("6 years", field: field))
        spec[.inUse] = .fixed(1)
        let kg = try Self.embodied(spec).mean
        #expect(abs(kg - 462.5 * 1_000 / 52_560) <= 1e-12 * kg, "\(kg)")
    }

    @Test("in_use not given is the fixed 0.85, listed as an assumption; given as 0.85 it gives the same summaries bit for bit")
    func defaultShare() throws {
        let catalog = try Catalog.bundled()
        let assumed = try plannedSpec().resolve(catalog: catalog)
        let assumption = try #require(assumed.assumptions.first { $0.input == "in_use" })
        #expect(assumption.distribution == .fixed(0.85) && assumption.source.contains("Luccioni et al. 2022"))
        var given = plannedSpec()
        given[.inUse] = .fixed(0.85)
        #expect(try given.resolve(catalog: catalog).assumptions.allSatisfy { $0.input != "in_use" })
        let settings = SimulationSettings(samples: 20_000, seed: 3, threads: 2)
        let a = try Estimate.run(plannedSpec(), catalog: catalog, settings: settings)
        let b = try Estimate.run(given, catalog: catalog, settings: settings)
        for output in [OutputName.embodiedCO2eKg, .totalCO2eKg] {
            let x = try #require(a.summary(output)), y = try #require(b.summary(output))
            #expect(x.mean.bitPattern == y.mean.bitPattern && x.percentiles.map(\.value) == y.percentiles.map(\.value), "\(output)")
        }
        // Half the share, twice the embodied emissions, exactly (0.425 × 100 rounds to 42.5, half of 85).
        var half = plannedSpec()
        half[.inUse] = .fixed(0.425)
        let doubled = try #require(Estimate.run(half, catalog: catalog, settings: settings).summary(.embodiedCO2eKg))
        let base = try #require(a.summary(.embodiedCO2eKg))
        #expect(doubled.percentiles.map(\.value) == base.percentiles.map { 2 * $0.value })
    }

    @Test("an uncertain in_use, uniform(0.6, 0.9): the embodied mean is K · E[1/u] = K · ln(1.5) / 0.3, within 4 Monte Carlo standard errors")
    func uncertainShare() throws {
        var spec = Self.spec(lifetime: .fixed(52_560))
        spec[.inUse] = .uniform(0.6, 0.9)
        let summary = try Self.embodied(spec)
        let k = 462.5 * 1_000 / 52_560, expected = k * Foundation.log(1.5) / 0.3
        #expect(abs(summary.mean - expected) <= 4 * summary.mcse, "\(summary.mean) vs \(expected) ± \(summary.mcse)")
        #expect(summary.min >= k / 0.9 * (1 - 1e-12) && summary.max <= k / 0.6 * (1 + 1e-12))
    }

    @Test("in_use outside (0, 1] is refused, naming the field and what was found", arguments: [
        ("0", "expected values greater than 0 and at most 1"), ("1.5", "expected values greater than 0 and at most 1"),
        ("-0.2", "expected values greater than 0 and at most 1"), ("0.5 to 1.2", "expected \"a to b\" with both ends below 1"),
    ])
    func refused(_ text: String, _ expected: String) throws {
        let field = try #require(InputRegistry.definition("in_use")).field(named: "--in-use")
        do {
            _ = try DistributionParser.parse(text, field: field)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.hasPrefix("--in-use: \(expected)") && error.description.contains("found \"\(text)\""), "\(error)")
        }
    }

    @Test("a lifetime shorter than the run is a warning naming the share charged; the default lifetime gives none")
    func shorterThanRun() throws {
        var spec = plannedSpec()
        spec[.lifetime] = .fixed(240)  // 10 days; in use 8.5 days against the run's 28 at the medians
        let resolved = try spec.resolve(catalog: Catalog.bundled())
        let warning = try #require(Estimate.lifetimeWarning(resolved))
        #expect(warning.hasPrefix("warning: the lifetime in use (8.5 days, 85% of lifetime 10 days) is shorter than the run ("), "\(warning)")
        #expect(warning.hasSuffix("times its whole embodied emissions"))
        let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        #expect(report.warnings == [warning])
        #expect(Estimate.lifetimeWarning(try plannedSpec().resolve(catalog: Catalog.bundled())) == nil)
    }

    @Test("the warning is worked out once, when the spec is resolved, and the report and the problem's warnings give that one (each evaluated the model at the medians again)")
    func workedOutOnce() throws {
        var spec = plannedSpec()
        spec[.lifetime] = .fixed(240)
        var resolved = try spec.resolve(catalog: Catalog.bundled())
        let warning = try #require(resolved.lifetimeWarning)
        #expect(warning.hasPrefix("warning: the lifetime in use (8.5 days, 85% of lifetime 10 days) is shorter than the run ("), "\(warning)")
        #expect(resolved.problem.warnings == [warning] && Estimate.lifetimeWarning(resolved) == warning)
        // Both places read the one stored: changing the inputs afterwards (no caller does) does not make them differ.
        resolved.template.lifetimeHours = 1e9
        #expect(resolved.problem.warnings == [warning] && Estimate.lifetimeWarning(resolved) == warning)
        let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        #expect(report.lifetimeWarning == warning)
        // A projection's likewise.
        let p = try loadProjection("epoch-frontier-training.yaml", overrides: [("lifetime", "10 days")])
        let r = try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears)
        let projected = try #require(r.lifetimeWarning)
        #expect(r.problem.warnings == [projected])
    }

    @Test("Comparison.run of two estimates carries each side's lifetime warning, prefixed A: or B:, after the mean warnings (library callers get it)")
    func comparison() throws {
        var a = plannedSpec(), b = plannedSpec()
        a[.lifetime] = .fixed(240)  // 10 days, in use 8.5 days against the run's 25-28 days at the medians
        b[.mfu] = .uniform(0, 1)    // a mean warning on B, to fix the order
        let ra = try a.resolve(catalog: Catalog.bundled()), rb = try b.resolve(catalog: Catalog.bundled())
        let lifetime = try #require(Estimate.lifetimeWarning(ra))
        #expect(ra.problem.warnings == [lifetime] && rb.problem.warnings.isEmpty)
        let report = try Comparison.run((ra.problem, "a"), (rb.problem, "b"), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        #expect(report.warnings.count == 2, "\(report.warnings)")
        #expect(report.warnings.first?.hasPrefix("B: warning: mean and mcse not meaningful") == true, "\(report.warnings)")
        #expect(report.warnings.last == "A: " + lifetime, "\(report.warnings)")
        let plain = try plannedSpec().resolve(catalog: Catalog.bundled()).problem
        #expect(try Comparison.run((plain, "a"), (plain, "b"), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2)).warnings.isEmpty)
    }

    @Test("chip-hours are checked when a chip count is given (5e9 chip-h on 1,024 chips: 203,451 days); alone, or FLOPs without chips, they have no wall-clock time and no warning (README says why)")
    func chipHours() throws {
        var spec = EstimateSpec()
        spec[.chipHours] = .fixed(5e9)
        spec.hardware = "h100"
        spec.grid = .named("USA")
        let alone = try spec.resolve(catalog: Catalog.bundled())
        #expect(!alone.outputs.contains(.wallClockHours) && Estimate.lifetimeWarning(alone) == nil)
        spec[.chips] = .fixed(1024)
        let counted = try #require(Estimate.lifetimeWarning(try spec.resolve(catalog: Catalog.bundled())))
        // 5e9 / 1,024 = 4,882,813 h = 203,451 days against the default prior's median lifetime in use (1,512 days).
        #expect(counted.hasPrefix("warning: the lifetime in use (1,512 days, 85% of lifetime 1,778 days) is shorter than the run "
                                  + "(203,451 days of wall-clock time)"), "\(counted)")
        var flops = plannedSpec()
        flops[.chips] = nil
        flops[.lifetime] = .fixed(1)
        #expect(Estimate.lifetimeWarning(try flops.resolve(catalog: Catalog.bundled())) == nil)
    }

    @Test("a lifetime below an hour is named in seconds or minutes in the warning (--lifetime \"1 s\" said 2.361e-04 h)", arguments: [
        ("1 s", "warning: the lifetime in use (0.85 s, 85% of lifetime 1 s) is shorter than the run ("),
        ("30 min", "warning: the lifetime in use (25.5 min, 85% of lifetime 30 min) is shorter than the run ("),
        ("2 h", "warning: the lifetime in use (1.7 h, 85% of lifetime 2 h) is shorter than the run ("),
    ])
    func shortLifetimeUnits(_ lifetime: String, _ prefix: String) throws {
        var spec = plannedSpec()
        spec[.lifetime] = try DistributionParser.parse(lifetime, field: #require(InputRegistry.definition("lifetime")).field())
        let warning = try #require(Estimate.lifetimeWarning(spec.resolve(catalog: Catalog.bundled())))
        #expect(warning.hasPrefix(prefix), "\(warning)")
    }

    @Test("the warning names the share in use given: in_use 0.5 of 10 days is 5 days in use")
    func warningShare() throws {
        var spec = plannedSpec()
        spec[.lifetime] = .fixed(240)
        spec[.inUse] = .fixed(0.5)
        let warning = try #require(Estimate.lifetimeWarning(spec.resolve(catalog: Catalog.bundled())))
        #expect(warning.hasPrefix("warning: the lifetime in use (5 days, 50% of lifetime 10 days) is shorter than the run ("), "\(warning)")
        #expect(ReadableQuantity.percent(0.85) == "85%" && ReadableQuantity.percent(0.955) == "95.5%")
    }

    @Test("ReadableQuantity.duration: s below a minute, min below an hour, then h and days as tables give them")
    func readableDuration() {
        #expect(ReadableQuantity.duration(59.5 / 3600) == "59.5 s")
        #expect(ReadableQuantity.duration(0.5) == "30 min")
        #expect(ReadableQuantity.duration(1) == "1 h")
        #expect(ReadableQuantity.duration(79.2) == "3.3 days")
    }
}
