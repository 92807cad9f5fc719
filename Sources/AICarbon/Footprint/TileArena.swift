/// Scratch columns for one evaluation of the footprint equations over a tile of samples (``TileValue``):
/// each operation on a column takes the next column of the arena, and ``reset(count:)`` gives them all back
/// for the next slice of samples. One arena per evaluation call, never shared between threads.
final class TileArena: @unchecked Sendable {
    /// Values per column (the current slice's rows), at most ``capacity``.
    private(set) var count: Int
    /// Room per column.
    let capacity: Int
    /// Columns per block of storage.
    private static let columnsPerBlock = 64
    private var blocks: [UnsafeMutablePointer<Double>] = []
    private var used = 0

    /// - Parameter capacity: The most values per column, at least 1.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        count = self.capacity
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// The next free column (uninitialised values).
    func column() -> UnsafeMutablePointer<Double> {
        let block = used / Self.columnsPerBlock, index = used % Self.columnsPerBlock
        if block == blocks.count {
            blocks.append(UnsafeMutablePointer<Double>.allocate(capacity: Self.columnsPerBlock * capacity))
        }
        used += 1
        return blocks[block] + index * capacity
    }

    /// Frees every column for reuse, with `count` values per column from now on.
    /// - Parameter count: Values per column, 1 to ``capacity``.
    func reset(count: Int) {
        precondition(count >= 1 && count <= capacity, "a slice of 1 to \(capacity) rows")
        self.count = count
        used = 0
    }
}
