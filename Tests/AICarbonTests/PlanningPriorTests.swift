import Foundation
import Testing
@testable import AICarbon

/// A published training run of `data/calibration-2025.csv`: what a planner knows and the accelerator-hours
/// the run really used.
struct PlannedRun: Sendable, CustomTestStringConvertible {
    var model: String
    var active: Double?
    var total: Double?
    var flops: Double
    var peak: Double
    var year: Int
    var distilled: Bool
    var hours: Double
    var testDescription: String { model }

    init(_ model: String, active: Double?, total: Double?, flops: Double, peak: Double, year: Int, distilled: Bool, hours: Double) {
        (self.model, self.active, self.total, self.flops, self.peak, self.year, self.distilled, self.hours) =
            (model, active, total, flops, peak, year, distilled, hours)
    }

    /// Chip-hours at utilisation `u`: `FLOPs / (peak × u) / 3600`.
    func chipHours(_ u: Double) -> Double { flops / (peak * u) / 3600 }
}

@Suite("Planning prior for effective utilisation (calibration v2)")
struct PlanningPriorTests {
    typealias Run = PlannedRun

    /// Every run of `data/calibration-2025.csv`: GPU-hours from the model cards, Touvron et al. 2023 Table 15
    /// and Patterson et al. 2021 Table 4 (chips × days × 24); peak dense BF16 FLOP/s from the catalog.
    static let runs: [Run] = [
        Run("Llama 2 7B", active: 6.7e9, total: 6.7e9, flops: 6 * 6.7e9 * 2.0e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 184320),
        Run("Llama 3 8B", active: 8.0e9, total: 8.0e9, flops: 6 * 8.0e9 * 15.0e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 1300000),
        Run("Llama 3 70B", active: 70.6e9, total: 70.6e9, flops: 6 * 70.6e9 * 15.0e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 6400000),
        Run("Llama 3.2 1B", active: 1.23e9, total: 1.23e9, flops: 6 * 1.23e9 * 9.0e12, peak: 9.89e+14, year: 2022, distilled: true, hours: 370000),
        Run("Llama 4 Scout", active: 17e9, total: 109e9, flops: 6 * 17e9 * 40e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 5000000),
        Run("Granite 3.0 2B", active: 2.5e9, total: 2.5e9, flops: 6 * 2.5e9 * 12e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 192030),
        Run("Granite 3.0 1B-A400M", active: 0.4e9, total: 1.3e9, flops: 6 * 0.4e9 * 10e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 71171),
        Run("SmolLM3 3B", active: 3.08e9, total: 3.08e9, flops: 6 * 3.08e9 * 11.2e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 221184),
        Run("DeepSeek-V3", active: 37e9, total: 671e9, flops: 6 * 37e9 * 14.8e12, peak: 9.89e+14, year: 2023, distilled: false, hours: 2664000),
        Run("Llama 2 13B", active: 13.0e9, total: 13.0e9, flops: 6 * 13.0e9 * 2.0e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 368640),
        Run("Llama 2 70B", active: 70e9, total: 70e9, flops: 6 * 70e9 * 2.0e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 1720320),
        Run("Llama 3.1 8B", active: 8.0e9, total: 8.0e9, flops: 6 * 8.0e9 * 15.0e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 1460000),
        Run("Llama 3.1 70B", active: 70.6e9, total: 70.6e9, flops: 6 * 70.6e9 * 15.0e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 7000000),
        Run("Llama 3.1 405B", active: 405e9, total: 405e9, flops: 6 * 405e9 * 15.6e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 30840000),
        Run("Llama 3.2 3B", active: 3.21e9, total: 3.21e9, flops: 6 * 3.21e9 * 9.0e12, peak: 9.89e+14, year: 2022, distilled: true, hours: 460000),
        Run("Llama 4 Maverick", active: 17e9, total: 400e9, flops: 6 * 17e9 * 22e12, peak: 9.89e+14, year: 2022, distilled: false, hours: 2380000),
        Run("LLaMA-7B", active: 6.7e9, total: 6.7e9, flops: 6 * 6.7e9 * 1.0e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 82432),
        Run("LLaMA-13B", active: 13e9, total: 13e9, flops: 6 * 13e9 * 1.0e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 135168),
        Run("LLaMA-33B", active: 32.5e9, total: 32.5e9, flops: 6 * 32.5e9 * 1.4e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 530432),
        Run("LLaMA-65B", active: 65.2e9, total: 65.2e9, flops: 6 * 65.2e9 * 1.4e12, peak: 3.12e+14, year: 2020, distilled: false, hours: 1022362),
        Run("OPT-175B", active: 175e9, total: 175e9, flops: 6 * 175e9 * 180e9, peak: 3.12e+14, year: 2020, distilled: false, hours: 809472),
        Run("BLOOM-176B", active: 176e9, total: 176e9, flops: 6 * 176e9 * 366e9, peak: 3.12e+14, year: 2020, distilled: false, hours: 1082880),
        Run("T5 11B", active: nil, total: nil, flops: 4.05e+22, peak: 1.23e+14, year: 2018, distilled: false, hours: 512 * 20 * 24),
        Run("Meena 2.6B", active: nil, total: nil, flops: 1.12e+23, peak: 1.23e+14, year: 2018, distilled: false, hours: 1024 * 30 * 24),
        Run("GShard-600B", active: nil, total: nil, flops: 1.33e+22, peak: 1.23e+14, year: 2018, distilled: false, hours: 1024 * 3.1 * 24),
        Run("Switch Transformer", active: nil, total: nil, flops: 8.22e+22, peak: 1.23e+14, year: 2018, distilled: false, hours: 1024 * 27 * 24),
        Run("GPT-3 175B", active: nil, total: nil, flops: 3.14e+23, peak: 1.25e+14, year: 2017, distilled: false, hours: 10_000 * 14.8 * 24),
    ]

