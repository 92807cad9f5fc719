import Foundation

extension Distribution {
    /// Checks a distribution's parameters and that GSL can invert its CDF across (0, 1).
    /// - Parameters:
    ///   - field: The flag or key, for the error message.
    ///   - text: The text as typed, for the error message.
    ///   - location: The file position, if any.
    /// - Returns: The distribution, unchanged.
    /// - Throws: ``InputError`` naming the parameter rule that failed.
    public func validated(field: String, text: String, location: InputLocation? = nil) throws(InputError) -> Distribution {
        func fail(_ rule: String) -> InputError {
            InputError(field: field, expected: rule, found: "\"\(text)\"", location: location)
        }
        switch self {
        case .fixed(let v):
            guard v.isFinite else { throw fail("a finite number") }
        case .uniform(let a, let b):
            guard a < b else { throw fail("uniform(a, b) with a < b") }
        case .triangular(let a, let c, let b), .pert(let a, let c, let b):
            let name = { if case .pert = self { return "pert" } else { return "triangular" } }()
            guard a < b, a <= c, c <= b else { throw fail("\(name)(min, mode, max) with min ≤ mode ≤ max and min < max") }
        case .normal(_, let sd):
            guard sd > 0 else { throw fail("normal(mean, sd) with sd > 0") }
        case .lognormal(_, let sigma):
            guard sigma > 0, sigma.isFinite else { throw fail("lognormal(median, gsd) with median > 0 and gsd > 1") }
        case .beta(let a, let b, let lower, let upper):
            guard a > 0, b > 0 else { throw fail("beta(a, b) with shapes a > 0 and b > 0") }
            guard a <= Self.maximumShape, b <= Self.maximumShape else {
                throw fail("beta(a, b) with shapes of at most \(Self.maximumShapeText)")
            }
            guard lower < upper else { throw fail("beta(a, b, min, max) with min < max") }
        case .gamma(let shape, let scale):
            guard shape > 0, scale > 0 else { throw fail("gamma(shape, scale) with shape > 0 and scale > 0") }
            guard shape <= Self.maximumShape, scale.isFinite else {
                throw fail("gamma(shape, scale) with a shape of at most \(Self.maximumShapeText) and a finite scale")
            }
        case .weibull(let shape, let scale):
            guard shape > 0, scale > 0 else { throw fail("weibull(shape, scale) with shape > 0 and scale > 0") }
        case .logUniform(let a, let b):
            guard a > 0, a < b else { throw fail("loguniform(a, b) with 0 < a < b") }
        case .truncated(let base, let lower, let upper):
            if case .discrete = base { throw fail("truncated(...) of a continuous distribution") }
            if case .fixed = base { throw fail("truncated(...) of a continuous distribution") }
            guard lower < upper else { throw fail("truncated(distribution, lower, upper) with lower < upper") }
            guard base.cdf(upper) - base.cdf(lower) > 1e-12 else {
                throw fail("truncation bounds that keep some probability of the distribution")
            }
        case .clipped(let base, let lower, let upper):
            guard lower < upper else { throw fail("a range with lower < upper") }
            _ = try base.validated(field: field, text: text, location: location)
        case .discrete(let values, let cumulative):
            guard !values.isEmpty, values.allSatisfy(\.isFinite), cumulative.last.map({ abs($0 - 1) < 1e-12 }) == true else {
                throw fail("discrete(value: weight, …) with finite values and weights ≥ 0 that do not all vanish")
            }
        }
        // GSL's iterative inverses (gamma, beta) can fail for extreme shapes; probe before sampling.
        for u in [1e-9, 1e-6, 0.001, 0.05, 0.5, 0.95, 0.999, 1 - 1e-6, 1 - 1e-9] where !quantile(u).isFinite {
            throw InputError(field: field, expected: "parameters whose inverse CDF GSL can evaluate",
                             found: "\"\(text)\" (no finite quantile at probability \(u))", location: location)
        }
        return self
    }

