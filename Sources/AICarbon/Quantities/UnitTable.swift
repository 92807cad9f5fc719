/// Conversion factors from the units a person types to each ``QuantityKind``'s base unit.
///
/// Unit symbols are case-sensitive where case carries meaning (`mW` vs `MW`); spelled-out words are
/// matched case-insensitively.
enum UnitTable {
    /// 1 lb = 0.45359237 kg exactly (International Yard and Pound Agreement, 1959).
    static let kilogramsPerPound = 0.45359237

    static let power: [String: Double] = [
        "W": 1, "mW": 1e-3, "kW": 1e3, "MW": 1e6, "GW": 1e9,
        "watt": 1, "watts": 1, "kilowatt": 1e3, "kilowatts": 1e3, "megawatt": 1e6, "megawatts": 1e6,
    ]
    /// kWh per unit; 1 kWh = 3.6 MJ.
    static let energy: [String: Double] = [
        "Wh": 1e-3, "kWh": 1, "MWh": 1e3, "GWh": 1e6, "TWh": 1e9, "PWh": 1e12,
        "J": 1 / 3.6e6, "kJ": 1 / 3.6e3, "MJ": 1 / 3.6, "GJ": 1e3 / 3.6, "TJ": 1e6 / 3.6, "PJ": 1e9 / 3.6,
    ]
    /// Hours per unit; a year is 365 days (8,760 h).
    static let duration: [String: Double] = [
        "s": 1 / 3600, "sec": 1 / 3600, "secs": 1 / 3600, "second": 1 / 3600, "seconds": 1 / 3600,
        "min": 1 / 60, "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60,
        "h": 1, "hr": 1, "hrs": 1, "hour": 1, "hours": 1,
        "d": 24, "day": 24, "days": 24, "wk": 168, "week": 168, "weeks": 168,
        "y": 8760, "yr": 8760, "yrs": 8760, "year": 8760, "years": 8760,
    ]
    /// kg per unit.
    static let mass: [String: Double] = [
        "g": 1e-3, "kg": 1, "t": 1e3, "tonne": 1e3, "tonnes": 1e3, "kt": 1e6, "Mt": 1e9, "Gt": 1e12,
        "lb": kilogramsPerPound, "lbs": kilogramsPerPound,
    ]
    /// L per unit.
    static let volume: [String: Double] = [
        "L": 1, "l": 1, "mL": 1e-3, "ml": 1e-3, "kL": 1e3, "m3": 1e3, "m³": 1e3,
        "litre": 1, "litres": 1, "liter": 1, "liters": 1,
    ]
    static let countSuffix: [String: Double] = [
        "K": 1e3, "k": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12, "P": 1e15,
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ]
    static let siPrefix: [String: Double] = [
        "": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18, "Z": 1e21, "Y": 1e24,
    ]

    /// The factor that converts a value in `unit` to the base unit of `kind`, or `nil` if `unit`
    /// does not fit `kind`. An empty unit means the base unit (or no unit).
    static func factor(for unit: String, kind: QuantityKind) -> Double? {
        switch kind {
        case .power: return lookup(unit, power, base: "W")
        case .energy: return lookup(unit, energy, base: "kWh")
        case .duration: return lookup(unit, duration, base: "h")
        case .mass: return lookup(stripCO2(unit), mass, base: "kg")
        case .volume: return lookup(unit, volume, base: "L")
        case .carbonIntensity:
            guard let (top, bottom) = ratio(unit), let m = lookup(stripCO2(top), mass, base: nil),
                  let e = lookup(bottom, energy, base: nil) else { return nil }
            return m / e
        case .waterIntensity:
            guard let (top, bottom) = ratio(unit), let v = lookup(top, volume, base: nil),
                  let e = lookup(bottom, energy, base: nil) else { return nil }
            return v / e
        case .count:
            return unit.isEmpty ? 1 : lookup(unit, countSuffix, base: nil)
        case .dimensionless:
            return unit.isEmpty ? 1 : (unit == "%" ? 0.01 : nil)
        case .flops:
            if unit.isEmpty { return 1 }
            for suffix in ["FLOPs", "FLOP", "flops", "flop"] where unit.hasSuffix(suffix) {
                return siPrefix[String(unit.dropLast(suffix.count)).trimmingWhitespace()]
            }
            return nil
        case .flopRate:
            if unit.isEmpty { return 1 }
            for suffix in ["FLOP/s", "FLOPS", "flop/s", "flops"] where unit.hasSuffix(suffix) {
                return siPrefix[String(unit.dropLast(suffix.count)).trimmingWhitespace()]
            }
            return nil
        }
    }

    private static func lookup(_ unit: String, _ table: [String: Double], base: String?) -> Double? {
        let u = unit.trimmingWhitespace()
        if u.isEmpty { return base.flatMap { table[$0] } }
        if let f = table[u] { return f }
        let lower = u.lowercased()
        // Spelled-out words (more than 3 letters) are matched without regard to case.
        if lower.count > 3, let match = table.first(where: { $0.key.count > 3 && $0.key.lowercased() == lower }) {
            return match.value
        }
        return nil
    }

    private static func ratio(_ unit: String) -> (String, String)? {
        let parts = unit.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (parts[0].trimmingWhitespace(), parts[1].trimmingWhitespace())
    }

    /// Removes a trailing gas label ("CO2e", "CO2eq", "CO2-eq", "CO2") from a mass unit.
    private static func stripCO2(_ unit: String) -> String {
        var u = unit.trimmingWhitespace()
        for label in ["CO2-eq", "CO2.eq", "CO2eq", "CO2e", "CO2", "co2e", "co2"] where u.hasSuffix(label) {
            u = String(u.dropLast(label.count)).trimmingWhitespace()
            break
        }
        return u
    }
}
