import Foundation

/// A quantile function tabulated as piecewise polynomials, for sampling at a few nanoseconds a value.
///
/// The table approximates `y(w) = T(x(p))` as a function of `w = logit p = log(p / (1 − p))`, where `T` is
/// the inverse's transform (``TransformedInverse``: `logit x` for beta, `log x` for gamma). In these
/// variables both tails become nearly straight lines (a beta's lower tail `x ~ (p a B)^(1/a)` gives
/// `y ≈ w / a`, its upper tail `y ≈ w / b`; a gamma's lower tail `y ≈ w / k`, its upper tail
/// `x ≈ w + (k − 1) log w`), so one uniform grid in `w` covers `p` from 5·10⁻¹⁷ to 1 − 2⁻⁵³ (every double
/// below 1) with pieces of the same width, and a piece is found by one multiplication.
///
/// Algorithm: Chebyshev interpolation (Trefethen, *Approximation Theory and Approximation Practice*,
/// SIAM 2013, ch. 3–4, 8): on each piece, degree-8 interpolation at the 9 Chebyshev points of the first
/// kind of values solved exactly on GSL's CDF (``TransformedInverse/transformed(logP:logQ:guess:)``,
/// each started from its neighbour). The function is analytic in a strip around the real `w` axis, so
/// the coefficients decay geometrically; the last two bound the interpolation error (as in Chebfun's
/// "chopping", Aurentz & Trefethen, ACM TOMS 43(4), 2017). Pieces start 1/4 wide and are halved, down to
/// 1/16, until every piece's error estimate, as relative error in `x`, is below `10⁻¹²` (plus
/// `2·10⁻¹⁴ |dy/dw|`: the error that rounding `w` itself causes scales with the local slope too).
/// The coefficients are then stored as a polynomial in the piece's local variable `t ∈ [−1, 1]` for
/// Horner evaluation. A piece still failing at the finest width is marked NaN, and its values are
/// solved exactly when sampled.
///
/// Building costs some 10⁴ CDF evaluations (a few milliseconds); evaluating costs a `log`, a lookup and
/// a degree-8 polynomial, all in plain double arithmetic (no fused or reassociated operations),
/// so results are identical on every machine with the same libm, and on any number of threads.
struct QuantileTable: Sendable {
    /// Polynomial degree on each piece.
    static let degree = 8
    /// Coefficients per piece.
    static let coefficientCount = degree + 1
    /// The table covers `w = logit p` in [lowest, highest]: every p from 5·10⁻¹⁷ to the largest double below 1.
    static let lowest = -37.5
    static let highest = 37.5
    /// Relative error allowed in `x` per piece: `tolerance + slopeTolerance · |dy/dw|`. The second term
    /// allows for ill-conditioned quantiles (slope `1/k` in a gamma's lower tail), where rounding `w`
    /// alone (about 4·10⁻¹⁵ absolute) already costs `4·10⁻¹⁵ |dy/dw|`. The first is above the noise of
    /// GSL's CDFs (up to about 10⁻¹³ in `y`, e.g. `gsl_cdf_gamma_Q` for small shapes).
    static let tolerance = 1e-12
    static let slopeTolerance = 2e-14

    /// Width of each piece in `w` (a power of two).
    let width: Double
    /// Number of pieces.
    let pieces: Int
    /// `coefficientCount` monomial coefficients per piece (constant first) in `t = 2 (w − centre) / width`.
    let coefficients: [Double]
    /// The largest estimated relative error in `x` over the accepted pieces (the slope term included).
    let estimatedError: Double
    /// Pieces left to exact solution (NaN coefficients).
    let exactPieces: Int

    /// Builds the table of an exact inverse.
    /// - Parameter inverse: The exact (transformed) inverse CDF.
    init(_ inverse: some TransformedInverse) {
        var width = 0.25
        while true {
            let level = Self.build(inverse, width: width)
            if level.failing == 0 || width <= 1.0 / 16 {
                self.width = width
                pieces = level.pieces
                coefficients = level.coefficients
                estimatedError = level.error
                exactPieces = level.failing
                return
            }
            width /= 2
        }
    }

