internal import CGSL

/// Owns one GSL generator (`gsl_rng`), freed on deinit. Not shared between threads: each chunk of a
/// simulation has its own.
final class RandomGenerator {
    private let rng: OpaquePointer

    /// Allocates and seeds a generator.
    /// - Parameters:
    ///   - kind: The GSL generator type.
    ///   - seed: The seed (GSL's `gsl_rng_set`; MT19937 uses its low 32 bits).
    /// - Throws: ``InputError`` if GSL cannot allocate it.
    init(_ kind: GeneratorKind, seed: UInt64) throws(InputError) {
        GSLRuntime.prepare()
        guard let rng = gsl_rng_alloc(kind.gslType) else {
            throw InputError(field: "generator", expected: "memory for a GSL generator", found: "allocation failure")
        }
        self.rng = OpaquePointer(rng)
        gsl_rng_set(UnsafePointer(rng), UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(UnsafeMutablePointer(rng)) }

    /// Fills `buffer` with uniforms in the open interval (0, 1).
    func fillUniform(_ buffer: UnsafeMutablePointer<Double>, count: Int) {
        aic_rng_fill_uniform_pos(UnsafePointer(rng), buffer, count)
    }

    /// One uniform in (0, 1).
    func uniform() -> Double { gsl_rng_uniform_pos(UnsafePointer(rng)) }

    /// A uniform integer in 0..<n (n ≥ 1), GSL's `gsl_rng_uniform_int`.
    func integer(below n: Int) -> Int { Int(gsl_rng_uniform_int(UnsafePointer(rng), UInt(n))) }
}
