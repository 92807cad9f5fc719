/// Renders rebound cases: JSON `{"efficiency_gain", "elasticity", "expected_saving", "actual_saving",
/// "rebound", "class"}` (an array for several), or a table with the classes explained.
public struct ReboundReport: Sendable {
    /// The cases.
    public var cases: [Rebound]
    /// Whether one case was asked for (JSON is then a single object).
    public var single: Bool

    /// Creates a report.
    public init(cases: [Rebound], single: Bool) {
        self.cases = cases
        self.single = single
    }

    /// The report as JSON or a table.
    public func rendered(_ format: OutputFormat) -> String {
        if format == .json {
            let objects = cases.map { c -> JSONValue in
                .object([("efficiency_gain", .number(c.efficiencyGain)), ("elasticity", .number(c.elasticity)),
                         ("expected_saving", .number(c.expectedSaving)), ("actual_saving", .number(c.actualSaving)),
                         ("rebound", .number(c.rebound)), ("class", .string(c.reboundClass.rawValue))])
            }
            return (single ? objects[0] : .array(objects)).rendered() + "\n"
        }
        func pct(_ x: Double) -> String { ReadableQuantity.number(x * 100, significant: 4) + "%" }
        let rows = cases.map { c in
            [ReadableQuantity.number(c.efficiencyGain), ReadableQuantity.number(c.elasticity), pct(c.expectedSaving),
             pct(c.actualSaving), ReadableQuantity.number(c.rebound), c.reboundClass.rawValue]
        }
        var text = TextTable(header: ["efficiency gain k", "elasticity η", "expected saving", "actual saving", "rebound R", "class"],
                             rows: rows, rightAligned: [true, true, true, true, true, false]).rendered()
        text += "\nR = 1 - actual saving / expected saving; demand scales by k^(-η), energy by k^-(1+η) (Sorrell & Dimitropoulos 2008).\n"
        for c in Rebound.Class.allCases { text += "  \(c.rawValue): \(c.explanation)\n" }
        return text
    }
}
