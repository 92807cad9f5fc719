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

    /// A duration in the unit a person reads it in: seconds below a minute, minutes below an hour, else as
    /// ``format(_:_:)`` gives a duration (hours below 72, days above). `format(_:_:)` keeps hours below an
    /// hour (`0.5 h` in tables); this is for prose such as a warning, where `2.361e-04 h` says nothing.
    /// - Parameter hours: The duration in hours (the base unit).
    /// - Returns: Text such as `"0.85 s"`, `"51 min"` or `"8.5 days"`.
    public static func duration(_ hours: Double) -> String {
        let a = abs(hours)
        guard a.isFinite, a < 1, a != 0 else { return format(hours, .duration) }
        let unit = a < 1.0 / 60 ? "s" : "min"
        return "\(number(scale(hours, .duration, unit: unit))) \(unit)"
    }

    /// The value scaled to a readable unit, and that unit.
    public static func scale(_ value: Double, _ kind: QuantityKind) -> (Double, String) {
        let unit = unit(for: value, kind)
        return (scale(value, kind, unit: unit), unit)
    }

    /// The unit a person reads `value` most easily in: `MWh` for 1,289,376 kWh, `t CO2e` for 553,142 kg.
    /// - Parameters:
    ///   - value: Value in the kind's base unit.
    ///   - kind: Its physical kind.
    /// - Returns: A unit symbol ``UnitTable`` knows (empty for plain numbers and small counts).
    public static func unit(for value: Double, _ kind: QuantityKind) -> String {
        let a = abs(value)
        func pick(_ small: String, _ steps: [String]) -> String {
            if a != 0 && a < 1 { return small }
            var i = 0, limit = 1e3
            while i < steps.count - 1 && a >= limit { i += 1; limit *= 1e3 }
            return steps[i]
        }
        switch kind {
        case .energy: return pick("Wh", ["kWh", "MWh", "GWh", "TWh"])
        case .mass: return pick("g CO2e", ["kg CO2e", "t CO2e", "kt CO2e", "Mt CO2e"])
        case .volume: return pick("mL", ["L", "m³"])
        case .duration: return a < 72 ? "h" : "days"
        case .count: return a >= 1e12 ? "T" : a >= 1e9 ? "B" : ""
        case .flops, .power, .carbonIntensity, .waterIntensity, .flopRate, .dimensionless: return kind.baseUnit
        }
    }

    /// `value` (base unit of `kind`) expressed in `unit`, converted by the one unit table the parser
    /// also reads (``UnitTable``).
    public static func scale(_ value: Double, _ kind: QuantityKind, unit: String) -> Double {
        value / (UnitTable.factor(for: unit, kind: kind) ?? 1)
    }

    /// The readable unit of an output's value (in the output's JSON unit, e.g. Wh for `energy_per_query_wh`).
    public static func unit(for value: Double, _ output: OutputName) -> String { unit(for: value * output.kindBaseFactor, output.kind) }

    /// An output's value (in its JSON unit) expressed in `unit`.
    public static func scale(_ value: Double, _ output: OutputName, unit: String) -> Double {
        scale(value * output.kindBaseFactor, output.kind, unit: unit)
    }

    /// An output's value (in its JSON unit) in a readable unit, with that unit.
    public static func format(_ value: Double, _ output: OutputName) -> String { format(value * output.kindBaseFactor, output.kind) }

    /// A share as a percentage with three significant digits (``number(_:significant:)``): 0.85 is "85%", 0.955 "95.5%".
    /// - Parameter share: The share (1 is 100%).
    /// - Returns: The percentage, with its sign.
    public static func percent(_ share: Double) -> String { number(share * 100, significant: 3) + "%" }

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
