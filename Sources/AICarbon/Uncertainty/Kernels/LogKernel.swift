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
    /// ``derivedTable()``'s values, committed as bit patterns so that a process does not spend a millisecond
    /// deriving them in double-double arithmetic before its first logarithm (a test derives them again and
    /// compares).
    static let table: [Double] = tableBits.map(Double.init(bitPattern:))

    /// The bit patterns of ``table``.
    private static let tableBits: [UInt64] = [
        0x3ff7380000000000, 0xbfd7d4eeef5eec6e, 0x3c28f8f27d8e9100,
        0x3ff7100000000000, 0xbfd7664e1239dbcf, 0x3c6f6d5d64f5db08,
        0x3ff6f00000000000, 0xbfd70d42e2789236, 0x3c652cc811d78d50,
        0x3ff6d00000000000, 0xbfd6b3bb2235943e, 0x3c7da856ccd987b0,
        0x3ff6b00000000000, 0xbfd659b57303e1f3, 0x3c7f893d41c411ec,
        0x3ff6900000000000, 0xbfd5ff3070a793d4, 0x3c6bc60efafc6f71,
        0x3ff6700000000000, 0xbfd5a42ab0f4cfe2, 0x3c78ebcb7dee9a40,
        0x3ff6500000000000, 0xbfd548a2c3add263, 0x3c6819cf7e308de0,
        0x3ff6300000000000, 0xbfd4ec973260026a, 0x3c742a87d977dc60,
        0x3ff6180000000000, 0xbfd4a7373cecf997, 0xbc7cb140cabb6bd8,
        0x3ff5f80000000000, 0xbfd44a41b463c47c, 0x3c7d70c8309edcf8,
        0x3ff5d80000000000, 0xbfd3ecc460ef5f50, 0x3c54313e09807af3,
        0x3ff5b80000000000, 0xbfd38ebdb38ed321, 0x3c73e8cc159afd0c,
        0x3ff5a00000000000, 0xbfd347dd9a987d55, 0x3c64dd4c58091a08,
        0x3ff5800000000000, 0xbfd2e8e2bae11d31, 0x3c78f4cdb95ebdf8,
        0x3ff5600000000000, 0xbfd2895a13de86a3, 0xbc77ad24c13f040e,
        0x3ff5480000000000, 0xbfd241558bfd1404, 0x3be9bae06a5c8c00,
        0x3ff5280000000000, 0xbfd1e0d0c33716be, 0xbc6e55361a93fe68,
        0x3ff5100000000000, 0xbfd1980d2dd4236f, 0xbc79d3d1b0e4d146,
        0x3ff4f00000000000, 0xbfd136870293a8b0, 0xbc77b66298edd252,
        0x3ff4d80000000000, 0xbfd0ed005f657da4, 0xbc7c56bd2abfe82c,
        0x3ff4c00000000000, 0xbfd0a324e27390e3, 0xbc77dcfde8061c00,
        0x3ff4a00000000000, 0xbfd0402594b4d041, 0x3c628ec217a50230,
        0x3ff4880000000000, 0xbfcfeb0233e607cc, 0xbc66e32d5e8c7078,
        0x3ff4700000000000, 0xbfcf550a564b7b37, 0xbc2c5f6dfd018bc0,
        0x3ff4500000000000, 0xbfce8c0252aa5a60, 0x3c46e03a39bfc87c,
        0x3ff4380000000000, 0xbfcdf46c0c722d2f, 0xbc605616f20722e2,
        0x3ff4200000000000, 0xbfcd5c216b4fbb91, 0xbc66e443597e4d38,
        0x3ff4080000000000, 0xbfccc320c0176502, 0xbc6039a653793a80,
        0x3ff3f00000000000, 0xbfcc2968558c18c1, 0x3c673dee38a3fb6c,
        0x3ff3d80000000000, 0xbfcb8ef670420c3b, 0x3c6999bd0ee3fe80,
        0x3ff3c00000000000, 0xbfcaf3c94e80bff3, 0x3c5398cff3641980,
        0x3ff3a80000000000, 0xbfca57df28244dcd, 0x3c4b9af132a24e40,
        0x3ff3900000000000, 0xbfc9bb362e7dfb83, 0xbc6575e31f003e10,
        0x3ff3780000000000, 0xbfc91dcc8c340bde, 0xbc5aaf77bfd17180,
        0x3ff3600000000000, 0xbfc87fa06520c911, 0x3c6bf7fdbfa08da8,
        0x3ff3480000000000, 0xbfc7e0afd630c274, 0x3c583e270efcc380,
        0x3ff3300000000000, 0xbfc740f8f54037a5, 0x3c5b264062a84ce0,
        0x3ff3180000000000, 0xbfc6a079d0f7aad2, 0x3c1eedcbac2a8000,
        0x3ff3000000000000, 0xbfc5ff3070a793d4, 0x3c5bc60efafc6f60,
        0x3ff2e80000000000, 0xbfc55d1ad4232d6f, 0x3c5ac8966e060830,
        0x3ff2d80000000000, 0xbfc4f099f4a230b2, 0xbc2a0a02a1b24780,
        0x3ff2c00000000000, 0xbfc44d2b6ccb7d1e, 0xbc69f4f6543e1f84,
        0x3ff2a80000000000, 0xbfc3a8eb2d31a376, 0x3c3220a8abf09900,
        0x3ff2900000000000, 0xbfc303d718e47fd3, 0x3c06b9c7d9609000,
        0x3ff2800000000000, 0xbfc29552f81ff523, 0xbc6301771c407dd0,
        0x3ff2680000000000, 0xbfc1eed90e2dc2c3, 0x3c64e47b44db8540,
        0x3ff2500000000000, 0xbfc14785846742ac, 0xbc6a28813e3a7f00,
        0x3ff2400000000000, 0xbfc0d77e7cd08e59, 0xbc69a5dc5e9030b0,
        0x3ff2280000000000, 0xbfc02ebb42bf3d4b, 0x3c4f4b9c01cb92c0,
        0x3ff2180000000000, 0xbfbf7b79fec37ddf, 0x3c487e897ed01790,
        0x3ff2000000000000, 0xbfbe27076e2af2e6, 0x3c361578001e01c0,
        0x3ff1f00000000000, 0xbfbd4313d66cb35d, 0xbc5790dd951d9100,
        0x3ff1d80000000000, 0xbfbbeba818146765, 0x3c5e2db7c7d5a120,
        0x3ff1c80000000000, 0xbfbb05b49bee43fe, 0xbc5160c7c252f290,
        0x3ff1b00000000000, 0xbfb9ab42462033ad, 0x3c42099e1c184e80,
        0x3ff1a00000000000, 0xbfb8c345d6319b21, 0x3c24a697ab3424e0,
        0x3ff1880000000000, 0xbfb765bf23a6be13, 0xbc50ff28ef6a5920,
        0x3ff1780000000000, 0xbfb67bb0726ec0fc, 0x3c5b692c214ddbf0,
        0x3ff1680000000000, 0xbfb590cafdf01c28, 0xbc53d5c8aaea76c0,
        0x3ff1500000000000, 0xbfb42edcbea646f0, 0xbc4ddd4f935996b0,
        0x3ff1400000000000, 0xbfb341d7961bd1d1, 0x3c5b599f227becc8,
        0x3ff1300000000000, 0xbfb253f62f0a1417, 0x3c1c125963fc4d00,
        0x3ff1180000000000, 0xbfb0ed839b5526fe, 0xbc27256ea8988a80,
        0x3ff1080000000000, 0xbfaffae9119b9303, 0xbc3ba13162a9c440,
        0x3ff0f80000000000, 0xbfae19070c276016, 0x3c419918a7a17dc0,
        0x3ff0e80000000000, 0xbfac355dd0921f2d, 0x3c39b2a03e3be3c0,
        0x3ff0d00000000000, 0xbfa95c830ec8e3eb, 0xbc4f5a0e80520be0,
        0x3ff0c00000000000, 0xbfa77458f632dcfc, 0xbc418d3ca87b92a0,
        0x3ff0b00000000000, 0xbfa58a5bafc8e4d5, 0x3c4ce55c2b4e2b80,
        0x3ff0a00000000000, 0xbfa39e87b9febd60, 0x3c45bfa937f551c0,
        0x3ff0900000000000, 0xbfa1b0d98923d980, 0x3c3e9ae889bac488,
        0x3ff0780000000000, 0xbf9d91a66c543cc4, 0x3c1d34e608cbd900,
        0x3ff0680000000000, 0xbf99ace7551cc514, 0xbc33409c1df81680,
        0x3ff0580000000000, 0xbf95c45a51b8d389, 0x3c3b10b6c3ec21c0,
        0x3ff0480000000000, 0xbf91d7f7eb9eebe7, 0x3c2d41fe63d2dc00,
        0x3ff0380000000000, 0xbf8bcf712c74384c, 0x3c1f6842688f4900,
        0x3ff0280000000000, 0xbf83e7295d25a7d9, 0x3beff29a11443800,
        0x3ff0180000000000, 0xbf77ee11ebd82e94, 0x3c161e96e2fc5e00,
        0x3ff0000000000000, 0x8000000000000000, 0x8000000000000000,
        0x3ff0000000000000, 0x8000000000000000, 0x8000000000000000,
        0x3fefa00000000000, 0x3f882448a388a2aa, 0x3c104b16137f0a00,
        0x3fef600000000000, 0x3f9432a925980cc1, 0xbc38cdaf390041b0,
        0x3fef200000000000, 0x3f9c63d2ec14aaf2, 0xbc3ce030a686bd00,
        0x3feef00000000000, 0x3fa149e3e4005a8d, 0xbc253482d1f9d7a0,
        0x3feeb00000000000, 0x3fa5715c4c03ceef, 0xbc2bbf88ec501b80,
        0x3fee700000000000, 0x3fa9a187b573de7c, 0xbc4727626c86b3c0,
        0x3fee400000000000, 0x3faccb73cdddb2cc, 0xbc4e48fb0500f020,
        0x3fee000000000000, 0x3fb08598b59e3a07, 0xbc5dd7009902bf2c,
        0x3fedd00000000000, 0x3fb2207b5c78549e, 0xbc5cc0fbce104ee0,
        0x3fed900000000000, 0x3fb4485e03dbdfad, 0x3c51ba349aadbc60,
        0x3fed600000000000, 0x3fb5e95a4d9791cb, 0x3c5f38745c5c4510,
        0x3fed200000000000, 0x3fb8197e2f40e3f0, 0x3c3b9f2dffbeecd0,
        0x3fecf00000000000, 0x3fb9c0c32d4d2548, 0x3c4fb0be3ccc14c0,
        0x3fecc00000000000, 0x3fbb6ac88dad5b1c, 0xbc40057eed1ca580,
        0x3fec900000000000, 0x3fbd179788219364, 0x3c49daf7df76ad80,
        0x3fec600000000000, 0x3fbec739830a1120, 0xbc4a2bf991780d60,
        0x3fec200000000000, 0x3fc08598b59e3a07, 0xbc6dd7009902bf28,
        0x3febf00000000000, 0x3fc160c8024b27b1, 0xbc62d56ff61c2c00,
        0x3febc00000000000, 0x3fc23d712a49c202, 0xbc66e38161051d58,
        0x3feb900000000000, 0x3fc31b994d3a4f85, 0xbc5c4716bdfc0cb8,
        0x3feb600000000000, 0x3fc3fb45a59928cc, 0xbc6d87e6a354d050,
        0x3feb300000000000, 0x3fc4dc7b897bc1c8, 0xbc6927d47803c5f8,
        0x3feb100000000000, 0x3fc5737cc9018cdd, 0x3c64f4d710fec390,
        0x3feae00000000000, 0x3fc6574ebe8c133a, 0xbc3d34f0f4621c80,
        0x3feab00000000000, 0x3fc73cb9074fd14d, 0xbc6521a000b4cf00,
        0x3fea800000000000, 0x3fc823c16551a3c2, 0xbc61232ce70be780,
        0x3fea500000000000, 0x3fc90c6db9fcbcd9, 0x3c6054473941ad98,
        0x3fea300000000000, 0x3fc9a8778debaa38, 0x3c6f47dfd871f864,
        0x3fea000000000000, 0x3fca93ed3c8ad9e3, 0x3c6bcafa9de97218,
        0x3fe9d00000000000, 0x3fcb811730b823d2, 0x3c3a0ee735d9f100,
        0x3fe9b00000000000, 0x3fcc2028ab17f9b4, 0x3c6f11aa3853a600,
        0x3fe9800000000000, 0x3fcd1037f2655e7b, 0x3c660629242471a6,
        0x3fe9600000000000, 0x3fcdb13db0d48940, 0x3c5aa11d49f96cba,
        0x3fe9300000000000, 0x3fcea4449f04aaf5, 0xbc6d33919ab9406c,
        0x3fe9100000000000, 0x3fcf474b134df229, 0xbc527c77ded76a98,
        0x3fe8e00000000000, 0x3fd01eae5626c691, 0xbc418290bd2932e0,
        0x3fe8c00000000000, 0x3fd07138604d5862, 0x3c7cdb16ed4e912c,
        0x3fe8a00000000000, 0x3fd0c42d676162e3, 0x3c5162c79d5d11f0,
        0x3fe8700000000000, 0x3fd14167ef367783, 0x3c1e0936abd4f900,
        0x3fe8500000000000, 0x3fd1956d3b9bc2fa, 0x3c77b9d68d50a164,
        0x3fe8300000000000, 0x3fd1e9e1678899f4, 0x3c7512c3749a1e52,
        0x3fe8000000000000, 0x3fd269621134db92, 0x3c7e0efadd9db02c,
        0x3fe7e00000000000, 0x3fd2bef07cdc9354, 0xbc782dad7fd86086,
        0x3fe7c00000000000, 0x3fd314f1e1d35ce4, 0xbc73d69909e5c3dc,
        0x3fe7a00000000000, 0x3fd36b6776be1117, 0xbc5324f0e8838580,
        0x3fe7800000000000, 0x3fd3c25277333184, 0xbc72ad27e50a8ec7,
        0x3fe7500000000000, 0x3fd44591e0539f49, 0xbc72b125247b0fa4,
    ]

    /// ``table`` computed in double-double arithmetic (``DoubleDouble/log(_:)``): what it commits.
    static func derivedTable() -> [Double] {
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
    }

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
