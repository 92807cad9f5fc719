/// The result of a single estimate: a summary per output, the inputs, the assumptions and the run's
/// reproducibility record (settings, samples, batches). Renderers (``TableRenderer``, ``JSONRenderer``,
/// ``CSVRenderer``) present it. For fixed inputs all statistics of an output are equal and `sd` and
/// `mcse` are 0.
public struct EstimateReport: Sendable {
    /// Summaries in report order.
    public var outputs: [(OutputName, OutputSummary)]
    /// Uncertain inputs (key, distribution).
    public var inputs: [(String, Distribution)]
    /// The base unit of each uncertain input (`grid`: kg/kWh; empty for counts and plain numbers).
    public var inputUnits: [String: String] = [:]
    /// Defaults the estimate relied on.
    public var assumptions: [Assumption]
    /// What was resolved from the catalogs, as (label, text) lines.
    public var context: [(String, String)]
    /// The scenario's name, when it came from a file.
    public var name: String?
    /// Run settings (seed, method, generator, until).
    public var settings: SimulationSettings
    /// Samples drawn.
    public var sampleCount: Int
    /// Batches run.
    public var batches: Int
    /// Whether the precision target (``SimulationSettings/until``) was met: false when the run stopped at
    /// ``SimulationSettings/maxSamples`` first (renderers then warn); nil without a target.
    public var targetMet: Bool?

    /// The warning of a run that stopped at ``SimulationSettings/maxSamples`` before meeting its precision
    /// target (``PrecisionTarget/notMetWarning(samples:settings:outputs:)``); nil when it was met or there was none.
    public var notMetWarning: String? {
        guard targetMet == false, let until = settings.until else { return nil }
        return until.notMetWarning(samples: sampleCount, settings: settings, outputs: outputs.map(\.0.rawValue))
    }
    /// Outputs whose means the samples cannot estimate (an input's tail makes them infinite), one line per
    /// input and tail (``MeanDivergence``); set by the run.
    public var meanWarnings: [String] = []
    /// A lifetime shorter than the run, at the medians (``Estimate/lifetimeWarning(_:)``); set by the run.
    public var lifetimeWarning: String?
    /// Every warning of the run: ``notMetWarning``, ``meanWarnings`` and ``lifetimeWarning``. Tables print them
    /// under their first line, JSON lists them under `warnings`.
    public var warnings: [String] { (notMetWarning.map { [$0] } ?? []) + meanWarnings + (lifetimeWarning.map { [$0] } ?? []) }
    /// Percentiles reported.
    public var percentiles: [Double]

    /// The percentiles reported: the standard ones and `extra`, ascending.
    public static func reportedPercentiles(_ extra: [Double]) -> [Double] { OutputSummary.reported(extra: extra) }

    /// Histogram bins per output.
    public static let histogramBins = 30

    /// Builds the report of a resolved spec from the summaries of its outputs.
    /// - Parameters:
    ///   - resolved: The resolved spec.
    ///   - summaries: One summary per output of `resolved.outputs`, in that order, with
    ///     ``reportedPercentiles(_:)`` of `extra` and ``histogramBins`` bins.
    ///   - count: Samples drawn.
    ///   - batches: Batches run.
    ///   - settings: Run settings.
    ///   - extra: Percentiles requested besides the standard ones.
    public init(resolved: EstimateSpec.Resolved, summaries: [OutputSummary], count: Int, batches: Int, settings: SimulationSettings,
                percentiles extra: [Double]) {
        percentiles = Self.reportedPercentiles(extra)
        sampleCount = count
        self.batches = batches
        outputs = Array(zip(resolved.outputs, summaries))
        inputs = resolved.uncertain.map { ($0.slot.rawValue, $0.distribution) }
        inputUnits = Dictionary(resolved.uncertain.map { ($0.slot.rawValue, $0.slot.unit) }, uniquingKeysWith: { a, _ in a })
        assumptions = resolved.assumptions
        self.settings = settings
        var context: [(String, String)] = []
        if let a = resolved.accelerator {
            let tdp = a.tdpW.map { "\(ReadableQuantity.number($0)) W TDP" } ?? "no published TDP"
            context.append(("hardware", "\(a.name): \(tdp), \(ReadableQuantity.number(a.peakFlopsPerS / 1e12)) TFLOP/s peak"))
        }
        if let g = resolved.grid {
            context.append(("grid", "\(g.name) (\(g.id)): \(ReadableQuantity.number(g.intensityKgPerKwh)) kg CO2e/kWh, \(g.year)"))
        }
        self.context = context
    }

    /// The summary of one output, if present.
    public func summary(_ name: OutputName) -> OutputSummary? { outputs.first { $0.0 == name }?.1 }

    /// The mean of one output, if present (for fixed inputs, its value).
    public func value(_ name: OutputName) -> Double? { summary(name)?.mean }

    /// Whether any input is uncertain.
    public var isUncertain: Bool { !inputs.isEmpty }
}
