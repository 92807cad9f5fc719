import Foundation
import Testing
@testable import AICarbon

/// A `.json` scenario file is strict JSON: what only YAML accepts (a trailing comma, bare words, single
/// quotes, comments) is refused at its line and column, where it had been read as YAML without a word
/// (a fuzzing find).
@Suite("strict JSON scenario files")
struct JSONScenarioSyntaxTests {
    static let valid = #"{"kind": "estimate", "chips": 8, "hours": 10, "power": "300 W", "grid": "FRA""#

    @Test("a JSON fault is refused with its line, column, what was expected and found", arguments: [
        (#"{"kind": "estimate", "parameters": "70B",}"#, "s.json:1:41: syntax: expected valid JSON: another \"key\": value after this comma "
            + "(JSON allows no trailing comma), found \"}\""),
        ("{\"kind\": \"estimate\",\n \"params\": \"70B\",\n}\n", "s.json:2:17: syntax: expected valid JSON: another \"key\": value after this comma "
            + "(JSON allows no trailing comma), found \"}\" on line 3"),
        ("{\"kind\": \"estimate\",\n \"percentiles\": [1, 99,]}", "s.json:2:23: syntax: expected valid JSON: another value after this comma (JSON allows no trailing comma), found \"]\""),
        (#"{"kind": "estimate", "params": 70B}"#, "s.json:1:32: syntax: expected valid JSON: a number such as 70, 0.5 or 2e12 "
            + "(text such as 70B in double quotes), found \"70B\""),
        ("{'kind': 'estimate'}", "s.json:1:2: syntax: expected valid JSON: a key in double quotes, found \"'\""),
        ("{\"kind\": \"estimate\", # a comment\n}", "s.json:1:22: syntax: expected valid JSON: a key in double quotes, found \"#\""),
        (#"{"kind": estimate}"#, "s.json:1:10: syntax: expected valid JSON: a value (text in double quotes, a number, true, false, null"),
        (#"{"name": "a\qb"}"#, #"s.json:1:12: syntax: expected valid JSON: an escape such as \n, \t, \", \\ or \u00e9, found "\q""#),
        (#"{"chips": 08}"#, "s.json:1:11: syntax: expected valid JSON: a number such as 70"),
        ("{\"kind\": \"estimate\",\r \"params\": \"70B\",\r}\r", "s.json:2:17: syntax: expected valid JSON: another \"key\": value after this comma "
            + "(JSON allows no trailing comma), found \"}\" on line 3"),
        ("{\"kind\": \"estimate\",\r\n \"params\": \"70B\",\r\n}\r\n", "s.json:2:17: syntax: expected valid JSON: another \"key\": value after this comma "
            + "(JSON allows no trailing comma), found \"}\" on line 3"),
        (#"{"name": "x\uD83D\uDE00y"}"#, #"s.json:1:12: syntax: expected valid JSON: the character itself, or a \u escape outside D800–DFFF"#
            + #" (a surrogate pair such as \uD83D\uDE00 is valid JSON but not read here), found "\uD83D""#),
        (#"{"kind": "estimate"} extra"#, "s.json:1:22: syntax: expected valid JSON: nothing after the end of the scenario (its last }), found \"e\""),
        (#"{"kind": "estimate""#, "s.json:1:20: syntax: expected valid JSON: a comma (,) or } after the value, found the end of the file"),
    ])
    func refused(_ text: String, _ message: String) throws {
        let error = try #require(throws: InputError.self) { try ScenarioFile.parseDocument(text, path: "s.json") }
        #expect(error.description.hasPrefix(message), "\(error)")
    }

    @Test("strict JSON still loads: escapes, tabs and line breaks between tokens, numbers, true, false and null")
    func accepted() throws {
        let text = "{\n\t\"name\": \"a\\/b \\u00e9\\n\",\r\n\t\"description\": null,\n" + Self.valid.dropFirst() + ", \"pue\": 1.1e0}\n"
        guard case .estimate(let s) = try ScenarioFile.parseDocument(text, path: "s.json") else { Issue.record("not an estimate"); return }
        #expect(s.name == "a/b é\n")
        #expect(JSONSyntaxCheck.isNumber("-0.5e+3") && JSONSyntaxCheck.isNumber("0") && !JSONSyntaxCheck.isNumber("-")
                && !JSONSyntaxCheck.isNumber("1.") && !JSONSyntaxCheck.isNumber(".5") && !JSONSyntaxCheck.isNumber("1e"))
    }

    @Test("the same trailing comma in a .yaml file is YAML, read as before")
    func yamlKeepsFlowSyntax() throws {
        _ = try ScenarioFile.parseDocument(Self.valid + ",}", path: "s.yaml")
        #expect(throws: InputError.self) { try ScenarioFile.parseDocument(Self.valid + ",}", path: "s.JSON") }
    }

    @Test("a JSON file that starts with a tab loads (it was refused as YAML indentation: found a tab character); tab-indented YAML is still refused")
    func leadingTab() throws {
        for lead in ["\t", " \t\n\t", "\n\t\t"] {
            guard case .estimate(let s) = try ScenarioFile.parseDocument(lead + Self.valid + "}", path: "s.json") else {
                Issue.record("not an estimate"); return
            }
            #expect(s.name == (try ScenarioFile.parseDocument(Self.valid + "}", path: "s.json")).name && s.spec.grid == .named("FRA"))
        }
        // A YAML file indented with a tab is still refused, as YAML says.
        #expect(throws: InputError.self) { try ScenarioFile.parseDocument("name: a\n\tchip_hours: 10\n", path: "s.yaml") }
    }
}
