import Foundation

/// The spread of a grid's carbon intensity: a lognormal whose log standard deviation combines three terms,
/// `ln(gsd)² = mix² + year² + dataset²`.
///
/// - **mix**: each generation source's lifecycle factor is lognormal with the IPCC AR5 median and
///   `σᵢ = ln(maxᵢ / minᵢ) / (2 · 2.3263)` (the AR5 min–max read as the 1st–99th percentile). To first order in
///   log space, `mix = sqrt(Σ (wᵢ σᵢ)²)` with `wᵢ = pᵢ mᵢ / Σ pⱼ mⱼ` the source's share of emissions (generation
///   share `pᵢ`, median `mᵢ`); sources independent. Oil, absent from AR5, takes 816 g/kWh with gas's relative range.
/// - **year**: a dry, still year: weather-dependent output (hydro, wind, solar; share `W`, mean factor `m_W`) 10%
///   lower, made up by the grid's own fossil fleet (coal, gas, oil; share `T`, mean factor `m_T`, gas if it has
///   none) up to half its output again, `ΔT = min(0.1 W, 0.5 T)`; `year = sqrt(0.03² + ln(1 + ΔT (m_T − m_W) / I)²)`
///   with `I = Σ pᵢ mᵢ`; 0.03 for demand and fuel-price variation.
/// - **dataset**: `|ln(a / b)| / √2` for two datasets `a`, `b` of the same grid (sample standard deviation of two
///   log values), else the median of that term over the countries that have both.
///
/// `scripts/build_catalogs.py` computes the catalog's spreads with the same formula.
public enum GridSpread {
    /// z of the 99th percentile: the AR5 min–max range is read as the 1st–99th percentile.
    public static let z99 = 2.3263478740
    /// Drop in weather-dependent output in a dry, still year.
    public static let dryYearDrop = 0.10
    /// How much more the fossil fleet can generate, as a share of its own output.
    public static let fossilHeadroom = 0.5
    /// Year-to-year variation from demand and fuel prices.
    public static let otherYearSigma = 0.03
    /// Weather-dependent sources.
    public static let weatherSources = ["hydro", "wind", "solar"]
    /// Fossil sources.
    public static let fossilSources = ["coal", "gas", "oil"]
    /// Oil-fired generation's median, g/kWh (CodeCarbon's petroleum factor; not in AR5).
    public static let oilMedian = 816.0

    /// Minimum, median and maximum lifecycle g CO2e/kWh of a source, or `nil` if it is unknown.
    public static func factor(_ source: String, in sources: [GenerationSource]) -> (min: Double, median: Double, max: Double)? {
        if source == "oil", let gas = sources.first(where: { $0.source == "gas" }) {
            return (oilMedian * gas.minGPerKwh / gas.medianGPerKwh, oilMedian, oilMedian * gas.maxGPerKwh / gas.medianGPerKwh)
        }
        guard let s = sources.first(where: { $0.source == source }) else { return nil }
        return (s.minGPerKwh, s.medianGPerKwh, s.maxGPerKwh)
    }

    /// Log standard deviation of one source's factor.
    public static func sourceSigma(_ source: String, in sources: [GenerationSource]) -> Double? {
        factor(source, in: sources).map { Foundation.log($0.max / $0.min) / (2 * z99) }
    }

    /// The mix term of a generation mix (shares by source).
    public static func mixSigma(_ mix: [String: Double], sources: [GenerationSource]) -> Double {
        let emissions = mix.compactMap { name, share -> (Double, Double)? in
            guard share > 0, let f = factor(name, in: sources), let sigma = sourceSigma(name, in: sources) else { return nil }
            return (share * f.median, sigma)
        }
        let total = emissions.reduce(0) { $0 + $1.0 }
        guard total > 0 else { return 0 }
        return emissions.reduce(0) { $0 + ($1.0 / total * $1.1) * ($1.0 / total * $1.1) }.squareRoot()
    }

    /// The year term of a generation mix (shares summing to 1).
    public static func yearSigma(_ mix: [String: Double], sources: [GenerationSource]) -> Double {
        func median(_ name: String) -> Double { factor(name, in: sources)?.median ?? 0 }
        let intensity = mix.reduce(0) { $0 + $1.value * median($1.key) }
        let weather = weatherSources.reduce(0) { $0 + (mix[$1] ?? 0) }
        let fossil = fossilSources.reduce(0) { $0 + (mix[$1] ?? 0) }
        guard weather > 0, intensity > 0 else { return otherYearSigma }
        let weatherFactor = weatherSources.reduce(0) { $0 + (mix[$1] ?? 0) * median($1) } / weather
        let fossilFactor = fossil > 0 ? fossilSources.reduce(0) { $0 + (mix[$1] ?? 0) * median($1) } / fossil : median("gas")
        let replaced = Swift.min(dryYearDrop * weather, fossilHeadroom * fossil)
        let shift = Foundation.log1p(replaced * (fossilFactor - weatherFactor) / intensity)
        return (otherYearSigma * otherYearSigma + shift * shift).squareRoot()
    }

    /// The geometric standard deviation of a grid with this mix (or none) and dataset term.
    public static func gsd(mix: [String: Double]?, datasetSigma: Double, sources: [GenerationSource]) -> Double {
        guard let mix else { return Foundation.exp(datasetSigma) }
        let m = mixSigma(mix, sources: sources), y = yearSigma(mix, sources: sources)
        return Foundation.exp((m * m + y * y + datasetSigma * datasetSigma).squareRoot())
    }

    /// The dataset term of two estimates of the same grid.
    public static func datasetSigma(_ a: Double, _ b: Double) -> Double {
        Swift.abs(Foundation.log(a / b)) / 2.0.squareRoot()
    }
}