    @Test("published accelerator-hours lie inside the prior's 90% interval (analytic truncated-lognormal quantiles)",
          arguments: runs)
    func covered(_ run: Run) {
        let d = PlanningPrior.distribution(activeParameters: run.active, releaseYear: run.year, distilled: run.distilled)
        // Chip-hours fall as u rises: the 5th percentile of chip-hours is at u's 95th.
        let low = run.chipHours(d.quantile(0.95)), high = run.chipHours(d.quantile(0.05))
        #expect(low <= run.hours && run.hours <= high, "\(run.model): \(run.hours) h not in [\(low), \(high)]")
    }

    @Test("the fitted numbers of scripts/calibrate_planning.py (log-scale mean and sd at four runs)",
          arguments: [("Llama 3 8B", -1.499_483, 0.428_160), ("Llama 3.2 1B", -2.566_031, 0.518_797),
                      ("DeepSeek-V3", -1.140_903, 0.437_291), ("LLaMA-65B", -1.100_325, 0.438_292)])
    func fitted(_ model: String, _ mu: Double, _ sigma: Double) throws {
        let run = try #require(Self.runs.first { $0.model == model })
        let m = PlanningPrior.logMoments(activeParameters: run.active, releaseYear: run.year, distilled: run.distilled)
        #expect(abs(m.mu - mu) < 1e-5)
        #expect(abs(m.sigma - sigma) < 1e-5)
    }

