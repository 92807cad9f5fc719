/// The paired difference A − B of a comparison: per year (median and 90% band of the difference of one
/// output) for projections; per output (median and 90% interval of A − B as a share of B's median)
/// for estimates, whose outputs have different units.
public struct ComparisonChart: Sendable {
    /// The comparison.
    public var report: ComparisonReport
    /// The output drawn per year (projections).
    public var output: OutputName

    /// Creates the chart.
    public init(_ report: ComparisonReport, output: OutputName = .energyKWh) {
        self.report = report
        self.output = report.outputs.contains(output) ? output : (report.outputs.first ?? output)
    }

    /// The SVG document.
    public func rendered() -> String {
        report.years.isEmpty ? perOutput() : perYear()
    }

    private var title: String { "A = \(report.a), B = \(report.b)" }

    private func perYear() -> String {
        let o = report.outputs.firstIndex(of: output) ?? 0
        let d = report.difference.map { $0[o] }
        let all = d.flatMap { [$0.percentile(5) ?? $0.min, $0.percentile(95) ?? $0.max] }
        let (unit, shown) = ChartFrame.displayUnit(for: all, output)
        let unitText = unit.isEmpty ? "" : " (\(unit))"
        var frame = ChartFrame(title: title, subtitle: "A − B of \(output.label)\(unitText) per year, paired on "
            + (report.commonRandomNumbers ? "common random numbers" : "independent samples"))
        let years = report.years.map(Double.init)
        let x = ChartScale(values: years + (years.count == 1 ? [years[0] - 1, years[0] + 1] : []), start: frame.plotLeft + 12,
                           end: frame.plotRight - 12, count: Swift.min(Swift.max(years.count, 2), 8), exact: true)
        let y = ChartScale(values: all.map(shown), start: frame.plotBottom, end: frame.plotTop, includeZero: true)
        frame.yAxis(y, label: ChartFrame.tick, title: "A − B, " + output.label + unitText)
        frame.xAxis(x, label: { String(Int($0)) }, title: "year")
        frame.canvas.line(x1: frame.plotLeft, y1: y.position(0), x2: frame.plotRight, y2: y.position(0), stroke: "#333333", width: 1.2,
                          role: "zero")
        let colour = ChartFrame.palette[2]
        let xs = years.map(x.position)
        let p05 = d.map { y.position(shown($0.percentile(5) ?? $0.min)) }, p95 = d.map { y.position(shown($0.percentile(95) ?? $0.max)) }
        let p50 = d.map { y.position(shown($0.percentile(50) ?? $0.mean)) }
        if xs.count == 1 {
            frame.canvas.rect(x: xs[0] - 18, y: p95[0], width: 36, height: p05[0] - p95[0], fill: colour, opacity: 0.25, role: "band90")
            frame.canvas.line(x1: xs[0] - 18, y1: p50[0], x2: xs[0] + 18, y2: p50[0], stroke: colour, width: 2.5, role: "median")
        } else {
            frame.canvas.polygon(Array(zip(xs, p95)) + Array(zip(xs, p05)).reversed(), fill: colour, opacity: 0.25, role: "band90")
            frame.canvas.polyline(Array(zip(xs, p50)), stroke: colour, width: 2.5, role: "median")
        }
        frame.legend([("median of A − B", colour, .line), ("90% interval", colour, .band(0.25))])
        return frame.canvas.rendered(title: "\(title): A − B of \(output.label)", description: "Paired difference per year.")
    }

    private func perOutput() -> String {
        // Outputs whose B median is not zero, as a share of it (%).
        let rows = report.outputs.indices.compactMap { o -> (String, Double, Double, Double)? in
            let base = report.medians[0][o].1
            guard base != 0, base.isFinite else { return nil }
            let s = report.difference[0][o]
            return (report.outputs[o].label, 100 * (s.percentile(5) ?? s.min) / abs(base), 100 * (s.percentile(50) ?? s.mean) / abs(base),
                    100 * (s.percentile(95) ?? s.max) / abs(base))
        }
        let rowHeight = 28.0
        var frame = ChartFrame(height: 180 + rowHeight * Double(Swift.max(rows.count, 1)), title: title,
                               subtitle: "A − B per output, as a share of B's median (%): median and 90% interval, paired samples")
        let labelWidth = 210.0
        let x = ChartScale(values: rows.flatMap { [$0.1, $0.3] }, start: frame.plotLeft + labelWidth, end: frame.plotRight, includeZero: true)
        frame.xAxis(x, label: ChartFrame.tick, title: "A − B (% of B's median)")
        let zero = x.position(0), colour = ChartFrame.palette[2]
        frame.canvas.line(x1: zero, y1: frame.plotTop, x2: zero, y2: frame.plotBottom, stroke: "#333333", width: 1.2, role: "zero")
        for (i, row) in rows.enumerated() {
            let y = frame.plotTop + 20 + Double(i) * rowHeight
            frame.canvas.text(row.0, x: frame.plotLeft + labelWidth - 10, y: y + 4, anchor: .end, size: 12, role: "output")
            frame.canvas.line(x1: x.position(row.1), y1: y, x2: x.position(row.3), y2: y, stroke: colour, width: 3, role: "interval")
            frame.canvas.circle(x: x.position(row.2), y: y, r: 5, fill: colour, stroke: colour, role: "median",
                                title: "\(row.0): \(ChartFrame.tick(row.2))% [\(ChartFrame.tick(row.1))–\(ChartFrame.tick(row.3))]")
        }
        frame.legend([("median", colour, .marker), ("90% interval", colour, .line)])
        return frame.canvas.rendered(title: "\(title): A − B per output", description: "Paired difference per output, relative to B.")
    }
}
