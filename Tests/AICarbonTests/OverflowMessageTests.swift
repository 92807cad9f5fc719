import Foundation
import Testing
@testable import AICarbon

/// Issue 15: an output that overflows is an error naming the output (and year) and the inputs that can
/// cause it, not only an input or only the output.
@Suite("Overflow errors name the output and its causes")
struct OverflowMessageTests {
    static func flopEstimate(mfu: Distribution) -> EstimateSpec {
        var spec = EstimateSpec()
        spec.hardware = "H100 SXM"
        spec.parameters = .fixed(1e12)
        spec[.tokens] = .fixed(1e12)
        spec[.chips] = .fixed(8)
        spec[.mfu] = mfu
        return spec
    }

    @Test("--mfu 1e-300: refused before sampling, naming energy_kwh and `mfu` = 1e-300")
    func fixedExtreme() throws {
        do {
            _ = try Estimate.run(Self.flopEstimate(mfu: .fixed(1e-300)), catalog: Catalog.bundled(),
                                 settings: SimulationSettings(samples: 1000, threads: 1))
            Issue.record("accepted")
        } catch {
            #expect(error.field == "energy_kwh", "\(error)")
            #expect(error.expected == "finite values of the output energy_kwh", "\(error)")
            #expect(error.found.contains("(it overflows); the inputs that can cause it: `mfu` = 1e-300"), "\(error)")
        }
    }

    @Test("an overflow only in the tails (found by the engine) names the output and the input whose tail reaches it")
    func tailExtreme() throws {
        do {
            _ = try Estimate.run(Self.flopEstimate(mfu: .logUniform(1e-300, 0.5)), catalog: Catalog.bundled(),
                                 settings: SimulationSettings(samples: 1000, threads: 1))
            Issue.record("accepted")
        } catch {
            #expect(error.field == "energy_kwh", "\(error)")
            #expect(error.found.contains("the inputs that can cause it: `mfu` reaching 1"), "\(error)")
        }
    }