    @Test("the covariance matrices are symmetric and positive on the diagonal")
    func covariances() {
        for fit in [PlanningPrior.sizeFit, PlanningPrior.flopsFit] {
            #expect(fit.coefficients.count == fit.features.count + 1)
            for i in fit.covariance.indices {
                #expect(fit.covariance[i][i] > 0)
                for j in fit.covariance.indices { #expect(fit.covariance[i][j] == fit.covariance[j][i]) }
            }
        }
    }

    @Test("leave-one-out figures as documented: every run inside at a width p95/p05 of 3.7; in sample the same width")
    func leaveOneOut() {
        #expect(PlanningPrior.leaveOneOut.inside == PlanningPrior.leaveOneOut.runs)
        #expect(PlanningPrior.leaveOneOut.runs == Self.runs.filter { $0.year >= 2020 }.count)
        #expect(PlanningPrior.leaveOneOut.width == 3.71)
        let set2025 = PlanningPrior.leaveOneOutCalibrationSet2025
        #expect(set2025.inside == 9 && set2025.runs == 9 && set2025.width == 3.98)
        // In sample (full-data prior, truncated at 0.6): the script's geometric-mean width of chip-hours, 3.72.
        let logWidths = Self.runs.filter { $0.year >= 2020 }.map { run -> Double in
            let d = PlanningPrior.distribution(activeParameters: run.active, releaseYear: run.year, distilled: run.distilled)
            return Foundation.log(d.quantile(0.95) / d.quantile(0.05))
        }
        let inSample = Foundation.exp(logWidths.reduce(0, +) / Double(logWidths.count))
        #expect(abs(inSample - 3.72) < 0.01)
    }

    @Test("utilisation rises with size on H100-era hardware and is higher on the A100 generation; distillation halves it")
    func shape() {
        let small = PlanningPrior.logMoments(activeParameters: 1e9, releaseYear: 2022).mu
        let large = PlanningPrior.logMoments(activeParameters: 100e9, releaseYear: 2022).mu
        #expect(large > small)
        #expect(PlanningPrior.logMoments(activeParameters: 10e9, releaseYear: 2020).mu > PlanningPrior.logMoments(activeParameters: 10e9, releaseYear: 2022).mu)
        let ratio = Foundation.exp(PlanningPrior.logMoments(activeParameters: 3e9, releaseYear: 2022, distilled: true).mu
                                   - PlanningPrior.logMoments(activeParameters: 3e9, releaseYear: 2022).mu)
        #expect(abs(ratio - Foundation.exp(-0.628_138)) < 1e-12)
        #expect(PlanningPrior.Generation(releaseYear: 2019) == .before2020)
        #expect(PlanningPrior.Generation(releaseYear: 2021) == .a100Era)
        #expect(PlanningPrior.Generation(releaseYear: 2024) == .h100Era)
    }

    @Test("the distribution stays in (0, 0.6]")
    func bounded() {
        for year in [2018, 2020, 2022] {
            for n in [1e8, 1e10, 1e12] {
                let d = PlanningPrior.distribution(activeParameters: n, releaseYear: year)
                #expect(d.quantile(0.999_999) <= PlanningPrior.maximumUtilization)
                #expect(d.quantile(1e-6) > 0)
                #expect(d.median > 0.02 && d.median < PlanningPrior.maximumUtilization)
            }
        }
    }

    @Test("the assumption says which prior and why: size, mixture of experts, generation, recipe")
    func assumptionText() {
        let moe = PlanningPrior.utilization(activeParameters: 17e9, totalParameters: 109e9, releaseYear: 2022, accelerator: "NVIDIA H100 SXM5 80GB")
        #expect(moe.input == "mfu")
        #expect(moe.source.contains("17B active parameters"))
        #expect(moe.source.contains("mixture of experts"))
        #expect(moe.source.contains("H100 era"))
        #expect(moe.source.contains("leave-one-out 22/22"))
        let dense = PlanningPrior.utilization(activeParameters: 1.23e9, totalParameters: 1.23e9, releaseYear: 2022, accelerator: "H100", distilled: true)
        #expect(dense.source.contains("(dense)") && dense.source.contains("distilled"))
        let old = PlanningPrior.utilization(activeParameters: nil, totalParameters: nil, releaseYear: 2017, accelerator: "V100")
        #expect(old.source.contains("Patterson et al. 2021"))
        let flops = PlanningPrior.utilization(activeParameters: nil, totalParameters: nil, releaseYear: 2022, accelerator: "H100")
        #expect(flops.source.contains("size-free"))
    }
}

@Suite("Planning prior through the estimate engine")
struct PlanningPriorEngineTests {
    /// A run given as a planner would (parameters, tokens, accelerator) with the authors' power convention.
    struct Case: Sendable, CustomTestStringConvertible {
        var model: String
        var hardware: String
        var active: Double
        var total: Double
        var tokens: Double
        var watts: Double
        var pue: Double
        var kgPerKWh: Double
        /// Published energy (MWh) or, when `nil`, published CO2e (t) in ``publishedTonnes``.
        var publishedMWh: Double?
        var publishedTonnes: Double?
        var testDescription: String { model }
    }

