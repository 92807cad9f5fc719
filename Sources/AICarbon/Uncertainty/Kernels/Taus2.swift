import AICarbonKernels

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

    /// A generator in the given component states, for tests (a zero output, jumps): not a GSL seeding.
    /// - Parameters:
    ///   - s1: The first component's state.
    ///   - s2: The second's.
    ///   - s3: The third's.
    init(states s1: UInt32, _ s2: UInt32, _ s3: UInt32) {
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// The three component states.
    var states: (UInt32, UInt32, UInt32) { (s1, s2, s3) }

    /// One step of the first component (a GF(2)-linear map of the word; ``Taus2Jump`` takes its powers).
    @inline(__always)
    static func step1(_ s: UInt32) -> UInt32 { ((s & 0xFFFF_FFFE) << 12) ^ (((s << 13) ^ s) >> 19) }

    /// One step of the second component.
    @inline(__always)
    static func step2(_ s: UInt32) -> UInt32 { ((s & 0xFFFF_FFF8) << 4) ^ (((s << 2) ^ s) >> 25) }

    /// One step of the third component.
    @inline(__always)
    static func step3(_ s: UInt32) -> UInt32 { ((s & 0xFFFF_FFF0) << 17) ^ (((s << 3) ^ s) >> 11) }

    /// The next 32-bit output (GSL's `gsl_rng_get`).
    @inline(__always)
    mutating func next() -> UInt32 {
        s1 = Self.step1(s1)
        s2 = Self.step2(s2)
        s3 = Self.step3(s3)
        return s1 ^ s2 ^ s3
    }

    /// One uniform in the open interval (0, 1), as `gsl_rng_uniform_pos`.
    @inline(__always)
    package mutating func uniform() -> Double {
        var x = next()
        while _slowPath(x == 0) { x = next() }
        return Double(x) * 0x1p-32
    }

    /// Fills a column with uniforms in (0, 1), the values `count` calls of `gsl_rng_uniform_pos` give,
    /// leaving the generator where those calls leave it.
    ///
    /// Eight lanes at a time: the column is cut into blocks of eight contiguous segments of `m` values
    /// (`m` = 128, or less for the last block: ⌊remaining / 8⌋ when that is at least 16), lane `j` starts at
    /// the state `j·m` steps on (``Taus2Jump``, composed from jumps by powers of two), and the eight lanes
    /// step together in vector registers (``Lanes``), each writing its segment; the block's last lane ends
    /// where the next block starts. Fewer than 128 values left over are drawn one at a time. A zero output
    /// (chance 2⁻³² a value), which `gsl_rng_uniform_pos` skips and which would shift the rest of the
    /// column, is only detected in the vector pass: the whole fill is then redone one value at a time from
    /// the starting state. Either way the values and the final state are those of the one-at-a-time loop.
    /// - Parameters:
    ///   - buffer: The column.
    ///   - count: Number of values.
    package mutating func fill(_ buffer: UnsafeMutablePointer<Double>, count: Int) {
        fill(buffer, count: count, kernel: .best)
    }

    /// ``fill(_:count:)`` with the lanes stepped by a chosen kernel (every kernel gives the same values and
    /// final state).
    /// - Parameters:
    ///   - buffer: The column.
    ///   - count: Number of values.
    ///   - kernel: One of ``VectorKernel/available``: the Swift lanes, or the C kernel (`aic_taus2_fill_avx2`,
    ///     `aic_taus2_fill_avx512`: one 256-bit register a component, eight steps transposed in registers).
    mutating func fill(_ buffer: UnsafeMutablePointer<Double>, count: Int, kernel: VectorKernel) {
        var generator = self
        var done = 0
        if count >= 8 * Self.minimumSegment {
            var zero = false
            withUnsafeTemporaryAllocation(of: SIMD4<UInt32>.self, capacity: 2 * Lanes.chunk) { staging in
                let staging = staging.baseAddress!
                while count - done >= 8 * Self.minimumSegment {
                    let segment = min(Self.maximumSegment, (count - done) / 8)
                    var lanes = Lanes(generator, segment: segment)
                    let met = kernel == .portable ? lanes.fill(buffer + done, segment: segment, staging: staging)
                        : lanes.fill(buffer + done, segment: segment, kernel: kernel)
                    zero = met || zero
                    generator = lanes.last
                    done += 8 * segment
                }
            }
            if _slowPath(zero) {
                generator = self
                done = 0
            }
        }
        for i in done..<count { buffer[i] = generator.uniform() }
        self = generator
    }

    /// The longest segment a lane of ``fill(_:count:)`` fills in one block (a power of two, at most 2⁷, the
    /// longest jump of ``Taus2Jump/powersOfTwo``).
    static var maximumSegment: Int { 128 }
    /// The shortest segment worth the jumps; fewer values are drawn one at a time.
    static var minimumSegment: Int { 16 }

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

extension Taus2 {
    /// Eight taus2 generators stepped together, component by component in vector registers (two SSE2 or
    /// NEON registers a component), for ``Taus2/fill(_:count:)``.
    struct Lanes {
        /// First components of lanes 0–3 and 4–7.
        private var a0, a1: SIMD4<UInt32>
        /// Second components.
        private var b0, b1: SIMD4<UInt32>
        /// Third components.
        private var c0, c1: SIMD4<UInt32>

        /// Steps a lane takes between converting its outputs (``fill(_:segment:staging:)``): the staging
        /// area holds `2 · chunk` vectors (1 KiB).
        static var chunk: Int { 32 }

        /// Lane `j` at `start` advanced by `j · segment` steps.
        /// - Parameters:
        ///   - start: Lane 0's generator.
        ///   - segment: Steps between lanes, 1 to 255 (jumps composed from 2⁰ … 2⁷ steps).
        init(_ start: Taus2, segment: Int) {
            let jumps = Taus2Jump.powersOfTwo
            var (s1, s2, s3) = start.states
            // The lanes' states in memory, component by component, then loaded as whole vectors (setting a
            // vector's lanes one at a time stalls on every read of the partly written register).
            (a0, a1, b0, b1, c0, c1) = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 24) { states in
                let states = states.baseAddress!
                for j in 0..<8 {
                    states[j] = s1
                    states[8 + j] = s2
                    states[16 + j] = s3
                    var n = segment, i = 0
                    while j < 7 && n > 0 {
                        if n & 1 == 1 { (s1, s2, s3) = jumps[i].apply(s1, s2, s3) }
                        n >>= 1
                        i += 1
                    }
                }
                return Self.vectors(UnsafeRawPointer(states))
            }
        }

        /// The six component vectors (a0, a1, b0, b1, c0, c1) from 24 words in memory: the eight lanes' first
        /// components, then their second, then their third.
        private static func vectors(_ raw: UnsafeRawPointer)
            -> (SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>) {
            (raw.loadUnaligned(as: SIMD4<UInt32>.self), raw.loadUnaligned(fromByteOffset: 16, as: SIMD4<UInt32>.self),
             raw.loadUnaligned(fromByteOffset: 32, as: SIMD4<UInt32>.self), raw.loadUnaligned(fromByteOffset: 48, as: SIMD4<UInt32>.self),
             raw.loadUnaligned(fromByteOffset: 64, as: SIMD4<UInt32>.self), raw.loadUnaligned(fromByteOffset: 80, as: SIMD4<UInt32>.self))
        }

        /// ``fill(_:segment:staging:)`` by the C kernel of `kernel` (AVX2 or AVX-512F): the same values and
        /// the same states after.
        /// - Parameters:
        ///   - buffer: The block, `8 · segment` values.
        ///   - segment: Values a lane.
        ///   - kernel: ``VectorKernel/avx2`` or ``VectorKernel/avx512``.
        /// - Returns: Whether any output was zero.
        mutating func fill(_ buffer: UnsafeMutablePointer<Double>, segment: Int, kernel: VectorKernel) -> Bool {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 24) { states in
                let states = states.baseAddress!, raw = UnsafeMutableRawPointer(states)
                raw.storeBytes(of: a0, as: SIMD4<UInt32>.self)
                raw.storeBytes(of: a1, toByteOffset: 16, as: SIMD4<UInt32>.self)
                raw.storeBytes(of: b0, toByteOffset: 32, as: SIMD4<UInt32>.self)
                raw.storeBytes(of: b1, toByteOffset: 48, as: SIMD4<UInt32>.self)
                raw.storeBytes(of: c0, toByteOffset: 64, as: SIMD4<UInt32>.self)
                raw.storeBytes(of: c1, toByteOffset: 80, as: SIMD4<UInt32>.self)
                let zero = kernel == .avx512 ? aic_taus2_fill_avx512(states, buffer, Int64(segment))
                    : aic_taus2_fill_avx2(states, buffer, Int64(segment))
                (a0, a1, b0, b1, c0, c1) = Self.vectors(UnsafeRawPointer(states))
                return zero != 0
            }
        }

        /// Lane 7's generator.
        var last: Taus2 { Taus2(states: a1[3], b1[3], c1[3]) }

        /// One step of every lane (the recurrences of ``Taus2``, vectorised).
        /// - Returns: The outputs `s1 ⊕ s2 ⊕ s3` of lanes 0–3 and 4–7.
        @inline(__always)
        private mutating func step() -> (SIMD4<UInt32>, SIMD4<UInt32>) {
            a0 = ((a0 & 0xFFFF_FFFE) &<< 12) ^ (((a0 &<< 13) ^ a0) &>> 19)
            a1 = ((a1 & 0xFFFF_FFFE) &<< 12) ^ (((a1 &<< 13) ^ a1) &>> 19)
            b0 = ((b0 & 0xFFFF_FFF8) &<< 4) ^ (((b0 &<< 2) ^ b0) &>> 25)
            b1 = ((b1 & 0xFFFF_FFF8) &<< 4) ^ (((b1 &<< 2) ^ b1) &>> 25)
            c0 = ((c0 & 0xFFFF_FFF0) &<< 17) ^ (((c0 &<< 3) ^ c0) &>> 11)
            c1 = ((c1 & 0xFFFF_FFF0) &<< 17) ^ (((c1 &<< 3) ^ c1) &>> 11)
            return (a0 ^ b0 ^ c0, a1 ^ b1 ^ c1)
        }

        /// Steps every lane `segment` times, writing lane `j`'s uniforms `x / 2³²` to
        /// `buffer[j · segment ..< (j + 1) · segment]`.
        ///
        /// By chunks of at most ``chunk`` steps: the outputs are first stored a step at a time (whole
        /// vectors), then each lane's two consecutive outputs `x`, `x′` are paired into the words
        /// `(x, 0x41300000, x′, 0x41300000)`, two doubles `2²⁰ + x · 2⁻³²` (the mantissa of 2²⁰ has its last
        /// place at 2⁻³²), and 2²⁰ is subtracted exactly: `x · 2⁻³²` by integer moves and one exact
        /// subtraction, the same bits on every machine, stored two at a time.
        /// - Parameters:
        ///   - buffer: The block, `8 · segment` values.
        ///   - segment: Values a lane.
        ///   - staging: Room for `2 · chunk` vectors.
        /// - Returns: Whether any output was zero (then the values are not `gsl_rng_uniform_pos`'s).
        mutating func fill(_ buffer: UnsafeMutablePointer<Double>, segment: Int,
                           staging: UnsafeMutablePointer<SIMD4<UInt32>>) -> Bool {
            // Bit 31 of a lane of `zeros` is set once an output `x` of that lane was 0: `(x − 1) & ~x` has
            // bit 31 set exactly when x = 0.
            var zeros = SIMD4<UInt32>()
            let high: UInt32 = 0x4130_0000
            let offset = SIMD2<Double>(repeating: 0x1p20)
            /// Stores the two doubles whose words are `v`, less 2²⁰, at `p`.
            @inline(__always)
            func store(_ p: UnsafeMutablePointer<Double>, _ v: SIMD4<UInt32>) {
                UnsafeMutableRawPointer(p).storeBytes(of: unsafeBitCast(v, to: SIMD2<Double>.self) - offset, as: SIMD2<Double>.self)
            }
            let p0 = buffer, p1 = p0 + segment, p2 = p1 + segment, p3 = p2 + segment
            let p4 = p3 + segment, p5 = p4 + segment, p6 = p5 + segment, p7 = p6 + segment
            var start = 0
            while start < segment {
                let n = min(Self.chunk, segment - start)
                for t in 0..<n {
                    let (x, y) = step()
                    zeros |= ((x &- 1) & ~x) | ((y &- 1) & ~y)
                    staging[2 * t] = x
                    staging[2 * t + 1] = y
                }
                var t = 0
                while t + 1 < n {
                    let x = staging[2 * t], x2 = staging[2 * t + 2], i = start + t
                    store(p0 + i, SIMD4(x[0], high, x2[0], high))
                    store(p1 + i, SIMD4(x[1], high, x2[1], high))
                    store(p2 + i, SIMD4(x[2], high, x2[2], high))
                    store(p3 + i, SIMD4(x[3], high, x2[3], high))
                    let y = staging[2 * t + 1], y2 = staging[2 * t + 3]
                    store(p4 + i, SIMD4(y[0], high, y2[0], high))
                    store(p5 + i, SIMD4(y[1], high, y2[1], high))
                    store(p6 + i, SIMD4(y[2], high, y2[2], high))
                    store(p7 + i, SIMD4(y[3], high, y2[3], high))
                    t += 2
                }
                if t < n {
                    let x = staging[2 * t], y = staging[2 * t + 1], i = start + t
                    // An odd last step: one value a lane, as `uniform()` converts it.
                    p0[i] = Double(x[0]) * 0x1p-32
                    p1[i] = Double(x[1]) * 0x1p-32
                    p2[i] = Double(x[2]) * 0x1p-32
                    p3[i] = Double(x[3]) * 0x1p-32
                    p4[i] = Double(y[0]) * 0x1p-32
                    p5[i] = Double(y[1]) * 0x1p-32
                    p6[i] = Double(y[2]) * 0x1p-32
                    p7[i] = Double(y[3]) * 0x1p-32
                }
                start += n
            }
            return zeros &>> 31 != SIMD4<UInt32>()
        }
    }
}
