/// How the uniform design behind a simulation is drawn.
public enum SamplingMethod: String, Sendable, Hashable, CaseIterable {
    /// Plain Monte Carlo: independent uniforms from a GSL generator.
    case mc
    /// Latin hypercube (McKay, Beckman & Conover 1979): each chunk is its own randomised Latin
    /// hypercube (random permutations, a random point within each stratum).
    case lhs
    /// Sobol' points (GSL `gsl_qrng_sobol`), randomly shifted modulo 1 per chunk (Cranley & Patterson
    /// 1976), so that chunks are independent replicates. At most 40 uncertain inputs; powers of two
    /// per chunk are best.
    case sobol
}
