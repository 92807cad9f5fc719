/// How training compute is given (``FootprintVariables/computeMode``).
public enum FootprintComputeMode: Sendable, Hashable {
    /// ``chipHours`` accelerator-hours.
    case chipHours
    /// ``chips`` × ``hours``.
    case wallClock
    /// ``flops`` at ``peakFlopsPerS`` × ``mfu``.
    case flops
    /// 6 × ``activeParameters`` × ``tokens`` FLOP at ``peakFlopsPerS`` × ``mfu``.
    case parametersAndTokens
}

/// How power per chip is given.
public enum FootprintPowerMode: Sendable, Hashable {
    /// ``powerW`` per chip, host share included.
    case perChip
    /// ``tdpW`` × ``powerUtilization`` × ``hostOverhead``.
    case fromTDP
}

/// How inference is modelled.
public enum FootprintInferenceMode: Sendable, Hashable {
    /// No inference.
    case none
    /// ``queries`` × ``energyPerQueryKWh`` (facility energy, PUE included).
    case perQuery
    /// ``queries`` of ``tokensPerQuery`` through ``activeParameters`` at ``inferenceUtilization``.
    case flopBased
    /// Queries split into prefill (compute-bound) and decode (memory-bandwidth-bound, batched) on the
    /// serving hardware (``InferenceEnergy/prefillDecodeChipSeconds(activeParameters:totalParameters:bytesPerParameter:inputTokens:outputTokens:batch:chips:peakFlopsPerS:bandwidthBytesPerS:kvBytesPerToken:prefillUtilization:bandwidthUtilization:decodeUtilization:)``).
    case prefillDecode
    /// ``inferenceShare`` of lifetime energy.
    case share
}

/// Every input of a footprint estimate in base units, with the modes that say which of them apply:
/// plain numbers (``FootprintVariables<Double>``) for one evaluation, or columns of samples inside the
/// simulation engine.
///
/// This is what ``FootprintModel`` evaluates; ``EstimateSpec`` builds it from what a person gave and
/// the catalogs. A sampler sets uncertain inputs through ``subscript(_:)`` without allocating.
public struct FootprintVariables<Value> {
    /// How training compute is given.
    public var computeMode: FootprintComputeMode
    /// How power per chip is given.
    public var powerMode: FootprintPowerMode
    /// How inference is modelled.
    public var inferenceMode: FootprintInferenceMode = .none
    /// Accelerator-hours of the final run.
    public var chipHours: Value
    /// Wall-clock hours of the final run.
    public var hours: Value
    /// Number of accelerators (0 when unknown).
    public var chips: Value
    /// Training FLOPs of the final run.
    public var flops: Value
    /// Parameters active per token.
    public var activeParameters: Value
    /// Training tokens.
    public var tokens: Value
    /// Peak FLOP/s per chip.
    public var peakFlopsPerS: Value
    /// Model FLOP utilization of training.
    public var mfu: Value
    /// Average power per chip, W (``FootprintPowerMode/perChip``).
    public var powerW: Value
    /// TDP, W (``FootprintPowerMode/fromTDP``).
    public var tdpW: Value
    /// Average accelerator power / TDP.
    public var powerUtilization: Value
    /// Host multiplier.
    public var hostOverhead: Value
    /// Power usage effectiveness.
    public var pue: Value
    /// Grid carbon intensity, kg CO2e/kWh.
    public var intensityKgPerKWh: Value
    /// Multiplier on the final run's compute (≥ 1).
    public var developmentMultiplier: Value
    /// Queries served.
    public var queries: Value
    /// Facility energy per query, kWh.
    public var energyPerQueryKWh: Value
    /// Tokens per query.
    public var tokensPerQuery: Value
    /// Achieved / peak FLOP/s while serving.
    public var inferenceUtilization: Value
    /// Input (prefill) tokens per query.
    public var inputTokensPerQuery: Value
    /// Sequences served together in a batch.
    public var batchSize: Value
    /// Bytes per weight while serving (2 for BF16).
    public var bytesPerParameter: Value
    /// Accelerators of one serving group holding the weights.
    public var servingChips: Value
    /// KV-cache bytes per token of context.
    public var kvBytesPerToken: Value
    /// Achieved / peak FLOP/s in prefill.
    public var prefillUtilization: Value
    /// Achieved / peak memory bandwidth in decode.
    public var bandwidthUtilization: Value
    /// Achieved / peak FLOP/s of batched decode.
    public var decodeUtilization: Value
    /// Average accelerator power / TDP while serving.
    public var servingPowerUtilization: Value
    /// Total parameters (weights held while serving).
    public var totalParameters: Value
    /// Peak memory bandwidth per accelerator, bytes/s, from the catalog (not an input slot).
    public var memoryBandwidthBytesPerS: Value
    /// Inference share of lifetime energy.
    public var inferenceShare: Value
    /// Embodied emissions per accelerator, kg CO2e.
    public var embodiedPerChipKg: Value
    /// Accelerator service life, calendar hours.
    public var lifetimeHours: Value
    /// Share of the service life an accelerator is in use, in (0, 1]: embodied emissions are amortised over
    /// `lifetimeHours × inUseShare` hours.
    public var inUseShare: Value
    /// On-site WUE, L/kWh.
    public var wueOnsite: Value
    /// Water intensity of electricity, L/kWh.
    public var waterIntensity: Value

