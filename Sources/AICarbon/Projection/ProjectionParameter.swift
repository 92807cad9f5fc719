/// A projection input as the model reads it: a fixed number, or a column of sampled values.
enum ProjectionParameter: Sendable, Hashable {
    case fixed(Double)
    case column(Int)

    /// The values for a chunk of `count` samples as a column: the sampled column itself, or the fixed
    /// value broadcast into `scratch`.
    func column(_ inputs: UnsafePointer<Double>, _ count: Int, _ scratch: inout ColumnScratch) -> UnsafePointer<Double> {
        switch self {
        case .fixed(let v): return scratch.constant(v)
        case .column(let j): return inputs + j * count
        }
    }
}
