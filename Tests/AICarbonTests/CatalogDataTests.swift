import Foundation
import Testing
@testable import AICarbon

/// Issue 14: datasheet figures, grid basis and spread, water by region, cloud fallbacks.
@Suite("Catalog data")
struct CatalogDataTests {
    let catalog = try! Catalog.bundled()

    /// A sample of accelerators: the catalog figures and the text quoted in each row's source column.
    struct Datasheet: Sendable, CustomTestStringConvertible {
        var id: String
        var tdpW: Double?
        var teraflops: Double
        var memoryGb: Double?
        var bandwidthGbPerS: Double?
        var year: Int
        var quoted: [String]
        var testDescription: String { id }
    }

    static let datasheets: [Datasheet] = [
        Datasheet(id: "h100-sxm", tdpW: 700, teraflops: 989, memoryGb: 80, bandwidthGbPerS: 3350, year: 2022,
                  quoted: ["700 W SXM", "989 TFLOP/s BF16 dense", "3.35 TB/s"]),
        Datasheet(id: "v100", tdpW: 300, teraflops: 125, memoryGb: 16, bandwidthGbPerS: 900, year: 2017,
                  quoted: ["16 GB HBM2", "the 32 GB part followed in 2018", "measured 325 W"]),
        Datasheet(id: "v100-32gb", tdpW: 300, teraflops: 125, memoryGb: 32, bandwidthGbPerS: 900, year: 2018,
                  quoted: ["32 GB HBM2"]),
        Datasheet(id: "l40s", tdpW: 350, teraflops: 362.05, memoryGb: 48, bandwidthGbPerS: 864, year: 2023,
                  quoted: ["350 W", "362.05 TFLOP/s BF16 tensor dense (733 with sparsity)", "864 GB/s"]),
        Datasheet(id: "gb200", tdpW: 1200, teraflops: 2500, memoryGb: 186, bandwidthGbPerS: 8000, year: 2024,
                  quoted: ["1200 W", "2.5 PFLOP/s FP16/BF16 dense (5 with sparsity)", "13.4 TB HBM3e"]),
        Datasheet(id: "b100", tdpW: 700, teraflops: 1750, memoryGb: 192, bandwidthGbPerS: 8000, year: 2024,
                  quoted: ["700 W per GPU", "28 PFLOP/s FP16/BF16 with sparsity per 8 GPUs = 1.75 PFLOP/s dense per GPU"]),
        Datasheet(id: "b300", tdpW: 1100, teraflops: 2250, memoryGb: 288, bandwidthGbPerS: 8000, year: 2025,
                  quoted: ["36 PFLOP/s FP16/BF16 with sparsity per 8 GPUs = 2.25 PFLOP/s dense per GPU", "1.1 kW"]),
        Datasheet(id: "h20", tdpW: 400, teraflops: 148, memoryGb: 96, bandwidthGbPerS: 4000, year: 2024,
                  quoted: ["400 W, 148 TFLOP/s FP16 dense, 96 GB HBM3, 4.0 TB/s"]),
        Datasheet(id: "mi210", tdpW: 300, teraflops: 181, memoryGb: 64, bandwidthGbPerS: 1638.4, year: 2022,
                  quoted: ["300 W PCIe, 181 TFLOP/s FP16/BF16 matrix, 64 GB HBM2e, 1.6 TB/s"]),
        Datasheet(id: "mi325x", tdpW: 1000, teraflops: 1307.4, memoryGb: 256, bandwidthGbPerS: 6000, year: 2024,
                  quoted: ["1000 W OAM, 1307.4 TFLOP/s FP16/BF16 dense, 256 GB HBM3e, 6 TB/s"]),
        Datasheet(id: "gaudi2", tdpW: 600, teraflops: 432, memoryGb: 96, bandwidthGbPerS: 2460, year: 2022,
                  quoted: ["Gaudi 2 600 W OAM, 432 TFLOP/s BF16, 96 GB HBM2e, 2.46 TB/s"]),
        Datasheet(id: "gaudi3", tdpW: 900, teraflops: 1835, memoryGb: 128, bandwidthGbPerS: 3670, year: 2024,
                  quoted: ["900 W OAM", "1835 TFLOP/s BF16 matrix, 128 GB HBM2e, 3.67 TB/s"]),
        Datasheet(id: "tpu-v4", tdpW: nil, teraflops: 275, memoryGb: 32, bandwidthGbPerS: 1200, year: 2020,
                  quoted: ["275 TFLOP/s BF16 per chip, 32 GiB HBM2, 1200 GBps", "90/170/192 W", "in service since 2020"]),
        Datasheet(id: "tpu-v6e", tdpW: nil, teraflops: 918, memoryGb: 32, bandwidthGbPerS: 1638, year: 2024,
                  quoted: ["918 TFLOP/s BF16 per chip, 32 GB HBM, 1638 GBps"]),
        Datasheet(id: "tpu-v7", tdpW: nil, teraflops: 2307, memoryGb: 192, bandwidthGbPerS: 7300, year: 2025,
                  quoted: ["2307 TFLOP/s BF16 per chip, 192 GiB HBM", "7.3 TB/s"]),
        Datasheet(id: "trainium2", tdpW: nil, teraflops: 667, memoryGb: 96, bandwidthGbPerS: 3000, year: 2024,
                  quoted: ["667 TFLOP/s BF16/FP16 dense per chip (2,563 with sparsity), 96 GiB HBM, 3 TB/s"]),
        Datasheet(id: "inferentia2", tdpW: nil, teraflops: 190, memoryGb: 32, bandwidthGbPerS: 820, year: 2023,
                  quoted: ["190 TFLOP/s FP16/BF16 per chip, 32 GiB HBM, 820 GiB/s"]),
    ]

