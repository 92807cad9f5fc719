import AICarbonKernels
import Dispatch
import Foundation

/// A quantile function tabulated as piecewise polynomials, for sampling at a few nanoseconds a value.
///
/// The table approximates the quantile `x(p)` itself wherever every quantile it covers is a normal double
/// (``linear``: then sampling needs no exponential), and otherwise `y = log x(p)` (``TransformedInverse``;
/// a gamma of shape 0.01 has `x ≈ 10⁻⁶⁰²` at `p = 2⁻²⁰`), as a function of `m = min(p, 1 − p)` on two sides (`p < 1/2`
/// and `p ≥ 1/2`; `1 − p` is exact there). Pieces follow the binary representation of `m`: each binade
/// `[2^e, 2^(e+1))` from 2⁻²⁰ (9.5·10⁻⁷) to 1/2 is cut into `2^bits` equal pieces, so a piece's index is
/// read from the exponent and the leading bits of the significand, and its local variable `t ∈ [−1, 1)`
/// from the remaining bits, exactly and without a logarithm or a division. Pieces are thus geometrically
/// spaced, which suits the tails: a beta's lower tail `x ~ (p a B)^(1/a)` gives `y ≈ (log p) / a`, its
/// upper tail `y ≈ −(b B q)^(1/b)`, a gamma's lower tail `y ≈ (log p) / k`, its upper tail `x ≈ −log q`,
/// all smooth on a piece whose width is at most an eighth of its distance from `m = 0`; so is `x = e^y`
/// there, whose relative change across a piece is small (a power law `x ∝ m^(1/a)` changes by the same
/// factor on every piece of a binade, so its relative interpolation error is the same at every scale).
///
/// Algorithm: Chebyshev interpolation (Trefethen, *Approximation Theory and Approximation Practice*,
/// SIAM 2013, ch. 3–4, 8): on each piece, degree-8 interpolation at the 9 Chebyshev points of the first
/// kind of values solved exactly on GSL's CDF (``TransformedInverse/transformed(logP:logQ:guess:)``,
/// each started from a quadratic extrapolation of the previous three). The function is analytic near
/// each piece, so the coefficients decay geometrically and the last ones bound the interpolation error
/// (as in Chebfun's "chopping", Aurentz & Trefethen, ACM TOMS 43(4), 2017). Binades start cut in 8 and
/// are cut in 16, then 32, until every piece's error estimate, as relative error in `x`, is below
/// `10⁻¹²` (plus `2·10⁻¹⁴ |dy/d log m|`, for ill-conditioned quantiles). The coefficients are then stored
/// as a polynomial in `t`. A piece still failing at the finest cut is marked NaN, and its values are
/// solved exactly when sampled, as are probabilities outside the table (below 2⁻²⁰ from either end,
/// exactly 1/2, 0, 1, NaN).
///
/// The table stops at 2⁻²⁰ because a value beyond is drawn once in 500,000 (`2 · 2⁻²⁰`), and its exact
/// solution (a few microseconds) then costs less, over any run, than tabulating the 24 binades down to
/// 2⁻⁴⁴ would at the start of every run (they were 56% of the nodes); a value there is also more
/// accurate solved than interpolated. Only a distribution truncated to a sliver of its tail (less than
/// 2⁻²⁰ of its mass) has every value there, and is sampled at the exact solver's speed.
///
/// Building solves 2,736 nodes at 8 pieces a binade, about 1.05 CDF evaluations each from the extrapolated
/// guess (Halley's method, ``MonotoneRoot``): a few milliseconds, once per process (``QuantileTableCache``);
/// evaluating costs a few integer operations, a lookup and a degree-8 polynomial, all in plain double
/// arithmetic (no fused or reassociated operations), so results are identical on every machine and on
/// any number of threads.
struct QuantileTable: Sendable {
    /// Polynomial degree on each piece.
    static let degree = 8
    /// Coefficients per piece.
    static let coefficientCount = degree + 1
    /// Biased exponent of the smallest binade covered, 2⁻²⁰.
    static let lowestExponent = 1023 - 20
    /// Binades covered on each side: 2⁻²⁰ up to [1/4, 1/2).
    static let binades = 19
    /// The smallest `m` covered, 2⁻²⁰ (the binade of ``lowestExponent``).
    static let lowestMass = Double(sign: .plus, exponent: lowestExponent - 1023, significand: 1)
    /// Relative error allowed in `x` per piece: `tolerance + slopeTolerance · |dy/d log m|`. The second
    /// term allows for ill-conditioned quantiles (slope `1/k` in a gamma's lower tail), where a relative
    /// error of 10⁻¹⁶ in `p` already costs `10⁻¹⁶ |dy/d log m|`. The first is above the noise of GSL's CDFs
    /// (up to about 10⁻¹³ in `y`, e.g. `gsl_cdf_gamma_Q` for small shapes).
    static let tolerance = 1e-12
    static let slopeTolerance = 2e-14
    /// The table is ``linear`` when `log x` at ``linearTestMass`` exceeds this (`x > 10⁻³⁰⁴`, so that every
    /// value it interpolates, and the polynomial's rounding relative to it, stays among the normal doubles).
    static let linearLowerLog = -700.0
    /// Where ``linearLowerLog`` is judged: 2⁻⁴⁴, below the table's end. A quantile still a normal double
    /// there has a lower tail no steeper than `x ∝ m^23` (a gamma's shape or a beta's first shape above
    /// 0.044), which a polynomial in `x` follows across a piece; a steeper one (a gamma of shape 0.02, `x ∝ m^50`,
    /// changes by a factor of 5 across a piece of 1/32 of a binade) is tabulated as `log x`.
    static let linearTestMass = 0x1p-44

