/// An exact inverse CDF solved in a transformed variable, from which ``QuantileTable`` is built.
///
/// The quantile `x(p)` is found as `y = T(x) = log x` from both `log p` and `log(1 − p)`, so that either
/// tail keeps its relative accuracy.
protocol TransformedInverse: Sendable {
    /// The transformed quantile `T(x)` at the probability whose logarithm is `logP` (and `logQ` that of its
    /// complement), solved on GSL's CDF.
    /// - Parameters:
    ///   - logP: log p.
    ///   - logQ: log(1 − p), computed accurately by the caller.
    ///   - guess: A starting value of `T(x)` (e.g. a neighbouring solution), or NaN for none.
    /// - Returns: `T(x)`, or NaN if GSL failed.
    func transformed(logP: Double, logQ: Double, guess: Double) -> Double

    /// The relative error in `x` per unit absolute error in `T(x)` at `y = T(x)`: 1 for log, 0 where `x`
    /// is below the smallest double (`y < −800`), whatever the error.
    func sensitivity(_ y: Double) -> Double

    /// The quantile at probability `p` (exact to GSL's CDF accuracy; about a microsecond).
    func quantile(_ p: Double) -> Double
}
