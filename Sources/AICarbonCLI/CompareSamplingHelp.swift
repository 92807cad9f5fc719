import ArgumentParser

/// The wording of the sampling options in `aicarbon compare`.
///
/// `compare` takes the sampling options and the extra percentiles, but neither `--until` nor
/// `--max-samples`: the two runs pair sample for sample and so need one fixed sample count (a precision
/// target would stop them at different counts).
enum CompareSamplingHelp: SamplingHelp {
    /// The help of `--samples`.
    static var samples: ArgumentHelp {
        "Samples (\"100000\", \"1M\"; default 100,000), the same for both scenarios."
    }
}
