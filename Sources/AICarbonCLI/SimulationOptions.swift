import AICarbon
import ArgumentParser
import Foundation

/// Options shared by every command that simulates.
public struct SimulationOptions: ParsableArguments {
    @Option(help: "Samples (\"100000\", \"1M\"; default 100,000); per batch when --until is set.")
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
    @Option(help: "Run until a precision target is met: STAT:TOL[@OUTPUT], e.g. \"p95:1%\" (default output total_co2e_kg).")
    var until: String?
    @Option(name: .customLong("max-samples"), help: "Upper bound on samples with --until.")
    var maxSamples: String = "20M"

    public init() {}

    /// The parsed settings: flags, else the scenario file's `simulation:` values, else the defaults.
    /// - Parameter file: Settings from a scenario file, if any.
    func settings(file: ScenarioSimulation = ScenarioSimulation()) throws(InputError) -> SimulationSettings {
        var s = SimulationSettings()
        if let samples {
            s.samples = try Self.count(samples, "--samples")
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
        if let threads { s.threads = try Self.count(threads, "--threads", limit: 4_096) }
        if let until { s.until = try PrecisionTarget(parsing: until) }
        s.maxSamples = try Self.count(maxSamples, "--max-samples")
        return s
    }

    /// A whole number of at least 1 and at most `limit` (so the conversion to `Int` cannot trap).
    static func count(_ text: String, _ field: String, limit: Double = 1e12) throws(InputError) -> Int {
        let value = try NumericField(field, .count, .positiveInteger).parse(text)
        guard value <= limit else {
            throw InputError(field: field, expected: "a whole number from 1 to \(ReadableQuantity.number(limit, significant: 13))", found: "\"\(text)\"")
        }
        return Int(value)
    }

    /// The extra percentiles requested: at most ``ScenarioSimulation/maximumPercentiles``.
    func extraPercentiles() throws(InputError) -> [Double] {
        guard let percentiles else { return [] }
        // Counted before parsing, so a list of any length is refused at once.
        let count = percentiles.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
        guard count <= ScenarioSimulation.maximumPercentiles else {
            throw InputError(field: "--percentiles", expected: "at most \(ScenarioSimulation.maximumPercentiles) percentiles, comma-separated",
                             found: "\(count)")
        }
        var list: [Double] = []
        for part in percentiles.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let p = Double(text.hasPrefix("p") ? String(text.dropFirst()) : text), p > 0, p < 100 else {
                throw InputError(field: "--percentiles", expected: "percentiles between 0 and 100, comma-separated (\"1,99\")",
                                 found: "\"\(percentiles)\"")
            }
            list.append(p)
        }
        return list
    }
}
