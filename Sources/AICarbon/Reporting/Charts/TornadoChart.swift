/// A tornado chart: for each input, the output with that input alone at its 5th and at its 95th
/// percentile (every other input at its median), as a bar from the low to the high value around the
/// output at all medians; the widest swing at the top.
public struct TornadoChart: Sendable {
    /// One input's bar.
    public struct Bar: Sendable {
        /// The input's name.
        public var name: String
        /// The output with the input at its 5th percentile.
        public var low: Double
        /// The output with the input at its 95th percentile.
        public var high: Double

        /// Creates a bar.
        public init(name: String, low: Double, high: Double) {
            self.name = name
            self.low = low
            self.high = high
        }
    }

    /// The bars (drawn sorted by swing, widest first).
    public var bars: [Bar]
    /// The output with every input at its median.
    public var base: Double
    /// The output.
    public var output: OutputName
    /// The chart's title.
    public var title: String

    /// Creates the chart.
    public init(bars: [Bar], base: Double, output: OutputName, title: String) {
        self.bars = bars.sorted { abs($0.high - $0.low) > abs($1.high - $1.low) }
        self.base = base
        self.output = output
        self.title = title
    }

    /// The SVG document.
    public func rendered() -> String {
        let values = bars.flatMap { [$0.low, $0.high] } + [base]
        let (unit, shown) = ChartFrame.displayUnit(for: values, output)
        let unitText = unit.isEmpty ? "" : " (\(unit))"
        let rowHeight = 28.0
        var frame = ChartFrame(height: 180 + rowHeight * Double(Swift.max(bars.count, 1)), title: title,
                               subtitle: "\(output.label)\(unitText): each input alone at its 5th and 95th percentile, the rest at their medians")
        let labelWidth = 190.0
        let x = ChartScale(values: values.map(shown), start: frame.plotLeft + labelWidth, end: frame.plotRight)
        frame.xAxis(x, label: ChartFrame.tick, title: output.label + unitText)
        let lowColour = ChartFrame.palette[0], highColour = ChartFrame.palette[1]
        for (i, bar) in bars.enumerated() {
            let y = frame.plotTop + 8 + Double(i) * rowHeight
            frame.canvas.text(bar.name, x: frame.plotLeft + labelWidth - 10, y: y + 15, anchor: .end, size: 12, role: "input")
            let b = x.position(shown(base)), lo = x.position(shown(bar.low)), hi = x.position(shown(bar.high))
            frame.canvas.rect(x: Swift.min(b, lo), y: y, width: abs(lo - b), height: rowHeight - 8, fill: lowColour,
                              title: "\(bar.name) at p05: \(ChartFrame.tick(shown(bar.low)))\(unitText)", role: "low")
            frame.canvas.rect(x: Swift.min(b, hi), y: y, width: abs(hi - b), height: rowHeight - 8, fill: highColour,
                              title: "\(bar.name) at p95: \(ChartFrame.tick(shown(bar.high)))\(unitText)", role: "high")
        }
        let b = x.position(shown(base))
        frame.canvas.line(x1: b, y1: frame.plotTop, x2: b, y2: frame.plotBottom, stroke: "#333333", width: 1.5, role: "base")
        frame.legend([("input at its 5th percentile", lowColour, .band(1)), ("input at its 95th percentile", highColour, .band(1)),
                      ("all inputs at their medians", "#333333", .line)])
        return frame.canvas.rendered(title: "\(title): tornado of \(output.label)",
                                     description: "Swing of \(output.rawValue) for each of \(bars.count) inputs.")
    }
}