    /// Each binade is cut into `2^bits` pieces.
    let bits: Int
    /// Whether the pieces interpolate the quantile `x` (true) or its logarithm `y = log x` (false).
    let linear: Bool
    /// `coefficientCount` monomial coefficients per piece (constant first) in `t`: side, binade, piece.
    let coefficients: [Double]
    /// The largest estimated relative error in `x` over the accepted pieces (the slope term included).
    let estimatedError: Double
    /// Pieces left to exact solution (NaN coefficients).
    let exactPieces: Int
    /// Number of pieces.
    var pieces: Int { 2 * Self.binades << bits }

    /// Builds the table of an exact inverse.
    /// - Parameter inverse: The exact (transformed) inverse CDF.
    init(_ inverse: some TransformedInverse) {
        // The quantile's lower tail, judged below the table's end (x increases with p).
        let m = Self.linearTestMass
        let lowest = inverse.transformed(logP: Foundation.log(m), logQ: Foundation.log1p(-m), guess: .nan)
        linear = lowest > Self.linearLowerLog
        var bits = 3
        while true {
            let level = Self.build(inverse, bits: bits, linear: linear)
            // Finer pieces help inaccurate pieces, not those where GSL's CDF failed (NaN).
            if level.inaccurate == 0 || bits >= 5 {
                self.bits = bits
                coefficients = level.coefficients
                estimatedError = level.error
                exactPieces = level.inaccurate + level.failed
                return
            }
            bits += 1
        }
    }

    /// The tabulated value at probability `p` (the quantile, or its logarithm: ``linear``), and whether `p`
    /// is inside the table.
    /// - Parameters:
    ///   - p: A probability.
    ///   - bits: ``bits``.
    ///   - c: The coefficients.
    /// - Returns: `y` (from piece 0 when outside, to be replaced by the caller) and whether inside.
    @inline(__always)
    static func evaluate(_ p: Double, bits: Int, _ c: UnsafePointer<Double>) -> (y: Double, inside: Bool) {
        let upper = p >= 0.5
        let m = upper ? 1 - p : p
        // NaN, negative, zero, subnormal or too small, and m = 1/2 all fall outside.
        let inside = m >= lowestMass && m < 0.5
        let pattern = m.bitPattern
        // Inside, the bits above the piece's are the biased exponent: the piece is (side, binade, leading
        // bits of the significand) read in one shift.
        let index = Int(truncatingIfNeeded: pattern >> UInt64(52 - bits)) &- (lowestExponent << bits) &+ (upper ? binades << bits : 0)
        let piece = inside ? index : 0
        // The remaining bits as a double in [1, 2), mapped exactly to t ∈ [−1, 1).
        let t = 2 * Double(bitPattern: 0x3FF0_0000_0000_0000 | ((pattern << UInt64(bits)) & 0x000F_FFFF_FFFF_FFFF)) - 3
        let d = c + piece &* coefficientCount
        // Estrin's scheme (Knuth, TAOCP vol. 2, §4.6.4): the same polynomial with a shorter chain of
        // dependent operations than Horner's rule, in a fixed order.
        let t2 = t * t, t4 = t2 * t2
        let a0 = d[0] + d[1] * t, a1 = d[2] + d[3] * t, a2 = d[4] + d[5] * t, a3 = d[6] + d[7] * t
        return ((a0 + a1 * t2) + ((a2 + a3 * t2) + d[8] * t4) * t4, inside)
    }