    static let cases: [Case] = [
        // Granite 3.0 report Table 7: 700 W, PUE 1.3, 0.39 kg/kWh.
        Case(model: "Granite 3.0 2B", hardware: "h100-sxm", active: 2.5e9, total: 2.5e9, tokens: 12e12, watts: 700, pue: 1.3,
             kgPerKWh: 0.39, publishedMWh: 174.6, publishedTonnes: nil),
        Case(model: "Granite 3.0 1B-A400M", hardware: "h100-sxm", active: 0.4e9, total: 1.3e9, tokens: 10e12, watts: 700, pue: 1.3,
             kgPerKWh: 0.39, publishedMWh: 64.5, publishedTonnes: nil),
        // Llama 3 and 4 model cards: 700 W, PUE folded into the card factor (1,900 t / (6.4M h x 0.7 kW) = 0.424 kg/kWh; Scout 0.387).
        Case(model: "Llama 3 70B", hardware: "h100-sxm", active: 70.6e9, total: 70.6e9, tokens: 15e12, watts: 700, pue: 1,
             kgPerKWh: 1900e3 / (6.4e6 * 0.7), publishedMWh: nil, publishedTonnes: 1900),
        Case(model: "Llama 4 Scout", hardware: "h100-sxm", active: 17e9, total: 109e9, tokens: 40e12, watts: 700, pue: 1,
             kgPerKWh: 1354e3 / (5.0e6 * 0.7), publishedMWh: nil, publishedTonnes: 1354),
    ]

    @Test("the prior as --mfu gives the analytic chip-hour interval, and the published energy or CO2e falls inside",
          arguments: cases)
    func engine(_ c: Case) throws {
        let catalog = try Catalog.bundled()
        let accelerator = try catalog.accelerator(named: c.hardware)
        let prior = PlanningPrior.utilization(activeParameters: c.active, totalParameters: c.total,
                                              releaseYear: accelerator.releaseYear, accelerator: accelerator.name)
        var spec = EstimateSpec()
        spec.hardware = c.hardware
        spec.parameters = .fixed(c.total)
        spec[.activeParameters] = .fixed(c.active)
        spec[.tokens] = .fixed(c.tokens)
        spec[.mfu] = prior.distribution
        spec[.powerW] = .fixed(c.watts)
        spec[.pue] = .fixed(c.pue)
        spec.grid = .intensity(.fixed(c.kgPerKWh))
        let report = try Estimate.run(spec, catalog: catalog, settings: SimulationSettings(samples: 20_000, seed: 1, method: .lhs, threads: 2))
        let hours = try #require(report.summary(.chipHours))
        let flops = 6 * c.active * c.tokens
        let analyticLow = flops / (accelerator.peakFlopsPerS * prior.distribution.quantile(0.95)) / 3600
        let analyticHigh = flops / (accelerator.peakFlopsPerS * prior.distribution.quantile(0.05)) / 3600
        #expect(abs(try #require(hours.percentile(5)) / analyticLow - 1) < 0.03)
        #expect(abs(try #require(hours.percentile(95)) / analyticHigh - 1) < 0.03)
        if let mwh = c.publishedMWh {
            let e = try #require(report.summary(.energyKWh))
            #expect(try #require(e.percentile(5)) / 1000 <= mwh && mwh <= (try #require(e.percentile(95))) / 1000)
        }
        if let tonnes = c.publishedTonnes {
            let co2 = try #require(report.summary(.co2eKg))
            #expect(try #require(co2.percentile(5)) / 1000 <= tonnes && tonnes <= (try #require(co2.percentile(95))) / 1000)
        }
    }
}

@Suite("Inference prior: prefill and decode")
struct InferencePriorTests {
    @Test("reproduces the script's point check: Llama 3.1 405B FP8 on 8 x H100, batch 8, priors at their medians")
    func pointCheck() throws {
        let bandwidth = try #require(InferencePrior.memoryBandwidth(of: Catalog.bundled().accelerator(named: "h100-sxm")))
        let s = InferencePrior.chipSeconds(
            activeParameters: 405e9, totalParameters: 405e9, bytesPerParameter: 1, inputTokens: 447, outputTokens: 387,
            batch: 8, chips: 8, peakFlopsPerS: 1979e12, bandwidthBytesPerS: bandwidth, kvBytesPerToken: 2 * 126 * 8 * 128 * 2,
            // The script's values: the geometric middles of the priors' 5th-95th ranges (0.2-0.6, 0.3-0.8, 0.1-0.5).
            prefillUtilization: (0.2 * 0.6).squareRoot(), bandwidthUtilization: (0.3 * 0.8).squareRoot(),
            decodeUtilization: (0.1 * 0.5).squareRoot())
        #expect(abs(s.prefill - 0.528_149) < 1e-5)
        #expect(abs(s.decode - 12.015_784) < 1e-5)
        let joulesPerToken = (s.prefill + s.decode) * 490 / 387
        // ML.ENERGY v3 measures 13.98 J per output token at batch 8 (GPU only).
        #expect(joulesPerToken > 13.98 / 3 && joulesPerToken < 13.98 * 3)
        let wh = InferencePrior.energyPerQueryWh(chipSeconds: s, powerW: 490, pue: 1)
        #expect(abs(wh - joulesPerToken * 387 / 3600) < 1e-12)
    }