    @Test("datasheet sample: catalog figures match the values quoted in the source column", arguments: datasheets)
    func datasheet(_ d: Datasheet) throws {
        let a = try catalog.accelerator(named: d.id)
        #expect(a.id == d.id)
        #expect(a.tdpW == d.tdpW)
        #expect(abs(a.peakFlopsPerS - d.teraflops * 1e12) < 1)
        #expect(a.memoryGb == d.memoryGb)
        #expect(a.memoryBandwidthGbPerS == d.bandwidthGbPerS)
        #expect(a.releaseYear == d.year)
        for quote in d.quoted { #expect(a.source.contains(quote), "\(d.id): \(quote)") }
    }

    @Test("Google's measured mean power is kept where no TDP is published (TPU v3 220 W, v4 170 W)")
    func vendorMean() throws {
        #expect(try catalog.accelerator(named: "tpu v4").vendorMeanPowerW == 170)
        #expect(try catalog.accelerator(named: "tpu v3").vendorMeanPowerW == 220)
        #expect(try catalog.accelerator(named: "tpu v3").measuredPowerW == 283)
    }

    @Test("dense peaks only: where a source quotes a sparse figure, the catalog peak is half of it")
    func denseOnly() {
        for a in catalog.accelerators {
            let tflops = a.peakFlopsPerS / 1e12
            // "(733 with sparsity)", "(5 with sparsity)" in PFLOP/s, "(2,563 with sparsity)": twice the dense figure or more.
            guard let range = a.source.range(of: " with sparsity)") else { continue }
            let before = a.source[..<range.lowerBound]
            guard let open = before.lastIndex(of: "(") else { continue }
            let number = Double(String(before[before.index(after: open)...]).replacingAll(",", with: "")) ?? 0
            let sparse = number < 100 ? number * 1000 : number  // PFLOP/s quoted for Blackwell
            #expect(sparse >= 1.9 * tflops, "\(a.id): \(tflops) vs sparse \(sparse)")
        }
    }

    @Test("every accelerator has a source; every embodied figure is positive")
    func accelerators() {
        #expect(catalog.accelerators.count >= 39)
        for a in catalog.accelerators {
            #expect(!a.source.isEmpty)
            #expect(a.embodiedKg > 0)
            #expect(a.peakFlopsPerS > 1e12)
        }
    }

    @Test("embodied per accelerator: the BLOOM anchor for the A100 80GB, the documented proxy elsewhere, each with spread and source")
    func embodied() throws {
        let a100 = try catalog.accelerator(named: "A100 80GB")
        #expect(a100.embodiedKg == 462.5 && a100.embodiedGsd == 1.4506)
        #expect(a100.embodiedSource?.contains("Luccioni et al. 2022") == true)
        // 312.5 kg server share + 150 kg × (0.5 × 80/80 + 0.5 × 700/400) = 312.5 + 206.25 = 518.75.
        let h100 = try catalog.accelerator(named: "H100")
        #expect(h100.embodiedKg == 518.8)
        // B200: 312.5 + 150 × (0.5 × 180/80 + 0.5 × 1000/400) = 312.5 + 356.25 = 668.75.
        #expect(try catalog.accelerator(named: "B200").embodiedKg == 668.8)
        #expect(try catalog.accelerator(named: "L4").embodiedKg < h100.embodiedKg)
        for a in catalog.accelerators {
            #expect((a.embodiedGsd ?? 0) > 1.4, "\(a.id)")
            #expect(!(a.embodiedSource ?? "").isEmpty, "\(a.id)")
        }
        #expect(Set(catalog.accelerators.map(\.embodiedKg)).count > 20)
    }

    // MARK: Grid spread

    /// Mix A, worked by hand: 50% coal, 50% onshore wind.
    ///
    /// σ_coal = ln(910/740) / (2 × 2.3263) = 0.206794 / 4.652696 = 0.044446;
    /// σ_wind = ln(56/7) / 4.652696 = 2.079442 / 4.652696 = 0.446933.
    /// Emissions at medians: coal 0.5 × 820 = 410, wind 0.5 × 11 = 5.5, I = 415.5;
    /// w_coal = 410 / 415.5 = 0.986763, w_wind = 0.013237.
    /// mix = √((0.986763 × 0.044446)² + (0.013237 × 0.446933)²) = √(0.0019235 + 0.0000350) = 0.044255.
    /// Year: W = 0.5 (wind), T = 0.5 (coal); ΔT = min(0.1 × 0.5, 0.5 × 0.5) = 0.05; m_T = 820, m_W = 11;
    /// shift = ln(1 + 0.05 × (820 − 11) / 415.5) = ln(1.097353) = 0.092901; year = √(0.03² + 0.092901²) = 0.097624.
    /// Datasets 0.5 and 0.4 kg/kWh: |ln(1.25)| / √2 = 0.223144 / 1.414214 = 0.157786.
    /// gsd = exp(√(0.0019585 + 0.0095304 + 0.0248964)) = exp(√0.0363853) = exp(0.190749) = 1.210157.
    @Test("spread formula, mix A (50% coal, 50% wind) worked by hand")
    func spreadCoalWind() {
        let sources = catalog.generationSources
        let mix = ["coal": 0.5, "wind": 0.5]
        #expect(abs(GridSpread.sourceSigma("coal", in: sources)! - 0.044446) < 1e-6)
        #expect(abs(GridSpread.sourceSigma("wind", in: sources)! - 0.446933) < 1e-6)
        #expect(abs(GridSpread.mixSigma(mix, sources: sources) - 0.044255) < 1e-6)
        #expect(abs(GridSpread.yearSigma(mix, sources: sources) - 0.097624) < 1e-6)
        let data = GridSpread.datasetSigma(0.5, 0.4)
        #expect(abs(data - 0.157786) < 1e-6)
        #expect(abs(GridSpread.gsd(mix: mix, datasetSigma: data, sources: sources) - 1.210157) < 1e-5)
    }

    /// Mix B, worked by hand: 90% hydro, 10% gas (a hydro grid with a small gas fleet).
    ///
    /// σ_hydro = ln(2200/1) / 4.652696 = 7.696213 / 4.652696 = 1.654141; σ_gas = ln(650/410) / 4.652696 = 0.099043.
    /// Emissions: hydro 0.9 × 24 = 21.6, gas 0.1 × 490 = 49, I = 70.6; w_hydro = 0.305949, w_gas = 0.694051.
    /// mix = √((0.305949 × 1.654141)² + (0.694051 × 0.099043)²) = √(0.256118 + 0.004725) = 0.510730.
    /// Year: W = 0.9, T = 0.1; ΔT = min(0.09, 0.05) = 0.05 (the gas fleet can add half its output);
    /// shift = ln(1 + 0.05 × (490 − 24) / 70.6) = ln(1.330028) = 0.285200; year = √(0.03² + 0.285200²) = 0.286774.
    /// With a dataset term of 0: gsd = exp(√(0.260845 + 0.082239)) = exp(√0.343084) = exp(0.585734) = 1.79621.
    @Test("spread formula, mix B (90% hydro, 10% gas) worked by hand: hydro grids swing more")
    func spreadHydroGas() {
        let sources = catalog.generationSources
        let mix = ["hydro": 0.9, "gas": 0.1]
        #expect(abs(GridSpread.sourceSigma("hydro", in: sources)! - 1.654141) < 1e-6)
        #expect(abs(GridSpread.mixSigma(mix, sources: sources) - 0.510730) < 1e-6)
        #expect(abs(GridSpread.yearSigma(mix, sources: sources) - 0.286774) < 1e-6)
        let gsd = GridSpread.gsd(mix: mix, datasetSigma: 0, sources: sources)
        #expect(abs(gsd - 1.796_21) < 1e-4)
        #expect(gsd > GridSpread.gsd(mix: ["coal": 0.5, "wind": 0.5], datasetSigma: 0, sources: sources))
    }

    @Test("every grid's gsd is the formula applied to its own (or its country's) mix and its dataset term")
    func spreadsMatchFormula() throws {
        let sources = catalog.generationSources
        var checked = 0
        for grid in catalog.grids {
            let spread = try #require(grid.spread, "\(grid.id)")
            let gsd = try #require(grid.intensityGsd)
            let mixGrid = try spread.mixOf.map { try catalog.grid(named: $0) }
            let recomputed = GridSpread.gsd(mix: mixGrid?.generationMix, datasetSigma: spread.datasetSigma, sources: sources)
            #expect(abs(recomputed / gsd - 1) < 1e-4, "\(grid.id): \(recomputed) vs \(gsd)")
            if let m = spread.mixSigma, let mix = mixGrid?.generationMix {
                #expect(abs(GridSpread.mixSigma(mix, sources: sources) - m) < 1e-4, "\(grid.id)")
            }
            checked += 1
        }
        #expect(checked == catalog.grids.count)
    }

    @Test("CodeCarbon and EcoLogits disagree: the dataset term of France is |ln(a/b)|/√2")
    func datasetDisagreement() throws {
        let fra = try catalog.grid(named: "FRA")
        let other = try #require(fra.crossCheck?.intensityKgPerKwh)
        #expect(abs(try #require(fra.spread?.datasetSigma) - GridSpread.datasetSigma(fra.intensityKgPerKwh, other)) < 1e-5)
        #expect(fra.spread?.datasetSigmaMeasured == true)
    }

    @Test("hydro- and nuclear-heavy grids have wider spreads than fossil grids")
    func spreadsByMix() throws {
        let nor = try catalog.grid(named: "NOR").intensityGsd!, fra = try catalog.grid(named: "FRA").intensityGsd!
        let pol = try catalog.grid(named: "POL").intensityGsd!, usa = try catalog.grid(named: "USA").intensityGsd!
        #expect(nor > fra && fra > usa && fra > pol)
        #expect(pol < 1.2 && usa < 1.2)
    }

    // MARK: Basis, year, source, water

    @Test("every grid carries its year, source, basis, spread and water intensity")
    func gridFields() {
        for g in catalog.grids {
            #expect(g.year >= 2009 && g.year <= 2025, "\(g.id)")  // OWID keeps 2009 for Western Sahara, 2021 for four territories
            #expect(!g.source.isEmpty)
            #expect(g.basis.method == .locationBased)
            #expect((g.intensityGsd ?? 0) >= 1)
            #expect((g.waterIntensityLPerKwh ?? 0) > 0, "\(g.id)")
            #expect(!(g.waterSource ?? "").isEmpty)
        }
    }

    @Test("basis by source: OWID countries lifecycle/production; eGRID and China MEE direct combustion")
    func basis() throws {
        #expect(try catalog.grid(named: "FRA").basis == GridBasis(emissions: .lifecycle, method: .locationBased, scope: .production))
        #expect(try catalog.grid(named: "US-CA").basis.emissions == .directCombustion)
        #expect(try catalog.grid(named: "CN-BJ").basis == GridBasis(emissions: .directCombustion, method: .locationBased, scope: .consumption))
        #expect(try catalog.grid(named: "SE3").basis.emissions == .lifecycle)
        #expect(try catalog.grid(named: "FRA").basis.description == "lifecycle, location-based, production")
    }

    @Test("water intensity of electricity by country (EcoLogits): France and the USA differ; US states use the USA's")
    func water() throws {
        let fra = try #require(try catalog.grid(named: "FRA").waterIntensityLPerKwh)
        let usa = try #require(try catalog.grid(named: "USA").waterIntensityLPerKwh)
        #expect(fra == 3.6737 && usa == 3.1321)
        #expect(try catalog.grid(named: "US-CA").waterIntensityLPerKwh == usa)
        #expect(try catalog.grid(named: "WORLD").waterIntensityLPerKwh == 3.908)
        #expect(try catalog.grid(named: "QAT").waterSource?.contains("world average") == true)
    }

    // MARK: Cloud regions

    @Test("stale AWS/Azure rows fall back to their location grid, keep the stale value, and carry the provider PUE")
    func staleCloud() throws {
        let aws = try catalog.grid(named: "aws:us-east-1")
        let virginia = try catalog.grid(named: "US-VA")
        #expect(aws.isFallback)
        #expect(aws.locationGrid == "US-VA")
        #expect(aws.intensityKgPerKwh == virginia.intensityKgPerKwh)
        #expect(aws.basis == virginia.basis)
        #expect(aws.staleSnapshot?.intensityKgPerKwh == 0.3678)
        #expect(aws.providerPUE == 1.15)
        let azure = try catalog.grid(named: "azure:westeurope")
        #expect(azure.locationGrid == "NLD" && azure.providerPUE == 1.18 && azure.isFallback)
        for g in catalog.grids where g.kind == "cloud-region" && !g.id.hasPrefix("gcp:") {
            #expect(g.isFallback, "\(g.id)")
            #expect(g.year >= 2022, "\(g.id)")
        }
    }

    @Test("Google regions keep Google's figure, with the location grid as the dataset cross-check and PUE 1.10")
    func googleRegions() throws {
        let doha = try catalog.grid(named: "gcp:me-central1")
        #expect(doha.intensityKgPerKwh == 0.575)
        #expect(doha.locationGrid == "QAT" && doha.providerPUE == 1.10 && !doha.isFallback)
        let qatar = try catalog.grid(named: "QAT")
        #expect(abs(doha.spread!.datasetSigma - GridSpread.datasetSigma(0.575, qatar.intensityKgPerKwh)) < 1e-5)
    }

    @Test("data versions are embedded: catalog version and sources")
    func versions() {
        #expect(Catalog.dataVersions.first?.name == "catalogs")
        #expect(Catalog.dataVersionLines.contains { $0.hasPrefix("EcoLogits") })
    }
}

/// The catalog-side priors EstimateSpec and ProjectionSpec can use for a named grid or accelerator.
@Suite("Catalog priors")
struct CatalogPriorTests {
    let catalog = try! Catalog.bundled()

