/// An AI accelerator (GPU or TPU) from the bundled hardware catalog, with the source of its figures.
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
    /// Peak dense BF16/FP16 tensor throughput per chip, FLOP/s.
    public var peakFlopsPerS: Double
    /// Memory per chip, GB.
    public var memoryGb: Double?
    /// Year of release.
    public var releaseYear: Int
    /// Measured average system power per chip in W, host share included, where published.
    public var measuredPowerW: Double?
    /// Embodied (manufacturing) emissions per accelerator in kg CO2e, including its share of the server.
    public var embodiedKg: Double
    /// Datasheet or paper the figures come from.
    public var source: String
}
