/// Results as aligned text for a terminal: medians with 90% intervals, each output in one readable
/// unit (``ReadableQuantity``), and the assumptions made.
public struct TableRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ report: EstimateReport) -> String {
        var text = ""
        for (label, line) in report.context { text += "\(Self.terminalSafe(label)): \(Self.terminalSafe(line))\n" }
        let settings = report.settings
        if report.isUncertain {
            text += "samples: \(ReadableQuantity.number(Double(report.sampleCount), significant: 12)) (\(settings.method.rawValue), seed \(settings.seed)"
                + (settings.until.map { ", until \($0)" } ?? "") + ")\n"
            text += Self.warningLines(report.warnings)
            text += "\n"
            // Percentiles asked for with --percentiles (or the file's simulation.percentiles), one column each.
            let standard = Set(EstimateReport.reportedPercentiles([]))
            let extra = report.percentiles.filter { !standard.contains($0) }
            let rows = report.outputs.map { name, s -> [String] in
                let unit = ReadableQuantity.unit(for: s.percentile(50) ?? s.mean, name)
                func f(_ x: Double) -> String { ReadableQuantity.number(ReadableQuantity.scale(x, name, unit: unit)) }
                let p05 = s.percentile(5) ?? .nan, p95 = s.percentile(95) ?? .nan
                return [name.label, f(s.percentile(50) ?? .nan), "\(f(p05)) – \(f(p95))"] + extra.map { f(s.percentile($0) ?? .nan) }
                    + ["\(f(s.mean)) ± \(f(s.mcse))", Self.unitLabel(unit, name), name.rawValue]
            }
            text += TextTable(header: ["output", "median", "90% interval"] + extra.map { Self.percentileLabel($0, among: report.percentiles) }
                              + ["mean ± mcse", "unit", "key"], rows: rows,
                              rightAligned: [false, true, true] + extra.map { _ in true } + [true, false, false]).rendered()
        } else {
            text += "\n"
            let rows = report.outputs.map { name, s in [name.label, ReadableQuantity.format(s.mean, name), name.rawValue] }
            text += TextTable(header: ["output", "value", "key"], rows: rows, rightAligned: [false, true, false]).rendered()
        }
        let givenUncertain = report.inputs.filter { input in !report.assumptions.contains { $0.input == input.0 } }
        if !givenUncertain.isEmpty {
            text += "\nuncertain inputs (given):\n"
            for (name, d) in givenUncertain {
                let unit = report.inputUnits[name] ?? ""
                text += "  \(name) ~ \(d)\(unit.isEmpty ? "" : " \(unit)")\n"
            }
        }
        return text + Self.assumptions(report.assumptions)
    }

    /// Median and 90% interval per year for the main outputs, each in one readable unit. With percentiles
    /// asked for (`--percentiles`, `simulation.percentiles`), the interval runs from the lowest requested
    /// below 50 to the highest above 50 (5 and 95 when none is on that side); any others are named below
    /// the table, for CSV and JSON, which report every one.
    public func render(_ report: ProjectionReport) -> String {
        let standard = Set(OutputSummary.reported(extra: []))
        let extra = report.percentiles.filter { !standard.contains($0) }
        let low = extra.filter { $0 < 50 }.min() ?? 5, high = extra.filter { $0 > 50 }.max() ?? 95
        let outputs = report.outputs, summaries = report.summaries, years = report.years
        let reboundVaries = outputs.firstIndex(of: .rebound).map { o in summaries.contains { $0[o].max != 0 || $0[o].min != 0 } } ?? false
        let main = outputs.filter {
            [.energyKWh, .aiEnergyKWh, .inferenceEnergyKWh, .co2eKg, .queries].contains($0) || ($0 == .rebound && reboundVaries)
                || ($0 == .energyWithoutReboundKWh && reboundVaries)
        }
        var header = ["year"], right = [true], units: [String] = []
        for name in main {
            let peak = summaries.map { $0[outputs.firstIndex(of: name)!].percentile(50) ?? 0 }.max() ?? 0
            let unit = ReadableQuantity.unit(for: peak, name)
            units.append(unit)
            header.append("\(name.rawValue)\(unit.isEmpty ? "" : " (\(unit))")")
            right.append(true)
        }
        let rows = years.indices.map { t -> [String] in
            [String(years[t])] + main.enumerated().map { i, name in
                Self.interval(summaries[t][outputs.firstIndex(of: name)!], name, unit: units[i], low: low, high: high)
            }
        }
        var text = "scenario: \(Self.terminalSafe(report.name)), \(years.first!)–\(years.last!), "
            + "\(Self.count(report.sampleCount, "trajectory", "trajectories")) "
            + "(\(report.settings.method.rawValue), seed \(report.settings.seed))\n"
        text += Self.warningLines(report.warnings)
        if extra.isEmpty {
            text += "each cell: median [5th–95th percentile]\n\n"
        } else {
            text += "each cell: median [\(Self.percentileLabel(low, among: report.percentiles))–\(Self.percentileLabel(high, among: report.percentiles))]\n\n"
        }
        text += TextTable(header: header, rows: rows, rightAligned: right).rendered()
        let unshown = extra.filter { $0 != low && $0 != high }
        if !unshown.isEmpty {
            text += "also computed (in CSV and JSON): " + unshown.map { Self.percentileLabel($0, among: report.percentiles) }.joined(separator: ", ") + "\n"
        }
        return text + Self.assumptions(report.assumptions)
    }

    /// Per output (estimates) or per year of energy and CO2e (projections): both medians, the median
    /// difference with its 90% interval (or, with percentiles asked for, from the lowest requested below 50
    /// to the highest above, as in projection tables; others named below), and P(A < B).
    public func render(_ report: ComparisonReport) -> String {
        let standard = Set(OutputSummary.reported(extra: []))
        let extra = report.percentiles.filter { !standard.contains($0) }
        let low = extra.filter { $0 < 50 }.min() ?? 5, high = extra.filter { $0 > 50 }.max() ?? 95
        let label = { (p: Double) in Self.percentileLabel(p, among: report.percentiles) }
        let interval = extra.isEmpty ? "90%" : "\(label(low))–\(label(high))"
        let unshown = extra.filter { $0 != low && $0 != high }
        let footer = unshown.isEmpty ? ""
            : "also computed (in CSV and JSON): " + unshown.map(label).joined(separator: ", ") + "\n"
        var text = "A = \(Self.terminalSafe(report.a)), B = \(Self.terminalSafe(report.b)); paired on "
            + "\(report.commonRandomNumbers ? "common random numbers" : "independent samples"), "
            + "\(report.years.isEmpty ? Self.count(report.sampleCount, "sample", "samples") : Self.count(report.sampleCount, "trajectory", "trajectories"))\n"
        text += Self.warningLines(report.warnings)
        text += "\n"
        let header = ["A median", "B median", "A − B median [\(interval)]", "P(A < B)"]
        if report.years.isEmpty {
            let rows = report.outputs.enumerated().map { o, name -> [String] in
                let unit = ReadableQuantity.unit(for: Swift.max(abs(report.medians[0][o].0), abs(report.medians[0][o].1)), name)
                func f(_ x: Double) -> String { ReadableQuantity.number(ReadableQuantity.scale(x, name, unit: unit), significant: 3) }
                return [name.label, f(report.medians[0][o].0), f(report.medians[0][o].1),
                        Self.interval(report.difference[0][o], name, unit: unit, low: low, high: high),
                        Self.probability(report, 0, o), Self.unitLabel(unit, name)]
            }
            return text + TextTable(header: ["output"] + header + ["unit"], rows: rows,
                                    rightAligned: [false, true, true, true, true, false]).rendered() + footer
        }
        for name in report.outputs where [.energyKWh, .co2eKg].contains(name) {
            let o = report.outputs.firstIndex(of: name)!
            let peak = report.years.indices.map { abs(report.medians[$0][o].0) }.max() ?? 0
            let unit = ReadableQuantity.unit(for: peak, name)
            func f(_ x: Double) -> String { ReadableQuantity.number(ReadableQuantity.scale(x, name, unit: unit), significant: 3) }
            let rows = report.years.indices.map { t -> [String] in
                [String(report.years[t]), f(report.medians[t][o].0), f(report.medians[t][o].1),
                 Self.interval(report.difference[t][o], name, unit: unit, low: low, high: high),
                 Self.probability(report, t, o)]
            }
            text += "\(name.label) (\(unit))\n"
            text += TextTable(header: ["year"] + header, rows: rows, rightAligned: [true, true, true, true, true]).rendered() + "\n"
        }
        return text + footer
    }

    /// P(A < B), or "A = B" when the two are equal (to within rounding) in every paired sample.
    static func probability(_ report: ComparisonReport, _ t: Int, _ o: Int) -> String {
        report.equal[t][o] ? "A = B" : ReadableQuantity.number(report.probability[t][o], significant: 3)
    }

    /// The cases, with the rebound classes explained.
    public func render(_ report: ReboundReport) -> String {
        func pct(_ x: Double) -> String { ReadableQuantity.number(x * 100, significant: 4) + "%" }
        let rows = report.cases.map { c in
            [ReadableQuantity.number(c.efficiencyGain), ReadableQuantity.number(c.elasticity), pct(c.expectedSaving),
             pct(c.actualSaving), ReadableQuantity.number(c.rebound), c.reboundClass.rawValue]
        }
        var text = TextTable(header: ["efficiency gain k", "elasticity η", "expected saving", "actual saving", "rebound R", "class"],
                             rows: rows, rightAligned: [true, true, true, true, true, false]).rendered()
        text += "\nR = 1 - actual saving / expected saving; demand scales by k^(-η), energy by k^-(1+η) (Sorrell & Dimitropoulos 2008).\n"
        for c in Rebound.Class.allCases { text += "  \(c.rawValue): \(c.explanation)\n" }
        return text
    }

    /// The table's name of percentile `p`: `p` and the percentile at four significant digits (`p1`, `p2.5`,
    /// `p99.9`), as long as that text reads back strictly inside (0, 100) and no other percentile of the table
    /// has the same; else as many digits as give `p` back exactly (JSON's text of it: `p99.999`, not `p100`;
    /// `p12.34561` beside `p12.34562`). Labels are therefore distinct, and none reads p0 or p100.
    /// - Parameters:
    ///   - p: A percentile in (0, 100).
    ///   - all: Every percentile the table reports (the standard ones included), `p` among them.
    /// - Returns: The label, such as `p99.999`.
    public static func percentileLabel(_ p: Double, among all: [Double]) -> String {
        let short = ReadableQuantity.number(p)
        let value = Double(short.replacingAll(",", with: "")) ?? p
        let shared = all.contains { $0 != p && ReadableQuantity.number($0) == short }
        guard value > 0, value < 100, !shared else { return "p" + JSONValue.numberText(p) }
        return "p" + short
    }

    /// The unit column of an output: the readable unit, naming what a count counts (`chip-h`,
    /// `B queries`).
    /// - Parameters:
    ///   - unit: The unit ``ReadableQuantity/unit(for:_:)`` chose.
    ///   - output: The output.
    /// - Returns: The text of the unit column.
    public static func unitLabel(_ unit: String, _ output: OutputName) -> String {
        guard output.kind == .count else { return unit }
        return unit.isEmpty ? output.baseUnit : "\(unit) \(output.baseUnit)"
    }

    /// `median [p05–p95]` of an output's summary in `unit`, three significant digits (or the interval from
    /// the percentile `low` to `high`, which the summary must hold).
    /// - Parameters:
    ///   - s: The summary.
    ///   - output: The output (its kind and JSON unit).
    ///   - unit: A unit ``ReadableQuantity/unit(for:_:)`` chose (ignored for dimensionless values).
    ///   - low: The percentile the interval starts at.
    ///   - high: The percentile it ends at.
    /// - Returns: The cell text.
    public static func interval(_ s: OutputSummary?, _ output: OutputName, unit: String, low: Double = 5, high: Double = 95) -> String {
        func f(_ x: Double?) -> String {
            guard let x else { return "-" }
            return ReadableQuantity.number(output.kind == .dimensionless ? x : ReadableQuantity.scale(x, output, unit: unit), significant: 3)
        }
        return "\(f(s?.percentile(50))) [\(f(s?.percentile(low)))–\(f(s?.percentile(high)))]"
    }

    /// The "assumed (not given)" block; empty when nothing was assumed.
    static func assumptions(_ assumptions: [Assumption]) -> String {
        guard !assumptions.isEmpty else { return "" }
        var text = "\nassumed (not given):\n"
        for a in assumptions {
            let unit = a.unit.isEmpty ? "" : " \(a.unit)"
            let value = a.distribution.isFixed ? ReadableQuantity.number(a.median) + unit : "\(a.distribution)\(unit)"
            text += Self.wrapped("  \(a.input) = \(value): \(a.source)", indent: 4) + "\n"
        }
        return text
    }

    /// Text from a scenario (a name, a description) with terminal control characters escaped (`\u{1B}`),
    /// so that it cannot move the cursor, change colours or break the table's lines.
    /// - Parameter text: Any text.
    /// - Returns: The text with every control character as an escape (``InputError/escaped(_:)``).
    public static func terminalSafe(_ text: String) -> String {
        text.unicodeScalars.map { InputError.escaped($0) }.joined()
    }

    /// `line` broken at spaces into lines of at most `width` characters (a longer word stays whole), every
    /// line after the first indented by `indent` spaces.
    /// - Parameters:
    ///   - line: One line of text (its own leading spaces are kept).
    ///   - width: Characters a line, indentation included.
    ///   - indent: Spaces before each continuation line.
    /// - Returns: The lines joined by newlines, without a final one.
    static func wrapped(_ line: String, width: Int = 100, indent: Int = 2) -> String {
        let lead = String(line.prefix { $0 == " " })
        var lines: [String] = [], current = lead
        for word in line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
            if current.count > lead.count && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
            } else {
                current += (current.count > lead.count ? " " : "") + word
            }
        }
        return (lines + [current]).joined(separator: "\n")
    }

    /// A run's warnings as a table prints them under its first line: each escaped for the terminal and
    /// wrapped at 100 columns, with its newline; empty without warnings.
    static func warningLines(_ warnings: [String]) -> String {
        warnings.map { wrapped(terminalSafe($0)) + "\n" }.joined()
    }

    /// "1 trajectory", "20,000 trajectories".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(ReadableQuantity.number(Double(n), significant: 12)) \(n == 1 ? singular : plural)"
    }
}
