/// The distribution of one output: a histogram of the samples (share per bin), the median and the
/// 90% interval marked, in a readable unit.
public struct DistributionChart: Sendable {
    /// The summary to draw (its histogram, percentiles, minimum and maximum).
    public var summary: OutputSummary
    /// The output.
    public var output: OutputName
    /// The chart's title (the scenario's name).
    public var title: String

    /// Creates the chart.
    public init(summary: OutputSummary, output: OutputName, title: String) {
        self.summary = summary
        self.output = output
        self.title = title
    }

    /// The SVG document.
    public func rendered() -> String {
        let s = summary
        let median = s.percentile(50) ?? s.mean, p05 = s.percentile(5) ?? s.min, p95 = s.percentile(95) ?? s.max
        let (unit, shown) = ChartFrame.displayUnit(for: [median], output)   // the unit the results table uses
        let unitText = unit.isEmpty ? "" : " (\(unit))"
        let constant = s.min == s.max
        var frame = ChartFrame(title: title, subtitle: "\(output.label)\(unitText): median \(ChartFrame.tick(shown(median)))"
            + (constant ? ", the same in every sample" : ", 90% interval \(ChartFrame.tick(shown(p05)))–\(ChartFrame.tick(shown(p95)))")
            + ", \(ReadableQuantity.number(Double(s.count), significant: 12)) samples")
        let edges = s.histogramEdges.map(shown), counts = s.histogramCounts
        let total = Double(Swift.max(s.count, 1))
        let shares = counts.map { 100 * Double($0) / total }
        let x = ChartScale(values: constant ? [shown(median)] : edges + [shown(p05), shown(p95)], start: frame.plotLeft, end: frame.plotRight)
        let y = ChartScale(values: (shares.max() ?? 0) > 0 ? shares : [constant ? 100 : 1], start: frame.plotBottom, end: frame.plotTop,
                           includeZero: true)
        frame.yAxis(y, label: ChartFrame.tick, title: "share of samples (%)")
        frame.xAxis(x, label: ChartFrame.tick, title: output.label + unitText)
        let colour = ChartFrame.palette[0]
        if !constant {
            frame.canvas.rect(x: x.position(shown(p05)), y: frame.plotTop, width: x.position(shown(p95)) - x.position(shown(p05)),
                              height: frame.plotBottom - frame.plotTop, fill: ChartFrame.palette[4], opacity: 0.15)
        }
        for (i, share) in shares.enumerated() where i + 1 < edges.count {
            frame.canvas.rect(x: x.position(edges[i]), y: y.position(share), width: x.position(edges[i + 1]) - x.position(edges[i]),
                              height: y.position(0) - y.position(share), fill: colour, opacity: 0.85, stroke: "#ffffff",
                              title: "\(ChartFrame.tick(edges[i]))–\(ChartFrame.tick(edges[i + 1]))\(unitText): \(ChartFrame.tick(share))%",
                              role: "bar")
        }
        if constant {
            frame.canvas.rect(x: x.position(shown(median)) - 4, y: y.position(100), width: 8, height: y.position(0) - y.position(100),
                              fill: colour, opacity: 0.85)
        }
        frame.canvas.line(x1: x.position(shown(median)), y1: frame.plotTop, x2: x.position(shown(median)), y2: frame.plotBottom,
                          stroke: ChartFrame.palette[3], width: 2.5, role: "median")
        if !constant {
            for p in [p05, p95] {
                frame.canvas.line(x1: x.position(shown(p)), y1: frame.plotTop, x2: x.position(shown(p)), y2: frame.plotBottom,
                                  stroke: ChartFrame.palette[3], width: 1.5, dash: "5 3", role: "interval")
            }
        }
        frame.legend([("samples per bin", colour, .band(0.85)), ("median", ChartFrame.palette[3], .line)]
                     + (constant ? [] : [("90% interval", ChartFrame.palette[3], .dashed)]))
        return frame.canvas.rendered(title: "\(title): distribution of \(output.label)",
                                     description: "Histogram of \(s.count) samples of \(output.rawValue), median and 90% interval marked.")
    }
}
