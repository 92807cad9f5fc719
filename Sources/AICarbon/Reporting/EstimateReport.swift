/// The result of a single estimate, ready to render as a table, JSON or CSV.
///
/// JSON contract: `{"samples", "seed", "method", "outputs": {NAME: {"mean", "p05", "p50", "p95", "sd",
/// "mcse", …}}, "assumptions": [...]}`, values in base units (kWh, kg CO2e, L, hours, FLOP). For fixed
/// inputs all statistics of an output are equal and `sd` and `mcse` are 0.
public struct EstimateReport: Sendable {
    /// Summaries in report order.
    public var outputs: [(OutputName, OutputSummary)]
    /// Uncertain inputs (key, distribution).
    public var inputs: [(String, Distribution)]
    /// Defaults the estimate relied on.
    public var assumptions: [Assumption]
    /// What was resolved from the catalogs, as (label, text) lines.
    public var context: [(String, String)]
    /// Run settings (seed, method, generator, until).
    public var settings: SimulationSettings
    /// Samples drawn.
    public var sampleCount: Int
    /// Batches run.
    public var batches: Int
    /// Percentiles reported.
    public var percentiles: [Double]

    /// The percentiles reported: the standard ones and `extra`, ascending.
    public static func reportedPercentiles(_ extra: [Double]) -> [Double] { OutputSummary.reported(extra: extra) }

    /// Histogram bins per output.
    public static let histogramBins = 30

    /// Builds the report of a resolved spec from the summaries of its outputs.
    /// - Parameters:
    ///   - resolved: The resolved spec.
    ///   - summaries: One summary per output of `resolved.outputs`, in that order, with
    ///     ``reportedPercentiles(_:)`` of `extra` and ``histogramBins`` bins.
    ///   - count: Samples drawn.
    ///   - batches: Batches run.
    ///   - settings: Run settings.
    ///   - extra: Percentiles requested besides the standard ones.
    public init(resolved: EstimateSpec.Resolved, summaries: [OutputSummary], count: Int, batches: Int, settings: SimulationSettings,
                percentiles extra: [Double]) {
        percentiles = Self.reportedPercentiles(extra)
        sampleCount = count
        self.batches = batches
        outputs = Array(zip(resolved.outputs, summaries))
        inputs = resolved.uncertain.map { ($0.slot.rawValue, $0.distribution) }
        assumptions = resolved.assumptions
        self.settings = settings
        var context: [(String, String)] = []
        if let a = resolved.accelerator {
            let tdp = a.tdpW.map { "\(ReadableQuantity.number($0)) W TDP" } ?? "no published TDP"
            context.append(("hardware", "\(a.name): \(tdp), \(ReadableQuantity.number(a.peakFlopsPerS / 1e12)) TFLOP/s peak"))
        }
        if let g = resolved.grid {
            context.append(("grid", "\(g.name) (\(g.id)): \(ReadableQuantity.number(g.intensityKgPerKwh)) kg CO2e/kWh, \(g.year)"))
        }
        self.context = context
    }

    /// The summary of one output, if present.
    public func summary(_ name: OutputName) -> OutputSummary? { outputs.first { $0.0 == name }?.1 }

    /// The mean of one output, if present (for fixed inputs, its value).
    public func value(_ name: OutputName) -> Double? { summary(name)?.mean }

    /// Whether any input is uncertain.
    public var isUncertain: Bool { !inputs.isEmpty }

    /// The report in `format`.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json.rendered() + "\n"
        case .csv: return csv
        case .table: return table
        }
    }

    static func key(_ p: Double) -> String {
        let text = JSONValue.numberText(p)
        return "p" + (p < 10 && p == p.rounded() ? "0" : "") + text.replacingAll(".", with: "_")
    }

    /// The JSON document.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("samples", .number(Double(sampleCount))), ("seed", .number(Double(settings.seed))),
            ("method", .string(settings.method.rawValue)), ("generator", .string(settings.generator.rawValue)),
            ("gsl_version", .string(GSLRuntime.version)), ("chunks", .number(Double(min(settings.chunks, sampleCount)) * Double(batches))),
        ]
        if let until = settings.until { members.append(("until", .string(until.description))) }
        members.append(("outputs", .object(outputs.map { name, s in
            var stats: [(String, JSONValue)] = [("mean", .number(s.mean))]
            for p in s.percentiles { stats.append((Self.key(p.percent), .number(p.value))) }
            stats += [("sd", .number(s.sd)), ("mcse", .number(s.mcse)), ("min", .number(s.min)), ("max", .number(s.max)),
                      ("unit", .string(name.baseUnit))]
            stats.append(("percentile_se", .object(s.percentiles.map { (Self.key($0.percent), .number($0.standardError)) })))
            stats.append(("percentile_ci95", .object(s.percentiles.map {
                (Self.key($0.percent), .array([.number($0.lower95), .number($0.upper95)]))
            })))
            stats.append(("histogram", .object([
                ("edges", .array(s.histogramEdges.map(JSONValue.number))),
                ("counts", .array(s.histogramCounts.map { .number(Double($0)) })),
                ("below", .number(Double(s.below))), ("above", .number(Double(s.above))),
            ])))
            return (name.rawValue, .object(stats))
        })))
        members.append(("inputs", AssumptionRendering.json(inputs: inputs)))
        members.append(("assumptions", AssumptionRendering.json(assumptions)))
        return .object(members)
    }

    private var csv: String {
        let keys = percentiles.map(Self.key)
        var lines = ["output,unit,mean," + keys.joined(separator: ",") + ",sd,mcse"]
        for (name, s) in outputs {
            let values = [s.mean] + s.percentiles.map(\.value) + [s.sd, s.mcse]
            lines.append("\(name.rawValue),\(name.baseUnit)," + values.map(JSONValue.numberText).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var table: String {
        var text = ""
        for (label, line) in context { text += "\(label): \(line)\n" }
        if isUncertain {
            text += "samples: \(ReadableQuantity.number(Double(sampleCount), significant: 12)) (\(settings.method.rawValue), seed \(settings.seed)"
                + (settings.until.map { ", until \($0)" } ?? "") + ")\n\n"
            let rows = outputs.map { name, s -> [String] in
                let (_, unit) = ReadableQuantity.scale(s.percentile(50) ?? s.mean, name.kind)
                func f(_ x: Double) -> String { ReadableQuantity.number(ReadableQuantity.scale(x, name.kind, unit: unit)) }
                let p05 = s.percentile(5) ?? .nan, p95 = s.percentile(95) ?? .nan
                return [name.label, f(s.percentile(50) ?? .nan), "\(f(p05)) – \(f(p95))", "\(f(s.mean)) ± \(f(s.mcse))",
                        unit, name.rawValue]
            }
            text += TextTable(header: ["output", "median", "90% interval", "mean ± mcse", "unit", "key"], rows: rows,
                              rightAligned: [false, true, true, true, false, false]).rendered()
        } else {
            text += "\n"
            let rows = outputs.map { name, s in [name.label, ReadableQuantity.format(s.mean, name.kind), name.rawValue] }
            text += TextTable(header: ["output", "value", "key"], rows: rows, rightAligned: [false, true, false]).rendered()
        }
        let givenUncertain = inputs.filter { input in !assumptions.contains { $0.input == input.0 } }
        if !givenUncertain.isEmpty {
            text += "\nuncertain inputs (given):\n"
            for (name, d) in givenUncertain { text += "  \(name) ~ \(d)\n" }
        }
        return text + AssumptionRendering.table(assumptions)
    }
}
