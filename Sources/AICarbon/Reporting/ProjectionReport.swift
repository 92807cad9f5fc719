/// A projection's results: per year, a summary of every output.
///
/// JSON: `{"scenario", "samples", "seed", "method", …, "years": [{"year": Y, "outputs": {NAME: {"mean",
/// "p05", "p25", "p50", "p75", "p95", "sd", "mcse", "unit"}}}], "inputs": [...], "assumptions": [...]}`;
/// tidy CSV: `scenario,year,output,statistic,value`.
public struct ProjectionReport: Sendable {
    /// Scenario name.
    public var name: String
    /// The years, in order.
    public var years: [Int]
    /// The outputs, in order.
    public var outputs: [OutputName]
    /// `summaries[t][o]`.
    public var summaries: [[OutputSummary]]
    /// Sampled inputs (column name, distribution).
    public var inputs: [(String, Distribution)]
    /// Defaults the projection relied on.
    public var assumptions: [Assumption]
    /// Run settings.
    public var settings: SimulationSettings
    /// Trajectories simulated.
    public var sampleCount: Int
    /// Percentiles reported.
    public var percentiles: [Double]

    /// Builds the report of a projection from its summaries.
    /// - Parameters:
    ///   - name: Scenario name.
    ///   - resolved: The resolved projection.
    ///   - summaries: `[year][output]`, with the standard percentiles and `extra`.
    ///   - count: Trajectories simulated.
    ///   - settings: Run settings.
    ///   - extra: Percentiles requested besides the standard ones.
    public init(name: String, resolved: ProjectionSpec.Resolved, summaries: [[OutputSummary]], count: Int, settings: SimulationSettings,
                percentiles extra: [Double]) {
        self.name = name
        years = resolved.years
        outputs = resolved.outputs
        percentiles = OutputSummary.reported(extra: extra)
        self.summaries = summaries
        inputs = resolved.columns.map { ($0.name, $0.distribution) }
        assumptions = resolved.assumptions
        self.settings = settings
        sampleCount = count
    }

    /// The summary of `output` in `year`.
    public func summary(_ output: OutputName, year: Int) -> OutputSummary? {
        guard let t = years.firstIndex(of: year), let o = outputs.firstIndex(of: output) else { return nil }
        return summaries[t][o]
    }

    /// The report as a table, JSON or tidy CSV.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json.rendered() + "\n"
        case .csv: return csv
        case .table: return table
        }
    }

    static func statistics(_ s: OutputSummary, unit: String) -> JSONValue {
        var stats: [(String, JSONValue)] = [("mean", .number(s.mean))]
        for p in s.percentiles { stats.append((EstimateReport.key(p.percent), .number(p.value))) }
        stats += [("sd", .number(s.sd)), ("mcse", .number(s.mcse)), ("unit", .string(unit))]
        return .object(stats)
    }

    /// The JSON document.
    public var json: JSONValue {
        .object([
            ("scenario", .string(name)), ("samples", .number(Double(sampleCount))), ("seed", .number(Double(settings.seed))),
            ("method", .string(settings.method.rawValue)), ("generator", .string(settings.generator.rawValue)),
            ("gsl_version", .string(GSLRuntime.version)), ("start_year", .number(Double(years.first!))),
            ("end_year", .number(Double(years.last!))),
            ("years", .array(years.indices.map { t in
                .object([("year", .number(Double(years[t]))),
                         ("outputs", .object(outputs.indices.map { o in
                             (outputs[o].rawValue, Self.statistics(summaries[t][o], unit: outputs[o].baseUnit))
                         }))])
            })),
            ("inputs", AssumptionRendering.json(inputs: inputs)),
            ("assumptions", AssumptionRendering.json(assumptions)),
        ])
    }

    private var csv: String {
        var lines = ["scenario,year,output,statistic,value"]
        for t in years.indices {
            for (o, name) in outputs.enumerated() {
                let s = summaries[t][o]
                var stats: [(String, Double)] = [("mean", s.mean)]
                stats += s.percentiles.map { (EstimateReport.key($0.percent), $0.value) }
                stats += [("sd", s.sd), ("mcse", s.mcse)]
                for (stat, value) in stats {
                    lines.append("\(self.name),\(years[t]),\(name.rawValue),\(stat),\(JSONValue.numberText(value))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Median and 90% interval per year for the main outputs, each in one readable unit.
    private var table: String {
        let reboundVaries = outputs.firstIndex(of: .rebound).map { o in summaries.contains { $0[o].max != 0 || $0[o].min != 0 } } ?? false
        let main = outputs.filter {
            [.energyKWh, .aiEnergyKWh, .inferenceEnergyKWh, .co2eKg, .queries].contains($0) || ($0 == .rebound && reboundVaries)
                || ($0 == .energyWithoutReboundKWh && reboundVaries)
        }
        var header = ["year"], right = [true]
        var units: [String] = []
        for name in main {
            let peak = summaries.map { $0[outputs.firstIndex(of: name)!].percentile(50) ?? 0 }.max() ?? 0
            let unit = name.kind == .dimensionless ? "" : ReadableQuantity.scale(peak, name.kind).1
            units.append(unit)
            header.append("\(name.rawValue)\(unit.isEmpty ? "" : " (\(unit))")")
            right.append(true)
        }
        let rows = years.indices.map { t -> [String] in
            [String(years[t])] + main.enumerated().map { i, name in
                let s = summaries[t][outputs.firstIndex(of: name)!]
                func f(_ x: Double) -> String {
                    ReadableQuantity.number(name.kind == .dimensionless ? x : ReadableQuantity.scale(x, name.kind, unit: units[i]), significant: 3)
                }
                return "\(f(s.percentile(50) ?? .nan)) [\(f(s.percentile(5) ?? .nan))–\(f(s.percentile(95) ?? .nan))]"
            }
        }
        var text = "scenario: \(name), \(years.first!)–\(years.last!), \(ReadableQuantity.number(Double(sampleCount), significant: 12)) trajectories (\(settings.method.rawValue), seed \(settings.seed))\n"
        text += "each cell: median [5th–95th percentile]\n\n"
        text += TextTable(header: header, rows: rows, rightAligned: right).rendered()
        return text + AssumptionRendering.table(assumptions)
    }
}

