/// An electricity grid (country, US state, Canadian province, cloud region or world average) with its
/// location-based carbon intensity and source.
public struct Grid: Sendable, Hashable, Codable {
    /// Identifier: ISO-3 for countries (`FRA`), `US-CA`, `CA-QC`, `gcp:us-central1`, `WORLD`.
    public var id: String
    /// Readable name.
    public var name: String
    /// `country`, `world`, `us-state`, `ca-province` or `cloud-region`.
    public var kind: String
    /// Other names it answers to (ISO-2 code, country names).
    public var aliases: [String]
    /// Carbon intensity, kg CO2e/kWh.
    public var intensityKgPerKwh: Double
    /// Geometric standard deviation of the intensity from its generation mix and the IPCC AR5 lifecycle
    /// ranges, where the mix is known.
    public var intensityGsd: Double?
    /// The year the intensity describes.
    public var year: Int
    /// Where the figure comes from.
    public var source: String

    /// The intensity as a typed quantity.
    public var intensity: CarbonIntensity { CarbonIntensity(kilogramsPerKilowattHour: intensityKgPerKwh) }
}
