import Foundation

extension Distribution: CustomStringConvertible {
    /// A number as distributions print theirs: six significant digits, no trailing zeros (`0.369473`,
    /// `462.5`, `3.15e+23`).
    /// - Parameter x: Any number (`inf` and `nan` as Swift spells them).
    /// - Returns: The text.
    public static func compact(_ x: Double) -> String {
        guard x.isFinite else { return x.description }
        return String(format: "%.6g", x)
    }

    /// The distribution in the input syntax, values in base units.
    public var description: String {
        func n(_ x: Double) -> String { Self.compact(x) }
        switch self {
        case .fixed(let v): return n(v)
        case .uniform(let a, let b): return "uniform(\(n(a)), \(n(b)))"
        case .triangular(let a, let c, let b): return "triangular(\(n(a)), \(n(c)), \(n(b)))"
        case .pert(let a, let c, let b): return "pert(\(n(a)), \(n(c)), \(n(b)))"
        case .normal(let m, let s): return "normal(\(n(m)), \(n(s)))"
        case .lognormal(let mu, let sigma):
            return "lognormal(median \(n(Foundation.exp(mu))), gsd \(n(Foundation.exp(sigma)))) = \(n(quantile(0.05))) to \(n(quantile(0.95)))"
        case .beta(let a, let b, let lo, let hi):
            return lo == 0 && hi == 1 ? "beta(\(n(a)), \(n(b)))" : "beta(\(n(a)), \(n(b)), \(n(lo)), \(n(hi)))"
        case .gamma(let k, let theta): return "gamma(\(n(k)), \(n(theta)))"
        case .weibull(let k, let lambda): return "weibull(\(n(k)), \(n(lambda)))"
        case .logUniform(let a, let b): return "loguniform(\(n(a)), \(n(b)))"
        case .truncated(.lognormal(let mu, let sigma), let lo, let hi):
            // The percentiles of the truncated distribution, not of the lognormal before truncation.
            return "truncated(lognormal(median \(n(Foundation.exp(mu))), gsd \(n(Foundation.exp(sigma)))), \(n(lo)), \(n(hi)))"
                + " = \(n(quantile(0.05))) to \(n(quantile(0.95)))"
        case .truncated(let base, let lo, let hi): return "truncated(\(base), \(n(lo)), \(n(hi)))"
        case .clipped(let base, _, _): return base.description
        case .discrete(let values, let cumulative):
            let pairs = values.indices.map { i in "\(n(values[i])): \(n(cumulative[i] - (i > 0 ? cumulative[i - 1] : 0)))" }
            return "discrete(\(pairs.joined(separator: ", ")))"
        }
    }
}
