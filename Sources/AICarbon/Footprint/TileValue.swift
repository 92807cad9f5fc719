/// A value of the footprint equations over a tile of samples, as the engine evaluates ``FootprintModel``:
/// one number shared by every sample (a fixed input, or anything computed from fixed inputs alone,
/// computed once) or a column holding one value per sample.
///
/// Each operation is the IEEE-754 operation of each sample, applied a column at a time in loops the
/// compiler vectorises, so an equation gives for every sample bit for bit what it gives on that sample's
/// `Double`s (tested against ``FootprintModel`` on `Double`, and by the recorded outputs). A column is
/// scratch memory of a ``TileArena`` valid until the arena is reset.
struct TileValue: FootprintArithmetic, BitwiseCopyable, @unchecked Sendable {
    /// The shared value, when every sample has it.
    let scalar: Double
    /// The samples' values, or nil for a shared value.
    let column: UnsafeMutablePointer<Double>?
    /// The arena of `column` (nil for a shared value), unretained: the evaluation that owns the arena
    /// keeps it alive, and values copy without reference counting (they are stored by byte offset).
    let arena: Unmanaged<TileArena>?

    /// A value shared by every sample.
    init(_ value: Double) {
        scalar = value
        column = nil
        arena = nil
    }

    /// A column of per-sample values (`arena.count` of them).
    init(column: UnsafeMutablePointer<Double>, arena: TileArena) {
        scalar = .nan
        self.column = column
        self.arena = Unmanaged.passUnretained(arena)
    }

    /// A new column of `arena` holding `operation` of each sample's index.
    @inline(__always)
    private static func fill(_ arena: Unmanaged<TileArena>, _ value: (Int) -> Double) -> TileValue {
        arena._withUnsafeGuaranteedRef { arena in
            let out = arena.column()
            for i in 0..<arena.count { out[i] = value(i) }
            return TileValue(column: out, arena: arena)
        }
    }

    init(integerLiteral value: Int) {
        self.init(Double(value))
    }

    static var nan: TileValue { TileValue(.nan) }

    /// The value of sample `i`.
    @inline(__always)
    subscript(i: Int) -> Double { column?[i] ?? scalar }

    /// `operation` sample by sample: once if both operands are shared, else over a new column.
    @inline(__always)
    private static func combine(_ a: TileValue, _ b: TileValue, _ operation: (Double, Double) -> Double) -> TileValue {
        switch (a.column, b.column) {
        case (nil, nil):
            return TileValue(operation(a.scalar, b.scalar))
        case (let x?, nil):
            let y = b.scalar
            return fill(a.arena!) { operation(x[$0], y) }
        case (nil, let y?):
            let x = a.scalar
            return fill(b.arena!) { operation(x, y[$0]) }
        case (let x?, let y?):
            return fill(a.arena!) { operation(x[$0], y[$0]) }
        }
    }

    static func + (lhs: TileValue, rhs: TileValue) -> TileValue { combine(lhs, rhs) { $0 + $1 } }

    static func - (lhs: TileValue, rhs: TileValue) -> TileValue { combine(lhs, rhs) { $0 - $1 } }

    static func * (lhs: TileValue, rhs: TileValue) -> TileValue { combine(lhs, rhs) { $0 * $1 } }

    static func / (lhs: TileValue, rhs: TileValue) -> TileValue { combine(lhs, rhs) { $0 / $1 } }

    /// The larger per sample, as `Double` takes it (`Swift.max`).
    static func maximum(_ a: TileValue, _ b: TileValue) -> TileValue { combine(a, b) { Swift.max($0, $1) } }

    /// The smaller per sample, as `Double` takes it (`Swift.min`).
    static func minimum(_ a: TileValue, _ b: TileValue) -> TileValue { combine(a, b) { Swift.min($0, $1) } }

    static func value(_ value: TileValue, wherePositive condition: TileValue) -> TileValue? {
        guard let c = condition.column, let arena = condition.arena else {
            return condition.scalar > 0 ? value : nil
        }
        let count = arena._withUnsafeGuaranteedRef { $0.count }
        guard (0..<count).contains(where: { c[$0] > 0 }) else { return nil }
        return fill(arena) { c[$0] > 0 ? value[$0] : .nan }
    }
}
