/// Derives independent generator seeds for the chunks of a run from one master seed.
///
/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"): the
/// seed of chunk `k` of batch `b` is the SplitMix64 output for state `master + (b · 2²⁰ + k + 1) · γ`,
/// so chunk seeds do not depend on the number of threads.
enum SeedSequence {
    /// The golden-ratio increment of SplitMix64.
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The seed for one chunk.
    /// - Parameters:
    ///   - master: The run's seed.
    ///   - batch: The batch (0 unless the run extends itself with `--until`).
    ///   - chunk: The chunk within the batch.
    /// - Returns: A 64-bit seed.
    public static func seed(master: UInt64, batch: Int, chunk: Int) -> UInt64 {
        var z = master &+ UInt64(batch << 20 + chunk + 1) &* gamma
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
