import Foundation

/// Where a value came from: a command-line flag, or a position in a scenario file.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path, or `nil` for a command-line flag.
    public var file: String?
    /// The 1-based line in `file`, when known.
    public var line: Int?
    /// The 1-based column in `file`, when known.
    public var column: Int?

    /// Creates a location.
    /// - Parameters:
    ///   - file: The file path, or `nil` for the command line.
    ///   - line: The 1-based line, when known.
    ///   - column: The 1-based column, when known.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        guard let file else { return "" }
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// An input a person typed that AICarbon cannot use, with what was expected and what was found.
///
/// Every parse and validation failure in the library is reported as an `InputError`, so that the
/// command-line tool can print one line a person can act on and exit non-zero.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The flag (`--pue`) or scenario key (`pue`) the value was given for.
    public var field: String
    /// What the field accepts, in words.
    public var expected: String
    /// What was found instead (the text as typed, or a description).
    public var found: String
    /// Where the value came from, when it came from a file.
    public var location: InputLocation?
    /// Why a number was refused for its size, when that is the reason (``QuantityParser``), so that a caller
    /// quoting the number its own way keeps the reason without reading it back out of ``found``.
    public var magnitude: MagnitudeRefusal?

    /// A number refused for its size, with the parser's words for it, as ``found`` gives them in parentheses after
    /// the number (`too small: nonzero magnitudes below 2.225e-308 are not represented`).
    public enum MagnitudeRefusal: Sendable, Hashable {
        /// Above the largest double (1.797e308) in magnitude, as typed or in the base unit.
        case tooLarge(String)
        /// Nonzero but below the smallest normal double (2.225e-308) in magnitude, as typed or in the base unit.
        case tooSmall(String)

        /// The parser's words.
        public var explanation: String {
            switch self {
            case .tooLarge(let words), .tooSmall(let words): return words
            }
        }
    }

    /// Creates an error.
    /// - Parameters:
    ///   - field: The flag or key the value was given for.
    ///   - expected: What the field accepts.
    ///   - found: What was found instead.
    ///   - location: The file position, if the value came from a file.
    public init(field: String, expected: String, found: String, location: InputLocation? = nil) {
        self.field = field
        self.expected = expected
        self.found = found
        self.location = location
    }

    /// One line: `file:line:column: field: expected …, found …`, with every control character escaped
    /// (`\n`, `\u{1B}`) and each part cut to ``maximumPartLength`` characters, so an input of any size
    /// or content gives one short line.
    public var description: String {
        let place = location.map { $0.description.isEmpty ? "" : "\(Self.printable($0.description)): " } ?? ""
        return "\(place)\(Self.printable(field)): expected \(Self.printable(expected)), found \(Self.printable(found))"
    }

    /// The most characters of each part of a message (the file, the field, what was expected, what was found).
    public static let maximumPartLength = 200

    /// `text` with control characters escaped and cut to `limit` characters (then `…` and the length).
    /// - Parameters:
    ///   - text: Any text, such as an input as typed.
    ///   - limit: The most characters kept.
    /// - Returns: Text safe to print on one terminal line.
    public static func printable(_ text: String, limit: Int = maximumPartLength) -> String {
        var out = "", kept = 0, total = 0
        for scalar in text.unicodeScalars {
            total += 1
            guard kept < limit else { continue }
            kept += 1
            out += escaped(scalar)
        }
        return total > limit ? out + "… (\(total) characters)" : out
    }

    /// `text` in quotes, cut after its first 40 characters (then `…`) when longer: a value quoted beside something
    /// the message must keep whole (its length, the system's reason, a second value).
    /// - Parameter text: Any text, such as a value as typed.
    /// - Returns: The quoted text or its start.
    public static func abridged(_ text: some StringProtocol) -> String {
        "\"" + text.prefix(40) + (text.count > 40 ? "…" : "") + "\""
    }

    /// A scalar as it can be shown on a terminal: control characters (C0, DEL, C1, line and paragraph
    /// separators, bidirectional overrides) as escapes, and so are the characters that print as a plain
    /// space or as nothing (Unicode's space separators other than the space itself, such as U+00A0 and
    /// U+2009; format characters, such as U+200B; default-ignorable code points, such as the variation selector
    /// U+FE0F and the Hangul filler U+3164; and the blank braille pattern U+2800), which would make `chi\u{200B}ps` look like `chips` and
    /// `64\u{A0}` like `64 `.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\0": return "\\0"
        default:
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || (v != 0x20 && scalar.properties.generalCategory == .spaceSeparator)
                || scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint || v == 0x2800 {
                return "\\u{\(String(v, radix: 16, uppercase: true))}"
            }
            return String(scalar)
        }
    }
}

