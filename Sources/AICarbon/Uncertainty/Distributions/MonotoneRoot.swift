/// The root of a nondecreasing function, for the exact inverse CDFs.
///
/// Newton's method safeguarded by bisection (Press et al., *Numerical Recipes*, 3rd ed. 2007, §9.4,
/// `rtsafe`): every evaluation narrows a bracket `[lower, upper]` with `g(lower) ≤ 0 ≤ g(upper)`; a
/// Newton step that would leave the bracket (or has no usable slope) is replaced by bisection, or, while
/// one end is still infinite, by a step away from the finite end that doubles in length. Newton's method
/// converges quadratically near a simple root, so a Newton step below `1e-10 max(1, |y|)` leaves an
/// error far below `10⁻¹⁶`; after a bisection step the bracket must shrink to `1e-14`.
enum MonotoneRoot {
    /// Solves `g(y) = 0` for a nondecreasing `g`.
    /// - Parameters:
    ///   - guess: The starting point (clamped into the bracket; any value if not finite).
    ///   - lower: A point with `g ≤ 0`, or −∞.
    ///   - upper: A point with `g ≥ 0`, or +∞.
    ///   - g: The function and its derivative at `y`. A value of −∞ counts as below the root; NaN is a
    ///     failure.
    /// - Returns: The root, or NaN if `g` returned NaN.
    /// - Complexity: A few evaluations from a good guess; at most 200.
    static func solve(guess: Double, lower: Double, upper: Double, _ g: (Double) -> (value: Double, slope: Double)) -> Double {
        var lo = lower, hi = upper
        var y = guess
        if !y.isFinite || y < lo || y > hi {
            switch (lo.isFinite, hi.isFinite) {
            case (true, true): y = lo + (hi - lo) / 2
            case (true, false): y = lo + 1
            case (false, true): y = hi - 1
            case (false, false): y = 0
            }
        }
        var expansion = 1.0
        for _ in 0..<200 {
            let (value, slope) = g(y)
            if value.isNaN { return .nan }
            if value == 0 { return y }
            if value < 0 { lo = y } else { hi = y }
            var next = y - value / slope
            let newton = next > lo && next < hi
            if !newton {
                if lo.isFinite && hi.isFinite {
                    next = lo + (hi - lo) / 2
                } else {
                    expansion *= 2
                    next = lo.isFinite ? lo + expansion * max(1, abs(lo)) : hi - expansion * max(1, abs(hi))
                }
            }
            let step = next - y
            y = next
            // After a Newton step of relative size s the error is about C s², C = |g''/2g'| (moderate for
            // these log-probabilities in logit or log variables): 1e-10 leaves ~1e-20 C.
            let tolerance = (newton ? 1e-10 : 1e-14) * max(1, abs(y))
            if abs(step) <= tolerance || (hi - lo) <= 4e-16 * max(1, abs(y)) { return y }
        }
        return y
    }
}
