/// Binds ``FootprintModel`` to the simulation engine: each sampled column sets one ``InputSlot`` of a
/// template, and each requested ``OutputName`` is written to its own column.
struct FootprintChunkModel: ChunkModel {
    /// Fixed inputs and modes.
    public let template: FootprintVariables<Double>
    /// The slot each input column sets, in column order.
    public let slots: [InputSlot]
    /// The outputs written, in order.
    public let outputs: [OutputName]
    /// The template on lanes: every lane holds the fixed value.
    private let lanesTemplate: FootprintVariables<SampleLanes>
    /// Per input column, the byte offset of its slot in ``lanesTemplate``.
    private let inputOffsets: [Int]
    /// Per output, the byte offset of its value in the lanes' results, or -1 for an optional output.
    private let outputOffsets: [Int]

    /// Creates the adapter.
    /// - Parameters:
    ///   - template: Fixed inputs and modes.
    ///   - slots: The slot each input column sets, in column order.
    ///   - outputs: The outputs written, in order.
    public init(template: FootprintVariables<Double>, slots: [InputSlot], outputs: [OutputName]) {
        self.template = template
        self.slots = slots
        self.outputs = outputs
        // Worked out once: key paths into the generic lanes types are instantiated at run time.
        typealias Results = FootprintResults<SampleLanes>
        lanesTemplate = template.map(SampleLanes.init(repeating:))
        inputOffsets = slots.map(FootprintVariables<SampleLanes>.byteOffset)
        outputOffsets = outputs.map { name in Results.keyPath(name).flatMap { MemoryLayout<Results>.offset(of: $0) } ?? -1 }
    }

    public var outputCount: Int { outputs.count }

    public func outputName(_ index: Int) -> String { outputs[index].rawValue }

    public func evaluate(inputs: UnsafePointer<Double>, count: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        // The model runs on lanes of four consecutive samples (``SampleLanes``): sampled values are
        // written straight into the lanes template's stored properties and outputs read straight from
        // the result's, by byte offset (no per-sample dispatch on slot or output name).
        let width = SampleLanes.width, inputOffsets = inputOffsets, outputOffsets = outputOffsets, names = outputs
        var x = lanesTemplate
        var i = 0
        while i < count {
            // A last group of fewer than four samples repeats its last sample in the spare lanes.
            let lanes = min(width, count - i)
            withUnsafeMutableBytes(of: &x) { raw in
                for (j, offset) in inputOffsets.enumerated() {
                    let column = inputs + j * count + i
                    var values = SIMD4(repeating: column[lanes - 1])
                    if lanes == width {
                        values = UnsafeRawPointer(column).loadUnaligned(as: SIMD4<Double>.self)
                    } else {
                        for l in 0..<lanes { values[l] = column[l] }
                    }
                    raw.storeBytes(of: SampleLanes(values), toByteOffset: offset, as: SampleLanes.self)
                }
            }
            let y = FootprintModel.evaluate(x)
            withUnsafeBytes(of: y) { result in
                for (o, offset) in outputOffsets.enumerated() {
                    let values = offset >= 0 ? result.load(fromByteOffset: offset, as: SampleLanes.self).values : y[names[o]].values
                    if lanes == width {
                        UnsafeMutableRawPointer(columns[o] + i).storeBytes(of: values, as: SIMD4<Double>.self)
                    } else {
                        for l in 0..<lanes { columns[o][i + l] = values[l] }
                    }
                }
            }
            i += lanes
        }
    }
}
