import AICarbon

/// Renders `--sweep` variants side by side.
struct SweepRendering {
    var key: String
    var variants: [(String, RunResult)]

    func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            let items = variants.map { value, result -> JSONValue in
                let body: JSONValue
                switch result {
                case .estimate(let r): body = JSONRenderer.document(r)
                case .projection(let r): body = JSONRenderer.document(r)
                }
                return .object([("value", .string(value)), ("result", body)])
            }
            return JSONValue.object([("sweep", .object([("key", .string(key)), ("variants", .array(items))]))]).rendered() + "\n"
        case .csv:
            var lines: [String] = []
            for (i, (value, result)) in variants.enumerated() {
                let body = Self.records(result.rendered(.csv))
                if i == 0 { lines.append("\(key)," + body[0]) }
                lines += body.dropFirst().map { "\(CSVRenderer.field(value)),\($0)" }
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            guard case .projection(let first)? = variants.first?.1 else { return estimateTable }
            var text = "sweep of \(safeKey) over \(variants.map { TableRenderer.terminalSafe($0.0) }.joined(separator: ", ")) — "
                + "\(TableRenderer.terminalSafe(first.name))\n\n"
            for name in [OutputName.energyKWh, .co2eKg, .rebound] where first.outputs.contains(name) {
                let reports = variants.compactMap { v -> ProjectionReport? in if case .projection(let r) = v.1 { return r } else { return nil } }
                let peak = reports.flatMap { r in r.years.map { r.summary(name, year: $0)?.percentile(50) ?? 0 } }.max() ?? 0
                let unit = ReadableQuantity.unit(for: peak, name)
                // Every year a variant projects, each variant's cell marked where it has no such year
                // (`--sweep end_year=2030,2035` stopped at the first variant's 2030).
                let rows = years.map { year in
                    [String(year)] + reports.map { r in
                        r.years.contains(year) ? TableRenderer.interval(r.summary(name, year: year), name, unit: unit) : Self.notProjected
                    }
                }
                text += "\(name.label)\(unit.isEmpty ? "" : " (\(unit))"), median [90%]\n"
                text += TextTable(header: ["year"] + columns, rows: rows,
                                  rightAligned: Array(repeating: true, count: variants.count + 1)).rendered() + "\n"
            }
            return text
        }
    }

    /// The records of a CSV text, each without its line feed: split at line feeds outside quoted fields, so
    /// that a scenario name holding a line feed (one quoted field, RFC 4180) stays in its record, which the
    /// swept value then starts once.
    /// - Parameter csv: CSV text as ``CSVRenderer`` writes it.
    /// - Returns: The non-empty records.
    static func records(_ csv: String) -> [String] {
        var records: [String] = [], current = "", quoted = false
        for character in csv {
            if character == "\"" { quoted.toggle() }
            if character == "\n", !quoted {
                if !current.isEmpty { records.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { records.append(current) }
        return records
    }

    /// The cell of a variant for a year it does not project (its `start_year` or `end_year` was swept).
    static let notProjected = "not projected"

    /// The years of the projection tables: every year any variant projects, in order.
    private var years: [Int] {
        Set(variants.flatMap { v -> [Int] in if case .projection(let r) = v.1 { return r.years } else { return [] } }).sorted()
    }

    /// The swept key with terminal control characters escaped (``TableRenderer/terminalSafe(_:)``).
    private var safeKey: String { TableRenderer.terminalSafe(key) }

    /// The column headers of the tables, `key=value`, escaped for a terminal.
    private var columns: [String] { variants.map { "\(safeKey)=\(TableRenderer.terminalSafe($0.0))" } }

    private var estimateTable: String {
        let reports = variants.compactMap { v -> EstimateReport? in if case .estimate(let r) = v.1 { return r } else { return nil } }
        guard let first = reports.first else { return "" }
        let rows = first.outputs.map { name, _ -> [String] in
            [name.label] + reports.map { r in
                guard let s = r.summary(name) else { return "-" }
                let unit = ReadableQuantity.unit(for: s.percentile(50) ?? s.mean, name)
                return TableRenderer.interval(s, name, unit: unit) + " \(unit)"
            }
        }
        return "sweep of \(safeKey), median [90%]\n\n" + TextTable(header: ["output"] + columns, rows: rows,
                                                               rightAligned: [false] + variants.map { _ in true }).rendered()
    }

}
