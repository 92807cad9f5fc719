internal import CGSL
import Foundation

/// The exact quantile function of Beta(a, b) on [0, 1], solved on GSL's regularised incomplete beta
/// function `I_x(a, b)` (`gsl_cdf_beta_P`, `gsl_cdf_beta_Q`), so GSL stays the reference; the density that
/// steers the steps is `x^(a−1) (1 − x)^(b−1) / B(a, b)` with GSL's `ln B(a, b)` (`gsl_sf_lnbeta`) computed once.
///
/// Algorithm (as `invbetai` of Press et al., *Numerical Recipes*, 3rd ed. 2007, §6.4: a tail start
/// `x ≈ (p a B(a, b))^(1/a)` refined by iteration; here safeguarded Halley steps on log-probabilities in
/// `logit x`; facts from DLMF §8.17):
/// - The unknown is whichever of `x` and `1 − x` is at most 1/2 (the complement, a Beta(b, a) quantile,
///   when `p > I_{1/2}(a, b)`, by the symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)`, DLMF 8.17.4), solved as
///   `y = logit`, so both ends of [0, 1] keep every digit. The equation is on whichever probability is
///   smaller, `log p` with `gsl_cdf_beta_P` or `log(1 − p)` with `gsl_cdf_beta_Q`, so both tails keep
///   their relative accuracy; the caller supplies both logarithms (exactly, for the table nodes).
/// - In these variables the lower tail is nearly a straight line: `I_x(a, b) = x^a / (a B(a, b)) ·
///   (1 + a(1 − b) x / (a + 1) + O(x²))` (its hypergeometric form, DLMF §8.17(ii)). Where that gives
///   `x (1 + |1 − b|) < 10⁻¹⁸` the leading term alone is exact to double precision and is used directly
///   (this is also where GSL's CDF would underflow).
/// - Otherwise Halley's method on `log I_x` (or `log(1 − I_x)`) in `y` (slope `h = f(x) x (1 − x) / I_x`,
///   second derivative `h (a − (a + b) x ∓ h)`),
///   started from a normal approximation (both shapes at least 2), the tail asymptote, or a neighbouring
///   solution, and safeguarded by bisection (``MonotoneRoot``).
struct BetaInverse: TransformedInverse {
    let a: Double
    let b: Double
    /// `log I_{1/2}(a, b)`: where the solution switches to the complement.
    let logPHalf: Double
    /// `ln B(a, b)` (`gsl_sf_lnbeta`).
    let lnBeta: Double

    /// - Parameters:
    ///   - a: First shape, > 0.
    ///   - b: Second shape, > 0.
    init(_ a: Double, _ b: Double) {
        GSLRuntime.prepare()
        self.a = a
        self.b = b
        logPHalf = Foundation.log(gsl_cdf_beta_P(0.5, a, b))
        lnBeta = gsl_sf_lnbeta(a, b)
    }

    /// `log x` (the table's variable: `x = exp(y)` then needs no division, and `log x` is accurate at
    /// both ends, `y ≈ −(1 − x)` near 1), from the solution in `logit`.
    func transformed(logP: Double, logQ: Double, guess: Double) -> Double {
        // The guess, from log x to logit x = log x − log(1 − x) (NaN if it is not a log of (0, 1)).
        let logitGuess = guess - Foundation.log(-Foundation.expm1(guess))
        if logP <= logPHalf {
            let y = Self.half(a, b, lnBeta: lnBeta, logBelow: logP, logAbove: logQ, guess: logitGuess)
            return y - Foundation.log1p(Foundation.exp(y))
        }
        // y = logit(1 − x) ≤ 0, so x = 1 / (1 + e^y).
        let y = Self.half(b, a, lnBeta: lnBeta, logBelow: logQ, logAbove: logP, guess: -logitGuess)
        return -Foundation.log1p(Foundation.exp(y))
    }

    func sensitivity(_ y: Double) -> Double {
        y < -800 ? 0 : 1
    }

    func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? 0 : (p == 1 ? 1 : .nan) }
        let logP = Foundation.log(p), logQ = Foundation.log1p(-p)
        if logP <= logPHalf { return Self.logistic(Self.half(a, b, lnBeta: lnBeta, logBelow: logP, logAbove: logQ, guess: .nan)) }
        return 1 - Self.logistic(Self.half(b, a, lnBeta: lnBeta, logBelow: logQ, logAbove: logP, guess: .nan))
    }

    /// `1 / (1 + e^−y)` for `y ≤ 0`, without overflow.
    static func logistic(_ y: Double) -> Double {
        let e = Foundation.exp(y)
        return e / (1 + e)
    }

    /// `y = logit u` for the `u ≤ 1/2` with `I_u(a, b) = e^logBelow` (`1 − I_u(a, b) = e^logAbove`),
    /// solved on whichever probability is smaller, so that it is known to full relative accuracy (GSL
    /// computes both: `gsl_cdf_beta_P` and `gsl_cdf_beta_Q`).
    private static func half(_ a: Double, _ b: Double, lnBeta: Double, logBelow: Double, logAbove: Double, guess: Double) -> Double {
        // Leading term of the lower tail: log u = (log p + log a + ln B(a, b)) / a.
        let asymptote = (logBelow + Foundation.log(a) + lnBeta) / a
        if asymptote + Foundation.log1p(abs(1 - b)) < -41.5 { return asymptote }
        let upperTail = logAbove < logBelow, logTarget = upperTail ? logAbove : logBelow
        var start = guess
        if guess.isNaN {
            // Normal approximation (both shapes at least 2), else the tail asymptote.
            start = min(asymptote, 0)
            if a >= 2 && b >= 2 {
                let s = a + b, probability = Foundation.exp(logTarget)
                let z = upperTail ? gsl_cdf_ugaussian_Qinv(probability) : gsl_cdf_ugaussian_Pinv(probability)
                let x0 = a / s + z * (a * b / (s * s * (s + 1))).squareRoot()
                if x0 > 0 && x0 <= 0.5 { start = Foundation.log(x0 / (1 - x0)) }
            }
        }
        return MonotoneRoot.solve(guess: start, lower: -.infinity, upper: 0) { y in
            let e = Foundation.exp(y), log1pE = Foundation.log1p(e)
            let u = e / (1 + e)
            // The density in y, f(u) u (1 − u) = u^a (1 − u)^b / B(a, b), from log u = y − log(1 + e^y) and
            // log(1 − u) = −log(1 + e^y) with ln B(a, b) computed once (GSL's gsl_ran_beta_pdf recomputes three
            // log-gammas a call). It only steers the steps: the root is where GSL's CDF meets the target.
            let density = Foundation.exp(a * y - (a + b) * log1pE - lnBeta)
            // d/dy log(f(u) u (1 − u)) = a − (a + b) u, for the second derivative.
            let shape = a - (a + b) * u
            if upperTail {
                let q = gsl_cdf_beta_Q(u, a, b), slope = density / q
                return (logTarget - Foundation.log(q), slope, slope * (shape + slope))
            }
            let p = gsl_cdf_beta_P(u, a, b), slope = density / p
            return (Foundation.log(p) - logTarget, slope, slope * (shape - slope))
        }
    }
}
