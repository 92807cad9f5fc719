/// A projection input as the model reads it: a fixed number, or a column of sampled values.
enum ProjectionParameter: Sendable, Hashable {
    case fixed(Double)
    case column(Int)

    /// The value for sample `i` of a chunk of `count` samples.
    @inline(__always)
    func value(_ inputs: UnsafePointer<Double>, _ count: Int, _ i: Int) -> Double {
        switch self {
        case .fixed(let v): return v
        case .column(let j): return inputs[j * count + i]
        }
    }

}
