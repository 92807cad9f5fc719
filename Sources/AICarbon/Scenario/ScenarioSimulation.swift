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

    /// The most extra percentiles a scenario file's `percentiles:` (and, separately, `--percentiles`) may list:
    /// each is a column of the results, and thousands would only make a table nobody reads.
    public static let maximumPercentiles = 50

    /// No settings: defaults apply.
    public init() {}
}
