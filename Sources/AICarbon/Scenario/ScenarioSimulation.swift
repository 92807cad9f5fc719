/// Simulation settings a scenario file may carry (`simulation:`); command-line flags override them.
public struct ScenarioSimulation: Sendable, Hashable {
    public var samples: Int?
    public var seed: UInt64?
    public var method: SamplingMethod?
    public var generator: GeneratorKind?
    public var percentiles: [Double] = []

    public init() {}
}
