/// A volume of water, stored in litres.
public struct Volume: Sendable, Hashable, Comparable, Codable {
    /// The value in litres.
    public var litres: Double

    /// Creates a value from a number in litres.
    /// - Parameter litres: The value in litres.
    public init(litres: Double) { self.litres = litres }

    /// Parses text such as `0.26 mL` (see QuantityParser).
    /// - Parameters:
    ///   - text: What a person typed.
    ///   - field: The flag or key, for the error message.
    /// - Throws: InputError if the text is not a volume.
    public init(parsing text: String, field: String) throws(InputError) {
        self.litres = try QuantityParser.parse(text, as: .volume, field: field)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.litres < rhs.litres }
}
