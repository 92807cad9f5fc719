import AICarbon

/// A count given on the command line (`--samples`, `--threads`, `--max-samples`).
enum CountArgument {
    /// A whole number of at least 1 and at most `limit` (so the conversion to `Int` cannot trap).
    /// - Parameters:
    ///   - text: The value as given (`"100000"`, `"1M"`).
    ///   - field: The flag, for the error.
    ///   - limit: The largest count accepted.
    static func value(_ text: String, field: String, limit: Double = 1e12) throws(InputError) -> Int {
        let value = try NumericField(field, .count, .positiveInteger).parse(text)
        guard value <= limit else {
            throw InputError(field: field, expected: "a whole number from 1 to \(ReadableQuantity.number(limit, significant: 13))", found: "\"\(text)\"")
        }
        return Int(value)
    }
}
