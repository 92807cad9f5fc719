import Foundation

/// The quantile function of the Weibull distribution with shape k and scale 1, `x(p) = (−ln(1 − p))^(1/k)`,
/// from which a ``QuantileTable`` is built, so that a Weibull input is sampled by one table lookup rather
/// than two logarithms and an exponential (a Weibull of scale λ is this one scaled by λ).
///
/// The table's variable is `y = log x = ln(−ln(1 − p)) / k`. The caller supplies `ln(1 − p)` accurately at
/// both ends (`log1p(−p)` for small p, the logarithm of the small complement near 1), so both tails keep
/// their relative accuracy. There is nothing to solve: the table only replaces a closed form by a
/// polynomial lookup within 10⁻¹¹ relative (tested).
struct WeibullInverse: TransformedInverse {
    /// The shape k, > 0.
    let shape: Double

    /// - Parameter shape: The shape k, > 0.
    init(_ shape: Double) {
        self.shape = shape
    }

    func transformed(logP: Double, logQ: Double, guess: Double) -> Double {
        Foundation.log(-logQ) / shape
    }

    func sensitivity(_ y: Double) -> Double {
        y < -800 ? 0 : 1
    }

    func quantile(_ p: Double) -> Double {
        Distribution.weibull(shape: shape, scale: 1).quantile(p)
    }
}
