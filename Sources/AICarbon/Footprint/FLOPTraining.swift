/// Training compute and accelerator time from model size and data: the planning path.
///
/// Source: Kaplan et al. 2020 (arXiv:2001.08361) §2.1 and Hoffmann et al. 2022 (Chinchilla):
/// training compute `C ≈ 6 N D` FLOP for a dense transformer with N parameters on D tokens (2 N D
/// forward, 4 N D backward); for mixture-of-experts models N is the active parameter count.
/// Accelerator time follows from the achieved throughput, peak × model FLOP utilization (MFU;
/// Chowdhery et al. 2022, PaLM, Appendix B).
public struct FLOPTraining: Sendable, Hashable {
    /// Total training compute, FLOP.
    public var flops: Double
    /// Peak dense throughput per chip, FLOP/s.
    public var peakFlopsPerS: Double
    /// Model FLOP utilization: achieved / peak, in (0, 1].
    public var mfu: Double

    /// Creates the model from a FLOP count.
    /// - Parameters:
    ///   - flops: Training compute, FLOP.
    ///   - peakFlopsPerS: Peak dense FLOP/s per chip.
    ///   - mfu: Model FLOP utilization in (0, 1].
    public init(flops: Double, peakFlopsPerS: Double, mfu: Double) {
        self.flops = flops
        self.peakFlopsPerS = peakFlopsPerS
        self.mfu = mfu
    }

    /// Creates the model from parameters and tokens, with `FLOPs = 6 × N_active × D`.
    /// - Parameters:
    ///   - activeParameters: Parameters used per token (all of them for a dense model).
    ///   - tokens: Training tokens.
    ///   - peakFlopsPerS: Peak dense FLOP/s per chip.
    ///   - mfu: Model FLOP utilization in (0, 1].
    public init(activeParameters: Double, tokens: Double, peakFlopsPerS: Double, mfu: Double) {
        self.init(flops: Self.trainingFLOPs(activeParameters: activeParameters, tokens: tokens),
                  peakFlopsPerS: peakFlopsPerS, mfu: mfu)
    }

    /// Accelerator-hours: `chip_seconds = FLOPs / (peak × MFU)`, divided by 3,600.
    public var chipHours: Double { Self.chipHours(flops: flops, peakFlopsPerS: peakFlopsPerS, mfu: mfu) }

    /// Wall-clock time on `chips` accelerators: `hours = chip_hours / chips`.
    /// - Parameter chips: Number of accelerators (≥ 1).
    /// - Returns: The wall-clock duration.
    public func wallClock(chips: Double) -> TimeSpan { TimeSpan(hours: chipHours / chips) }

    /// `6 × N_active × D`, in FLOP (Kaplan et al. 2020).
    @inlinable
    public static func trainingFLOPs<V: FootprintArithmetic>(activeParameters: V, tokens: V) -> V { 6 * activeParameters * tokens }

    /// `FLOPs / (peak × MFU) / 3600`, in accelerator-hours.
    @inlinable
    public static func chipHours<V: FootprintArithmetic>(flops: V, peakFlopsPerS: V, mfu: V) -> V {
        flops / (peakFlopsPerS * mfu) / 3600
    }
}