    /// ``evaluate(_:bits:_:)`` on four lanes, operation for operation (the same bits as one lane).
    /// - Parameters:
    ///   - p: Four probabilities.
    ///   - bits: ``bits``.
    ///   - c: The coefficients.
    /// - Returns: `y` per lane (from piece 0 when outside) and which lanes are inside the table.
    @inline(__always)
    static func evaluate4(_ p: SIMD4<Double>, bits: Int, _ c: UnsafePointer<Double>) -> (y: SIMD4<Double>, inside: SIMDMask<SIMD4<Int64>>) {
        // The same values as one lane, by integer operations on bit patterns rather than per-lane selects
        // (which compilers may turn into branches): m = min(p, 1 − p); the side from the sign of p − 1/2
        // (exact in sign: negative exactly when p < 1/2); the piece clamped to 0 outside the table.
        let complement = SIMD4(repeating: 1) - p
        let m = p.replacing(with: complement, where: complement .< p)
        let inside = (m .>= SIMD4(repeating: lowestMass)) .& (m .< SIMD4(repeating: 0.5))
        let pattern = unsafeBitCast(m, to: SIMD4<UInt64>.self)
        let below = unsafeBitCast(p - SIMD4(repeating: 0.5), to: SIMD4<UInt64>.self) &>> 63
        let side = unsafeBitCast(below &- 1, to: SIMD4<Int64>.self) & SIMD4(repeating: Int64(binades << bits))
        let index = unsafeBitCast(pattern &>> UInt64(52 - bits), to: SIMD4<Int64>.self) &- SIMD4(repeating: Int64(lowestExponent << bits)) &+ side
        let piece = index & unsafeBitCast(SIMD4<Double>(repeating: 0).replacing(with: SIMD4(repeating: Double(bitPattern: ~0)), where: inside), to: SIMD4<Int64>.self)
        let fraction = SIMD4(repeating: 0x3FF0_0000_0000_0000) | ((pattern &<< UInt64(bits)) & SIMD4(repeating: 0x000F_FFFF_FFFF_FFFF))
        let t: SIMD4<Double> = SIMD4(repeating: 2) * unsafeBitCast(fraction, to: SIMD4<Double>.self) - SIMD4(repeating: 3)
        let d0 = c + Int(truncatingIfNeeded: piece[0]) &* coefficientCount, d1 = c + Int(truncatingIfNeeded: piece[1]) &* coefficientCount
        let d2 = c + Int(truncatingIfNeeded: piece[2]) &* coefficientCount, d3 = c + Int(truncatingIfNeeded: piece[3]) &* coefficientCount
        @inline(__always) func coefficient(_ k: Int) -> SIMD4<Double> { SIMD4(d0[k], d1[k], d2[k], d3[k]) }
        let t2: SIMD4<Double> = t * t
        let t4: SIMD4<Double> = t2 * t2
        let a0: SIMD4<Double> = coefficient(0) + coefficient(1) * t
        let a1: SIMD4<Double> = coefficient(2) + coefficient(3) * t
        let a2: SIMD4<Double> = coefficient(4) + coefficient(5) * t
        let a3: SIMD4<Double> = coefficient(6) + coefficient(7) * t
        let high: SIMD4<Double> = (a2 + a3 * t2) + coefficient(8) * t4
        return ((a0 + a1 * t2) + high * t4, inside)
    }

    /// The last three solutions `(w, y)` in order, for extrapolating to the next node.
    private struct Recent {
        var w = (Double.nan, Double.nan, Double.nan)
        var y = (Double.nan, Double.nan, Double.nan)

        mutating func append(_ w: Double, _ y: Double) {
            self.w = (self.w.1, self.w.2, w)
            self.y = (self.y.1, self.y.2, y)
        }

        /// The quadratic through the three points (Lagrange form) at `w`; the last point alone, or NaN, when
        /// fewer are known.
        func extrapolate(to w: Double) -> Double {
            guard y.0.isFinite else { return y.2 }
            let l0 = (w - self.w.1) * (w - self.w.2) / ((self.w.0 - self.w.1) * (self.w.0 - self.w.2))
            let l1 = (w - self.w.0) * (w - self.w.2) / ((self.w.1 - self.w.0) * (self.w.1 - self.w.2))
            let l2 = (w - self.w.0) * (w - self.w.1) / ((self.w.2 - self.w.0) * (self.w.2 - self.w.1))
            return y.0 * l0 + y.1 * l1 + y.2 * l2
        }
    }

