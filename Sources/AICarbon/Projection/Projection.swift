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
        let problem = resolved.problem
        let wanted = OutputSummary.reported(extra: percentiles)
        let summary = try Simulation.summarise(problem, settings: settings, percentiles: wanted, progress: progress)
        var report = ProjectionReport(name: name, resolved: resolved, summaries: problem.summaries(of: summary, percentiles: wanted),
                                      count: summary.count, settings: settings, percentiles: percentiles)
        report.references = spec.references
        report.targetMet = summary.targetMet
        report.meanWarnings = MeanDivergence.warnings(problem)
        report.lifetimeWarning = resolved.lifetimeWarning
        return report
    }

    /// Runs two projections and summarises the paired difference A − B per year and output, with
    /// P(A < B) (see ``Comparison``).
    /// - Throws: ``InputError`` if the year ranges differ.
    public static func compare(_ a: (spec: ProjectionSpec, name: String, targetYears: [String: Int]),
                               _ b: (spec: ProjectionSpec, name: String, targetYears: [String: Int]),
                               catalog: Catalog, settings: SimulationSettings,
                               commonRandomNumbers: Bool = true, percentiles: [Double] = []) throws(InputError) -> ComparisonReport {
        let ra = try a.spec.resolve(catalog: catalog, targetYears: a.targetYears)
        let rb = try b.spec.resolve(catalog: catalog, targetYears: b.targetYears)
        guard ra.years == rb.years else {
            throw InputError(field: "end_year", expected: "the same years in both scenarios (\(ra.years.first!)–\(ra.years.last!) in \(a.name))",
                             found: "\(rb.years.first!)–\(rb.years.last!) in \(b.name)", location: b.spec.locations["end_year"] ?? b.spec.locations["start_year"])
        }
        return try Comparison.run((ra.problem, a.name), (rb.problem, b.name), settings: settings, commonRandomNumbers: commonRandomNumbers,
                                  percentiles: percentiles)
    }
}
