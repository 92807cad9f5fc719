/// The samples of one output counted into the cells of a ``CountingBins``, with the samples of its kept
/// cells. Tallies of disjoint sets of samples merge by adding counts, so a tally does not depend on
/// which worker counted which chunk.
struct BinTally: Sendable {
    /// Copies of the segment counts, counted into in turn, so that runs of samples in one segment do not
    /// wait on each other's increments.
    private static let lanes = 4
    /// Samples per segment of the binning (``CountingBins/segmentStarts``), per lane:
    /// `laneCounts[lane × segments + segment]`.
    private var laneCounts: [Int]
    /// Samples equal to the atom of their cell (``CountingBins/atoms``), per lane and segment (a cell with an
    /// atom is a segment of its own); counted in ``laneCounts`` too, never kept. Empty without atoms.
    private var laneHits: [Int]
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
        laneCounts = [Int](repeating: 0, count: Self.lanes * binning.segmentCount)
        laneHits = binning.hasAtoms ? laneCounts : []
        self.keepLimit = keepLimit
    }

    /// Samples per segment of the binning.
    var segmentCounts: [Int] { Self.sumLanes(laneCounts) }

    /// Samples per segment equal to the atom of its cell (zeros without atoms).
    private var segmentHits: [Int] { laneHits.isEmpty ? [Int](repeating: 0, count: laneCounts.count / Self.lanes) : Self.sumLanes(laneHits) }

    /// Per segment, the sum of its lanes.
    private static func sumLanes(_ perLane: [Int]) -> [Int] {
        let segments = perLane.count / lanes
        return (0..<segments).map { s in (0..<lanes).reduce(0) { $0 + perLane[$1 * segments + s] } }
    }

    /// Reserves room for `capacity` kept samples in all (at most ``keepLimit``), so that keeping
    /// does not copy them as the array grows.
    mutating func reserve(_ capacity: Int) {
        kept.reserveCapacity(Swift.min(capacity, keepLimit))
    }

    /// Counts `values`, keeping those in kept cells (except a cell's atom, only counted).
    mutating func add(_ values: UnsafeBufferPointer<Double>, binning: CountingBins) {
        withExtendedLifetime(binning) { add(values, layout: binning.layout) }
    }

    /// ``add(_:binning:)`` by the binning's ``CountingBins/Layout`` (the engine's tiles: no array copied, no
    /// reference count changed); the binning must outlive the call.
    mutating func add(_ values: UnsafeBufferPointer<Double>, layout: CountingBins.Layout) {
        if let narrow = layout.narrow {
            add(values, layout: layout, codes: narrow)
        } else {
            add(values, layout: layout, codes: layout.wide!)
        }
    }

    /// Counts `count` copies of one value, as ``add(_:binning:)`` would count them (a constant output's
    /// samples, counted at once).
    /// - Parameters:
    ///   - value: The value.
    ///   - count: Copies (at least 0).
    ///   - binning: The output's binning.
    mutating func add(repeating value: Double, count: Int, binning: CountingBins) {
        guard count > 0 else { return }
        let code = binning.codes.code(binning.cell(value))
        let segment = code >> 1
        laneCounts[segment] += count
        if binning.hasAtoms && binning.codes.atoms[segment].bitPattern == value.bitPattern {
            laneHits[segment] += count
        } else if code & 1 == 1 {
            let room = Swift.max(0, keepLimit - kept.count)
            if count > room { overflowed = true }
            kept.append(contentsOf: repeatElement(value, count: Swift.min(count, room)))
        }
    }

    /// ``add(_:layout:)`` with the binning's cell codes (segment × 2, plus 1 when kept).
    private mutating func add<Code: FixedWidthInteger & UnsignedInteger>(_ values: UnsafeBufferPointer<Double>, layout: CountingBins.Layout,
                                                                         codes: UnsafePointer<Code>) {
        let block = 1_024, keepLimit = keepLimit, segments = layout.segmentCount, atoms = layout.atoms
        var overflowed = self.overflowed
        // Counts are read through pointers; the kept samples grow in place (room reserved by the engine).
        laneCounts.withUnsafeMutableBufferPointer { laneCounts in
            laneHits.withUnsafeMutableBufferPointer { laneHits in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: block) { cells in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: block) { candidates in
                        let counts = laneCounts.baseAddress!, cells = cells.baseAddress!, candidates = candidates.baseAddress!
                        var start = 0
                        while start < values.count {
                            let rows = Swift.min(block, values.count - start)
                            let v = values.baseAddress! + start
                            // Cells first (a loop without branches, four at a time), then the counts, row i
                            // in lane i mod 4; every value is written to the candidates and only a kept one
                            // advances the end (no branch to mispredict on the few that are kept).
                            layout.cells(v, count: rows, into: cells)
                            var found = 0
                            if layout.hasAtoms {
                                // A sample equal to its cell's atom is counted there, not kept.
                                let hits = laneHits.baseAddress!
                                for i in 0..<rows {
                                    let code = Int(codes[Int(cells[i])]), s = (i & (Self.lanes - 1)) &* segments &+ code >> 1
                                    let other = atoms[code >> 1].bitPattern != v[i].bitPattern ? 1 : 0
                                    counts[s] &+= 1
                                    hits[s] &+= 1 &- other
                                    candidates[found] = v[i]
                                    found &+= code & other
                                }
                            } else {
                                let c1 = counts + segments, c2 = c1 + segments, c3 = c2 + segments
                                var i = 0
                                while i &+ 4 <= rows {
                                    let k0 = Int(codes[Int(cells[i])]), k1 = Int(codes[Int(cells[i &+ 1])])
                                    let k2 = Int(codes[Int(cells[i &+ 2])]), k3 = Int(codes[Int(cells[i &+ 3])])
                                    counts[k0 >> 1] &+= 1
                                    c1[k1 >> 1] &+= 1
                                    c2[k2 >> 1] &+= 1
                                    c3[k3 >> 1] &+= 1
                                    candidates[found] = v[i]
                                    found &+= k0 & 1
                                    candidates[found] = v[i &+ 1]
                                    found &+= k1 & 1
                                    candidates[found] = v[i &+ 2]
                                    found &+= k2 & 1
                                    candidates[found] = v[i &+ 3]
                                    found &+= k3 & 1
                                    i &+= 4
                                }
                                while i < rows {
                                    let k = Int(codes[Int(cells[i])])
                                    counts[k >> 1] &+= 1
                                    candidates[found] = v[i]
                                    found &+= k & 1
                                    i &+= 1
                                }
                            }
                            let room = Swift.max(0, keepLimit - kept.count)
                            if found > room { overflowed = true }
                            kept.append(contentsOf: UnsafeBufferPointer(start: candidates, count: Swift.min(found, room)))
                            start += rows
                        }
                    }
                }
            }
        }
        self.overflowed = overflowed
    }

    /// Adds another tally of the same binning.
    mutating func merge(_ other: BinTally) {
        for c in laneCounts.indices { laneCounts[c] += other.laneCounts[c] }
        for c in laneHits.indices { laneHits[c] += other.laneHits[c] }
        merged.append(other.kept)
        merged.append(contentsOf: other.merged)
        overflowed = overflowed || other.overflowed
    }

    /// Samples per cell, as far as order statistics need them: exact in kept cells (their kept samples
    /// and atom hits), and for the cells of a segment that is not kept, the segment's count on its first
    /// cell. Sums over every run of whole segments are exact, so a rank's cell is found as with every
    /// cell counted, or is found not kept. Nil when a kept segment's cells do not add up to its count.
    private func cellCounts(binning: CountingBins, atomHits: [Int]) -> [Int]? {
        let totals = segmentCounts
        var counts = [Int](repeating: 0, count: binning.cellCount)
        for s in totals.indices where !binning.isKept(segment: s) { counts[binning.segmentStarts[s]] = totals[s] }
        counts.withUnsafeMutableBufferPointer { counts in
            forEachKept(binning: binning) { _, cell in counts[cell] += 1 }
        }
        for c in atomHits.indices where binning.kept[c] { counts[c] += atomHits[c] }
        for s in totals.indices where binning.isKept(segment: s) {
            let end = s + 1 < totals.count ? binning.segmentStarts[s + 1] : counts.count
            guard counts[binning.segmentStarts[s]..<end].reduce(0, +) == totals[s] else { return nil }
        }
        return counts
    }

    /// Calls `body` with every kept sample (this tally's, then those merged into it, in order) and its cell,
    /// the cells found a block at a time (``CountingBins/cells(_:count:into:)``, the cells of ``CountingBins/cell(_:)``).
    private func forEachKept(binning: CountingBins, _ body: (Double, Int) -> Void) {
        let block = 1_024
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: block) { cells in
            let cells = cells.baseAddress!
            for part in [kept] + merged {
                part.withUnsafeBufferPointer { values in
                    var start = 0
                    while start < values.count {
                        let rows = Swift.min(block, values.count - start), v = values.baseAddress! + start
                        binning.cells(v, count: rows, into: cells)
                        for i in 0..<rows { body(v[i], Int(cells[i])) }
                        start += rows
                    }
                }
            }
        }
    }

    /// The values at the given 0-based ranks of all samples counted, if every rank lies in a kept cell
    /// and no kept sample was dropped; otherwise nil.
    func orderStatistics(_ ranks: Set<Int>, binning: CountingBins) -> [Int: Double]? {
        guard !overflowed else { return nil }
        // Atom hits per cell: a cell with an atom is a segment of its own.
        var atomHits = [Int](repeating: 0, count: binning.cellCount)
        for (s, hits) in segmentHits.enumerated() where hits > 0 { atomHits[binning.segmentStarts[s]] = hits }
        guard let counts = cellCounts(binning: binning, atomHits: atomHits) else { return nil }
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
        let hits = { (cell: Int) in atomHits[cell] }
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
                var complete = true
                forEachKept(binning: binning) { v, cell in
                    let s = slot[cell]
                    if s >= 0 {
                        // More kept samples than the cell counted cannot happen; refuse rather than overrun.
                        guard filled[s] < offsets[s + 1] else { complete = false; return }
                        buffer[filled[s]] = v
                        filled[s] += 1
                    }
                }
                return complete
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
        var perBin = [Int](repeating: 0, count: binning.bins), below = 0, above = 0
        for (s, count) in segmentCounts.enumerated() {
            // Segments lie in one bin, the outer cells each in their own.
            let first = binning.segmentStarts[s]
            if first == 0 {
                below += count
            } else if first == binning.cellCount - 1 {
                above += count
            } else {
                perBin[binning.bin(ofCell: first)] += count
            }
        }
        return ((0...binning.bins).map { $0 == binning.bins ? binning.upper : binning.lower + Double($0) * width }, perBin,
                below, above)
    }
}
