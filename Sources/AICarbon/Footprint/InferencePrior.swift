import Foundation

/// Per-query inference split into prefill (compute-bound) and decode (memory-bandwidth-bound), with
/// priors calibrated against public inference anchors (`docs/calibration-v2.md`, section 3).
///
/// For a serving group of `chips` accelerators holding the weights and running a batch of `batch`
/// sequences (Pope et al. 2022, "Efficiently Scaling Transformer Inference"; Kwon et al. 2023, vLLM):
///
///     prefill chip-seconds = 2 · N_active · tokens_in / (peak · u_prefill)
///     decode step seconds  = max(bytes_step / (chips · bandwidth · u_bw),
///                                2 · N_active · batch / (chips · peak · u_decode))      (roofline)
///     bytes_step           = min(N_total, N_active · batch) · bytes_per_parameter
///                            + batch · context · kv_bytes_per_token,   context = tokens_in + tokens_out / 2
///     decode chip-seconds  = tokens_out · chips · step / batch
///     E_query [Wh]         = (prefill + decode chip-seconds) · P_chip · PUE / 3600
///
/// with `P_chip = TDP × serving power fraction × host overhead` (host and PUE only where the boundary
/// includes them). Weights are read once a decode step and shared by the batch, which is why energy
/// per token falls with batch size until compute bounds it.
public enum InferencePrior {
    /// Prefill MFU, 0.2 to 0.6 (5th/95th percentiles of a lognormal truncated to (0, 1], as `0.2 to 0.6` typed
    /// for this input reads: ``ValueDomain/boundedRange(p05:p95:)``): prefill is compute-bound like training.
    /// A plain lognormal with these percentiles put 7e-4 of its samples above 1, an MFU no chip reaches.
    public static let prefillUtilization = Assumption(
        input: "prefill_utilization", distribution: unitRange(0.2, 0.6), unit: "",
        source: "prefill is compute-bound, as training (Pope et al. 2022); calibrated on ML.ENERGY v3 Llama 3.1 405B, 8 x H100")

    /// Achieved fraction of memory bandwidth in decode steps, 0.3 to 0.8 (truncated to (0, 1] as above; the
    /// plain lognormal put 0.8% of its samples above the datasheet bandwidth).
    public static let bandwidthUtilization = Assumption(
        input: "bandwidth_utilization", distribution: unitRange(0.3, 0.8), unit: "",
        source: "decode reads the weights and KV cache every step (Pope et al. 2022); ML.ENERGY v3 batch 8 measures about 0.5")

    /// Compute efficiency of batched decode matmuls, 0.1 to 0.5 (binds at large batch; truncated to (0, 1] as
    /// above, the plain lognormal put 0.1% of its samples above 1).
    public static let decodeUtilization = Assumption(
        input: "decode_utilization", distribution: unitRange(0.1, 0.5), unit: "",
        source: "skinny batched matmuls and attention; ML.ENERGY v3 batch 256 needs about 0.2")

    /// Average accelerator power while serving, pert(0.45, 0.7, 0.95) of TDP.
    public static let servingPowerFraction = Assumption(
        input: "power_utilization", distribution: .pert(0.45, 0.7, 0.95), unit: "",
        source: "GPU power while serving below TDP (ML.ENERGY v3 measurements; Patterson et al. 2021 Table 3 for training)")

    /// KV-cache bytes per token of context, 100 kB to 600 kB (grouped-query attention models, BF16: Qwen3-32B
    /// 262 kB, Llama 3.1 405B 516 kB; multi-head OLMo 2 7B 524 kB). A count of bytes, printed without a unit:
    /// after a count, `B` reads as billion (`244949 B` typed back was 2.4e14 bytes).
    public static let kvBytesPerToken = Assumption(
        input: "kv_bytes_per_token", distribution: .lognormal(p05: 100e3, p95: 600e3), unit: "",
        source: "2 x layers x KV heads x head dim x 2 bytes for GQA models of 7B-405B")

    /// Batch size where none is given: log-uniform on [8, 128] concurrent sequences.
    public static let batchSize = Assumption(
        input: "batch_size", distribution: .logUniform(8, 128), unit: "",
        source: "continuous batching in production serving (vLLM, SGLang); ML.ENERGY v3 sweeps 8-256")

