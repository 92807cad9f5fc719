/// Renders the validation cases: case, published, computed, relative error, tolerance and its basis.
public struct ValidationReport: Sendable {
    /// The cases.
    public var cases: [ReferenceCase]

    /// Creates a report.
    /// - Parameter cases: Cases to report (default: all built-in cases).
    public init(cases: [ReferenceCase] = ReferenceCases.all) { self.cases = cases }

    /// Whether every case is within its tolerance.
    public var allPass: Bool { cases.allSatisfy(\.passes) }

    /// The report in `format`.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let rows = cases.map { c in
                [c.id, c.unit, c.published, ReadableQuantity.number(c.computed, significant: 5),
                 percent(c.relativeError), percent(c.tolerance), c.passes ? "ok" : "FAIL", c.basisText]
            }
            let failed = cases.filter { !$0.passes }.count
            return TextTable(header: ["case", "unit", "published", "computed", "rel. error", "tolerance", "", "tolerance basis"],
                             rows: rows, rightAligned: [false, false, true, true, true, true, false, false]).rendered()
                + "\n\(cases.count - failed) passed, \(failed) failed\n"
        case .json:
            return JSONValue.object([
                ("passed", .bool(allPass)),
                ("cases", .array(cases.map { c in
                    .object([("id", .string(c.id)), ("paper", .string(c.paper)), ("model", .string(c.model)),
                             ("unit", .string(c.unit)), ("published", .number(c.publishedValue)),
                             ("computed", .number(c.computed)), ("relative_error", .number(c.relativeError)),
                             ("tolerance", .number(c.tolerance)), ("tolerance_basis", .string(c.basisText)),
                             ("passes", .bool(c.passes))])
                })),
            ]).rendered() + "\n"
        case .csv:
            var lines = ["id,unit,published,computed,relative_error,tolerance,passes"]
            for c in cases {
                lines.append("\(c.id),\(c.unit),\(c.publishedValue),\(c.computed),\(c.relativeError),\(c.tolerance),\(c.passes)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func percent(_ x: Double) -> String { ReadableQuantity.percent(x) }
}
