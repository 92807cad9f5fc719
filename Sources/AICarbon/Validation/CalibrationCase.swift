/// A published training run used to calibrate the default priors: only the inputs a planner knows
/// (FLOPs or parameters and tokens, hardware, chips, grid) are given; the published energy should fall
/// inside the estimate's 90% interval.
public struct CalibrationCase: Sendable, Hashable {
    /// Model name.
    public var model: String
    /// Source of the published figures.
    public var source: String
    /// Training FLOPs, when the paper gives them (else 6 × parameters × tokens).
    public var flops: Double?
    /// Parameters and tokens, when FLOPs are not given.
    public var parameters: Double?
    /// Training tokens, with ``parameters``.
    public var tokens: Double?
    /// Catalog accelerator.
    public var hardware: String
    /// Accelerators.
    public var chips: Double
    /// Grid intensity the paper used, kg CO2e/kWh.
    public var intensity: Double
    /// Published facility energy, MWh.
    public var publishedMWh: Double

    /// The inputs as a spec (everything else left to the priors).
    public var spec: EstimateSpec {
        var s = EstimateSpec()
        s.hardware = hardware
        s[.chips] = .fixed(chips)
        if let flops { s[.flops] = .fixed(flops) } else {
            s.parameters = parameters.map(Distribution.fixed)
            s[.tokens] = tokens.map(Distribution.fixed)
        }
        s.grid = .intensity(.fixed(intensity))
        return s
    }

    /// The reference runs: Patterson et al. 2021 Table 4 (FLOPs as published) and Touvron et al. 2023
    /// Table 15 (parameters and tokens as published; 2,048 A100 for LLaMA, 992 for OPT, 384 for BLOOM).
    public static let all: [CalibrationCase] = [
        CalibrationCase(model: "T5 11B", source: "Patterson et al. 2021", flops: 4.05e22, hardware: "TPU v3", chips: 512, intensity: 0.545, publishedMWh: 85.7),
        CalibrationCase(model: "Meena 2.6B", source: "Patterson et al. 2021", flops: 1.12e23, hardware: "TPU v3", chips: 1024, intensity: 0.415, publishedMWh: 232),
        CalibrationCase(model: "GShard-600B", source: "Patterson et al. 2021", flops: 1.33e22, hardware: "TPU v3", chips: 1024, intensity: 0.201, publishedMWh: 24.1),
        CalibrationCase(model: "Switch Transformer", source: "Patterson et al. 2021", flops: 8.22e22, hardware: "TPU v3", chips: 1024, intensity: 0.403, publishedMWh: 179),
        CalibrationCase(model: "GPT-3 175B", source: "Patterson et al. 2021", flops: 3.14e23, hardware: "V100", chips: 10_000, intensity: 0.429, publishedMWh: 1_287),
        CalibrationCase(model: "LLaMA-7B", source: "Touvron et al. 2023", parameters: 6.7e9, tokens: 1.0e12, hardware: "A100 80GB", chips: 2_048, intensity: 0.385, publishedMWh: 36),
        CalibrationCase(model: "LLaMA-13B", source: "Touvron et al. 2023", parameters: 13.0e9, tokens: 1.0e12, hardware: "A100 80GB", chips: 2_048, intensity: 0.385, publishedMWh: 59),
        CalibrationCase(model: "LLaMA-33B", source: "Touvron et al. 2023", parameters: 32.5e9, tokens: 1.4e12, hardware: "A100 80GB", chips: 2_048, intensity: 0.385, publishedMWh: 233),
        CalibrationCase(model: "LLaMA-65B", source: "Touvron et al. 2023", parameters: 65.2e9, tokens: 1.4e12, hardware: "A100 80GB", chips: 2_048, intensity: 0.385, publishedMWh: 449),
        CalibrationCase(model: "OPT-175B", source: "Touvron et al. 2023 (re-estimate)", parameters: 175e9, tokens: 180e9, hardware: "A100 80GB", chips: 992, intensity: 0.385, publishedMWh: 356),
        CalibrationCase(model: "BLOOM-176B", source: "Touvron et al. 2023 (re-estimate)", parameters: 176e9, tokens: 366e9, hardware: "A100 80GB", chips: 384, intensity: 0.385, publishedMWh: 475),
    ]
}