    @Test("water prior: France and the USA differ; no value, no prior")
    func water() throws {
        let fra = try #require(try catalog.grid(named: "FRA").waterIntensityPrior)
        let usa = try #require(try catalog.grid(named: "USA").waterIntensityPrior)
        #expect(abs(fra.median - 3.6737) < 1e-9 && abs(usa.median - 3.1321) < 1e-9)
        #expect(fra.input == "water_intensity" && fra.unit == "L/kWh")
    }

    @Test("grid prior lists the basis and the spread terms")
    func grid() throws {
        let prior = try #require(try catalog.grid(named: "US-CA").intensityPrior())
        #expect(prior.source.contains("basis: direct combustion, location-based, production"))
        #expect(prior.source.contains("mix of USA"))
        #expect(abs(prior.median - 0.179064) < 1e-9)
    }

    @Test("provider PUE prior: AWS 1.15 as the mode; none outside cloud regions")
    func pue() throws {
        let aws = try #require(try catalog.grid(named: "aws:us-east-1").providerPUEPrior)
        guard case .pert(let low, let mode, let high) = aws.distribution else { Issue.record("not a pert"); return }
        #expect(abs(low - 1.09) < 1e-12 && mode == 1.15 && abs(high - 1.35) < 1e-12)
        #expect(try catalog.grid(named: "FRA").providerPUEPrior == nil)
    }

    @Test("embodied prior uses the row's gsd and source; TPU v4 power from Google's measured mean")
    func accelerator() throws {
        let h100 = try catalog.accelerator(named: "H100").embodiedPrior
        #expect(abs(h100.median - 518.8) < 1e-9)
        #expect(h100.source.contains("Proxy"))
        let v4 = try #require(try catalog.accelerator(named: "TPU v4").vendorMeanPowerPrior)
        #expect(abs(v4.median - 170) < 1e-9)
        #expect(try catalog.accelerator(named: "H100").vendorMeanPowerPrior == nil)
    }
}
