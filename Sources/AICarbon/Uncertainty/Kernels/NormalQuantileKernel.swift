/// The inverse of the standard normal CDF, Φ⁻¹(p), on columns of probabilities, with the same bits on
/// every IEEE-754 machine.
///
/// Algorithm: AS 241 PPND16 (M. J. Wichura, "Algorithm AS 241: The percentage points of the normal
/// distribution", Applied Statistics 37(3), 477–484, 1988), accurate to about 1 part in 10¹⁶, the
/// algorithm behind GSL's `gsl_cdf_ugaussian_Pinv`, which stays the reference in the tests. With
/// `q = p − 1/2`:
///
///     |q| ≤ 0.425:  Φ⁻¹(p) = q · A(r) / B(r),   r = 0.180625 − q²
///     otherwise:    r = √(−log min(p, 1 − p)),  x = C(r − 1.6) / D(r − 1.6) if r ≤ 5, else E(r − 5) / F(r − 5),
///                   Φ⁻¹(p) = −x for p < 1/2, x otherwise
///
/// where A … F are Wichura's degree-7 polynomials, evaluated by Horner's rule in the order GSL uses.
/// Only IEEE basic operations and the square root (no fused multiply-add, no library call: the logarithm
/// is ``LogKernel``), so results do not depend on the CPU or the C library. They equal GSL's on x86-64
/// except where `log` rounds differently from the C library's (12 of 2,000,014 seeded probabilities over
/// 10⁻³⁰⁰ ≤ p ≤ 1 − 10⁻¹⁶ in the tests, those within 5 ulp).
/// Φ⁻¹(0) = −∞ and Φ⁻¹(1) = +∞ as in GSL; NaN outside [0, 1].
package enum NormalQuantileKernel {
    /// The bits of 0.425, the half-width of the central region.
    private static let centralBound = (0.425 as Double).bitPattern

    /// Φ⁻¹(p) for one probability.
    /// - Parameter p: A probability in [0, 1].
    /// - Returns: The standard normal quantile (dimensionless); ±∞ at 1 and 0, NaN outside [0, 1].
    package static func quantile(_ p: Double) -> Double {
        var value = p
        apply(&value, count: 1)
        return value
    }

    /// Replaces every probability of a column by its standard normal quantile, in blocks of 64: the
    /// central region (70% of uniform probabilities) for every lane without branches, then the
    /// logarithm (``LogKernel``) and tail formulas for the lanes outside it, gathered.
    /// - Parameters:
    ///   - column: Probabilities on entry, Φ⁻¹(p) on return.
    ///   - count: Number of values.
    package static func apply(_ column: UnsafeMutablePointer<Double>, count: Int) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { logs in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { outside in
                let logs = logs.baseAddress!, outside = outside.baseAddress!
                var start = 0
                while start < count {
                    let block = min(64, count - start)
                    let v = column + start
                    var n = 0, i = 0
                    // Four lanes at a time (the same operations in the same order as one lane).
                    // Lanes are told apart by integer operations on bit patterns, not per-lane selects
                    // (which compilers may turn into branches): for |q| and 0.425, both non-negative, the
                    // order of the doubles is that of their bits, so the sign of their bits' difference
                    // flags the lanes outside the central region (NaN included); outside lanes keep p.
                    while i + 4 <= block {
                        let p = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self)
                        let q = p - SIMD4(repeating: 0.5)
                        let magnitude = unsafeBitCast(q, to: SIMD4<UInt64>.self) & SIMD4(repeating: 0x7FFF_FFFF_FFFF_FFFF)
                        let flag = (SIMD4(repeating: centralBound) &- magnitude) &>> 63
                        let keep = SIMD4<UInt64>(repeating: 0) &- flag
                        let x = unsafeBitCast(centralValue4(q), to: SIMD4<UInt64>.self)
                        let blended = (x & ~keep) | (unsafeBitCast(p, to: SIMD4<UInt64>.self) & keep)
                        UnsafeMutableRawPointer(v + i).storeBytes(of: blended, as: SIMD4<UInt64>.self)
                        for lane in 0..<4 {
                            outside[n] = i &+ lane
                            n &+= Int(truncatingIfNeeded: flag[lane])
                        }
                        i += 4
                    }
                    while i < block {
                        let p = v[i]
                        let q = p - 0.5
                        let central = q.magnitude <= 0.425
                        let x = centralValue(central ? q : 0)
                        v[i] = central ? x : p
                        outside[n] = i
                        n &+= central ? 0 : 1
                        i += 1
                    }
                    for j in 0..<n {
                        let p = v[outside[j]]
                        logs[j] = p < 0.5 ? p : 1 - p
                    }
                    LogKernel.apply(logs, count: n)
                    // The tail formulas on the gathered values, four lanes at a time (the same operations
                    // as one lane: ``tailMagnitude(_:)``); the rare lanes beyond r = 5 (p < 1.4·10⁻¹¹)
                    // redone on one lane.
                    var j = 0
                    while j + 4 <= n {
                        let r = (-UnsafeRawPointer(logs + j).loadUnaligned(as: SIMD4<Double>.self)).squareRoot()
                        var x = intermediateValue4(r - SIMD4(repeating: 1.6))
                        let far = r .> SIMD4(repeating: 5)
                        if _slowPath(any(far)) {
                            for lane in 0..<4 where far[lane] { x[lane] = tailValue(r[lane] - 5) }
                        }
                        UnsafeMutableRawPointer(logs + j).storeBytes(of: x, as: SIMD4<Double>.self)
                        j += 4
                    }
                    while j < n {
                        logs[j] = tailMagnitude(logs[j])
                        j += 1
                    }
                    for j in 0..<n {
                        let i = outside[j], p = v[i], x = logs[j]
                        let signed = p < 0.5 ? -x : x
                        v[i] = p == 0 ? -.infinity : (p == 1 ? .infinity : signed)
                    }
                    start += block
                }
            }
        }
    }

    /// `q · A(r) / B(r)`, `r = 0.180625 − q²`.
    @inline(__always)
    private static func centralValue(_ q: Double) -> Double {
        let r = 0.180625 - q * q
        // Wichura's A (numerator) and B (denominator), constant term first.
        return q * ratio(
            3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
            45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
            1.0, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
            21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
            r)
    }

    /// ``centralValue(_:)`` on four lanes, operation for operation.
    @inline(__always)
    private static func centralValue4(_ q: SIMD4<Double>) -> SIMD4<Double> {
        let r: SIMD4<Double> = SIMD4(repeating: 0.180625) - q * q
        let u = horner4(r, 2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
                        13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608)
        let v = horner4(r, 5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
                        5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0)
        return q * (u / v)
    }

    /// A degree-7 polynomial on four lanes by Horner's rule, from the highest coefficient `c7` (as ``ratio``).
    @inline(__always)
    private static func horner4(_ x: SIMD4<Double>, _ c7: Double, _ c6: Double, _ c5: Double, _ c4: Double, _ c3: Double,
                                _ c2: Double, _ c1: Double, _ c0: Double) -> SIMD4<Double> {
        var u: SIMD4<Double> = SIMD4(repeating: c7) * x + SIMD4(repeating: c6)
        u = u * x + SIMD4(repeating: c5)
        u = u * x + SIMD4(repeating: c4)
        u = u * x + SIMD4(repeating: c3)
        u = u * x + SIMD4(repeating: c2)
        u = u * x + SIMD4(repeating: c1)
        return u * x + SIMD4(repeating: c0)
    }

    /// |Φ⁻¹(p)| outside the central region from `log min(p, 1 − p)`: `r = √(−log)`, then `C/D` or `E/F`.
    @inline(__always)
    private static func tailMagnitude(_ log: Double) -> Double {
        let r = (-log).squareRoot()
        return r <= 5 ? intermediateValue(r - 1.6) : tailValue(r - 5)
    }

    /// ``intermediateValue(_:)`` on four lanes, operation for operation.
    @inline(__always)
    private static func intermediateValue4(_ s: SIMD4<Double>) -> SIMD4<Double> {
        let u = horner4(s, 7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
                        3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734)
        let v = horner4(s, 1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
                        0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0)
        return u / v
    }

    /// `C(s) / D(s)`, `s = r − 1.6`.
    private static func intermediateValue(_ s: Double) -> Double {
        // Wichura's C and D.
        return ratio(
            1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
            1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
            1.0, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
            0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
            s)
    }

    /// `E(s) / F(s)`, `s = r − 5`.
    private static func tailValue(_ s: Double) -> Double {
        // Wichura's E and F.
        return ratio(
            6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
            0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
            1.0, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
            7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
            s)
    }

    /// The ratio of two degree-7 polynomials at `x`, each by Horner's rule from the highest coefficient.
    @inline(__always)
    private static func ratio(_ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double, _ a4: Double, _ a5: Double,
                              _ a6: Double, _ a7: Double, _ b0: Double, _ b1: Double, _ b2: Double, _ b3: Double,
                              _ b4: Double, _ b5: Double, _ b6: Double, _ b7: Double, _ x: Double) -> Double {
        let u = ((((((a7 * x + a6) * x + a5) * x + a4) * x + a3) * x + a2) * x + a1) * x + a0
        let v = ((((((b7 * x + b6) * x + b5) * x + b4) * x + b3) * x + b2) * x + b1) * x + b0
        return u / v
    }
}