    /// The same inputs and modes with every value transformed.
    /// - Parameter transform: Maps one value (for example to a value shared by every sample of a tile).
    /// - Returns: The transformed inputs.
    func map<T>(_ transform: (Value) -> T) -> FootprintVariables<T> {
        // Filled with the one value that is not an input slot (peak FLOP/s, from the catalog's
        // accelerator); every slot is then set from its own value.
        var result = FootprintVariables<T>(computeMode: computeMode, powerMode: powerMode, inferenceMode: inferenceMode,
                                           filling: transform(peakFlopsPerS))
        result.memoryBandwidthBytesPerS = transform(memoryBandwidthBytesPerS)
        for slot in InputSlot.allCases { result[slot] = transform(self[slot]) }
        return result
    }

    /// Inputs with the given modes and every value `value`.
    init(computeMode: FootprintComputeMode, powerMode: FootprintPowerMode, inferenceMode: FootprintInferenceMode, filling value: Value) {
        self.computeMode = computeMode
        self.powerMode = powerMode
        self.inferenceMode = inferenceMode
        chipHours = value
        hours = value
        chips = value
        flops = value
        activeParameters = value
        tokens = value
        peakFlopsPerS = value
        mfu = value
        powerW = value
        tdpW = value
        powerUtilization = value
        hostOverhead = value
        pue = value
        intensityKgPerKWh = value
        developmentMultiplier = value
        queries = value
        energyPerQueryKWh = value
        tokensPerQuery = value
        inferenceUtilization = value
        inputTokensPerQuery = value
        batchSize = value
        bytesPerParameter = value
        servingChips = value
        kvBytesPerToken = value
        prefillUtilization = value
        bandwidthUtilization = value
        decodeUtilization = value
        servingPowerUtilization = value
        totalParameters = value
        memoryBandwidthBytesPerS = value
        inferenceShare = value
        embodiedPerChipKg = value
        lifetimeHours = value
        inUseShare = value
        wueOnsite = value
        waterIntensity = value
    }
}


extension FootprintVariables: Sendable where Value: Sendable {}

extension FootprintVariables: Equatable where Value: Equatable {}

extension FootprintVariables: Hashable where Value: Hashable {}

extension FootprintVariables where Value == Double {
    /// Creates inputs with the given modes and the defaults; set the values that apply.
    public init(computeMode: FootprintComputeMode, powerMode: FootprintPowerMode) {
        self.init(computeMode: computeMode, powerMode: powerMode, inferenceMode: .none, filling: 0)
        mfu = Defaults.mfu.median
        powerUtilization = 1
        hostOverhead = 1
        pue = 1.1
        developmentMultiplier = 1
        inferenceUtilization = Defaults.inferenceUtilization.median
        embodiedPerChipKg = Defaults.embodiedPerChip.median
        lifetimeHours = Defaults.lifetime.median
        inUseShare = Defaults.inUse.median
        wueOnsite = Defaults.wueOnsite.median
        waterIntensity = Defaults.waterIntensity.median
    }
}

extension FootprintVariables {
    /// Reads or writes one input by slot.
    public subscript(slot: InputSlot) -> Value {
        get { self[keyPath: Self.keyPath(slot)] }
        set { self[keyPath: Self.keyPath(slot)] = newValue }
    }

    /// The stored property behind a slot.
    static func keyPath(_ slot: InputSlot) -> WritableKeyPath<Self, Value> {
        switch slot {
        case .chipHours: return \.chipHours
        case .hours: return \.hours
        case .chips: return \.chips
        case .flops: return \.flops
        case .activeParameters: return \.activeParameters
        case .tokens: return \.tokens
        case .mfu: return \.mfu
        case .powerW: return \.powerW
        case .tdpW: return \.tdpW
        case .powerUtilization: return \.powerUtilization
        case .hostOverhead: return \.hostOverhead
        case .pue: return \.pue
        case .intensity: return \.intensityKgPerKWh
        case .developmentMultiplier: return \.developmentMultiplier
        case .queries: return \.queries
        case .energyPerQuery: return \.energyPerQueryKWh
        case .tokensPerQuery: return \.tokensPerQuery
        case .inferenceUtilization: return \.inferenceUtilization
        case .inputTokensPerQuery: return \.inputTokensPerQuery
        case .batchSize: return \.batchSize
        case .bytesPerParameter: return \.bytesPerParameter
        case .servingChips: return \.servingChips
        case .kvBytesPerToken: return \.kvBytesPerToken
        case .prefillUtilization: return \.prefillUtilization
        case .bandwidthUtilization: return \.bandwidthUtilization
        case .decodeUtilization: return \.decodeUtilization
        case .servingPowerUtilization: return \.servingPowerUtilization
        case .totalParameters: return \.totalParameters
        case .inferenceShare: return \.inferenceShare
        case .embodiedPerChip: return \.embodiedPerChipKg
        case .lifetime: return \.lifetimeHours
        case .inUse: return \.inUseShare
        case .wue: return \.wueOnsite
        case .waterIntensity: return \.waterIntensity
        }
    }

    /// The byte offset of a slot's stored value in the struct, for writing sampled values in place.
    static func byteOffset(_ slot: InputSlot) -> Int { MemoryLayout<Self>.offset(of: keyPath(slot))! }
}
