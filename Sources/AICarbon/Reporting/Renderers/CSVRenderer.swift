/// Results as comma-separated values, in base units, one header line.
///
/// Estimates, projections and comparisons share one tidy (long) schema, one value a row:
///
///     scenario,year,output,unit,statistic,value
///
/// - `scenario`: the scenario's name (empty for an estimate from flags); for a comparison `A vs B`.
/// - `year`: the projection year; empty for an estimate and a comparison of estimates.
/// - `output`: the output's key (`energy_kwh`, `co2e_kg`, …).
/// - `unit`: the unit of `value`, as JSON names it (`kWh`, `kg CO2e`, `L`, `chip-h`; empty for a
///   plain number such as the rebound); a probability (`p_a_less_than_b`) has an empty unit.
/// - `statistic`: `mean`, `p05`, `p25`, `p50`, `p75`, `p95` (and any requested percentiles), `sd`,
///   `mcse`; a comparison has `a_p50`, `b_p50`, `difference_mean`, `difference_p05`, …,
///   `difference_sd`, `difference_mcse` and `p_a_less_than_b`.
/// - `value`: the number, as JSON writes it (shortest round-trip text).
///
/// Rebound keeps its own row per case: `efficiency_gain,elasticity,expected_saving,actual_saving,rebound,class`.
///
/// Text fields are quoted (RFC 4180) when they hold a comma, a quote or a line break; other control
/// characters are escaped as in the tables (`\u{1B}`).
public struct CSVRenderer: ReportRenderer {
    /// The header of estimates, projections and comparisons.
    public static let header = "scenario,year,output,unit,statistic,value"

    /// Creates the renderer.
    public init() {}

    public func render(_ report: EstimateReport) -> String {
        var lines = [Self.header]
        for (name, s) in report.outputs {
            lines += Self.rows(scenario: report.name ?? "", year: nil, output: name, statistics: Self.statistics(s))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func render(_ report: ProjectionReport) -> String {
        var lines = [Self.header]
        for t in report.years.indices {
            for (o, name) in report.outputs.enumerated() {
                lines += Self.rows(scenario: report.name, year: report.years[t], output: name, statistics: Self.statistics(report.summaries[t][o]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func render(_ report: ComparisonReport) -> String {
        var lines = [Self.header]
        let scenario = "\(report.a) vs \(report.b)"
        for t in 0..<Swift.max(report.years.count, 1) {
            for (o, name) in report.outputs.enumerated() {
                var stats = [("a_p50", report.medians[t][o].0), ("b_p50", report.medians[t][o].1)]
                stats += Self.statistics(report.difference[t][o]).map { ("difference_" + $0.0, $0.1) }
                lines += Self.rows(scenario: scenario, year: report.years.isEmpty ? nil : report.years[t], output: name, statistics: stats)
                lines += Self.rows(scenario: scenario, year: report.years.isEmpty ? nil : report.years[t], output: name,
                                   statistics: [("p_a_less_than_b", report.probability[t][o])], unit: "")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `mean`, the percentiles (`p05`, …), `sd` and `mcse` of a summary.
    static func statistics(_ s: OutputSummary) -> [(String, Double)] {
        [("mean", s.mean)] + s.percentiles.map { (JSONRenderer.key($0.percent), $0.value) } + [("sd", s.sd), ("mcse", s.mcse)]
    }

    /// One row of the tidy schema per statistic.
    /// - Parameters:
    ///   - scenario: The scenario column (quoted as needed here).
    ///   - year: The year, or `nil` for an estimate.
    ///   - output: The output.
    ///   - statistics: Each statistic's name and value.
    ///   - unit: The unit, when not the output's (`""` for a probability).
    /// - Returns: The rows.
    static func rows(scenario: String, year: Int?, output: OutputName, statistics: [(String, Double)], unit: String? = nil) -> [String] {
        let prefix = "\(field(scenario)),\(year.map(String.init) ?? ""),\(output.rawValue),\(field(unit ?? output.baseUnit)),"
        return statistics.map { prefix + "\($0.0),\(JSONValue.numberText($0.1))" }
    }

    public func render(_ report: ReboundReport) -> String {
        var lines = ["efficiency_gain,elasticity,expected_saving,actual_saving,rebound,class"]
        for c in report.cases {
            lines.append(Self.numbers([c.efficiencyGain, c.elasticity, c.expectedSaving, c.actualSaving, c.rebound])
                         + ",\(c.reboundClass.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Numbers as JSON writes them (shortest round-trip text), comma-separated.
    static func numbers(_ values: [Double]) -> String { values.map(JSONValue.numberText).joined(separator: ",") }

    /// A text field, quoted when it holds a comma, a double quote or a line break (RFC 4180), with every
    /// other control character escaped as the tables escape it (``TableRenderer/terminalSafe(_:)``: ESC as
    /// `\u{1B}`, a tab as `\t`), so that a scenario's name cannot move the cursor or change colours when
    /// the CSV is printed. A line feed stays a line feed, in quotes.
    /// - Parameter text: The field.
    /// - Returns: The field as written.
    public static func field(_ text: String) -> String {
        let safe = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TableRenderer.terminalSafe(String(String.UnicodeScalarView($0))) }.joined(separator: "\n")
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return safe }
        return "\"" + safe.replacingAll("\"", with: "\"\"") + "\""
    }
}
