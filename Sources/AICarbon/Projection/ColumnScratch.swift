/// Scratch columns for one tile of a projection, freed together: broadcast fixed parameters, running
/// growth products and per-year intermediate values, each `count` doubles.
struct ColumnScratch {
    /// Rows per column.
    let count: Int
    private var buffers: [UnsafeMutablePointer<Double>] = []
    /// Read-only broadcast columns, by the bit pattern of their value.
    private var constants: [UInt64: UnsafePointer<Double>] = [:]

    /// Scratch for columns of `count` rows.
    init(count: Int) { self.count = count }

    /// A new column, every row set to `value`.
    mutating func column(filled value: Double) -> UnsafeMutablePointer<Double> {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(count, 1))
        buffer.initialize(repeating: value, count: count)
        buffers.append(buffer)
        return buffer
    }

    /// A read-only column of `value` in every row, shared by every request for the same value.
    mutating func constant(_ value: Double) -> UnsafePointer<Double> {
        if let column = constants[value.bitPattern] { return column }
        let column = UnsafePointer(self.column(filled: value))
        constants[value.bitPattern] = column
        return column
    }

    /// Frees every column.
    func deallocate() { for buffer in buffers { buffer.deallocate() } }
}
