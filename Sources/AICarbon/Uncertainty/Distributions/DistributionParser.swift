import Foundation

/// Parses the distribution syntax accepted wherever a number is (CLI flags and scenario files).
///
/// Forms (units may follow each number, or the closing parenthesis / the whole expression):
/// - `1.2`, `330 W` — fixed;
/// - `0.3 to 0.5`, `0.25 to 0.55 kg/kWh` — lognormal with those 5th and 95th percentiles (positive
///   bounds only); for an input with a physical bound the lognormal would cross (PUE ≥ 1, fractions),
///   a lognormal truncated at the bound with those percentiles (``ValueDomain/boundedRange(p05:p95:)``);
/// - `uniform(a, b)`, `triangular(min, mode, max)`, `pert(min, mode, max)`, `normal(mean, sd)`,
///   `lognormal(median, gsd)`, `lognormal(p05 = a, p95 = b)`, `beta(a, b)`, `beta(a, b, min, max)`,
///   `gamma(shape, scale)`, `weibull(shape, scale)`, `loguniform(a, b)`;
/// - `truncated(normal(1.2, 0.1), 1, 2)` — restrict a continuous distribution to [lower, upper] (`inf` or
///   `-inf` for an open end);
/// - `discrete(1.1: 0.5, 1.2: 0.3, 1.5: 0.2)` — values with weights (probabilities summing to 1);
/// - every form ``Distribution/description`` prints, such as `lognormal(median 0.4, gsd 1.5) = 0.205681 to 0.777877`:
///   `median m, gsd g` name the lognormal's arguments, and percentiles after `=` must be the distribution's
///   own 5th and 95th (within ``shownPercentileTolerance``), with any unit after them.
///
/// Every value must lie in the input's physical range (a PUE of at least 1, a utilization in (0, 1], …).
/// A continuous distribution with less than 10⁻⁶ of its probability outside is clipped to the range
/// (`0.3 to 0.5` for MFU); more is an error that suggests `truncated(…)`.
///
/// Limits: parentheses may nest at most ``maximumNesting`` deep and the text may be at most
/// ``maximumLength`` characters long; longer or deeper text is refused before it is parsed, so parsing
/// takes time linear in the length of the text and bounded stack depth.
public enum DistributionParser {
    /// The deepest nesting of parentheses accepted (`truncated(truncated(normal(…), …), …)` is 3 deep).
    public static let maximumNesting = 32
    /// The longest distribution text accepted, in characters.
    public static let maximumLength = 100_000
    /// How far the weights of `discrete(value: weight, …)` may sum from 1 (rounding of decimal weights such
    /// as 0.1 + 0.2 + 0.7); further is an error, not a silent renormalisation.
    public static let discreteWeightTolerance = 1e-9

    /// Parses `text` for `field`, checks the parameters and the field's physical domain.
    /// - Parameters:
    ///   - text: What the person typed.
    ///   - field: The field (kind, domain, default unit, name).
    ///   - location: The file position, when the text came from a file.
    /// - Returns: The distribution, in base units.
    /// - Throws: ``InputError`` naming the field, what was expected and what was found.
    public static func parse(_ text: String, field: NumericField, location: InputLocation? = nil) throws(InputError) -> Distribution {
        let trimmed = text.trimmingWhitespace()
        try checkLimits(trimmed, field: field, location: location)
        let d = try parseExpression(trimmed, field: field, location: location)
            .validated(field: field.name, text: trimmed, location: location)
        guard let fitted = field.domain.fitting(d) else {
            if let (low, high) = try rangeEnds(trimmed, field: field, location: location),
               [.atLeastOne, .unitInterval, .share].contains(field.domain) {
                return try boundedRange(low, high, text: trimmed, field: field, location: location)
            }
            let hint: String
            switch d {
            case .fixed, .discrete: hint = ""
            case _ where field.domain == .positiveInteger:
                // No continuous distribution gives whole numbers: the counts it may take, with their weights.
                hint = "; a continuous distribution gives fractions: list the counts, e.g. discrete(512: 0.25, 1024: 0.5, 2048: 0.25)"
            default:
                // Concrete bounds: the domain's where it has one, else the distribution's 0.01% and 99.99% points.
                let (low, high) = field.domain.bounds
                let lower = low.isFinite ? low : d.quantile(1e-4), upper = high.isFinite ? high : d.quantile(1 - 1e-4)
                func text(_ x: Double) -> String { String(format: "%.3g", x) }
                hint = lower.isFinite && upper.isFinite && lower < upper
                    ? "; it can fall outside: write truncated(\(trimmed), \(text(lower)), \(text(upper))), or use pert or uniform"
                    : "; it can fall outside: use truncated(…), pert or uniform"
            }
            let what = field.domain == .positiveInteger ? "a whole number of at least 1 (or discrete(…) of such)" : field.domain.text
            throw InputError(field: field.name, expected: "values \(what) (all but 10⁻⁶ of the probability)\(hint)",
                             found: "\"\(trimmed)\"", location: location)
        }
        return fitted
    }

