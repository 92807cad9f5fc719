import AICarbon

/// Parsing of `--set key=value` and `--sweep key=v1,v2,v3`. A value may be a flow mapping or list, as a
/// scenario file writes it (`--set "ai_growth={2025: 1.2, 2031: 1.05}"`); the file loader reads it
/// (``ScenarioFile/parseDocument(_:path:overrides:overrideFlags:)``).
enum ScenarioOverrides {
    /// `key=value` pairs, each key once: a key given twice with one flag is refused, naming both values, as a
    /// key written twice in a scenario file is (the last silently replaced the others). Keys of different flags
    /// layer: `compare` applies `--set`, then `--set-a` or `--set-b`.
    static func parse(_ items: [String], flag: String = "--set") throws(InputError) -> [(key: String, value: String)] {
        var list: [(key: String, value: String)] = []
        var values: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw InputError(field: flag, expected: "key=value, such as pue=1.2 or ai_growth=1.25", found: "\"\(item)\"")
            }
            let value = String(item[item.index(after: eq)...])
            guard !value.allSatisfy(\.isWhitespace) else {
                throw InputError(field: flag, expected: "a value after =", found: "\"\(item)\"")
            }
            let key = String(item[..<eq]).trimmingCharacters(in: .whitespaces)
            if let first = values[key] {
                throw InputError(field: key, expected: "each key once", found: "it twice: \"\(first)\" and \"\(value)\"",
                                 location: InputLocation(file: flag))
            }
            values[key] = value
            list.append((key, value))
        }
        return list
    }

    /// `key=v1,v2,v3` split at commas outside parentheses, brackets and braces (so a value may be
    /// `{2025: 1.2, 2031: 1.05}`); a value holding a control character (a line feed, a tab) is refused.
    static func sweep(_ text: String) throws(InputError) -> (key: String, values: [String]) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw InputError(field: "--sweep", expected: "key=v1,v2,v3, such as elasticity=-1.5,-1,-0.5,0", found: "\"\(text)\"")
        }
        var values: [String] = [], current = "", depth = 0
        for c in text[text.index(after: eq)...] {
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 }
            if c == ",", depth == 0 { values.append(current); current = "" } else { current.append(c) }
        }
        values.append(current)
        values = values.map { $0.trimmingCharacters(in: .whitespaces) }
        guard values.count >= 1, values.allSatisfy({ !$0.isEmpty }) else {
            throw InputError(field: "--sweep", expected: "one or more values after =, separated by commas", found: "\"\(text)\"")
        }
        // Each value names its column of the table and is the first field of its CSV rows: a line feed would
        // split a row, an escape would reach the terminal. A control character is refused, as
        // ``InputError/escaped(_:)`` defines one (C0, DEL, C1, line and paragraph separators, bidirectional overrides).
        for value in values {
            if let control = value.unicodeScalars.first(where: { InputError.escaped($0) != String($0) }) {
                throw InputError(field: "--sweep", expected: "values without control characters, separated by commas",
                                 found: "\"\(value)\" (the control character \(InputError.escaped(control)))")
            }
        }
        return (String(text[..<eq]).trimmingCharacters(in: .whitespaces), values)
    }
}

import Foundation
