/// A scenario loaded from a file: what to estimate, and how to simulate it.
public struct Scenario: Sendable {
    /// Short name (`name:`, or the file name).
    public var name: String
    /// Free text (`description:`).
    public var description: String?
    /// The file it came from.
    public var path: String
    /// The estimate's inputs.
    public var spec: EstimateSpec
    /// Simulation settings from the file.
    public var simulation: ScenarioSimulation
    /// Line and column of each top-level key, for error messages.
    public var keyLocations: [String: InputLocation]

    /// Resolves the scenario's spec, reporting errors at the scenario key's position in the file.
    /// - Parameter catalog: Hardware and grid catalogs.
    /// - Throws: ``InputError`` with the file, line and key.
    public func resolve(catalog: Catalog) throws(InputError) -> EstimateSpec.Resolved {
        do {
            return try spec.resolve(catalog: catalog)
        } catch {
            throw relocated(error)
        }
    }

    /// Runs the scenario.
    /// - Parameters:
    ///   - catalog: Hardware and grid catalogs.
    ///   - settings: Simulation settings (already merged with the file's).
    ///   - percentiles: Extra percentiles.
    ///   - progress: Fraction-done callback.
    /// - Returns: The report.
    /// - Throws: ``InputError`` located in the file (an error of the sample count at `samples:` when the
    ///   file's count was used, else unplaced).
    public func run(catalog: Catalog, settings: SimulationSettings, percentiles: [Double] = [],
                    progress: (@Sendable (Double) -> Void)? = nil) throws(InputError) -> EstimateReport {
        do {
            var report = try Estimate.run(spec, catalog: catalog, settings: settings,
                                          percentiles: Array(Set(percentiles + simulation.percentiles)), progress: progress)
            report.name = name
            return report
        } catch {
            let placed = simulation.placing(error, samples: settings.samples)
            // A setting the file did not give is the caller's (`--samples`, `--until`, …), not a place in the file.
            guard !(Self.callerSettings.contains(placed.field) && placed.location == nil) else { throw placed }
            throw relocated(placed)
        }
    }

    /// The engine's settings a scenario file cannot give (`samples` can: ``ScenarioSimulation/placing(_:samples:)``
    /// places it when the file's count was used): their errors are the command line's, not the file's.
    static let callerSettings: Set<String> = ["samples", "until", "max_samples", "threads"]

    /// Places an error of the spec (named by input key) at the key's position in the file, with `days`
    /// for `hours` when the file gave days.
    func relocated(_ error: InputError) -> InputError {
        guard error.location == nil else { return error }
        let days = keyLocations["days"] != nil
        var e = error.namingInputs { $0 == "hours" && days ? "days" : nil }
        e.location = keyLocations[e.field] ?? InputLocation(file: path)
        return e
    }
}
