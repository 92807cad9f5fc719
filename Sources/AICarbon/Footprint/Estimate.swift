import Foundation

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
        var resolution: EstimateSpec.Resolved?
        do {
            let resolved = try spec.resolve(catalog: catalog)
            resolution = resolved
            let problem = resolved.problem
            let wanted = EstimateReport.reportedPercentiles(percentiles)
            let summary = try Simulation.summarise(problem, settings: settings, percentiles: wanted, progress: progress)
            var report = EstimateReport(resolved: resolved, summaries: problem.summaries(of: summary, percentiles: wanted)[0],
                                        count: summary.count, batches: summary.batches, settings: settings, percentiles: percentiles)
            report.targetMet = summary.targetMet
            report.meanWarnings = MeanDivergence.warnings(problem)
            report.lifetimeWarning = resolved.lifetimeWarning
            return report
        } catch {
            // An overflow that named no input (the engine's, or one at the medians) is completed; one the engine
            // named from its sampled inputs is named again from every input given, each with its unit (the engine
            // knows none: `--chip-hours reaching 1e+300` is `--chip-hours reaching 1e+300 chip-h`).
            guard error.isOverflow else { throw error }
            let unnamed = [InputError.overflow(output: error.field, causes: []).found,
                           InputError.overflow(output: error.field, causes: [], fallback: EstimateSpec.overflowFallback).found].contains(error.found)
            let extremes = extremeCauses(spec)
            var causes = unnamed ? (extremes.isEmpty ? zeroCauses(spec) : extremes) : extremes
            // Inputs none of which is extreme alone overflow together in the tails (the median check names them
            // itself): judged at each sampled input's quantile farthest from 1.
            if causes.isEmpty, unnamed, let resolved = resolution, let output = OutputName(rawValue: error.field) {
                causes = spec.jointOverflowCauses(of: output, at: extremePoint(resolved), sampled: .extremes)
            }
            guard !causes.isEmpty || unnamed else { throw error }
            var named = InputError.overflow(output: error.field, causes: causes, fallback: EstimateSpec.overflowFallback)
            named.location = error.location
            throw named
        }
    }

    /// The warning of an accelerator lifetime shorter than the run: each chip is then charged more than its
    /// whole embodied emissions (the amortised share, wall-clock hours / (lifetime × the share in use, `in_use`), above 1;
    /// ``EmbodiedEmissions``). Judged at every input's median; nil when the share is at most 1, or when the
    /// run has no wall-clock time (chip-hours without a chip count) or no embodied emissions. Durations below an
    /// hour are given in minutes or seconds (``ReadableQuantity/duration(_:)``).
    /// - Parameter resolved: The resolved spec, which worked it out when resolved (``EstimateSpec/Resolved/lifetimeWarning``).
    /// - Returns: One line without a newline, or nil.
    public static func lifetimeWarning(_ resolved: EstimateSpec.Resolved) -> String? { resolved.lifetimeWarning }

    /// The warning of ``lifetimeWarning(_:)``, from the model evaluated at every input's median.
    /// - Parameters:
    ///   - x: Every input, the sampled ones at their medians.
    ///   - y: The model's outputs there.
    /// - Returns: One line without a newline, or nil.
    static func lifetimeWarning(atMedians x: FootprintVariables<Double>, results y: FootprintResults<Double>) -> String? {
        let inUse = x.lifetimeHours * x.inUseShare
        guard let hours = y.wallClockHours, hours.isFinite, inUse.isFinite, hours > inUse, y.embodiedCO2eKg > 0 else { return nil }
        return "warning: the lifetime in use (\(ReadableQuantity.duration(inUse)), \(ReadableQuantity.percent(x.inUseShare)) of lifetime "
            + "\(ReadableQuantity.duration(x.lifetimeHours))) "
            + "is shorter than the run (\(ReadableQuantity.duration(hours)) of wall-clock time), at the medians: embodied_co2e_kg "
            + "charges each chip \(ReadableQuantity.number(hours / inUse, significant: 3)) times its whole embodied emissions"
    }

    /// Every input of `resolved` with each sampled one at its 10⁻⁶ or 1 − 10⁻⁶ quantile, whichever is farther
    /// from 1 in magnitude (a quantile of 0 is skipped): where inputs that overflow an output together are largest.
    private static func extremePoint(_ resolved: EstimateSpec.Resolved) -> FootprintVariables<Double> {
        var x = resolved.template
        for (slot, d) in resolved.uncertain {
            let ends = [d.quantile(1e-6), d.quantile(1 - 1e-6)].filter { $0 != 0 && $0.isFinite }
            x[slot] = ends.max { abs(log10(abs($0))) < abs(log10(abs($1))) } ?? d.median
        }
        return x
    }

    /// The given inputs that can make an output overflow, for an overflow whose error named none (the
    /// engine sees only the sampled inputs, so a fixed `--flops 1e308` went unnamed): those beyond
    /// ``InputError/extremeMagnitudes``, else those whose distribution reaches 0 (at its 10⁻⁶ or
    /// 1 − 10⁻⁶ quantile) where 0 is outside the input's values (`--mfu "beta(1e-300, 1e-300)"`).
    /// - Parameter spec: What was given.
    /// - Returns: At most five descriptions, each with the key in backticks.
    static func overflowCauses(_ spec: EstimateSpec) -> [String] {
        let extreme = extremeCauses(spec)
        return extreme.isEmpty ? zeroCauses(spec) : extreme
    }

    /// The inputs given whose values are beyond ``InputError/extremeMagnitudes``, each with the unit it is named
    /// in (``InputSlot/namedUnit``).
    static func extremeCauses(_ spec: EstimateSpec) -> [String] {
        let given = spec.givenInputs
        return InputError.extremeInputs(given.map { ($0.name, $0.distribution) },
                                        units: Dictionary(given.map { ($0.name, $0.slot.namedUnit) }, uniquingKeysWith: { a, _ in a }),
                                        growthFallback: false)
    }

    /// The inputs given whose distribution reaches 0 where 0 is outside their values.
    private static func zeroCauses(_ spec: EstimateSpec) -> [String] {
        let given = spec.givenInputs
        let excludesZero: [ValueDomain] = [.positive, .unitInterval, .positiveInteger, .atLeastOne]
        return given.filter { input in
            excludesZero.contains(input.slot.definition.domain) && !input.distribution.isFixed
                && (input.distribution.quantile(1e-6) == 0 || input.distribution.quantile(1 - 1e-6) == 0)
        }.prefix(5).map { "`\($0.name)` reaching 0" }
    }
}
