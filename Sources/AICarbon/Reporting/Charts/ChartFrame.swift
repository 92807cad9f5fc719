/// The frame every chart shares: 800 px wide, a title naming the scenario, a subtitle, axes with
/// ticks and unit labels, and a legend; colours from the Okabe–Ito palette, which readers with any
/// common colour-vision deficiency can tell apart (Okabe & Ito 2008, "Color Universal Design").
struct ChartFrame {
    static let width = 800.0
    /// Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]

    var canvas: SVGCanvas
    let left = 96.0, right = 32.0, top = 70.0, bottom: Double

    /// The plot area: x from `left` to `width − right`, y from `top` to `height − bottom`.
    var plotLeft: Double { left }
    var plotRight: Double { ChartFrame.width - right }
    var plotTop: Double { top }
    var plotBottom: Double { canvas.height - bottom }

    init(height: Double = 480, bottom: Double = 86, title: String, subtitle: String) {
        canvas = SVGCanvas(width: ChartFrame.width, height: height)
        self.bottom = bottom
        canvas.text(title, x: left, y: 28, size: title.count > 62 ? 15 : 18, weight: "bold", role: "title")
        canvas.text(subtitle, x: left, y: 50, size: 13, fill: "#555555", role: "subtitle")
    }

    /// A horizontal value axis at the bottom with tick labels in `unit`, and its title.
    mutating func xAxis(_ scale: ChartScale, label: (Double) -> String, title: String) {
        canvas.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#333333", role: "x-axis")
        for t in scale.ticks {
            let x = scale.position(t)
            canvas.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 5, stroke: "#333333")
            canvas.text(label(t), x: x, y: plotBottom + 20, anchor: .middle, size: 12, role: "x-tick")
        }
        canvas.text(title, x: (plotLeft + plotRight) / 2, y: plotBottom + 44, anchor: .middle, size: 13, role: "x-label")
    }

    /// A vertical value axis on the left with grid lines, tick labels and its title.
    mutating func yAxis(_ scale: ChartScale, label: (Double) -> String, title: String) {
        canvas.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: "#333333", role: "y-axis")
        for t in scale.ticks {
            let y = scale.position(t)
            canvas.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: "#e3e3e3")
            canvas.line(x1: plotLeft - 5, y1: y, x2: plotLeft, y2: y, stroke: "#333333")
            canvas.text(label(t), x: plotLeft - 9, y: y + 4, anchor: .end, size: 12, role: "y-tick")
        }
        let middle = (plotTop + plotBottom) / 2
        canvas.text(title, x: 24, y: middle, anchor: .middle, size: 13, rotate: -90, role: "y-label")
    }

    /// A legend under the x-axis title: a swatch and a label per entry, wrapped onto further rows below
    /// (the chart grows) when the entries do not fit the width.
    mutating func legend(_ entries: [(label: String, colour: String, kind: LegendSwatch)]) {
        func width(_ label: String) -> Double { 44 + Double(label.count) * 7 }
        var rows: [[(label: String, colour: String, kind: LegendSwatch)]] = [[]]
        var used = 0.0
        for entry in entries {
            if used + width(entry.label) > plotRight - plotLeft, !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(entry)
            used += width(entry.label)
        }
        let first = canvas.height - 16
        canvas.height += Double(rows.count - 1) * 17
        for (r, row) in rows.enumerated() {
            var x = plotLeft
            let y = first + Double(r) * 17
            for entry in row {
                switch entry.kind {
                case .band(let opacity): canvas.rect(x: x, y: y - 10, width: 18, height: 12, fill: entry.colour, opacity: opacity)
                case .line: canvas.line(x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: entry.colour, width: 2.5)
                case .dashed: canvas.line(x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: entry.colour, width: 2, dash: "5 3")
                case .marker: canvas.circle(x: x + 9, y: y - 4, r: 5, fill: "#ffffff", stroke: entry.colour)
                }
                canvas.text(entry.label, x: x + 24, y: y, size: 12, role: "legend")
                x += width(entry.label)
            }
        }
    }

    enum LegendSwatch { case band(Double), line, dashed, marker }

    /// Tick text: readable digits (three significant), thousands separated.
    static func tick(_ x: Double) -> String { ReadableQuantity.number(x, significant: 3) }

    /// The unit an output's values (in its JSON unit) are shown in, and the map to that unit.
    static func displayUnit(for values: [Double], _ output: OutputName) -> (unit: String, scale: (Double) -> Double) {
        let peak = values.filter(\.isFinite).map(abs).max() ?? 0
        let unit = ReadableQuantity.unit(for: peak, output)
        return (unit, { ReadableQuantity.scale($0, output, unit: unit) })
    }
}
