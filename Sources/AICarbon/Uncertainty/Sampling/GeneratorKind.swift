internal import CGSL

/// The GSL pseudo-random generator behind Monte Carlo sampling and the randomisation of Latin
/// hypercube and Sobol' designs.
public enum GeneratorKind: String, Sendable, Hashable, CaseIterable {
    /// Mersenne Twister MT19937 (Matsumoto & Nishimura 1998), GSL's `gsl_rng_mt19937`.
    case mt19937
    /// RANLUX, double precision, luxury level 2 (Lüscher 1994), `gsl_rng_ranlxd2`: slower, decorrelated.
    case ranlxd2
    /// Maximally equidistributed combined Tausworthe generator (L'Ecuyer 1996, seeding of L'Ecuyer
    /// 1999), `gsl_rng_taus2`: the default. Period 2⁸⁸, three words of state, one of the generators the
    /// GSL manual recommends for simulation. Drawn by ``Taus2``, a Swift implementation giving GSL's stream
    /// bit for bit (tested against GSL), a column at a time: about two thirds of the time a draw takes
    /// through GSL's interface (`aicarbon-benchmark quantiles`), against 7–8 ns for MT19937 through GSL.
    case taus2

    var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .mt19937: return aic_rng_mt19937()
        case .ranlxd2: return aic_rng_ranlxd2()
        case .taus2: return aic_rng_taus2()
        }
    }
}
