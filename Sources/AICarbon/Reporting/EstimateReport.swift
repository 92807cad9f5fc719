/// The result of a single estimate, ready to render as a table, JSON or CSV.
///
/// JSON contract: `{"outputs": {NAME: {"mean", "p05", "p50", "p95", "sd", "unit"}}, "assumptions": [...]}`,
/// values in base units (kWh, kg CO2e, L, hours, FLOP). For fixed inputs the four statistics are equal
/// and `sd` is 0.
public struct EstimateReport: Sendable {
    /// Output values in report order.
    public var outputs: [(OutputName, Double)]
    /// Defaults the estimate relied on.
    public var assumptions: [Assumption]
    /// What was resolved from the catalogs, as (label, text) lines.
    public var context: [(String, String)]

    /// Evaluates a resolved spec.
    /// - Parameter resolved: The output of ``EstimateSpec/resolve(catalog:)``.
    public init(_ resolved: EstimateSpec.Resolved) {
        outputs = FootprintModel.evaluate(resolved.inputs).named
        assumptions = resolved.assumptions
        var context: [(String, String)] = []
        if let a = resolved.accelerator {
            let tdp = a.tdpW.map { "\(ReadableQuantity.number($0)) W TDP" } ?? "no published TDP"
            context.append(("hardware", "\(a.name): \(tdp), \(ReadableQuantity.number(a.peakFlopsPerS / 1e12)) TFLOP/s peak"))
        }
        if let g = resolved.grid {
            context.append(("grid", "\(g.name) (\(g.id)): \(ReadableQuantity.number(g.intensityKgPerKwh)) kg CO2e/kWh, \(g.year)"))
        } else {
            context.append(("grid", "\(ReadableQuantity.number(resolved.inputs.intensityKgPerKWh)) kg CO2e/kWh as given"))
        }
        context.append(("power per chip", "\(ReadableQuantity.number(resolved.inputs.powerPerChipW)) W"))
        self.context = context
    }

    /// The value of one output, if present.
    public func value(_ name: OutputName) -> Double? { outputs.first { $0.0 == name }?.1 }

    /// The report in `format`.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json.rendered() + "\n"
        case .csv: return csv
        case .table: return table
        }
    }

    /// The JSON document.
    public var json: JSONValue {
        .object([
            ("outputs", .object(outputs.map { name, value in
                (name.rawValue, .object([
                    ("mean", .number(value)), ("p05", .number(value)), ("p50", .number(value)), ("p95", .number(value)),
                    ("sd", .number(0)), ("unit", .string(name.baseUnit)),
                ]))
            })),
            ("assumptions", .array(assumptions.map {
                .object([("input", .string($0.input)), ("value", .number($0.value)), ("unit", .string($0.unit)),
                         ("source", .string($0.source))])
            })),
        ])
    }

    private var csv: String {
        var lines = ["output,unit,mean,p05,p50,p95"]
        for (name, value) in outputs {
            let v = JSONValue.numberText(value)
            lines.append("\(name.rawValue),\(name.baseUnit),\(v),\(v),\(v),\(v)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var table: String {
        var text = ""
        for (label, line) in context { text += "\(label): \(line)\n" }
        text += "\n"
        let rows = outputs.map { name, value in [name.label, ReadableQuantity.format(value, name.kind), name.rawValue] }
        text += TextTable(header: ["output", "value", "key"], rows: rows, rightAligned: [false, true, false]).rendered()
        if !assumptions.isEmpty {
            text += "\nassumed (not given):\n"
            for a in assumptions {
                let unit = a.unit.isEmpty ? "" : " \(a.unit)"
                text += "  \(a.input) = \(ReadableQuantity.number(a.value))\(unit): \(a.source)\n"
            }
        }
        return text
    }
}
