/// A model the simulation engine can evaluate on a chunk of sampled inputs.
///
/// The engine knows nothing about what the model computes; the model knows nothing about sampling.
public protocol ChunkModel: Sendable {
    /// Number of outputs per sample.
    var outputCount: Int { get }
    /// Evaluates `count` samples.
    /// - Parameters:
    ///   - inputs: Sampled values of the uncertain inputs, column-major (`dimension` columns of `count`).
    ///   - count: Samples in the chunk.
    ///   - outputs: One pointer per output; write `count` values to each.
    func evaluate(inputs: UnsafePointer<Double>, count: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>)
    /// A readable name for output column `index`, for error messages.
    func outputName(_ index: Int) -> String
}

extension ChunkModel {
    public func outputName(_ index: Int) -> String { "output \(index)" }
}
