/// The electricity a job runs on: a named grid from the catalog, or an explicit intensity.
public enum GridChoice: Sendable, Hashable {
    /// A grid by id, name or alias (`FRA`, `US-CA`, `gcp:us-central1`).
    case named(String)
    /// An explicit intensity, kg CO2e/kWh.
    case intensity(Double)

    /// Interprets text a person typed: an intensity if it starts with a number, else a grid name.
    /// - Parameters:
    ///   - text: E.g. `"0.429 kg/kWh"`, `"57 g/kWh"` or `"France"`.
    ///   - field: The flag or key, for errors.
    ///   - location: The file position, for errors.
    /// - Throws: ``InputError`` for a malformed or negative intensity.
    public init(parsing text: String, field: String = "--grid", location: InputLocation? = nil) throws(InputError) {
        let trimmed = text.trimmingWhitespace()
        if let first = trimmed.unicodeScalars.first, first.isASCIIDigit || first == "." || first == "-" || first == "+" {
            let value = try NumericField(field, .carbonIntensity, .nonNegative).parse(trimmed, location: location)
            self = .intensity(value)
        } else if trimmed.lowercased() == "nan" || trimmed.lowercased().hasPrefix("inf") {
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
