/// The one parser for every number a person types: a decimal number, then an optional unit.
///
/// Accepted numbers: `1.2`, `-3`, `6.7e9`, thousands separated by commas in groups of three
/// (`1,022,362`). `nan`, `inf` and numbers that overflow a `Double` (above 1.797e308 in magnitude, as
/// typed or in the base unit) are rejected, saying the limit. The unit must fit the
/// ``QuantityKind``; the value is returned in the kind's base unit (see ``QuantityKind``).
///
/// Domain checks (positive, at least 1, a whole number) are not made here; see ``ValueDomain``.
public enum QuantityParser {
    /// Parses `text` as a quantity of `kind`.
    /// - Parameters:
    ///   - text: What the person typed, e.g. `"330 W"`.
    ///   - kind: The physical kind the field expects.
    ///   - field: The flag or key, for the error message.
    ///   - defaultUnit: The unit a bare number is taken in (e.g. `"W"` for `--power`); `nil` means a
    ///     dimensioned kind requires a unit.
    ///   - location: The file position, for the error message.
    ///   - domain: The field's range, when known, for the hint (``QuantityKind/examples(in:)``).
    /// - Returns: The value in the kind's base unit.
    /// - Throws: ``InputError`` naming the field, what was expected and what was found; for a number refused for
    ///   its size, with ``InputError/magnitude`` set.
    public static func parse(
        _ text: String, as kind: QuantityKind, field: String,
        defaultUnit: String? = nil, location: InputLocation? = nil, domain: ValueDomain? = nil
    ) throws(InputError) -> Double {
        let trimmed = text.trimmingWhitespace()
        func fail(_ why: String? = nil) -> InputError {
            // A long value is quoted by its start and length, so that the reason after it is not cut off with it
            // (a plain integer of 400 digits lost its "too large").
            let count = trimmed.unicodeScalars.count
            let quoted = count > 60 && why != nil ? "\"\(String(trimmed.unicodeScalars.prefix(40)))…\" (\(count) characters)" : "\"\(trimmed)\""
            let found = trimmed.isEmpty ? "nothing" : quoted + (why.map { " (\($0))" } ?? "")
            return InputError(field: field, expected: domain.map(kind.examples(in:)) ?? kind.examples, found: found, location: location)
        }
        // A refusal for size carries its reason (InputError.magnitude) besides saying it.
        func refuse(_ size: InputError.MagnitudeRefusal) -> InputError {
            var error = fail(size.explanation)
            error.magnitude = size
            return error
        }
        guard let (number, rest) = splitNumber(trimmed) else { throw fail() }
        // `nan` and `inf` are not numbers here (``splitNumber(_:)``): a literal read as infinite is beyond
        // Double's range, said with its limit as the too-small refusal below says its own.
        guard number.isFinite else { throw refuse(.tooLarge("too large: magnitudes above \(largestText) are not represented")) }
        var unit = rest.trimmingWhitespace()
        if unit.isEmpty {
            if let defaultUnit { unit = defaultUnit } else if kind.needsUnit { throw fail("no unit") }
        }
        guard let factor = UnitTable.factor(for: unit, kind: kind) else {
            throw fail(unit.isEmpty ? nil : "unknown unit \"\(unit)\"")
        }
        let value = number * factor
        guard value.isFinite else {
            let base = kind.baseUnit.isEmpty ? "as a plain number" : "in \(kind.baseUnit)"
            throw refuse(.tooLarge("too large \(base): magnitudes above \(largestText) are not represented"))
        }
        // A nonzero number that underflows to 0 or to a subnormal (below 2.2e-308, where doubles lose
        // precision and the equations give 0 ± 0), as typed or in the base unit, is refused rather than read
        // as another number.
        let literal = trimmed.unicodeScalars.prefix(trimmed.unicodeScalars.count - rest.unicodeScalars.count)
        let nonzero = literal.prefix { $0 != "e" && $0 != "E" }.contains { ("1"..."9").contains($0) }
        guard (value.isNormal && number.isNormal) || (value == 0 && !nonzero) else {
            // Typed within range, it left it in the base unit: say so, with the converted value.
            let converted = number.isNormal && factor != 1 ? ", \(Distribution.compact(value)) \(kind.baseUnit) in the base unit" : ""
            throw refuse(.tooSmall("too small\(converted): nonzero magnitudes below 2.225e-308 are not represented"))
        }
        return value
    }

    /// The largest finite magnitude a number may have (`Double.greatestFiniteMagnitude`, 1.7976931348623157e308),
    /// as messages give it: rounded down, so that the number shown is itself accepted.
    static let largestText = "1.797e308"

    /// Splits a leading decimal number off `text`.
    /// - Returns: The number and the remaining text, or `nil` if `text` does not start with a number
    ///   or has malformed thousands separators.
    static func splitNumber(_ text: String) -> (Double, Substring)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var literal = ""
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
            literal.unicodeScalars.append(scalars[i]); i += 1
        }
        var integerDigits = ""
        var groups: [String] = []
        while i < scalars.count {
            let c = scalars[i]
            if c.properties.numericType == .decimal, c.isASCII {
                integerDigits.unicodeScalars.append(c)
            } else if c == ",", i + 1 < scalars.count, scalars[i + 1].isASCIIDigit {
                groups.append(integerDigits); integerDigits = ""
            } else { break }
            i += 1
        }
        if !groups.isEmpty {
            // Thousands separators: a first group of 1–3 digits, then groups of exactly 3.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  integerDigits.count == 3 else { return nil }
        }
        literal += groups.joined() + integerDigits
        var fractionDigits = ""
        if i < scalars.count, scalars[i] == "." {
            var j = i + 1
            while j < scalars.count, scalars[j].isASCIIDigit { fractionDigits.unicodeScalars.append(scalars[j]); j += 1 }
            literal += "." + fractionDigits
            i = j
        }
        guard !(groups.joined() + integerDigits + fractionDigits).isEmpty else { return nil }
        if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            var j = i + 1
            var exponent = "e"
            if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { exponent.unicodeScalars.append(scalars[j]); j += 1 }
            var digits = 0
            while j < scalars.count, scalars[j].isASCIIDigit { exponent.unicodeScalars.append(scalars[j]); j += 1; digits += 1 }
            if digits > 0 { literal += exponent; i = j }
        }
        guard let value = Double(literal) else { return nil }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[i...])
        return (value, Substring(String(rest)))
    }
}

extension QuantityKind {
    /// Whether a bare number is ambiguous for this kind and needs a unit (or a flag's default unit).
    var needsUnit: Bool {
        switch self {
        case .count, .flops, .flopRate, .dimensionless: return false
        default: return true
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
