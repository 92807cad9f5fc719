/// A mass of CO2-equivalent emissions, stored in kg (of CO2e).
public struct Mass: Sendable, Hashable, Comparable, Codable {
    /// The value in kg (of CO2e).
    public var kilograms: Double

    /// Creates a value from a number in kg (of CO2e).
    /// - Parameter kilograms: The value in kg (of CO2e).
    public init(kilograms: Double) { self.kilograms = kilograms }

    /// Parses text such as `552.1 t` (see QuantityParser).
    /// - Parameters:
    ///   - text: What a person typed.
    ///   - field: The flag or key, for the error message.
    /// - Throws: InputError if the text is not a mass.
    public init(parsing text: String, field: String) throws(InputError) {
        self.kilograms = try QuantityParser.parse(text, as: .mass, field: field)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.kilograms < rhs.kilograms }
}
