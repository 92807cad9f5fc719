import Foundation

/// Summary statistics of one output's samples, with honest Monte Carlo error estimates.
///
/// - Mean and standard deviation: chunk moments combined in chunk order (Chan et al. 1979).
/// - `mcse` (standard error of the mean): the spread of the chunk means, `sd(chunk means) / √K`, which
///   is valid for Monte Carlo and for the randomised Latin hypercube and Sobol' designs, whose chunks
///   are independent replicates. With a single chunk, `sd / √n`.
/// - Percentiles: linear interpolation between order statistics (Hyndman & Fan 1996, type 7, as NumPy),
///   with a distribution-free 95% interval from the order statistics at ranks `np ∓ 1.96 √(np(1−p))`
///   (Conover 1999, §3.2); for LHS and Sobol' this interval is conservative.
public struct OutputSummary: Sendable {
    /// One percentile estimate with its 95% interval.
    public struct Percentile: Sendable, Hashable {
        /// The percentile, e.g. 95.
        public var percent: Double
        /// The estimate.
        public var value: Double
        /// Lower end of the 95% interval.
        public var lower95: Double
        /// Upper end of the 95% interval.
        public var upper95: Double
        /// Half the width of the 95% interval.
        public var halfWidth95: Double { (upper95 - lower95) / 2 }
        /// Standard error estimate: the interval's width / (2 × 1.96).
        public var standardError: Double { (upper95 - lower95) / (2 * 1.959963984540054) }
    }

    /// Samples summarised.
    public var count: Int
    /// Sample mean.
    public var mean: Double
    /// Sample standard deviation (n − 1).
    public var sd: Double
    /// Monte Carlo standard error of the mean.
    public var mcse: Double
    /// Smallest and largest sample.
    public var min: Double, max: Double
    /// Requested percentiles, ascending.
    public var percentiles: [Percentile]
    /// Histogram: `bins` equal-width bins between the 0.5th and 99.5th percentiles of the run's first
    /// chunk (its pilot, ``CountingBins``); bin edges and counts over all samples. Samples outside are
    /// counted in `below` and `above`. Empty when no histogram was asked for.
    public var histogramEdges: [Double]
    /// Samples per histogram bin.
    public var histogramCounts: [Int]
    /// Samples below the first and at or above the last histogram edge.
    public var below: Int, above: Int

    /// The standard percentiles reported for every output.
    public static let standardPercentiles: [Double] = [5, 25, 50, 75, 95]

    /// The percentiles a run may be asked for (`--percentiles`, `simulation.percentiles`, `--until pP:…`): at
    /// least 10⁻⁶ from 0 and from 100 (a probability of 10⁻⁸). Fewer than one sample in 10⁸ (five times the
    /// `--max-samples` default) falls beyond a percentile closer than that, so no run resolves it: it would be
    /// the smallest or largest sample under another name (`99.99999999999`, or a subnormal `1e-320`).
    public static let askablePercentiles: ClosedRange<Double> = 0.000001...99.999999

    /// ``askablePercentiles`` in words, every digit shown (`0.000001 to 99.999999`).
    public static let askablePercentilesRange = "0.000001 to 99.999999"

    /// What a percentile outside ``askablePercentiles`` but inside (0, 100) was expected to be, in words
    /// (``checkAskable(_:typed:field:within:location:)``).
    public static let askablePercentilesText =
        "a percentile from \(askablePercentilesRange) (closer to 0 or 100, fewer than one sample in 10⁸ falls beyond it)"

    /// Refuses a percentile outside ``askablePercentiles``, with one wording wherever a percentile is asked for
    /// (`--percentiles`, `simulation.percentiles` in a scenario file, `--until pP:…`), naming where it came from.
    /// - Parameters:
    ///   - p: The percentile, already known to be in (0, 100).
    ///   - typed: The percentile as typed (`99.99999999999`, `p1e-320`).
    ///   - field: The flag or key it was given for.
    ///   - within: The whole value it was part of, when more than the percentile (`p1e-320:5%`).
    ///   - location: Its place in a scenario file.
    /// - Throws: ``InputError`` for `field`: expected ``askablePercentilesText``, found the percentile as typed.
    public static func checkAskable(_ p: Double, typed: String, field: String, within: String? = nil,
                                    location: InputLocation? = nil) throws(InputError) {
        guard !askablePercentiles.contains(p) else { return }
        throw InputError(field: field, expected: askablePercentilesText,
                         found: "\"\(typed)\"" + (within.map { " in \"\($0)\"" } ?? ""), location: location)
    }

