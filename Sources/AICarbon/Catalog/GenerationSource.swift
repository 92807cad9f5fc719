/// Lifecycle emissions of one electricity generation technology: IPCC AR5 WGIII Annex III,
/// Table A.III.2 (Schlömer et al. 2014), minimum, median and maximum in g CO2e/kWh.
public struct GenerationSource: Sendable, Hashable, Codable {
    /// Technology, e.g. `coal`, `wind`.
    public var source: String
    /// Minimum of the literature range, g CO2e/kWh.
    public var minGPerKwh: Double
    /// Median, g CO2e/kWh.
    public var medianGPerKwh: Double
    /// Maximum of the literature range, g CO2e/kWh.
    public var maxGPerKwh: Double
}
