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
        do {
            let resolved = try spec.resolve(catalog: catalog)
            let problem = resolved.problem
            let wanted = EstimateReport.reportedPercentiles(percentiles)
            let summary = try Simulation.summarise(problem, settings: settings, percentiles: wanted, progress: progress)
            var report = EstimateReport(resolved: resolved, summaries: problem.summaries(of: summary, percentiles: wanted)[0],
                                        count: summary.count, batches: summary.batches, settings: settings, percentiles: percentiles)
            report.targetMet = summary.targetMet
            report.meanWarnings = MeanDivergence.warnings(problem)
            report.lifetimeWarning = lifetimeWarning(resolved)
            return report
        } catch {
            // An overflow that named no input (the engine's, or one at the medians) is completed; one the engine
            // named from its sampled inputs is named again from every input given, each with its unit (the engine
            // knows none: `--chip-hours reaching 1e+300` is `--chip-hours reaching 1e+300 chip-h`).
            guard error.isOverflow else { throw error }
            let unnamed = error.found == InputError.overflow(output: error.field, causes: []).found
            let extremes = extremeCauses(spec)
            let causes = unnamed ? (extremes.isEmpty ? zeroCauses(spec) : extremes) : extremes
            guard !causes.isEmpty else { throw error }
            var named = InputError.overflow(output: error.field, causes: causes)
            named.location = error.location
            throw named
        }
    }

    /// The warning of an accelerator lifetime shorter than the run: each chip is then charged more than its
    /// whole embodied emissions (the amortised share, wall-clock hours / (lifetime × the share in use, `in_use`), above 1;
    /// ``EmbodiedEmissions``). Judged at every input's median; nil when the share is at most 1, or when the
    /// run has no wall-clock time (chip-hours without a chip count) or no embodied emissions. Durations below an
    /// hour are given in minutes or seconds (``ReadableQuantity/duration(_:)``).
    /// - Parameter resolved: The resolved spec.
    /// - Returns: One line without a newline, or nil.
    public static func lifetimeWarning(_ resolved: EstimateSpec.Resolved) -> String? {
        var x = resolved.template
        for (slot, d) in resolved.uncertain { x[slot] = d.median }
        let y = FootprintModel.evaluate(x)
        let inUse = x.lifetimeHours * x.inUseShare
        guard let hours = y.wallClockHours, hours.isFinite, inUse.isFinite, hours > inUse, y.embodiedCO2eKg > 0 else { return nil }
        return "warning: the lifetime in use (\(ReadableQuantity.duration(inUse)), \(ReadableQuantity.percent(x.inUseShare)) of lifetime "
            + "\(ReadableQuantity.duration(x.lifetimeHours))) "
            + "is shorter than the run (\(ReadableQuantity.duration(hours)) of wall-clock time), at the medians: embodied_co2e_kg "
            + "charges each chip \(ReadableQuantity.number(hours / inUse, significant: 3)) times its whole embodied emissions"
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
        let given = givenInputs(spec)
        return InputError.extremeInputs(given.map { ($0.name, $0.distribution) },
                                        units: Dictionary(given.map { ($0.name, $0.slot.namedUnit) }, uniquingKeysWith: { a, _ in a }),
                                        growthFallback: false)
    }

    /// Every input given, by slot.
    private static func givenInputs(_ spec: EstimateSpec) -> [(name: String, distribution: Distribution, slot: InputSlot)] {
        var given = InputSlot.allCases.compactMap { slot in spec[slot].map { (name: slot.rawValue, distribution: $0, slot: slot) } }
        // A grid given as an intensity (`--grid "1e308 g/kWh"`) is the spec's grid choice, not one of its slots.
        if case .intensity(let d) = spec.grid, spec[.intensity] == nil { given.append((name: InputSlot.intensity.rawValue, distribution: d, slot: .intensity)) }
        // So are the total parameters (`--params`), the active ones when none are given.
        if let p = spec.parameters, spec[.totalParameters] == nil { given.append((name: InputSlot.totalParameters.rawValue, distribution: p, slot: .totalParameters)) }
        return given
    }

    /// The inputs given whose distribution reaches 0 where 0 is outside their values.
    private static func zeroCauses(_ spec: EstimateSpec) -> [String] {
        let given = givenInputs(spec)
        let excludesZero: [ValueDomain] = [.positive, .unitInterval, .positiveInteger, .atLeastOne]
        return given.filter { input in
            excludesZero.contains(input.slot.definition.domain) && !input.distribution.isFixed
                && (input.distribution.quantile(1e-6) == 0 || input.distribution.quantile(1 - 1e-6) == 0)
        }.prefix(5).map { "`\($0.name)` reaching 0" }
    }
}
