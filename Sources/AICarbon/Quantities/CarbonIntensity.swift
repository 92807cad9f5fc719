/// The carbon intensity of electricity, stored in kg CO2e/kWh.
public struct CarbonIntensity: Sendable, Hashable, Comparable, Codable {
    /// The value in kg CO2e/kWh.
    public var kilogramsPerKilowattHour: Double

    /// Creates a value from a number in kg CO2e/kWh.
    /// - Parameter kilogramsPerKilowattHour: The value in kg CO2e/kWh.
    public init(kilogramsPerKilowattHour: Double) { self.kilogramsPerKilowattHour = kilogramsPerKilowattHour }

    /// Parses text such as `0.429 kg/kWh` (see QuantityParser).
    /// - Parameters:
    ///   - text: What a person typed.
    ///   - field: The flag or key, for the error message.
    /// - Throws: InputError if the text is not a carbon intensity.
    public init(parsing text: String, field: String) throws(InputError) {
        self.kilogramsPerKilowattHour = try QuantityParser.parse(text, as: .carbonIntensity, field: field)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.kilogramsPerKilowattHour < rhs.kilogramsPerKilowattHour }
}
