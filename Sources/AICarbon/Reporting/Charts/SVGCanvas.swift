import Foundation

/// Builds an SVG document element by element: shapes, lines and text in user units, numbers written
/// with two decimals (a non-finite coordinate is never written: the element is left out), text escaped
/// for XML.
struct SVGCanvas {
    let width: Double
    /// Grows when a legend needs more rows.
    var height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate as written: two decimals, no exponent.
    static func number(_ x: Double) -> String {
        let text = String(format: "%.2f", x)
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
    }

    /// Text escaped for XML character data and attribute values; control characters are dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private mutating func add(_ element: String, _ values: [Double]) {
        guard values.allSatisfy(\.isFinite) else { return }
        body.append(element)
    }

    mutating func rect(x: Double, y: Double, width w: Double, height h: Double, fill: String, opacity: Double = 1,
                       stroke: String? = nil, title: String? = nil, role: String? = nil) {
        let n = Self.number
        let tooltip = title.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        let strokeText = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
        add("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(Swift.max(w, 0)))\" height=\"\(n(Swift.max(h, 0)))\" fill=\"\(fill)\""
            + (opacity < 1 ? " fill-opacity=\"\(n(opacity))\"" : "") + strokeText + (role.map { " class=\"\($0)\"" } ?? "")
            + (tooltip.isEmpty ? "/>" : ">\(tooltip)</rect>"),
            [x, y, w, h])
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width w: Double = 1, dash: String? = nil,
                       role: String? = nil) {
        let n = Self.number
        add("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(w))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + (role.map { " class=\"\($0)\"" } ?? "") + "/>", [x1, y1, x2, y2])
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width w: Double = 2, role: String? = nil) {
        let n = Self.number
        add("<polyline points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(stroke)\""
            + " stroke-width=\"\(n(w))\"" + (role.map { " class=\"\($0)\"" } ?? "") + "/>", points.flatMap { [$0.0, $0.1] })
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double, role: String? = nil) {
        let n = Self.number
        add("<polygon points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" fill=\"\(fill)\""
            + " fill-opacity=\"\(n(opacity))\" stroke=\"none\"" + (role.map { " class=\"\($0)\"" } ?? "") + "/>",
            points.flatMap { [$0.0, $0.1] })
    }

    mutating func circle(x: Double, y: Double, r: Double, fill: String, stroke: String = "#000000", role: String? = nil, title: String? = nil) {
        let n = Self.number
        let tooltip = title.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        add("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\""
            + (role.map { " class=\"\($0)\"" } ?? "") + (tooltip.isEmpty ? "/>" : ">\(tooltip)</circle>"), [x, y, r])
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 13, weight: String? = nil,
                       fill: String = "#222222", rotate: Double? = nil, role: String? = nil) {
        let n = Self.number
        let transform = rotate.map { " transform=\"rotate(\(n($0)) \(n(x)) \(n(y)))\"" } ?? ""
        add("<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(n(size))\" fill=\"\(fill)\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + transform + (role.map { " class=\"\($0)\"" } ?? "")
            + ">\(Self.escaped(content))</text>", [x, y])
    }

    /// The document: an `svg` element with a title and description for screen readers.
    func rendered(title: String, description: String) -> String {
        let n = Self.number
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\""
            + " font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
            + "<title>\(Self.escaped(title))</title>\n<desc>\(Self.escaped(description))</desc>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
            + body.joined(separator: "\n") + "\n</svg>\n"
    }
}
