import ArgumentParser

/// The wording of the sampling options in `estimate`, `run` and `report`, whose `--samples` is the batch
/// size when `--until` is set.
enum SimulationSamplingHelp: SamplingHelp {
    /// The help of `--samples`.
    static var samples: ArgumentHelp {
        "Samples (\"100000\", \"1M\"; default 100,000); per batch when --until is set."
    }
}
