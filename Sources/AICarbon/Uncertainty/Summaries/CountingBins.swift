import AICarbonKernels

/// The counting bins of one output for summaries that never sort the samples: `bins` equal-width
/// histogram bins between the 0.5th and 99.5th percentiles of a pilot sample (the run's first chunk),
/// each split into ``cellsPerBin`` cells, plus one cell for everything below and one for everything
/// above.
///
/// Counting every sample into its cell places any order statistic in one cell. The cells that may hold
/// a wanted percentile, judged from the pilot with a wide margin, are marked kept: their samples are
/// kept, so the order statistic is then selected exactly among them. The pilot only decides which
/// samples are kept, never a reported value; a wanted rank in a cell that was not kept is detected, and
/// the caller falls back to storing every sample (``Simulation/summarise(inputs:correlation:model:settings:designColumns:percentiles:columnPercentiles:bins:observers:progress:)``).
struct CountingBins: Sendable {
    /// Cells per histogram bin.
    static let cellsPerBin = 128
    /// Margin of the kept cells around each percentile, in standard errors of the pilot's estimate of it.
    static let pilotMargin = 6.0

    /// Lower edge of the first bin (the pilot's 0.5th percentile).
    let lower: Double
    /// Upper edge of the last bin (the pilot's 99.5th percentile, or just above `lower` if equal).
    let upper: Double
    /// Histogram bins.
    let bins: Int
    /// Cells per unit of the output (cells between `lower` and `upper` / their span).
    let scale: Double
    /// The last cell, as a double (``cell(_:)`` clamps to it).
    let top: Double
    /// Per cell (below, `bins × cellsPerBin` cells between the edges, above): whether its samples are kept.
    private(set) var kept: [Bool]
    /// Per cell: the value of an atom the pilot found in a kept cell (a value holding at least half of
    /// the cell's pilot samples, e.g. from a discrete input or a constant year of a projection), or NaN.
    /// Samples equal to a cell's atom (bit for bit) are counted, not kept (``BinTally``).
    private(set) var atoms: [Double]
    /// Whether any cell has an atom (the tally then counts them on a slower path).
    private(set) var hasAtoms = false
    /// The cells' segments, which a ``BinTally`` counts instead of the cells: maximal runs of cells that
    /// lie in one histogram bin (the outer cells and a cell with an atom each alone) and are all kept or
    /// all not. Their counts fit
    /// in a few cache lines whatever the cell count; a kept cell's own count is recovered from its kept
    /// samples and atom hits, and a cell that is not kept needs none (no order statistic is read there).
    /// The first cell of each segment, ascending.
    private(set) var segmentStarts: [Int] = []
    /// Each cell's segment code and each segment's atom, where counting reads them (``layout``); set with
    /// the segments.
    private(set) var codes = SegmentCodes.none

    /// Cells in all: the middle ones and the two outer ones.
    var cellCount: Int { bins * Self.cellsPerBin + 2 }

    /// The cell of a value: 0 below `lower`, then the middle cells, then the last cell above `upper`
    /// (and NaN, which the engine reports as an error anyway, in cell 0). Monotone in `v`, which is all
    /// the order statistics need, and branch-free, so that a tile's cells vectorise.
    @inline(__always)
    func cell(_ v: Double) -> Int {
        Self.cell(v, lower: lower, scale: scale, top: top)
    }

    /// ``cell(_:)`` of the binning with edge `lower`, `scale` cells a unit and last cell `top`.
    @inline(__always)
    static func cell(_ v: Double, lower: Double, scale: Double, top: Double) -> Int {
        // The offset from `lower` in cells, plus one half, rounded to the nearest integer (ties to even):
        // cell 1 + ⌊t⌋ for a value t cells above `lower`, except that a value exactly on a cell's lower
        // edge may count in the cell below. Rounding is done by adding 2⁵², exact for the clamped range.
        let shifted = (v - lower) * scale + 0.5
        let clamped = shifted >= 0 ? Swift.min(shifted, top) : 0
        return Int(truncatingIfNeeded: (clamped + 0x1p52).bitPattern &- (0x1p52 as Double).bitPattern)
    }

    /// The cells of `count` values, four (or eight) at a time in vector lanes: ``cell(_:)``'s operations in
    /// the same order, so the same cells.
    func cells(_ v: UnsafePointer<Double>, count: Int, into cells: UnsafeMutablePointer<Int32>) {
        self.cells(v, count: count, into: cells, kernel: .best)
    }

    /// ``cells(_:count:into:)`` by a chosen kernel (every kernel gives the same cells).
    /// - Parameters:
    ///   - v: The values.
    ///   - count: Number of values.
    ///   - cells: Room for `count` cells.
    ///   - kernel: One of ``VectorKernel/available``: the C kernels in AVX2 or AVX-512F, or the Swift lanes.
    func cells(_ v: UnsafePointer<Double>, count: Int, into cells: UnsafeMutablePointer<Int32>, kernel: VectorKernel) {
        Self.cells(v, count: count, into: cells, lower: lower, scale: scale, top: top, kernel: kernel)
    }

