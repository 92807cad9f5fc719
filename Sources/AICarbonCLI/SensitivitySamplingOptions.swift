import AICarbon
import ArgumentParser

/// The simulation options of `aicarbon sensitivity`: those of ``SimulationOptions`` that apply, with the
/// sampling design as `--design`, since the command's `--method` names the sensitivity method (two
/// options cannot share a name). Parsed through ``SimulationOptions``, so values, defaults and the
/// scenario file's `simulation:` settings are read exactly as every other command reads them.
public struct SensitivitySamplingOptions: ParsableArguments {
    @Option(help: "Samples (rank) or base samples N (sobol): \"100000\", \"1M\"; default: the file's, else 100,000.")
    var samples: String?
    @Option(help: "Master seed (a whole number; default 1); the same seed gives the same result on any number of threads.")
    var seed: String?
    @Option(help: "Sampling design: mc (Monte Carlo, default), lhs (Latin hypercube) or sobol (randomised Sobol' points).")
    var design: MethodOption?
    @Option(help: "GSL generator: taus2 (default), mt19937 or ranlxd2.")
    var generator: GeneratorOption?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: String?

    public init() {}

    /// The settings: flags, else the file's `simulation:` values, else the defaults.
    func settings(file: ScenarioSimulation = ScenarioSimulation()) throws -> SimulationSettings {
        var arguments: [String] = []
        if let samples { arguments += ["--samples", samples] }
        if let seed { arguments += ["--seed", seed] }
        if let design { arguments += ["--method", design.rawValue] }
        if let generator { arguments += ["--generator", generator.rawValue] }
        if let threads { arguments += ["--threads", threads] }
        return try SimulationOptions.parse(arguments).settings(file: file)
    }
}
