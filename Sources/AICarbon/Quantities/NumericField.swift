/// A numeric input field (a CLI flag or a scenario key): its name, physical kind, allowed range and the
/// unit a bare number is taken in.
///
/// ``parse(_:location:)`` is the one function every numeric input goes through, so that units,
/// `nan`/`inf`, ranges and error messages are handled the same way everywhere.
public struct NumericField: Sendable, Hashable {
    /// The flag or key, e.g. `--pue`.
    public var name: String
    /// The physical kind, which fixes the base unit.
    public var kind: QuantityKind
    /// The allowed range, checked in base units.
    public var domain: ValueDomain
    /// The unit a bare number is taken in, or `nil` if a dimensioned value needs a unit.
    public var defaultUnit: String?

    /// Creates a field description.
    /// - Parameters:
    ///   - name: The flag or key.
    ///   - kind: The physical kind.
    ///   - domain: The allowed range.
    ///   - defaultUnit: The unit of a bare number, if any.
    public init(_ name: String, _ kind: QuantityKind, _ domain: ValueDomain, defaultUnit: String? = nil) {
        self.name = name
        self.kind = kind
        self.domain = domain
        self.defaultUnit = defaultUnit
    }

    /// Parses and range-checks a value typed for this field.
    /// - Parameters:
    ///   - text: What the person typed.
    ///   - location: The file position, when the value came from a file.
    /// - Returns: The value in the kind's base unit.
    /// - Throws: ``InputError`` for a malformed number, a unit that does not fit, or a value outside
    ///   ``domain``.
    public func parse(_ text: String, location: InputLocation? = nil) throws(InputError) -> Double {
        let value = try QuantityParser.parse(text, as: kind, field: name, defaultUnit: defaultUnit, location: location, domain: domain)
        guard domain.contains(value) else {
            throw InputError(
                field: name, expected: "\(kind.examples(in: domain)), \(domain.text)",
                found: "\"\(text.trimmingWhitespace())\"", location: location)
        }
        return value
    }
}
