import Foundation
import Testing
@testable import AICarbon

/// A key given twice and a byte that is not UTF-8 are placed at their line and column and named by their key:
/// a one-line JSON object's duplicate had no line, a year given twice in a year path neither the path's key
/// nor (in a flow mapping) a line, and a non-UTF-8 byte was reported for the whole file.
@Suite("Duplicate keys and non-UTF-8 bytes placed at their line")
struct DuplicateKeyPlacementTests {
    static let projection = "kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\n"

    func message(_ text: String, path: String) throws -> String {
        try #require(throws: InputError.self) { try ScenarioFile.parseDocument(text, path: path) }.description
    }

    @Test("a .json scenario's duplicate key, on one line or with a space before its colon", arguments: [
        ("{\"name\": \"x\", \"chips\": 8, \"name\": \"y\"}", "d.json:1:27: name: expected each key once, found a second \"name\" (the first at line 1)"),
        ("{\n  \"name\" : \"x\",\n  \"name\" : \"y\"\n}\n", "d.json:3:3: name: expected each key once, found a second \"name\" (the first at line 2)"),
        ("{\"simulation\": {\"samples\": 100, \"samples\": 200}}",
         "d.json:1:33: simulation: expected each key once, found a second \"samples\" (the first at line 1)"),
    ])
    func json(_ text: String, _ expected: String) throws {
        #expect(try message(text, path: "d.json") == expected)
    }

    @Test("a year given twice in a year path names the path's key, in block and flow form", arguments: [
        ("ai_growth:\n  2025: 1.2\n  2025: 1.3\n", "p.yaml:8:3: ai_growth: expected each key once, found a second \"2025\" (the first at line 7)"),
        ("ai_growth: {2025: 1.2, 2025: 1.3}\n", "p.yaml:6:24: ai_growth: expected each key once, found a second \"2025\" (the first at line 6)"),
        ("ai_growth: {2025: 1.2, 02025: 1.3}\n", "p.yaml:6:24: ai_growth: expected each year once, found a second 2025"),
    ])
    func yearPath(_ path: String, _ expected: String) throws {
        #expect(try message(Self.projection + path + "conventional_growth: 1.05\n", path: "p.yaml") == expected)
    }

    @Test("a byte that is not UTF-8 is placed at its line and column and named by its key", arguments: [
        ("name: x\nhardware: a100\ndescription: caf\u{E9}\n", "u.yaml:3:17: description: expected UTF-8 text, found the byte 0xE9, which is not UTF-8"),
        ("name: x\nsimulation:\n  samples: 100\n  # caf\u{E9}\n", "u.yaml:4:8: simulation: expected UTF-8 text, found the byte 0xE9, which is not UTF-8"),
        ("{\"name\": \"x\",\n \"description\": \"caf\u{E9}\"}\n", "u.yaml:2:21: description: expected UTF-8 text, found the byte 0xE9, which is not UTF-8"),
        // On one line, the key before the byte, not the line's first (a review find: chip_hours was named).
        ("{\"chip_hours\": 10, \"power\": \"300 W\", \"name\": \"caf\u{E9}\"}", "u.yaml:1:50: name: expected UTF-8 text, found the byte 0xE9, which is not UTF-8"),
        ("{chip_hours: 10, power: 300 W, name: caf\u{E9}}", "u.yaml:1:41: name: expected UTF-8 text, found the byte 0xE9, which is not UTF-8"),
    ])
    func notUTF8(_ latin1: String, _ expected: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = url.appendingPathComponent("u.yaml")
        try #require(latin1.data(using: .isoLatin1)).write(to: file)
        let error = try #require(throws: InputError.self) { try ScenarioFile.loadDocument(file.path) }
        #expect(error.description == expected.replacingOccurrences(of: "u.yaml", with: file.path))
    }

    @Test("the first invalid byte's offset, line and column; valid text has none")
    func invalidUTF8() throws {
        let bad = try #require(InvalidUTF8(Data([0x61, 0x0A, 0xC3, 0xA9, 0x62, 0xC3, 0x28])))
        #expect(bad.offset == 5 && bad.byte == 0xC3 && bad.line == 2 && bad.column == 3 && bad.hex == "0xC3")
        #expect(InvalidUTF8(Data("é\n€\n".utf8)) == nil)
    }
}
