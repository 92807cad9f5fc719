/// The exponential function on columns of doubles, within 1 ulp (measured: 0.51 ulp for normal results, 0.75
/// for subnormal ones) and the same bits on every IEEE-754 machine.
///
/// Algorithm: Tang's table-driven exponential (P. T. P. Tang, "Table-driven implementation of the
/// exponential function in IEEE floating-point arithmetic", ACM TOMS 15(2), 1989), with a table of
/// `N = 128` entries. With `k = round(x · N / ln 2)`, `k = 128 e + j` (0 ≤ j < 128) and
/// `r = x − k ln 2 / N` (|r| ≤ ln 2 / 256):
///
///     e^x = 2^e · 2^(j/128) · e^r,   e^r − 1 ≈ r + r²/2! + … + r⁶/6!  (Taylor; remainder < 2⁻⁶⁰ relative)
///
/// `k ln 2 / N` is subtracted in two parts, the first with 35 significant bits so that `k` times it is
/// exact (|k| < 2¹⁸) and the subtraction exact (Sterbenz); `2^(j/128)` is stored as a double-double
/// (computed once, ``DoubleDouble``), and the sum `T_hi + (T_lo + T_hi (e^r − 1))` rounds once. Only
/// IEEE basic operations are used (no fused multiply-add, which Swift does not contract implicitly, and
/// no library call), and `2^e` is applied by adding `e` to the exponent bits, so results do not depend on
/// the C library or the CPU (glibc picks an FMA or non-FMA `exp` by CPU). The tests check it against the
/// C library within 1 ulp over millions of random arguments and against committed bit patterns.
package enum ExpKernel {
    /// Table size.
    static let size = 128
    /// `N / ln 2`.
    static let invLn2N = 184.66496523378731
    /// `1.5 · 2⁵²`: adding it rounds a double of magnitude below 2⁵¹ to an integer (ties to even).
    static let shift = 0x1.8p52
    /// Arguments whose result is normal and computed on the fast path: |x| ≤ 707 (then 2⁻¹⁰²⁰ < e^x < 2¹⁰²¹).
    static let fastBound = 707.0

    /// `ln 2 / N` in two parts: the first with 35 significant bits, the second the remainder.
    static let ln2N: (hi: Double, lo: Double) = {
        let ln2N = DoubleDouble.ln2 / DoubleDouble(Double(size))
        let hi = Double(bitPattern: ln2N.hi.bitPattern & ~((1 << 18) - 1))
        return (hi, (ln2N.hi - hi) + ln2N.lo)
    }()

    /// `2^(j/128)` for j in 0..<128 as double-doubles, interleaved (hi, lo).
    static let table: [Double] = {
        var values = [Double]()
        values.reserveCapacity(2 * size)
        for j in 0..<size {
            let power = DoubleDouble.exp(DoubleDouble.ln2 * DoubleDouble(Double(j) / Double(size)))
            values.append(power.hi)
            values.append(power.lo)
        }
        return values
    }()

    /// `e^x` for one argument.
    /// - Parameter x: Any double.
    /// - Returns: `e^x` within 1 ulp; `+∞` above about 709.78, `0` below about −745.13, NaN for NaN.
    package static func exp(_ x: Double) -> Double {
        table.withUnsafeBufferPointer { t in
            let constants = ln2N
            return x.magnitude <= fastBound ? fast(x, t.baseAddress!, constants.hi, constants.lo) : slow(x, t.baseAddress!)
        }
    }

    /// Replaces every value of a column by its exponential, in blocks of 64: four lanes at a time
    /// (`SIMD4<Double>`, the same operations in the same order as ``exp(_:)``, so the same bits) without
    /// branches; arguments outside the fast range (|x| > 707, NaN) are redone on the slow path.
    /// - Parameters:
    ///   - column: Arguments on entry, `e^x` on return.
    ///   - count: Number of values.
    package static func apply(_ column: UnsafeMutablePointer<Double>, count: Int) {
        let (hi, lo) = ln2N
        table.withUnsafeBufferPointer { buffer in
            let t = buffer.baseAddress!
            // Lanes outside the fast range are computed on 0 and redone on the slow path.
            KernelBlocks.apply(column, count: count,
                               lanes: { x in
                                   let inside = (x .<= SIMD4(repeating: fastBound)) .& (x .>= SIMD4(repeating: -fastBound))
                                   return (fast4(SIMD4(repeating: 0).replacing(with: x, where: inside), t, hi, lo), inside)
                               },
                               one: { fast($0.magnitude <= fastBound ? $0 : 0, t, hi, lo) }, usable: { $0.magnitude <= fastBound },
                               exact: { slow($0, t) })
        }
    }

    /// ``fast(_:_:_:_:)`` on four lanes, operation for operation.
    @inline(__always)
    private static func fast4(_ x: SIMD4<Double>, _ t: UnsafePointer<Double>, _ hi: Double, _ lo: Double) -> SIMD4<Double> {
        let shiftVector = SIMD4<Double>(repeating: shift)
        let shifted: SIMD4<Double> = x * SIMD4(repeating: invLn2N) + shiftVector
        let kd: SIMD4<Double> = shifted - shiftVector
        let k = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- SIMD4(repeating: Int64(bitPattern: shift.bitPattern))
        let r: SIMD4<Double> = (x - kd * SIMD4(repeating: hi)) - kd * SIMD4(repeating: lo)
        let j = (k & 127) &* 2
        let j0 = Int(truncatingIfNeeded: j[0]), j1 = Int(truncatingIfNeeded: j[1])
        let j2 = Int(truncatingIfNeeded: j[2]), j3 = Int(truncatingIfNeeded: j[3])
        let th = SIMD4<Double>(t[j0], t[j1], t[j2], t[j3])
        let tl = SIMD4<Double>(t[j0 &+ 1], t[j1 &+ 1], t[j2 &+ 1], t[j3 &+ 1])
        let r2: SIMD4<Double> = r * r
        let r4: SIMD4<Double> = r2 * r2
        let q0: SIMD4<Double> = SIMD4(repeating: 0.5) + r * SIMD4(repeating: 1.0 / 6)
        let q1: SIMD4<Double> = SIMD4(repeating: 1.0 / 24) + r * SIMD4(repeating: 1.0 / 120)
        let q2: SIMD4<Double> = q1 + r2 * SIMD4(repeating: 1.0 / 720)
        let p: SIMD4<Double> = r + r2 * q0 + r4 * q2
        let value: SIMD4<Double> = th + (tl + th * p)
        let e = (k &>> 7) &<< 52
        return unsafeBitCast(unsafeBitCast(value, to: SIMD4<Int64>.self) &+ e, to: SIMD4<Double>.self)
    }

    /// The reduction `x = (128 e + j) ln 2 / 128 + r` and `2^(j/128) (1 + p(r))` in [0.99, 2).
    @inline(__always)
    private static func reduced(_ x: Double, _ t: UnsafePointer<Double>, _ hi: Double, _ lo: Double) -> (k: Int64, value: Double) {
        let shifted = x * invLn2N + shift
        let kd = shifted - shift
        let k = Int64(bitPattern: shifted.bitPattern &- shift.bitPattern)
        let r = (x - kd * hi) - kd * lo
        let j = Int(truncatingIfNeeded: k & 127)
        let th = t[2 &* j], tl = t[2 &* j &+ 1]
        let r2 = r * r, r4 = r2 * r2
        // ((r + r² (1/2 + r/6)) + r⁴ ((1/24 + r/120) + r²/720)): the order fast4 uses.
        let p = r + r2 * (0.5 + r * (1.0 / 6)) + r4 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720))
        return (k, th + (tl + th * p))
    }

    /// `e^x` for |x| ≤ 707: `2^e` added to the exponent bits of a value in [0.99, 2).
    @inline(__always)
    private static func fast(_ x: Double, _ t: UnsafePointer<Double>, _ hi: Double, _ lo: Double) -> Double {
        let (k, value) = reduced(x, t, hi, lo)
        let e = k &>> 7  // floor(k / 128)
        return Double(bitPattern: value.bitPattern &+ UInt64(bitPattern: e &<< 52))
    }

    /// `e^x` for the rest: NaN, overflow to `+∞`, underflow to 0, and subnormal results (scaled by two
    /// exact powers of two, so the result rounds once more, still within 1 ulp).
    private static func slow(_ x: Double, _ t: UnsafePointer<Double>) -> Double {
        if x.isNaN { return x + x }
        if x > 710 { return .infinity }
        if x < -746 { return 0 }
        if x.magnitude <= fastBound { return fast(x, t, ln2N.hi, ln2N.lo) }
        let (k, value) = reduced(x, t, ln2N.hi, ln2N.lo)
        let e = Int(k >> 7)
        let half = e / 2
        return value * Double(sign: .plus, exponent: half, significand: 1) * Double(sign: .plus, exponent: e - half, significand: 1)
    }
}