extension InputError {
    /// The same error with input names shown another way: the field, and every `` `key` `` in the
    /// expected and found texts, as `name(key)` gives it (a flag on the command line, the bare key in a
    /// scenario file). Only names `name` returns a value for are changed; the backticks go either way.
    /// - Parameter name: The display name of an input or setting key, or `nil` to keep the key.
    /// - Returns: The renamed error.
    public func namingInputs(_ name: (String) -> String?) -> InputError {
        func rename(_ text: String) -> String {
            var out = "", rest = Substring(text)
            while let open = rest.firstIndex(of: "`") {
                out += rest[..<open]
                let after = rest.index(after: open)
                guard let close = rest[after...].firstIndex(of: "`") else {
                    // An unpaired backtick (in text the user typed) is kept as it is, with what follows.
                    out += rest[open...]
                    return out
                }
                let key = String(rest[after..<close])
                let isKey = !key.isEmpty && key.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber }
                out += isKey ? (name(key) ?? key) : "`\(key)`"
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        var e = self
        e.field = name(field) ?? field
        e.expected = rename(expected)
        e.found = rename(found)
        return e
    }
}

extension InputError {
    /// The error for an output that is not finite (it overflowed, or is undefined) for the inputs given: it
    /// names the output (and year) in `field`, and in `found` the inputs that can cause it.
    /// - Parameters:
    ///   - output: The output's name (`energy_kwh`, or `energy_kwh in 2200` in a projection).
    ///   - causes: The inputs that can cause it, as ``extremeInputs(_:units:growthFallback:)`` describes them.
    ///   - fallback: What the message says when `causes` is empty: by default, to check growth factors, years and
    ///     input magnitudes (a projection's); an estimate, which has neither growth factors nor years, says its own.
    /// - Returns: The error.
    public static func overflow(output: String, causes: [String],
                                fallback: String = "check growth factors, years and input magnitudes") -> InputError {
        let found = "infinite or undefined values (it overflows)"
        let culprits = causes.isEmpty ? "; \(fallback) for overflow" : causeList(causes, after: found)
        return InputError(field: output, expected: overflowExpected + output, found: found + culprits)
    }

    /// `; the inputs that can cause it: a, b, c`, as many causes as fit with `text` before them in one part of a
    /// message (``maximumPartLength``), then `and 3 more`: a list cut at the limit ended mid-word
    /// (`… end_year = 2035 (11 yea… (224 characters)`).
    static func causeList(_ causes: [String], after text: String) -> String {
        let head = "; the inputs that can cause it: "
        var shown: [String] = []
        for (i, cause) in causes.enumerated() {
            let rest = causes.count - i - 1
            let tail = rest > 0 ? ", and \(rest) more" : ""
            let candidate = text + head + (shown + [cause]).joined(separator: ", ") + tail
            guard candidate.unicodeScalars.count <= maximumPartLength || shown.isEmpty else {
                return head + shown.joined(separator: ", ") + ", and \(causes.count - shown.count) more"
            }
            shown.append(cause)
        }
        return head + shown.joined(separator: ", ")
    }

    /// Whether this is the error of ``overflow(output:causes:)``.
    public var isOverflow: Bool { expected.hasPrefix(Self.overflowExpected) }

    static let overflowExpected = "finite values of the output "

    /// Magnitudes beyond which an input is reported as a likely cause of an overflow: above 10¹⁰⁰ or below
    /// 10⁻¹⁰⁰ (no physical input of AICarbon comes near either).
    public static let extremeMagnitudes = (small: 1e-100, large: 1e100)

    /// The error for an output that underflows for the inputs given: nonzero but below 10⁻¹⁰⁰
    /// (``extremeMagnitudes``) in magnitude at the inputs' medians, or 0 there only because an input below
    /// 10⁻¹⁰⁰ drove a product under the smallest double. Summaries need more: the sd and mcse rest on squared
    /// deviations, which fall below the smallest normal double (2.2 × 10⁻³⁰⁸) for deviations under 1.5 × 10⁻¹⁵⁴,
    /// so `--grid "1e-300 kg/kWh"` printed `co2e_kg` as 6.75e-292 ± 0, a Monte Carlo error of 0 for an
    /// uncertain output. An output of at least 10⁻¹⁰⁰ keeps any spread above 10⁻¹¹⁶ (its last digits) squared
    /// above 10⁻²³², so the rule refuses only what the summaries cannot represent, and what no physical input
    /// gives. It names the output (and year), its value with its unit, and the inputs that can cause it.
    /// - Parameters:
    ///   - output: The output's name (`co2e_kg`, or `co2e_kg in 2030` in a projection).
    ///   - value: Its value at the inputs' medians, in `unit`.
    ///   - unit: Its base unit (empty when dimensionless).
    ///   - causes: The inputs that can cause it, as ``extremeInputs(_:units:growthFallback:)`` describes them;
    ///     when empty, the message points at input magnitudes in general.
    /// - Returns: The error.
    public static func underflow(output: String, value: Double, unit: String, causes: [String]) -> InputError {
        let shown = Distribution.compact(value) + (unit.isEmpty ? "" : " \(unit)")
        let found = "\(shown) at the inputs' medians (it underflows)"
        let culprits = causes.isEmpty ? "; check input magnitudes and growth factors below 1" : causeList(causes, after: found)
        return InputError(field: output, expected: "values of the output \(output) of at least 1e-100 in magnitude, or 0 "
                          + "(smaller ones leave the squares behind its sd and mcse below the smallest double)",
                          found: found + culprits)
    }

