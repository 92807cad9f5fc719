import Foundation

extension Distribution: CustomStringConvertible {
    /// A number as distributions print theirs: six significant digits, no trailing zeros (`0.369473`,
    /// `462.5`, `3.15e+23`).
    /// - Parameter x: Any number (`inf` and `nan` as Swift spells them).
    /// - Returns: The text.
    public static func compact(_ x: Double) -> String { compact(x, digits: 6) }

    /// A number at `digits` significant digits, without trailing zeros (`inf` and `nan` as Swift spells them).
    static func compact(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return x.description }
        return String(format: "%.\(digits)g", x)
    }

    /// Every number the distribution prints (a lognormal's median and gsd, truncation bounds, a discrete
    /// choice's values), nested ones included, for ``printedDigits``.
    var printedNumbers: [Double] {
        switch self {
        case .fixed(let v): return [v]
        case .uniform(let a, let b), .logUniform(let a, let b): return [a, b]
        case .triangular(let a, let c, let b), .pert(let a, let c, let b): return [a, c, b]
        case .normal(let m, let s): return [m, s]
        case .lognormal(let mu, let sigma): return [Foundation.exp(mu), Foundation.exp(sigma)]
        case .beta(let a, let b, let lo, let hi): return [a, b, lo, hi]
        case .gamma(let k, let theta): return [k, theta]
        case .weibull(let k, let lambda): return [k, lambda]
        case .truncated(let base, let lo, let hi): return base.printedNumbers + [lo, hi]
        case .clipped(let base, _, _): return base.printedNumbers
        case .discrete(let values, _): return values
        }
    }

    /// The numbers that place the distribution on its axis and whose differences shape it: the ends and mode
    /// of a bounded family, and truncation bounds with their base's, for ``printedDigits``.
    var printedPositions: [Double] {
        switch self {
        case .uniform(let a, let b), .logUniform(let a, let b): return [a, b]
        case .triangular(let a, let c, let b), .pert(let a, let c, let b): return [a, c, b]
        case .beta(_, _, let lo, let hi): return [lo, hi]
        case .truncated(let base, let lo, let hi): return base.printedPositions + [lo, hi]
        case .clipped(let base, _, _): return base.printedPositions
        case .fixed, .normal, .lognormal, .gamma, .weibull, .discrete: return []
        }
    }

    /// The significant digits the distribution prints its parameters with: six, or as many more (up to 17,
    /// which tell every double apart) as keep every two of its numbers that differ, and each from 1 (a gsd),
    /// apart in print, and every two neighbouring positions (``printedPositions``) at least 100 units of the
    /// last digit apart. Rounding keeps order, so the printed distribution parses back (``DistributionParser``)
    /// with its order intact (`uniform(1000000, 1000001)` does not print as `uniform(1e+06, 1e+06)`, nor a gsd
    /// of 1.0000001 as 1), and a gap that shapes it (a truncation bound 0.018 inside a beta's upper end of
    /// 208.245) moves by at most 1% of itself.
    var printedDigits: Int {
        let numbers = (printedNumbers + [1]).filter(\.isFinite).sorted()
        let positions = printedPositions.filter(\.isFinite).sorted()
        for digits in 6...16 {
            // Two values that print alike are neighbours in sorted order.
            let texts = numbers.map { Self.compact($0, digits: digits) }
            let merged = numbers.indices.dropFirst().contains { numbers[$0] != numbers[$0 - 1] && texts[$0] == texts[$0 - 1] }
            let close = positions.indices.dropFirst().contains { i in
                let gap = positions[i] - positions[i - 1], size = Swift.max(abs(positions[i]), abs(positions[i - 1]))
                return gap > 0 && gap < 100 * Foundation.pow(10, Foundation.floor(Foundation.log10(size)) - Double(digits - 1))
            }
            if !merged && !close { return digits }
        }
        return 17
    }

    /// The weights of a discrete distribution as it prints them: six significant digits, or as many more as
    /// make the printed weights sum to 1 within half of ``DistributionParser/discreteWeightTolerance`` (which
    /// the parser holds them to; three weights of 1/3 print as 0.3333333333, not 0.333333, which it would
    /// refuse), and that read back and normalised as the parser does print the same again.
    /// - Parameter weights: The probabilities, summing to 1.
    /// - Returns: One text per weight.
    static func weightTexts(_ weights: [Double]) -> [String] {
        /// The fewest digits (from six) whose texts sum to 1 within the tolerance, and the weights they read as.
        func texts(_ weights: [Double]) -> (texts: [String], read: [Double]) {
            for digits in 6...17 {
                let texts = weights.map { compact($0, digits: digits) }, numbers = texts.compactMap(Double.init)
                if abs(numbers.reduce(0, +) - 1) <= DistributionParser.discreteWeightTolerance / 2 || digits == 17 {
                    let normalised: [Double]
                    if case .discrete(_, let cumulative)? = discrete(numbers.map { _ in 0 }, weights: numbers) {
                        normalised = cumulative.indices.map { cumulative[$0] - ($0 > 0 ? cumulative[$0 - 1] : 0) }
                    } else {
                        normalised = numbers
                    }
                    return (texts, normalised)
                }
            }
            return (weights.map(\.description), weights)
        }
        // Fewer digits can suffice once the weights are read back (the rounded weights sum closer to 1): print
        // the texts that read back to themselves, reached in a round or two (twelve at most are tried).
        var current = texts(weights)
        for _ in 0..<12 {
            let next = texts(current.read)
            if next.texts == current.texts { break }
            current = next
        }
        return current.texts
    }

    /// The distribution in the input syntax, values in base units: the form ``DistributionParser`` reads back
    /// (with the base unit after it for a quantity), equal to this one to the digits printed. A lognormal, alone
    /// or truncated, adds its 5th and 95th percentiles after `=`, which the parser checks.
    public var description: String { printed(digits: printedDigits) }

    /// The distribution in the input syntax with its parameters at `digits` significant digits (percentiles after
    /// `=` at six).
    private func printed(digits: Int) -> String {
        func n(_ x: Double) -> String { Self.compact(x, digits: digits) }
        func lognormal(_ mu: Double, _ sigma: Double) -> String {
            "lognormal(median \(n(Foundation.exp(mu))), gsd \(n(Foundation.exp(sigma))))"
        }
        let percentiles = " = \(Self.compact(quantile(0.05))) to \(Self.compact(quantile(0.95)))"
        switch self {
        case .fixed(let v): return n(v)
        case .uniform(let a, let b): return "uniform(\(n(a)), \(n(b)))"
        case .triangular(let a, let c, let b): return "triangular(\(n(a)), \(n(c)), \(n(b)))"
        case .pert(let a, let c, let b): return "pert(\(n(a)), \(n(c)), \(n(b)))"
        case .normal(let m, let s): return "normal(\(n(m)), \(n(s)))"
        case .lognormal(let mu, let sigma): return lognormal(mu, sigma) + percentiles
        case .beta(let a, let b, let lo, let hi):
            return lo == 0 && hi == 1 ? "beta(\(n(a)), \(n(b)))" : "beta(\(n(a)), \(n(b)), \(n(lo)), \(n(hi)))"
        case .gamma(let k, let theta): return "gamma(\(n(k)), \(n(theta)))"
        case .weibull(let k, let lambda): return "weibull(\(n(k)), \(n(lambda)))"
        case .logUniform(let a, let b): return "loguniform(\(n(a)), \(n(b)))"
        case .truncated(.lognormal(let mu, let sigma), let lo, let hi):
            // The percentiles of the truncated distribution, not of the lognormal before truncation.
            return "truncated(\(lognormal(mu, sigma)), \(n(lo)), \(n(hi)))" + percentiles
        case .truncated(let base, let lo, let hi): return "truncated(\(base.printed(digits: digits)), \(n(lo)), \(n(hi)))"
        case .clipped(let base, _, _): return base.printed(digits: digits)
        case .discrete(let values, let cumulative):
            let weights = Self.weightTexts(values.indices.map { cumulative[$0] - ($0 > 0 ? cumulative[$0 - 1] : 0) })
            return "discrete(" + zip(values, weights).map { "\(n($0)): \($1)" }.joined(separator: ", ") + ")"
        }
    }
}
