import Foundation
import Testing
@testable import AICarbon

/// A core YAML tag that contradicts what its key takes was ignored: `pue: !!null 1.10` and `pue: !!bool 1.10`
/// were read as 1.1. They are refused with the file, line, key, what was expected and what was found;
/// `!!str`, and `!!int` or `!!float` on a plain number, are read as before.
@Suite("YAML tags that contradict a value's key")
struct ScalarTagTests {
    static let estimate = "name: x\nchips: 8\nhours: 10\nhardware: a100\n"
    static let number = "a number, quantity or distribution: untagged, !!str, or !!int or !!float on a plain number"

    func error(_ line: String) throws -> InputError {
        try #require(throws: InputError.self) { try ScenarioFile.parseDocument(Self.estimate + line + "\n", path: "s.yaml") }
    }

    @Test("a tag no value takes, or a number tag on what is no plain number, is refused at the value", arguments: [
        ("pue: !!null 1.10", "s.yaml:5:6: pue: expected \(Self.number), found \"1.10\" tagged !!null"),
        ("pue: !!bool 1.10", "s.yaml:5:6: pue: expected \(Self.number), found \"1.10\" tagged !!bool"),
        ("pue: !!timestamp 1.1", "s.yaml:5:6: pue: expected \(Self.number), found \"1.1\" tagged !!timestamp"),
        ("power: !!float 300 W", "s.yaml:5:8: power: expected \(Self.number), found \"300 W\" tagged !!float"),
        ("mfu: !!int 0.5", "s.yaml:5:6: mfu: expected \(Self.number), found \"0.5\" tagged !!int"),
        ("description: !!int 5", "s.yaml:5:14: description: expected a name or text: untagged or !!str, found \"5\" tagged !!int"),
        ("simulation: {method: !!null lhs}", "s.yaml:5:22: simulation.method: expected a name or text: untagged or !!str, found \"lhs\" tagged !!null"),
        ("simulation: {percentiles: [!!bool 1, 99]}", "s.yaml:5:28: simulation.percentiles: expected \(Self.number), found \"1\" tagged !!bool"),
        ("simulation: !!seq {samples: 100}", "s.yaml:5:13: simulation: expected a mapping, untagged or tagged !!map, found a mapping tagged !!seq"),
    ])
    func refused(_ line: String, _ expected: String) throws {
        #expect(try error(line).description == expected)
    }

    @Test("a year path's value and year are checked too")
    func yearPath() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nconventional_growth: 1.05\n"
        let value = try #require(throws: InputError.self) { try ScenarioFile.parseDocument(text + "ai_growth: {2025: !!null 1.2}\n", path: "p.yaml") }
        #expect(value.description == "p.yaml:7:19: ai_growth: expected \(Self.number), found \"1.2\" tagged !!null")
        let year = try #require(throws: InputError.self) { try ScenarioFile.parseDocument(text + "ai_growth: {!!bool 2025: 1.2}\n", path: "p.yaml") }
        #expect(year.field == "ai_growth" && year.found == "\"2025\" tagged !!bool", "\(year)")
    }

    @Test("untagged values that YAML would resolve as null, booleans or numbers are text, as before", arguments: [
        "name: 2030\ndescription: null", "name: true\ndescription: ~", "name: 1.5\ndescription: no",
    ])
    func untagged(_ lines: String) throws {
        let text = Self.estimate.replacingOccurrences(of: "name: x\n", with: "") + lines + "\nrecipe: scratch\n"
        guard case .estimate(let s) = try ScenarioFile.parseDocument(text, path: "s.yaml") else { Issue.record("not an estimate"); return }
        #expect(s.name == String(lines.split(separator: "\n")[0].dropFirst(6)))
    }

    @Test("!!str, and !!int or !!float on a plain number, read as before")
    func kept() throws {
        let text = Self.estimate.replacingOccurrences(of: "chips: 8", with: "chips: !!int 8").replacingOccurrences(of: "name: x", with: "name: !!str x")
            + "pue: !!float 1.10\npower: !!str 300 W\nsimulation: {samples: !!int 100, percentiles: [!!float 1, 99]}\n"
        guard case .estimate(let s) = try ScenarioFile.parseDocument(text, path: "s.yaml") else { Issue.record("not an estimate"); return }
        #expect(s.name == "x" && s.spec[.chips] == .fixed(8) && s.spec[.pue] == .fixed(1.1) && s.spec[.powerW] == .fixed(300))
        #expect(s.simulation.samples == 100 && s.simulation.percentiles == [1, 99])
    }
}