    /// The largest shape accepted for `beta(a, b)` and `gamma(shape, scale)`: 10⁵. Their quantiles are
    /// solved iteratively on GSL's incomplete beta and gamma functions, which lose all accuracy (or, in
    /// older code, never converged) for far larger shapes; checking the range before any GSL call keeps
    /// every input to a bounded amount of work. A beta with both shapes above 10⁵ has a relative spread
    /// below 0.3%: write it as `normal(mean, sd)` or a fixed value. (Tiny shapes, down to 10⁻³⁰⁰, are
    /// solved exactly.)
    public static let maximumShape = 1e5
    static let maximumShapeText = "100000"

    /// Builds a weighted discrete choice.
    /// - Parameters:
    ///   - values: The values.
    ///   - weights: Non-negative weights, not all zero (normalised here).
    /// - Returns: The distribution, or `nil` if the weights are invalid.
    public static func discrete(_ values: [Double], weights: [Double]) -> Distribution? {
        guard values.count == weights.count, !values.isEmpty, weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        // Scaled by the largest weight first, so that huge weights (1e308) cannot overflow the sum.
        let largest = weights.max() ?? 0
        guard largest > 0 else { return nil }
        let scaled = weights.map { $0 / largest }
        let total = scaled.reduce(0, +)
        var running = 0.0
        var cumulative: [Double] = []
        for w in scaled {
            running += w
            cumulative.append(running / total)
        }
        cumulative[cumulative.count - 1] = 1
        return .discrete(values: values, cumulative: cumulative)
    }

    /// The lognormal whose 5th and 95th percentiles are `low` and `high` (the `low to high` syntax of
    /// Guesstimate and Squiggle): μ = (ln low + ln high) / 2, σ = (ln high − ln low) / (2 z₀.₉₅).
    public static func lognormal(p05 low: Double, p95 high: Double) -> Distribution {
        .lognormal(mu: (Foundation.log(low) + Foundation.log(high)) / 2,
                   sigma: (Foundation.log(high) - Foundation.log(low)) / (2 * z95))
    }

    /// The lognormal with a given median and geometric standard deviation (> 1).
    public static func lognormal(median: Double, gsd: Double) -> Distribution {
        .lognormal(mu: Foundation.log(median), sigma: Foundation.log(gsd))
    }
}

extension ValueDomain {
    /// The reading of `a to b` (5th and 95th percentiles) for an input with a physical bound that the
    /// plain lognormal would cross with more than 10⁻⁶ of its probability: a lognormal truncated at the
    /// bound, its two parameters solved so that the truncated distribution's own 5th and 95th
    /// percentiles are exactly `a` and `b`.
    ///
    /// - PUE and other values of at least 1: `truncated(lognormal(μ, σ), 1, ∞)`, needing 1 < a < b.
    /// - Utilizations and shares in (0, 1]: `truncated(lognormal(μ, σ), 0, 1)`, needing 0 < a < b < 1.
    ///
    /// In the log of the distance from the bound (ln x, or −ln x below 1) this is a normal truncated at 0;
    /// the ratio of its two percentiles fixes where the bound lies in standard deviations, found by
    /// bisection, and the upper percentile then fixes the scale. Solutions are sought with the bound at
    /// most 4 standard deviations above the untruncated median, which reaches ratios
    /// ln a / ln b (or ln b / ln a) down to about 0.0184 and keeps the truncated quantiles accurate.
    /// - Parameters:
    ///   - a: The 5th percentile.
    ///   - b: The 95th percentile.
    /// - Returns: The truncated lognormal, or `nil` when the domain has no such bound, `a` or `b` lies
    ///   outside it, or no truncated lognormal has these percentiles (`a` too close to the bound for `b`).
    public func boundedRange(p05 a: Double, p95 b: Double) -> Distribution? {
        let d: Distribution
        switch self {
        case .atLeastOne:
            guard a > 1, b > a, b.isFinite else { return nil }
            guard let (m, s) = Self.truncatedNormal(p05: Foundation.log(a), p95: Foundation.log(b)) else { return nil }
            d = .truncated(.lognormal(mu: m, sigma: s), lower: 1, upper: .infinity)
        case .unitInterval, .share:
            guard a > 0, a < b, b < 1 else { return nil }
            guard let (m, s) = Self.truncatedNormal(p05: -Foundation.log(b), p95: -Foundation.log(a)) else { return nil }
            d = .truncated(.lognormal(mu: -m, sigma: s), lower: 0, upper: 1)
        default:
            return nil
        }
        // The bisection assumes the percentile ratio falls monotonically; check the result instead of trusting it.
        guard abs(d.quantile(0.05) - a) <= 1e-9 * a, abs(d.quantile(0.95) - b) <= 1e-9 * b else { return nil }
        return d
    }

