/// What a scenario file holds: a single-model estimate or a multi-year projection.
public enum ScenarioDocument: Sendable {
    case estimate(Scenario)
    case projection(ProjectionScenario)

    /// The file's `simulation:` settings.
    public var simulation: ScenarioSimulation {
        switch self {
        case .estimate(let s): return s.simulation
        case .projection(let p): return p.simulation
        }
    }

    /// The scenario's name.
    public var name: String {
        switch self {
        case .estimate(let s): return s.name
        case .projection(let p): return p.name
        }
    }
}
