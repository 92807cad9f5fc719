/// An AI accelerator (GPU, TPU or other ASIC) from the bundled hardware catalog, with the source of its figures.
public struct Accelerator: Sendable, Hashable, Codable {
    /// Stable identifier, e.g. `h100-sxm`.
    public var id: String
    /// Full name, e.g. `NVIDIA H100 SXM5 80GB`.
    public var name: String
    /// Other names it answers to (`H100`, `H100 SXM`).
    public var aliases: [String]
    /// Manufacturer.
    public var vendor: String
    /// Thermal design power in W, or `nil` where the vendor publishes none.
    public var tdpW: Double?
    /// Peak dense BF16/FP16 tensor throughput per chip, FLOP/s (never the structured-sparsity figure).
    public var peakFlopsPerS: Double
    /// Memory per chip, GB (GiB where the vendor publishes GiB; the source says which).
    public var memoryGb: Double?
    /// Peak memory bandwidth per chip, GB/s, where published.
    public var memoryBandwidthGbPerS: Double?
    /// Year of release (first deployment for in-house chips).
    public var releaseYear: Int
    /// Measured average system power per chip in W, host share included, where a paper publishes it
    /// (Patterson et al. 2021, Table 3).
    public var measuredPowerW: Double?
    /// The vendor's measured mean power per chip in W, chip only (no host share), where published: Google's
    /// Cloud TPU pages give measured min/mean/max power for TPU v3 and v4, which have no public TDP.
    public var vendorMeanPowerW: Double?
    /// Embodied (manufacturing) emissions per accelerator in kg CO2e, including its share of the server: the
    /// median of a lognormal with geometric standard deviation ``embodiedGsd``.
    public var embodiedKg: Double
    /// Geometric standard deviation of ``embodiedKg``, where the catalog gives one.
    public var embodiedGsd: Double?
    /// Where ``embodiedKg`` comes from: a published product carbon footprint or life-cycle assessment, or the
    /// proxy that scales one.
    public var embodiedSource: String?
    /// Datasheet or paper each figure comes from.
    public var source: String
}
