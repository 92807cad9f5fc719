/// Calibrated default priors for inputs a caller leaves out. Each is reported as an ``Assumption``.
///
/// They are chosen so that the published footprints of the reference models fall inside the 90%
/// interval when only parameters (or FLOPs), tokens, hardware, chips and grid are given, with the
/// interval as narrow as that evidence allows (see the calibration table in the README and
/// `CalibrationTests`).
public enum Defaults {
    /// PUE pert(1.05, 1.12, 1.6): hyperscale fleets report 1.09–1.12 (Patterson et al. 2021; Touvron et
    /// al. 2023 use 1.1); the industry average is about 1.58 (Uptime Institute 2023) and bounds the top.
    public static let pue = Assumption(
        input: "pue", distribution: .pert(1.05, 1.12, 1.6), unit: "",
        source: "hyperscale 1.09-1.12 (Patterson et al. 2021; LLaMA 1.1) to the industry average 1.58 (Uptime Institute 2023)")

    /// Power utilization pert(0.6, 0.8, 1.0) of TDP: Patterson et al. 2021 Table 3 measured 0.63–1.08 of
    /// TDP (host included) across P100, V100, TPU v2 and v3.
    public static let powerUtilization = Assumption(
        input: "power_utilization", distribution: .pert(0.6, 0.8, 1.0), unit: "",
        source: "measured average / TDP 0.63-1.08 across four accelerators (Patterson et al. 2021, Table 3)")

    /// Host overhead pert(1.1, 1.25, 1.6): host CPUs, memory and network add roughly a quarter to
    /// accelerator power in 8-GPU servers (Patterson et al. 2021 §2; Luccioni et al. 2022, BLOOM).
    public static let hostOverhead = Assumption(
        input: "host_overhead", distribution: .pert(1.1, 1.25, 1.6), unit: "",
        source: "host share of server power, 8-accelerator servers (Patterson et al. 2021; Luccioni et al. 2022)")

    /// MFU for accelerators released in 2022 or later: pert(0.2, 0.38, 0.55); Llama 3 405B reached
    /// 38–43% on H100 (Dubey et al. 2024).
    public static let mfu = Assumption(
        input: "mfu", distribution: .pert(0.2, 0.38, 0.55), unit: "",
        source: "H100-generation training: Llama 3 405B 38-43% (Dubey et al. 2024)")

    /// MFU by accelerator generation (release year), from achieved / peak throughput of published runs.
    /// - Parameter year: The accelerator's release year.
    /// - Returns: The prior, with its evidence.
    public static func mfu(releaseYear year: Int) -> Assumption {
        if year <= 2019 {
            return Assumption(input: "mfu", distribution: .pert(0.1, 0.3, 0.5), unit: "",
                              source: "V100/TPU v2-v3 era: GPT-3 0.20, Switch 0.28, Meena 0.34, T5 0.37, GShard 0.39 (Patterson et al. 2021, Table 4)")
        }
        if year <= 2021 {
            return Assumption(input: "mfu", distribution: .pert(0.2, 0.42, 0.6), unit: "",
                              source: "A100 era: LLaMA 0.43-0.51 (Touvron et al. 2023), BLOOM 0.32, PaLM 0.46 (Chowdhery et al. 2022)")
        }
        return mfu
    }

    /// Measured average power per chip, host included, where a paper publishes it:
    /// lognormal(median = measured, gsd 1.1); Patterson et al. 2021 report per-model powers within
    /// about ±10% of the chip's average.
    public static func measuredPower(_ watts: Double, of name: String) -> Assumption {
        Assumption(input: "power", distribution: .lognormal(median: watts, gsd: 1.1), unit: "W",
                   source: "\(name) measured average \(JSONValue.numberText(watts)) W with host (Patterson et al. 2021, Table 3); per-model spread about 10%")
    }

    /// Serving utilization pert(0.05, 0.2, 0.5): decoding is memory-bound and reaches a fraction of
    /// training MFU (Pope et al. 2022, "Efficiently Scaling Transformer Inference").
    public static let inferenceUtilization = Assumption(
        input: "inference_utilization", distribution: .pert(0.05, 0.2, 0.5), unit: "",
        source: "decoding is memory-bound, well below training MFU (Pope et al. 2022)")

