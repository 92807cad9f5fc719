/// A projection's fan chart: per year the 5–95% and 25–75% bands and the median of one output, for one
/// scenario or several overlaid (a sweep, a comparison), with published reference points when the
/// scenarios declare them.
public struct FanChart: Sendable {
    /// One scenario's fan.
    public struct Series: Sendable {
        /// Its name in the legend.
        public var name: String
        /// The years.
        public var years: [Int]
        /// The output's summary in each year.
        public var summaries: [OutputSummary]

        /// Creates a series.
        public init(name: String, years: [Int], summaries: [OutputSummary]) {
            self.name = name
            self.years = years
            self.summaries = summaries
        }
    }

    /// The fans, drawn in order (the first at the back).
    public var series: [Series]
    /// The output drawn.
    public var output: OutputName
    /// Published figures to mark.
    public var references: [ReferencePoint]
    /// The chart's title.
    public var title: String

    /// Creates the chart.
    public init(series: [Series], output: OutputName, references: [ReferencePoint] = [], title: String) {
        self.series = series
        self.output = output
        self.references = references.filter { $0.output == output }
        self.title = title
    }

    /// The fans of `output` of a projection report, with its reference points.
    public init(_ report: ProjectionReport, output: OutputName) {
        let o = report.outputs.firstIndex(of: output) ?? 0
        self.init(series: [Series(name: report.name, years: report.years, summaries: report.summaries.map { $0[o] })],
                  output: report.outputs.isEmpty ? output : report.outputs[o], references: report.references, title: report.name)
    }

    /// The SVG document.
    public func rendered() -> String {
        let kind = output.kind
        let all = series.flatMap { $0.summaries.flatMap { [$0.percentile(5) ?? $0.min, $0.percentile(95) ?? $0.max] } } + references.map(\.value)
        let (unit, shown) = ChartFrame.displayUnit(for: all, output)
        let unitText = unit.isEmpty ? "" : " (\(unit))"
        let years = Array(Set(series.flatMap(\.years) + references.map(\.year))).sorted()
        var frame = ChartFrame(title: title, subtitle: "\(output.label)\(unitText) per year: median, 50% and 90% bands"
            + (series.count > 1 ? ", \(series.count) scenarios" : ""))
        let x = ChartScale(values: years.map(Double.init) + (years.count == 1 ? [Double(years[0]) - 1, Double(years[0]) + 1] : []),
                           start: frame.plotLeft + 12, end: frame.plotRight - 12, count: Swift.min(Swift.max(years.count, 2), 8), exact: true)
        let y = ChartScale(values: all.map(shown), start: frame.plotBottom, end: frame.plotTop, includeZero: kind != .dimensionless)
        frame.yAxis(y, label: ChartFrame.tick, title: output.label + unitText)
        frame.xAxis(x, label: { String(Int($0)) }, title: "year")
        var legend: [(label: String, colour: String, kind: ChartFrame.LegendSwatch)] = []
        for (k, s) in series.enumerated() {
            let colour = ChartFrame.palette[k % ChartFrame.palette.count]
            let xs = s.years.map { x.position(Double($0)) }
            func values(_ p: Double) -> [Double] { s.summaries.map { y.position(shown($0.percentile(p) ?? $0.mean)) } }
            let p05 = values(5), p25 = values(25), p50 = values(50), p75 = values(75), p95 = values(95)
            if s.years.count == 1 {
                // One year: the bands as boxes around it.
                frame.canvas.rect(x: xs[0] - 18, y: p95[0], width: 36, height: p05[0] - p95[0], fill: colour, opacity: 0.2, role: "band90")
                frame.canvas.rect(x: xs[0] - 18, y: p75[0], width: 36, height: p25[0] - p75[0], fill: colour, opacity: 0.4, role: "band50")
                frame.canvas.line(x1: xs[0] - 18, y1: p50[0], x2: xs[0] + 18, y2: p50[0], stroke: colour, width: 2.5, role: "median")
            } else {
                frame.canvas.polygon(Array(zip(xs, p95)) + Array(zip(xs, p05)).reversed(), fill: colour, opacity: 0.2, role: "band90")
                frame.canvas.polygon(Array(zip(xs, p75)) + Array(zip(xs, p25)).reversed(), fill: colour, opacity: 0.4, role: "band50")
                frame.canvas.polyline(Array(zip(xs, p50)), stroke: colour, width: 2.5, role: "median")
            }
            legend.append((series.count > 1 ? s.name : "median", colour, .line))
        }
        // Bands only where some fan has a spread (a scenario with fixed inputs has none).
        if series.contains(where: { s in s.summaries.contains { ($0.percentile(95) ?? 0) > ($0.percentile(5) ?? 0) } }) {
            legend.append(("50% band", ChartFrame.palette[0], .band(0.4)))
            legend.append(("90% band", ChartFrame.palette[0], .band(0.2)))
        }
        for r in references {
            let px = x.position(Double(r.year)), py = y.position(shown(r.value))
            frame.canvas.circle(x: px, y: py, r: 5.5, fill: "#ffffff", stroke: "#000000", role: "reference",
                                title: "\(r.label): \(ChartFrame.tick(shown(r.value)))\(unitText) in \(r.year)")
            // Left of the point, or right of it where the label would cross the y-axis.
            let fitsLeft = px - 8 - Double(r.label.count) * 6.2 > frame.plotLeft
            frame.canvas.text(r.label, x: fitsLeft ? px - 8 : px + 8, y: py - 9, anchor: fitsLeft ? .end : .start, size: 11, fill: "#000000",
                              role: "reference-label")
        }
        if !references.isEmpty { legend.append(("published", "#000000", .marker)) }
        frame.legend(legend)
        return frame.canvas.rendered(title: "\(title): \(output.label) per year",
                                     description: "Fan chart of \(output.rawValue) for \(series.map(\.name).joined(separator: ", ")).")
    }
}
