/// The paired comparison of two estimates or two projections: per output (and year), the distribution
/// of A − B and P(A < B).
public struct ComparisonReport: Sendable {
    /// Names of scenarios A and B.
    public var a: String, b: String
    /// The years compared (each projected by both); empty when two estimates are compared.
    public var years: [Int]
    /// Outputs both scenarios have.
    public var outputs: [OutputName]
    /// `difference[period][o]`: summary of A − B.
    public var difference: [[OutputSummary]]
    /// `medians[period][o]`: (median of A, median of B).
    public var medians: [[(Double, Double)]]
    /// `probability[period][o]`: fraction of paired samples with A < B by more than rounding (ties,
    /// `|A − B| ≤ 10⁻¹² max(|A|, |B|)`, do not count).
    public var probability: [[Double]]
    /// `equal[period][o]`: whether A and B are tied (equal to within rounding) in every paired sample.
    public var equal: [[Bool]]
    /// Paired samples (trajectories for projections).
    public var sampleCount: Int
    /// Run settings (both runs).
    public var settings: SimulationSettings
    /// Whether the runs shared random numbers.
    public var commonRandomNumbers: Bool
    /// The percentiles of A − B reported (the standard ones and any asked for), ascending.
    public var percentiles: [Double]
    /// Outputs of A or B whose means or mcse sampling cannot estimate (``MeanDivergence``), prefixed `A: ` or
    /// `B: `: the difference's mean and mcse are then not meaningful either; then each side's warnings about
    /// its inputs (``SimulationProblem/warnings``: a lifetime shorter than the run), prefixed likewise. Tables
    /// print them under their first line, JSON lists them under `warnings`.
    public var warnings: [String] = []

    /// The report of a paired run (``PairedModel``): per period and output, A's, B's and A − B's summaries.
    init(a: String, b: String, years: [Int], outputs: [OutputName], summary: SimulationSummary,
         counts: (less: [Int], ties: [Int]), settings: SimulationSettings, commonRandomNumbers: Bool, percentiles: [Double]) {
        self.a = a
        self.b = b
        self.years = years
        self.outputs = outputs
        self.settings = settings
        self.commonRandomNumbers = commonRandomNumbers
        self.percentiles = percentiles
        let n = summary.count, m = outputs.count, periods = Swift.max(years.count, 1)
        sampleCount = n
        func pair(_ t: Int, _ o: Int) -> Int { t * m + o }
        difference = (0..<periods).map { t in
            (0..<m).map { o in
                // The difference's statistics, without the histogram the counting bins also give.
                var d = summary.outputs[PairedModel.column(pair: pair(t, o)) + 2]
                d.histogramEdges = []
                d.histogramCounts = []
                d.below = 0
                d.above = 0
                return d
            }
        }
        medians = (0..<periods).map { t in
            (0..<m).map { o in
                let c = PairedModel.column(pair: pair(t, o))
                return (summary.outputs[c].percentile(50) ?? .nan, summary.outputs[c + 1].percentile(50) ?? .nan)
            }
        }
        probability = (0..<periods).map { t in (0..<m).map { o in Double(counts.less[pair(t, o)]) / Double(Swift.max(n, 1)) } }
        equal = (0..<periods).map { t in (0..<m).map { o in counts.ties[pair(t, o)] == n } }
    }

    /// The summary of A − B for `output` in `year`.
    public func difference(_ output: OutputName, year: Int) -> OutputSummary? {
        guard let t = years.firstIndex(of: year), let o = outputs.firstIndex(of: output) else { return nil }
        return difference[t][o]
    }

    /// The summary of A − B for `output` of two estimates.
    public func difference(_ output: OutputName) -> OutputSummary? {
        guard years.isEmpty, let o = outputs.firstIndex(of: output) else { return nil }
        return difference[0][o]
    }

    /// P(A < B) for `output` of two estimates.
    public func probabilityALessThanB(_ output: OutputName) -> Double? {
        guard years.isEmpty, let o = outputs.firstIndex(of: output) else { return nil }
        return probability[0][o]
    }

    /// P(A < B) for `output` in `year`.
    public func probabilityALessThanB(_ output: OutputName, year: Int) -> Double? {
        guard let t = years.firstIndex(of: year), let o = outputs.firstIndex(of: output) else { return nil }
        return probability[t][o]
    }
}
