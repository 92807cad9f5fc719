/// The natural logarithm on columns of doubles, within 1 ulp (0.51 ulp measured) and the same bits on
/// every IEEE-754 machine.
///
/// Algorithm: a table-driven logarithm after Tang (P. T. P. Tang, "Table-driven implementation of the
/// logarithm function in IEEE floating-point arithmetic", ACM TOMS 16(4), 1990), with a table of 128
/// reciprocals. The argument is written `x = 2^k z` with z in [0.6875, 1.375) (by integer arithmetic on
/// its bits), and z falls in one of 128 intervals, `i`, each with a reciprocal `c_i ≈ 1/z` of at most 10
/// significant bits (a multiple of 2⁻⁹; exactly 1 on the two intervals next to 1). Then
///
///     log x = k ln 2 − log c_i + log(1 + w),   w = z c_i − 1,
///
/// with `w` computed exactly as `a + b` (`z = z_hi + z_lo`, `z_hi` with 43 significant bits, so
/// `a = z_hi c_i − 1` is exact and `b = z_lo c_i` below 2⁻⁴²) and |w| < 2⁻⁷; `log(1 + w) − w` by its
/// Taylor series to degree 9 (remainder below 2⁻⁶³ relative to w). `k ln 2` (ln 2 in 42 + 53 bits) and
/// `−log c_i` (a double-double computed once, ``DoubleDouble``) are added with exact two-sums (Knuth), so
/// only the last addition rounds. Only IEEE basic operations, no fused multiply-add, no library call.
package enum LogKernel {
    /// Table size.
    static let size = 128
    /// Bits of `0.6875`, the lower end of the reduced argument's range.
    static let offset: UInt64 = 0x3FE6_0000_0000_0000

    /// `ln 2` in two parts, the first with 42 significant bits (so that `k` times it is exact).
    static let ln2: (hi: Double, lo: Double) = {
        let hi = Double(bitPattern: DoubleDouble.ln2.hi.bitPattern & ~((1 << 11) - 1))
        return (hi, (DoubleDouble.ln2.hi - hi) + DoubleDouble.ln2.lo)
    }()

    /// Per interval: the reciprocal `c`, and `−log c` as a double-double (hi, lo), interleaved.
    static let table: [Double] = {
        var values = [Double]()
        values.reserveCapacity(3 * size)
        for i in 0..<size {
            // The interval's ends, from the bits of its first and (one past) its last argument.
            let start = Double(bitPattern: offset &+ UInt64(i) << 45)
            let end = Double(bitPattern: offset &+ UInt64(i + 1) << 45)
            var c = ((2 / (start + end)) * 512).rounded() / 512
            if start == 1 || end == 1 { c = 1 }
            let minusLog = -DoubleDouble.log(DoubleDouble(c))
            values.append(c)
            values.append(minusLog.hi)
            values.append(minusLog.lo)
        }
        return values
    }()

    /// `log x` for one argument.
    /// - Parameter x: Any double.
    /// - Returns: `log x` within 1 ulp; `−∞` at ±0, NaN below 0 or for NaN, `+∞` at `+∞`.
    package static func log(_ x: Double) -> Double {
        table.withUnsafeBufferPointer { t in
            let constants = ln2
            return isFast(x) ? fast(x, t.baseAddress!, constants.hi, constants.lo) : slow(x, t.baseAddress!)
        }
    }

    /// Replaces every value of a column by its logarithm, one value at a time (``log(_:)``, so the same
    /// bits). A scalar loop: four-lane code measured slower on x86-64's baseline SSE2, which has no 64-bit
    /// arithmetic shift, 64-bit integer conversion or gather, so that the lanes' table lookups and exponent
    /// extraction run one lane at a time anyway (`aicarbon-benchmark quantiles`: 8.5 ns against 10.3 ns a
    /// value). Zero, negative, subnormal, infinite and NaN arguments take the slow path.
    /// - Parameters:
    ///   - column: Arguments on entry, `log x` on return.
    ///   - count: Number of values.
    package static func apply(_ column: UnsafeMutablePointer<Double>, count: Int) {
        let (hi, lo) = ln2
        table.withUnsafeBufferPointer { buffer in
            let t = buffer.baseAddress!
            for i in 0..<count {
                let x = column[i]
                column[i] = isFast(x) ? fast(x, t, hi, lo) : slow(x, t)
            }
        }
    }

    /// Whether `x` is positive, finite and normal.
    @inline(__always)
    static func isFast(_ x: Double) -> Bool {
        x.bitPattern &- 0x0010_0000_0000_0000 < 0x7FF0_0000_0000_0000 - 0x0010_0000_0000_0000
    }

    /// `log x` for positive, finite, normal `x` (times `2^exponentShift`: the slow path's scaled subnormals).
    @inline(__always)
    private static func fast(_ x: Double, _ t: UnsafePointer<Double>, _ ln2hi: Double, _ ln2lo: Double,
                             exponentShift: Int64 = 0) -> Double {
        let bits = x.bitPattern
        let delta = bits &- offset
        let k = Double((Int64(bitPattern: delta) >> 52) &- exponentShift)
        let i = Int(truncatingIfNeeded: (delta >> 45) & 127)
        let z = Double(bitPattern: bits &- (delta & 0xFFF0_0000_0000_0000))
        let c = t[3 &* i], minusLogHi = t[3 &* i &+ 1], minusLogLo = t[3 &* i &+ 2]
        let zHi = Double(bitPattern: z.bitPattern & ~0x3FF)
        let a = zHi * c - 1, b = (z - zHi) * c
        let w = a + b
        // log(1 + w) − w = −w²/2 + w³/3 − … − w¹⁰/10 ≈ w² q(w), by Estrin's scheme.
        let w2 = w * w, w4 = w2 * w2
        let q0 = -0.5 + w * (1.0 / 3), q1 = -0.25 + w * 0.2, q2 = -1.0 / 6 + w * (1.0 / 7), q3 = -0.125 + w * (1.0 / 9)
        let q = (q0 + w2 * q1) + w4 * ((q2 + w2 * q3) + w4 * -0.1)
        // k ln 2 − log c + a, exactly as s + e; then every small part.
        let (s1, e1) = DoubleDouble.twoSum(k * ln2hi, minusLogHi)
        let (s2, e2) = DoubleDouble.twoSum(s1, a)
        return s2 + ((e1 + e2) + ((k * ln2lo + minusLogLo) + (b + w2 * q)))
    }

    /// `log x` for the rest: NaN and negative arguments give NaN, ±0 gives −∞, +∞ itself, and a
    /// subnormal is scaled by 2⁵² first (exactly).
    private static func slow(_ x: Double, _ t: UnsafePointer<Double>) -> Double {
        if x.isNaN { return x + x }
        if x == 0 { return -.infinity }
        if x < 0 { return .nan }
        if x == .infinity { return x }
        if isFast(x) { return fast(x, t, ln2.hi, ln2.lo) }
        return fast(x * 0x1p52, t, ln2.hi, ln2.lo, exponentShift: 52)
    }
}
