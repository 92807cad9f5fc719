/// Results as comma-separated values, in base units, one header line.
///
/// - Estimate: `output,unit,mean,p05,…,sd,mcse`, a row per output.
/// - Projection (tidy): `scenario,year,output,statistic,value`.
/// - Comparison: `year,output,a_p50,b_p50,difference_mean,difference_p05,difference_p50,difference_p95,
///   p_a_less_than_b` (without `year` for two estimates).
/// - Rebound: `efficiency_gain,elasticity,expected_saving,actual_saving,rebound,class`.
///
/// Text fields are quoted (RFC 4180) when they hold a comma, a quote or a line break.
public struct CSVRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ report: EstimateReport) -> String {
        let keys = report.percentiles.map(JSONRenderer.key)
        var lines = ["output,unit,mean," + keys.joined(separator: ",") + ",sd,mcse"]
        for (name, s) in report.outputs {
            let values = [s.mean] + s.percentiles.map(\.value) + [s.sd, s.mcse]
            lines.append("\(name.rawValue),\(Self.field(name.baseUnit))," + Self.numbers(values))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func render(_ report: ProjectionReport) -> String {
        var lines = ["scenario,year,output,statistic,value"]
        let scenario = Self.field(report.name)
        for t in report.years.indices {
            for (o, name) in report.outputs.enumerated() {
                let s = report.summaries[t][o]
                var stats: [(String, Double)] = [("mean", s.mean)]
                stats += s.percentiles.map { (JSONRenderer.key($0.percent), $0.value) }
                stats += [("sd", s.sd), ("mcse", s.mcse)]
                for (stat, value) in stats {
                    lines.append("\(scenario),\(report.years[t]),\(name.rawValue),\(stat),\(JSONValue.numberText(value))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func render(_ report: ComparisonReport) -> String {
        let columns = "output,a_p50,b_p50,difference_mean,difference_p05,difference_p50,difference_p95,p_a_less_than_b"
        var lines = [report.years.isEmpty ? columns : "year," + columns]
        for t in 0..<Swift.max(report.years.count, 1) {
            for (o, name) in report.outputs.enumerated() {
                let d = report.difference[t][o]
                let values = [report.medians[t][o].0, report.medians[t][o].1, d.mean, d.percentile(5)!, d.percentile(50)!,
                              d.percentile(95)!, report.probability[t][o]]
                lines.append((report.years.isEmpty ? "" : "\(report.years[t]),") + "\(name.rawValue)," + Self.numbers(values))
            }
        }
        return lines.joined(separator: "\n") + "\n"
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

    /// A text field, quoted when it holds a comma, a double quote or a line break (RFC 4180).
    /// - Parameter text: The field.
    /// - Returns: The field as written.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
