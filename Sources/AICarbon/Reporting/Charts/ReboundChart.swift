/// Rebound cases as a classroom picture: the rebound effect R for each elasticity, with the lines
/// R = 0 (no rebound) and R = 1 (full rebound: the saving is gone; above it, backfire, the Jevons
/// paradox).
public struct ReboundChart: Sendable {
    /// The cases.
    public var cases: [Rebound]

    /// Creates the chart.
    public init(cases: [Rebound]) { self.cases = cases }

    /// The SVG document.
    public func rendered() -> String {
        let k = cases.first?.efficiencyGain ?? 1
        var frame = ChartFrame(title: "Rebound effect at an efficiency gain of \(ChartFrame.tick(k))×",
                               subtitle: "R = 1 − actual saving / expected saving (Sorrell & Dimitropoulos 2008); R > 1 is backfire")
        let rs = cases.map(\.rebound)
        let x = ChartScale(values: cases.map(\.elasticity) + (cases.count == 1 ? [cases[0].elasticity - 0.5, cases[0].elasticity + 0.5] : []),
                           start: frame.plotLeft + 30, end: frame.plotRight - 30)
        let y = ChartScale(values: rs + [0, 1], start: frame.plotBottom, end: frame.plotTop, includeZero: true)
        frame.yAxis(y, label: ChartFrame.tick, title: "rebound effect R")
        frame.xAxis(x, label: ChartFrame.tick, title: "price elasticity of demand η")
        for (value, label) in [(0.0, "no rebound"), (1.0, "full rebound")] {
            frame.canvas.line(x1: frame.plotLeft, y1: y.position(value), x2: frame.plotRight, y2: y.position(value), stroke: "#333333",
                              width: 1.2, dash: "5 3", role: "threshold")
            frame.canvas.text(label, x: frame.plotRight - 4, y: y.position(value) - 5, anchor: .end, size: 11, fill: "#333333")
        }
        let colours: [Rebound.Class: String] = [.superConservation: ChartFrame.palette[4], .none: ChartFrame.palette[7],
                                                .partial: ChartFrame.palette[0], .full: ChartFrame.palette[2], .backfire: ChartFrame.palette[3]]
        for c in cases {
            let colour = colours[c.reboundClass] ?? ChartFrame.palette[0]
            frame.canvas.circle(x: x.position(c.elasticity), y: y.position(c.rebound), r: 6, fill: colour, stroke: colour, role: "case",
                                title: "η = \(ChartFrame.tick(c.elasticity)): R = \(ChartFrame.tick(c.rebound)), \(c.reboundClass.rawValue)")
        }
        let shown = Rebound.Class.allCases.filter { k in cases.contains { $0.reboundClass == k } }
        frame.legend(shown.map { ($0.rawValue, colours[$0] ?? "#000000", .marker) })
        return frame.canvas.rendered(title: "Rebound effect by elasticity", description: "R for \(cases.count) elasticities.")
    }
}
