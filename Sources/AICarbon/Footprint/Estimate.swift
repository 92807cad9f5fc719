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
        var settings = settings
        if var target = settings.until {
            guard var name = resolved.outputs.first(where: { $0.rawValue == target.output }) else {
                throw InputError(field: "--until", expected: "an output of this estimate (\(resolved.outputs.map(\.rawValue).joined(separator: ", ")))",
                                 found: "\"\(target.output)\"")
            }
            if case .same(let source)? = resolved.derived[name] { name = source }
            if let index = resolved.sampled.firstIndex(of: name) {
                target.outputIndex = index
                settings.until = target
            } else {
                settings.until = nil   // a constant output is known exactly
            }
        }
        let inputs = resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }
        // With no uncertain input every sample is the same: one sample per chunk says it all.
        var run = settings
        if inputs.isEmpty {
            run.samples = 1
            run.until = nil
        }
        let summary = try Simulation.summarise(
            inputs: inputs, correlation: resolved.correlation, model: resolved.model, settings: run,
            percentiles: EstimateReport.reportedPercentiles(percentiles), bins: EstimateReport.histogramBins, progress: progress)
        return EstimateReport(resolved: resolved, summary: summary, settings: settings, percentiles: percentiles)
    }
}
