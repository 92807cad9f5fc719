/// Compares two problems of the same kind (two estimates, or two projections over the same years):
/// the paired difference A − B of every output they share, per year, and P(A < B).
///
/// With common random numbers (the default), both are sampled on the union of their inputs by name,
/// in a fixed order, so that an input both have draws the same uniforms in both runs: the difference
/// then reflects the scenarios, not sampling noise (Glasserman 2004, *Monte Carlo Methods in Financial
/// Engineering*, §4.2, common random numbers). Without them, B's inputs draw uniforms of their own.
public enum Comparison {
    /// Runs both problems together and summarises their paired differences, streaming (without storing
    /// the samples) when the run is large enough (``Simulation/streamingThreshold``).
    /// - Parameters:
    ///   - a: Problem A and its name.
    ///   - b: Problem B and its name.
    ///   - settings: Samples, seed, design, generator and threads of both runs (a precision target does
    ///     not apply).
    ///   - commonRandomNumbers: Whether same-named inputs share random numbers.
    ///   - years: The years to compare, each projected by both problems (two projections only); `nil`
    ///     compares every year, and then both must project the same years.
    ///   - percentiles: Percentiles of A − B to report beyond the standard ones, in (0, 100).
    /// - Returns: The comparison, with A's and B's warnings (``ComparisonReport/warnings``).
    /// - Throws: ``InputError`` when the problems are of different kinds or years, a year of `years` is
    ///   not projected by both (field `years`), or a run fails.
    public static func run(_ a: (problem: SimulationProblem, name: String), _ b: (problem: SimulationProblem, name: String),
                           settings: SimulationSettings, commonRandomNumbers: Bool = true,
                           years: [Int]? = nil, percentiles: [Double] = []) throws(InputError) -> ComparisonReport {
        guard a.problem.kind == b.problem.kind else {
            throw InputError(field: "scenario", expected: "two scenarios of the same kind (\(a.name) is an \(a.problem.kind))",
                             found: "\(b.name), a \(b.problem.kind)")
        }
        if let years {
            try check(years, a, b)
        } else if a.problem.years != b.problem.years {
            throw InputError(field: "end_year", expected: "the same years in both scenarios", found: "different years")
        }
        // Union of the sampled inputs, by name, in a fixed order.
        let names = Array(Set(a.problem.inputs.map(\.name) + b.problem.inputs.map(\.name))).sorted()
        func aligned(_ p: SimulationProblem) -> SimulationProblem {
            let map = p.inputs.map { input in names.firstIndex(of: input.name)! }
            var q = p
            q.inputs = names.map { name in
                p.inputs.first { $0.name == name } ?? SimulationProblem.Input(name: name, distribution: .fixed(0), source: "not an input here")
            }
            q.correlation = p.correlation.map { RankCorrelation(remapping: $0, map) }
            q.model = ColumnSelection(model: p.model, columns: map)
            return q
        }
        var shared = settings
        shared.until = nil
        let pa = aligned(a.problem), pb = aligned(b.problem), width = names.count
        // One run of both: A's inputs, then B's. With common random numbers an input of B takes the design
        // column of A's input of the same name (so A's samples are those A would draw alone); without, B's
        // inputs have design columns of their own.
        let inputs = (pa.inputs.map { ($0.name, $0.distribution) } + pb.inputs.map { ("\($0.name) (\(b.name))", $0.distribution) })
            .map { (name: $0.0, distribution: $0.1) }
        let designColumns = commonRandomNumbers ? Array(0..<width) + Array(0..<width) : nil
        let correlation = RankCorrelation.joining(pa.correlation, pb.correlation, offset: width)
        let outputs = a.problem.outputs.filter { b.problem.outputs.contains($0) }.compactMap(OutputName.init(rawValue:))
        // The compared periods: each year's index in A's and in B's problem (one period for estimates).
        let compared = years ?? a.problem.years
        let periods = compared.isEmpty ? [(0, 0)] : compared.map { (a.problem.years.firstIndex(of: $0)!, b.problem.years.firstIndex(of: $0)!) }
        var pairs: [(a: SimulationProblem.OutputSource, b: SimulationProblem.OutputSource, name: String)] = []
        for (t, (ta, tb)) in periods.enumerated() {
            for name in outputs {
                let year = compared.isEmpty ? "" : " in \(compared[t])"
                pairs.append((pa.sources[ta][pa.outputs.firstIndex(of: name.rawValue)!],
                              pb.sources[tb][pb.outputs.firstIndex(of: name.rawValue)!], name.rawValue + year))
            }
        }
        let model = PairedModel(a: pa.model, b: pb.model, width: width, pairs: pairs)
        let counter = PairCounter(pairs: pairs.count)
        // Streamed when large enough: the paired samples are counted and summarised as they are drawn.
        // A's and B's columns are read for their medians only: streamed, they keep just the samples near them.
        let reported = OutputSummary.reported(extra: percentiles)
        let columnPercentiles = pairs.flatMap { _ in [[50.0], [50.0], reported] }
        let summary = try Simulation.summarise(inputs: inputs, correlation: correlation, model: model, settings: shared,
                                               designColumns: designColumns, percentiles: reported,
                                               columnPercentiles: columnPercentiles, bins: 30, observers: [counter])
        var report = ComparisonReport(a: a.name, b: b.name, years: compared, outputs: outputs, summary: summary,
                                      counts: counter.totals, settings: shared, commonRandomNumbers: commonRandomNumbers,
                                      percentiles: reported)
        // A − B inherits either side's tails: a mean (or mcse) A or B cannot estimate, neither can the difference.
        // Then each side's warnings about its inputs (a lifetime shorter than the run), as a run of it prints them.
        report.warnings = MeanDivergence.warnings(pa).map { "A: " + $0 } + MeanDivergence.warnings(pb).map { "B: " + $0 }
            + pa.warnings.map { "A: " + $0 } + pb.warnings.map { "B: " + $0 }
        return report
    }

