/// The paired comparison of two estimates or two projections: per output (and year), the distribution
/// of A − B and P(A < B).
public struct ComparisonReport: Sendable {
    /// Names of scenarios A and B.
    public var a: String, b: String
    /// The years compared; empty when two estimates are compared.
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

    /// Summarises the paired samples of two runs.
    /// - Parameters:
    ///   - a: Scenario A: its name, problem and samples.
    ///   - b: Scenario B, sampled on the same uniforms for its same-named inputs.
    ///   - settings: The runs' settings.
    ///   - commonRandomNumbers: Whether the runs shared random numbers.
    ///   - years: The years compared, each projected by both (empty for two estimates).
    init(a: (name: String, problem: SimulationProblem, set: SampleSet), b: (name: String, problem: SimulationProblem, set: SampleSet),
         settings: SimulationSettings, commonRandomNumbers: Bool, years: [Int]) {
        self.a = a.name
        self.b = b.name
        self.years = years
        // Each compared period's index in A's and in B's run (one period for estimates).
        let periodsA = years.isEmpty ? [0] : years.map { a.problem.years.firstIndex(of: $0)! }
        let periodsB = years.isEmpty ? [0] : years.map { b.problem.years.firstIndex(of: $0)! }
        self.settings = settings
        self.commonRandomNumbers = commonRandomNumbers
        let shared = a.problem.outputs.filter { b.problem.outputs.contains($0) }
        outputs = shared.compactMap(OutputName.init(rawValue:))
        let n = a.set.count
        sampleCount = n
        /// The values of one output in one period: its stored column, or a constant repeated.
        @Sendable func withValues<R>(_ side: (name: String, problem: SimulationProblem, set: SampleSet), _ t: Int, _ name: OutputName,
                           _ body: (UnsafeBufferPointer<Double>) -> R) -> R {
            switch side.problem.sources[t][side.problem.outputs.firstIndex(of: name.rawValue)!] {
            case .column(let c): return side.set.outputs[c].withUnsafeBufferPointer(body)
            case .constant(let v): return [Double](repeating: v, count: n).withUnsafeBufferPointer(body)
            }
        }
        // One job per period and output, run in parallel; each difference column lives only while its job
        // summarises it (storing them all would double the memory of the two runs).
        let m = outputs.count, periods = periodsA.count, names = outputs
        let jobs = parallelMap(periods * m, threads: settings.threads) { job -> (OutputSummary, (Double, Double), Double, Bool) in
            let t = job / m, name = names[job % m]
            return withValues(a, periodsA[t], name) { ca in
                withValues(b, periodsB[t], name) { cb in
                    var diff = [Double](repeating: 0, count: n)
                    var less = 0, ties = 0
                    for i in 0..<n {
                        diff[i] = ca[i] - cb[i]
                        // Rounding noise (the same value summed in another order) is a tie, not "less".
                        if abs(diff[i]) <= 1e-12 * Swift.max(abs(ca[i]), abs(cb[i])) {
                            ties += 1
                        } else if ca[i] < cb[i] {
                            less += 1
                        }
                    }
                    let summary = OutputSummary(SampleSet(derived: [diff], chunks: settings.chunks), output: 0)
                    return (summary, (OutputSummary.percentiles([50], of: ca)[0], OutputSummary.percentiles([50], of: cb)[0]),
                            Double(less) / Double(Swift.max(n, 1)), ties == n)
                }
            }
        }
        difference = (0..<periods).map { t in (0..<m).map { o in jobs[t * m + o].0 } }
        medians = (0..<periods).map { t in (0..<m).map { o in jobs[t * m + o].1 } }
        probability = (0..<periods).map { t in (0..<m).map { o in jobs[t * m + o].2 } }
        equal = (0..<periods).map { t in (0..<m).map { o in jobs[t * m + o].3 } }
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
