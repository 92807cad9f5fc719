import AICarbon
import ArgumentParser

/// `--until` and `--max-samples`: run batches until a precision target is met, up to a bound.
///
/// Taken by `estimate`, `run` and `report` (through ``SimulationOptions``); `compare` refuses them (its two
/// runs need one fixed sample count) and `sensitivity` does not offer them.
struct PrecisionTargetOptions: ParsableArguments {
    @Option(help: "Run until a precision target is met: STAT:TOL[@OUTPUT], e.g. \"p95:1%\" (default output total_co2e_kg; co2e_kg for a projection).")
    var until: String?
    @Option(name: .customLong("max-samples"), help: "Upper bound on samples with --until (default 20M).")
    var maxSamples: String?

    init() {}

    /// Sets the precision target and the bound on samples of `settings`.
    /// - Parameter settings: The settings of the other flags.
    /// - Throws: ``InputError`` for a malformed target or bound, or a bound without a target (it would do nothing).
    func apply(to settings: inout SimulationSettings) throws(InputError) {
        if let until { settings.until = try PrecisionTarget(parsing: until) }
        settings.maxSamples = try CountArgument.value(maxSamples ?? "20M", field: "--max-samples")
        if until == nil, let maxSamples {
            throw InputError(field: "--max-samples", expected: "--until with it (it bounds the batches a precision target adds; "
                             + "--samples sets the size of a run without one)", found: "\"\(maxSamples)\" without --until")
        }
    }
}
