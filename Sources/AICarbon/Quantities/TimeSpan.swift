/// A span of time, stored in hours.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable {
    /// The value in hours.
    public var hours: Double

    /// Creates a value from a number in hours.
    /// - Parameter hours: The value in hours.
    public init(hours: Double) { self.hours = hours }

    /// Parses text such as `14.8 days` (see QuantityParser).
    /// - Parameters:
    ///   - text: What a person typed.
    ///   - field: The flag or key, for the error message.
    /// - Throws: InputError if the text is not a duration.
    public init(parsing text: String, field: String) throws(InputError) {
        self.hours = try QuantityParser.parse(text, as: .duration, field: field)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.hours < rhs.hours }
}