    /// ``cells(_:count:into:kernel:)`` of the binning with edge `lower`, `scale` cells a unit and last cell `top`.
    static func cells(_ v: UnsafePointer<Double>, count: Int, into cells: UnsafeMutablePointer<Int32>, lower: Double, scale: Double,
                      top: Double, kernel: VectorKernel) {
        let whole = count & ~3
        var i = 0
        switch kernel {
        case .avx512, .avx2:
            var binning = aic_binning(lower: lower, scale: scale, top: top)
            if kernel == .avx512 { aic_cells_avx512(v, Int64(whole), &binning, cells) } else { aic_cells_avx2(v, Int64(whole), &binning, cells) }
            i = whole
        case .portable:
            // The binning's constants in locals, so that they stay in registers across the stores.
            let lowers = SIMD4<Double>(repeating: lower), scales = SIMD4<Double>(repeating: scale), tops = SIMD4<Double>(repeating: top)
            let magic = SIMD4<Double>(repeating: 0x1p52), magicBits = SIMD4<Int64>(repeating: Int64(bitPattern: (0x1p52 as Double).bitPattern))
            while i < whole {
                let x = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self)
                let shifted = (x - lowers) * scales + 0.5
                // Swift.min(shifted, top) (top when top < shifted), and 0 below 0 and for NaN.
                let clamped = shifted.replacing(with: tops, where: tops .< shifted).replacing(with: 0, where: .!(shifted .>= 0))
                let bits = unsafeBitCast(clamped + magic, to: SIMD4<Int64>.self) &- magicBits
                UnsafeMutableRawPointer(cells + i).storeBytes(of: SIMD4<Int32>(truncatingIfNeeded: bits), as: SIMD4<Int32>.self)
                i += 4
            }
        }
        while i < count {
            cells[i] = Int32(truncatingIfNeeded: cell(v[i], lower: lower, scale: scale, top: top))
            i += 1
        }
    }

    /// The histogram bin of a middle cell.
    func bin(ofCell c: Int) -> Int { (c - 1) / Self.cellsPerBin }

    /// Builds the binning of one output from its pilot sample.
    /// - Parameters:
    ///   - pilot: The pilot sample (not modified), at least one value.
    ///   - samples: Samples the whole run will count (sets the margin for the confidence-interval ranks).
    ///   - percentiles: Percentiles that will be selected (in (0, 100)).
    ///   - bins: Histogram bins (at least 1).
    init(pilot: UnsafeBufferPointer<Double>, samples n: Int, percentiles: [Double], bins: Int) {
        self.init(edges: pilot, keeping: pilot, samples: n, percentiles: percentiles, bins: bins)
    }

    /// Builds the binning of one output with its histogram's edges from one pilot sample and its kept
    /// cells and atoms judged from another, larger one (a run's whole first batch, when a precision target
    /// runs several: its kept cells are then narrower). The edges, the only part of a binning that shows in
    /// a summary, stay those of the run's first chunk, as a stored run's.
    /// - Parameters:
    ///   - pilot: The sample whose 0.5th and 99.5th percentiles are the histogram's edges, at least one value.
    ///   - keep: The sample that judges which cells to keep (not modified), at least one value.
    ///   - samples: Samples the whole run will count, at least (sets the margin for the confidence-interval
    ///     ranks; fewer keeps more).
    ///   - percentiles: Percentiles that will be selected (in (0, 100)).
    ///   - bins: Histogram bins (at least 1).
    init(edges pilot: UnsafeBufferPointer<Double>, keeping keep: UnsafeBufferPointer<Double>, samples n: Int,
         percentiles: [Double], bins: Int) {
        let np = keep.count
        self.bins = Swift.max(bins, 1)
        // The kept range of percentile p: pilot ranks at p ∓ δ, with δ the pilot's margin plus the run's own
        // 95% confidence-interval half-width (those ranks are selected too) and two pilot ranks of slack.
        var brackets: [(low: Int, high: Int)] = []
        for percent in percentiles {
            let p = percent / 100
            let spread = (p * (1 - p)).squareRoot()
            let delta = (Self.pilotMargin + 1) * spread / Double(np).squareRoot()
                + (1.959963984540054 + Self.pilotMargin) * spread / Double(Swift.max(n, 1)).squareRoot() + 2 / Double(np)
            let low = Int((Swift.max(0, p - delta) * Double(np - 1)).rounded(.down))
            let high = Int((Swift.min(1, p + delta) * Double(np - 1)).rounded(.up))
            brackets.append((low, high))
        }
        let edges = [0.5, 99.5].map { OutputSummary.typeSevenRank($0, count: pilot.count) }
        let edgeRanks = Set(edges.flatMap { [$0.rank, Swift.min($0.rank + 1, pilot.count - 1)] })
        let bracketRanks = Set(brackets.flatMap { [$0.low, $0.high] })
        // One selection when both samples are the same (a single run's pilot), else one on each.
        let same = pilot.baseAddress == keep.baseAddress && pilot.count == keep.count
        let order = OrderStatistics.select(keep, ranks: same ? bracketRanks.union(edgeRanks) : bracketRanks)
        let edgeOrder = same ? order : OrderStatistics.select(pilot, ranks: edgeRanks)
        let at = { (r: Int) in order[r]! }, atEdge = { (r: Int) in edgeOrder[r]! }
        let low = OutputSummary.interpolate(edges[0].rank, edges[0].fraction, count: pilot.count, at: atEdge)
        var high = OutputSummary.interpolate(edges[1].rank, edges[1].fraction, count: pilot.count, at: atEdge)
        var scale = Double(self.bins * Self.cellsPerBin) / (high - low)
        if !(high > low) || !scale.isFinite {
            // A pilot whose middle 99% is one value: a narrow binning around it (exact counts all the same).
            high = low + Swift.max(abs(low), 1) * 0x1p-40
            scale = Double(self.bins * Self.cellsPerBin) / (high - low)
        }
        lower = low
        upper = high
        self.scale = scale
        top = Double(self.bins * Self.cellsPerBin + 1)
        kept = [Bool](repeating: false, count: self.bins * Self.cellsPerBin + 2)
        atoms = [Double](repeating: .nan, count: kept.count)
        for (l, h) in brackets {
            for c in cell(at(l))...cell(at(h)) { kept[c] = true }
        }
        findAtoms(keep)
        findSegments()
    }

    /// Segments.
    var segmentCount: Int { segmentStarts.count }

    /// Whether segment `s` is kept.
    func isKept(segment s: Int) -> Bool { kept[segmentStarts[s]] }

    /// Splits the cells into segments (``segmentStarts``) and codes each cell with its segment.
    private mutating func findSegments() {
        let last = kept.count - 1
        var segment = [Int](repeating: 0, count: kept.count)
        segmentStarts = [0]
        for c in 1..<kept.count {
            if c == 1 || c == last || kept[c] != kept[c - 1] || bin(ofCell: c) != bin(ofCell: c - 1) || !atoms[c].isNaN
                || !atoms[c - 1].isNaN {
                segmentStarts.append(c)
            }
            segment[c] = segmentStarts.count - 1
        }
        let segmentAtoms = segmentStarts.indices.map { s in
            let end = s + 1 < segmentStarts.count ? segmentStarts[s + 1] : kept.count
            return end - segmentStarts[s] == 1 ? atoms[segmentStarts[s]] : .nan
        }
        codes = SegmentCodes(segments: segment, kept: kept, atoms: segmentAtoms)
    }

    /// Marks the atoms of the kept cells: per cell, the majority value of its pilot samples (Boyer and
    /// Moore 1991, "MJRTY: a fast majority vote algorithm", one pass), kept as an atom if it holds at
    /// least half of them and at least 16 samples. Which cells have atoms changes only what is kept,
    /// never a reported value.
    ///
    /// The pilot's cells are found once, several at a time (``cells(_:count:into:)``), for both passes.
    private mutating func findAtoms(_ pilot: UnsafeBufferPointer<Double>) {
        let cellCount = kept.count
        var candidate = [Double](repeating: .nan, count: cellCount)
        var votes = [Int](repeating: 0, count: cellCount)
        var hits = [Int](repeating: 0, count: cellCount), total = [Int](repeating: 0, count: cellCount)
        let pilotCells = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(pilot.count, 1))
        defer { pilotCells.deallocate() }
        if let base = pilot.baseAddress { cells(base, count: pilot.count, into: pilotCells) }
        // Only kept cells' atoms are read: the samples of kept cells are gathered first (every sample written,
        // only a kept one advancing the end: no branch on the data), a few percent of the pilot, and only they
        // vote. A cell's candidate and votes are chosen by selects.
        let members = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(pilot.count, 1))
        defer { members.deallocate() }
        var count = 0
        kept.withUnsafeBufferPointer { kept in
            for i in 0..<pilot.count {
                members[count] = i
                count &+= kept[Int(pilotCells[i])] ? 1 : 0
            }
        }
        candidate.withUnsafeMutableBufferPointer { candidate in
            votes.withUnsafeMutableBufferPointer { votes in
                for k in 0..<count {
                    let i = members[k], v = pilot[i], c = Int(pilotCells[i]), empty = votes[c] == 0
                    let same = candidate[c].bitPattern == v.bitPattern
                    candidate[c] = empty ? v : candidate[c]
                    votes[c] = empty ? 1 : votes[c] &+ (same ? 1 : -1)
                }
            }
            hits.withUnsafeMutableBufferPointer { hits in
                total.withUnsafeMutableBufferPointer { total in
                    for k in 0..<count {
                        let i = members[k], c = Int(pilotCells[i])
                        total[c] &+= 1
                        hits[c] &+= pilot[i].bitPattern == candidate[c].bitPattern ? 1 : 0
                    }
                }
            }
        }
        for c in kept.indices where kept[c] && hits[c] >= 16 && 2 * hits[c] >= total[c] {
            atoms[c] = candidate[c]
            hasAtoms = true
        }
    }
}
