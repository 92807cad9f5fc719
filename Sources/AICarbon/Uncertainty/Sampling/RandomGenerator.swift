internal import CGSL

/// One chunk's pseudo-random generator: taus2 in Swift (``Taus2``, the same stream as GSL's
/// `gsl_rng_taus2`, bit for bit, filled a column at a time), or a GSL generator (`gsl_rng`, freed on
/// deinit) for the other kinds. Not shared between threads: each chunk of a simulation has its own.
final class RandomGenerator {
    private var taus2: Taus2
    private let rng: OpaquePointer?

    /// Allocates and seeds a generator.
    /// - Parameters:
    ///   - kind: The generator type.
    ///   - seed: The seed (GSL's `gsl_rng_set`; MT19937 uses its low 32 bits).
    ///   - throughGSL: Whether taus2 too is drawn through GSL (the reference, for tests).
    /// - Throws: ``InputError`` if GSL cannot allocate it.
    init(_ kind: GeneratorKind, seed: UInt64, throughGSL: Bool = false) throws(InputError) {
        taus2 = Taus2(seed: seed)
        guard kind != .taus2 || throughGSL else {
            rng = nil
            return
        }
        GSLRuntime.prepare()
        guard let rng = gsl_rng_alloc(kind.gslType) else {
            throw InputError(field: "generator", expected: "memory for a GSL generator", found: "allocation failure")
        }
        self.rng = OpaquePointer(rng)
        gsl_rng_set(UnsafePointer(rng), UInt(truncatingIfNeeded: seed))
    }

    deinit {
        if let rng { gsl_rng_free(UnsafeMutablePointer(rng)) }
    }

    /// Fills `buffer` with uniforms in the open interval (0, 1) (GSL's `gsl_rng_uniform_pos`).
    func fillUniform(_ buffer: UnsafeMutablePointer<Double>, count: Int) {
        if let rng {
            aic_rng_fill_uniform_pos(UnsafePointer(rng), buffer, count)
        } else {
            taus2.fill(buffer, count: count)
        }
    }

    /// One uniform in (0, 1).
    func uniform() -> Double {
        if let rng { return gsl_rng_uniform_pos(UnsafePointer(rng)) }
        return taus2.uniform()
    }

    /// A uniform integer in 0..<n (n ≥ 1), GSL's `gsl_rng_uniform_int`.
    func integer(below n: Int) -> Int {
        if let rng { return Int(gsl_rng_uniform_int(UnsafePointer(rng), UInt(n))) }
        return Int(taus2.integer(below: UInt64(n)))
    }
}
