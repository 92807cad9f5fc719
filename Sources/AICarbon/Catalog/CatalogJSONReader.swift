/// A forward-only reader of the JSON the bundled catalogs are written in, working on the UTF-8 bytes directly.
///
/// ``Catalog/bundled()`` decodes ``EmbeddedCatalogs`` with it at start-up: Foundation's `JSONDecoder` with
/// `Codable` took about 30 ms of CPU for the 416 grids, this takes about 1 ms. The `Codable` conformances stay
/// for everything else, and `CatalogDecodingTests` checks that both give the same catalog.
///
/// It reads standard JSON (RFC 8259): objects, arrays, strings with every escape (`\uXXXX` surrogate pairs
/// included), numbers, `true`, `false` and `null`. Callers pull values in document order; a member they do not
/// know is skipped with ``skipValue()``, as `JSONDecoder` ignores unknown keys. A syntax error or a value of the
/// wrong type throws an ``InputError`` naming the document, line and column, the key path, what was expected and
/// what was found.
struct CatalogJSONReader {
    /// The document's name in error messages, e.g. `EmbeddedCatalogs.grids`.
    let document: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    /// Where the value being read sits, for error messages: the entity (`grids[12]`) and, inside it, a nested
    /// object's key (`spread`).
    var entity: (array: StaticString, index: Int)?
    /// The key of the nested object being read inside ``entity``, if any.
    var nested: StaticString?

    /// Creates a reader of `bytes`, which must outlive it.
    /// - Parameters:
    ///   - bytes: The document's UTF-8 bytes.
    ///   - document: Its name in error messages.
    init(bytes: UnsafeBufferPointer<UInt8>, document: String) {
        self.bytes = bytes
        self.document = document
    }

    // MARK: Structure

    /// Consumes the `{` that opens an object.
    /// - Parameter key: The key whose value this object is, for error messages.
    /// - Returns: The position of the `{`, for ``missing(_:objectAt:)``.
    @discardableResult
    mutating func beginObject(_ key: StaticString) throws(InputError) -> Int {
        try expect(UInt8(ascii: "{"), key, "an object")
        return offset - 1
    }

    /// The next member's key in the object being read, with its `:` consumed, or `nil` after the closing `}`.
    /// - Parameter first: `true` before the object's first member; the reader keeps it up to date.
    /// - Returns: The key, as a view of the document's bytes.
    mutating func nextKey(_ first: inout Bool) throws(InputError) -> Key? {
        guard try member(&first) else { return nil }
        let key = try stringBytes(nil)
        try expect(UInt8(ascii: ":"), nil, "`:` after a key")
        return key
    }

    /// The next member's key as a `String` (escapes decoded), with its `:` consumed, or `nil` after the closing `}`:
    /// for objects whose keys are data (a generation mix's sources).
    /// - Parameters:
    ///   - first: `true` before the object's first member; the reader keeps it up to date.
    ///   - key: The object's own key, for error messages.
    mutating func nextKeyString(_ first: inout Bool, _ key: StaticString) throws(InputError) -> String? {
        guard try member(&first) else { return nil }
        let name = try string(key)
        try expect(UInt8(ascii: ":"), key, "`:` after a key")
        return name
    }

