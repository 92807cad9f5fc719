import Foundation

/// Formats a base-unit value in a unit a person reads easily (MWh rather than 1,289,376 kWh).
public enum ReadableQuantity {
    /// The value scaled to a readable unit, with that unit.
    /// - Parameters:
    ///   - value: Value in the kind's base unit.
    ///   - kind: The physical kind (energy, mass, volume, duration, count, FLOPs).
    /// - Returns: Text such as `"1,289 MWh"` or `"553.1 t CO2e"`.
    public static func format(_ value: Double, _ kind: QuantityKind) -> String {
        let (scaled, unit) = scale(value, kind)
        return unit.isEmpty ? number(scaled) : "\(number(scaled)) \(unit)"
    }

    /// The value scaled to a readable unit, and that unit.
    public static func scale(_ value: Double, _ kind: QuantityKind) -> (Double, String) {
        let a = abs(value)
        switch kind {
        case .energy:
            if a != 0 && a < 1 { return (value * 1e3, "Wh") }
            if a < 1e3 { return (value, "kWh") }
            if a < 1e6 { return (value / 1e3, "MWh") }
            if a < 1e9 { return (value / 1e6, "GWh") }
            return (value / 1e9, "TWh")
        case .mass:
            if a != 0 && a < 1 { return (value * 1e3, "g CO2e") }
            if a < 1e3 { return (value, "kg CO2e") }
            if a < 1e6 { return (value / 1e3, "t CO2e") }
            if a < 1e9 { return (value / 1e6, "kt CO2e") }
            return (value / 1e9, "Mt CO2e")
        case .volume:
            if a != 0 && a < 1 { return (value * 1e3, "mL") }
            if a < 1e3 { return (value, "L") }
            return (value / 1e3, "m³")
        case .duration:
            return a < 72 ? (value, "h") : (value / 24, "days")
        case .flops:
            return (value, "FLOP")
        case .count:
            if a >= 1e12 { return (value / 1e12, "T") }
            if a >= 1e9 { return (value / 1e9, "B") }
            return (value, "")
        case .power: return (value, "W")
        case .carbonIntensity: return (value, "kg/kWh")
        case .waterIntensity: return (value, "L/kWh")
        case .flopRate: return (value, "FLOP/s")
        case .dimensionless: return (value, "")
        }
    }

    /// `value` (base unit of `kind`) expressed in `unit`, one of the units ``scale(_:_:)`` returns.
    public static func scale(_ value: Double, _ kind: QuantityKind, unit: String) -> Double {
        let factors: [String: Double] = [
            "Wh": 1e3, "kWh": 1, "MWh": 1e-3, "GWh": 1e-6, "TWh": 1e-9, "g CO2e": 1e3, "kg CO2e": 1, "t CO2e": 1e-3,
            "kt CO2e": 1e-6, "Mt CO2e": 1e-9, "mL": 1e3, "L": 1, "m³": 1e-3, "h": 1, "days": 1.0 / 24, "B": 1e-9, "T": 1e-12,
        ]
        return value * (factors[unit] ?? 1)
    }

    /// Four significant digits (trailing zeros dropped), thousands separated by commas; scientific notation beyond 1e15 or
    /// below 1e-3.
    public static func number(_ x: Double, significant digits: Int = 4) -> String {
        guard x.isFinite else { return x.description }
        if x == 0 { return "0" }
        let a = abs(x)
        if a >= 1e15 || a < 1e-3 { return String(format: "%.\(digits - 1)e", x) }
        let magnitude = Int(floor(log10(a)))
        let decimals = max(0, digits - 1 - magnitude)
        let text = String(format: "%.\(decimals)f", x)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let sign = integer.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { integer.removeFirst() }
        var grouped = ""
        for (i, c) in integer.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { fraction = "." + fraction }
        return sign + String(grouped.reversed()) + fraction
    }
}
