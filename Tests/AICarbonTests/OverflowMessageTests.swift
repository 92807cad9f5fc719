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
}
