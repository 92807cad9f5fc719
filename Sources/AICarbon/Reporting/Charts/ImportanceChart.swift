/// Which input drives an output: one horizontal bar per input, most important at the top — the share
/// of rank variance (`rank`), or the first-order and total Sobol' indices with their bootstrap 95%
/// intervals (`sobol`). A `tornado` analysis is drawn as a ``TornadoChart``.
public struct ImportanceChart: Sendable {
    /// The analysis.
    public var report: SensitivityReport
    /// The year shown (a projection's last year by default).
    public var year: Int?
    /// The chart's title (the scenario's name).
    public var title: String

    /// Creates the chart.
    public init(_ report: SensitivityReport, year: Int? = nil, title: String) {
        self.report = report
        self.year = year
        self.title = title
    }

    /// The SVG document: a tornado chart for `tornado`, bars of importance otherwise.
    public func rendered() -> String {
        guard let period = report.period(year) else { return "" }
        let output = OutputName(rawValue: report.output) ?? .co2eKg
        let when = period.year.map { " in \($0)" } ?? ""
        if report.method == .tornado {
            return TornadoChart(bars: period.inputs.map { .init(name: $0.name, low: $0.low ?? .nan, high: $0.high ?? .nan) },
                                base: period.baseline ?? .nan, output: output, title: title + when).rendered()
        }
        let sobol = report.method == .sobol
        let rowHeight = 30.0
        var frame = ChartFrame(height: 180 + rowHeight * Double(Swift.max(period.inputs.count, 1)), title: title + when,
                               subtitle: sobol ? "Sobol' indices of \(output.label): first-order S1 and total ST, with 95% bootstrap intervals"
                                               : "share of the rank variance of \(output.label) each input explains (Spearman ρ², normalised)")
        let labelWidth = 190.0
        let values: [Double] = period.inputs.flatMap { e -> [Double] in
            sobol ? [e.s1Low ?? 0, e.stHigh ?? 0, e.st ?? 0] : [(e.share ?? 0) * 100]
        }
        let x = ChartScale(values: sobol ? values + [1] : values + [100], start: frame.plotLeft + labelWidth, end: frame.plotRight,
                           includeZero: true)
        frame.xAxis(x, label: ChartFrame.tick, title: sobol ? "Sobol' index" : "share of rank variance (%)")
        let first = ChartFrame.palette[0], total = ChartFrame.palette[1]
        for (i, entry) in period.inputs.enumerated() {
            let y = frame.plotTop + 8 + Double(i) * rowHeight
            frame.canvas.text(entry.name, x: frame.plotLeft + labelWidth - 10, y: y + 15, anchor: .end, size: 12, role: "input")
            let zero = x.position(0)
            if sobol {
                let st = entry.st ?? 0, s1 = entry.s1 ?? 0
                frame.canvas.rect(x: zero, y: y, width: x.position(Swift.max(st, 0)) - zero, height: 10, fill: total, title: "\(entry.name): ST \(ChartFrame.tick(st))",
                                  role: "st")
                frame.canvas.rect(x: zero, y: y + 11, width: x.position(Swift.max(s1, 0)) - zero, height: 10, fill: first, title: "\(entry.name): S1 \(ChartFrame.tick(s1))",
                                  role: "s1")
                for (low, high, dy) in [(entry.stLow, entry.stHigh, 5.0), (entry.s1Low, entry.s1High, 16.0)] {
                    if let low, let high {
                        frame.canvas.line(x1: x.position(low), y1: y + dy, x2: x.position(high), y2: y + dy, stroke: "#222222", width: 1.2,
                                          role: "interval")
                    }
                }
            } else {
                let share = (entry.share ?? 0) * 100
                frame.canvas.rect(x: zero, y: y, width: x.position(share) - zero, height: rowHeight - 10, fill: first, title: "\(entry.name): \(ChartFrame.tick(share))%, Spearman \(ChartFrame.tick(entry.spearman ?? 0))",
                                  role: "share")
            }
        }
        frame.legend(sobol ? [("total ST", total, .band(1)), ("first-order S1", first, .band(1)), ("95% interval", "#222222", .line)]
                           : [("share of rank variance", first, .band(1))])
        return frame.canvas.rendered(title: "\(title): sensitivity of \(output.label)",
                                     description: "\(report.method.rawValue) sensitivity of \(report.output) to \(period.inputs.count) inputs.")
    }
}
