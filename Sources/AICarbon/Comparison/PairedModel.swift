/// Two problems' models evaluated on one tile, for a paired comparison in a single run.
///
/// The tile holds `width` input columns for A, then `width` for B (the same uniforms under common random
/// numbers: ``Comparison``). Per compared period and output (a *pair*) the model writes three columns:
/// A's value, B's value and the difference A − B. Either side's value is its model column or a constant
/// (``SimulationProblem/OutputSource``).
struct PairedModel: ChunkModel {
    /// A's and B's models, each reading `width` input columns.
    let a: any ChunkModel, b: any ChunkModel
    /// Input columns of each side.
    let width: Int
    /// Per pair: where A's and B's values come from, and the pair's readable name.
    let pairs: [(a: SimulationProblem.OutputSource, b: SimulationProblem.OutputSource, name: String)]

    var outputCount: Int { 3 * pairs.count }

    /// Column of A's value of pair `p`; B's is the next, A − B the one after.
    static func column(pair p: Int) -> Int { 3 * p }

    func outputName(_ index: Int) -> String {
        "\(pairs[index / 3].name)\(["", " (B)", " (A − B)"][index % 3])"
    }

    func evaluate(inputs x: UnsafePointer<Double>, count n: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        let ma = a.outputCount, mb = b.outputCount
        // Each model column is written straight to the first pair column it fills (no copy); a model column
        // no pair reads goes to scratch, and a pair column that repeats one is copied from it.
        var direct = [Int](repeating: -1, count: ma + mb)
        for (p, pair) in pairs.enumerated() {
            if case .column(let c) = pair.a, direct[c] < 0 { direct[c] = 3 * p }
            if case .column(let c) = pair.b, direct[ma + c] < 0 { direct[ma + c] = 3 * p + 1 }
        }
        let spare = direct.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(spare * n, 1)) { scratch in
            withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Double>.self, capacity: Swift.max(ma + mb, 1)) { columns in
                var next = scratch.baseAddress!
                for c in 0..<(ma + mb) {
                    if direct[c] >= 0 {
                        columns[c] = outputs[direct[c]]
                    } else {
                        columns[c] = next
                        next += n
                    }
                }
                a.evaluate(inputs: x, count: n, outputs: UnsafeMutableBufferPointer(rebasing: columns[0..<ma]))
                b.evaluate(inputs: x + width * n, count: n, outputs: UnsafeMutableBufferPointer(rebasing: columns[ma..<(ma + mb)]))
                func fill(_ target: UnsafeMutablePointer<Double>, _ source: SimulationProblem.OutputSource, offset: Int) {
                    switch source {
                    case .column(let c): if columns[offset + c] != target { target.update(from: columns[offset + c], count: n) }
                    case .constant(let v): target.update(repeating: v, count: n)
                    }
                }
                for (p, pair) in pairs.enumerated() {
                    let va = outputs[3 * p], vb = outputs[3 * p + 1], difference = outputs[3 * p + 2]
                    fill(va, pair.a, offset: 0)
                    fill(vb, pair.b, offset: ma)
                    for i in 0..<n { difference[i] = va[i] - vb[i] }
                }
            }
        }
    }
}
