/// Checks that a `.json` scenario file is strict JSON (RFC 8259) before it is read.
///
/// Scenario files are composed by the YAML parser, and YAML accepts much that JSON does not (a trailing
/// comma, unquoted text, comments, single quotes): a `.json` file with such a fault would be read without
/// a word, and the same file would be refused by every JSON tool. This check refuses it instead, with the
/// line and column of the fault, what was expected there and what was found. It only checks the syntax;
/// the YAML parser still reads the file, so keys and values are checked as in any scenario.
///
/// The nesting is not limited here: ``ScenarioFile`` refuses deep nesting before this runs (its depth
/// bounds this recursion).
struct JSONSyntaxCheck {
    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1

    /// Refuses `text` unless it is one JSON value with nothing after it (any value: that a scenario is an
    /// object is the scenario reader's check, with its own message).
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file, for the error.
    /// - Throws: ``InputError`` (`syntax`) at the line and column of the first fault.
    static func check(_ text: String, path: String) throws(InputError) {
        var checker = JSONSyntaxCheck(bytes: Array(text.utf8), path: path)
        try checker.document()
    }

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// What a value may be, for errors.
    private static let valueWords = "a value (text in double quotes, a number, true, false, null, an object {…} or a list […])"

    private mutating func document() throws(InputError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a byte order mark
        skipWhitespace()
        try value()
        skipWhitespace()
        guard index == bytes.count else { throw failure("nothing after the end of the scenario (its last })", found: here) }
    }

    private mutating func value() throws(InputError) {
        guard let byte = peek else { throw failure(Self.valueWords, found: here) }
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try list()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default:
            let (word, at) = token()
            guard ["true", "false", "null"].contains(word) else {
                throw failure(Self.valueWords, found: word.isEmpty ? here : "\"\(word)\" (text must be in double quotes)", at: at)
            }
        }
    }

    private mutating func object() throws(InputError) {
        advance()  // {
        skipWhitespace()
        if peek == UInt8(ascii: "}") { advance(); return }
        var comma: (line: Int, column: Int)?
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                if let comma, peek == UInt8(ascii: "}") {
                    throw failure("another \"key\": value after this comma (JSON allows no trailing comma)", found: here + onLine(comma), at: comma)
                }
                throw failure("a key in double quotes", found: here)
            }
            try string()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw failure("a colon (:) after the key", found: here) }
            advance()
            skipWhitespace()
            try value()
            guard let next = try commaOrClose(UInt8(ascii: "}")) else { return }
            comma = next
        }
    }

    private mutating func list() throws(InputError) {
        advance()  // [
        skipWhitespace()
        if peek == UInt8(ascii: "]") { advance(); return }
        var comma: (line: Int, column: Int)?
        while true {
            skipWhitespace()
            if let comma, peek == UInt8(ascii: "]") {
                throw failure("another value after this comma (JSON allows no trailing comma)", found: here + onLine(comma), at: comma)
            }
            try value()
            guard let next = try commaOrClose(UInt8(ascii: "]")) else { return }
            comma = next
        }
    }

    /// After a value in an object or a list: a comma, consumed, whose place is returned, or the closing
    /// bracket `close`, consumed (`nil`).
    private mutating func commaOrClose(_ close: UInt8) throws(InputError) -> (line: Int, column: Int)? {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: ","):
            let at = (line, column)
            advance()
            return at
        case close:
            advance()
            return nil
        default:
            throw failure("a comma (,) or \(Character(Unicode.Scalar(close))) after the value", found: here)
        }
    }

    private mutating func string() throws(InputError) {
        advance()  // "
        while true {
            guard let byte = peek else { throw failure("a closing double quote", found: here) }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return
            case UInt8(ascii: "\\"):
                let at = (line, column)
                advance()
                guard let escaped = peek else { throw failure("a closing double quote", found: here) }
                if escaped == UInt8(ascii: "u") {
                    advance()
                    var code = 0
                    for _ in 0..<4 {
                        guard let digit = peek, Self.isHexDigit(digit) else {
                            throw failure("\\u and four hexadecimal digits, such as \\u00e9", found: here, at: at)
                        }
                        code = code * 16 + Int(String(UnicodeScalar(digit)), radix: 16)!
                        advance()
                    }
                    // Valid JSON, but the YAML reader that reads the file next refuses half a surrogate pair
                    // (with a message about hexadecimal digits): said here in plain words.
                    if (0xD800...0xDFFF).contains(code) {
                        throw failure("the character itself, or a \\u escape outside D800–DFFF (a surrogate pair such as "
                                      + "\\uD83D\\uDE00 is valid JSON but not read here)",
                                      found: "\"\\u\(String(code, radix: 16, uppercase: true))\"", at: at)
                    }
                } else {
                    guard Array("\"\\/bfnrt".utf8).contains(escaped) else {
                        throw failure("an escape such as \\n, \\t, \\\", \\\\ or \\u00e9", found: "\"\\\(character)\"", at: at)
                    }
                    advance()
                }
            case 0..<0x20:
                throw failure("text without raw control characters or line breaks (write \\n, \\t)", found: here)
            default:
                advance()
            }
        }
    }

    private mutating func number() throws(InputError) {
        let (word, at) = token()
        guard Self.isNumber(word) else {
            throw failure("a number such as 70, 0.5 or 2e12 (text such as 70B in double quotes)", found: "\"\(word)\"", at: at)
        }
    }

    /// Whether `text` is a JSON number: `-`, an integer part without leading zeros, then a fraction and
    /// an exponent, each optional.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text).utf8
        func digits() -> Int {
            let count = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// The word starting here (letters, digits, `.`, `+`, `-`: a number or a bare word), consumed, and its place.
    private mutating func token() -> (String, (line: Int, column: Int)) {
        let at = (line, column), start = index
        while let byte = peek, byte >= 0x80 || Self.isWordByte(byte) { advance() }
        return (String(decoding: bytes[start..<index].prefix(40), as: UTF8.self), at)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The character here, as it was typed.
    private var character: String {
        String(String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self).unicodeScalars.prefix(1).map(Character.init))
    }

    /// What is here, in the words of a message.
    private var here: String {
        guard let byte = peek else { return "the end of the file" }
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return "the end of the line"
        case UInt8(ascii: "\t"): return "a tab character"
        case 0..<0x20: return "a control character"
        default: return "\"\(character)\""
        }
    }

    /// " on line N" when what is found here is on another line than `place` (a trailing comma's).
    private func onLine(_ place: (line: Int, column: Int)) -> String { line == place.line ? "" : " on line \(line)" }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        // A line ends at LF, at CR LF (counted at its LF) and at a CR alone (old Mac files).
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && peek != UInt8(ascii: "\n")) {
            line += 1
            column = 1
        } else if byte == UInt8(ascii: "\r") {
            // The CR of a CR LF: the LF ends the line.
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            advance()
        }
    }

    private func failure(_ expected: String, found: String, at: (line: Int, column: Int)? = nil) -> InputError {
        let place = at ?? (line, column)
        return InputError(field: "syntax", expected: "valid JSON: \(expected)", found: found,
                          location: InputLocation(file: path, line: place.line, column: place.column))
    }
}
