/// The electricity a job runs on: a named grid from the catalog, or an explicit intensity (possibly a
/// distribution).
public enum GridChoice: Sendable, Hashable {
    /// A grid by id, name or alias (`FRA`, `US-CA`, `gcp:us-central1`).
    case named(String)
    /// An explicit intensity, kg CO2e/kWh.
    case intensity(Distribution)

    /// Interprets text a person typed: an intensity (or distribution of one) if it starts with a number
    /// or a distribution name, else a grid name.
    /// - Parameters:
    ///   - text: E.g. `"0.429 kg/kWh"`, `"0.25 to 0.55 kg/kWh"` or `"France"`.
    ///   - field: The flag or key, for errors.
    ///   - location: The file position, for errors.
    /// - Throws: ``InputError`` for a malformed or negative intensity.
    public init(parsing text: String, field: String = "grid", location: InputLocation? = nil) throws(InputError) {
        let trimmed = text.trimmingWhitespace()
        let lower = trimmed.lowercased()
        let startsNumeric = trimmed.unicodeScalars.first.map { $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" } ?? false
        if startsNumeric || DistributionParser.startsWithFunction(trimmed) {
            self = .intensity(try DistributionParser.parse(trimmed, field: InputSlot.intensity.field(named: field), location: location))
        } else if lower == "nan" || lower.hasPrefix("inf") {
            throw InputError(field: field, expected: QuantityKind.carbonIntensity.examples + " or a region name",
                             found: "\"\(trimmed)\"", location: location)
        } else {
            guard !trimmed.isEmpty else {
                throw InputError(field: field, expected: "a region or an intensity with its unit", found: "nothing",
                                 location: location)
            }
            self = .named(trimmed)
        }
    }
}
