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
    case inputTokensPerQuery = "input_tokens_per_query"
    case batchSize = "batch_size"
    case bytesPerParameter = "bytes_per_parameter"
    case servingChips = "serving_chips"
    case kvBytesPerToken = "kv_bytes_per_token"
    case prefillUtilization = "prefill_utilization"
    case bandwidthUtilization = "bandwidth_utilization"
    case decodeUtilization = "decode_utilization"
    case servingPowerUtilization = "serving_power_utilization"
    case totalParameters = "params"
    case inferenceUtilization = "inference_utilization"
    case inferenceShare = "inference_share"
    case embodiedPerChip = "embodied_per_chip"
    case lifetime
    case inUse = "in_use"
    case wue
    case waterIntensity = "water_intensity"

    /// The input's entry in ``InputRegistry`` (exhaustive: a new slot does not compile without one).
    public var definition: InputDefinition {
        switch self {
        case .chipHours: return InputRegistry.chipHours
        case .hours: return InputRegistry.hours
        case .chips: return InputRegistry.chips
        case .flops: return InputRegistry.flops
        case .activeParameters: return InputRegistry.activeParams
        case .tokens: return InputRegistry.tokens
        case .mfu: return InputRegistry.mfu
        case .powerW: return InputRegistry.power
        case .tdpW: return InputRegistry.tdp
        case .powerUtilization: return InputRegistry.powerUtilization
        case .hostOverhead: return InputRegistry.hostOverhead
        case .pue: return InputRegistry.pue
        case .intensity: return InputRegistry.grid
        case .developmentMultiplier: return InputRegistry.developmentMultiplier
        case .queries: return InputRegistry.queries
        case .energyPerQuery: return InputRegistry.energyPerQuery
        case .tokensPerQuery: return InputRegistry.tokensPerQuery
        case .inputTokensPerQuery: return InputRegistry.inputTokensPerQuery
        case .batchSize: return InputRegistry.batchSize
        case .bytesPerParameter: return InputRegistry.bytesPerParameter
        case .servingChips: return InputRegistry.servingChips
        case .kvBytesPerToken: return InputRegistry.kvBytesPerToken
        case .prefillUtilization: return InputRegistry.prefillUtilization
        case .bandwidthUtilization: return InputRegistry.bandwidthUtilization
        case .decodeUtilization: return InputRegistry.decodeUtilization
        case .servingPowerUtilization: return InputRegistry.servingPowerUtilization
        case .totalParameters: return InputRegistry.params
        case .inferenceUtilization: return InputRegistry.inferenceUtilization
        case .inferenceShare: return InputRegistry.inferenceShare
        case .embodiedPerChip: return InputRegistry.embodiedPerChip
        case .lifetime: return InputRegistry.lifetime
        case .inUse: return InputRegistry.inUse
        case .wue: return InputRegistry.wue
        case .waterIntensity: return InputRegistry.waterIntensity
        }
    }

    /// The command-line flag for this input.
    public var flag: String { definition.flag }

    /// Kind, domain and bare-number unit of the input, for parsing.
    /// - Parameter name: The name errors give (the flag by default).
    /// - Returns: The numeric field.
    public func field(named name: String? = nil) -> NumericField { definition.field(named: name ?? flag) }

    /// The unit results print this input in (base unit).
    public var unit: String { definition.unit }

    /// The unit messages name a value of this input with (``InputDefinition/namedUnit``: `chip-h` for chip-hours).
    public var namedUnit: String { definition.namedUnit }
}