    /// The percentiles a report gives: the standard ones and `extra`, ascending, each once.
    public static func reported(extra: [Double]) -> [Double] { Array(Set(standardPercentiles + extra)).sorted() }

    /// Summarises output `output` of a sample set: exact order statistics by selection, the histogram
    /// by counting every sample into the binning of the set's first chunk (as a streamed run does, so both
    /// give the same summary).
    /// - Parameters:
    ///   - set: The samples.
    ///   - output: Output index.
    ///   - percentiles: Percentiles to estimate, in (0, 100).
    ///   - bins: Histogram bins (0 for none).
    public init(_ set: SampleSet, output: Int, percentiles: [Double] = standardPercentiles, bins: Int = 0) {
        let column = set.outputs[output]
        let moments = set.chunkMoments[output]
        var tally: (CountingBins, BinTally)?
        if bins > 0, let first = moments.first, first.count > 0 {
            tally = column.withUnsafeBufferPointer { values in
                let binning = CountingBins(pilot: UnsafeBufferPointer(rebasing: values[0..<first.count]), samples: values.count,
                                        percentiles: percentiles, bins: bins)
                var counted = BinTally(binning: binning)
                counted.add(values, binning: binning)
                return (binning, counted)
            }
        }
        self.init(count: column.count, moments: moments, percentiles: percentiles, orderStatistics: { ranks in
            // The kept cells usually hold every wanted rank; otherwise select on the whole column.
            if let (binning, counted) = tally, let order = counted.orderStatistics(ranks, binning: binning) { return order }
            return column.withUnsafeBufferPointer { OrderStatistics.select($0, ranks: ranks) }
        }, histogram: tally.map { $0.1.histogram(binning: $0.0) })!
    }

    /// Summarises one output from its chunk moments, a source of exact order statistics and a histogram.
    /// - Parameters:
    ///   - n: Samples.
    ///   - moments: Per-chunk moments, in chunk order.
    ///   - percentiles: Percentiles to estimate, in (0, 100).
    ///   - orderStatistics: The values at the given 0-based ranks, or nil if they are not available.
    ///   - histogram: Edges, counts, below and above, if a histogram was made.
    /// - Returns: nil when `orderStatistics` returns nil.
    init?(count n: Int, moments: [ChunkMoments], percentiles: [Double],
          orderStatistics: (Set<Int>) -> [Int: Double]?,
          histogram: (edges: [Double], counts: [Int], below: Int, above: Int)?) {
        let total = moments.reduce(ChunkMoments(count: 0, mean: 0, m2: 0), ChunkMoments.combine)
        count = n
        mean = total.mean
        sd = n > 1 ? (total.m2 / Double(n - 1)).squareRoot() : 0
        if moments.count > 1 {
            let k = Double(moments.count)
            let meanOfMeans = moments.reduce(0) { $0 + $1.mean } / k
            let variance = moments.reduce(0) { $0 + ($1.mean - meanOfMeans) * ($1.mean - meanOfMeans) } / (k - 1)
            // Chunks are of (nearly) equal size; the mean of chunk means is the overall mean to rounding.
            mcse = (variance / k).squareRoot()
        } else {
            mcse = n > 0 ? sd / Double(n).squareRoot() : .nan
        }
        // Smallest and largest sample: exact from the chunks.
        min = n > 0 ? total.min : .nan
        max = n > 0 ? total.max : .nan
        var ranks = Set<Int>()
        var plan: [(Double, Int, Double, Int, Int)] = []
        for p in percentiles.sorted() {
            let (lo, fraction) = Self.typeSevenRank(p, count: n)
            let spread = 1.959963984540054 * (Double(n) * p / 100 * (1 - p / 100)).squareRoot()
            let l = Swift.max(0, Int((Double(n) * p / 100 - spread).rounded(.down)) - 1)
            let u = Swift.min(n - 1, Int((Double(n) * p / 100 + spread).rounded(.up)))
            plan.append((p, lo, fraction, l, u))
            ranks.formUnion([lo, Swift.min(lo + 1, n - 1), l, u])
        }
        // Every sample equal (exactly, from the chunk minima and maxima): no selection needed.
        let constant = n > 0 && total.min == total.max
        if constant {
            mean = total.min
            sd = 0
        }
        if sd == 0 || total.m2 == 0 { mcse = 0 }
        var order: [Int: Double] = [:]
        if n > 0, !constant {
            guard let selected = orderStatistics(ranks) else { return nil }
            order = selected
        }
        func at(_ r: Int) -> Double { constant ? total.min : order[r] ?? .nan }
        self.percentiles = plan.map { p, lo, frac, l, u in
            Percentile(percent: p, value: Self.interpolate(lo, frac, count: n, at: at), lower95: at(l), upper95: at(u))
        }
        if constant {
            histogramEdges = histogram == nil ? [] : [total.min, total.min]
            histogramCounts = histogram == nil ? [] : [n]
            below = 0
            above = 0
        } else {
            histogramEdges = histogram?.edges ?? []
            histogramCounts = histogram?.counts ?? []
            below = histogram?.below ?? 0
            above = histogram?.above ?? 0
        }
    }

