internal import CGSL
import Foundation

/// The quantile function of the lognormal distribution with median 1 and log-scale σ, `x(p) = e^(σ Φ⁻¹(p))`,
/// from which a ``QuantileTable`` is built, so that a lognormal input is sampled by one table lookup rather
/// than an inverse normal and an exponential (a lognormal with median `e^μ` is this one scaled by `e^μ`).
///
/// The table's variable is `y = log x = σ Φ⁻¹(p)`, with Φ⁻¹ from GSL (`gsl_cdf_ugaussian_Pinv`, Wichura's
/// AS 241, accurate to about 10⁻¹⁶) on whichever of `p` and `1 − p` is smaller (`gsl_cdf_ugaussian_Qinv`
/// above the median), so that both tails keep their relative accuracy. There is nothing to solve: the
/// table only replaces a closed form by a polynomial lookup within 10⁻¹¹ relative (tested).
struct LognormalInverse: TransformedInverse {
    /// The log-scale σ (the standard deviation of log x), > 0.
    let sigma: Double

    /// - Parameter sigma: The log-scale σ, > 0.
    init(_ sigma: Double) {
        GSLRuntime.prepare()
        self.sigma = sigma
    }

    func transformed(logP: Double, logQ: Double, guess: Double) -> Double {
        if logP <= logQ { return sigma * gsl_cdf_ugaussian_Pinv(Foundation.exp(logP)) }
        return sigma * gsl_cdf_ugaussian_Qinv(Foundation.exp(logQ))
    }

    func sensitivity(_ y: Double) -> Double {
        y < -800 ? 0 : 1
    }

    func quantile(_ p: Double) -> Double {
        ExpKernel.exp(sigma * NormalQuantileKernel.quantile(p))
    }
}
