import AICarbon
import ArgumentParser

/// The simulation options of `estimate`, `run` and `report`: the sampling options, the extra percentiles
/// and the precision target.
public struct SimulationOptions: ParsableArguments {
    @OptionGroup var sampling: SamplingOptions<SimulationSamplingHelp>
    @OptionGroup var percentiles: PercentilesOption
    @OptionGroup var target: PrecisionTargetOptions

    public init() {}

    /// The parsed settings: flags, else the scenario file's `simulation:` values, else the defaults.
    /// - Parameter file: Settings from a scenario file, if any.
    func settings(file: ScenarioSimulation = ScenarioSimulation()) throws(InputError) -> SimulationSettings {
        var s = try sampling.settings(file: file)
        try target.apply(to: &s)
        return s
    }

    /// The extra percentiles requested (``PercentilesOption/extraPercentiles()``).
    func extraPercentiles() throws(InputError) -> [Double] {
        try percentiles.extraPercentiles()
    }
}