    @Test("a projection compounding growth of 100 a year for 176 years names the output, year, growth driver and end year")
    func projection() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2200\nbase_electricity: 415 TWh\nai_share: 1\nai_growth: 100\nconventional_growth: 1\n"
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "o.yaml") else { Issue.record("kind"); return }
        do {
            _ = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
            Issue.record("accepted")
        } catch {
            #expect(error.field.hasSuffix(" in 2172"), "\(error)")
            #expect(error.found.contains("`ai_growth` = 100, `end_year` = 2200 (176 years of growth compounded)"), "\(error)")
            #expect(!error.found.contains("conventional_growth"), "\(error)")
            #expect(error.location?.description == "o.yaml:6:12", "\(error)")
        }
    }

    @Test("a projection overflowing only in the tails (found by the engine) names the growth driver and is placed at it in the file")
    func projectionTail() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2200\nbase_electricity: 415 TWh\nai_share: 1\nai_growth: 1.1 to 100\nconventional_growth: 1\n"
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "t.yaml") else { Issue.record("kind"); return }
        do {
            _ = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 1000, threads: 2))
            Issue.record("accepted")
        } catch {
            #expect(error.isOverflow && error.field.contains(" in 2"), "\(error)")
            #expect(error.found.contains("the inputs that can cause it: `ai_growth` reaching "), "\(error)")
            #expect(error.location?.description == "t.yaml:6:12", "\(error)")
        }
    }

    @Test("extreme inputs are listed most extreme first; ordinary magnitudes are not listed")
    func ranking() {
        let causes = InputError.extremeInputs([("pue", .fixed(1.2)), ("flops", .fixed(1e250)), ("mfu", .fixed(1e-300)), ("queries", .fixed(0))])
        #expect(causes == ["`mfu` = 1e-300", "`flops` = 1e+250"])
    }

    @Test("a cause's value is followed by its base unit when known: a value in Wh is named in kWh, not bare")
    func units() {
        let causes = InputError.extremeInputs([("energy_per_query", .fixed(1e305)), ("mfu", .fixed(1e-300))],
                                              units: ["energy_per_query": "kWh", "mfu": ""])
        #expect(causes == ["`energy_per_query` = 1e+305 kWh", "`mfu` = 1e-300"])
    }

    /// The README's planned estimate with a grid given as an intensity.
    static func plannedOn(grid: Distribution) -> EstimateSpec {
        var spec = plannedSpec()
        spec.grid = .intensity(grid)
        return spec
    }

    @Test("--grid \"1e-300 kg/kWh\": refused before sampling, naming co2e_kg, its value and unit, and `grid` (its mcse printed 0 ± nothing)")
    func underflowNamed() throws {
        // Before: co2e_kg = 6.75e-292 ± 0 kg: the squares behind sd and mcse fell below the smallest double.
        do {
            _ = try Estimate.run(Self.plannedOn(grid: .fixed(1e-300)), catalog: Catalog.bundled(), settings: SimulationSettings(samples: 1000, threads: 1))
            Issue.record("accepted")
        } catch {
            #expect(error.field == "co2e_kg", "\(error)")
            #expect(error.expected.hasPrefix("values of the output co2e_kg of at least 1e-100 in magnitude, or 0"), "\(error)")
            #expect(error.found.hasSuffix(" kg CO2e at the inputs' medians (it underflows); the inputs that can cause it: `grid` = 1e-300 kg/kWh"),
                    "\(error)")
        }
        // An uncertain grid as tiny is refused alike; 1e-90 kg/kWh (co2e_kg near 6e-85 kg) still runs, with a spread.
        #expect(throws: InputError.self) {
            try Estimate.run(Self.plannedOn(grid: .uniform(1e-300, 2e-300)), catalog: Catalog.bundled(), settings: SimulationSettings(samples: 1000, threads: 1))
        }
        let small = try Estimate.run(Self.plannedOn(grid: .uniform(1e-90, 2e-90)), catalog: Catalog.bundled(),
                                     settings: SimulationSettings(samples: 1000, threads: 1))
        let co2e = try #require(small.summary(.co2eKg))
        #expect(co2e.mean > 1e-85 && co2e.sd > 0 && co2e.mcse > 0, "\(co2e.mean) \(co2e.sd)")
    }

    @Test("a product that underflows to 0 (1e-30 chip-hours at 1e-300 kg/kWh) is refused; an output 0 for a reason of its own (no inference) is not")
    func underflowToZero() throws {
        var spec = EstimateSpec()
        spec[.chipHours] = .fixed(1e-30)
        spec[.powerW] = .fixed(300)
        spec.grid = .intensity(.fixed(1e-300))
        do {
            _ = try spec.resolve(catalog: Catalog.bundled())
            Issue.record("accepted")
        } catch {
            #expect(error.field == "co2e_kg" && error.found.hasPrefix("0 kg CO2e at the inputs' medians (it underflows)"), "\(error)")
        }
        spec.grid = .intensity(.fixed(0.4))
        let resolved = try spec.resolve(catalog: Catalog.bundled())
        #expect(resolved.derived[.inferenceEnergyKWh] == .constant(0))
    }

    @Test("a projection compounding growth of 0.01 a year names the output, year, growth driver and end year, at the driver's line")
    func projectionUnderflow() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2100\nbase_electricity: 415 TWh\nai_share: 0.5\nai_growth: 0.01\nconventional_growth: 1\n"
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "u.yaml") else { Issue.record("kind"); return }
        do {
            _ = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
            Issue.record("accepted")
        } catch {
            // 415e9 kWh × 0.5 × 0.01^56 = 2.1e-101 kWh in 2080, the first year below 1e-100.
            #expect(error.field == "ai_energy_kwh in 2080", "\(error)")
            #expect(error.found == "2.075e-101 kWh at the inputs' medians (it underflows); the inputs that can cause it: `ai_growth` = 0.01, "
                    + "`end_year` = 2100 (76 years of growth compounded)", "\(error)")
            #expect(error.location?.description == "u.yaml:6:12", "\(error)")
        }
    }

    @Test("a projection's underflow is placed at the line of the most extreme input named, a path's year or the grid, carried as its key (it was read back out of the message)", arguments: [
        ("ai_growth:\n  2030: 1e-200\nconventional_growth: 1\n", "ai_growth", "u.yaml:7:3"),
        ("ai_growth: 1\nconventional_growth: 1\ngrid: 1e-300 kg/kWh\n", "grid", "u.yaml:8:"),
    ])
    func projectionUnderflowPlace(_ lines: String, _ key: String, _ place: String) throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2040\nbase_electricity: 415 TWh\nai_share: 0.5\n" + lines
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "u.yaml") else { Issue.record("kind"); return }
        do {
            _ = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
            Issue.record("accepted")
        } catch {
            #expect(error.found.contains("(it underflows); the inputs that can cause it: `\(key)"), "\(error)")
            #expect(error.location?.description.hasPrefix(place) == true, "\(error)")
        }
    }

    @Test("extremeCauses gives each cause's name as given (a year column's own) with the text extremeInputs gives")
    func extremeCauseNames() {
        let inputs: [(name: String, distribution: Distribution)] = [("pue", .fixed(1.2)), ("ai_growth@2030", .fixed(1e-200)), ("grid", .fixed(1e-300))]
        let causes = InputError.extremeCauses(inputs, units: ["grid": "kg/kWh"])
        #expect(causes.map(\.name) == ["grid", "ai_growth@2030"])
        #expect(causes.map(\.text) == InputError.extremeInputs(inputs, units: ["grid": "kg/kWh"]))
        #expect(causes.map(\.text) == ["`grid` = 1e-300 kg/kWh", "`ai_growth@2030` = 1e-200"])
        // The growth fallback names the key of a year column.
        #expect(InputError.extremeCauses([("ai_growth@2030", .fixed(3))]).map(\.name) == ["ai_growth"])
    }

    /// A fuzzing find: `elasticity: 1e300` with an efficiency gain made demand k^−η exactly 0, and the run printed
    /// ai_energy_kwh as 0 [0–0] from 2025 on, with exit 0.
    @Test("a projection output that falls to exactly 0 after a nonzero start year, with an input beyond 10^±100, is refused at that input; a grid path reaching 0 is not, and reaches exactly 0 (it gave -5.6e-17 kg/kWh: co2e_kg negative)")
    func projectionFallsToZero() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: 1.3\n"
            + "conventional_growth: 1.09\nefficiency_gain: 1.2\nelasticity: 1e300\n"
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "z.yaml") else { Issue.record("kind"); return }
        do {
            _ = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
            Issue.record("accepted")
        } catch {
            #expect(error.field == "ai_energy_kwh in 2025" && error.found.hasPrefix("0 at the inputs' medians after 8.3e+10 kWh in 2024 (it underflows)")
                    && error.found.hasSuffix("the inputs that can cause it: `elasticity` = 1e+300"), "\(error)")
            #expect(error.location?.description == "z.yaml:9:13", "\(error)")
        }
        // A grid that reaches 0 kg/kWh makes co2e_kg 0 for a reason of its own: it runs.
        let clean = "kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: 1.3\n"
            + "conventional_growth: 1.09\ngrid_points: {2024: 0.4 kg/kWh, 2030: 0 kg/kWh}\n"
        guard case .projection(let q) = try ScenarioFile.parseDocument(clean, path: "g.yaml") else { Issue.record("kind"); return }
        let report = try q.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
        #expect(report.summary(.co2eKg, year: 2030)?.mean == 0)
    }

    /// Fuzzing finds: settings that are not sampled columns were never named (growth_noise: 1000 named the growth
    /// drivers' quantiles, at the file's ai_growth line), and an elasticity compounding efficiency gains was left out.
    @Test("a projection's overflow from growth_noise or from elasticity with efficiency gains names that setting first, at --set when given there", arguments: [
        ([("growth_noise", "1000")], "`growth_noise` = 1000, "),
        ([("elasticity", "-300"), ("efficiency_gain", "100")], "`elasticity` = -300, `efficiency_gain` = 100, "),
    ])
    func scalingCauses(_ overrides: [(String, String)], _ first: String) throws {
        do {
            _ = try runProjection("iea-base-2024-2035.yaml", samples: 2_000, overrides: overrides.map { (key: $0.0, value: $0.1) })
            Issue.record("accepted")
        } catch {
            let error = try #require(error as? InputError)
            #expect(error.isOverflow && error.found.contains("(it overflows); the inputs that can cause it: " + first), "\(error)")
            #expect(error.location?.description == "--set", "\(error)")
        }
    }

    @Test("an input whose two tails are both extreme is named with both (loguniform(1e-300, 1e300) W was named by its lower tail for an overflow of its upper)")
    func bothTails() {
        let causes = InputError.extremeInputs([("power", .logUniform(1e-300, 1e300)), ("pue", .fixed(1.2))], units: ["power": "W"])
        #expect(causes.count == 1 && causes[0].hasPrefix("`power` from 1.0") && causes[0].contains("e-300 to 9.9") && causes[0].hasSuffix("e+299 W"),
                "\(causes)")
        // One extreme tail: that tail, as before.
        #expect(InputError.extremeInputs([("power", .logUniform(1, 1e300))]).first?.hasPrefix("`power` reaching 9.9") == true)
    }

    @Test("a long list of causes ends at a whole cause with how many more there are, never cut mid-word by the message's limit")
    func longCauseList() {
        let causes = (1...12).map { "`input_number_\($0)` = 1e+300" }
        let error = InputError.overflow(output: "energy_kwh in 2030", causes: causes)
        #expect(error.found.unicodeScalars.count <= InputError.maximumPartLength, "\(error.found)")
        #expect(error.found.hasSuffix(" more") && error.found.contains("`input_number_1` = 1e+300, "), "\(error.found)")
        let shown = error.found.components(separatedBy: "` = 1e+300").count - 1
        #expect(error.found.hasSuffix(", and \(12 - shown) more"), "\(error.found)")
        // Few causes are listed whole, as before.
        #expect(InputError.overflow(output: "x", causes: ["`a` = 1e+300", "`b` = 1e+300"]).found
                == "infinite or undefined values (it overflows); the inputs that can cause it: `a` = 1e+300, `b` = 1e+300")
    }
}
