/// An amount of energy, stored in kWh.
public struct Energy: Sendable, Hashable, Comparable, Codable {
    /// The value in kWh.
    public var kilowattHours: Double

    /// Creates a value from a number in kWh.
    /// - Parameter kilowattHours: The value in kWh.
    public init(kilowattHours: Double) { self.kilowattHours = kilowattHours }

    /// Parses text such as `1,287 MWh` (see QuantityParser).
    /// - Parameters:
    ///   - text: What a person typed.
    ///   - field: The flag or key, for the error message.
    /// - Throws: InputError if the text is not a energy.
    public init(parsing text: String, field: String) throws(InputError) {
        self.kilowattHours = try QuantityParser.parse(text, as: .energy, field: field)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.kilowattHours < rhs.kilowattHours }
}
