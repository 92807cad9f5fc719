/// Energy of serving a model: per query (given, or FLOP-based), or top-down as a share of lifetime
/// ML energy.
///
/// Sources: Patterson et al. 2021 §2 (inference is 80–90% of ML workload, NVIDIA); Epoch AI 2025
/// (FLOP-based per-query energy); Luccioni, Jernite & Strubell 2024 (measured per-query energy);
/// Elsworth et al. 2025 (arXiv:2508.15734: 0.24 Wh per median Gemini text prompt).
public enum InferenceEnergy {
    /// Inference FLOPs per query: `FLOPs_query = 2 × N_active × tokens_per_query` (forward pass only;
    /// Kaplan et al. 2020 §2.1).
    @inlinable
    public static func flopsPerQuery<V: FootprintArithmetic>(activeParameters: V, tokensPerQuery: V) -> V {
        2 * activeParameters * tokensPerQuery
    }

    /// Accelerator-hours per query: `FLOPs_query / (peak × utilization) / 3600`.
    @inlinable
    public static func chipHoursPerQuery<V: FootprintArithmetic>(flopsPerQuery: V, peakFlopsPerS: V, utilization: V) -> V {
        flopsPerQuery / (peakFlopsPerS * utilization) / 3600
    }

    /// Facility energy per query, FLOP-based:
    /// `E_query [Wh] = FLOPs_query / (peak × utilization) × P_chip × PUE / 3600` (DESIGN.md §2).
    /// - Parameters:
    ///   - flopsPerQuery: FLOPs per query.
    ///   - peakFlopsPerS: Peak FLOP/s per chip.
    ///   - utilization: Achieved / peak FLOP/s while serving, in (0, 1].
    ///   - powerW: Average power per chip, W.
    ///   - pue: Power usage effectiveness.
    /// - Returns: Energy per query in kWh.
    @inlinable
    public static func energyPerQueryKWh<V: FootprintArithmetic>(
        flopsPerQuery: V, peakFlopsPerS: V, utilization: V, powerW: V, pue: V
    ) -> V {
        flopsPerQuery / (peakFlopsPerS * utilization) * powerW * pue / 3600 / 1000
    }

    /// Top-down split: with inference share `s` of lifetime ML energy,
    /// `E_inference = E_train × s / (1 − s)` (Patterson et al. 2021 §2).
    /// - Parameters:
    ///   - trainingKWh: Training facility energy, kWh.
    ///   - share: Inference share of lifetime energy, in [0, 1).
    /// - Returns: Inference energy, kWh.
    /// Accelerator-seconds of one query served in a batch, prefill (compute-bound) and decode
    /// (memory-bandwidth-bound, the weights read once a step and shared by the batch), on the roofline
    /// (Pope et al. 2022, "Efficiently Scaling Transformer Inference"; Kwon et al. 2023, vLLM):
    ///
    ///     prefill = 2 · N_active · tokens_in / (peak · u_prefill)
    ///     step    = max(bytes / (chips · bandwidth · u_bw), 2 · N_active · batch / (chips · peak · u_decode))
    ///     bytes   = min(N_total, N_active · batch) · bytes_per_param + batch · (tokens_in + tokens_out / 2) · kv_bytes
    ///     decode  = tokens_out · chips · step / batch
    ///
    /// Calibrated against public measurements in `docs/calibration-v2.md`, section 4 (``InferencePrior``).
    /// - Returns: Prefill and decode accelerator-seconds per query.
    @inlinable
    public static func prefillDecodeChipSeconds<V: FootprintArithmetic>(
        activeParameters: V, totalParameters: V, bytesPerParameter: V, inputTokens: V, outputTokens: V, batch: V, chips: V,
        peakFlopsPerS: V, bandwidthBytesPerS: V, kvBytesPerToken: V, prefillUtilization: V, bandwidthUtilization: V,
        decodeUtilization: V
    ) -> (prefill: V, decode: V) {
        let prefill = 2 * activeParameters * inputTokens / (peakFlopsPerS * prefillUtilization)
        let context = inputTokens + outputTokens / 2
        let bytes = V.minimum(totalParameters, activeParameters * batch) * bytesPerParameter + batch * context * kvBytesPerToken
        let memoryTime = bytes / (chips * bandwidthBytesPerS * bandwidthUtilization)
        let computeTime = 2 * activeParameters * batch / (chips * peakFlopsPerS * decodeUtilization)
        return (prefill, outputTokens * chips * V.maximum(memoryTime, computeTime) / batch)
    }

    @inlinable
    public static func topDownKWh<V: FootprintArithmetic>(trainingKWh: V, share: V) -> V { trainingKWh * share / (1 - share) }
}
