import ArgumentParser

/// How a command words the sampling options it shares through ``SamplingOptions``: the help of
/// `--samples`, `--seed` and the sampling design, and the design's flag.
///
/// Only `--samples` must be given; the others default to the wording of `estimate`, `run` and `report`.
protocol SamplingHelp {
    /// The help of `--samples`.
    static var samples: ArgumentHelp { get }
    /// The help of `--seed`.
    static var seed: ArgumentHelp { get }
    /// The long name of the sampling design's flag, without the dashes (`method`).
    static var designFlag: String { get }
    /// The help of the sampling design's flag, with its value name (the flag's name).
    static var design: ArgumentHelp { get }
}

extension SamplingHelp {
    /// The seed's help in `estimate`, `run`, `report` and `compare`.
    static var seed: ArgumentHelp {
        "Master seed (a whole number; default 1); the same seed and samples give bit-identical results."
    }

    /// `method`: the design is `--method` unless the command's `--method` means something else.
    static var designFlag: String { "method" }

    /// The design's help in `estimate`, `run`, `report` and `compare`.
    static var design: ArgumentHelp {
        ArgumentHelp("Sampling design: mc (Monte Carlo, default), lhs (Latin hypercube) or sobol (randomised Sobol').",
                     valueName: designFlag)
    }
}
