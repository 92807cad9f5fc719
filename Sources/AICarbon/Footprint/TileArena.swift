/// Scratch columns for one evaluation of the footprint equations over a tile of samples (``TileValue``):
/// each operation on a column takes the next column of the arena, and ``reset()`` gives them all back
/// for the next tile. One arena per evaluation call, never shared between threads.
final class TileArena: @unchecked Sendable {
    /// Values per column (the tile's rows).
    let count: Int
    /// Columns per block of storage.
    private static let columnsPerBlock = 64
    private var blocks: [UnsafeMutablePointer<Double>] = []
    private var used = 0

    /// - Parameter count: Values per column, at least 1.
    init(count: Int) {
        self.count = max(count, 1)
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// The next free column (uninitialised values).
    func column() -> UnsafeMutablePointer<Double> {
        let block = used / Self.columnsPerBlock, index = used % Self.columnsPerBlock
        if block == blocks.count {
            blocks.append(UnsafeMutablePointer<Double>.allocate(capacity: Self.columnsPerBlock * count))
        }
        used += 1
        return blocks[block] + index * count
    }

    /// Frees every column for reuse.
    func reset() {
        used = 0
    }
}
