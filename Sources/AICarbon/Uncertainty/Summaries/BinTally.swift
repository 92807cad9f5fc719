/// The samples of one output counted into the cells of a ``CountingBins``, with the samples of its kept
/// cells. Tallies of disjoint sets of samples merge by adding counts, so a tally does not depend on
/// which worker counted which chunk.
struct BinTally: Sendable {
    /// Samples per cell.
    private(set) var counts: [Int]
    /// The samples that fell in kept cells, in no particular order (this tally's own; see ``merged``).
    private(set) var kept: [Double] = []
    /// The kept samples of tallies merged into this one, as they were (not copied into ``kept``).
    private var merged: [[Double]] = []
    /// Whether more samples fell in kept cells than ``keepLimit`` allowed (some were then not kept).
    private(set) var overflowed = false
    /// Largest number of samples kept.
    let keepLimit: Int

    /// An empty tally for `binning`.
    init(binning: CountingBins, keepLimit: Int = .max) {
        counts = [Int](repeating: 0, count: binning.cellCount)
        self.keepLimit = keepLimit
    }

    /// Reserves room for `capacity` kept samples in all (at most ``keepLimit``), so that keeping
    /// does not copy them as the array grows.
    mutating func reserve(_ capacity: Int) {
        kept.reserveCapacity(Swift.min(capacity, keepLimit))
    }

    /// Counts `values`, keeping those in kept cells.
    mutating func add(_ values: UnsafeBufferPointer<Double>, binning: CountingBins) {
        var kept = self.kept
        self.kept = []
        var overflowed = self.overflowed
        let block = 1_024
        counts.withUnsafeMutableBufferPointer { counts in
            // Bool is one byte, 0 or 1: read as a number, it advances the write index without a branch.
            binning.kept.withUnsafeBufferPointer { flags in flags.withMemoryRebound(to: UInt8.self) { keep in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: block) { cells in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: block) { candidates in
                        var start = 0
                        while start < values.count {
                            let rows = Swift.min(block, values.count - start)
                            let v = values.baseAddress! + start
                            // Cells first (a loop without branches), then the counts; every value is
                            // written to the candidates and only a kept one advances the end (no branch
                            // to mispredict on the few that are kept).
                            for i in 0..<rows { cells[i] = Int32(truncatingIfNeeded: binning.cell(v[i])) }
                            var found = 0
                            for i in 0..<rows {
                                let c = Int(cells[i])
                                counts[c] &+= 1
                                candidates[found] = v[i]
                                found &+= Int(keep[c])
                            }
                            let room = Swift.max(0, keepLimit - kept.count)
                            if found > room { overflowed = true }
                            kept.append(contentsOf: UnsafeBufferPointer(start: candidates.baseAddress, count: Swift.min(found, room)))
                            start += rows
                        }
                    }
                }
            } }
        }
        self.kept = kept
        self.overflowed = overflowed
    }

    /// Adds another tally of the same binning.
    mutating func merge(_ other: BinTally) {
        for c in counts.indices { counts[c] += other.counts[c] }
        merged.append(other.kept)
        merged.append(contentsOf: other.merged)
        overflowed = overflowed || other.overflowed
    }

    /// The values at the given 0-based ranks of all samples counted, if every rank lies in a kept cell
    /// and no kept sample was dropped; otherwise nil.
    func orderStatistics(_ ranks: Set<Int>, binning: CountingBins) -> [Int: Double]? {
        guard !overflowed else { return nil }
        var start = [Int](repeating: 0, count: counts.count + 1)
        for c in counts.indices { start[c + 1] = start[c] + counts[c] }
        var cellOfRank: [Int: Int] = [:]
        var c = 0
        for r in ranks.sorted() {
            guard r >= 0, r < start[counts.count] else { return nil }
            while start[c + 1] <= r { c += 1 }
            guard binning.kept[c] else { return nil }
            cellOfRank[r] = c
        }
        // The kept samples of the cells holding a wanted rank, sorted per cell.
        var slot = [Int](repeating: -1, count: counts.count)
        var members: [[Double]] = []
        for cell in Set(cellOfRank.values).sorted() {
            slot[cell] = members.count
            members.append([])
            members[members.count - 1].reserveCapacity(counts[cell])
        }
        for part in [kept] + merged {
            for v in part {
                let s = slot[binning.cell(v)]
                if s >= 0 { members[s].append(v) }
            }
        }
        for (cell, s) in slot.enumerated() where s >= 0 {
            guard members[s].count == counts[cell] else { return nil }
            members[s].sort()
        }
        var result: [Int: Double] = [:]
        for (r, cell) in cellOfRank { result[r] = members[slot[cell]][r - start[cell]] }
        return result
    }

    /// The histogram: edges of `binning.bins` equal-width bins between the binning's edges, samples per bin,
    /// and samples below and above.
    func histogram(binning: CountingBins) -> (edges: [Double], counts: [Int], below: Int, above: Int) {
        let width = (binning.upper - binning.lower) / Double(binning.bins)
        var perBin = [Int](repeating: 0, count: binning.bins)
        for c in 1..<(counts.count - 1) { perBin[binning.bin(ofCell: c)] += counts[c] }
        return ((0...binning.bins).map { $0 == binning.bins ? binning.upper : binning.lower + Double($0) * width }, perBin,
                counts[0], counts[counts.count - 1])
    }
}
