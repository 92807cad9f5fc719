import ArgumentParser

/// The wording of the sampling options in `aicarbon sensitivity`, whose sampling design is `--design`,
/// since the command's `--method` names the sensitivity method (two options cannot share a name).
///
/// `sensitivity` takes neither a precision target nor extra percentiles.
enum SensitivitySamplingHelp: SamplingHelp {
    /// The help of `--samples`.
    static var samples: ArgumentHelp {
        "Samples (rank) or base samples N (sobol): \"100000\", \"1M\"; default: the file's, else 100,000."
    }

    /// The help of `--seed`: results do not depend on the thread count.
    static var seed: ArgumentHelp {
        "Master seed (a whole number; default 1); the same seed gives the same result on any number of threads."
    }

    /// `design`, since `--method` is the sensitivity method.
    static var designFlag: String { "design" }

    /// The help of `--design`.
    static var design: ArgumentHelp {
        ArgumentHelp("Sampling design: mc (Monte Carlo, default), lhs (Latin hypercube) or sobol (randomised Sobol' points).",
                     valueName: designFlag)
    }
}
