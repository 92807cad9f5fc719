/// Runs a single-model estimate end to end: resolve the spec, simulate, summarise.
public enum Estimate {
    /// Resolves `spec`, runs the simulation and summarises every output.
    /// - Parameters:
    ///   - spec: What was given.
    ///   - catalog: Hardware and grid catalogs.
    ///   - settings: Samples, seed, design, generator, threads, stopping rule.
    ///   - percentiles: Percentiles to report besides the standard ones.
    ///   - progress: Fraction-done callback (any thread).
    /// - Returns: The report.
    /// - Throws: ``InputError`` for bad input or a failed simulation.
    public static func run(
        _ spec: EstimateSpec, catalog: Catalog, settings: SimulationSettings = SimulationSettings(),
        percentiles: [Double] = [], progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InputError) -> EstimateReport {
        let resolved = try spec.resolve(catalog: catalog)
        let problem = resolved.problem
        let wanted = EstimateReport.reportedPercentiles(percentiles)
        let summary = try Simulation.summarise(problem, settings: settings, percentiles: wanted, progress: progress)
        return EstimateReport(resolved: resolved, summaries: problem.summaries(of: summary, percentiles: wanted)[0], count: summary.count,
                              batches: summary.batches, settings: settings, percentiles: percentiles)
    }
}