    /// Consumes `}` (returning `false`) or the `,` before a member that is not the first; leaves the reader on the
    /// member's opening quote.
    private mutating func member(_ first: inout Bool) throws(InputError) -> Bool {
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            offset += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ","), nil, "`,` or `}` after an object member") }
        first = false
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw failure(nil, "a quoted key") }
        return true
    }

    /// Consumes the `[` that opens an array.
    /// - Parameter key: The key whose value this array is, for error messages.
    mutating func beginArray(_ key: StaticString) throws(InputError) {
        try expect(UInt8(ascii: "["), key, "an array")
    }

    /// Whether the array being read has another element (its `,` consumed); `false` after the closing `]`.
    /// - Parameter first: `true` before the array's first element; the reader keeps it up to date.
    mutating func nextElement(_ first: inout Bool) throws(InputError) -> Bool {
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ","), nil, "`,` or `]` after an array element") }
        first = false
        return true
    }

    /// Checks that nothing but white space follows the document's top-level value.
    mutating func end() throws(InputError) {
        skipWhitespace()
        guard offset == bytes.count else { throw failure(nil, "the end of the document") }
    }

    // MARK: Values

    /// Reads a string.
    /// - Parameter key: The member's key, for error messages.
    mutating func string(_ key: StaticString) throws(InputError) -> String {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw failure(key, "a string") }
        let start = offset + 1
        let raw = try stringBytes(key)
        if raw.escaped { return try unescape(from: start, key) }
        return String(decoding: raw.bytes, as: UTF8.self)
    }

    /// Reads a string, or `nil` for `null`.
    mutating func optionalString(_ key: StaticString) throws(InputError) -> String? {
        try null() ? nil : string(key)
    }

    /// Reads an array of strings.
    mutating func strings(_ key: StaticString) throws(InputError) -> [String] {
        try beginArray(key)
        var result: [String] = []
        var first = true
        while try nextElement(&first) { result.append(try string(key)) }
        return result
    }

    /// Reads a number as the nearest `Double` (correctly rounded, as `JSONDecoder` and `Double(_:)` round).
    /// - Parameter key: The member's key, for error messages.
    mutating func double(_ key: StaticString) throws(InputError) -> Double {
        skipWhitespace()
        let start = offset
        // Clinger's fast path (Clinger 1990): a mantissa below 2^53 and a power of ten up to 10^22 are both exact
        // doubles, so one IEEE multiplication or division gives the correctly rounded result.
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        let negative = peek == UInt8(ascii: "-")
        if negative { offset += 1 }
        let integerStart = offset
        while let d = digit { mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; offset += 1 }
        let integerDigits = offset - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            offset = start
            throw failure(key, "a number")
        }
        if peek == UInt8(ascii: ".") {
            offset += 1
            let fractionStart = offset
            while let d = digit { mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; exponent -= 1; offset += 1 }
            guard offset > fractionStart else { offset = start; throw failure(key, "a number") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            var exponentNegative = false
            if peek == UInt8(ascii: "-") || peek == UInt8(ascii: "+") {
                exponentNegative = peek == UInt8(ascii: "-")
                offset += 1
            }
            let exponentStart = offset
            var written = 0
            while let d = digit { written = Swift.min(written * 10 + d, 100_000); offset += 1 }
            guard offset > exponentStart else { offset = start; throw failure(key, "a number") }
            exponent += exponentNegative ? -written : written
        }
        if digits <= 15, -22...22 ~= exponent {
            // At most 15 digits: the mantissa is below 10^15 < 2^53, exact.
            let value = exponent < 0 ? Double(mantissa) / Self.powersOfTen[-exponent] : Double(mantissa) * Self.powersOfTen[exponent]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw failure(key, "a number within the range of a Double", found: text)
        }
        return value
    }

    /// Reads a number, or `nil` for `null`.
    mutating func optionalDouble(_ key: StaticString) throws(InputError) -> Double? {
        try null() ? nil : double(key)
    }

    /// Reads an integer: a number with an exact `Int` value (`2016`, also `2016.0`, as `JSONDecoder` accepts).
    mutating func integer(_ key: StaticString) throws(InputError) -> Int {
        skipWhitespace()
        let start = offset
        let value = try double(key)
        if Swift.abs(value) < 0x1p53, let integer = Int(exactly: value) { return integer }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        if let integer = Int(text) { return integer }
        guard let integer = Int(exactly: value) else {
            offset = start
            throw failure(key, "an integer", found: text)
        }
        return integer
    }

    /// Reads `true` or `false`.
    mutating func bool(_ key: StaticString) throws(InputError) -> Bool {
        skipWhitespace()
        if literal("true") { return true }
        if literal("false") { return false }
        throw failure(key, "true or false")
    }

    /// Consumes `null` if it comes next.
    /// - Returns: Whether it did.
    mutating func null() -> Bool {
        skipWhitespace()
        return literal("null")
    }

    /// Skips one value of any kind (a member nobody reads).
    /// - Parameter key: The member's key, for error messages.
    mutating func skipValue(_ key: StaticString) throws(InputError) {
        try skipValue(key, depth: 0)
    }

    private mutating func skipValue(_ key: StaticString, depth: Int) throws(InputError) {
        guard depth < 512 else { throw failure(key, "values nested at most 512 deep") }
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "{"):
            offset += 1
            var first = true
            while try nextKey(&first) != nil { try skipValue(key, depth: depth + 1) }
        case UInt8(ascii: "["):
            offset += 1
            var first = true
            while try nextElement(&first) { try skipValue(key, depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try stringBytes(key)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool(key)
        case UInt8(ascii: "n"):
            guard null() else { throw failure(key, "a value") }
        default:
            _ = try double(key)
        }
    }

    // MARK: Keys

    /// A member's key as a view of the document's bytes, compared with the key names a decoder knows without
    /// making a `String`.
    struct Key {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let escaped: Bool

        /// Whether the key is `name` (keys with escapes never match: the catalogs have none).
        static func == (key: Key, name: StaticString) -> Bool {
            guard !key.escaped, key.bytes.count == name.utf8CodeUnitCount else { return false }
            let other = name.utf8Start
            for i in 0..<key.bytes.count where key.bytes[i] != other[i] { return false }
            return true
        }
    }

    // MARK: Errors

    /// An error for a value that is present but unusable (a grid kind nobody knows), at the value just read.
    /// - Parameters:
    ///   - key: The member's key.
    ///   - expected: What it should have been.
    ///   - found: What it was.
    func invalid(_ key: StaticString, expected: String, found: String) -> InputError {
        InputError(field: fieldPath(key), expected: expected, found: found, location: location)
    }

    /// An error for a required member that the object being read lacks, located at the object's `{`.
    /// - Parameters:
    ///   - key: The missing member's key.
    ///   - start: The object's position, as ``beginObject(_:)`` returned it.
    func missing(_ key: StaticString, objectAt start: Int) -> InputError {
        InputError(field: fieldPath(key), expected: "a `\(key)` member", found: "an object without it",
                   location: location(of: start))
    }

    private func failure(_ key: StaticString?, _ expected: String, found: String? = nil) -> InputError {
        InputError(field: fieldPath(key), expected: expected, found: found ?? foundHere, location: location)
    }

    private func fieldPath(_ key: StaticString?) -> String {
        var parts: [String] = []
        if let entity { parts.append("\(entity.array)[\(entity.index)]") }
        if let nested { parts.append("\(nested)") }
        if let key { parts.append("\(key)") }
        return parts.isEmpty ? "catalog" : parts.joined(separator: ".")
    }

    /// Up to 20 characters of what comes next, or `the end of the document`.
    private var foundHere: String {
        guard offset < bytes.count else { return "the end of the document" }
        let end = Swift.min(offset + 20, bytes.count)
        return "`\(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self))`"
    }

    /// The 1-based line and column (in bytes) of the reading position.
    private var location: InputLocation { location(of: offset) }

    /// The 1-based line and column (in bytes) of `position`.
    private func location(of position: Int) -> InputLocation {
        var line = 1, lineStart = 0
        for i in 0..<Swift.min(position, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return InputLocation(file: document, line: line, column: position - lineStart + 1)
    }

    // MARK: Bytes

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private var digit: Int? {
        guard let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        return Int(byte - UInt8(ascii: "0"))
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ key: StaticString?, _ expected: String) throws(InputError) {
        skipWhitespace()
        guard peek == byte else { throw failure(key, expected) }
        offset += 1
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for i in 0..<count where bytes[offset + i] != word.utf8Start[i] { return false }
        offset += count
        return true
    }

    /// Consumes a string at the reading position (on its opening quote) and returns its content's bytes.
    private mutating func stringBytes(_ key: StaticString?) throws(InputError) -> Key {
        let opening = offset
        var escaped = false
        // A tight scan for the bytes that end or interrupt a plain run: `"`, `\` and control characters.
        var i = opening + 1
        let count = bytes.count
        if let base = bytes.baseAddress {
            // Eight bytes at a time while none of them is special (Hacker's Delight 6-1: a word has a zero byte iff
            // (x - 0x01…01) & ~x & 0x80…80 ≠ 0; a byte below 0x20 likewise with 0x20…20).
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                i += 8
            }
        }
        while i < count {
            let byte = bytes[i]
            if byte > UInt8(ascii: "\\") || (byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")) {
                i += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                offset = i + 1
                return Key(bytes: UnsafeBufferPointer(rebasing: bytes[(opening + 1)..<i]), escaped: escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                i += 2
                continue
            }
            offset = i
            throw failure(key, "a control character escaped inside a string")
        }
        offset = opening
        throw failure(key, "a string closed by `\"`")
    }

    /// Decodes the escapes of the string whose content starts at `start` (already consumed).
    private mutating func unescape(from start: Int, _ key: StaticString) throws(InputError) -> String {
        let end = offset - 1
        var scalars = String.UnicodeScalarView()
        var chunk = start
        var i = start
        func flush(_ upTo: Int) {
            scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[chunk..<upTo]), as: UTF8.self).unicodeScalars)
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "\\") else { i += 1; continue }
            flush(i)
            offset = i
            let escape = bytes[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var value = try hexQuad(at: i, end: end, key)
                i += 4
                if (0xD800..<0xDC00).contains(value) {
                    guard i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                          case let low = try hexQuad(at: i + 2, end: end, key), (0xDC00..<0xE000).contains(low) else {
                        throw failure(key, "a low surrogate `\\uDC00`-`\\uDFFF` after a high surrogate")
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let scalar = Unicode.Scalar(value) else { throw failure(key, "a Unicode scalar, not a lone surrogate") }
                scalars.append(scalar)
            default:
                throw failure(key, "an escape `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` or `\\uXXXX`")
            }
            chunk = i
        }
        flush(end)
        offset = end + 1
        return String(scalars)
    }

    private func hexQuad(at position: Int, end: Int, _ key: StaticString) throws(InputError) -> UInt32 {
        guard position + 4 <= end else { throw failure(key, "four hexadecimal digits after `\\u`") }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: throw failure(key, "four hexadecimal digits after `\\u`")
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    /// 10^0 … 10^22, each exact in a `Double`.
    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }
}
