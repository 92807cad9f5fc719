/// A projection scenario loaded from a file.
public struct ProjectionScenario: Sendable {
    /// `name:`, or the file name.
    public var name: String
    /// `description:`.
    public var description: String?
    /// The file it came from.
    public var path: String
    /// The drivers.
    public var spec: ProjectionSpec
    /// `pue_target_year`, `grid_target_year` when given.
    public var targetYears: [String: Int]
    /// The file's simulation settings.
    public var simulation: ScenarioSimulation

    /// Runs the projection.
    ///
    /// An overflow found while sampling (the engine knows no file) is placed in the file, at the first
    /// growth driver (``ProjectionSpec/overflowLocation``), so that its inputs keep their keys. Any other
    /// error without a place (an unknown `hardware` or `grid` name) is placed where its key was given: the
    /// file's line, or the flag (`--set`, `--sweep`) that set it; an error of the sample count, at the file's
    /// `samples:` when its count was used.
    public func run(catalog: Catalog, settings: SimulationSettings, percentiles: [Double] = [],
                    progress: (@Sendable (Double) -> Void)? = nil) throws(InputError) -> ProjectionReport {
        do {
            return try Projection.run(spec, name: name, catalog: catalog, targetYears: targetYears, settings: settings,
                                      percentiles: Array(Set(percentiles + simulation.percentiles)), progress: progress)
        } catch {
            var e = simulation.placing(error, samples: settings.samples)
            if e.isOverflow, e.location == nil { e.location = spec.overflowLocation ?? InputLocation(file: path) }
            if e.location == nil, let at = spec.locations[e.field] { e.location = at }
            throw e
        }
    }
}
