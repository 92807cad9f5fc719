/// What the simulation engine runs: named uncertain inputs with their distributions, declared rank
/// correlations among them, a model, and the named outputs read from the model's columns, per year
/// for a projection.
///
/// Estimates (``EstimateSpec/problem(catalog:)``) and projections
/// (``ProjectionSpec/problem(catalog:targetYears:)``) each resolve to this one type; the engine
/// (``Simulation``), summaries, comparisons (``Comparison``), precision targets and every consumer of
/// samples (``SampleObserver``) are written once against it.
public struct SimulationProblem: Sendable {
    /// One uncertain input: a column of the sampled input matrix.
    public struct Input: Sendable, Hashable {
        /// The input's name: the scenario key (`pue`), or a key with a year (`ai_growth@2025`).
        public var name: String
        /// Its distribution, in ``unit``.
        public var distribution: Distribution
        /// The unit the distribution is in (base unit; empty when dimensionless).
        public var unit: String
        /// Where it came from: `given`, or the source of the prior that supplied it.
        public var source: String

        /// Creates an input.
        /// - Parameters:
        ///   - name: Scenario key (or key with year).
        ///   - distribution: Its distribution, in `unit`.
        ///   - unit: Base unit, empty when dimensionless.
        ///   - source: `given`, or the prior's source.
        public init(name: String, distribution: Distribution, unit: String = "", source: String = "given") {
            self.name = name
            self.distribution = distribution
            self.unit = unit
            self.source = source
        }
    }

    /// How the value of one output in one period is obtained.
    public enum OutputSource: Sendable, Hashable {
        /// The model's output column with this index.
        case column(Int)
        /// Every sample has this value (known without sampling, e.g. zero inference energy).
        case constant(Double)
    }

    /// What the problem is (``estimate`` or ``projection``), for messages.
    public var kind: String
    /// The uncertain inputs, in column order.
    public var inputs: [Input]
    /// Declared rank correlations among ``inputs`` (by column), if any.
    public var correlation: RankCorrelation?
    /// The model evaluated on the sampled inputs.
    public var model: any ChunkModel
    /// Output names (JSON keys such as `energy_kwh`), in report order.
    public var outputs: [String]
    /// Base unit of each output, parallel to ``outputs``.
    public var units: [String]
    /// The years of a projection; empty for a single-period estimate.
    public var years: [Int]
    /// `sources[period][output]`: where each output of each period comes from.
    public var sources: [[OutputSource]]
    /// Histogram bins each reported output gets (0 for none).
    public var histogramBins: Int
    /// Warnings about the inputs, judged when the problem was resolved rather than from its samples (a
    /// lifetime shorter than the run, ``Estimate/lifetimeWarning(_:)``), one line each without a newline.
    /// Reports of the problem carry them: ``Comparison`` prefixes them `A: ` or `B: `. Empty by default.
    public var warnings: [String] = []
    /// Causes the problem names first when the engine finds an output overflowing, ahead of the sampled inputs
    /// that reach extreme values (``InputError/extremeInputs(_:units:growthFallback:)``): settings that are not
    /// sampled columns but scale outputs (a projection's `growth_noise`). Empty by default.
    public var overflowCauses: [String] = []

    /// Creates a problem.
    /// - Parameters:
    ///   - kind: `estimate`, `projection` or another word for messages.
    ///   - inputs: Uncertain inputs, in column order.
    ///   - correlation: Rank correlations among them.
    ///   - model: The model.
    ///   - outputs: Output names in report order.
    ///   - units: Base unit of each output.
    ///   - years: Years of a projection, or empty.
    ///   - sources: Per period (one when `years` is empty) and output, its column or constant value.
    ///   - histogramBins: Histogram bins per output (0 for none).
    public init(kind: String, inputs: [Input], correlation: RankCorrelation? = nil, model: any ChunkModel, outputs: [String],
                units: [String], years: [Int] = [], sources: [[OutputSource]], histogramBins: Int = 0) {
        precondition(units.count == outputs.count && sources.count == Swift.max(years.count, 1)
                     && sources.allSatisfy { $0.count == outputs.count }, "outputs, units and sources disagree")
        self.kind = kind
        self.inputs = inputs
        self.correlation = correlation
        self.model = model
        self.outputs = outputs
        self.units = units
        self.years = years
        self.sources = sources
        self.histogramBins = histogramBins
    }

    /// A single-period problem whose outputs are the model's columns, named by
    /// ``ChunkModel/outputName(_:)`` (for analytic models and tests).
    /// - Parameters:
    ///   - inputs: Uncertain inputs (name, distribution), in column order.
    ///   - correlation: Rank correlations among them.
    ///   - model: The model.
    public init(inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation? = nil, model: any ChunkModel) {
        let names = (0..<model.outputCount).map(model.outputName)
        self.init(kind: "model", inputs: inputs.map { Input(name: $0.name, distribution: $0.distribution) }, correlation: correlation,
                  model: model, outputs: names, units: names.map { _ in "" },
                  sources: [(0..<model.outputCount).map { .column($0) }])
    }

    /// Periods: the years of a projection, or one for an estimate.
    public var periodCount: Int { Swift.max(years.count, 1) }

    /// The model column a precision target watches: its output in the last period, or `nil` when that
    /// output is a constant (known exactly, so no target applies).
    /// - Throws: ``InputError`` (field `until`) when the problem has no such output.
    func column(for target: PrecisionTarget) throws(InputError) -> Int? {
        guard let o = outputs.firstIndex(of: target.output) else {
            throw InputError(field: "until", expected: "an output of this \(kind) (\(outputs.joined(separator: ", ")))",
                             found: "\"\(target.output)\"")
        }
        if case .column(let c) = sources[periodCount - 1][o] { return c }
        return nil
    }

    /// Summaries per period and output from the summaries of the model's columns.
    /// - Parameters:
    ///   - summary: Summaries of every model column, in column order.
    ///   - percentiles: The percentiles they carry (for constant outputs).
    /// - Returns: `[period][output]`.
    public func summaries(of summary: SimulationSummary, percentiles: [Double]) -> [[OutputSummary]] {
        sources.map { row in
            row.map { source in
                switch source {
                case .column(let c): return summary.outputs[c]
                case .constant(let v): return OutputSummary(constant: v, count: summary.count, percentiles: percentiles)
                }
            }
        }
    }
}

extension SimulationProblem {
    /// `error` with ``overflowCauses`` named first when it is the engine's overflow (the engine names only the
    /// sampled inputs, ``InputError/extremeInputs(_:units:growthFallback:)``, which it names again here after them).
    /// - Parameter error: An error of the engine.
    /// - Returns: The error to report.
    func namingOverflowCauses(_ error: InputError) -> InputError {
        guard error.isOverflow, !overflowCauses.isEmpty else { return error }
        var named = InputError.overflow(output: error.field,
                                        causes: overflowCauses + InputError.extremeInputs(inputs.map { ($0.name, $0.distribution) }))
        named.location = error.location
        return named
    }
}
