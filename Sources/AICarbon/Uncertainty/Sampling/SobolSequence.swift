internal import CGSL

/// Owns one GSL Sobol' generator (`gsl_qrng_sobol`, Bratley & Fox 1988 / Antonov & Saleev 1979),
/// freed on deinit.
final class SobolSequence {
    /// GSL's Sobol' generator supports at most 40 dimensions and misbehaves silently beyond.
    static let maxDimension = 40
    private let qrng: OpaquePointer
    let dimension: Int

    /// Allocates a generator at the start of the sequence.
    /// - Parameter dimension: 1…40.
    /// - Throws: ``InputError`` beyond 40 dimensions or on allocation failure.
    init(dimension: Int) throws(InputError) {
        GSLRuntime.prepare()
        guard (1...Self.maxDimension).contains(dimension) else {
            throw InputError(field: "method", expected: "at most \(Self.maxDimension) uncertain inputs for sobol (use mc or lhs)",
                             found: "\(dimension) uncertain inputs")
        }
        guard let q = gsl_qrng_alloc(aic_qrng_sobol(), UInt32(dimension)) else {
            throw InputError(field: "method", expected: "memory for a GSL Sobol' generator", found: "allocation failure")
        }
        qrng = OpaquePointer(q)
        self.dimension = dimension
    }

    deinit { gsl_qrng_free(UnsafeMutablePointer(qrng)) }

    /// Writes the next point (`dimension` values in [0, 1)) to `point`.
    func next(_ point: UnsafeMutablePointer<Double>) {
        _ = gsl_qrng_get(UnsafePointer(qrng), point)
    }
}
