/// The samples of one output counted into the cells of a ``CountingBins``, with the samples of its kept
/// cells. Tallies of disjoint sets of samples merge by adding counts, so a tally does not depend on
/// which worker counted which chunk.
struct BinTally: Sendable {
    /// Samples per cell.
    private(set) var counts: [Int]
    /// Samples per cell equal to the cell's atom (``CountingBins/atoms``); counted in ``counts`` too, never kept.
    private(set) var atomHits: [Int]
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
        atomHits = binning.hasAtoms ? [Int](repeating: 0, count: binning.cellCount) : []
        self.keepLimit = keepLimit
    }

    /// Reserves room for `capacity` kept samples in all (at most ``keepLimit``), so that keeping
    /// does not copy them as the array grows.
    mutating func reserve(_ capacity: Int) {
        kept.reserveCapacity(Swift.min(capacity, keepLimit))
    }

    /// Counts `values`, keeping those in kept cells (except a cell's atom, only counted).
    mutating func add(_ values: UnsafeBufferPointer<Double>, binning: CountingBins) {
        let block = 1_024, keepLimit = keepLimit
        var overflowed = self.overflowed
        // Counts and flags are read through pointers; the kept samples grow in place (room reserved by the engine).
        counts.withUnsafeMutableBufferPointer { counts in
            atomHits.withUnsafeMutableBufferPointer { atomHits in
                binning.atoms.withUnsafeBufferPointer { atoms in
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
                                    if binning.hasAtoms {
                                        // A sample equal to its cell's atom is counted there, not kept.
                                        for i in 0..<rows {
                                            let c = Int(cells[i])
                                            let other = atoms[c].bitPattern != v[i].bitPattern ? 1 : 0
                                            counts[c] &+= 1
                                            atomHits[c] &+= 1 &- other
                                            candidates[found] = v[i]
                                            found &+= Int(keep[c]) & other
                                        }
                                    } else {
                                        for i in 0..<rows {
                                            let c = Int(cells[i])
                                            counts[c] &+= 1
                                            candidates[found] = v[i]
                                            found &+= Int(keep[c])
                                        }
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
            }
        }
        self.overflowed = overflowed
    }

    /// Adds another tally of the same binning.
    mutating func merge(_ other: BinTally) {
        for c in counts.indices { counts[c] += other.counts[c] }
        for c in atomHits.indices { atomHits[c] += other.atomHits[c] }
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
        // The kept samples of the cells holding a wanted rank, gathered per cell into one buffer (each
        // cell's share known from its counts), then selected exactly.
        let hits = { (cell: Int) in atomHits.isEmpty ? 0 : atomHits[cell] }
        var slot = [Int](repeating: -1, count: counts.count)
        var offsets = [0]
        let wantedCells = Set(cellOfRank.values).sorted()
        for cell in wantedCells {
            slot[cell] = offsets.count - 1
            offsets.append(offsets[offsets.count - 1] + counts[cell] - hits(cell))
        }
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(offsets[offsets.count - 1], 1))
        defer { buffer.deallocate() }
        var filled = Array(offsets.dropLast())
        let complete: Bool = slot.withUnsafeBufferPointer { slot in
            filled.withUnsafeMutableBufferPointer { filled in
                for part in [kept] + merged {
                    for v in part {
                        let s = slot[binning.cell(v)]
                        if s >= 0 {
                            // More kept samples than the cell counted cannot happen; refuse rather than overrun.
                            guard filled[s] < offsets[s + 1] else { return false }
                            buffer[filled[s]] = v
                            filled[s] += 1
                        }
                    }
                }
                return true
            }
        }
        guard complete else { return nil }
        var result: [Int: Double] = [:]
        for cell in wantedCells {
            let s = slot[cell], members = UnsafeBufferPointer(start: buffer + offsets[s], count: offsets[s + 1] - offsets[s])
            guard filled[s] == offsets[s + 1] else { return nil }
            // The cell's wanted ranks, among its kept samples and its atom's copies (none without an atom).
            let atomCount = hits(cell), atom = binning.atoms[cell]
            let below = atomCount == 0 ? 0 : members.reduce(0) { $0 + (OrderStatistics.key($1) < OrderStatistics.key(atom) ? 1 : 0) }
            var inMembers: [Int: Int] = [:]
            for (r, c) in cellOfRank where c == cell {
                let local = r - start[cell]
                if local < below { inMembers[r] = local } else if local < below + atomCount { result[r] = atom } else {
                    inMembers[r] = local - atomCount
                }
            }
            let order = OrderStatistics.select(members, ranks: Set(inMembers.values))
            for (r, local) in inMembers { result[r] = order[local]! }
        }
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