    /// The summary of `count` samples that all equal `value`.
    public init(constant value: Double, count: Int, percentiles: [Double] = standardPercentiles) {
        self.count = count
        mean = value
        sd = 0
        mcse = 0
        min = value
        max = value
        self.percentiles = percentiles.map { Percentile(percent: $0, value: value, lower95: value, upper95: value) }
        histogramEdges = [value, value]
        histogramCounts = [count]
        below = 0
        above = 0
    }

    /// Summaries of every output of a sample set, computed in parallel (each output independently, so
    /// the result does not depend on `threads`).
    public static func all(_ set: SampleSet, percentiles: [Double] = standardPercentiles, bins: Int = 0,
                           threads: Int) -> [OutputSummary] {
        parallelMap(set.outputs.count, threads: threads) { OutputSummary(set, output: $0, percentiles: percentiles, bins: bins) }
    }

    /// The order statistic below percentile `p` of `n` values and the fraction of the way to the next,
    /// for linear interpolation between closest ranks (Hyndman & Fan 1996, type 7, as NumPy).
    static func typeSevenRank(_ p: Double, count n: Int) -> (rank: Int, fraction: Double) {
        let h = Double(n - 1) * p / 100
        let lo = Int(h.rounded(.down))
        return (lo, h - Double(lo))
    }

    /// The type-7 percentile from the order statistics `at(rank)`.
    static func interpolate(_ rank: Int, _ fraction: Double, count n: Int, at: (Int) -> Double) -> Double {
        fraction == 0 ? at(rank) : at(rank) + fraction * (at(Swift.min(rank + 1, n - 1)) - at(rank))
    }

    /// Type-7 percentiles of a sample, by exact selection (the sample is not copied or sorted).
    /// - Parameters:
    ///   - ps: Percentiles in [0, 100].
    ///   - values: The sample (not empty).
    /// - Returns: One value per percentile, in the order given.
    static func percentiles(_ ps: [Double], of values: UnsafeBufferPointer<Double>) -> [Double] {
        let n = values.count
        let plan = ps.map { typeSevenRank($0, count: n) }
        let order = OrderStatistics.select(values, ranks: Set(plan.flatMap { [$0.rank, Swift.min($0.rank + 1, n - 1)] }))
        return plan.map { interpolate($0.rank, $0.fraction, count: n) { order[$0] ?? .nan } }
    }

    /// The estimate for a percentile, if it was requested.
    public func percentile(_ p: Double) -> Double? { percentiles.first { $0.percent == p }?.value }
}
