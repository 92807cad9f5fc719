/// A numeric input of the footprint model that can be fixed or sampled. The raw value is the
/// scenario-file key and the name used in results.
public enum InputSlot: String, Sendable, Hashable, CaseIterable {
    case chipHours = "chip_hours"
    case hours
    case chips
    case flops
    case activeParameters = "active_params"
    case tokens
    case mfu
    case powerW = "power"
    case tdpW = "tdp"
    case powerUtilization = "power_utilization"
    case hostOverhead = "host_overhead"
    case pue
    case intensity = "grid"
    case developmentMultiplier = "development_multiplier"
    case queries
    case energyPerQuery = "energy_per_query"
    case tokensPerQuery = "tokens_per_query"
    case inferenceUtilization = "inference_utilization"
    case inferenceShare = "inference_share"
    case embodiedPerChip = "embodied_per_chip"
    case lifetime
    case wue
    case waterIntensity = "water_intensity"

    /// The command-line flag for this input.
    public var flag: String {
        switch self {
        case .chipHours: return "--chip-hours"
        case .activeParameters: return "--active-params"
        case .powerW: return "--power"
        case .tdpW: return "--hardware"
        case .intensity: return "--grid"
        default: return "--" + rawValue.replacingAll("_", with: "-")
        }
    }

    /// Kind, domain and bare-number unit of the input, for parsing.
    public func field(named name: String? = nil) -> NumericField {
        let n = name ?? flag
        switch self {
        case .chipHours: return NumericField(n, .count, .positive)
        case .hours: return NumericField(n, .duration, .positive, defaultUnit: "h")
        case .chips: return NumericField(n, .count, .positiveInteger)
        case .flops: return NumericField(n, .flops, .positive)
        case .activeParameters, .tokens, .tokensPerQuery: return NumericField(n, .count, .positive)
        case .mfu, .powerUtilization, .inferenceUtilization: return NumericField(n, .dimensionless, .unitInterval)
        case .powerW, .tdpW: return NumericField(n, .power, .positive, defaultUnit: "W")
        case .hostOverhead, .pue, .developmentMultiplier: return NumericField(n, .dimensionless, .atLeastOne)
        case .intensity: return NumericField(n, .carbonIntensity, .nonNegative)
        case .queries: return NumericField(n, .count, .nonNegative)
        case .energyPerQuery: return NumericField(n, .energy, .positive, defaultUnit: "Wh")
        case .inferenceShare: return NumericField(n, .dimensionless, .share)
        case .embodiedPerChip: return NumericField(n, .mass, .nonNegative, defaultUnit: "kg")
        case .lifetime: return NumericField(n, .duration, .positive)
        case .wue, .waterIntensity: return NumericField(n, .waterIntensity, .nonNegative, defaultUnit: "L/kWh")
        }
    }

    /// The unit results print this input in (base unit).
    public var unit: String {
        switch self {
        case .hours, .lifetime: return "h"
        case .flops: return "FLOP"
        case .powerW, .tdpW: return "W"
        case .intensity: return "kg/kWh"
        case .energyPerQuery: return "kWh"
        case .embodiedPerChip: return "kg"
        case .wue, .waterIntensity: return "L/kWh"
        default: return ""
        }
    }
}
