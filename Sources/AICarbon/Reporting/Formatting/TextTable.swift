/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
    /// Column headers.
    public var header: [String]
    /// Rows of cells (each as many as `header`).
    public var rows: [[String]]
    /// Per column, whether it is right-aligned (numbers).
    public var rightAligned: [Bool]

    /// Creates a table.
    public init(header: [String], rows: [[String]] = [], rightAligned: [Bool]? = nil) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned ?? header.map { _ in false }
    }

    /// The table as text, one line per row, two spaces between columns.
    public func rendered() -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            header.indices.map { c -> String in
                let cell = cells.indices.contains(c) ? cells[c] : ""
                let padding = String(repeating: " ", count: widths[c] - cell.count)
                return rightAligned[c] ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