    /// The inputs whose values reach extreme magnitudes (``extremeMagnitudes``), as ``extremeCauses(_:units:growthFallback:)``
    /// finds them, each described as there.
    /// - Parameters:
    ///   - inputs: Input names and their values (fixed or distributions).
    ///   - units: The base unit of inputs by name, printed after their values.
    ///   - growthFallback: Whether to name growth drivers when no input is extreme.
    /// - Returns: At most five descriptions.
    public static func extremeInputs(_ inputs: [(name: String, distribution: Distribution)], units: [String: String] = [:],
                                     growthFallback: Bool = true) -> [String] {
        extremeCauses(inputs, units: units, growthFallback: growthFallback).map(\.text)
    }

    /// An input named as a likely cause of an overflow or underflow: its name as given, and how a message describes it.
    public struct ExtremeCause: Sendable, Hashable {
        /// The input's name as given to ``InputError/extremeCauses(_:units:growthFallback:)`` (a year column's name for a
        /// year's value, `ai_growth@2030`), or the growth key a fallback names (`ai_growth`).
        public var name: String
        /// Its description: `` `key` = 1e-300 `` or `` `key` reaching 1e+200 ``, with the unit when known.
        public var text: String
    }

    /// The inputs whose values reach extreme magnitudes (``extremeMagnitudes``), largest excess first, each
    /// as `` `key` = 1e-300 `` (a fixed value) or `` `key` reaching 1e+200 `` (a distribution's 10⁻⁶ or
    /// 1 − 10⁻⁶ quantile), with the key in backticks so that the command line shows its flag.
    ///
    /// When no input is extreme and `growthFallback` is set, the growth drivers among them (``GrowthText/keys``,
    /// also as year columns `ai_growth@2030`) that can compound upwards are named instead, with their
    /// 1 − 10⁻⁶ quantile (`` `ai_growth` reaching 412 ``): compounded over many years they overflow without
    /// any single value being extreme.
    /// - Parameters:
    ///   - inputs: Input names and their values (fixed or distributions).
    ///   - units: The base unit of inputs by name (`energy_per_query`: `kWh`), printed after their values, which
    ///     are in it; an input without one is printed bare.
    ///   - growthFallback: Whether to name growth drivers when no input is extreme.
    /// - Returns: At most five causes.
    public static func extremeCauses(_ inputs: [(name: String, distribution: Distribution)], units: [String: String] = [:],
                                     growthFallback: Bool = true) -> [ExtremeCause] {
        var found: [(excess: Double, cause: ExtremeCause)] = []
        for (name, d) in inputs {
            let values = d.isFixed ? [d.median] : [d.quantile(1e-6), d.median, d.quantile(1 - 1e-6)]
            var worst: (excess: Double, value: Double)?
            var extremes: [Double] = []
            for x in values where x != 0 {
                let magnitude = abs(x)
                let excess = !magnitude.isFinite ? .infinity
                    : magnitude > extremeMagnitudes.large ? log10(magnitude / extremeMagnitudes.large)
                    : magnitude < extremeMagnitudes.small ? log10(extremeMagnitudes.small / magnitude) : -1
                if excess >= 0, x != d.median || d.isFixed { extremes.append(x) }
                if excess >= 0, excess > (worst?.excess ?? -1) { worst = (excess, x) }
            }
            guard let worst else { continue }
            let unit = units[name].map { $0.isEmpty ? "" : " \($0)" } ?? ""
            let text: String
            if d.isFixed {
                text = "`\(name)` = \(Distribution.compact(worst.value))\(unit)"
            } else if extremes.count == 2, let low = extremes.min(), let high = extremes.max(),
                      abs(low) < extremeMagnitudes.small, abs(high) > extremeMagnitudes.large {
                // Both tails extreme, one tiny and one huge (loguniform(1e-300, 1e300)): which one overflows depends on
                // where the input enters the output, so both are named (the lower alone was, for an overflow from the upper).
                text = "`\(name)` from \(Distribution.compact(low)) to \(Distribution.compact(high))\(unit)"
            } else {
                text = "`\(name)` reaching \(Distribution.compact(worst.value))\(unit)"
            }
            found.append((worst.excess, ExtremeCause(name: name, text: text)))
        }
        if found.isEmpty, growthFallback {
            for (name, d) in inputs {
                let key = name.split(separator: "@").first.map(String.init) ?? name
                let high = d.isFixed ? d.median : d.quantile(1 - 1e-6)
                guard GrowthText.keys.contains(key), high > 1 else { continue }
                found.append((high, ExtremeCause(name: key, text: d.isFixed ? "`\(key)` = \(Distribution.compact(high))"
                                                                 : "`\(key)` reaching \(Distribution.compact(high))")))
            }
        }
        return found.sorted { $0.excess > $1.excess }.prefix(5).map(\.cause)
    }
}
