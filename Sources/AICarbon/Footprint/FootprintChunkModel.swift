/// Binds ``FootprintModel`` to the simulation engine: each sampled column sets one ``InputSlot`` of a
/// template, and each requested ``OutputName`` is written to its own column.
public struct FootprintChunkModel: ChunkModel {
    /// Fixed inputs and modes.
    public var template: FootprintInputs
    /// The slot each input column sets, in column order.
    public var slots: [InputSlot]
    /// The outputs written, in order.
    public var outputs: [OutputName]

    /// Creates the adapter.
    public init(template: FootprintInputs, slots: [InputSlot], outputs: [OutputName]) {
        self.template = template
        self.slots = slots
        self.outputs = outputs
    }

    public var outputCount: Int { outputs.count }

    public func outputName(_ index: Int) -> String { outputs[index].rawValue }

    public func evaluate(inputs: UnsafePointer<Double>, count: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        // Sampled values are written straight into the template's stored properties and outputs read
        // straight from the result's, by byte offset (no per-sample dispatch on slot or output name).
        let inputOffsets = slots.map(FootprintInputs.byteOffset)
        let outputOffsets = outputs.map { name in FootprintOutputs.keyPath(name).flatMap { MemoryLayout<FootprintOutputs>.offset(of: $0) } ?? -1 }
        let names = outputs
        var x = template
        withUnsafeMutablePointer(to: &x) { point in
            let raw = UnsafeMutableRawPointer(point)
            for i in 0..<count {
                for (j, offset) in inputOffsets.enumerated() {
                    raw.storeBytes(of: inputs[j * count + i], toByteOffset: offset, as: Double.self)
                }
                let y = FootprintModel.evaluate(point.pointee)
                withUnsafeBytes(of: y) { result in
                    for (o, offset) in outputOffsets.enumerated() {
                        columns[o][i] = offset >= 0 ? result.load(fromByteOffset: offset, as: Double.self) : y[names[o]]
                    }
                }
            }
        }
    }
}
