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

    /// The flags that set a setting `file` gives to another value, each with the value the run uses
    /// (`--samples 2000`): flags override a scenario's `simulation:`, so those settings of `file` go unused.
    /// - Parameter file: Settings from a scenario file or a swept `simulation` value.
    /// - Returns: The overriding flags, in the order samples, seed, design, generator; empty when none.
    func overriding(_ file: ScenarioSimulation) throws(InputError) -> [String] {
        let used = try settings(file: file)
        var flags: [String] = []
        if let samples = file.samples, samples != used.samples { flags.append("--samples \(used.samples)") }
        if let seed = file.seed, seed != used.seed { flags.append("--seed \(used.seed)") }
        if let method = file.method, method != used.method {
            flags.append("--\(SimulationSamplingHelp.designFlag) \(used.method.rawValue)")
        }
        if let generator = file.generator, generator != used.generator { flags.append("--generator \(used.generator.rawValue)") }
        return flags
    }

    /// The extra percentiles requested (``PercentilesOption/extraPercentiles()``).
    func extraPercentiles() throws(InputError) -> [Double] {
        try percentiles.extraPercentiles()
    }
}
