import Yams

/// A refusal of the YAML parser (libyaml, through Yams) restated in plain words: what was expected and
/// what was found, and where, without the parser's own wording ("did not find expected node content",
/// "but found another document") or its dumps of context.
struct YAMLProblem: Sendable, Hashable {
    /// What the text should have held at that place (`a comma (,) or } in the mapping`).
    var expected: String
    /// What it held instead (`a tab character`, `"@"`, `the end of the file`).
    var found: String
    /// The 1-based line, when the parser gave one.
    var line: Int?
    /// The 1-based column (in Unicode scalars, as libyaml counts them), when the parser gave one.
    var column: Int?

    /// The problem of `error`, met while reading `text`.
    /// - Parameters:
    ///   - error: The parser's error.
    ///   - text: The text it read, to name the character where it stopped.
    ///   - whole: What the text is, for its end: `file` (a scenario file) or `value` (a `--set` value).
    init(_ error: YamlError, in text: String, whole: String) {
        let end = "the end of the \(whole)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var at = mark
            // A key without its colon is reported where the parser gave up looking (a line or more later):
            // the key itself is where the colon belongs.
            if problem == "could not find expected ':'", let context { at = context.mark }
            line = at.line
            column = at.column
            let rest = Self.rest(of: text, line: mark.line, column: mark.column)
            (expected, found) = Self.words(problem, context: context?.text, rest: rest, end: end)
        case .reader(let problem, let offset, _, _):
            line = offset.map { offset in 1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
            column = nil
            (expected, found) = Self.words(problem, context: nil, rest: nil, end: end)
        case .duplicatedKeysInMapping(let duplicates, _):
            // Its mark is the mapping's, not the second key's.
            line = nil
            column = nil
            expected = "each key once"
            found = "a second \"\(duplicates.first ?? "key")\""
        default:
            line = nil
            column = nil
            expected = "YAML or JSON text"
            found = "text the YAML reader cannot read"
        }
    }

    /// The deepest nesting of keys and lists libyaml reads (its `MAX_NESTING_LEVEL`).
    static let parserNestingLimit = 1000

    /// `problem`, a libyaml or Yams message, as what was expected and what was found.
    /// - Parameters:
    ///   - problem: The parser's message.
    ///   - context: The parser's context (`while scanning a quoted scalar`), if any.
    ///   - rest: The rest of the line where the parser stopped, or `nil` at the end of the text.
    ///   - end: The words for the end of the text.
    static func words(_ problem: String, context: String?, rest: Substring.UnicodeScalarView?, end: String) -> (expected: String, found: String) {
        let here = describe(rest, end: end)
        switch problem {
        case "but found another document":
            return ("one document (no second --- line)", "a second document")
        case "found undefined alias":
            return ("no YAML aliases", "an alias")
        case "found character that cannot start any token":
            let character = describe(rest?.prefix(1), end: end)
            if rest?.first == "\t" { return ("spaces for indentation", "a tab character") }
            return ("a key, a value or a list item (quote a value that starts with \(character))", character)
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return ("spaces for indentation", "a tab character")
        case "found unexpected end of stream":
            return (context?.contains("quoted") == true ? "a closing quote" : "the rest of the value", end)
        case "found unexpected document indicator":
            return ("a closing quote before the next document", "a --- or ... line")
        case "found unknown escape character":
            return ("an escape such as \\n, \\t, \\\" or \\\\ in a double-quoted value", "an unknown escape")
        case "found invalid Unicode character escape code", "did not find expected hexdecimal number":
            return ("a Unicode escape with hexadecimal digits, such as \\u00e9", "an invalid one")
        case "could not find expected ':'":
            return ("a colon (:) after the key", "a key without one")
        case "mapping values are not allowed in this context":
            return ("one key: value a line, a nested key indented under a key without a value (quote a value holding \": \")",
                    "a colon (:) where no key may start")
        case "block sequence entries are not allowed in this context":
            return ("a list item (- ) on a line of its own, under its key", "a - where no list may start")
        case "mapping keys are not allowed in this context":
            return ("a key where a key may start", "a ? where no key may start")
        case "did not find expected comment or line break":
            return ("a line break or a comment (#) after the value", here)
        case "did not find expected node content":
            return ("a value", here)
        case "did not find expected key":
            return ("a key indented as the keys above it", here)
        case "did not find expected '-' indicator":
            return ("a list item (- ) indented as the items above it", here)
        case "did not find expected ',' or ']'":
            return ("a comma (,) or ] in the list", here)
        case "did not find expected ',' or '}'":
            return ("a comma (,) or } in the mapping", here)
        case "did not find expected <document start>":
            return ("a key: value line", here)
        case "did not find expected alphabetic or numeric character":
            return ("a name after & or *", here)
        case "control characters are not allowed":
            return ("text without control characters", "a control character")
        default:
            if problem.hasPrefix("Maximum nesting level reached") {
                return ("keys and lists nested at most \(parserNestingLimit) deep", "deeper nesting")
            }
            // Any other message, without the parser's "found" or "did not find expected" around it.
            for prefix in ["did not find the expected ", "did not find expected ", "could not find expected "] where problem.hasPrefix(prefix) {
                return (String(problem.dropFirst(prefix.count)), here)
            }
            var rest = Substring(problem)
            for prefix in ["but found ", "found "] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
            return ("valid YAML", String(rest))
        }
    }

    /// Where the parser stopped, as a message names it: the word there, quoted (a single character when it
    /// is punctuation), or in words for white space and the ends of the line and of the text.
    static func describe(_ rest: Substring.UnicodeScalarView?, end: String) -> String {
        guard let rest else { return end }
        guard let first = rest.first else { return "the end of the line" }
        switch first {
        case "\t": return "a tab character"
        case " ": return "a space"
        case ",", "[", "]", "{", "}", ":", "#", "\"", "'": return "\"\(first)\""
        default:
            let word = rest.prefix { !$0.properties.isWhitespace && ![",", "[", "]", "{", "}"].contains($0) }.prefix(20)
            return "\"" + String(String.UnicodeScalarView(word)) + "\""
        }
    }

    /// The rest of the 1-based `line` of `text` from the 1-based `column` on (empty at the line's end),
    /// or `nil` past the end of the text.
    static func rest(of text: String, line: Int, column: Int) -> Substring.UnicodeScalarView? {
        let scalars = Substring(text).unicodeScalars
        var index = scalars.startIndex
        for _ in 1..<max(line, 1) {
            guard let newline = scalars[index...].firstIndex(of: "\n") else { return nil }
            index = scalars.index(after: newline)
        }
        let lineText = scalars[index...].prefix { $0 != "\n" }
        guard let start = lineText.index(lineText.startIndex, offsetBy: max(column - 1, 0), limitedBy: lineText.endIndex) else {
            return lineText.suffix(0)
        }
        return start == scalars.endIndex ? nil : lineText[start...]
    }
}
