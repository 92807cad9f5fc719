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

    static func normalize(_ name: String) -> String {
        var text = name.lowercased()
        for word in ["nvidia", "amd", "google", "tesla"] {
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
