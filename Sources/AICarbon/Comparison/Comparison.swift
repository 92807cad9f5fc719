/// Compares two problems of the same kind (two estimates, or two projections over the same years):
/// the paired difference A − B of every output they share, per year, and P(A < B).
///
/// With common random numbers (the default), both are sampled on the union of their inputs by name,
/// in a fixed order, so that an input both have draws the same uniforms in both runs: the difference
/// then reflects the scenarios, not sampling noise (Glasserman 2004, *Monte Carlo Methods in Financial
/// Engineering*, §4.2, common random numbers). Without them, B is sampled from another seed.
public enum Comparison {
    /// Runs both problems and summarises their paired differences.
    /// - Parameters:
    ///   - a: Problem A and its name.
    ///   - b: Problem B and its name.
    ///   - settings: Samples, seed, design, generator and threads of both runs (a precision target does
    ///     not apply).
    ///   - commonRandomNumbers: Whether same-named inputs share random numbers.
    ///   - years: The years to compare, each projected by both problems (two projections only); `nil`
    ///     compares every year, and then both must project the same years.
    /// - Returns: The comparison.
    /// - Throws: ``InputError`` when the problems are of different kinds or years, a year of `years` is
    ///   not projected by both (field `years`), or a run fails.
    public static func run(_ a: (problem: SimulationProblem, name: String), _ b: (problem: SimulationProblem, name: String),
                           settings: SimulationSettings, commonRandomNumbers: Bool = true,
                           years: [Int]? = nil) throws(InputError) -> ComparisonReport {
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
        var sb = settings
        sb.until = nil
        let sa = sb
        if !commonRandomNumbers { sb.seed = settings.seed &+ 0x9E37_79B9_7F4A_7C15 }
        let pa = aligned(a.problem), pb = aligned(b.problem)
        let setA = try Simulation.run(pa, settings: sa)
        let setB = try Simulation.run(pb, settings: sb)
        return ComparisonReport(a: (a.name, pa, setA), b: (b.name, pb, setB), settings: sa, commonRandomNumbers: commonRandomNumbers,
                                years: years ?? a.problem.years)
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
}
