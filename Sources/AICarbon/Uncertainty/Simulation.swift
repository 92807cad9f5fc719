import Dispatch
import Foundation

/// The deterministic parallel Monte Carlo engine.
///
/// A batch of `samples` is split into a fixed number of chunks (``SimulationSettings/chunks``),
/// independent of the thread count. Chunk `k` of batch `b` seeds its own GSL generator from the master
/// seed (``SeedSequence``), draws its uniform design, maps it through each input's inverse CDF,
/// applies rank correlations, and evaluates the model into its own slice of the output arrays. Partial
/// results are combined in chunk order, so the same seed and sample count give bit-identical results
/// with any number of threads.
public enum Simulation {
    /// Runs a simulation.
    /// - Parameters:
    ///   - inputs: The uncertain inputs (name, distribution), one column each.
    ///   - correlation: Optional rank correlations among them.
    ///   - model: The model.
    ///   - settings: Samples, seed, design, generator, threads, stopping rule.
    ///   - progress: Called with the fraction done (0…1) as chunks finish; may be called from any thread.
    /// - Returns: The samples of every output.
    /// - Throws: ``InputError`` for invalid settings, or when an input's inverse CDF fails in GSL.
    public static func run(
        inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation? = nil, model: some ChunkModel,
        settings: SimulationSettings, progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InputError) -> SampleSet {
        GSLRuntime.prepare()
        guard settings.samples >= 1 else {
            throw InputError(field: "--samples", expected: "a whole number of at least 1", found: "\(settings.samples)")
        }
        // Every output's samples are stored: refuse runs that cannot fit in memory rather than fail mid-way.
        let planned = settings.until == nil ? settings.samples : max(settings.samples, settings.maxSamples)
        let bytes = Double(planned) * Double(max(model.outputCount, 1)) * 8
        if bytes > MemoryBudget.availableBytes {
            let field = settings.until == nil ? "--samples" : "--max-samples"
            throw InputError(field: field,
                             expected: "at most about \(Int(MemoryBudget.availableBytes / Double(max(model.outputCount, 1)) / 8)) samples here (\(model.outputCount) outputs × 8 bytes each must fit in \(Int(MemoryBudget.availableBytes / 1_073_741_824)) GiB of available memory)",
                             found: "\(planned)")
        }
        guard settings.threads >= 1 else {
            throw InputError(field: "--threads", expected: "a whole number of at least 1", found: "\(settings.threads)")
        }
        if settings.method == .sobol, inputs.count > SobolSequence.maxDimension {
            throw InputError(field: "--method", expected: "at most 40 uncertain inputs for sobol (use mc or lhs)",
                             found: "\(inputs.count) uncertain inputs")
        }
        let capacity = settings.until == nil ? settings.samples : settings.samples * 4
        var set = SampleSet(outputs: (0..<model.outputCount).map { _ in SampleColumn(capacity: capacity) },
                            chunkMoments: Array(repeating: [], count: model.outputCount), batches: 0)
        var batch = 0
        repeat {
            let estimatedTotal = settings.until == nil ? settings.samples : settings.maxSamples
            let done = Double(batch * settings.samples)
            try runBatch(batch, inputs: inputs, correlation: correlation, model: model, settings: settings, into: &set,
                         progress: progress.map { report in { @Sendable fraction in
                             report(min(1, (done + fraction * Double(settings.samples)) / Double(estimatedTotal)))
                         } })
            batch += 1
            set.batches = batch
            guard let target = settings.until else { break }
            if target.isMet(by: set) || set.count + settings.samples > settings.maxSamples { break }
        } while true
        return set
    }

    private struct Shared: @unchecked Sendable {
        var outputs: [UnsafeMutablePointer<Double>]
        var moments: UnsafeMutablePointer<ChunkMoments>
        var failures: UnsafeMutablePointer<(Int, Double)>
        var overflows: UnsafeMutablePointer<Int>
        var errors: UnsafeMutablePointer<InputError?>
    }

