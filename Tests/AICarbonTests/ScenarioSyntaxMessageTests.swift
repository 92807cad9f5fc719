import Foundation
import Testing
@testable import AICarbon

/// A scenario file, or a `--set` value, the YAML parser refuses is reported in plain words: the place,
/// what was expected and what was found, with none of libyaml's or Yams' own wording (a fuzzing find).
@Suite("YAML syntax errors in plain words")
struct ScenarioSyntaxMessageTests {
    /// The parser's words that must never reach a message.
    static let parserWords = ["found found", "but found", "did not find", "could not find", "Maximum nesting", "yaml_set",
                              "libyaml", "Parser:", "Context:", "in this context", "cannot start any token", "\\n"]

    /// What a growth driver's `--set` value in brackets may be.
    static let yearMap = "a value, a {year: value} mapping such as {2025: 1.2, 2031: 1.05}"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// The message must hold these.
        let message: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "two documents", text: "kind: estimate\nparams: 70B\n---\nkind: estimate\n",
             message: ["bad.yaml:3:1: syntax: expected valid YAML or JSON: one document (no second --- line), found a second document"]),
        Case(name: "a tab in indentation", text: "kind: estimate\nsimulation:\n\tsamples: 10\n",
             message: ["bad.yaml:3:1: syntax: expected valid YAML or JSON: spaces for indentation, found a tab character"]),
        Case(name: "a tab after spaces", text: "kind: estimate\nsimulation:\n  \tsamples: 10\n",
             message: ["bad.yaml:3:3:", "spaces for indentation, found a tab character"]),
        Case(name: "keys nested 1,000 deep", text: (0..<1_000).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
                + String(repeating: " ", count: 1_000) + "b: 1\n",
             message: ["bad.yaml:1000:", "keys and lists nested at most 1000 deep, found deeper nesting"]),
        Case(name: "an unclosed quote", text: "kind: estimate\nname: \"abc\nchips: 8\n",
             message: ["bad.yaml:4:1:", "expected valid YAML or JSON: a closing quote, found the end of the file"]),
        Case(name: "a reserved character", text: "kind: estimate\nname: @x\n", message: ["bad.yaml:2:7:", "found \"@\""]),
        Case(name: "a key out of line", text: "kind: estimate\nsimulation:\n  samples: 10\n seed: 3\n",
             message: ["bad.yaml:4:2:", "a key indented as the keys above it, found \"seed:\""]),
        Case(name: "an unclosed list", text: "kind: estimate\nchips: [1, 2\n",
             message: ["bad.yaml:3:1:", "a comma (,) or ] in the list, found the end of the file"]),
        // A \u escape libyaml refuses although its digits are hexadecimal: the key, the escape and why (a fuzzing find:
        // it said "a Unicode escape with hexadecimal digits, such as \u00e9, found an invalid one", at "syntax").
        Case(name: "a lone surrogate escape", text: #"kind: estimate\#nname: "\ud800"\#n"#,
             message: [#"bad.yaml:2:8: name: expected valid YAML or JSON: a character, or an escape of one: \u00e9, or \U0001F600 beyond FFFF "#
                + #"(YAML reads no surrogate pairs), found "\ud800", a lone UTF-16 surrogate escape, which is not a character"#]),
        Case(name: "a surrogate escape under a nested key", text: #"kind: estimate\#nsimulation:\#n  # c\#n  method: "mc \uDC00"\#n"#,
             message: [#"bad.yaml:4:15: simulation.method: expected valid YAML or JSON: "#, #"found "\uDC00", a lone UTF-16 surrogate escape"#]),
        Case(name: "a surrogate escape in a CR LF file", text: "kind: estimate\r\nsimulation:\r\n  method: \"\\ud800\"\r\n",
             message: [#"bad.yaml:3:12: simulation.method: expected valid YAML or JSON: "#]),
        Case(name: "a surrogate pair", text: #"kind: estimate\#ndescription: "ok \ud83d\ude00"\#n"#,
             message: [#"bad.yaml:2:18: description: "#, #"found "\ud83d", half of a UTF-16 surrogate pair, which is not a character alone "#
                + #"(write \U0001F600)"#]),
        Case(name: "an escape beyond 10FFFF", text: #"kind: estimate\#nname: "\U00110000"\#n"#,
             message: [#"bad.yaml:2:8: name: expected valid YAML or JSON: a character, or an escape of one up to \U0010FFFF, "#
                + #"found "\U00110000", beyond the last Unicode code point"#]),
    ]

    @Test("a file the parser refuses: file, line, expected and found, in plain words", arguments: cases)
    func file(_ c: Case) throws {
        let error = try #require(throws: InputError.self) { try ScenarioFile.parseDocument(c.text, path: "bad.yaml") }
        let message = error.description
        for text in c.message { #expect(message.contains(text), "\(message)") }
        for word in Self.parserWords { #expect(!message.contains(word), "\(message)") }
    }

    @Test("a --set value the parser refuses names the key, what was expected and found, without the parser's dump", arguments: [
        ("ai_growth", "{2025: 1.2, 2025: 1.3}", "ai_growth: expected \(Self.yearMap): each key once, found a second \"2025\" in \"{2025: 1.2, 2025: 1.3}\""),
        ("simulation", "{samples: 1, samples: 2}", "simulation: expected a mapping such as {samples: 20000, percentiles: [1, 99]}: each key once, "
            + "found a second \"samples\" in \"{samples: 1, samples: 2}\""),
        ("ai_growth", "{2025: 1.2", "ai_growth: expected \(Self.yearMap): a comma (,) or } in the mapping, found the end of the value in \"{2025: 1.2\""),
        ("ai_growth", "[1, 2 3}", "ai_growth: expected \(Self.yearMap): a comma (,) or ] in the list, found \"}\" at character 8 of \"[1, 2 3}\""),
    ])
    func override(_ key: String, _ value: String, _ expected: String) throws {
        let text = try String(contentsOf: scenariosFolder.appendingPathComponent("iea-base-2024-2035.yaml"), encoding: .utf8)
        let error = try #require(throws: InputError.self) {
            try ScenarioFile.parseDocument(text, path: "iea.yaml", overrides: [(key, value)])
        }
        let message = error.description
        #expect(message == "--set: " + expected, "\(message)")
        #expect(!message.contains("[[mfu, pue, -0.3]]"), "\(message)")
        for word in Self.parserWords { #expect(!message.contains(word), "\(message)") }
    }
}
