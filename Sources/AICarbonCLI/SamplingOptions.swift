import AICarbon
import ArgumentParser
import Foundation

/// The sampling options of every command that simulates: samples, seed, sampling design, generator and
/// threads, read as flags, else from the scenario file's `simulation:` section, else the defaults.
///
/// Declared once for `estimate`, `run`, `report`, `compare` and `sensitivity`; `Help` words `--samples`,
/// `--seed` and the design's flag the way each command describes them (and names the design `--design`
/// where `--method` means something else). The precision target (``PrecisionTargetOptions``) and the
/// extra percentiles (``PercentilesOption``) are groups of their own, since not every command takes them.
struct SamplingOptions<Help: SamplingHelp>: ParsableArguments {
    @Option(help: Help.samples)
    var samples: String?
    @Option(help: Help.seed)
    var seed: String?
    @Option(name: .customLong(Help.designFlag), help: Help.design)
    var method: MethodOption?
    @Option(help: "GSL generator: taus2 (default), mt19937 or ranlxd2.")
    var generator: GeneratorOption?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: String?

    init() {}

    /// The settings: flags, else the file's `simulation:` values, else the defaults (no precision target).
    /// - Parameter file: Settings from a scenario file, if any.
    func settings(file: ScenarioSimulation = ScenarioSimulation()) throws(InputError) -> SimulationSettings {
        var s = SimulationSettings()
        if let samples {
            s.samples = try CountArgument.value(samples, field: "--samples")
        } else if let fileSamples = file.samples {
            s.samples = fileSamples
        }
        if let seed {
            guard let seedValue = UInt64(seed.trimmingCharacters(in: .whitespaces)) else {
                throw InputError(field: "--seed", expected: "a whole number from 0 to 18446744073709551615", found: "\"\(seed)\"")
            }
            s.seed = seedValue
        } else if let fileSeed = file.seed {
            s.seed = fileSeed
        }
        s.method = method.map { SamplingMethod(rawValue: $0.rawValue)! } ?? file.method ?? .mc
        s.generator = generator.map { GeneratorKind(rawValue: $0.rawValue)! } ?? file.generator ?? .taus2
        if let threads { s.threads = try CountArgument.value(threads, field: "--threads", limit: 4_096) }
        return s
    }
}
