import Foundation
import Testing
@testable import AICarbon

/// The root finder behind the exact beta and gamma quantiles and their tables (issue 13): how many
/// evaluations it takes matters as much as where it ends, since every table node is one solve.
@Suite("Monotone root finder")
struct MonotoneRootTests {
    /// `e^y − 2`, nondecreasing, with its two derivatives; root `log 2`.
    private static func exponential(_ y: Double) -> (value: Double, slope: Double, curvature: Double) {
        let e = Foundation.exp(y)
        return (e - 2, e, e)
    }

    @Test("from a neighbouring solution one Halley step lands on the root")
    func oneStepFromNeighbour() {
        for offset in [1e-8, -3e-8, 9e-8] {
            var evaluations = 0
            let y = MonotoneRoot.solve(guess: Foundation.log(2.0) + offset, lower: -.infinity, upper: .infinity) { y in
                evaluations += 1
                return Self.exponential(y)
            }
            #expect(evaluations == 1, "offset \(offset)")
            #expect(abs(y - Foundation.log(2.0)) <= Foundation.log(2.0).ulp, "offset \(offset): \(y)")
        }
    }

    @Test("from far away it converges in a few evaluations, bracketed on one side")
    func farGuess() {
        var evaluations = 0
        let y = MonotoneRoot.solve(guess: .nan, lower: -.infinity, upper: 5) { y in
            evaluations += 1
            return Self.exponential(y)
        }
        #expect(evaluations <= 8)
        #expect(abs(y - Foundation.log(2.0)) <= Foundation.log(2.0).ulp)
    }

    @Test("a converged step that rounds onto the bracket's end ends the solve (no bisection)")
    func convergedOntoBracket() {
        // g(1) = −1e-17 < 0 sets the bracket's lower end at 1, and the step 1e-17 rounds back to 1: before
        // the fix this fell back to doubling steps and bisection, some 60 evaluations to reach the same 1.
        var evaluations = 0
        let y = MonotoneRoot.solve(guess: 1, lower: -.infinity, upper: .infinity) { y in
            evaluations += 1
            return ((y - 1) - 1e-17, 1, 0)
        }
        #expect(evaluations == 1)
        #expect(y == 1)
    }

    @Test("an infinite slope is no convergence: the root is still found")
    func infiniteSlope() {
        // g = y − 1, reported with an infinite slope below 1/2 (as a density overflowing at a subnormal x
        // would): the Newton step there is 0, which must not pass for convergence at y = 0.
        let y = MonotoneRoot.solve(guess: 0, lower: -.infinity, upper: .infinity) { y in (y - 1, y < 0.5 ? .infinity : 1, 0) }
        #expect(y == 1)
    }

    @Test("a NaN from the function is a failure")
    func nanFails() {
        let y = MonotoneRoot.solve(guess: 0, lower: -.infinity, upper: .infinity) { _ in (.nan, 1, 0) }
        #expect(y.isNaN)
    }
}