    private static func runBatch(
        _ batch: Int, inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation?,
        model: some ChunkModel, settings: SimulationSettings, into set: inout SampleSet,
        progress: (@Sendable (Double) -> Void)?
    ) throws(InputError) {
        let n = settings.samples, chunkCount = min(settings.chunks, n), m = model.outputCount, d = inputs.count
        let distributions = inputs.map(\.distribution)
        let outputs = set.outputs.map { $0.reserve(n) }
        let moments = UnsafeMutablePointer<ChunkMoments>.allocate(capacity: chunkCount * max(m, 1))
        let failures = UnsafeMutablePointer<(Int, Double)>.allocate(capacity: chunkCount)
        let errors = UnsafeMutablePointer<InputError?>.allocate(capacity: chunkCount)
        failures.initialize(repeating: (-1, 0), count: chunkCount)
        let overflows = UnsafeMutablePointer<Int>.allocate(capacity: chunkCount)
        overflows.initialize(repeating: -1, count: chunkCount)
        errors.initialize(repeating: nil, count: chunkCount)
        defer {
            moments.deallocate(); failures.deallocate(); overflows.deallocate()
            errors.deinitialize(count: chunkCount); errors.deallocate()
        }
        let shared = Shared(outputs: outputs, moments: moments, failures: failures, overflows: overflows, errors: errors)
        let done = ProgressCounter(total: chunkCount, report: progress)
        let threads = min(settings.threads, chunkCount)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            // One scratch tile and one set of output pointers per worker, reused across its chunks.
            let tile = UnsafeMutablePointer<Double>.allocate(capacity: max(d * tileRows, 1))
            let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: max(m, 1))
            defer { tile.deallocate(); pointers.deallocate() }
            var k = worker
            while k < chunkCount {
                let range = ChunkMoments.range(chunk: k, of: n, chunks: chunkCount)
                do {
                    try runChunk(batch: batch, chunk: k, rows: range, tile: tile, pointers: pointers, distributions: distributions,
                                 correlation: correlation, model: model, settings: settings, shared: shared)
                } catch let error as InputError {
                    shared.errors[k] = error
                } catch {
                    shared.errors[k] = InputError(field: "simulation", expected: "no failure", found: "\(error)")
                }
                done.increment()
                k += threads
            }
        }
        for k in 0..<chunkCount {
            if let error = errors[k] { throw error }
            let (dim, _) = failures[k]
            if dim >= 0 {
                throw InputError(field: inputs[dim].name, expected: "a distribution GSL can invert at every probability",
                                 found: "\(inputs[dim].distribution) (inverse CDF not finite for some samples)")
            }
            if overflows[k] >= 0 {
                throw InputError(field: model.outputName(overflows[k]),
                                 expected: "finite results (check growth factors, years and input magnitudes for overflow)",
                                 found: "infinite or undefined values")
            }
        }
        for o in 0..<m {
            set.outputs[o].commit(n)
            set.chunkMoments[o].append(contentsOf: UnsafeBufferPointer(start: moments + o * chunkCount, count: chunkCount))
        }
    }

    /// Rows per tile: the tile's uniforms, inputs and outputs stay in the core's cache between sampling,
    /// the model and the moments. A multiple of four (``MomentAccumulator``'s lanes).
    static let tileRows = 1_024

    private static func runChunk(
        batch: Int, chunk k: Int, rows chunk: Range<Int>, tile x: UnsafeMutablePointer<Double>,
        pointers: UnsafeMutablePointer<UnsafeMutablePointer<Double>>, distributions: [Distribution],
        correlation: RankCorrelation?, model: some ChunkModel, settings: SimulationSettings, shared: Shared
    ) throws(InputError) {
        let chunkCount = min(settings.chunks, settings.samples), d = distributions.count, m = model.outputCount
        let rng = try RandomGenerator(settings.generator, seed: SeedSequence.seed(master: settings.seed, batch: batch, chunk: k))
        let design = try UniformDesign(method: settings.method, dimension: d, count: chunk.count, rng: rng)
        var accumulators = [MomentAccumulator](repeating: MomentAccumulator(), count: m)
        var row = chunk.lowerBound
        while row < chunk.upperBound {
            let rows = min(tileRows, chunk.upperBound - row)
            design.next(x, rows: rows)
            correlation?.apply(x, count: rows)
            for j in 0..<d {
                let column = x + j * rows
                distributions[j].quantiles(column, count: rows)
                // A non-finite quantile (GSL could not invert) is reported with the input's name.
                for i in 0..<rows where !column[i].isFinite {
                    if shared.failures[k].0 < 0 { shared.failures[k] = (j, .nan) }
                    break
                }
            }
            for o in 0..<m { pointers[o] = shared.outputs[o] + row }
            model.evaluate(inputs: x, count: rows, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
            for o in 0..<m { accumulators[o].add(UnsafeBufferPointer(start: pointers[o], count: rows)) }
            row += rows
        }
        for o in 0..<m {
            let moments = accumulators[o].moments
            if !moments.allFinite, shared.overflows[k] < 0 { shared.overflows[k] = o }
            shared.moments[o * chunkCount + k] = moments
        }
    }
}

/// Counts finished chunks and reports the fraction done.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private let total: Int
    private let report: (@Sendable (Double) -> Void)?

    init(total: Int, report: (@Sendable (Double) -> Void)?) {
        self.total = total
        self.report = report
    }

    func increment() {
        guard let report else { return }
        lock.lock()
        finished += 1
        let fraction = Double(finished) / Double(total)
        lock.unlock()
        report(fraction)
    }
}
