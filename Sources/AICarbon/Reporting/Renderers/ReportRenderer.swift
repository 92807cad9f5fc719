/// Presents results in one format. Each format is one type conforming to this protocol
/// (``TableRenderer``, ``JSONRenderer``, ``CSVRenderer``); results are plain values that know nothing
/// of formats, and a new format (SVG, HTML) is a new renderer.
public protocol ReportRenderer: Sendable {
    /// A single-model estimate.
    func render(_ report: EstimateReport) -> String
    /// A multi-year projection.
    func render(_ report: ProjectionReport) -> String
    /// A paired comparison of two estimates or two projections.
    func render(_ report: ComparisonReport) -> String
    /// Rebound cases.
    func render(_ report: ReboundReport) -> String
}

/// A result a ``ReportRenderer`` can present.
public protocol RenderableReport: Sendable {
    /// The result as `renderer` presents it.
    /// - Parameter renderer: The renderer.
    /// - Returns: The text.
    func rendered(by renderer: any ReportRenderer) -> String
}

extension RenderableReport {
    /// The result in `format`, by that format's renderer.
    /// - Parameter format: Table, JSON or CSV.
    /// - Returns: The text, ending in a newline.
    public func rendered(_ format: OutputFormat) -> String { rendered(by: format.renderer) }
}

extension OutputFormat {
    /// The renderer of this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .table: return TableRenderer()
        case .json: return JSONRenderer()
        case .csv: return CSVRenderer()
        }
    }
}

extension EstimateReport: RenderableReport {
    public func rendered(by renderer: any ReportRenderer) -> String { renderer.render(self) }
}

extension ProjectionReport: RenderableReport {
    public func rendered(by renderer: any ReportRenderer) -> String { renderer.render(self) }
}

extension ComparisonReport: RenderableReport {
    public func rendered(by renderer: any ReportRenderer) -> String { renderer.render(self) }
}

extension ReboundReport: RenderableReport {
    public func rendered(by renderer: any ReportRenderer) -> String { renderer.render(self) }
}
