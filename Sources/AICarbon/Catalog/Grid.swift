/// An electricity grid (country, US state, Canadian province, Nordic bidding zone, Chinese province, cloud region
/// or world average) with its location-based carbon intensity, accounting basis, spread, water intensity and
/// source.
public struct Grid: Sendable, Hashable, Codable {
    /// Identifier: ISO-3 for countries (`FRA`), `US-CA`, `CA-QC`, `SE3`, `CN-BJ`, `gcp:us-central1`, `WORLD`.
    public var id: String
    /// Readable name.
    public var name: String
    /// `country`, `world`, `us-state`, `ca-province`, `nordic-zone`, `cn-province` or `cloud-region`.
    public var kind: String
    /// Other names it answers to (ISO-2 code, country names).
    public var aliases: [String]
    /// Carbon intensity, kg CO2e/kWh (kg CO2/kWh for the Chinese provinces, whose source counts CO2 only).
    public var intensityKgPerKwh: Double
    /// Geometric standard deviation of the intensity: `exp(sqrt(mix² + year² + dataset²))` of ``spread``
    /// (see ``GridSpread``).
    public var intensityGsd: Double?
    /// The terms of ``intensityGsd``.
    public var spread: Spread?
    /// The year the intensity describes.
    public var year: Int
    /// Where the figure comes from.
    public var source: String
    /// What the intensity counts: lifecycle or direct combustion, location-based, production or consumption.
    public var basis: GridBasis
    /// Generation shares by source (`coal`, `gas`, `oil`, `biomass`, `geothermal`, `hydro`, `nuclear`, `solar`,
    /// `wind`), summing to 1, where the source data give the mix.
    public var generationMix: [String: Double]?
    /// The same grid in a second dataset, kept as a cross-check (its disagreement enters ``spread``).
    public var crossCheck: CrossCheck?
    /// Water consumed to generate the electricity (consumption factor of the mix), L/kWh, from the country the
    /// grid is in: the water-intensity prior's median when this grid is named.
    public var waterIntensityLPerKwh: Double?
    /// Where ``waterIntensityLPerKwh`` comes from, and whether it is a country or world average.
    public var waterSource: String?
    /// For a cloud region: the id of the grid it sits in (US state, province or country).
    public var locationGrid: String?
    /// For a cloud region: the provider's published fleet PUE, the PUE prior's natural median there.
    public var providerPUE: Double?
    /// Where ``providerPUE`` comes from.
    public var providerPUESource: String?
    /// For a cloud region whose provider publishes no current figure: the stale value the older source gave. The
    /// region's intensity is then its ``locationGrid``'s.
    public var staleSnapshot: CrossCheck?

    /// A second figure for the same grid, with its source.
    public struct CrossCheck: Sendable, Hashable, Codable {
        /// Carbon intensity, kg CO2e/kWh.
        public var intensityKgPerKwh: Double
        /// Where it comes from.
        public var source: String
    }

    /// The log-space terms of a grid's spread (``GridSpread``).
    public struct Spread: Sendable, Hashable, Codable {
        /// Generation mix × IPCC AR5 per-source ranges; `nil` where no mix is known.
        public var mixSigma: Double?
        /// Year-to-year variation (a dry, still year); `nil` where no mix is known.
        public var yearSigma: Double?
        /// Disagreement between datasets.
        public var datasetSigma: Double
        /// Whether ``datasetSigma`` compares two datasets of this grid (otherwise it is the median over countries).
        public var datasetSigmaMeasured: Bool
        /// The grid whose generation mix gave ``mixSigma`` and ``yearSigma`` (itself, its country or location grid).
        public var mixOf: String?
    }

    enum CodingKeys: String, CodingKey {
        case id, name, kind, aliases, intensityKgPerKwh, intensityGsd, spread, year, source, basis, generationMix, crossCheck
        case waterIntensityLPerKwh, waterSource, locationGrid, staleSnapshot
        case providerPUE = "providerPue", providerPUESource = "providerPueSource"
    }

    /// The intensity as a typed quantity.
    public var intensity: CarbonIntensity { CarbonIntensity(kilogramsPerKilowattHour: intensityKgPerKwh) }

    /// Whether the provider's own figure for this cloud region is stale and the region uses its location grid.
    public var isFallback: Bool { staleSnapshot != nil }
}