    /// A utilisation between its 5th and 95th percentiles `p05` and `p95` (0 < p05 < p95 < 1): the lognormal
    /// truncated to (0, 1] with exactly those percentiles, as `p05 to p95` typed for a utilisation reads.
    private static func unitRange(_ p05: Double, _ p95: Double) -> Distribution {
        guard let d = ValueDomain.unitInterval.boundedRange(p05: p05, p95: p95) else {
            preconditionFailure("no truncated lognormal has percentiles \(p05) to \(p95)")
        }
        return d
    }

    /// Datasheet memory bandwidth of a catalog accelerator, in bytes/s (the catalog holds GB/s).
    /// - Parameter accelerator: A catalog accelerator.
    /// - Returns: Bytes per second, or `nil` where the datasheet gives none.
    public static func memoryBandwidth(of accelerator: Accelerator) -> Double? {
        accelerator.memoryBandwidthGbPerS.map { $0 * 1e9 }
    }

    /// Accelerator-seconds of one query, prefill and decode (see the type's equations).
    /// - Parameters:
    ///   - activeParameters: Active parameters per token.
    ///   - totalParameters: Total parameters (weights read per step are `min(total, active × batch)`).
    ///   - bytesPerParameter: Bytes per weight (2 for BF16, 1 for FP8).
    ///   - inputTokens: Prompt tokens (prefill).
    ///   - outputTokens: Generated tokens (decode).
    ///   - batch: Concurrent sequences sharing each decode step, ≥ 1.
    ///   - chips: Accelerators in the serving group holding the weights.
    ///   - peakFlopsPerS: Peak FLOP/s per chip at the serving precision.
    ///   - bandwidthBytesPerS: Memory bandwidth per chip, bytes/s.
    ///   - kvBytesPerToken: KV-cache bytes per token of context.
    ///   - prefillUtilization: Prefill MFU in (0, 1].
    ///   - bandwidthUtilization: Achieved fraction of memory bandwidth in (0, 1].
    ///   - decodeUtilization: Compute efficiency of decode steps in (0, 1].
    /// - Returns: `(prefill, decode)` accelerator-seconds per query.
    public static func chipSeconds(
        activeParameters: Double, totalParameters: Double, bytesPerParameter: Double,
        inputTokens: Double, outputTokens: Double, batch: Double, chips: Double,
        peakFlopsPerS: Double, bandwidthBytesPerS: Double, kvBytesPerToken: Double,
        prefillUtilization: Double, bandwidthUtilization: Double, decodeUtilization: Double
    ) -> (prefill: Double, decode: Double) {
        InferenceEnergy.prefillDecodeChipSeconds(
            activeParameters: activeParameters, totalParameters: totalParameters, bytesPerParameter: bytesPerParameter,
            inputTokens: inputTokens, outputTokens: outputTokens, batch: batch, chips: chips, peakFlopsPerS: peakFlopsPerS,
            bandwidthBytesPerS: bandwidthBytesPerS, kvBytesPerToken: kvBytesPerToken, prefillUtilization: prefillUtilization,
            bandwidthUtilization: bandwidthUtilization, decodeUtilization: decodeUtilization)
    }

    /// Facility energy per query in Wh: `(prefill + decode chip-seconds) × P_chip × PUE / 3600`.
    /// - Parameters:
    ///   - chipSeconds: Accelerator-seconds per query (``chipSeconds(activeParameters:totalParameters:bytesPerParameter:inputTokens:outputTokens:batch:chips:peakFlopsPerS:bandwidthBytesPerS:kvBytesPerToken:prefillUtilization:bandwidthUtilization:decodeUtilization:)``).
    ///   - powerW: Average power per chip, W (host included if the boundary includes it).
    ///   - pue: Power usage effectiveness (1 for accelerator-only figures).
    /// - Returns: Energy per query, Wh (the proposed output `energy_per_query_wh`).
    public static func energyPerQueryWh(chipSeconds: (prefill: Double, decode: Double), powerW: Double, pue: Double) -> Double {
        (chipSeconds.prefill + chipSeconds.decode) * powerW * pue / 3600
    }
}