    /// The normal N(m, s) truncated to [0, ∞) whose 5th and 95th percentiles are `low` and `high`
    /// (0 < low < high), or `nil` if the ratio `low / high` is out of reach.
    ///
    /// With the bound at w standard deviations (w = −m / s), the truncated standard normal's quantile is
    /// q(p) = −Φ⁻¹((1 − p) Φ(−w)) (evaluated in the lower tail, so exact for large w), and
    /// (q(0.05) − w) / (q(0.95) − w) falls from about 0.92 at w = −40 to about 0.0184 at w = 4.
    static func truncatedNormal(p05 low: Double, p95 high: Double) -> (mean: Double, sd: Double)? {
        let z = Distribution.normal(0, 1)
        func q(_ w: Double, _ p: Double) -> Double { -z.quantile((1 - p) * z.cdf(-w)) }
        func ratio(_ w: Double) -> Double { (q(w, 0.05) - w) / (q(w, 0.95) - w) }
        let r = low / high
        var lo = -40.0, hi = 4.0
        guard low > 0, r < 1, r < ratio(lo), r > ratio(hi) else { return nil }
        for _ in 0..<200 where hi - lo > 1e-13 {
            let mid = (lo + hi) / 2
            if ratio(mid) > r { lo = mid } else { hi = mid }
        }
        let w = (lo + hi) / 2, s = high / (q(w, 0.95) - w)
        guard s.isFinite, s > 0 else { return nil }
        return (-w * s, s)
    }

    /// The physical range as closed bounds (open ends are handled by ``contains(_:)``).
    var bounds: (lower: Double, upper: Double) {
        switch self {
        case .positive, .nonNegative, .positiveInteger: return (0, .infinity)
        case .atLeastOne: return (1, .infinity)
        case .unitInterval, .share: return (0, 1)
        case .real: return (-.infinity, .infinity)
        }
    }

    /// Fits a continuous distribution to the domain: unchanged if all its values are allowed, clipped
    /// to the range if less than 10⁻⁶ of its probability falls outside, else `nil`.
    public func fitting(_ d: Distribution) -> Distribution? {
        if admits(d) { return d }
        guard !d.support.atoms, self != .positiveInteger else { return nil }
        let (lower, upper) = bounds
        let outside = d.cdf(lower) + (upper.isFinite ? 1 - d.cdf(upper) : 0)
        return outside <= 1e-6 ? .clipped(d, lower: lower, upper: upper) : nil
    }

    /// Whether every value the distribution can take lies in the domain.
    /// - Parameter d: The distribution.
    /// - Returns: `true` if all of its support is allowed.
    public func admits(_ d: Distribution) -> Bool {
        let s = d.support
        if case .discrete(let values, _) = d { return values.allSatisfy(contains) }
        if s.atoms { return contains(s.lower) && contains(s.upper) }
        // Continuous: the end points have probability zero, so an open bound may touch the domain's edge.
        switch self {
        case .positive, .nonNegative: return s.lower >= 0
        case .atLeastOne: return s.lower >= 1
        case .unitInterval: return s.lower >= 0 && s.upper <= 1
        case .share: return s.lower >= 0 && s.upper <= 1
        case .positiveInteger: return false
        case .real: return true
        }
    }
}
