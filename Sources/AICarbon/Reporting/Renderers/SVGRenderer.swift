/// Results as an SVG chart: the distribution of one output of an estimate, the fan chart of one output
/// of a projection (with its published reference points), the paired difference of a comparison, the
/// rebound effect by elasticity.
public struct SVGRenderer: ReportRenderer {
    /// The output to draw; `nil` for the default (`co2e_kg` for estimates, `energy_kwh` for projections
    /// and comparisons).
    public var output: OutputName?

    /// Creates the renderer.
    /// - Parameter output: The output to draw, or `nil` for the default.
    public init(output: OutputName? = nil) { self.output = output }

    public func render(_ report: EstimateReport) -> String {
        let name = output ?? .co2eKg
        let (chosen, summary) = report.outputs.first { $0.0 == name } ?? report.outputs[0]
        return DistributionChart(summary: summary, output: chosen, title: report.name ?? "aicarbon estimate").rendered()
    }

    public func render(_ report: ProjectionReport) -> String { FanChart(report, output: output ?? .energyKWh).rendered() }

    public func render(_ report: ComparisonReport) -> String { ComparisonChart(report, output: output ?? .energyKWh).rendered() }

    public func render(_ report: ReboundReport) -> String { ReboundChart(cases: report.cases).rendered() }
}
