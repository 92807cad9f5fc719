import Foundation

/// Renders a ``SensitivityReport`` as a table, JSON or CSV. Kept apart from the report (and from the
/// estimate and projection renderers) so that it can move with the other renderers.
///
/// JSON (the contract): one period is
/// `{"output": NAME, "method": M, "year": Y (projections only), "inputs": [{"name", …}]}` with the
/// measures the method computes (`spearman`, `share`; `low`, `high`, `swing`; `s1`, `s1_low`,
/// `s1_high`, `st`, `st_low`, `st_high`), inputs sorted by importance. An estimate, or a projection
/// with one year asked for, gives that object; a projection without a year gives an array of them,
/// one per year in year order (even when it has one year). CSV has one row per period and input:
/// `[year,]output,method,name,<measures>`.
public enum SensitivityRendering {
    /// The report in `format`: the table shows `year` (default: the last year), JSON and CSV every
    /// period of the report.
    public static func rendered(_ report: SensitivityReport, _ format: OutputFormat, year: Int? = nil) -> String {
        switch format {
        case .table: return table(report, year: year)
        case .json: return json(report).rendered() + "\n"
        case .csv: return csv(report)
        }
    }

    /// The value of the `"sensitivity"` member: one object for an estimate or a projection's one year
    /// asked for, else an array of one object per year.
    public static func json(_ report: SensitivityReport) -> JSONValue {
        let objects = report.periods.map { json(report, $0) }
        return report.isProjection && report.year == nil ? .array(objects) : (objects.first ?? .null)
    }

    /// The estimate's JSON document with a `"sensitivity"` member appended (after its other members).
    /// - Parameters:
    ///   - report: The sensitivity report.
    ///   - document: The estimate's JSON object (``EstimateReport/json``).
    public static func appending(_ report: SensitivityReport, to document: JSONValue) -> JSONValue {
        guard case .object(let members) = document else { return document }
        return .object(members + [("sensitivity", json(report))])
    }