    /// Evaluates piece `k` at `w`.
    /// - Parameters:
    ///   - w: `logit p`, within the table's range.
    ///   - c: The coefficients.
    /// - Returns: The transformed quantile `y`.
    @inline(__always)
    static func evaluate(_ w: Double, lookup: Lookup, _ c: UnsafePointer<Double>) -> Double {
        let k = Int(min((w - lowest) * lookup.inverseWidth, lookup.lastPiece))
        let t = (w - (lowest + (Double(k) + 0.5) * lookup.width)) * lookup.twiceInverseWidth
        let d = c + k &* coefficientCount
        // Estrin's scheme (Knuth, TAOCP vol. 2, §4.6.4): the same polynomial with a shorter chain of
        // dependent operations than Horner's rule, in a fixed order.
        let t2 = t * t, t4 = t2 * t2
        let a0 = d[0] + d[1] * t, a1 = d[2] + d[3] * t, a2 = d[4] + d[5] * t, a3 = d[6] + d[7] * t
        return (a0 + a1 * t2) + ((a2 + a3 * t2) + d[8] * t4) * t4
    }

    /// The constants of a lookup, hoisted out of sampling loops.
    struct Lookup {
        let width: Double
        let inverseWidth: Double
        let twiceInverseWidth: Double
        let lastPiece: Double
    }

    var lookup: Lookup {
        Lookup(width: width, inverseWidth: 1 / width, twiceInverseWidth: 2 / width, lastPiece: Double(pieces - 1))
    }

    /// The quadratic through three points (Lagrange form) at `w`; the last point alone, or NaN, when
    /// fewer are known.
    private static func extrapolate(_ ws: [Double], _ ys: [Double], to w: Double) -> Double {
        guard ys[0].isFinite else { return ys[2] }
        let l0 = (w - ws[1]) * (w - ws[2]) / ((ws[0] - ws[1]) * (ws[0] - ws[2]))
        let l1 = (w - ws[0]) * (w - ws[2]) / ((ws[1] - ws[0]) * (ws[1] - ws[2]))
        let l2 = (w - ws[0]) * (w - ws[1]) / ((ws[2] - ws[0]) * (ws[2] - ws[1]))
        return ys[0] * l0 + ys[1] * l1 + ys[2] * l2
    }

    /// One level of the table: every piece of width `width` interpolated, with its error estimate.
    private static func build(_ inverse: some TransformedInverse, width: Double)
        -> (pieces: Int, coefficients: [Double], error: Double, failing: Int) {
        let n = degree, m = n + 1
        let pieces = Int(((highest - lowest) / width).rounded())
        let nodes = (0..<m).map { Foundation.cos(Double.pi * (Double($0) + 0.5) / Double(m)) }
        // T_i(t_j), for the coefficients; and the monomial coefficients of each T_i.
        let chebyshevAtNodes = (0..<m).map { i in (0..<m).map { j in Foundation.cos(Double.pi * Double(i) * (Double(j) + 0.5) / Double(m)) } }
        var monomials = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        monomials[0][0] = 1
        if m > 1 { monomials[1][1] = 1 }
        if m > 2 {
            for i in 2..<m {
                for d in 0..<m {
                    monomials[i][d] = (d > 0 ? 2 * monomials[i - 1][d - 1] : 0) - monomials[i - 2][d]
                }
            }
        }
        var coefficients = [Double](repeating: 0, count: pieces * m)
        var worst = 0.0, failing = 0
        // The last three solutions, for a quadratic extrapolation to the next node (its solve then needs
        // about two Newton steps).
        var previousW = [Double](repeating: .nan, count: 3), previousY = [Double](repeating: .nan, count: 3)
        var values = [Double](repeating: 0, count: m)
        for k in 0..<pieces {
            let centre = lowest + (Double(k) + 0.5) * width
            // Nodes in increasing w (t_j decreases with j), each solve started from the previous one.
            var sensitivity = 0.0
            for j in stride(from: n, through: 0, by: -1) {
                let w = centre + width / 2 * nodes[j]
                let logP = -Foundation.log1p(Foundation.exp(-w)), logQ = -Foundation.log1p(Foundation.exp(w))
                let y = inverse.transformed(logP: logP, logQ: logQ, guess: Self.extrapolate(previousW, previousY, to: w))
                values[j] = y
                if y.isFinite {
                    previousW = [previousW[1], previousW[2], w]
                    previousY = [previousY[1], previousY[2], y]
                }
                sensitivity = max(sensitivity, inverse.sensitivity(y))
            }
            var chebyshev = [Double](repeating: 0, count: m)
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
            let slope = abs(values[0] - values[n]) / (width / 2 * (nodes[0] - nodes[n]))
            let base = k * m
            if values.allSatisfy(\.isFinite) && error <= tolerance + slopeTolerance * slope {
                worst = max(worst, error)
                for d in 0..<m {
                    var sum = 0.0
                    for i in d..<m { sum += chebyshev[i] * monomials[i][d] }
                    coefficients[base + d] = sum
                }
            } else {
                failing += 1
                for d in 0..<m { coefficients[base + d] = .nan }
            }
        }
        return (pieces, coefficients, worst, failing)
    }
}
