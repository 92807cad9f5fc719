/// Scratch columns for one evaluation of the footprint equations over a tile of samples (``TileValue``):
/// each operation on a column takes the next column of the arena, and ``reset(count:)`` gives them all back
/// for the next slice of samples. One arena per evaluation call, never shared between threads.
///
/// Its state is read and written on every operation of the equations, never while another access to it is
/// under way (one thread, no overlapping accesses): it is declared so (`@exclusivity(unchecked)`), so that
/// those accesses are not checked at run time.
final class TileArena: @unchecked Sendable {
    /// Values per column (the current slice's rows), at most ``capacity``.
    @exclusivity(unchecked) private(set) var count: Int
    /// Room per column.
    let capacity: Int
    /// Columns per block of storage.
    private static let columnsPerBlock = 64
    @exclusivity(unchecked) private var blocks: [UnsafeMutablePointer<Double>] = []
    @exclusivity(unchecked) private var used = 0
    /// Per column index, memory handed out instead of the arena's own column (``redirect(_:to:)``), or nil.
    @exclusivity(unchecked) private var targets: [UnsafeMutablePointer<Double>?] = []
    /// Whether ``column()`` hands out ``targets`` (off after ``finish()`` until the next reset).
    @exclusivity(unchecked) private var redirecting = false

    /// - Parameter capacity: The most values per column, at least 1.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        count = self.capacity
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// The next free column (uninitialised values): the arena's own, or the memory its index was
    /// redirected to (``redirect(_:to:)``).
    func column() -> UnsafeMutablePointer<Double> {
        let block = used / Self.columnsPerBlock, index = used % Self.columnsPerBlock
        if block == blocks.count {
            blocks.append(UnsafeMutablePointer<Double>.allocate(capacity: Self.columnsPerBlock * capacity))
        }
        defer { used += 1 }
        if redirecting, used < targets.count, let target = targets[used] { return target }
        return blocks[block] + index * capacity
    }

    /// The index of one of the arena's own columns (the how-manieth ``column()`` since the reset handed it
    /// out), or nil for other memory.
    func index(of column: UnsafeMutablePointer<Double>) -> Int? {
        for (b, block) in blocks.enumerated() where column >= block && column < block + Self.columnsPerBlock * capacity {
            let offset = column - block
            return offset % capacity == 0 ? b * Self.columnsPerBlock + offset / capacity : nil
        }
        return nil
    }

    /// From the next reset on, column `index` of each slice is `target` instead of the arena's own, until
    /// the index is redirected again: the caller's memory for an output the equations compute there, so that it needs no
    /// copy. The caller checks where each value did land (the columns an evaluation takes may depend on
    /// the data), and gives `target` room for ``count`` values.
    func redirect(_ index: Int, to target: UnsafeMutablePointer<Double>) {
        if targets.count <= index { targets.append(contentsOf: repeatElement(nil, count: index + 1 - targets.count)) }
        targets[index] = target
    }

    /// Stops redirecting columns until the next reset: the columns taken from now on are the arena's own.
    func finish() {
        redirecting = false
    }

    /// Frees every column for reuse, with `count` values per column from now on.
    /// - Parameter count: Values per column, 1 to ``capacity``.
    func reset(count: Int) {
        precondition(count >= 1 && count <= capacity, "a slice of 1 to \(capacity) rows")
        self.count = count
        used = 0
        redirecting = !targets.isEmpty
    }
}
