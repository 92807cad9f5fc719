import Foundation
import Testing
@testable import AICarbon

/// `--set kind=projection` on an estimate file was reported at the file's first estimate key (its `params`
/// or `chips` line, as an unknown projection key): the fault is the override's, and it is named at its flag.
@Suite("An override that makes an estimate a projection")
struct KindOverridePlacementTests {
    static let estimate = "name: e\nchips: 8\nhours: 10\nhardware: a100\n"

    func error(_ overrides: [(key: String, value: String)], flags: [String: String] = [:]) throws -> InputError {
        try #require(throws: InputError.self) {
            try ScenarioFile.parseDocument(Self.estimate, path: "e.yaml", overrides: overrides, overrideFlags: flags)
        }
    }

    @Test("--set kind=projection is named at --set, with the file's first key a projection does not take")
    func kind() throws {
        #expect(try error([("kind", "projection")]).description
                == "--set: kind: expected estimate, as e.yaml is: its key chips at line 2 is not a projection key, found \"projection\"")
    }

    @Test("--set start_year=… alike; --sweep is named as the flag that gave it")
    func startYear() throws {
        #expect(try error([("start_year", "2024")]).description
                == "--set: start_year: expected no start_year on an estimate, as e.yaml is: its key chips at line 2 is not a projection key, found \"2024\"")
        #expect(try error([("kind", "projection")], flags: ["kind": "--sweep"]).location?.description == "--sweep")
    }

    @Test("an estimate file whose keys a projection takes still becomes one")
    func sharedKeys() throws {
        let document = try ScenarioFile.parseDocument("name: s\ngrid: FRA\n", path: "s.yaml", overrides: [
            ("kind", "projection"), ("start_year", "2024"), ("end_year", "2026"), ("base_electricity", "1 TWh"),
        ])
        guard case .projection(let p) = document else { Issue.record("not a projection"); return }
        #expect(p.spec.startYear == 2024 && p.spec.endYear == 2026)
    }
}