    /// A document for `aicarbon sensitivity`: the scenario, how it was run, and `"sensitivity"`.
    public static func document(_ report: SensitivityReport, scenario: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("scenario", .string(scenario)), ("kind", .string(report.kind))]
        if report.method != .tornado {
            members += [("samples", .number(Double(report.samples))), ("seed", .number(Double(report.settings.seed))),
                        ("design", .string(report.settings.method.rawValue)), ("generator", .string(report.settings.generator.rawValue))]
        }
        members.append(("runs", .number(Double(report.runs))))
        if report.bootstrap > 0 { members.append(("bootstrap", .number(Double(report.bootstrap)))) }
        members.append(("sensitivity", json(report)))
        members += JSONRenderer.warningsMember(report.warnings)
        return .object(members)
    }

    static func json(_ report: SensitivityReport, _ period: SensitivityReport.Period) -> JSONValue {
        var members: [(String, JSONValue)] = [("output", .string(report.output)), ("method", .string(report.method.rawValue))]
        if let year = period.year { members.append(("year", .number(Double(year)))) }
        members.append(("inputs", .array(period.inputs.map { entry in
            .object([("name", JSONValue.string(entry.name))] + measures(entry, report.method).map { ($0.key, JSONValue.number($0.value)) })
        })))
        return .object(members)
    }

    /// The measures a method computes, in contract order.
    static func measures(_ e: SensitivityReport.Entry, _ method: SensitivityMethod) -> [(key: String, value: Double)] {
        switch method {
        case .rank: return [("spearman", e.spearman ?? .nan), ("share", e.share ?? .nan)]
        case .tornado: return [("low", e.low ?? .nan), ("high", e.high ?? .nan), ("swing", e.swing ?? .nan)]
        case .sobol:
            return [("s1", e.s1 ?? .nan), ("s1_low", e.s1Low ?? .nan), ("s1_high", e.s1High ?? .nan),
                    ("st", e.st ?? .nan), ("st_low", e.stLow ?? .nan), ("st_high", e.stHigh ?? .nan)]
        }
    }

    /// CSV: a header, then one row per period and input, most important first within each period.
    public static func csv(_ report: SensitivityReport) -> String {
        let keys = measures(SensitivityReport.Entry(name: ""), report.method).map(\.key)
        var lines = [(report.isProjection ? "year," : "") + "output,method,name," + keys.joined(separator: ",")]
        for period in report.periods {
            for entry in period.inputs {
                let cells = (period.year.map { ["\($0)"] } ?? []) + [report.output, report.method.rawValue, quoted(entry.name)]
                    + measures(entry, report.method).map { JSONValue.numberText($0.value) }
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// The output's value in a readable unit (`553.1 t CO2e`), or the number with its base unit.
    /// A value of the analysed output in one readable unit for the whole table (chosen from `reference`,
    /// the output at every input's median), so that a column never mixes kg and t.
    static func value(_ x: Double, _ report: SensitivityReport, reference: Double? = nil) -> String {
        guard let name = OutputName(rawValue: report.output) else {
            return ReadableQuantity.number(x) + (report.unit.isEmpty ? "" : " \(report.unit)")
        }
        let unit = ReadableQuantity.unit(for: reference ?? x, name)
        let shown = name.kind == .dimensionless ? x : ReadableQuantity.scale(x, name, unit: unit)
        return ReadableQuantity.number(shown) + (unit.isEmpty ? "" : " \(unit)")
    }

    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let p = x * 100
        return (abs(p) < 9.95 && p != 0 ? String(format: "%.1f", p) : String(format: "%.0f", p)) + "%"
    }

    static func fixed(_ x: Double?, _ digits: Int = 3) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(digits)f", x)
    }

    /// The table of one period (default the last), sorted by importance, with a one-line reading aid.
    public static func table(_ report: SensitivityReport, year: Int? = nil) -> String {
        guard let period = report.period(year) else { return "" }
        let label = OutputName(rawValue: report.output)?.label ?? report.output
        var text = "sensitivity of \(label) (\(report.output))" + (period.year.map { " in \($0)" } ?? "") + ": \(report.method.summary)"
        switch report.method {
        case .rank: text += "; \(TableRenderer.count(report.samples, "sample", "samples"))\n"
        case .tornado: text += "; \(report.runs) model runs\n"
        case .sobol:
            text += "; N = \(ReadableQuantity.number(Double(report.samples), significant: 12)), "
                + "\(ReadableQuantity.number(Double(report.runs), significant: 12)) model runs, \(report.bootstrap) bootstrap resamples\n"
        }
        text += TableRenderer.warningLines(report.warnings)
        guard !period.inputs.isEmpty else { return text + "no uncertain inputs\n" }
        let rows: [[String]]
        let header: [String]
        switch report.method {
        case .rank:
            header = ["input", "spearman", "share"]
            rows = period.inputs.map { [$0.name, fixed($0.spearman), percent($0.share ?? .nan)] }
        case .tornado:
            header = ["input", "at its p05", "at its p95", "swing"]
            let base = period.baseline
            rows = period.inputs.map {
                [$0.name, value($0.low ?? .nan, report, reference: base), value($0.high ?? .nan, report, reference: base),
                 value($0.swing ?? .nan, report, reference: base)]
            }
        case .sobol:
            header = ["input", "S1", "S1 95% interval", "ST", "ST 95% interval"]
            rows = period.inputs.map {
                [$0.name, fixed($0.s1), "\(fixed($0.s1Low)) – \(fixed($0.s1High))", fixed($0.st), "\(fixed($0.stLow)) – \(fixed($0.stHigh))"]
            }
        }
        text += TextTable(header: header, rows: rows, rightAligned: header.indices.map { $0 > 0 }).rendered()
        if report.method == .tornado, let baseline = period.baseline {
            text += "every input at its median: \(value(baseline, report))\n"
        }
        text += "reading: " + reading(report, period, label: label) + "\n"
        if report.correlated, report.method == .rank {
            text += "note: some inputs are declared correlated, so their shares overlap (each also carries its partners' effect)\n"
        }
        return text
    }

    /// The one-line reading aid: what the most important input explains, and what pinning the next one
    /// would do.
    static func reading(_ report: SensitivityReport, _ period: SensitivityReport.Period, label: String) -> String {
        let top = period.inputs[0], next = period.inputs.count > 1 ? period.inputs[1] : nil
        switch report.method {
        case .rank:
            guard (top.share ?? 0) > 0 else { return "\(label) does not vary with any input" }
            var line = "\(top.name) explains \(percent(top.share!)) of the spread of \(label) (share of rank variance)"
            if let next { line += "; pinning \(next.name) would narrow it by about \(percent(next.share ?? 0))" }
            return line
        case .tornado:
            guard (top.swing ?? 0) > 0 else { return "\(label) does not move with any input" }
            var line = "\(top.name) alone moves \(label) from \(value(top.low!, report)) to \(value(top.high!, report)), the widest swing"
            if let next { line += "; pinning \(next.name) at its median would remove a swing of \(value(next.swing ?? 0, report))" }
            return line
        case .sobol:
            guard (top.st ?? 0) > 0 else { return "\(label) does not vary with any input" }
            var line = "\(top.name) explains \(percent(top.s1 ?? 0)) of the variance of \(label) alone and \(percent(top.st!)) with its interactions"
            if let next { line += "; pinning \(next.name) would narrow the variance by about \(percent(max(next.s1 ?? 0, 0))) on average" }
            return line
        }
    }
}

extension SensitivityRendering {
    /// An estimate's report followed by its sensitivity: the table with the sensitivity table after a
    /// blank line; the JSON object with a `"sensitivity"` member appended (``appending(_:to:)``); the
    /// estimate's CSV, a blank line, and the sensitivity CSV.
    public static func estimate(_ report: EstimateReport, with sensitivity: SensitivityReport, _ format: OutputFormat) -> String {
        switch format {
        case .table: return report.rendered(.table) + "\n" + table(sensitivity)
        case .json: return appending(sensitivity, to: JSONRenderer.document(report)).rendered() + "\n"
        case .csv: return report.rendered(.csv) + "\n" + csv(sensitivity)
        }
    }
}
