/// Every input of a footprint estimate as plain numbers in base units, with the modes that say which
/// of them apply.
///
/// This is what ``FootprintModel`` evaluates; ``EstimateSpec`` builds it from what a person gave and
/// the catalogs. A sampler sets uncertain inputs through ``subscript(_:)`` without allocating.
public struct FootprintInputs: Sendable, Hashable {
    /// How training compute is given.
    public enum ComputeMode: Sendable, Hashable {
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
    public enum PowerMode: Sendable, Hashable {
        /// ``powerW`` per chip, host share included.
        case perChip
        /// ``tdpW`` × ``powerUtilization`` × ``hostOverhead``.
        case fromTDP
    }
    /// How inference is modelled.
    public enum InferenceMode: Sendable, Hashable {
        case none
        /// ``queries`` × ``energyPerQueryKWh`` (facility energy, PUE included).
        case perQuery
        /// ``queries`` of ``tokensPerQuery`` through ``activeParameters`` at ``inferenceUtilization``.
        case flopBased
        /// ``inferenceShare`` of lifetime energy.
        case share
    }

    /// How training compute is given.
    public var computeMode: ComputeMode
    /// How power per chip is given.
    public var powerMode: PowerMode
    /// How inference is modelled.
    public var inferenceMode: InferenceMode = .none
    /// Accelerator-hours of the final run.
    public var chipHours = 0.0
    /// Wall-clock hours of the final run.
    public var hours = 0.0
    /// Number of accelerators (0 when unknown).
    public var chips = 0.0
    /// Training FLOPs of the final run.
    public var flops = 0.0
    /// Parameters active per token.
    public var activeParameters = 0.0
    /// Training tokens.
    public var tokens = 0.0
    /// Peak FLOP/s per chip.
    public var peakFlopsPerS = 0.0
    /// Model FLOP utilization of training.
    public var mfu = Defaults.mfu.median
    /// Average power per chip, W (``PowerMode/perChip``).
    public var powerW = 0.0
    /// TDP, W (``PowerMode/fromTDP``).
    public var tdpW = 0.0
    /// Average accelerator power / TDP.
    public var powerUtilization = 1.0
    /// Host multiplier.
    public var hostOverhead = 1.0
    /// Power usage effectiveness.
    public var pue = 1.1
    /// Grid carbon intensity, kg CO2e/kWh.
    public var intensityKgPerKWh = 0.0
    /// Multiplier on the final run's compute (≥ 1).
    public var developmentMultiplier = 1.0
    /// Queries served.
    public var queries = 0.0
    /// Facility energy per query, kWh.
    public var energyPerQueryKWh = 0.0
    /// Tokens per query.
    public var tokensPerQuery = 0.0
    /// Achieved / peak FLOP/s while serving.
    public var inferenceUtilization = Defaults.inferenceUtilization.median
    /// Inference share of lifetime energy.
    public var inferenceShare = 0.0
    /// Embodied emissions per accelerator, kg CO2e.
    public var embodiedPerChipKg = Defaults.embodiedPerChip.median
    /// Accelerator service life, hours.
    public var lifetimeHours = Defaults.lifetime.median
    /// On-site WUE, L/kWh.
    public var wueOnsite = Defaults.wueOnsite.median
    /// Water intensity of electricity, L/kWh.
    public var waterIntensity = Defaults.waterIntensity.median

    /// Creates inputs with the given modes; set the values that apply.
    public init(computeMode: ComputeMode, powerMode: PowerMode) {
        self.computeMode = computeMode
        self.powerMode = powerMode
    }

    /// Reads or writes one input by slot.
    public subscript(slot: InputSlot) -> Double {
        get { self[keyPath: Self.keyPath(slot)] }
        set { self[keyPath: Self.keyPath(slot)] = newValue }
    }

    /// The stored property behind a slot.
    static func keyPath(_ slot: InputSlot) -> WritableKeyPath<FootprintInputs, Double> {
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
        case .inferenceShare: return \.inferenceShare
        case .embodiedPerChip: return \.embodiedPerChipKg
        case .lifetime: return \.lifetimeHours
        case .wue: return \.wueOnsite
        case .waterIntensity: return \.waterIntensity
        }
    }

    /// The byte offset of a slot's stored value in the struct, for writing sampled values in place.
    static func byteOffset(_ slot: InputSlot) -> Int { MemoryLayout<FootprintInputs>.offset(of: keyPath(slot))! }
}
