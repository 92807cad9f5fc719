import Foundation

/// Forgiving lookup of catalog entries by id, name or alias, with closest-match suggestions.
///
/// Names are compared after ``normalize(_:)``: lower case, letters, digits and `:` only, and vendor
/// words (`nvidia`, `amd`, `google`, `tesla`) dropped, so `nvidia h100`, `H100 SXM` and `h100` all
/// resolve. When two entries share a name, the one listed first in the catalog wins.
struct NameIndex: Sendable {
    private var positions: [String: Int] = [:]
    private var keys: [(key: String, position: Int)] = []

    /// Builds the index.
    /// - Parameter names: For each entry, in catalog order, the names it answers to.
    init(_ names: [[String]]) {
        let count = names.reduce(0) { $0 + $1.count }
        positions.reserveCapacity(count)
        keys.reserveCapacity(count)
        for (position, entryNames) in names.enumerated() {
            for name in entryNames {
                let key = Self.normalize(name)
                guard !key.isEmpty else { continue }
                if positions[key] == nil { positions[key] = position }
                keys.append((key, position))
            }
        }
    }

    /// The longest name looked up or matched; a longer one matches nothing and has no suggestions.
    static let maximumNameLength = 200

    /// The position of the entry named `name`, or `nil` (always for a name longer than ``maximumNameLength``).
    func position(of name: String) -> Int? {
        guard name.unicodeScalars.count <= Self.maximumNameLength else { return nil }
        return positions[Self.normalize(name)]
    }

    /// Up to `limit` entry positions whose names are closest to `name` (edit distance, then prefix); none for
    /// a name longer than ``maximumNameLength``, so that the edit distance never runs on long text.
    func suggestions(for name: String, limit: Int = 3) -> [Int] {
        guard name.unicodeScalars.count <= Self.maximumNameLength else { return [] }
        let target = Self.normalize(name)
        guard !target.isEmpty else { return [] }
        var best: [Int: Int] = [:]
        for (key, position) in keys {
            var score = Self.editDistance(target, key)
            if key.hasPrefix(target) || target.hasPrefix(key) { score = min(score, 1) }
            if score < best[position] ?? Int.max { best[position] = score }
        }
        let cutoff = max(2, target.count / 2)
        return best.filter { $0.value <= cutoff }
            .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            .prefix(limit).map(\.key)
    }

    /// The vendor words ``normalize(_:)`` drops, in the order it drops them.
    static let vendorWords = ["nvidia", "amd", "google", "tesla"]

    /// The key a name is compared by: lower case, ``vendorWords`` removed (each in one left-to-right pass, in
    /// order), then only `a`–`z`, `0`–`9` and `:` kept.
    ///
    /// An ASCII name (every catalog name, nearly every typed one) takes ``normalizeASCII(_:)``, on its bytes;
    /// any other takes ``normalizeUnicode(_:)``, with Unicode lower-casing. Both give the same key for ASCII
    /// names (`CatalogNameIndexTests`).
    static func normalize(_ name: String) -> String {
        normalizeASCII(name) ?? normalizeUnicode(name)
    }

    /// ``normalize(_:)`` of an ASCII name on its UTF-8 bytes, in place in one buffer; `nil` if the name has a
    /// byte outside ASCII.
    static func normalizeASCII(_ name: String) -> String? {
        let length = name.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(length, 1)) { buffer -> String? in
            var i = 0
            for byte in name.utf8 {
                guard byte < 0x80 else { return nil }
                buffer[i] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                i += 1
            }
            let buffer = UnsafeMutableBufferPointer(rebasing: buffer[..<length])
            var count = buffer.count
            if containsVendorWord(buffer) {
                for word in asciiVendorWords {
                    count = remove(word, from: buffer, count: count)
                }
            }
            var kept = 0
            for i in 0..<count {
                let byte = buffer[i]
                if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: ":") {
                    buffer[kept] = byte
                    kept += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<kept]), as: UTF8.self)
        }
    }

    /// Whether any of ``vendorWords`` occurs in `bytes` (lower case): one pass that looks for a word only where its
    /// first letter is. Where none occurs, removing them in turn removes nothing.
    private static func containsVendorWord(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        for i in bytes.indices {
            let word: StaticString
            switch bytes[i] {
            case UInt8(ascii: "n"): word = "nvidia"
            case UInt8(ascii: "a"): word = "amd"
            case UInt8(ascii: "g"): word = "google"
            case UInt8(ascii: "t"): word = "tesla"
            default: continue
            }
            let length = word.utf8CodeUnitCount
            guard i + length <= bytes.count else { continue }
            var matches = true
            for j in 1..<length where bytes[i + j] != word.utf8Start[j] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    /// ``vendorWords`` as static UTF-8 text.
    private static let asciiVendorWords: [StaticString] = ["nvidia", "amd", "google", "tesla"]

    /// Removes every occurrence of `word` from `bytes[..<count]` in one left-to-right pass, as
    /// `String.replacingAll(_:with:)` does (a match the removal creates is not removed again); the kept bytes
    /// move to the front.
    /// - Returns: How many bytes are kept.
    private static func remove(_ word: StaticString, from bytes: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        let length = word.utf8CodeUnitCount
        let letters = word.utf8Start
        guard length > 0, count >= length else { return count }
        var read = 0, write = 0
        while read < count {
            if read + length <= count, bytes[read] == letters[0] {
                var matches = true
                for j in 1..<length where bytes[read + j] != letters[j] {
                    matches = false
                    break
                }
                if matches {
                    read += length
                    continue
                }
            }
            bytes[write] = bytes[read]
            write += 1
            read += 1
        }
        return write
    }

    /// ``normalize(_:)`` for any name, with Unicode lower-casing and Foundation's substring search.
    ///
    /// The search compares canonically equivalent text, so a vendor word followed by a combining mark
    /// (`nvidia\u{301}`) is not one. Where the lower-cased UTF-8 has no vendor word at all (the catalog's
    /// `Côte d'Ivoire`, `Türkiye`), neither search finds one, and the Foundation search is skipped.
    static func normalizeUnicode(_ name: String) -> String {
        var text = name.lowercased()
        var bytes = Array(text.utf8)
        let hasVendorWord = bytes.withUnsafeMutableBufferPointer { containsVendorWord($0) }
        if hasVendorWord {
            for word in vendorWords {
                text = text.replacingAll(word, with: "")
            }
        }
        return String(text.unicodeScalars.filter { $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == ":" }
            .map(Character.init))
    }

    /// ``normalizeUnicode(_:)`` as it was before it skipped the search: the reference `CatalogNameIndexTests`
    /// compares the fast paths with.
    static func normalizeWithFoundationSearch(_ name: String) -> String {
        var text = name.lowercased()
        for word in vendorWords {
            text = text.replacingAll(word, with: "")
        }
        return String(text.unicodeScalars.filter { $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == ":" }
            .map(Character.init))
    }

    /// Levenshtein distance (Levenshtein 1966), O(|a|·|b|) time, O(|b|) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
