import Foundation
import Testing
@testable import AICarbon

/// Weibull quantiles (issue 13): one value on the kernels within 2·10⁻¹⁴ relative of GSL's
/// `gsl_cdf_weibull_Pinv` over probabilities from 10⁻¹² to 1 − 10⁻¹², a column (as the engine samples it,
/// from the Weibull's quantile table) within 10⁻¹¹ of one value.
@Suite("Weibull quantiles on the kernels")
struct WeibullQuantileTests {
    @Test("one value within 2e-14 relative of GSL's gsl_cdf_weibull_Pinv, a column within 1e-11 of one value",
          arguments: [0.5, 1, 1.5, 3.5, 10] as [Double])
    func againstGSL(shape: Double) {
        var ps = [Double]()
        for e in stride(from: -12.0, through: -0.31, by: 0.01) {
            ps.append(Foundation.pow(10, e))
            ps.append(1 - Foundation.pow(10, e))
        }
        ps += [0x1p-53, 0.5, 1 - 0x1p-53]
        for scale in [1.0, 40_000] {
            let distribution = Distribution.weibull(shape: shape, scale: scale)
            let column = distribution.quantiles(at: ps)
            var worst = 0.0, worstColumn = 0.0
            for (p, q) in zip(ps, column) {
                let reference = GSLRuntime.weibullQuantile(p, shape: shape, scale: scale), one = distribution.quantile(p)
                worst = max(worst, abs(one - reference) / reference)
                worstColumn = max(worstColumn, abs(q - one) / one)
            }
            #expect(worst <= 2e-14, "shape \(shape), scale \(scale): \(worst)")
            #expect(worstColumn <= 1e-11, "shape \(shape), scale \(scale), column: \(worstColumn)")
            print("weibull(\(shape), \(scale)): one value \(worst) from GSL, column \(worstColumn) from one value")
        }
    }

    @Test("the median is λ (ln 2)^(1/k), and the ends are 0 and infinity")
    func closedForms() {
        let d = Distribution.weibull(shape: 3.5, scale: 40_000)
        #expect(abs(d.quantile(0.5) / (40_000 * Foundation.pow(Foundation.log(2), 1 / 3.5)) - 1) < 1e-15)
        #expect(d.quantile(0) == 0 && d.quantile(1) == .infinity)
        // Far below the tested range the error grows with |ln t| / k (exp of a larger argument), still small.
        let tiny = Distribution.weibull(shape: 1, scale: 1).quantile(1e-300)
        #expect(abs(tiny / GSLRuntime.weibullQuantile(1e-300, shape: 1, scale: 1) - 1) < 1e-12)
    }
}
