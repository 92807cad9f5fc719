/// GSL's `taus2` generator in Swift: the same stream as `gsl_rng_taus2` seeded by `gsl_rng_set`, bit
/// for bit, filled into columns without a call per value.
///
/// Algorithm: the maximally equidistributed combined Tausworthe generator of P. L'Ecuyer, "Maximally
/// equidistributed combined Tausworthe generators", Mathematics of Computation 65(213), 1996 (period
/// 2⁸⁸, three 32-bit components), with the improved seeding of P. L'Ecuyer, "Tables of maximally
/// equidistributed combined LFSR generators", Mathematics of Computation 68(225), 1999, as documented in
/// the GSL manual (§ "Random number generator algorithms", `gsl_rng_taus2`):
///
///     x_n = s1_n ⊕ s2_n ⊕ s3_n
///     s1_{n+1} = ((s1_n & 0xFFFFFFFE) ≪ 12) ⊕ (((s1_n ≪ 13) ⊕ s1_n) ≫ 19)
///     s2_{n+1} = ((s2_n & 0xFFFFFFF8) ≪ 4)  ⊕ (((s2_n ≪ 2) ⊕ s2_n) ≫ 25)
///     s3_{n+1} = ((s3_n & 0xFFFFFFF0) ≪ 17) ⊕ (((s3_n ≪ 3) ⊕ s3_n) ≫ 11)     (mod 2³²)
///
/// Seeding (GSL): seed 0 becomes 1; `s1 = 69069 · seed`, `s2 = 69069 · s1`, `s3 = 69069 · s2` (mod 2³²),
/// each raised by 2, 8 and 16 when below them (so that every component has a nonzero state), then six
/// outputs are discarded. Uniforms are `x_n / 2³²`, zero rejected (GSL's `gsl_rng_uniform_pos`). The tests
/// compare millions of draws with GSL's for several seeds.
package struct Taus2: Sendable {
    private var s1: UInt32
    private var s2: UInt32
    private var s3: UInt32

    /// Seeds the generator as `gsl_rng_set(r, seed)` seeds `gsl_rng_taus2`.
    /// - Parameter seed: The seed (GSL's `unsigned long`; only seed 0 is special, becoming 1).
    package init(seed: UInt64) {
        let s = UInt32(truncatingIfNeeded: seed == 0 ? 1 : seed)
        s1 = 69069 &* s
        if s1 < 2 { s1 &+= 2 }
        s2 = 69069 &* s1
        if s2 < 8 { s2 &+= 8 }
        s3 = 69069 &* s2
        if s3 < 16 { s3 &+= 16 }
        for _ in 0..<6 { _ = next() }
    }

    /// The next 32-bit output (GSL's `gsl_rng_get`).
    @inline(__always)
    mutating func next() -> UInt32 {
        s1 = ((s1 & 0xFFFF_FFFE) << 12) ^ (((s1 << 13) ^ s1) >> 19)
        s2 = ((s2 & 0xFFFF_FFF8) << 4) ^ (((s2 << 2) ^ s2) >> 25)
        s3 = ((s3 & 0xFFFF_FFF0) << 17) ^ (((s3 << 3) ^ s3) >> 11)
        return s1 ^ s2 ^ s3
    }

    /// One uniform in the open interval (0, 1), as `gsl_rng_uniform_pos`.
    @inline(__always)
    package mutating func uniform() -> Double {
        var x = next()
        while _slowPath(x == 0) { x = next() }
        return Double(x) * 0x1p-32
    }

    /// Fills a column with uniforms in (0, 1), the values `count` calls of `gsl_rng_uniform_pos` give.
    /// - Parameters:
    ///   - buffer: The column.
    ///   - count: Number of values.
    package mutating func fill(_ buffer: UnsafeMutablePointer<Double>, count: Int) {
        var generator = self
        for i in 0..<count { buffer[i] = generator.uniform() }
        self = generator
    }

    /// A uniform integer in 0..<n, as `gsl_rng_uniform_int`: `⌊x / ⌊(2³² − 1) / n⌋⌋`, redrawn while ≥ n.
    /// - Parameter n: The bound, 1 ≤ n ≤ 2³² − 1 (GSL returns 0 otherwise, with its error handler off).
    /// - Returns: The integer.
    mutating func integer(below n: UInt64) -> UInt64 {
        let range: UInt64 = 0xFFFF_FFFF
        guard n > 0, n <= range else { return 0 }
        let scale = range / n
        while true {
            let k = UInt64(next()) / scale
            if k < n { return k }
        }
    }
}
