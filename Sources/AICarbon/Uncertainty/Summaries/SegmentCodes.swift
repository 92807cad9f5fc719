/// The cell codes and segment atoms of a ``CountingBins``, in memory of their own that counting reads
/// through plain pointers (``CountingBins/Layout``): the copies of a binning share one, and counting a
/// tile copies no array and changes no reference count (which the engine's workers would otherwise change
/// on one cache line, tile after tile). Never written after it is made.
final class SegmentCodes: @unchecked Sendable {
    /// Per cell, its segment's code when there are at most 128 segments (else nil): segment × 2, plus 1
    /// for a kept segment, so that one load gives both.
    let narrow: UnsafeMutablePointer<UInt8>?
    /// Per cell, its segment's code when there are more than 128 segments (else nil).
    let wide: UnsafeMutablePointer<UInt32>?
    /// Per segment, the atom of its cell when it is one cell (NaN when it has none, and for longer segments).
    let atoms: UnsafeMutablePointer<Double>
    /// Segments.
    let segmentCount: Int

    /// Codes each cell with its segment.
    /// - Parameters:
    ///   - segments: Per cell, its segment (0 up, ascending).
    ///   - kept: Per cell, whether it is kept.
    ///   - atoms: Per segment, its atom or NaN.
    init(segments: [Int], kept: [Bool], atoms: [Double]) {
        let cellCount = kept.count
        segmentCount = atoms.count
        let code = { (c: Int) in segments[c] << 1 | (kept[c] ? 1 : 0) }
        if segmentCount <= 128 {
            let narrow = UnsafeMutablePointer<UInt8>.allocate(capacity: max(cellCount, 1))
            for c in 0..<cellCount { narrow[c] = UInt8(truncatingIfNeeded: code(c)) }
            self.narrow = narrow
            wide = nil
        } else {
            let wide = UnsafeMutablePointer<UInt32>.allocate(capacity: max(cellCount, 1))
            for c in 0..<cellCount { wide[c] = UInt32(truncatingIfNeeded: code(c)) }
            self.wide = wide
            narrow = nil
        }
        self.atoms = .allocate(capacity: max(segmentCount, 1))
        self.atoms.initialize(from: atoms, count: segmentCount)
    }

    deinit {
        narrow?.deallocate()
        wide?.deallocate()
        atoms.deallocate()
    }

    /// No cells: a binning's codes until its segments are found.
    static let none = SegmentCodes(segments: [], kept: [], atoms: [])

    /// The code of cell `c` (segment × 2, plus 1 when kept).
    func code(_ c: Int) -> Int {
        if let narrow { return Int(narrow[c]) }
        return Int(wide![c])
    }
}

extension CountingBins {
    /// What counting a tile reads of a binning, as plain values and pointers into its ``SegmentCodes``:
    /// valid while the binning (or a copy) lives, copied without reference counting.
    struct Layout: @unchecked Sendable {
        /// ``CountingBins/lower``, ``CountingBins/scale`` and ``CountingBins/top``.
        let lower: Double, scale: Double, top: Double
        /// ``SegmentCodes/narrow``, ``SegmentCodes/wide`` and ``SegmentCodes/atoms``.
        let narrow: UnsafePointer<UInt8>?, wide: UnsafePointer<UInt32>?, atoms: UnsafePointer<Double>
        /// Segments.
        let segmentCount: Int
        /// Whether any cell has an atom.
        let hasAtoms: Bool

        /// The cells of `count` values, as ``CountingBins/cells(_:count:into:kernel:)``.
        func cells(_ v: UnsafePointer<Double>, count: Int, into cells: UnsafeMutablePointer<Int32>, kernel: VectorKernel = .best) {
            CountingBins.cells(v, count: count, into: cells, lower: lower, scale: scale, top: top, kernel: kernel)
        }
    }

    /// This binning's ``Layout`` (keep the binning alive while it is used).
    var layout: Layout {
        Layout(lower: lower, scale: scale, top: top, narrow: UnsafePointer(codes.narrow), wide: UnsafePointer(codes.wide),
               atoms: UnsafePointer(codes.atoms), segmentCount: codes.segmentCount, hasAtoms: hasAtoms)
    }
}