    /// One level of the table: every piece interpolated, with its error estimate. The two sides are
    /// independent and built in parallel (each the same whichever thread builds it).
    private static func build(_ inverse: some TransformedInverse, bits: Int, linear: Bool)
        -> (coefficients: [Double], error: Double, inaccurate: Int, failed: Int) {
        let sides = SideResults()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let result = buildSide(inverse, bits: bits, side: side, linear: linear)
            sides.set(side, result)
        }
        let lower = sides.results[0]!, upper = sides.results[1]!
        return (lower.coefficients + upper.coefficients, max(lower.error, upper.error),
                lower.inaccurate + upper.inaccurate, lower.failed + upper.failed)
    }

    /// The two sides' results, each written once by its own task.
    private final class SideResults: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [(coefficients: [Double], error: Double, inaccurate: Int, failed: Int)?] = [nil, nil]

        func set(_ side: Int, _ result: (coefficients: [Double], error: Double, inaccurate: Int, failed: Int)) {
            lock.lock()
            results[side] = result
            lock.unlock()
        }
    }

    /// One side (`p < 1/2` or `p ≥ 1/2`) of one level of the table.
    private static func buildSide(_ inverse: some TransformedInverse, bits: Int, side: Int, linear: Bool)
        -> (coefficients: [Double], error: Double, inaccurate: Int, failed: Int) {
        let n = degree, m = n + 1, cuts = 1 << bits
        let nodes = (0..<m).map { Foundation.cos(Double.pi * (Double($0) + 0.5) / Double(m)) }
        // T_i(t_j), for the coefficients; and the monomial coefficients of each T_i.
        let chebyshevAtNodes = (0..<m).map { i in (0..<m).map { j in Foundation.cos(Double.pi * Double(i) * (Double(j) + 0.5) / Double(m)) } }
        var monomials = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        monomials[0][0] = 1
        monomials[1][1] = 1
        for i in 2..<m {
            for d in 0..<m {
                monomials[i][d] = (d > 0 ? 2 * monomials[i - 1][d - 1] : 0) - monomials[i - 2][d]
            }
        }
        var coefficients = [Double](repeating: 0, count: binades * cuts * m)
        var worst = 0.0, inaccurate = 0, failed = 0
        // Per piece, at its nodes: the interpolated values, y, log m; and the Chebyshev coefficients.
        // Allocated once per side (the loop below allocates nothing).
        var values = [Double](repeating: 0, count: m), logs = values, logM = values, chebyshev = values
        // The last three solutions (in log m), for a quadratic extrapolation to the next node (its solve
        // then needs one or two Halley steps).
        var recent = Recent()
        for binade in 0..<binades {
            let scale = Double(sign: .plus, exponent: binade + lowestExponent - 1023, significand: 1)
            for cut in 0..<cuts {
                // Nodes in increasing m (t_j decreases with j).
                var sensitivity = 0.0
                for j in stride(from: n, through: 0, by: -1) {
                    let mass = scale * (1 + (Double(cut) + (nodes[j] + 1) / 2) / Double(cuts))
                    let v = Foundation.log(mass), complement = Foundation.log1p(-mass)
                    let y = inverse.transformed(logP: side == 0 ? v : complement, logQ: side == 0 ? complement : v,
                                                guess: recent.extrapolate(to: v))
                    // Linear: the quantile itself, its interpolation error relative to the smallest value on
                    // the piece.
                    values[j] = linear ? Foundation.exp(y) : y
                    logs[j] = y
                    logM[j] = v
                    if y.isFinite { recent.append(v, y) }
                    sensitivity = max(sensitivity, linear ? 1 / values[j] : inverse.sensitivity(y))
                }
                for i in 0..<m {
                    var sum = 0.0
                    for j in 0..<m { sum += values[j] * chebyshevAtNodes[i][j] }
                    chebyshev[i] = sum * 2 / Double(m)
                }
                chebyshev[0] /= 2
                // The interpolant's error is about twice the first neglected coefficient, below |c_n| while
                // the coefficients fall by half or more a degree; where they do not, |c_{n−1}| is added.
                let last = abs(chebyshev[n]), previous = abs(chebyshev[n - 1])
                let error = (2 * last + (last > previous / 2 ? previous : 0)) * sensitivity
                let slope = abs(logs[0] - logs[n]) / (logM[0] - logM[n])
                let base = (binade * cuts + cut) * m
                let finite = values.allSatisfy(\.isFinite) && sensitivity.isFinite
                if finite && error <= tolerance + slopeTolerance * slope {
                    worst = max(worst, error)
                    for d in 0..<m {
                        var sum = 0.0
                        for i in d..<m { sum += chebyshev[i] * monomials[i][d] }
                        coefficients[base + d] = sum
                    }
                } else {
                    if finite { inaccurate += 1 } else { failed += 1 }
                    for d in 0..<m { coefficients[base + d] = .nan }
                }
            }
        }
        return (coefficients, worst, inaccurate, failed)
    }
}
