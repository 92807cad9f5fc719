/// A power, stored in W.
public struct Power: Sendable, Hashable, Comparable, Codable {
    /// The value in W.
    public var watts: Double

    /// Creates a value from a number in W.
    /// - Parameter watts: The value in W.
    public init(watts: Double) { self.watts = watts }

    /// Parses text such as `330 W` (see QuantityParser).
    /// - Parameters:
    ///   - text: What a person typed.
    ///   - field: The flag or key, for the error message.
    /// - Throws: InputError if the text is not a power.
    public init(parsing text: String, field: String) throws(InputError) {
        self.watts = try QuantityParser.parse(text, as: .power, field: field)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.watts < rhs.watts }
}