    @Test("the utilisation priors stay in (0, 1] with their stated 5th and 95th percentiles (plain lognormals put up to 0.8% above 1)")
    func utilisationPriorsInDomain() throws {
        for (prior, p05, p95) in [(InferencePrior.prefillUtilization, 0.2, 0.6), (InferencePrior.bandwidthUtilization, 0.3, 0.8),
                                  (InferencePrior.decodeUtilization, 0.1, 0.5)] {
            let definition = try #require(InputRegistry.definition(prior.input))
            #expect(definition.domain.admits(prior.distribution), "\(prior.input) = \(prior.distribution)")
            #expect(abs(prior.distribution.quantile(0.05) / p05 - 1) < 1e-9 && abs(prior.distribution.quantile(0.95) / p95 - 1) < 1e-9)
            #expect(prior.distribution.quantile(1 - 1e-12) <= 1)
            // The median moves by at most 2% from the plain lognormal's (the truncated mass is below 1%).
            #expect(abs(prior.distribution.quantile(0.5) / (p05 * p95).squareRoot() - 1) < 0.02)
        }
    }

    @Test("every built-in default prior lies in its input's domain (what a user typing it would be held to)")
    func defaultPriorsInDomain() throws {
        let priors = [Defaults.pue, Defaults.powerUtilization, Defaults.hostOverhead, Defaults.mfu, Defaults.inferenceUtilization,
                      Defaults.developmentMultiplier, Defaults.embodiedPerChip, Defaults.lifetime, Defaults.inUse, Defaults.wueOnsite, Defaults.waterIntensity,
                      InferencePrior.prefillUtilization, InferencePrior.bandwidthUtilization, InferencePrior.decodeUtilization,
                      InferencePrior.servingPowerFraction, InferencePrior.kvBytesPerToken, InferencePrior.batchSize]
        for prior in priors {
            let definition = try #require(InputRegistry.definition(prior.input), "\(prior.input)")
            #expect(definition.domain.admits(prior.distribution), "\(prior.input) = \(prior.distribution)")
        }
    }

    @Test("decode energy per token falls with batch size, and weights are read once a step")
    func batching() {
        func perToken(_ batch: Double) -> Double {
            InferencePrior.chipSeconds(activeParameters: 70e9, totalParameters: 70e9, bytesPerParameter: 2, inputTokens: 0,
                                       outputTokens: 100, batch: batch, chips: 2, peakFlopsPerS: 989e12, bandwidthBytesPerS: 3.35e12,
                                       kvBytesPerToken: 320e3, prefillUtilization: 0.4, bandwidthUtilization: 0.6,
                                       decodeUtilization: 0.3).decode / 100
        }
        #expect(perToken(1) > perToken(8) && perToken(8) > perToken(64))
        // Batch 1, no context: one full read of 140 GB over 2 x 3.35 TB/s x 0.6, both chips busy.
        let one = InferencePrior.chipSeconds(activeParameters: 70e9, totalParameters: 70e9, bytesPerParameter: 2, inputTokens: 0,
                                             outputTokens: 1, batch: 1, chips: 2, peakFlopsPerS: 989e12, bandwidthBytesPerS: 3.35e12,
                                             kvBytesPerToken: 0, prefillUtilization: 0.4, bandwidthUtilization: 0.6, decodeUtilization: 0.3)
        #expect(abs(one.decode - 2 * 140e9 / (2 * 3.35e12 * 0.6)) < 1e-12)
    }

    @Test("every catalog accelerator has a datasheet bandwidth (TPU v2 publishes none)")
    func bandwidths() throws {
        let catalog = try Catalog.bundled()
        // Google publishes no TPU v2 bandwidth and NVIDIA no A800 PCIe datasheet (see the catalog sources).
        for a in catalog.accelerators where !["tpu-v2", "a800-pcie-80gb"].contains(a.id) {
            #expect(InferencePrior.memoryBandwidth(of: a) != nil, "\(a.id)")
        }
        #expect(InferencePrior.memoryBandwidth(of: try catalog.accelerator(named: "h100-sxm")) == 3.35e12)
    }
}
