import Foundation

/// The growth-unit rule for annual growth factors and efficiency gains (`ai_growth`, `efficiency_gain`,
/// `rebound --efficiency-gain`, …).
///
/// - A plain number is a factor: `1.3` is +30% a year, `0.95` is −5% a year.
/// - A single percentage is a change: `30%` (or `+30%`) is the factor 1.30, `-5%` is 0.95 (never the
///   factor 0.3 that a percentage means elsewhere).
/// - A percentage inside a distribution (`20% to 40%`, `pert(10%, 20%, 30%)`) is refused, as it could be
///   read either way: write factors (`1.2 to 1.4`).
public enum GrowthText {
    /// The keys (and their flags) the rule applies to.
    public static let keys: Set<String> = Set(InputRegistry.growth.map(\.key))

    /// Parses a growth factor or efficiency gain under the growth-unit rule.
    /// - Parameters:
    ///   - text: What the person typed.
    ///   - field: The field (name, domain).
    ///   - location: The file position, when the text came from a file.
    /// - Returns: The factor's distribution.
    /// - Throws: ``InputError`` for a percentage inside a distribution, or a change of −100% or less.
    public static func parse(_ text: String, field: NumericField, location: InputLocation? = nil) throws(InputError) -> Distribution {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.contains("%") else {
            do {
                return try DistributionParser.parse(trimmed, field: field, location: location)
            } catch {
                // The hint of a plain number ("2" or "0.5") becomes a growth factor's ("1.3" or "30%").
                var error = error
                let plain = field.kind.examples(in: field.domain)
                if error.expected.hasPrefix(plain) { error.expected = QuantityKind.growthExamples + error.expected.dropFirst(plain.count) }
                throw error
            }
        }
        let number = trimmed.dropLast().trimmingWhitespace()
        guard trimmed.hasSuffix("%"), !number.contains("%"), let p = Double(number.hasPrefix("+") ? String(number.dropFirst()) : number),
              p.isFinite else {
            throw InputError(field: field.name,
                             expected: "a growth factor (1.3 = +30% a year), a single percentage change (30%), or a distribution of factors (1.2 to 1.4)",
                             found: "\"\(trimmed)\"", location: location)
        }
        guard p > -100 else {
            throw InputError(field: field.name, expected: "a change of more than -100% a year", found: "\"\(trimmed)\"", location: location)
        }
        return try DistributionParser.parse("\(1 + p / 100)", field: field, location: location)
    }
}
