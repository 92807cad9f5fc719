internal import CGSL

/// Process-wide GSL set-up: GSL's default error handler aborts the process, so it is turned off once,
/// before any GSL call; every GSL failure is then reported through return codes and becomes an error.
public enum GSLRuntime {
    private static let prepared: Bool = {
        aic_gsl_disable_abort()
        return true
    }()

    /// Turns off GSL's abort-on-error handler (idempotent, thread-safe). Library entry points that
    /// reach GSL call this first.
    public static func prepare() { _ = prepared }

    /// The linked GSL version, e.g. `2.7.1`, recorded with every result.
    public static var version: String {
        prepare()
        return String(cString: aic_gsl_version())
    }

    /// Inverse CDF of the standard normal, through GSL (`gsl_cdf_ugaussian_Pinv`).
    /// - Parameter p: A probability in (0, 1).
    /// - Returns: The quantile; ±infinity at 0 and 1.
    public static func standardNormalQuantile(_ p: Double) -> Double {
        prepare()
        return gsl_cdf_ugaussian_Pinv(p)
    }

    /// Inverse CDF of the Weibull distribution through GSL (`gsl_cdf_weibull_Pinv`), the reference the
    /// engine's Weibull quantiles are tested against.
    /// - Parameters:
    ///   - p: A probability in (0, 1).
    ///   - shape: Shape k > 0.
    ///   - scale: Scale λ > 0.
    /// - Returns: `λ (−ln(1 − p))^(1/k)`.
    public static func weibullQuantile(_ p: Double, shape: Double, scale: Double) -> Double {
        prepare()
        return gsl_cdf_weibull_Pinv(p, scale, shape)
    }
}
