/// A projection scenario loaded from a file.
public struct ProjectionScenario: Sendable {
    public var name: String
    public var description: String?
    public var path: String
    public var spec: ProjectionSpec
    /// `pue_target_year`, `grid_target_year` when given.
    public var targetYears: [String: Int]
    public var simulation: ScenarioSimulation

    /// Runs the projection.
    public func run(catalog: Catalog, settings: SimulationSettings, percentiles: [Double] = [],
                    progress: (@Sendable (Double) -> Void)? = nil) throws(InputError) -> ProjectionReport {
        try Projection.run(spec, name: name, catalog: catalog, targetYears: targetYears, settings: settings,
                           percentiles: Array(Set(percentiles + simulation.percentiles)), progress: progress)
    }
}

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
