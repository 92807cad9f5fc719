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
    /// Runs a problem and stores every sample of every model column.
    ///
    /// A problem without uncertain inputs is evaluated once (every sample would be the same), and a
    /// precision target on a constant output is dropped (it is known exactly).
    /// - Parameters:
    ///   - problem: Inputs, correlations, model and outputs.
    ///   - settings: Samples, seed, design, generator, threads, stopping rule (its output is one of
    ///     the problem's, watched in the last period).
    ///   - observers: Consumers that see every tile's inputs and outputs (``SampleObserver``).
    ///   - progress: Called with the fraction done (0…1) as chunks finish; may be called from any thread.
    /// - Returns: The samples of every model column.
    /// - Throws: ``InputError`` naming the setting (`samples`, `threads`, `method`, `until`) or the input
    ///   whose inverse CDF failed, or the output that overflowed.
    public static func run(
        _ problem: SimulationProblem, settings: SimulationSettings, observers: [any SampleObserver] = [],
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InputError) -> SampleSet {
        let effective = try effective(settings, for: problem)
        var set: SampleSet
        do {
            set = try run(inputs: problem.inputs.map { ($0.name, $0.distribution) }, correlation: problem.correlation, model: problem.model,
                          settings: effective, observers: observers, progress: progress)
        } catch {
            throw problem.namingOverflowCauses(error)
        }
        // A target dropped on a constant output is met: that output is known exactly.
        if settings.until != nil && effective.until == nil { set.targetMet = true }
        return set
    }

    /// Runs a problem and summarises every model column, streaming when it can (see
    /// ``summarise(inputs:correlation:model:settings:designColumns:percentiles:columnPercentiles:bins:observers:progress:)``).
    /// - Parameters:
    ///   - problem: Inputs, correlations, model and outputs.
    ///   - settings: Samples, seed, design, generator, threads, stopping rule.
    ///   - percentiles: Percentiles to report, in (0, 100).
    ///   - observers: Consumers that see every tile's inputs and outputs (``SampleObserver``).
    ///   - progress: Called with the fraction done (0…1) as chunks finish; may be called from any thread.
    /// - Returns: One summary per model column (``SimulationProblem/summaries(of:percentiles:)`` arranges
    ///   them per period and output), the sample count and the batches run.
    /// - Throws: ``InputError`` as ``run(_:settings:observers:progress:)``.
    public static func summarise(
        _ problem: SimulationProblem, settings: SimulationSettings, percentiles: [Double] = OutputSummary.standardPercentiles,
        observers: [any SampleObserver] = [], progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InputError) -> SimulationSummary {
        let effective = try effective(settings, for: problem)
        var summary: SimulationSummary
        do {
            summary = try summarise(inputs: problem.inputs.map { ($0.name, $0.distribution) }, correlation: problem.correlation,
                                    model: problem.model, settings: effective, percentiles: percentiles, bins: problem.histogramBins,
                                    observers: observers, progress: progress)
        } catch {
            throw problem.namingOverflowCauses(error)
        }
        if settings.until != nil && effective.until == nil { summary.targetMet = true }
        return summary
    }

    /// The settings a problem runs with: its precision target bound to a model column (or dropped for a
    /// constant output), and one sample when nothing is uncertain.
    static func effective(_ settings: SimulationSettings, for problem: SimulationProblem) throws(InputError) -> SimulationSettings {
        var settings = settings
        if var target = settings.until?.watching(problem.outputs) {
            if let column = try problem.column(for: target) {
                target.outputIndex = column
                settings.until = target
            } else {
                settings.until = nil
            }
        }
        if problem.inputs.isEmpty {
            settings.samples = Swift.min(settings.samples, 1)
            settings.until = nil
        }
        return settings
    }

    /// Runs a simulation.
    /// - Parameters:
    ///   - inputs: The uncertain inputs (name, distribution), one column each.
    ///   - correlation: Optional rank correlations among them.
    ///   - model: The model.
    ///   - settings: Samples, seed, design, generator, threads, stopping rule.
    ///   - designColumns: For each input, the column of the uniform design it takes its uniforms from (at most
    ///     its own index; the design has as many columns as the largest plus one), or nil for one design
    ///     column each. Two inputs on one design column share their uniforms (common random numbers).
    ///   - progress: Called with the fraction done (0…1) as chunks finish; may be called from any thread.
    /// - Returns: The samples of every output.
    /// - Throws: ``InputError`` for invalid settings, or when an input's inverse CDF fails in GSL.
    static func run(
        inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation? = nil, model: some ChunkModel,
        settings: SimulationSettings, designColumns: [Int]? = nil, observers: [any SampleObserver] = [],
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InputError) -> SampleSet {
        try validate(settings, designDimension: designDimension(inputs.count, designColumns), outputCount: model.outputCount,
                     storing: true)
        let capacity = settings.until == nil ? settings.samples : settings.samples * 4
        var set = SampleSet(outputs: (0..<model.outputCount).map { _ in SampleColumn(capacity: capacity) },
                            chunkMoments: Array(repeating: [], count: model.outputCount), batches: 0)
        var batch = 0, checked = 0
        repeat {
            try runBatch(batch, inputs: inputs, correlation: correlation, model: model, settings: settings, designColumns: designColumns,
                         observers: observers, into: &set, progress: progress)
            batch += 1
            set.batches = batch
            guard let target = settings.until else { break }
            let last = set.count + settings.samples > settings.maxSamples
            guard last || PrecisionTarget.isDue(afterBatch: batch, lastChecked: checked) else { continue }
            checked = batch
            let met = target.isMet(by: set)
            set.targetMet = met
            if met || last { break }
        } while true
        return set
    }

    /// Checks settings before any work: sample and thread counts, the Sobol' dimension, and, when every
    /// sample is to be stored, that they fit in available memory.
    private static func validate(_ settings: SimulationSettings, designDimension: Int, outputCount: Int, storing: Bool) throws(InputError) {
        GSLRuntime.prepare()
        guard settings.samples >= 1 else {
            throw InputError(field: "samples", expected: "a whole number of at least 1", found: "\(settings.samples)")
        }
        // One sample of uncertain inputs has no spread: its sd and mcse would read 0, as if the result were known.
        guard settings.samples >= 2 || designDimension == 0 else {
            throw InputError(field: "samples", expected: "at least 2 with uncertain inputs (one sample has no sd or mcse)",
                             found: "\(settings.samples)")
        }
        if storing {
            let planned = settings.until == nil ? settings.samples : max(settings.samples, settings.maxSamples)
            try MemoryBudget.require(samples: planned, bytesPerSample: Double(max(outputCount, 1)) * 8,
                                     field: settings.until == nil ? "samples" : "max_samples",
                                     holding: "\(outputCount) outputs × 8 bytes each")
        }
        guard settings.threads >= 1 else {
            throw InputError(field: "threads", expected: "a whole number of at least 1", found: "\(settings.threads)")
        }
        // A cap below one batch would be ignored (the first batch always runs): refused rather than read wrongly.
        if settings.until != nil, settings.maxSamples < settings.samples {
            throw InputError(field: "max_samples", expected: "at least samples (\(settings.samples)), the size of one batch",
                             found: "\(settings.maxSamples)")
        }
        // Every batch keeps its chunks' moments and costs a fixed overhead: `--samples 2` under the default cap
        // was 10 million batches and ran for hours. At most ``maximumBatches`` (a batch of at least 1,000 under
        // the default 20M; the default 100,000 a batch makes 200).
        let least = settings.maxSamples / maximumBatches + (settings.maxSamples % maximumBatches == 0 ? 0 : 1)
        if settings.until != nil, settings.samples < least {
            func n(_ x: Int) -> String { ReadableQuantity.number(Double(x), significant: 12) }
            throw InputError(field: "samples", expected: "a batch of at least \(n(least)) with a precision target and max_samples "
                                 + "\(n(settings.maxSamples)) (at most \(n(maximumBatches)) batches), or a lower max_samples", found: "\(n(settings.samples))")
        }
        if settings.method == .sobol, designDimension > SobolSequence.maxDimension {
            throw InputError(field: "method", expected: "at most 40 uncertain inputs for sobol (use mc or lhs)",
                             found: "\(designDimension) uncertain inputs")
        }
    }

    /// Columns of the uniform design for `inputs` inputs mapped by `designColumns` (see
    /// ``run(inputs:correlation:model:settings:designColumns:observers:progress:)``).
    static func designDimension(_ inputs: Int, _ designColumns: [Int]?) -> Int {
        guard let designColumns else { return inputs }
        precondition(designColumns.count == inputs && designColumns.enumerated().allSatisfy { $0.element >= 0 && $0.element <= $0.offset },
                     "each input takes a design column at most its own index")
        return (designColumns.max() ?? -1) + 1
    }

    /// Runs a simulation and summarises every output, without storing every sample when it can.
    ///
    /// Runs of at least ``streamingThreshold`` samples without a precision target are streamed: the first
    /// chunk is run and stored as a pilot, which sets each output's ``CountingBins``; every other chunk
    /// is counted into the binnings, keeping only the samples of the cells that may hold a wanted
    /// percentile, from which the order statistics are selected exactly. Memory is then the pilot plus
    /// the kept samples (a few percent) instead of every sample, which also spares the time of first
    /// touching that memory. When a wanted order statistic is found outside the kept cells (the pilot
    /// misled, e.g. by a rare atom of a discrete input), the run is repeated storing every sample. Either
    /// way the summaries are identical: the same samples, moments, order statistics and bins. An output the
    /// stored chunks show to be constant, or a copy of an earlier output, is checked tile by tile rather
    /// than counted (``OutputShape``), with the same fallback if a tile breaks that shape.
    ///
    /// With a precision target and batches of at least ``streamingThreshold`` samples, only the watched
    /// output is stored past the first batch (its stopping rule needs every sample); every other output is
    /// counted as above, its kept cells judged from the whole first batch, with the same fallback and the
    /// same summaries (when that needs less memory than storing every output: two outputs or more).
    /// - Parameters:
    ///   - inputs: The uncertain inputs (name, distribution), one column each.
    ///   - correlation: Optional rank correlations among them.
    ///   - model: The model.
    ///   - settings: Samples, seed, design, generator, threads, stopping rule.
    ///   - percentiles: Percentiles to report, in (0, 100).
    ///   - columnPercentiles: Per model column, the percentiles it needs when streamed, if fewer than
    ///     `percentiles` (fewer kept samples); nil for `percentiles` everywhere. A stored run reports
    ///     `percentiles` for every column, so a column's wanted percentiles must be among them.
    ///   - bins: Histogram bins (0 for none).
    ///   - progress: Called with the fraction done (0…1) as chunks finish; may be called from any thread.
    /// - Returns: One summary per output, the sample count and the batches run.
    /// - Throws: ``InputError`` for invalid settings, or when an input's inverse CDF fails in GSL.
    static func summarise(
        inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation? = nil, model: some ChunkModel,
        settings: SimulationSettings, designColumns: [Int]? = nil, percentiles: [Double] = OutputSummary.standardPercentiles,
        columnPercentiles: [[Double]]? = nil, bins: Int = 30, observers: [any SampleObserver] = [],
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(InputError) -> SimulationSummary {
        if settings.samples >= streamingThreshold {
            try validate(settings, designDimension: designDimension(inputs.count, designColumns), outputCount: model.outputCount,
                         storing: false)
            let wanted = columnPercentiles ?? Array(repeating: percentiles, count: model.outputCount)
            if settings.until == nil {
                if let summary = try stream(inputs: inputs, correlation: correlation, model: model, settings: settings,
                                            designColumns: designColumns, percentiles: wanted, bins: bins, observers: observers,
                                            progress: progress) {
                    return summary
                }
            } else if let summary = try watch(inputs: inputs, correlation: correlation, model: model, settings: settings,
                                              designColumns: designColumns, percentiles: percentiles, columnPercentiles: wanted,
                                              bins: bins, observers: observers, progress: progress) {
                return summary
            }
        }
        let set = try run(inputs: inputs, correlation: correlation, model: model, settings: settings, designColumns: designColumns,
                          observers: observers, progress: progress)
        return SimulationSummary(outputs: OutputSummary.all(set, percentiles: percentiles, bins: bins, threads: settings.threads),
                                 count: set.count, batches: set.batches, streamed: false, targetMet: set.targetMet)
    }

    /// Smallest run that ``summarise(inputs:correlation:model:settings:designColumns:percentiles:columnPercentiles:bins:observers:progress:)``
    /// streams: below it, storing every sample costs little.
    public static let streamingThreshold = 1 << 16

    /// Most batches a run with a precision target may add up to (``SimulationSettings/maxSamples`` over
    /// ``SimulationSettings/samples``): every batch keeps its chunks' moments, and each costs a fixed overhead.
    public static let maximumBatches = 20_000

    /// The streamed run of ``summarise(inputs:correlation:model:settings:designColumns:percentiles:columnPercentiles:bins:observers:progress:)``;
    /// nil when a wanted order statistic was not kept, or a tile broke the shape the stored chunks showed
    /// of an output (``OutputShape``: a constant or a copy of an earlier output, checked rather than counted).
    private static func stream(
        inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation?, model: some ChunkModel,
        settings: SimulationSettings, designColumns: [Int]?, percentiles: [[Double]], bins: Int, observers: [any SampleObserver],
        progress: (@Sendable (Double) -> Void)?
    ) throws(InputError) -> SimulationSummary? {
        let n = settings.samples, chunkCount = min(settings.chunks, n), m = model.outputCount
        let threads = max(1, min(settings.threads, chunkCount))
        let shared = Shared(chunks: chunkCount, outputs: m)
        defer { shared.deallocate() }
        let done = ProgressCounter(total: chunkCount, report: progress)
        // The first chunk of each of up to four workers is stored (so they need not wait for the pilot);
        // chunk 0 is the pilot that sets the binnings.
        let prelude = min(threads, chunkCount, 4)
        let storedRows = ChunkMoments.range(chunk: prelude - 1, of: n, chunks: chunkCount).upperBound
        let pilotRows = ChunkMoments.range(chunk: 0, of: n, chunks: chunkCount).count
        // One tally per worker and output; a worker keeping more than its share of half the samples gives
        // up keeping (the run is then repeated storing every sample). Kept cells hold about 4% of the
        // samples at 10 million and about 15% at 1 million (the pilot is a 32nd of the run).
        let keepLimit = max(n / 2 / threads, 1 << 16)
        // Refuse runs whose stored chunks and kept samples (at their limit) cannot fit in memory.
        let bytes = (Double(storedRows) + Double(threads) * Double(keepLimit)) * Double(max(m, 1)) * 8
        try MemoryBudget.require(samples: n, bytesPerSample: bytes / Double(n), field: "samples",
                                 holding: "the first \(prelude) of \(chunkCount) chunks and up to half of the samples of a streamed run")
        let stored = UnsafeMutablePointer<Double>.allocate(capacity: max(m * storedRows, 1))
        defer { stored.deallocate() }
        for observer in observers { observer.begin(batch: 0, chunks: chunkCount, inputs: inputs.count, outputs: m) }
        runChunks(0..<prelude, batch: 0, samples: n, inputs: inputs, correlation: correlation, model: model, settings: settings,
                  designColumns: designColumns, sink: .store((0..<m).map { stored + $0 * storedRows }), observers: observers, shared: shared, threads: prelude, done: done)
        try check(0..<prelude, shared: shared, inputs: inputs, model: model)
        let pilot = SharedSlots(base: stored)
        // Constants and copies of earlier outputs are checked, not counted, from here on (OutputShape).
        let shapes = OutputShape.detect(stored: stored, rows: storedRows, outputs: m, percentiles: percentiles)
        let counted = (0..<m).filter { shapes[$0] == .sampled }
        let own = parallelMap(m, threads: threads) { o -> CountingBins? in
            if case .copy = shapes[o] { return nil }
            return CountingBins(pilot: UnsafeBufferPointer(start: pilot.base + o * storedRows, count: pilotRows),
                                samples: n, percentiles: percentiles[o], bins: max(bins, 1))
        }
        // A copy's binning is its source's (the same pilot values give the same binning).
        let binnings = (0..<m).map { o in
            if case .copy(let source) = shapes[o] { return own[source]! }
            return own[o]!
        }
        let tallies = Tallies(workers: threads, binnings: binnings, keepLimit: keepLimit)
        defer { tallies.deallocate() }
        // The stored chunks counted into worker 0's tallies, one output per task on the run's threads.
        DispatchQueue.concurrentPerform(iterations: min(threads, counted.count)) { w in
            for o in roundRobin(counted.indices, worker: w, workers: min(threads, counted.count)).map({ counted[$0] }) {
                tallies.base[o].add(UnsafeBufferPointer(start: pilot.base + o * storedRows, count: storedRows), binning: binnings[o])
            }
        }
        // Room for each worker's kept samples, at the share the stored chunks kept (and a tenth more),
        // so that keeping never copies them as the arrays grow.
        let shares = (0..<m).map { Double(tallies.base[$0].kept.count) / Double(storedRows) }
        for w in 0..<threads {
            let rows = roundRobin(prelude..<chunkCount, worker: w, workers: threads)
                .reduce(0) { $0 + ChunkMoments.range(chunk: $1, of: n, chunks: chunkCount).count }
            for o in counted {
                tallies.base[w * m + o].reserve(tallies.base[w * m + o].kept.count + Int(shares[o] * 1.1 * Double(rows)) + 4_096)
            }
        }
        // The binnings' layouts point into their codes: the binnings live until the end of this function.
        binnings.map(\.layout).withUnsafeBufferPointer { layouts in
            runChunks(prelude..<chunkCount, batch: 0, samples: n, inputs: inputs, correlation: correlation, model: model,
                      settings: settings, designColumns: designColumns, sink: .tally(layouts: layouts, tallies: tallies.base, shapes: shapes),
                      observers: observers, shared: shared, threads: threads, done: done)
        }
        try check(0..<chunkCount, shared: shared, inputs: inputs, model: model)
        for observer in observers { observer.end(batch: 0) }
        // A tile that broke its output's shape: the pilot misled, and the caller stores every sample.
        guard !(prelude..<chunkCount).contains(where: { shared.broken[$0] }) else { return nil }
        for o in 0..<m {
            if case .constant(let value) = shapes[o] { tallies.base[o].add(repeating: value, count: n, binning: binnings[o]) }
        }
        // Each output's summary on its own (in parallel; none depends on the thread count); a copy's from its
        // source's tallies.
        let summaries = parallelMap(m, threads: settings.threads) { o -> OutputSummary? in
            var counts = o
            if case .copy(let source) = shapes[o] { counts = source }
            return tallies.summary(counts, count: n, moments: Array(UnsafeBufferPointer(start: shared.moments + o * chunkCount, count: chunkCount)),
                                   percentiles: percentiles[o], bins: bins)
        }
        guard summaries.allSatisfy({ $0 != nil }) else { return nil }
        return SimulationSummary(outputs: summaries.map { $0! }, count: n, batches: 1, streamed: true)
    }

    /// The run of a precision target, storing compactly: batch 0 stored whole (as without streaming); if
    /// the target is not met, each other output's ``CountingBins`` takes its histogram edges from the first
    /// chunk (as a stored run's) and its kept cells from the whole first batch (narrower cells: about a fifth
    /// of the samples are kept at 70,000 a batch, two thirds if judged from the first chunk), batch 0 is
    /// counted into them and dropped, and every later batch stores only the watched output and counts the
    /// others. The stopping rule sees the watched output's every sample, as before, so the run stops after
    /// the same batch.
    /// - Returns: Summaries identical to those of the stored run (``run(inputs:correlation:model:settings:designColumns:observers:progress:)``
    ///   then ``OutputSummary/all(_:percentiles:bins:threads:)``); nil, before any work, when this would not
    ///   need less memory than storing every output (a single output, or batches above about a quarter of
    ///   `maxSamples` with two), and after the run when a wanted order statistic was not kept (the caller
    ///   then runs storing every sample).
    private static func watch(
        inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation?, model: some ChunkModel,
        settings: SimulationSettings, designColumns: [Int]?, percentiles: [Double], columnPercentiles: [[Double]], bins: Int,
        observers: [any SampleObserver], progress: (@Sendable (Double) -> Void)?
    ) throws(InputError) -> SimulationSummary? {
        guard let target = settings.until else { return nil }
        let n = settings.samples, m = model.outputCount, watched = target.outputIndex, chunkCount = min(settings.chunks, n)
        let threads = max(1, min(settings.threads, chunkCount))
        // Batch 0 and the watched output at most, stored; the others kept up to half their samples (a worker
        // keeping more than its share gives up, and the run is repeated storing every sample).
        let keepLimit = max(settings.maxSamples / 2 / threads, 1 << 16)
        let bytes = Double(n) * Double(m) * 8 + Double(settings.maxSamples) * 8 * (1 + Double(max(m - 1, 0)) / 2)
        guard bytes < Double(max(n, settings.maxSamples)) * Double(m) * 8 else { return nil }
        try MemoryBudget.require(samples: settings.maxSamples, bytesPerSample: bytes / Double(settings.maxSamples), field: "max_samples",
                                 holding: "the first batch, the watched output and up to half of the other outputs' samples")
        var set = SampleSet(outputs: (0..<m).map { _ in SampleColumn(capacity: n) }, chunkMoments: Array(repeating: [], count: m), batches: 0)
        try runBatch(0, inputs: inputs, correlation: correlation, model: model, settings: settings, designColumns: designColumns,
                     observers: observers, into: &set, progress: progress)
        set.batches = 1
        var met = target.isMet(by: set)
        if met || n + n > settings.maxSamples {
            return SimulationSummary(outputs: OutputSummary.all(set, percentiles: percentiles, bins: bins, threads: settings.threads),
                                     count: n, batches: 1, streamed: false, targetMet: met)
        }
        // Binnings from batch 0: edges from its first chunk, kept cells from all of it.
        let pilotRows = ChunkMoments.range(chunk: 0, of: n, chunks: chunkCount).count
        let binnings: [CountingBins], tallies: Tallies
        do {
            // Batch 0's columns, released at the end of this block (then only the watched one is held).
            let columns = set.outputs
            binnings = parallelMap(m, threads: threads) { o in
                columns[o].withUnsafeBufferPointer { values in
                    // The run counts at least two batches by now.
                    CountingBins(edges: UnsafeBufferPointer(rebasing: values[0..<pilotRows]), keeping: values, samples: 2 * n,
                                 percentiles: columnPercentiles[o], bins: max(bins, 1))
                }
            }
            tallies = Tallies(workers: threads, binnings: binnings, keepLimit: keepLimit)
            // Batch 0 counted into worker 0's tallies, one output per task.
            let binned = binnings, first = tallies
            DispatchQueue.concurrentPerform(iterations: min(threads, m)) { w in
                for o in roundRobin(0..<m, worker: w, workers: min(threads, m)) where o != watched {
                    columns[o].withUnsafeBufferPointer { first.base[o].add($0, binning: binned[o]) }
                }
            }
            for o in 0..<m where o != watched { set.outputs[o] = SampleColumn(capacity: 1) }
        }
        defer { tallies.deallocate() }
        var total = n, checked = 1, last = false
        repeat {
            try runBatch(set.batches, inputs: inputs, correlation: correlation, model: model, settings: settings,
                         designColumns: designColumns, observers: observers, into: &set, progress: progress,
                         counting: (watched, binnings, tallies.base))
            set.batches += 1
            total += n
            last = total + n > settings.maxSamples
            // Checked after the same batches as the stored run (PrecisionTarget.isDue), so both stop together.
            if last || PrecisionTarget.isDue(afterBatch: set.batches, lastChecked: checked) {
                checked = set.batches
                met = target.isMet(by: set)
            }
        } while !met && !last
        // Each output's summary: the watched one from its samples (as a stored run), the others from their
        // tallies.
        let watchedSet = set, count = total
        let summaries = parallelMap(m, threads: settings.threads) { o -> OutputSummary? in
            if o == watched { return OutputSummary(watchedSet, output: o, percentiles: percentiles, bins: bins) }
            return tallies.summary(o, count: count, moments: watchedSet.chunkMoments[o], percentiles: columnPercentiles[o], bins: bins)
        }
        guard summaries.allSatisfy({ $0 != nil }) else { return nil }
        return SimulationSummary(outputs: summaries.map { $0! }, count: total, batches: set.batches, streamed: true, targetMet: met)
    }

    /// The tallies of a counted run, one per worker and output (`base[worker × outputs + output]`), each
    /// written by its worker only.
    private struct Tallies: @unchecked Sendable {
        let base: UnsafeMutablePointer<BinTally>
        let workers: Int
        let outputs: Int
        /// Each output's binning.
        let binnings: [CountingBins]

        init(workers: Int, binnings: [CountingBins], keepLimit: Int) {
            self.workers = workers
            self.binnings = binnings
            outputs = binnings.count
            base = .allocate(capacity: max(workers * outputs, 1))
            for w in 0..<workers {
                for o in 0..<outputs { (base + w * outputs + o).initialize(to: BinTally(binning: binnings[o], keepLimit: keepLimit)) }
            }
        }

        func deallocate() {
            base.deinitialize(count: workers * outputs)
            base.deallocate()
        }

        /// Output `o`'s summary from its tallies merged over the workers, with its chunk moments; nil when a
        /// wanted order statistic was not kept.
        func summary(_ o: Int, count: Int, moments: [ChunkMoments], percentiles: [Double], bins: Int) -> OutputSummary? {
            var tally = base[o]
            for w in 1..<workers { tally.merge(base[w * outputs + o]) }
            let binning = binnings[o]
            return OutputSummary(count: count, moments: moments, percentiles: percentiles,
                                 orderStatistics: { tally.orderStatistics($0, binning: binning) },
                                 histogram: bins > 0 ? tally.histogram(binning: binning) : nil)
        }
    }

    /// Per-chunk results of one batch, written by the workers (each chunk by exactly one).
    private struct Shared: @unchecked Sendable {
        let moments: UnsafeMutablePointer<ChunkMoments>
        let failures: UnsafeMutablePointer<(Int, Double)>
        let overflows: UnsafeMutablePointer<Int>
        let errors: UnsafeMutablePointer<InputError?>
        /// Per chunk, whether a tile broke an output's shape (``Sink/tally(layouts:tallies:shapes:)``).
        let broken: UnsafeMutablePointer<Bool>
        let chunks: Int

        init(chunks: Int, outputs m: Int) {
            self.chunks = chunks
            broken = .allocate(capacity: chunks)
            broken.initialize(repeating: false, count: chunks)
            moments = .allocate(capacity: chunks * max(m, 1))
            failures = .allocate(capacity: chunks)
            failures.initialize(repeating: (-1, 0), count: chunks)
            overflows = .allocate(capacity: chunks)
            overflows.initialize(repeating: -1, count: chunks)
            errors = .allocate(capacity: chunks)
            errors.initialize(repeating: nil, count: chunks)
        }

        func deallocate() {
            moments.deallocate(); failures.deallocate(); overflows.deallocate(); broken.deallocate()
            errors.deinitialize(count: chunks); errors.deallocate()
        }
    }

    /// Where a chunk's outputs go.
    private enum Sink: @unchecked Sendable {
        /// Every output to its column: per output, where row 0 of the batch goes.
        case store([UnsafeMutablePointer<Double>])
        /// Counted into per-worker tallies (`tallies[worker × outputs + output]`) on each output's bins (their
        /// ``CountingBins/Layout``s, so that a tile copies no binning and changes no reference count); an
        /// output whose shape is not ``OutputShape/sampled`` is only checked (a tile that breaks it marks
        /// its chunk ``Shared/broken``), and a copy's moments are its source's.
        case tally(layouts: UnsafeBufferPointer<CountingBins.Layout>, tallies: UnsafeMutablePointer<BinTally>, shapes: [OutputShape])
        /// Output `watched` to its column (where row 0 of the batch goes), every other output counted as
        /// in ``tally(layouts:tallies:shapes:)``: a precision target's batches.
        case watch(watched: Int, column: UnsafeMutablePointer<Double>, layouts: UnsafeBufferPointer<CountingBins.Layout>,
                   tallies: UnsafeMutablePointer<BinTally>)
    }

    /// Runs batch `batch` and appends it to `set`: every output stored, or, when `counting`, only the watched
    /// output stored and the others counted into the tallies (``Sink/watch(watched:column:layouts:tallies:)``).
    /// Every output's chunk moments are appended either way; `progress` is told the run's fraction done
    /// (of `maxSamples` when a precision target may add batches).
    private static func runBatch(
        _ batch: Int, inputs: [(name: String, distribution: Distribution)], correlation: RankCorrelation?,
        model: some ChunkModel, settings: SimulationSettings, designColumns: [Int]?, observers: [any SampleObserver],
        into set: inout SampleSet, progress: (@Sendable (Double) -> Void)?,
        counting: (watched: Int, binnings: [CountingBins], tallies: UnsafeMutablePointer<BinTally>)? = nil
    ) throws(InputError) {
        let n = settings.samples, chunkCount = min(settings.chunks, n), m = model.outputCount
        let shared = Shared(chunks: chunkCount, outputs: m)
        defer { shared.deallocate() }
        let done = Double(batch * n), total = Double(settings.until == nil ? n : settings.maxSamples)
        let report = progress.map { report in { @Sendable (fraction: Double) in report(min(1, (done + fraction * Double(n)) / total)) } }
        let columns = counting.map { [set.outputs[$0.watched].reserve(n)] } ?? set.outputs.map { $0.reserve(n) }
        for observer in observers { observer.begin(batch: batch, chunks: chunkCount, inputs: inputs.count, outputs: m) }
        // The binnings' layouts point into their codes: the caller keeps the binnings alive.
        (counting?.binnings ?? []).map(\.layout).withUnsafeBufferPointer { layouts in
            let sink: Sink = counting.map { .watch(watched: $0.watched, column: columns[0], layouts: layouts, tallies: $0.tallies) }
                ?? .store(columns)
            runChunks(0..<chunkCount, batch: batch, samples: n, inputs: inputs, correlation: correlation, model: model,
                      settings: settings, designColumns: designColumns, sink: sink, observers: observers, shared: shared,
                      threads: min(settings.threads, chunkCount), done: ProgressCounter(total: chunkCount, report: report))
        }
        try check(0..<chunkCount, shared: shared, inputs: inputs, model: model)
        for observer in observers { observer.end(batch: batch) }
        for o in 0..<m {
            if counting == nil || o == counting?.watched { set.outputs[o].commit(n) }
            set.chunkMoments[o].append(contentsOf: UnsafeBufferPointer(start: shared.moments + o * chunkCount, count: chunkCount))
        }
    }

    /// Runs chunks `chunks` of a batch of `n` samples on `threads` workers, shared out by
    /// ``roundRobin(_:worker:workers:)``.
    private static func runChunks(
        _ chunks: Range<Int>, batch: Int, samples n: Int, inputs: [(name: String, distribution: Distribution)],
        correlation: RankCorrelation?, model: some ChunkModel, settings: SimulationSettings, designColumns: [Int]?, sink: Sink,
        observers: [any SampleObserver], shared: Shared, threads: Int, done: ProgressCounter
    ) {
        let distributions = inputs.map { PreparedDistribution($0.distribution) }, d = inputs.count, m = model.outputCount
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            // Scratch per worker, reused across its chunks: the inputs tile, the outputs tile when counting,
            // and one pointer per output.
            let tile = UnsafeMutablePointer<Double>.allocate(capacity: max(d * tileRows, 1))
            let outputTile = UnsafeMutablePointer<Double>.allocate(capacity: max(m * tileRows, 1))
            let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: max(m, 1))
            defer { tile.deallocate(); outputTile.deallocate(); pointers.deallocate() }
            // Each input's prepared distribution read in place (an array's element would be copied out, and
            // its table's reference count bumped, by both workers on one cache line, at every tile).
            distributions.withUnsafeBufferPointer { distributions in
                for k in roundRobin(chunks, worker: worker, workers: threads) {
                    do {
                        try runChunk(batch: batch, chunk: k, rows: ChunkMoments.range(chunk: k, of: n, chunks: shared.chunks), tile: tile,
                                     outputTile: outputTile, pointers: pointers, distributions: distributions, correlation: correlation,
                                     model: model, settings: settings, designColumns: designColumns, sink: sink, observers: observers, worker: worker, shared: shared)
                    } catch let error as InputError {
                        shared.errors[k] = error
                    } catch {
                        shared.errors[k] = InputError(field: "simulation", expected: "no failure", found: "\(error)")
                    }
                    done.increment()
                }
            }
        }
    }

    /// Throws the first failure of chunks `chunks`, in chunk order.
    private static func check(
        _ chunks: Range<Int>, shared: Shared, inputs: [(name: String, distribution: Distribution)], model: some ChunkModel
    ) throws(InputError) {
        for k in chunks {
            if let error = shared.errors[k] { throw error }
            let (dim, _) = shared.failures[k]
            if dim >= 0 {
                throw InputError(field: inputs[dim].name, expected: "a distribution GSL can invert at every probability",
                                 found: "\(inputs[dim].distribution) (inverse CDF not finite for some samples)")
            }
            if shared.overflows[k] >= 0 {
                throw InputError.overflow(output: model.outputName(shared.overflows[k]), causes: InputError.extremeInputs(inputs))
            }
        }
    }

    /// Whether every value is finite, in one vectorised pass: x × 0 is 0 for a finite x and NaN for an
    /// infinite or NaN one, and a sum holding a NaN stays NaN.
    /// Sixteen values a step into four independent sums, so that the additions do not wait on each other.
    static func allFinite(_ values: UnsafePointer<Double>, count: Int) -> Bool {
        var a = SIMD4<Double>(), b = SIMD4<Double>(), c = SIMD4<Double>(), d = SIMD4<Double>()
        let raw = UnsafeRawPointer(values)
        let sixteens = count & ~15, whole = count & ~3
        var i = 0
        while i < sixteens {
            a += raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self) * 0
            b += raw.loadUnaligned(fromByteOffset: (i + 4) * 8, as: SIMD4<Double>.self) * 0
            c += raw.loadUnaligned(fromByteOffset: (i + 8) * 8, as: SIMD4<Double>.self) * 0
            d += raw.loadUnaligned(fromByteOffset: (i + 12) * 8, as: SIMD4<Double>.self) * 0
            i += 16
        }
        while i < whole {
            a += raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self) * 0
            i += 4
        }
        var rest = 0.0
        for r in whole..<count { rest += values[r] * 0 }
        return ((a + b) + (c + d)).sum() + rest == 0
    }

    /// Rows per tile: the tile's uniforms, inputs and outputs stay in the core's cache between sampling,
    /// the model and the moments. A multiple of four (``MomentAccumulator``'s lanes).
    static let tileRows = 1_024

    private static func runChunk(
        batch: Int, chunk k: Int, rows chunk: Range<Int>, tile x: UnsafeMutablePointer<Double>,
        outputTile: UnsafeMutablePointer<Double>, pointers: UnsafeMutablePointer<UnsafeMutablePointer<Double>>,
        distributions: UnsafeBufferPointer<PreparedDistribution>, correlation: RankCorrelation?, model: some ChunkModel, settings: SimulationSettings,
        designColumns: [Int]?, sink: Sink, observers: [any SampleObserver], worker: Int, shared: Shared
    ) throws(InputError) {
        let chunkCount = shared.chunks, d = distributions.count, m = model.outputCount
        let rng = try RandomGenerator(settings.generator, seed: SeedSequence.seed(master: settings.seed, batch: batch, chunk: k))
        let design = try UniformDesign(method: settings.method, dimension: designDimension(d, designColumns), count: chunk.count, rng: rng)
        var accumulators = [MomentAccumulator](repeating: MomentAccumulator(), count: m)
        var row = chunk.lowerBound
        while row < chunk.upperBound {
            let rows = min(tileRows, chunk.upperBound - row)
            design.next(x, rows: rows)
            if let designColumns {
                // Each input's uniforms from its design column; from the last input down, so that a design
                // column (at most the input's own index) is read before it is overwritten.
                for j in stride(from: d - 1, through: 0, by: -1) where designColumns[j] != j {
                    (x + j * rows).update(from: x + designColumns[j] * rows, count: rows)
                }
            }
            correlation?.apply(x, count: rows)
            for j in 0..<d {
                let column = x + j * rows
                distributions[j].quantiles(column, count: rows)
                // A non-finite quantile (GSL could not invert) is reported with the input's name.
                if !allFinite(column, count: rows), shared.failures[k].0 < 0 { shared.failures[k] = (j, .nan) }
            }
            switch sink {
            case .store(let bases): for o in 0..<m { pointers[o] = bases[o] + row }
            case .tally: for o in 0..<m { pointers[o] = outputTile + o * tileRows }
            case .watch(let watched, let column, _, _):
                for o in 0..<m { pointers[o] = outputTile + o * tileRows }
                pointers[watched] = column + row
            }
            model.evaluate(inputs: x, count: rows, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
            // Each output's moments, and its counts when counting, one output after the other while it is in
            // the core's first-level cache; then the observers.
            if case .tally(let layouts, let tallies, let shapes) = sink {
                let outputs = UnsafeMutableBufferPointer(start: pointers, count: m)
                for o in 0..<m {
                    let values = UnsafeBufferPointer(start: pointers[o], count: rows)
                    switch shapes[o] {
                    case .sampled:
                        accumulators[o].add(values)
                        tallies[worker * m + o].add(values, layout: layouts[o])
                    case .constant:
                        accumulators[o].add(values)
                        if !shapes[o].holds(pointers[o], rows: rows, outputs: outputs) { shared.broken[k] = true }
                    case .copy:
                        if !shapes[o].holds(pointers[o], rows: rows, outputs: outputs) { shared.broken[k] = true }
                    }
                }
            } else if case .watch(let watched, _, let layouts, let tallies) = sink {
                for o in 0..<m {
                    let values = UnsafeBufferPointer(start: pointers[o], count: rows)
                    accumulators[o].add(values)
                    if o != watched { tallies[worker * m + o].add(values, layout: layouts[o]) }
                }
            } else {
                for o in 0..<m { accumulators[o].add(UnsafeBufferPointer(start: pointers[o], count: rows)) }
            }
            for observer in observers {
                observer.observe(batch: batch, chunk: k, firstRow: row, inputs: x,
                                 outputs: UnsafeBufferPointer(start: pointers, count: m), rows: rows)
            }
            row += rows
        }
        if case .tally(_, _, let shapes) = sink {
            // A copy's values are its source's (or the chunk is broken): so are its moments.
            for o in 0..<m { if case .copy(let source) = shapes[o] { accumulators[o] = accumulators[source] } }
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
