/// Documented defaults for inputs a caller leaves out. Each is reported as an ``Assumption``.
public enum Defaults {
    /// PUE 1.1: Touvron et al. 2023 (LLaMA) assume 1.1 for Meta's data centres; Patterson et al. 2021
    /// report 1.09–1.12 for Google's. The industry-wide average is higher (about 1.58, Uptime
    /// Institute 2023): pass `--pue` for other facilities.
    public static let pue = Assumption(
        input: "pue", value: 1.1, unit: "",
        source: "hyperscale data centre: Touvron et al. 2023 (LLaMA) use 1.1; Patterson et al. 2021 report 1.09-1.12")

    /// Power utilization 1.0: the accelerator draws its TDP on average, the convention of Touvron et
    /// al. 2023 (LLaMA, 400 W per A100) and Dubey et al. 2024 (Llama 3, 700 W per H100).
    public static let powerUtilization = Assumption(
        input: "power_utilization", value: 1.0, unit: "",
        source: "average power = TDP, as in Touvron et al. 2023 (LLaMA) and Dubey et al. 2024 (Llama 3)")

    /// Host overhead 1.0: accelerator power only, as in the LLaMA and Llama 3 model cards.
    public static let hostOverhead = Assumption(
        input: "host_overhead", value: 1.0, unit: "",
        source: "accelerator only, as in Touvron et al. 2023 (LLaMA); Patterson et al. 2021 measured powers include the host")

    /// MFU 0.4: PaLM reached 46.2% (Chowdhery et al. 2022); Llama 3 405B 38–43% (Dubey et al. 2024).
    public static let mfu = Assumption(
        input: "mfu", value: 0.4, unit: "",
        source: "dense LLM training: PaLM 46.2% (Chowdhery et al. 2022), Llama 3 405B 38-43% (Dubey et al. 2024)")

    /// Serving utilization 0.2: autoregressive decoding is memory-bound and reaches a fraction of the
    /// utilization of training (Pope et al. 2022, "Efficiently Scaling Transformer Inference").
    public static let inferenceUtilization = Assumption(
        input: "inference_utilization", value: 0.2, unit: "",
        source: "decoding is memory-bound, well below training MFU (Pope et al. 2022); half the training default")

    /// Development multiplier 1.0: the final training run only.
    public static let developmentMultiplier = Assumption(
        input: "development_multiplier", value: 1.0, unit: "",
        source: "final run only; OPT reports about 2x for development (Zhang et al. 2022)")

    /// Embodied emissions per accelerator, 462.5 kg CO2e: Luccioni et al. 2022 (BLOOM) estimate 150 kg
    /// per GPU and 2,500 kg per 8-GPU server, so 150 + 2,500 / 8.
    public static let embodiedPerChip = Assumption(
        input: "embodied_per_chip", value: 462.5, unit: "kg",
        source: "Luccioni et al. 2022 (BLOOM): 150 kg per GPU + 2,500 kg per 8-GPU server / 8")

    /// Lifetime 44,676 h: six years at 85% use, as assumed by Luccioni et al. 2022 for BLOOM's hardware.
    public static let lifetime = Assumption(
        input: "lifetime", value: 6 * 8760 * 0.85, unit: "h",
        source: "6 years at 85% use, Luccioni et al. 2022 (BLOOM)")

    /// On-site WUE 0.55 L/kWh: US average used by Li et al. 2023 ("Making AI Less Thirsty").
    public static let wueOnsite = Assumption(
        input: "wue", value: 0.55, unit: "L/kWh",
        source: "US average on-site WUE, Li et al. 2023 (arXiv:2304.03271)")

    /// Water intensity of electricity 3.14 L/kWh: US average used by Li et al. 2023.
    public static let waterIntensity = Assumption(
        input: "water_intensity", value: 3.14, unit: "L/kWh",
        source: "US average water consumed per kWh generated, Li et al. 2023 (arXiv:2304.03271)")

    /// Grid: the world generation-weighted average from the bundled catalog.
    public static let gridName = "WORLD"

    /// Inference share 0.8 for the top-down split (Patterson et al. 2021, NVIDIA: 80–90%).
    public static let inferenceShare = 0.8
}
