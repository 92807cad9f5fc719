import Foundation

// Priors built from catalog rows, for EstimateSpec and ProjectionSpec to use when a grid or an accelerator is named
// (the wiring itself lives there). Each is an `Assumption`, so its source is listed with the result.

extension Grid {
    /// The grid-intensity prior when this grid is named: lognormal around ``intensityKgPerKwh`` with
    /// ``intensityGsd``, its source naming the year, source, basis and the spread's terms. `nil` without a gsd.
    /// - Parameter defaulted: Whether the grid was chosen by default (no `--grid`).
    public func intensityPrior(defaulted: Bool = false) -> Assumption? {
        guard let gsd = intensityGsd else { return nil }
        let d: Distribution = intensityKgPerKwh > 0 ? .lognormal(median: intensityKgPerKwh, gsd: gsd) : .fixed(intensityKgPerKwh)
        return Assumption(input: "grid", distribution: d, unit: "kg/kWh",
                          source: "\(defaulted ? "no --grid: world average; " : "")\(name) (\(id)) \(year), \(source); basis: \(basis.description); \(spreadDescription)")
    }

    /// The spread in words: `gsd 1.08 = exp(√(mix 0.061² + year 0.044² + dataset 0.028²)), mix of USA`.
    public var spreadDescription: String {
        guard let gsd = intensityGsd, let s = spread else { return "no spread given" }
        func n(_ x: Double) -> String { String(format: "%.3g", x) }
        var terms: [String] = []
        if let m = s.mixSigma { terms.append("mix \(n(m))²") }
        if let y = s.yearSigma { terms.append("year \(n(y))²") }
        terms.append("dataset \(n(s.datasetSigma))²")
        let from = s.mixOf.map { $0 == id ? "" : ", mix of \($0)" } ?? ""
        return "gsd \(n(gsd)) = exp(√(\(terms.joined(separator: " + ")))) from the generation mix x IPCC AR5 ranges, a dry year "
            + "and dataset disagreement\(from)"
    }

    /// The water-intensity prior when this grid is named: the grid's country value as the median, with the spread of
    /// the default prior (``Defaults/waterIntensity``). `nil` where the catalog has no value.
    public var waterIntensityPrior: Assumption? {
        guard let median = waterIntensityLPerKwh, median > 0 else { return nil }
        let gsd: Double
        if case .lognormal(_, let sigma) = Defaults.waterIntensity.distribution { gsd = Foundation.exp(sigma) } else { gsd = 1.5 }
        return Assumption(input: "water_intensity", distribution: .lognormal(median: median, gsd: gsd), unit: "L/kWh",
                          source: "\(name) (\(id)): \(waterSource ?? "catalog"); spread of the default prior")
    }

    /// The PUE prior in a cloud region whose provider publishes a fleet PUE: pert(max(1.02, p − 0.06), p, p + 0.2), the
    /// fleet average as the mode, sites varying around it. `nil` elsewhere.
    public var providerPUEPrior: Assumption? {
        guard let p = providerPUE else { return nil }
        return Assumption(input: "pue", distribution: .pert(Swift.max(1.02, p - 0.06), p, p + 0.2), unit: "",
                          source: "\(id): \(providerPUESource ?? "provider fleet PUE"); sites vary around the fleet average")
    }
}

extension Accelerator {
    /// The embodied-emissions prior of this accelerator: lognormal with median ``embodiedKg`` and ``embodiedGsd`` (the
    /// default prior's spread where the catalog gives none), sourced from ``embodiedSource``.
    public var embodiedPrior: Assumption {
        let gsd: Double
        if let own = embodiedGsd {
            gsd = own
        } else if case .lognormal(_, let sigma) = Defaults.embodiedPerChip.distribution {
            gsd = Foundation.exp(sigma)
        } else {
            gsd = 1.45
        }
        return Assumption(input: "embodied_per_chip", distribution: .lognormal(median: embodiedKg, gsd: gsd), unit: "kg",
                          source: "\(name): \(embodiedSource ?? Defaults.embodiedPerChip.source)")
    }

    /// For an accelerator with no TDP and no measured system power but a vendor-measured chip mean (TPU v4: 170 W):
    /// that mean with ±10% (lognormal gsd 1.1), to be multiplied by the host overhead prior. `nil` otherwise.
    public var vendorMeanPowerPrior: Assumption? {
        guard tdpW == nil, measuredPowerW == nil, let mean = vendorMeanPowerW else { return nil }
        return Assumption(input: "power", distribution: .lognormal(median: mean, gsd: 1.1), unit: "W",
                          source: "\(name): vendor-measured mean chip power \(JSONValue.numberText(mean)) W (no TDP published); host not included")
    }
}
