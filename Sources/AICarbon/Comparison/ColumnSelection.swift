/// A model that reads its inputs from chosen columns of a wider input matrix.
///
/// Two problems compared on common random numbers are sampled on the union of their inputs, so that
/// an input both have (by name) draws the same uniforms in both runs; each problem's model then reads
/// its own columns from that union through this adapter.
struct ColumnSelection: ChunkModel {
    /// The model whose inputs are selected.
    let model: any ChunkModel
    /// For each of the model's input columns, its column in the wider matrix.
    let columns: [Int]

    var outputCount: Int { model.outputCount }

    func outputName(_ index: Int) -> String { model.outputName(index) }

    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(columns.count * count, 1)) { selected in
            for (j, column) in columns.enumerated() {
                (selected.baseAddress! + j * count).update(from: inputs + column * count, count: count)
            }
            model.evaluate(inputs: selected.baseAddress!, count: count, outputs: outputs)
        }
    }
}