    static func parseExpression(_ text: String, field: NumericField, location: InputLocation?) throws(InputError) -> Distribution {
        func fail(_ expected: String) -> InputError {
            InputError(field: field.name, expected: expected, found: text.isEmpty ? "nothing" : "\"\(text)\"", location: location)
        }
        if let open = text.firstIndex(of: "("), text[..<open].allSatisfy({ $0.isLetter }), !text[..<open].isEmpty {
            guard let close = matchingParenthesis(text, open) else { throw fail("a closing parenthesis") }
            let name = text[..<open].lowercased()
            var trailingUnit = text[text.index(after: close)...].trimmingWhitespace()
            // The printed form's percentiles after the distribution (`lognormal(median 0.4, gsd 1.5) = 0.205681 to
            // 0.777877 kg/kWh`, Distribution.description): the unit after them applies to the distribution too.
            var shown: String?
            if trailingUnit.hasPrefix("=") {
                let range = String(trailingUnit.dropFirst()).trimmingWhitespace()
                guard let to = range.range(of: " to ") else {
                    throw fail("the distribution's 5th and 95th percentiles after \"=\" (\"= a to b\"), or nothing after it")
                }
                shown = range
                trailingUnit = Self.trailingUnit(of: range[to.upperBound...].trimmingWhitespace())
            }
            if trailingUnit.contains(where: { $0 == "(" || $0 == ")" }) { throw fail("balanced parentheses") }
            if trailingUnit.hasPrefix("to ") || trailingUnit == "to" {
                throw fail("\"a to b\" with numbers at both ends, or a distribution alone")
            }
            try checkUnit(trailingUnit, of: text, field: field, location: location)
            let inner = String(text[text.index(after: open)..<close])
            let unitField = trailingUnit.isEmpty ? field : NumericField(field.name, field.kind, field.domain, defaultUnit: trailingUnit)
            let d = try function(name, arguments: splitArguments(inner), field: unitField, whole: text, location: location)
            if let shown { try checkShownPercentiles(d, shown, field: unitField, whole: text, location: location) }
            return d
        }
        if let (low, high) = try rangeEnds(text, field: field, location: location) {
            guard low > 0, high > 0 else {
                throw fail("positive bounds for \"a to b\" (a lognormal); for values that can be zero or negative use normal(mean, sd) or uniform(a, b)")
            }
            guard low < high else { throw fail("\"a to b\" with a < b (a is the 5th percentile, b the 95th)") }
            return .lognormal(p05: low, p95: high)
        }
        return .fixed(try number(text, field: field, location: location))
    }

    /// How far the percentiles printed after a distribution (`… = a to b`) may lie from its own 5th and 95th
    /// percentiles, relative: they are printed to six significant digits from parameters printed to six, so
    /// they agree to about 2 × 10⁻⁵ when the text is the tool's own.
    public static let shownPercentileTolerance = 1e-4

