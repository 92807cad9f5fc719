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

    /// `2^(j/128)` for j in 0..<128 as double-doubles, interleaved (hi, lo): ``derivedTable()``'s values,
    /// committed as bit patterns so that a process does not spend a millisecond or two deriving them in
    /// double-double arithmetic before its first exponential (a test derives them again and compares).
    static let table: [Double] = tableBits.map(Double.init(bitPattern:))

    /// The bit patterns of ``table``.
    private static let tableBits: [UInt64] = [
        0x3ff0000000000000, 0x0, 0x3ff0163da9fb3335, 0x3c9b61299ab8cdb9,
        0x3ff02c9a3e778061, 0xbc719083535b0858, 0x3ff04315e86e7f85, 0xbc90a31c1977c96e,
        0x3ff059b0d3158574, 0x3c8d73e2a475b464, 0x3ff0706b29ddf6de, 0xbc8c91dfe2b13c22,
        0x3ff0874518759bc8, 0x3c6186be4bb28501, 0x3ff09e3ecac6f383, 0x3c91487818316136,
        0x3ff0b5586cf9890f, 0x3c98a62e4adc610a, 0x3ff0cc922b7247f7, 0x3c901edc16e24f72,
        0x3ff0e3ec32d3d1a2, 0x3c403a1727c57b34, 0x3ff0fb66affed31b, 0xbc6b9bedc44ebd83,
        0x3ff11301d0125b51, 0xbc96c51039449b3c, 0x3ff12abdc06c31cc, 0xbc51b514b36ca5be,
        0x3ff1429aaea92de0, 0xbc932fbf9af1369e, 0x3ff15a98c8a58e51, 0x3c82406ab9eeab07,
        0x3ff172b83c7d517b, 0xbc819041b9d78a78, 0x3ff18af9388c8dea, 0xbc911023d1970f6b,
        0x3ff1a35beb6fcb75, 0x3c8e5b4c7b4968e5, 0x3ff1bbe084045cd4, 0xbc995386352ef607,
        0x3ff1d4873168b9aa, 0x3c9e016e00a2643d, 0x3ff1ed5022fcd91d, 0xbc91df98027bb78e,
        0x3ff2063b88628cd6, 0x3c8dc775814a8494, 0x3ff21f49917ddc96, 0x3c82a97e9494a5eb,
        0x3ff2387a6e756238, 0x3c99b07eb6c70572, 0x3ff251ce4fb2a63f, 0x3c8ac155bef4f4a1,
        0x3ff26b4565e27cdd, 0x3c82bd339940e9da, 0x3ff284dfe1f56381, 0xbc9a4c3a8c3f0d7c,
        0x3ff29e9df51fdee1, 0x3c8612e8afad124f, 0x3ff2b87fd0dad990, 0xbc410adcd6381afa,
        0x3ff2d285a6e4030b, 0x3c90024754db41d6, 0x3ff2ecafa93e2f56, 0x3c71ca0f45d52385,
        0x3ff306fe0a31b715, 0x3c86f46ad23182e5, 0x3ff32170fc4cd831, 0x3c8a9ce78e180479,
        0x3ff33c08b26416ff, 0x3c932721843659a7, 0x3ff356c55f929ff1, 0xbc8b5cee5c4e462b,
        0x3ff371a7373aa9cb, 0xbc963aeabf42eadf, 0x3ff38cae6d05d866, 0xbc9e958d3c9904bd,
        0x3ff3a7db34e59ff7, 0xbc75e436d661f5dd, 0x3ff3c32dc313a8e5, 0xbc9efff8375d29c4,
        0x3ff3dea64c123422, 0x3c8ada0911f09eb9, 0x3ff3fa4504ac801c, 0xbc97d023f956f9f5,
        0x3ff4160a21f72e2a, 0xbc5ef3691c309291, 0x3ff431f5d950a897, 0xbc81c7dde35f799f,
        0x3ff44e086061892d, 0x3c489b7a04ef8101, 0x3ff46a41ed1d0057, 0x3c9c944bd1648a76,
        0x3ff486a2b5c13cd0, 0x3c73c1a3b69062f8, 0x3ff4a32af0d7d3de, 0x3c99cb62f3d1be56,
        0x3ff4bfdad5362a27, 0x3c7d4397afec42e1, 0x3ff4dcb299fddd0d, 0x3c98ecdbbc6a7831,
        0x3ff4f9b2769d2ca7, 0xbc94b309d25957e5, 0x3ff516daa2cf6642, 0xbc8f768569bd93ee,
        0x3ff5342b569d4f82, 0xbc807abe1db13cb4, 0x3ff551a4ca5d920f, 0xbc8d689cefede598,
        0x3ff56f4736b527da, 0x3c99bb2c011d93ad, 0x3ff58d12d497c7fd, 0x3c8295e15b9a1de7,
        0x3ff5ab07dd485429, 0x3c96324c054647ae, 0x3ff5c9268a5946b7, 0x3c3c4b1b81698647,
        0x3ff5e76f15ad2148, 0x3c9ba6f93080e65f, 0x3ff605e1b976dc09, 0xbc93e2429b56de46,
        0x3ff6247eb03a5585, 0xbc9383c17e40b496, 0x3ff6434634ccc320, 0xbc8c483c759d8933,
        0x3ff6623882552225, 0xbc9bb60987591c33, 0x3ff68155d44ca973, 0x3c6038ae44f73e68,
        0x3ff6a09e667f3bcd, 0xbc9bdd3413b26455, 0x3ff6c012750bdabf, 0xbc72895667ff0b12,
        0x3ff6dfb23c651a2f, 0xbc6bbe3a683c88a6, 0x3ff6ff7df9519484, 0xbc883c0f25860ef7,
        0x3ff71f75e8ec5f74, 0xbc816e4786887a9a, 0x3ff73f9a48a58174, 0xbc90a8d96c65d53e,
        0x3ff75feb564267c9, 0xbc90245957316dd0, 0x3ff780694fde5d3f, 0x3c9866b80a02162e,
        0x3ff7a11473eb0187, 0xbc841577ee04992b, 0x3ff7c1ed0130c132, 0x3c9f124cd1164dd6,
        0x3ff7e2f336cf4e62, 0x3c705d02ba157977, 0x3ff80427543e1a12, 0xbc927c86626d972b,
        0x3ff82589994cce13, 0xbc9d4c1dd41532d9, 0x3ff8471a4623c7ad, 0xbc88d684a341cdff,
        0x3ff868d99b4492ed, 0xbc9fc6f89bd4f6bc, 0x3ff88ac7d98a6699, 0x3c9994c2f37cb537,
        0x3ff8ace5422aa0db, 0x3c96e9f156864b29, 0x3ff8cf3216b5448c, 0xbc70d55e32e9e3a8,
        0x3ff8f1ae99157736, 0x3c85cc13a2e3976b, 0x3ff9145b0b91ffc6, 0xbc9dd6792e582524,
        0x3ff93737b0cdc5e5, 0xbc675fc781b57ed4, 0x3ff95a44cbc8520f, 0xbc764b7c96a5f034,
        0x3ff97d829fde4e50, 0xbc9d185b7c1b85d1, 0x3ff9a0f170ca07ba, 0xbc9173bd91cee633,
        0x3ff9c49182a3f090, 0x3c7c7c46b071f2bc, 0x3ff9e86319e32323, 0x3c7824ca78e64c6f,
        0x3ffa0c667b5de565, 0xbc9359495d1cd532, 0x3ffa309bec4a2d33, 0x3c96305c7ddc36af,
        0x3ffa5503b23e255d, 0xbc9d2f6edb8d41de, 0x3ffa799e1330b358, 0x3c9bcb7ecac563c6,
        0x3ffa9e6b5579fdbf, 0x3c90fac90ef7fd30, 0x3ffac36bbfd3f37a, 0xbc8f9234cae76cd1,
        0x3ffae89f995ad3ad, 0x3c97a1cd345dcc7e, 0x3ffb0e07298db666, 0xbc9bdef54c80e423,
        0x3ffb33a2b84f15fb, 0xbc62805e3084d6f4, 0x3ffb59728de5593a, 0xbc9c71dfbbba6de4,
        0x3ffb7f76f2fb5e47, 0xbc75584f7e54ac43, 0x3ffba5b030a1064a, 0xbc9efcd30e542930,
        0x3ffbcc1e904bc1d2, 0x3c823dd07a2d9e82, 0x3ffbf2c25bd71e09, 0xbc9efdca3f6b9c74,
        0x3ffc199bdd85529c, 0x3c811065895048d7, 0x3ffc40ab5fffd07a, 0x3c9b4537e083c60b,
        0x3ffc67f12e57d14b, 0x3c92884dff483cae, 0x3ffc8f6d9406e7b5, 0x3c71acbc48805c48,
        0x3ffcb720dcef9069, 0x3c7503cbd1e949d8, 0x3ffcdf0b555dc3fa, 0xbc8dd83b53829d6f,
        0x3ffd072d4a07897c, 0xbc9cbc3743797a9c, 0x3ffd2f87080d89f2, 0xbc9d487b719d8577,
        0x3ffd5818dcfba487, 0x3c82ed02d75b3708, 0x3ffd80e316c98398, 0xbc911ec18beddfe8,
        0x3ffda9e603db3285, 0x3c9c2300696db534, 0x3ffdd321f301b460, 0x3c92da5778f018c4,
        0x3ffdfc97337b9b5f, 0xbc91a5cd4f184b59, 0x3ffe264614f5a129, 0xbc97b627817a1496,
        0x3ffe502ee78b3ff6, 0x3c839e8980a9cc8d, 0x3ffe7a51fbc74c83, 0x3c92d522ca0c8de1,
        0x3ffea4afa2a490da, 0xbc9e9c23179c2893, 0x3ffecf482d8e67f1, 0xbc9c93f3b411ad8e,
        0x3ffefa1bee615a27, 0x3c9dc7f486a4b6b0, 0x3fff252b376bba97, 0x3c93a1a5bf0d8e42,
        0x3fff50765b6e4540, 0x3c99d3e12dd8a187, 0x3fff7bfdad9cbe14, 0xbc9dbb12d0063507,
        0x3fffa7c1819e90d8, 0x3c874853f3a5931e, 0x3fffd3c22b8f71f1, 0x3c62eb74966579ec,
    ]

    /// `2^(j/128)` for j in 0..<128 as double-doubles, interleaved (hi, lo), computed in double-double
    /// arithmetic (``DoubleDouble/exp(_:)``): what ``table`` commits.
    static func derivedTable() -> [Double] {
        var values = [Double]()
        values.reserveCapacity(2 * size)
        for j in 0..<size {
            let power = DoubleDouble.exp(DoubleDouble.ln2 * DoubleDouble(Double(j) / Double(size)))
            values.append(power.hi)
            values.append(power.lo)
        }
        return values
    }

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
