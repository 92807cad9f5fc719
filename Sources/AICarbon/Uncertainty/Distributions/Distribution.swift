internal import CGSL
import Foundation

/// A probability distribution for one uncertain input, sampled by its inverse CDF (quantile function).
///
/// Inverse CDFs come from the sampling kernels for the normal and lognormal (``NormalQuantileKernel``,
/// Wichura's AS 241 as in GSL's `gsl_cdf_ugaussian_Pinv`, which stays the tests' reference, and
/// ``ExpKernel``: the same bits on every machine), the same kernels for the Weibull, closed
/// forms for uniform, triangular, log-uniform (with ``LogKernel`` and ``ExpKernel``) and discrete, and
/// exact solutions on GSL's CDFs for beta, PERT and gamma. Sampled, beta, PERT, gamma, lognormal and Weibull
/// inputs go through precomputed quantile tables (`PreparedDistribution`). Values are in the base unit of the input's
/// ``QuantityKind``. Create distributions with the validating factories (``uniform(_:_:)`` …) or by
/// parsing the distribution syntax (``DistributionParser``).
public indirect enum Distribution: Sendable, Hashable {
    /// A fixed value.
    case fixed(Double)
    /// Uniform on [a, b].
    case uniform(Double, Double)
    /// Triangular with minimum, mode and maximum.
    case triangular(Double, Double, Double)
    /// PERT (Malcolm et al. 1959; Vose 2008): a beta on [min, max] with
    /// α = 1 + 4 (mode − min) / (max − min) and β = 1 + 4 (max − mode) / (max − min).
    case pert(Double, Double, Double)
    /// Normal with mean and standard deviation.
    case normal(Double, Double)
    /// Lognormal: `exp(N(mu, sigma))`; median `e^mu`, geometric standard deviation `e^sigma`.
    case lognormal(mu: Double, sigma: Double)
    /// Beta(a, b) scaled to [lower, upper].
    case beta(Double, Double, lower: Double, upper: Double)
    /// Gamma with shape k and scale θ (mean kθ).
    case gamma(shape: Double, scale: Double)
    /// Weibull with shape k and scale λ.
    case weibull(shape: Double, scale: Double)
    /// Log-uniform on [a, b], 0 < a < b.
    case logUniform(Double, Double)
    /// A continuous distribution restricted to [lower, upper] (its CDF rescaled on that interval).
    case truncated(Distribution, lower: Double, upper: Double)
    /// A continuous distribution with a negligible tail (under 10⁻⁶ of its probability) outside an
    /// input's physical range, clipped to that range.
    case clipped(Distribution, lower: Double, upper: Double)
    /// A discrete choice among values; `cumulative` holds the normalised cumulative weights.
    case discrete(values: [Double], cumulative: [Double])

    /// The z-value of the 95th percentile of the standard normal, Φ⁻¹(0.95).
    public static let z95 = 1.6448536269514722

    /// Whether the distribution has no spread.
    public var isFixed: Bool {
        if case .fixed = self { return true }
        return false
    }

    /// The value at cumulative probability `u` (the inverse CDF).
    /// - Parameter u: A probability in (0, 1).
    /// - Returns: The quantile in base units; NaN if GSL cannot invert at `u` (reported by the engine).
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .fixed(let v):
            return v
        case .uniform(let a, let b):
            return a + u * (b - a)
        case .triangular(let a, let c, let b):
            let f = (c - a) / (b - a)
            return u < f ? a + (u * (b - a) * (c - a)).squareRoot() : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case .pert(let a, let c, let b):
            let (alpha, beta) = Self.pertShapes(a, c, b)
            return a + (b - a) * Self.betaQuantile(u, alpha, beta)
        case .normal(let mean, let sd):
            return mean + sd * Self.standardNormalQuantile(u)
        case .lognormal(let mu, let sigma):
            return ExpKernel.exp(mu + sigma * Self.standardNormalQuantile(u))
        case .beta(let a, let b, let lower, let upper):
            return lower + (upper - lower) * Self.betaQuantile(u, a, b)
        case .gamma(let shape, let scale):
            return Self.gammaQuantile(u, shape, scale)
        case .weibull(let shape, let scale):
            return Self.weibullQuantile(u, shape, scale)
        case .logUniform(let a, let b):
            let logA = LogKernel.log(a)
            return ExpKernel.exp(logA + u * (LogKernel.log(b) - logA))
        case .truncated(let base, let lower, let upper):
            let lo = base.cdf(lower), hi = base.cdf(upper)
            return min(max(base.quantile(lo + u * (hi - lo)), lower), upper)
        case .clipped(let base, let lower, let upper):
            return min(max(base.quantile(u), lower), upper)
        case .discrete(let values, let cumulative):
            var i = 0
            while i < cumulative.count - 1 && u >= cumulative[i] { i += 1 }
            return values[i]
        }
    }

    /// Maps a column of uniforms to quantiles in place, choosing the distribution's formula once per
    /// column rather than once per value (same results as ``quantile(_:)`` element by element).
    /// - Parameters:
    ///   - column: Uniforms in (0, 1) on entry, quantiles on return.
    ///   - count: Number of values.
    func quantiles(_ column: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .fixed(let v):
            column.update(repeating: v, count: count)
        case .uniform(let a, let b):
            for i in 0..<count { column[i] = a + column[i] * (b - a) }
        case .normal(let mean, let sd):
            NormalQuantileKernel.apply(column, count: count)
            for i in 0..<count { column[i] = mean + sd * column[i] }
        case .lognormal(let mu, let sigma):
            NormalQuantileKernel.apply(column, count: count)
            for i in 0..<count { column[i] = mu + sigma * column[i] }
            ExpKernel.apply(column, count: count)
        case .logUniform(let a, let b):
            let logA = LogKernel.log(a), width = LogKernel.log(b) - logA
            for i in 0..<count { column[i] = logA + column[i] * width }
            ExpKernel.apply(column, count: count)
        case .triangular(let a, let c, let b):
            // One root a sample, of the side's argument chosen by a select rather than a branch (the
            // side is random, so a branch would often be mispredicted).
            let f = (c - a) / (b - a)
            for i in 0..<count {
                let u = column[i], rising = u < f
                let root = (rising ? u * (b - a) * (c - a) : (1 - u) * (b - a) * (b - c)).squareRoot()
                column[i] = rising ? a + root : b - root
            }
        case .truncated(let base, let lower, let upper):
            // The base distribution's CDF at the bounds once per column.
            Self.truncatedQuantiles(column, count: count, cdfBounds: (base.cdf(lower), base.cdf(upper)), lower: lower, upper: upper) {
                base.quantiles($0, count: $1)
            }
        case .clipped(let base, let lower, let upper):
            base.quantiles(column, count: count)
            Self.clamp(column, count: count, lower: lower, upper: upper)
        case .weibull(let shape, let scale):
            Self.weibullQuantiles(column, count: count, shape: shape, scale: scale)
        default:
            for i in 0..<count { column[i] = quantile(column[i]) }
        }
    }

    /// Quantiles of a distribution truncated to `[lower, upper]`: uniforms rescaled to the base's CDF at the
    /// bounds, mapped by `base`, and clamped to the bounds (against rounding at the edges).
    static func truncatedQuantiles(_ column: UnsafeMutablePointer<Double>, count: Int, cdfBounds: (Double, Double),
                                   lower: Double, upper: Double, base: (UnsafeMutablePointer<Double>, Int) -> Void) {
        let (lo, hi) = cdfBounds
        for i in 0..<count { column[i] = lo + column[i] * (hi - lo) }
        base(column, count)
        clamp(column, count: count, lower: lower, upper: upper)
    }

    /// Clamps every value of a column to `[lower, upper]`.
    static func clamp(_ column: UnsafeMutablePointer<Double>, count: Int, lower: Double, upper: Double) {
        for i in 0..<count { column[i] = min(max(column[i], lower), upper) }
    }

    /// The cumulative probability at `x` (the CDF).
    /// - Parameter x: A value in base units.
    /// - Returns: P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        // An open truncation end (`truncated(gamma(2, 1), 1, inf)`): GSL's CDFs are not all defined at ±∞.
        if x == .infinity { return 1 }
        if x == -.infinity { return 0 }
        GSLRuntime.prepare()
        switch self {
        case .fixed(let v):
            return x < v ? 0 : 1
        case .uniform(let a, let b):
            return min(max((x - a) / (b - a), 0), 1)
        case .triangular(let a, let c, let b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case .pert(let a, let c, let b):
            let (alpha, beta) = Self.pertShapes(a, c, b)
            return gsl_cdf_beta_P(min(max((x - a) / (b - a), 0), 1), alpha, beta)
        case .normal(let mean, let sd):
            return gsl_cdf_gaussian_P(x - mean, sd)
        case .lognormal(let mu, let sigma):
            return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, mu, sigma)
        case .beta(let a, let b, let lower, let upper):
            return gsl_cdf_beta_P(min(max((x - lower) / (upper - lower), 0), 1), a, b)
        case .gamma(let shape, let scale):
            return x <= 0 ? 0 : gsl_cdf_gamma_P(x, shape, scale)
        case .weibull(let shape, let scale):
            return x <= 0 ? 0 : gsl_cdf_weibull_P(x, scale, shape)
        case .logUniform(let a, let b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            return (Foundation.log(x) - Foundation.log(a)) / (Foundation.log(b) - Foundation.log(a))
        case .truncated(let base, let lower, let upper):
            if x <= lower { return 0 }
            if x >= upper { return 1 }
            let lo = base.cdf(lower), hi = base.cdf(upper)
            return (base.cdf(x) - lo) / (hi - lo)
        case .clipped(let base, let lower, let upper):
            return x < lower ? 0 : (x >= upper ? 1 : base.cdf(x))
        case .discrete(let values, let cumulative):
            var p = 0.0
            for (i, v) in values.enumerated() where v <= x { p = cumulative[i] - (i > 0 ? cumulative[i - 1] : 0) + p }
            return min(p, 1)
        }
    }

    /// The mean, where it has a closed form (`nil` for truncated distributions).
    public var mean: Double? {
        switch self {
        case .fixed(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .pert(let a, let c, let b): return (a + 4 * c + b) / 6
        case .normal(let m, _): return m
        case .lognormal(let mu, let sigma): return Foundation.exp(mu + sigma * sigma / 2)
        case .beta(let a, let b, let lower, let upper): return lower + (upper - lower) * a / (a + b)
        case .gamma(let k, let theta): return k * theta
        case .weibull(let k, let lambda): return lambda * Foundation.tgamma(1 + 1 / k)
        case .logUniform(let a, let b): return (b - a) / (Foundation.log(b) - Foundation.log(a))
        case .truncated: return nil
        case .clipped(let base, _, _): return base.mean
        case .discrete(let values, let cumulative):
            var sum = 0.0
            for (i, v) in values.enumerated() { sum += v * (cumulative[i] - (i > 0 ? cumulative[i - 1] : 0)) }
            return sum
        }
    }

    /// The median (the 50th percentile).
    public var median: Double { quantile(0.5) }

    /// The smallest and largest values the distribution can take, and whether it takes them with
    /// positive probability (only fixed and discrete values do).
    public var support: (lower: Double, upper: Double, atoms: Bool) {
        switch self {
        case .fixed(let v): return (v, v, true)
        case .uniform(let a, let b), .logUniform(let a, let b): return (a, b, false)
        case .triangular(let a, _, let b), .pert(let a, _, let b): return (a, b, false)
        case .normal: return (-.infinity, .infinity, false)
        case .lognormal, .gamma, .weibull: return (0, .infinity, false)
        case .beta(_, _, let lower, let upper): return (lower, upper, false)
        case .truncated(let base, let lower, let upper):
            let s = base.support
            return (max(s.lower, lower), min(s.upper, upper), false)
        case .clipped(let base, let lower, let upper):
            let s = base.support
            return (max(s.lower, lower), min(s.upper, upper), false)
        case .discrete(let values, _): return (values.min() ?? .nan, values.max() ?? .nan, true)
        }
    }

    static func pertShapes(_ a: Double, _ c: Double, _ b: Double) -> (Double, Double) {
        (1 + 4 * (c - a) / (b - a), 1 + 4 * (b - c) / (b - a))
    }

    /// Φ⁻¹(u) by ``NormalQuantileKernel`` (Wichura's AS 241, the algorithm of GSL's `gsl_cdf_ugaussian_Pinv`,
    /// with the same bits on every machine; GSL stays the reference in the tests).
    static func standardNormalQuantile(_ u: Double) -> Double { NormalQuantileKernel.quantile(u) }

    /// Solved exactly on GSL's incomplete beta function (``BetaInverse``) rather than by
    /// `gsl_cdf_beta_Pinv`; sampling uses its table (``PreparedDistribution``).
    static func betaQuantile(_ u: Double, _ a: Double, _ b: Double) -> Double {
        BetaInverse(a, b).quantile(u)
    }

    /// Solved exactly on GSL's incomplete gamma functions (``GammaInverse``) rather than by
    /// `gsl_cdf_gamma_Pinv` (off by up to 2e-6 relative in the upper tail in GSL 2.7).
    static func gammaQuantile(_ u: Double, _ shape: Double, _ scale: Double) -> Double {
        scale * GammaInverse(shape).quantile(u)
    }

    /// The Weibull quantile `λ (−ln(1 − u))^(1/k)` (shape k, scale λ; the inverse of GSL's
    /// `gsl_cdf_weibull_P`, which takes (scale a, shape b): P(x) = 1 − exp(−(x / a)^b)), evaluated as the
    /// engine's columns are (``weibullQuantiles(_:count:shape:scale:)``): the same bits as one value of a column.
    static func weibullQuantile(_ u: Double, _ shape: Double, _ scale: Double) -> Double {
        if !(u > 0) { return u == 0 ? 0 : .nan }
        if !(u < 1) { return u == 1 ? .infinity : .nan }
        var value = u
        weibullQuantiles(&value, count: 1, shape: shape, scale: scale)
        return value
    }

    /// Weibull quantiles of a column of probabilities in (0, 1), on the engine's kernels (``LogKernel``,
    /// ``ExpKernel``: the same bits on every machine). `−ln(1 − u)` is `−log1p(−u)`, computed as
    /// `log w − ((w − 1) + u) / w` with `w = 1 − u` rounded (the correction restores what rounding `w` lost,
    /// exact when `w` is 1; Goldberg 1991, "What every computer scientist should know about floating-point
    /// arithmetic", Theorem 4), then raised to `1/k` as `exp(ln t / k)`. Within a few ulp of GSL's
    /// `gsl_cdf_weibull_Pinv` (tested).
    static func weibullQuantiles(_ column: UnsafeMutablePointer<Double>, count: Int, shape: Double, scale: Double) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(count, 1)) { correction in
            for i in 0..<count {
                let u = column[i], w = 1 - u
                correction[i] = ((w - 1) + u) / w
                column[i] = w
            }
            LogKernel.apply(column, count: count)
            // t = −log1p(−u) > 0.
            for i in 0..<count { column[i] = correction[i] - column[i] }
            LogKernel.apply(column, count: count)
            for i in 0..<count { column[i] = column[i] / shape }
            ExpKernel.apply(column, count: count)
            for i in 0..<count { column[i] = scale * column[i] }
        }
    }
}
