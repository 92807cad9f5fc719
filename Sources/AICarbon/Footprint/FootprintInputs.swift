/// Every input of a footprint estimate, resolved to numbers in base units.
///
/// This is what ``FootprintModel`` evaluates; ``EstimateSpec`` builds it from what a person gave and
/// the catalogs. All fields are plain `Double`s so that a sampler can fill many of them cheaply.
public struct FootprintInputs: Sendable, Hashable {
    /// How the training compute is given.
    public enum Compute: Sendable, Hashable {
        /// Accelerator-hours of the final run.
        case chipHours(Double)
        /// Training FLOPs of the final run, converted with ``FootprintInputs/peakFlopsPerS`` and
        /// ``FootprintInputs/mfu``.
        case flops(Double)
    }

    /// How inference is modelled.
    public enum Inference: Sendable, Hashable {
        /// Training only.
        case none
        /// `queries` queries at a given facility energy per query (kWh, PUE included).
        case perQuery(queries: Double, kWhPerQuery: Double)
        /// `queries` queries of `tokensPerQuery` tokens through `activeParameters` parameters.
        case flopBased(queries: Double, activeParameters: Double, tokensPerQuery: Double, utilization: Double)
        /// Inference as a share of lifetime ML energy, in [0, 1).
        case share(Double)
    }

    /// Training compute.
    public var compute: Compute
    /// Number of accelerators, when known (for wall-clock time).
    public var chips: Double?
    /// Peak FLOP/s per chip (0 when unknown).
    public var peakFlopsPerS: Double
    /// Model FLOP utilization of training.
    public var mfu: Double
    /// Average power per chip, W, host share included.
    public var powerPerChipW: Double
    /// Power usage effectiveness.
    public var pue: Double
    /// Grid carbon intensity, kg CO2e/kWh.
    public var intensityKgPerKWh: Double
    /// Multiplier on the final run's compute for development (≥ 1).
    public var developmentMultiplier: Double
    /// Inference model.
    public var inference: Inference
    /// Embodied emissions per accelerator, kg CO2e.
    public var embodiedPerChipKg: Double
    /// Accelerator service life for amortisation, hours.
    public var lifetimeHours: Double
    /// On-site water usage effectiveness, L/kWh.
    public var wueOnsite: Double
    /// Water intensity of electricity, L/kWh.
    public var waterIntensity: Double

    /// Creates resolved inputs (see the property documentation for units).
    public init(
        compute: Compute, chips: Double? = nil, peakFlopsPerS: Double = 0, mfu: Double = Defaults.mfu.value,
        powerPerChipW: Double, pue: Double, intensityKgPerKWh: Double,
        developmentMultiplier: Double = 1, inference: Inference = .none,
        embodiedPerChipKg: Double = Defaults.embodiedPerChip.value, lifetimeHours: Double = Defaults.lifetime.value,
        wueOnsite: Double = Defaults.wueOnsite.value, waterIntensity: Double = Defaults.waterIntensity.value
    ) {
        self.compute = compute
        self.chips = chips
        self.peakFlopsPerS = peakFlopsPerS
        self.mfu = mfu
        self.powerPerChipW = powerPerChipW
        self.pue = pue
        self.intensityKgPerKWh = intensityKgPerKWh
        self.developmentMultiplier = developmentMultiplier
        self.inference = inference
        self.embodiedPerChipKg = embodiedPerChipKg
        self.lifetimeHours = lifetimeHours
        self.wueOnsite = wueOnsite
        self.waterIntensity = waterIntensity
    }
}
