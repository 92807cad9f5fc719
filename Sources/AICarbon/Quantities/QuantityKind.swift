/// The physical kind of a number a person types, which fixes its base unit and the units it accepts.
///
/// Base units (used in JSON and in the library's `Double` fields): energy kWh, power W, duration
/// hours, mass kg CO2e, carbon intensity kg CO2e/kWh, volume L, water intensity L/kWh, FLOP,
/// FLOP/s; counts and fractions are plain numbers.
public enum QuantityKind: Sendable, Hashable, CaseIterable {
    /// Power, base unit W (`400 W`, `1.2 kW`).
    case power
    /// Energy, base unit kWh (`0.24 Wh`, `1,287 MWh`, `3.6 MJ`).
    case energy
    /// Duration, base unit hours (`3.5 days`, `79.2 h`, `90 min`).
    case duration
    /// Mass of CO2e, base unit kg (`552 t`, `626,155 lb`).
    case mass
    /// Carbon intensity of electricity, base unit kg CO2e/kWh (`57 g/kWh`, `0.954 lb/kWh`).
    case carbonIntensity
    /// Water volume, base unit L (`0.26 mL`, `5 m3`).
    case volume
    /// Water per unit of electricity, base unit L/kWh (`0.55 L/kWh`).
    case waterIntensity
    /// A count with an optional magnitude suffix (`175B`, `1.4T`, `6.7e9`, `1,022,362`).
    case count
    /// A number of floating-point operations (`3.14e23`, `314 ZFLOP`).
    case flops
    /// A floating-point rate, base unit FLOP/s (`125 TFLOP/s`, `989 TFLOPS`).
    case flopRate
    /// A dimensionless number; `%` divides by 100 (`0.4`, `40%`).
    case dimensionless

    /// A few accepted spellings, for error messages.
    /// The base unit values of this kind are held in (empty for counts and plain numbers).
    public var baseUnit: String {
        switch self {
        case .power: return "W"
        case .energy: return "kWh"
        case .duration: return "h"
        case .mass: return "kg"
        case .carbonIntensity: return "kg/kWh"
        case .volume: return "L"
        case .waterIntensity: return "L/kWh"
        case .count, .dimensionless: return ""
        case .flops: return "FLOP"
        case .flopRate: return "FLOP/s"
        }
    }

    public var examples: String {
        switch self {
        case .power: return "a power such as \"330 W\" or \"1.2 kW\""
        case .energy: return "an energy such as \"0.24 Wh\", \"36 MWh\" or \"3.6 MJ\""
        case .duration: return "a duration such as \"14.8 days\", \"79.2 h\" or \"90 min\""
        case .mass: return "a mass such as \"552 t\", \"120 kg\" or \"626,155 lb\""
        case .carbonIntensity: return "a carbon intensity such as \"0.429 kg/kWh\", \"57 g/kWh\" or \"0.954 lb/kWh\""
        case .volume: return "a volume such as \"0.26 mL\", \"700 L\" or \"5 m3\""
        case .waterIntensity: return "a water intensity such as \"0.55 L/kWh\""
        case .count: return "a count such as \"175B\", \"1.4T\", \"6.7e9\" or \"1,022,362\""
        case .flops: return "a FLOP count such as \"3.14e23\" or \"314 ZFLOP\""
        case .flopRate: return "a FLOP rate such as \"125 TFLOP/s\" or \"989e12\""
        case .dimensionless: return "a plain number such as \"0.4\" or \"40%\""
        }
    }

    /// A few accepted spellings for a field of this kind whose values lie in `domain`, for error
    /// messages: a plain number's example fits what it is (a PUE or multiplier `1.2`, a fraction `0.4` or
    /// `40%`, an elasticity `-0.5`), so that the hint never suggests a value the field would misread.
    /// Other kinds give ``examples``.
    /// - Parameter domain: The field's allowed range.
    /// - Returns: The hint, e.g. `a plain number such as "1.2"`.
    public func examples(in domain: ValueDomain) -> String {
        guard self == .dimensionless else { return examples }
        switch domain {
        case .atLeastOne: return "a plain number such as \"1.2\""
        case .unitInterval, .share: return "a fraction such as \"0.4\" or \"40%\""
        case .real: return "a plain number such as \"-0.5\""
        case .positive, .nonNegative, .positiveInteger: return "a plain number such as \"2\" or \"0.5\""
        }
    }

    /// The hint for an annual growth factor or efficiency gain, where a percentage is a change
    /// (`30%` is the factor 1.3; see ``GrowthText``).
    public static let growthExamples = "a growth factor such as \"1.3\" or \"30%\""
}
