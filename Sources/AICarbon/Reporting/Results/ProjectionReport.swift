/// A projection's results: per year, a summary of every output, with the inputs, assumptions and the
/// run's settings. Renderers present it (``JSONRenderer`` documents the JSON contract).
public struct ProjectionReport: Sendable {
    /// Scenario name.
    public var name: String
    /// The years, in order.
    public var years: [Int]
    /// The outputs, in order.
    public var outputs: [OutputName]
    /// `summaries[t][o]`.
    public var summaries: [[OutputSummary]]
    /// Sampled inputs (column name, distribution).
    public var inputs: [(String, Distribution)]
    /// Defaults the projection relied on.
    public var assumptions: [Assumption]
    /// Run settings.
    public var settings: SimulationSettings
    /// Trajectories simulated.
    public var sampleCount: Int
    /// Whether the precision target (``SimulationSettings/until``) was met: false when the run stopped at
    /// ``SimulationSettings/maxSamples`` first (renderers then warn); nil without a target.
    public var targetMet: Bool?

    /// The warning of a run that stopped at ``SimulationSettings/maxSamples`` before meeting its precision
    /// target (``PrecisionTarget/notMetWarning(samples:settings:outputs:)``); nil when it was met or there was none.
    public var notMetWarning: String? {
        guard targetMet == false, let until = settings.until else { return nil }
        return until.notMetWarning(samples: sampleCount, settings: settings, outputs: outputs.map(\.rawValue))
    }
    /// Outputs whose means the samples cannot estimate (an input's tail makes them infinite), one line per
    /// input and tail (``MeanDivergence``); set by the run.
    public var meanWarnings: [String] = []
    /// A lifetime in use shorter than a projection year, at the medians (``ProjectionSpec/Resolved/lifetimeWarning``);
    /// set by the run.
    public var lifetimeWarning: String?
    /// Every warning of the run: ``notMetWarning``, ``meanWarnings`` and ``lifetimeWarning``. Tables print them
    /// under their first line, JSON lists them under `warnings`.
    public var warnings: [String] { (notMetWarning.map { [$0] } ?? []) + meanWarnings + (lifetimeWarning.map { [$0] } ?? []) }
    /// Percentiles reported.
    public var percentiles: [Double]
    /// Published figures the scenario declares, to show beside the results.
    public var references: [ReferencePoint] = []

    /// Builds the report of a projection from its summaries.
    /// - Parameters:
    ///   - name: Scenario name.
    ///   - resolved: The resolved projection.
    ///   - summaries: `[year][output]`, with the standard percentiles and `extra`.
    ///   - count: Trajectories simulated.
    ///   - settings: Run settings.
    ///   - extra: Percentiles requested besides the standard ones.
    public init(name: String, resolved: ProjectionSpec.Resolved, summaries: [[OutputSummary]], count: Int, settings: SimulationSettings,
                percentiles extra: [Double]) {
        self.name = name
        years = resolved.years
        outputs = resolved.outputs
        percentiles = OutputSummary.reported(extra: extra)
        self.summaries = summaries
        inputs = resolved.columns.map { ($0.name, $0.distribution) }
        assumptions = resolved.assumptions
        self.settings = settings
        sampleCount = count
    }

    /// The summary of `output` in `year`.
    public func summary(_ output: OutputName, year: Int) -> OutputSummary? {
        guard let t = years.firstIndex(of: year), let o = outputs.firstIndex(of: output) else { return nil }
        return summaries[t][o]
    }
}