    /// Development multiplier 1 (fixed): the final training run only.
    public static let developmentMultiplier = Assumption(
        input: "development_multiplier", distribution: .fixed(1), unit: "",
        source: "final run only; OPT reports about 2x for development (Zhang et al. 2022)")

    /// Embodied emissions per accelerator, 250 to 850 kg CO2e (lognormal, median 461 kg): Luccioni et al.
    /// 2022 (BLOOM) estimate 150 kg per GPU + 2,500 kg per 8-GPU server / 8 = 462.5 kg; published
    /// estimates differ by about a factor of two either way (Gupta et al. 2021).
    public static let embodiedPerChip = Assumption(
        input: "embodied_per_chip", distribution: .lognormal(p05: 250, p95: 850), unit: "kg",
        source: "Luccioni et al. 2022 (BLOOM): 150 kg per GPU + 2,500 kg per 8-GPU server / 8; factor ~2 spread (Gupta et al. 2021)")

    /// Service life pert(3, 5, 6) calendar years, in hours: servers are depreciated over 4–6 years;
    /// Luccioni et al. 2022 assume 6 years at 85% use. The share in use (``inUse``, 85% unless `in_use` is
    /// given) is applied on top, to a given `lifetime` and to this prior alike (``EmbodiedEmissions``).
    public static let lifetime = Assumption(
        input: "lifetime", distribution: .pert(3 * 8760, 5 * 8760, 6 * 8760), unit: "h",
        source: "3-6 calendar years of service; servers are depreciated over 4-6 years (Luccioni et al. 2022 assume 6 years at 85% use)")

    /// The share of its calendar service life (`lifetime`) an accelerator is in use when `in_use` is not
    /// given, 0.85 (Luccioni et al. 2022): embodied emissions are amortised over `lifetime × 0.85` hours in use.
    public static let lifetimeUse = 0.85

    /// The default share of the service life in use, fixed at ``lifetimeUse`` (0.85; Luccioni et al. 2022 assume
    /// 6 years at 85% use). A fleet busier or idler than that (a cluster kept full, a reserved but idle one)
    /// gives `in_use` (`--in-use 0.95`, or a distribution such as `0.6 to 0.95`).
    public static let inUse = Assumption(
        input: "in_use", distribution: .fixed(lifetimeUse), unit: "",
        source: "85% of the service life in use (Luccioni et al. 2022 assume 6 years at 85%)")

    /// On-site WUE 0.2 to 1.8 L/kWh (lognormal): US average 0.55 (Li et al. 2023); evaporative cooling up
    /// to about 1.8 (Shehabi et al. 2016).
    public static let wueOnsite = Assumption(
        input: "wue", distribution: .lognormal(p05: 0.2, p95: 1.8), unit: "L/kWh",
        source: "US average 0.55 L/kWh (Li et al. 2023, arXiv:2304.03271); up to ~1.8 with evaporative cooling (Shehabi et al. 2016)")

    /// Water intensity of electricity 1.6 to 6.1 L/kWh (lognormal, median 3.1): US average 3.14 L/kWh
    /// (Li et al. 2023), varying with the generation mix.
    public static let waterIntensity = Assumption(
        input: "water_intensity", distribution: .lognormal(p05: 1.6, p95: 6.1), unit: "L/kWh",
        source: "US average 3.14 L/kWh (Li et al. 2023, arXiv:2304.03271), varying with the mix")

    /// Grid: the world generation-weighted average from the bundled catalog.
    public static let gridName = "WORLD"

    /// Spread of a named grid's intensity: lognormal around the catalog value with this geometric
    /// standard deviation, for year-to-year and within-region variation, where the catalog has no
    /// mix-based spread of its own.
    public static let gridGSD = 1.1

    /// Inference share 0.8 for the top-down split (Patterson et al. 2021, NVIDIA: 80–90%).
    public static let inferenceShare = 0.8
}
