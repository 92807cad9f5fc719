import AICarbon
import ArgumentParser

/// The simulation options of `aicarbon compare`: those of ``SimulationOptions`` without `--until` and
/// `--max-samples`, since the two runs pair sample for sample and so need one fixed sample count (a
/// precision target would stop them at different counts). Parsed through ``SimulationOptions``, so
/// values, defaults and the scenario file's `simulation:` settings are read as every other command reads them.
public struct CompareSimulationOptions: ParsableArguments {
    @Option(help: "Samples (\"100000\", \"1M\"; default 100,000), the same for both scenarios.")
    var samples: String?
    @Option(help: "Master seed (a whole number; default 1); the same seed and samples give bit-identical results.")
    var seed: String?
    @Option(help: "Sampling design: mc (Monte Carlo, default), lhs (Latin hypercube) or sobol (randomised Sobol').")
    var method: MethodOption?
    @Option(help: "GSL generator: taus2 (default), mt19937 or ranlxd2.")
    var generator: GeneratorOption?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: String?
    @Option(help: "Extra percentiles to report, comma-separated (\"1,99\").")
    var percentiles: String?

    public init() {}

    /// The same options as a ``SimulationOptions`` value (no precision target).
    func options() throws -> SimulationOptions {
        var arguments: [String] = []
        if let samples { arguments += ["--samples", samples] }
        if let seed { arguments += ["--seed", seed] }
        if let method { arguments += ["--method", method.rawValue] }
        if let generator { arguments += ["--generator", generator.rawValue] }
        if let threads { arguments += ["--threads", threads] }
        if let percentiles { arguments += ["--percentiles", percentiles] }
        return try SimulationOptions.parse(arguments)
    }

    /// The settings: flags, else the file's `simulation:` values, else the defaults.
    /// - Parameter file: Settings from a scenario file, if any.
    func settings(file: ScenarioSimulation = ScenarioSimulation()) throws -> SimulationSettings {
        try options().settings(file: file)
    }

    /// The extra percentiles requested (``SimulationOptions/extraPercentiles()``).
    func extraPercentiles() throws -> [Double] {
        try options().extraPercentiles()
    }
}
