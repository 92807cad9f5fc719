internal import CGSL
import Foundation

/// The exact quantile function of the gamma distribution with shape k and scale 1, solved on GSL's
/// regularised incomplete gamma functions `P(k, x)` and `Q(k, x)` (`gsl_cdf_gamma_P`, `gsl_cdf_gamma_Q`)
/// so GSL stays the reference (the density that steers the steps is `x^(k−1) e^−x / Γ(k)`, with GSL's
/// `ln Γ(k)` computed once). This replaces `gsl_cdf_gamma_Pinv`,
/// which in GSL 2.7 stops its iteration early and is off by up to 2e-6 relative in the upper tail.
///
/// Algorithm (after DiDonato & Morris, "Computation of the incomplete gamma function ratios and their
/// inverse", ACM TOMS 12(4), 1986: Wilson–Hilferty start, small-x series, then iteration, here Halley's):
/// - `y = log x` solves `log P(k, x) = log p` when `p ≤ 1/2`, and `log Q(k, x) = log(1 − p)` above, so
///   each tail is solved on the probability that is small there and known to full relative accuracy.
/// - Lower tail: `P(k, x) = x^k / Γ(k + 1) · (1 − k x / (k + 1) + O(x²))` (its Kummer-function form, DLMF §8.5), so
///   where `(log p + ln Γ(k + 1)) / k` gives `x < 10⁻¹⁸` the leading term is exact to double precision
///   and is used directly (this is also where GSL's CDF would underflow).
/// - Otherwise Halley's method in `y` (slope `h = f(x) x / P` or `f(x) x / Q`; second derivative
///   `h (k − x ∓ h)`, from `x d(log f)/dx = k − 1 − x` for the gamma density), started from the
///   Wilson–Hilferty approximation `x ≈ k (1 − 1/(9k) + z / (3√k))³` (Wilson & Hilferty 1931), the tail
///   asymptote, or a neighbouring solution, and safeguarded by bisection (``MonotoneRoot``).
struct GammaInverse: TransformedInverse {
    let shape: Double
    /// `ln Γ(k + 1)` (`gsl_sf_lngamma`).
    let lnGammaShapePlusOne: Double
    /// `ln Γ(k)` (`gsl_sf_lngamma`).
    let lnGammaShape: Double

    /// - Parameter shape: The shape k, > 0.
    init(_ shape: Double) {
        GSLRuntime.prepare()
        self.shape = shape
        lnGammaShapePlusOne = gsl_sf_lngamma(shape + 1)
        lnGammaShape = gsl_sf_lngamma(shape)
    }

    /// The density in `y = log x`, `f(x) x = x^k e^−x / Γ(k)` (for the slope of the steps; GSL's
    /// `gsl_ran_gamma_pdf` recomputes `ln Γ(k)` a call).
    @inline(__always)
    private func density(_ y: Double, _ x: Double) -> Double {
        Foundation.exp(shape * y - x - lnGammaShape)
    }

    func transformed(logP: Double, logQ: Double, guess: Double) -> Double {
        let k = shape
        let asymptote = (logP + lnGammaShapePlusOne) / k
        if asymptote < -41.5 { return asymptote }
        var start = guess
        if logP <= logQ {
            // p ≤ 1/2: the quantile is at most the median, below the mean k.
            if !start.isFinite {
                let x0 = Self.wilsonHilferty(k, z: gsl_cdf_ugaussian_Pinv(Foundation.exp(logP)))
                start = x0 > 0 ? Foundation.log(x0) : asymptote
            }
            return MonotoneRoot.solve(guess: start, lower: -.infinity, upper: Foundation.log(k)) { y in
                let x = Foundation.exp(y), p = gsl_cdf_gamma_P(x, k, 1)
                let slope = density(y, x) / p
                return (Foundation.log(p) - logP, slope, slope * (k - x - slope))
            }
        }
        if !start.isFinite {
            let x0 = Self.wilsonHilferty(k, z: gsl_cdf_ugaussian_Qinv(Foundation.exp(logQ)))
            start = x0 > 0 ? Foundation.log(x0) : max(asymptote, Foundation.log(max(k, -logQ)))
        }
        return MonotoneRoot.solve(guess: start, lower: -.infinity, upper: .infinity) { y in
            let x = Foundation.exp(y), q = gsl_cdf_gamma_Q(x, k, 1)
            let slope = density(y, x) / q
            return (logQ - Foundation.log(q), slope, slope * (k - x + slope))
        }
    }

    func sensitivity(_ y: Double) -> Double {
        y < -800 ? 0 : 1
    }

    func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? 0 : (p == 1 ? .infinity : .nan) }
        return Foundation.exp(transformed(logP: Foundation.log(p), logQ: Foundation.log1p(-p), guess: .nan))
    }

    /// Wilson & Hilferty (1931): `(X / k)^(1/3)` is nearly normal with mean `1 − 1/(9k)`, variance `1/(9k)`.
    private static func wilsonHilferty(_ k: Double, z: Double) -> Double {
        let c = 1 / (9 * k), r = 1 - c + z * c.squareRoot()
        return k * r * r * r
    }
}
