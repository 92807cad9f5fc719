import Foundation
import Testing
@testable import AICarbon

/// Issue 15: `--set` takes year maps and lists, read and checked as the scenario file reads them, with
/// errors placed at the flag.
@Suite("--set with year maps and lists")
struct StructuredOverrideTests {
    @Test("--set ai_growth={2025: 1.2, 2031: 1.05} is the same year path as in the file")
    func yearPath() throws {
        let p = try loadProjection("iea-base-2024-2035.yaml", overrides: [("ai_growth", "{2025: 1.2, 2031: 1.05}")])
        let path = try #require(p.spec.paths["ai_growth"]).sorted { $0.year < $1.year }
        #expect(path.map(\.year) == [2025, 2031])
        #expect(path.map(\.value) == [.fixed(1.2), .fixed(1.05)])
        #expect(p.spec.scalars["ai_growth"] == nil)
        #expect(p.spec.locations["ai_growth"]?.description == "--set")
    }

    @Test("a year path with the growth-unit rule: 20% is the factor 1.2")
    func yearPathPercent() throws {
        let p = try loadProjection("iea-base-2024-2035.yaml", overrides: [("ai_growth", "{2025: 20%, 2031: 5%}")])
        let path = try #require(p.spec.paths["ai_growth"]).sorted { $0.year < $1.year }
        #expect(abs(path[0].value.median - 1.2) < 1e-12 && abs(path[1].value.median - 1.05) < 1e-12)
    }

    @Test("correlations and simulation settings take a list and a mapping")
    func lists() throws {
        let scenario = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("planned-70b-h100.yaml").path,
                                                     overrides: [("correlations", "[[mfu, pue, -0.3]]"),
                                                                 ("simulation", "{samples: 2000, percentiles: [1, 99]}")])
        guard case .estimate(let s) = scenario else { Issue.record("not an estimate"); return }
        #expect(s.spec.correlations.count == 1 && s.spec.correlations[0].rho == -0.3)
        #expect(s.spec.correlations[0].location?.description == "--set")
        #expect(s.simulation.samples == 2000 && s.simulation.percentiles == [1, 99])
    }

    @Test("references take a list of {year, value, label}")
    func references() throws {
        let p = try loadProjection("iea-base-2024-2035.yaml", overrides: [("references", "[{year: 2030, value: 945 TWh, label: IEA 2025 Base}]")])
        #expect(p.spec.references.count == 1 && p.spec.references[0].year == 2030 && p.spec.references[0].value == 945e9)
    }

    @Test("bad structured values are errors at the flag, naming the key",
          arguments: [
              ("ai_growth", "{2025: 1.2, 2031: 1.05", "--set: ai_growth: expected a value, a {year: value} mapping"),
              ("ai_growth", "{2025: 1.2, 2031: 20% to 40%}", "--set: ai_growth: expected a growth factor"),
              ("ai_growth", "{twenty: 1.2}", "--set: ai_growth: expected a year such as 2030, found \"twenty\""),
              ("ai_share", "{2025: 0.2}", "--set: ai_share: expected a single value (number, quantity or distribution), found a mapping"),
              ("ai_growth", "[1.2, 1.3]", "--set: ai_growth: expected a single value"),
              ("correlations", "[[ai_share, 0.3]]", "--set: correlations: expected [input, input, rank correlation]"),
              ("simulation", "{samples: 100, percentiles: [1, 199]}", "--set: simulation.percentiles: expected percentiles between 0 and 100"),
              ("ai_growth", "{2025: !!python/object 1.2}", "--set: ai_growth: expected a value, a {year: value} mapping"),
          ])
    func badValues(_ key: String, _ value: String, _ message: String) throws {
        do {
            _ = try loadProjection("iea-base-2024-2035.yaml", overrides: [(key, value)])
            Issue.record("\(key)=\(value) was accepted")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    @Test("an unknown correlation input given with --set is reported at --set when the scenario is resolved")
    func correlationResolved() throws {
        let scenario = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("planned-70b-h100.yaml").path,
                                                     overrides: [("correlations", "[[mfu, nope, -0.3]]")])
        guard case .estimate(let s) = scenario else { Issue.record("not an estimate"); return }
        do {
            _ = try s.spec.resolve(catalog: Catalog.bundled())
            Issue.record("an unknown correlation input was accepted")
        } catch {
            #expect(error.description.hasPrefix("--set: correlations:") && error.found == "\"nope\"", "\(error)")
        }
    }

    @Test("the flag that gave the value is named (--set-a, --sweep)")
    func otherFlags() throws {
        do {
            _ = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("iea-base-2024-2035.yaml").path,
                                              overrides: [("ai_growth", "{2025: nope}")], overrideFlags: ["ai_growth": "--set-a"])
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("--set-a: ai_growth:"), "\(error)")
        }
    }
}