    /// Refuses years to compare that are not projected by both problems, or given for two estimates.
    private static func check(_ years: [Int], _ a: (problem: SimulationProblem, name: String),
                              _ b: (problem: SimulationProblem, name: String)) throws(InputError) {
        guard !a.problem.years.isEmpty else {
            throw InputError(field: "years", expected: "two projections (an estimate has no years)", found: "two single-model estimates")
        }
        guard !years.isEmpty else { throw InputError(field: "years", expected: "at least one year", found: "none") }
        let shared = a.problem.years.filter(b.problem.years.contains)
        func span(_ list: [Int]) -> String {
            guard let first = list.first, let last = list.last else { return "none" }
            return list == Array(first...last) ? (first == last ? "\(first)" : "\(first)–\(last)") : list.map(String.init).joined(separator: ", ")
        }
        for year in years where !shared.contains(year) {
            let missing = [a, b].filter { !$0.problem.years.contains(year) }.map(\.name)
            throw InputError(field: "years", expected: "years both scenarios project (shared: \(span(shared)); \(a.name) \(span(a.problem.years)), "
                                 + "\(b.name) \(span(b.problem.years)))",
                             found: "\(year), not in \(missing.joined(separator: " or "))")
        }
    }
}

extension RankCorrelation {
    /// The same correlations on renumbered columns.
    init(remapping other: RankCorrelation, _ map: [Int]) {
        self.init(dimensions: other.dimensions.map { map[$0] }, cholesky: other.cholesky)
    }

    /// Both sides' correlations as one (a block-diagonal Cholesky factor), B's columns shifted by `offset`:
    /// each block acts on its own columns exactly as it would alone.
    static func joining(_ a: RankCorrelation?, _ b: RankCorrelation?, offset: Int) -> RankCorrelation? {
        guard a != nil || b != nil else { return nil }
        let da = a?.dimensions ?? [], db = (b?.dimensions ?? []).map { $0 + offset }
        let ka = da.count, kb = db.count, k = ka + kb
        var cholesky = [Double](repeating: 0, count: k * k)
        for r in 0..<ka { for c in 0..<ka { cholesky[r * k + c] = a!.cholesky[r * ka + c] } }
        for r in 0..<kb { for c in 0..<kb { cholesky[(ka + r) * k + ka + c] = b!.cholesky[r * kb + c] } }
        return RankCorrelation(dimensions: da + db, cholesky: cholesky)
    }
}
