/// Runs projections: one scenario, or two on common random numbers.
public enum Projection {
    /// Resolves and simulates a projection, summarising every output in every year.
    /// - Parameters:
    ///   - spec: The projection.
    ///   - name: Scenario name for the report.
    ///   - catalog: Catalogs.
    ///   - targetYears: `pue_target_year` / `grid_target_year`, if given.
    ///   - settings: Simulation settings; `until` applies to its output in the last year.
    ///   - percentiles: Extra percentiles.
    ///   - progress: Fraction-done callback.
    /// - Returns: The report.
    /// - Throws: ``InputError``.
    public static func run(_ spec: ProjectionSpec, name: String, catalog: Catalog, targetYears: [String: Int] = [:],
                           settings: SimulationSettings, percentiles: [Double] = [],
                           progress: (@Sendable (Double) -> Void)? = nil) throws(InputError) -> ProjectionReport {
        let resolved = try spec.resolve(catalog: catalog, targetYears: targetYears)
        let set = try simulate(resolved, settings: settings, progress: progress)
        return ProjectionReport(name: name, resolved: resolved, samples: set, settings: settings, percentiles: percentiles)
    }

    static func simulate(_ resolved: ProjectionSpec.Resolved, settings: SimulationSettings,
                         progress: (@Sendable (Double) -> Void)? = nil) throws(InputError) -> SampleSet {
        var settings = settings
        if var target = settings.until {
            guard let o = resolved.outputs.firstIndex(where: { $0.rawValue == target.output }) else {
                throw InputError(field: "--until", expected: "an output of this projection (\(resolved.outputs.map(\.rawValue).joined(separator: ", ")))",
                                 found: "\"\(target.output)\"")
            }
            target.outputIndex = resolved.model.column(year: resolved.years.count - 1, output: o)
            settings.until = target
        }
        if resolved.columns.isEmpty { settings.samples = Swift.min(settings.samples, 1); settings.until = nil }
        return try Simulation.run(inputs: resolved.columns, correlation: resolved.correlation, model: resolved.model,
                                  settings: settings, progress: progress)
    }

    /// Runs two projections and summarises the paired difference A − B per year and output, with
    /// P(A < B). With common random numbers (the default), each named uncertain input draws the same
    /// uniforms in both runs, so the difference reflects the scenarios, not sampling noise.
    /// - Throws: ``InputError`` if the year ranges differ.
    public static func compare(_ a: (spec: ProjectionSpec, name: String, targetYears: [String: Int]),
                               _ b: (spec: ProjectionSpec, name: String, targetYears: [String: Int]),
                               catalog: Catalog, settings: SimulationSettings,
                               commonRandomNumbers: Bool = true) throws(InputError) -> ComparisonReport {
        let ra = try a.spec.resolve(catalog: catalog, targetYears: a.targetYears)
        let rb = try b.spec.resolve(catalog: catalog, targetYears: b.targetYears)
        guard ra.years == rb.years else {
            throw InputError(field: "end_year", expected: "the same years in both scenarios (\(ra.years.first!)–\(ra.years.last!) in \(a.name))",
                             found: "\(rb.years.first!)–\(rb.years.last!) in \(b.name)", location: b.spec.locations["end_year"] ?? b.spec.locations["start_year"])
        }
        // Union of the sampled inputs, by name, in a fixed order.
        let names = Array(Set(ra.columns.map(\.name) + rb.columns.map(\.name))).sorted()
        func aligned(_ r: ProjectionSpec.Resolved) -> (ProjectionModel, [(name: String, distribution: Distribution)], RankCorrelation?) {
            let map = r.columns.map { c in names.firstIndex(of: c.name)! }
            let columns = names.map { name in (name: name, distribution: r.columns.first { $0.name == name }?.distribution ?? .fixed(0)) }
            let correlation = r.correlation.map { RankCorrelation(remapping: $0, map) }
            return (r.model.remapped(map), columns, correlation)
        }
        let (ma, ca, xa) = aligned(ra), (mb, cb, xb) = aligned(rb)
        var sb = settings
        sb.until = nil
        var sa = sb
        if !commonRandomNumbers { sb.seed = settings.seed &+ 0x9E37_79B9_7F4A_7C15 }
        sa.samples = names.isEmpty ? 1 : settings.samples
        sb.samples = sa.samples
        let setA = try Simulation.run(inputs: ca, correlation: xa, model: ma, settings: sa)
        let setB = try Simulation.run(inputs: cb, correlation: xb, model: mb, settings: sb)
        return ComparisonReport(a: a.name, b: b.name, years: ra.years, outputsA: ra.outputs, outputsB: rb.outputs,
                                setA: setA, setB: setB, settings: sa, commonRandomNumbers: commonRandomNumbers)
    }
}

extension RankCorrelation {
    /// The same correlations on renumbered columns.
    init(remapping other: RankCorrelation, _ map: [Int]) {
        self.init(dimensions: other.dimensions.map { map[$0] }, cholesky: other.cholesky)
    }
}