    /// Refuses percentiles after `=` that are not `d`'s own 5th and 95th (within ``shownPercentileTolerance``):
    /// they are the printed form's reminder, never a second way to set the distribution.
    static func checkShownPercentiles(_ d: Distribution, _ shown: String, field: NumericField, whole: String,
                                      location: InputLocation?) throws(InputError) {
        let d = try d.validated(field: field.name, text: whole, location: location)
        let actual = (d.quantile(0.05), d.quantile(0.95))
        let given = try rangeEnds(shown, field: field, location: location)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= shownPercentileTolerance * Swift.max(abs(a), abs(b)) }
        guard let given, close(given.0, actual.0), close(given.1, actual.1) else {
            throw InputError(field: field.name, expected: "after \"=\" the distribution's own 5th and 95th percentiles ("
                             + "\(Distribution.compact(actual.0)) to \(Distribution.compact(actual.1))"
                             + (field.kind.baseUnit.isEmpty ? "" : " \(field.kind.baseUnit)") + "), or nothing after it",
                             found: "\"\(whole)\"", location: location)
        }
    }

    /// The two ends of `a to b`, in base units, or `nil` when `text` is not of that form.
    static func rangeEnds(_ text: String, field: NumericField, location: InputLocation?) throws(InputError) -> (Double, Double)? {
        if let open = text.firstIndex(of: "("), text[..<open].allSatisfy({ $0.isLetter }), !text[..<open].isEmpty { return nil }
        guard let range = text.range(of: " to ") else { return nil }
        let lowText = text[..<range.lowerBound].trimmingWhitespace(), highText = text[range.upperBound...].trimmingWhitespace()
        if highText.range(of: " to ") != nil || highText.hasPrefix("to ") || highText.hasSuffix(" to") || highText == "to" {
            throw InputError(field: field.name, expected: "\"a to b\", two values joined by one \"to\"", found: "\"\(text)\"", location: location)
        }
        // A unit after the upper bound applies to a bare lower bound: "0.25 to 0.55 kg/kWh".
        let unit = trailingUnit(of: highText)
        try checkUnit(unit, of: text, field: field, location: location)
        let lowField = unit.isEmpty ? field : NumericField(field.name, field.kind, field.domain, defaultUnit: unit)
        return (try number(lowText, field: lowField, location: location), try number(highText, field: field, location: location))
    }

    /// `a to b` for an input with a physical bound the plain lognormal crosses: the truncated lognormal of
    /// ``ValueDomain/boundedRange(p05:p95:)``, or an error that gives distributions that work, in numbers.
    static func boundedRange(_ low: Double, _ high: Double, text: String, field: NumericField,
                             location: InputLocation?) throws(InputError) -> Distribution {
        if let d = field.domain.boundedRange(p05: low, p95: high) {
            return try d.validated(field: field.name, text: text, location: location)
        }
        func n(_ x: Double) -> String { Distribution.compact(x) }
        let expected: String
        if field.domain == .atLeastOne {
            if high <= 1 || low >= high {
                expected = "values at least 1: \"a to b\" with 1 < a < b (5th and 95th percentiles), such as 1.1 to 1.3"
            } else if low <= 1 {
                expected = "\"a to b\" with both ends above 1 (a 5th percentile cannot sit at the bound); "
                    + "for values from 1 up write uniform(1, \(n(high))) or pert(1, \(n((1 + high) / 2)), \(n(high)))"
            } else {
                expected = "a 5th percentile further from 1: no lognormal truncated at 1 has 5th and 95th percentiles \(n(low)) and "
                    + "\(n(high)); write pert(1, \(n(low)), \(n(high))) or uniform(\(n(low)), \(n(high)))"
            }
        } else {
            if low <= 0 || low >= 1 || low >= high {
                expected = "values \(field.domain.text): \"a to b\" with 0 < a < b < 1 (5th and 95th percentiles), such as 0.3 to 0.5"
            } else if high >= 1 {
                expected = "\"a to b\" with both ends below 1 (a 95th percentile cannot sit at the bound); "
                    + "for values up to 1 write uniform(\(n(low)), 1) or pert(\(n(low)), \(n((low + 1) / 2)), 1)"
            } else {
                expected = "a 95th percentile further from 1: no lognormal truncated at 1 has 5th and 95th percentiles \(n(low)) and "
                    + "\(n(high)); write pert(\(n(low)), \(n(high)), 1) or uniform(\(n(low)), \(n(high)))"
            }
        }
        throw InputError(field: field.name, expected: expected, found: "\"\(text)\"", location: location)
    }

    /// Refuses text longer than ``maximumLength`` or nested deeper than ``maximumNesting``, in one pass.
    static func checkLimits(_ text: String, field: NumericField, location: InputLocation?) throws(InputError) {
        var count = 0, depth = 0, deepest = 0
        for c in text.unicodeScalars {
            count += 1
            if c == "(" { depth += 1; deepest = max(deepest, depth) } else if c == ")" { depth -= 1 }
        }
        guard count <= maximumLength else {
            throw InputError(field: field.name, expected: "a distribution of at most \(maximumLength) characters",
                             found: "\(count) characters", location: location)
        }
        guard deepest <= maximumNesting else {
            throw InputError(field: field.name, expected: "parentheses nested at most \(maximumNesting) deep",
                             found: "\(deepest) levels of nesting", location: location)
        }
    }

    /// The names of the distribution functions the syntax accepts (`pert(…)`, `normal(…)`, …), as the
    /// parser's `switch` below reads them.
    public static let functionNames = ["uniform", "triangular", "pert", "normal", "lognormal", "beta", "gamma", "weibull",
                                       "loguniform", "truncated", "truncate", "discrete", "choice"]

    /// Whether `text` starts like a distribution function (`pert(`, `Normal (`), so that a name such as a
    /// region can be told apart from a distribution.
    /// - Parameter text: What a person typed.
    /// - Returns: `true` when it starts with a function name and an opening parenthesis.
    public static func startsWithFunction(_ text: String) -> Bool {
        let lower = text.trimmingWhitespace().lowercased()
        guard let open = lower.firstIndex(of: "(") else { return false }
        return functionNames.contains(lower[..<open].trimmingWhitespace())
    }

    private static func function(
        _ name: String, arguments: [String], field: NumericField, whole: String, location: InputLocation?
    ) throws(InputError) -> Distribution {
        func fail(_ expected: String) -> InputError {
            InputError(field: field.name, expected: expected, found: "\"\(whole)\"", location: location)
        }
        func count(_ n: Int, _ usage: String) throws(InputError) {
            guard arguments.count == n else { throw fail("\(usage) (\(n) arguments)") }
        }
        let dimensionless = NumericField(field.name, .dimensionless, .nonNegative)
        func value(_ i: Int) throws(InputError) -> Double { try number(arguments[i], field: field, location: location) }
        func shape(_ i: Int) throws(InputError) -> Double { try number(arguments[i], field: dimensionless, location: location) }
        switch name {
        case "uniform":
            try count(2, "uniform(a, b)")
            return .uniform(try value(0), try value(1))
        case "triangular":
            try count(3, "triangular(min, mode, max)")
            return .triangular(try value(0), try value(1), try value(2))
        case "pert":
            try count(3, "pert(min, mode, max)")
            return .pert(try value(0), try value(1), try value(2))
        case "normal":
            try count(2, "normal(mean, sd)")
            return .normal(try value(0), try value(1))
        case "lognormal":
            try count(2, "lognormal(median, gsd) or lognormal(p05 = a, p95 = b)")
            // Named arguments: `p05 = a, p95 = b`, or `median m, gsd g` as the distribution prints (also with `=`).
            let named = arguments.map(Self.named)
            let median: Double, gsd: Double
            if named.allSatisfy({ $0 != nil }) {
                let keys = named.map { $0!.key }, values = named.map { $0!.value }
                if Set(keys) == ["median", "gsd"] {
                    median = try number(values[keys.firstIndex(of: "median")!], field: field, location: location)
                    gsd = try number(values[keys.firstIndex(of: "gsd")!], field: dimensionless, location: location)
                } else {
                    guard keys == ["p05", "p95"] || keys == ["p5", "p95"] else { throw fail("lognormal(p05 = a, p95 = b)") }
                    let low = try number(values[0], field: field, location: location)
                    let high = try number(values[1], field: field, location: location)
                    guard low > 0, low < high else { throw fail("lognormal(p05 = a, p95 = b) with 0 < a < b") }
                    return .lognormal(p05: low, p95: high)
                }
            } else {
                median = try value(0)
                gsd = try shape(1)
            }
            guard median > 0, gsd > 1 else { throw fail("lognormal(median, gsd) with median > 0 and gsd > 1") }
            return .lognormal(median: median, gsd: gsd)
        case "beta":
            guard arguments.count == 2 || arguments.count == 4 else { throw fail("beta(a, b) or beta(a, b, min, max)") }
            let a = try shape(0), b = try shape(1)
            return arguments.count == 2 ? .beta(a, b, lower: 0, upper: 1) : .beta(a, b, lower: try value(2), upper: try value(3))
        case "gamma":
            try count(2, "gamma(shape, scale)")
            return .gamma(shape: try shape(0), scale: try value(1))
        case "weibull":
            try count(2, "weibull(shape, scale)")
            return .weibull(shape: try shape(0), scale: try value(1))
        case "loguniform":
            try count(2, "loguniform(a, b)")
            return .logUniform(try value(0), try value(1))
        case "truncated", "truncate":
            try count(3, "truncated(distribution, lower, upper)")
            let base = try parseExpression(arguments[0].trimmingWhitespace(), field: field, location: location)
                .validated(field: field.name, text: arguments[0].trimmingWhitespace(), location: location)
            // A bound may be open: `inf` or `-inf` (as `truncated(lognormal(…), 1, inf)` prints).
            func bound(_ i: Int) throws(InputError) -> Double {
                switch arguments[i].trimmingWhitespace().lowercased() {
                case "inf", "+inf", "infinity", "+infinity": return .infinity
                case "-inf", "-infinity": return -.infinity
                default: return try value(i)
                }
            }
            return .truncated(base, lower: try bound(1), upper: try bound(2))
        case "discrete", "choice":
            var values: [Double] = [], weights: [Double] = []
            for argument in arguments {
                let pair = argument.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
                guard pair.count == 2 else { throw fail("discrete(value: weight, …)") }
                values.append(try number(pair[0], field: field, location: location))
                weights.append(try number(pair[1], field: dimensionless, location: location))
            }
            guard let d = Distribution.discrete(values, weights: weights) else {
                throw fail("discrete(value: weight, …) with weights ≥ 0 that do not all vanish")
            }
            // Weights are probabilities: a sum other than 1 is a typo or a missing value, never silently rescaled.
            let sum = weights.reduce(0, +)
            guard abs(sum - 1) <= discreteWeightTolerance else {
                throw InputError(field: field.name, expected: "discrete(value: weight, …) with weights that sum to 1 (±1e-9)",
                                 found: "weights that sum to \(Distribution.compact(sum)) in \"\(whole)\"", location: location)
            }
            return d
        default:
            throw fail("a number, \"a to b\", or uniform, triangular, pert, normal, lognormal, beta, gamma, weibull, loguniform, truncated or discrete(…)")
        }
    }

    /// A named argument, `key = value` or `median value` / `gsd value` (the printed lognormal's words),
    /// with the key lowercased; nil for a plain value.
    private static func named(_ argument: String) -> (key: String, value: String)? {
        if let equals = argument.firstIndex(of: "=") {
            return (argument[..<equals].trimmingWhitespace().lowercased(), argument[argument.index(after: equals)...].trimmingWhitespace())
        }
        let word = argument.prefix { $0.isLetter }
        guard ["median", "gsd"].contains(word.lowercased()), let next = argument.dropFirst(word.count).first, next.isWhitespace else { return nil }
        return (word.lowercased(), argument.dropFirst(word.count).trimmingWhitespace())
    }

    private static func number(_ text: String, field: NumericField, location: InputLocation?) throws(InputError) -> Double {
        try QuantityParser.parse(text, as: field.kind, field: field.name, defaultUnit: field.defaultUnit, location: location, domain: field.domain)
    }

    /// Refuses a unit after a distribution or a range that the input's kind does not know, quoting the whole
    /// value (the first number's parse quoted only that number: `found "300" (unknown unit "kW W")` for
    /// `uniform(300, 400) kW W`).
    private static func checkUnit(_ unit: String, of text: String, field: NumericField, location: InputLocation?) throws(InputError) {
        guard !unit.isEmpty, UnitTable.factor(for: unit, kind: field.kind) == nil else { return }
        throw InputError(field: field.name, expected: field.kind.examples(in: field.domain), found: "\"\(text)\" (unknown unit \"\(unit)\")",
                         location: location)
    }

    private static func trailingUnit(of text: String) -> String {
        guard let (_, rest) = QuantityParser.splitNumber(text) else { return "" }
        return rest.trimmingWhitespace()
    }

    private static func matchingParenthesis(_ text: String, _ open: String.Index) -> String.Index? {
        var depth = 0
        var i = open
        while i < text.endIndex {
            if text[i] == "(" { depth += 1 } else if text[i] == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// Splits on top-level commas. Thousands separators are not allowed inside function arguments
    /// (write `1022362` or `1.02M`).
    private static func splitArguments(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current.trimmingWhitespace()); current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingWhitespace())
        return parts
    }
}
