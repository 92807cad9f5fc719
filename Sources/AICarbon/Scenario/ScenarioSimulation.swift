/// Simulation settings a scenario file may carry (`simulation:`); command-line flags override them.
public struct ScenarioSimulation: Sendable, Hashable {
    /// `samples:`.
    public var samples: Int?
    /// `seed:`.
    public var seed: UInt64?
    /// `method:` (mc, lhs, sobol).
    public var method: SamplingMethod?
    /// `generator:`.
    public var generator: GeneratorKind?
    /// `percentiles:` beyond the standard ones.
    public var percentiles: [Double] = []
    /// Where `samples:` was given (its value's line and column, or the `--set` flag), for errors of the count.
    public var samplesLocation: InputLocation?

    /// The most extra percentiles a scenario file's `percentiles:` (and, separately, `--percentiles`) may list:
    /// each is a column of the results, and thousands would only make a table nobody reads.
    public static let maximumPercentiles = 50

    /// No settings: defaults apply.
    public init() {}

    /// An error of the sample count (the engine's `samples`, which knows no file) placed where `samples:`
    /// was given, as `simulation.samples`, when the run used the file's count; else `error` unchanged (a
    /// count given with `--samples` stays the flag's).
    /// - Parameters:
    ///   - error: An error of the run.
    ///   - samples: The sample count the run used.
    /// - Returns: The error, placed.
    public func placing(_ error: InputError, samples: Int) -> InputError {
        guard error.field == "samples", error.location == nil, let samplesLocation, self.samples == samples else { return error }
        var placed = error
        placed.field = "simulation.samples"
        placed.location = samplesLocation
        return placed
    }
}
