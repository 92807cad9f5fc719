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
    /// The key whose value holds the problem (`name`, `simulation.method`), when the problem lies in a quoted
    /// value whose key can be read from the lines before it (an invalid `\u` escape); else nil.
    var key: String?

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
            // An escape libyaml refuses although its digits are hexadecimal: say which, and why, at its backslash.
            if problem == "found invalid Unicode character escape code", mark.column > 2,
               let escape = Self.rest(of: text, line: mark.line, column: mark.column - 2).flatMap(Self.unicodeEscape) {
                column = mark.column - 2
                (expected, found) = Self.invalidEscape(escape.text, value: escape.value, low: escape.low)
                if let context, context.text.contains("quoted") { key = Self.key(of: text, line: context.mark.line, column: context.mark.column) }
            }
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

    /// The `\u` or `\U` escape at the start of `rest` (a backslash, the letter, 4 or 8 hexadecimal digits), as
    /// typed and as a number, and the low half of a surrogate pair written right after a high half (`\ude00`
    /// after `\ud83d`), if any.
    static func unicodeEscape(_ rest: Substring.UnicodeScalarView) -> (text: String, value: UInt32, low: UInt32?)? {
        func escape(_ scalars: ArraySlice<Unicode.Scalar>) -> (text: String, value: UInt32)? {
            guard scalars.count >= 2, scalars.first == "\\" else { return nil }
            let letter = scalars[scalars.startIndex + 1], digits = letter == "u" ? 4 : letter == "U" ? 8 : 0
            guard digits > 0, scalars.count >= 2 + digits else { return nil }
            let text = String(String.UnicodeScalarView(scalars.prefix(2 + digits)))
            return UInt32(String(text.dropFirst(2)), radix: 16).map { (text, $0) }
        }
        let scalars = Array(rest.prefix(16))
        guard let first = escape(scalars[...]) else { return nil }
        let next = first.text.unicodeScalars.count == 6 ? escape(scalars[6...]) : nil
        let low = next.flatMap { (0xDC00...0xDFFF).contains($0.value) && (0xD800...0xDBFF).contains(first.value) ? $0.value : nil }
        return (first.text, first.value, low)
    }

    /// What was expected and found for a `\u` or `\U` escape libyaml refuses: half of a UTF-16 surrogate pair
    /// (D800–DFFF), which YAML reads alone and which is not a character, or a number beyond the last code point.
    /// - Parameters:
    ///   - escape: The escape as typed (`\ud800`).
    ///   - value: Its number.
    ///   - low: The low half of a surrogate pair written after it, if any.
    static func invalidEscape(_ escape: String, value: UInt32, low: UInt32?) -> (expected: String, found: String) {
        guard (0xD800...0xDFFF).contains(value) else {
            return ("a character, or an escape of one up to \\U0010FFFF", "\"\(escape)\", beyond the last Unicode code point")
        }
        let expected = "a character, or an escape of one: \\u00e9, or \\U0001F600 beyond FFFF (YAML reads no surrogate pairs)"
        guard let low else { return (expected, "\"\(escape)\", a lone UTF-16 surrogate escape, which is not a character") }
        let point = 0x10000 + (value - 0xD800) * 0x400 + (low - 0xDC00)
        let hex = String(point, radix: 16, uppercase: true)
        return (expected, "\"\(escape)\", half of a UTF-16 surrogate pair, which is not a character alone (write \\U"
                    + String(repeating: "0", count: 8 - hex.count) + hex + ")")
    }

    /// The key, with the keys it is nested under joined by dots (`simulation.method`), of the value starting at
    /// the 1-based `line` and `column` of `text`, as block YAML indents it: the key before the value on its line
    /// (the last one, in a flow mapping), then each key that ends a less-indented line above. Nil when none.
    static func key(of text: String, line: Int, column: Int) -> String? {
        // Split as scalars: "\r\n" is one Character, which a split at "\n" would not see.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        func indent(_ l: Substring.UnicodeScalarView) -> Int { l.prefix { $0 == " " }.count }
        /// The key a text ends with (`name: `, `{method: `, `- "a b": `), unquoted.
        func trailingKey(_ t: Substring.UnicodeScalarView) -> String? {
            var end = t.endIndex
            while end > t.startIndex, t[t.index(before: end)] == " " || t[t.index(before: end)] == "\r" { end = t.index(before: end) }
            guard end > t.startIndex, t[t.index(before: end)] == ":" else { return nil }
            let body = t[..<t.index(before: end)]
            if let last = body.last, last == "\"" || last == "'" {
                let inner = body.dropLast()
                guard let open = inner.lastIndex(of: last) else { return nil }
                return String(String.UnicodeScalarView(inner[inner.index(after: open)...]))
            }
            let name = body.reversed().prefix { !" {,[-\t".unicodeScalars.contains($0) }
            return name.isEmpty ? nil : String(String.UnicodeScalarView(name.reversed()))
        }
        let own = lines[line - 1]
        var keys: [String] = []
        if let before = own.index(own.startIndex, offsetBy: max(column - 1, 0), limitedBy: own.endIndex), let k = trailingKey(own[..<before]) {
            keys.append(k)
        }
        var level = indent(own)
        for above in lines[..<(line - 1)].reversed() where level > 0 {
            let content = above.drop { $0 == " " }
            guard !content.isEmpty, content.first != "#", indent(above) < level else { continue }
            level = indent(above)
            let withoutComment = content.firstIndex(of: "#").map { content[..<$0] } ?? content
            if let k = trailingKey(withoutComment) { keys.insert(k, at: 0) }
        }
        return keys.isEmpty ? nil : keys.joined(separator: ".")
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
