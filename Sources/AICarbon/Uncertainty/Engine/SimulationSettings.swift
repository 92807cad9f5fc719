import Foundation

/// How a simulation is run: sample count, seed, design, generator, threads and stopping rule.
public struct SimulationSettings: Sendable, Hashable {
    /// Samples per batch (the whole run unless ``until`` extends it).
    public var samples: Int
    /// Master seed.
    public var seed: UInt64
    /// Uniform design.
    public var method: SamplingMethod
    /// GSL generator.
    public var generator: GeneratorKind
    /// Worker threads (results do not depend on it).
    public var threads: Int
    /// Chunks per batch, fixed and independent of the thread count.
    public var chunks: Int
    /// Optional precision target; batches are added until it is met or ``maxSamples`` is reached.
    public var until: PrecisionTarget?
    /// Upper bound on samples when ``until`` is set.
    public var maxSamples: Int

    /// Default: 100,000 samples, seed 1, Monte Carlo, taus2, all cores, 32 chunks.
    public init(samples: Int = 100_000, seed: UInt64 = 1, method: SamplingMethod = .mc, generator: GeneratorKind = .taus2,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, chunks: Int = 32,
                until: PrecisionTarget? = nil, maxSamples: Int = 20_000_000) {
        self.samples = samples
        self.seed = seed
        self.method = method
        self.generator = generator
        self.threads = threads
        self.chunks = chunks
        self.until = until
        self.maxSamples = maxSamples
    }
}
