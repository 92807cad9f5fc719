/// The root of a nondecreasing function, for the exact inverse CDFs.
///
/// Halley's method (Householder's method of order 2: `y ← y − g / (g' − g g'' / (2 g'))`, cubic convergence
/// near a simple root; Householder, *The Numerical Treatment of a Single Nonlinear Equation*, 1970, §4.4),
/// with Newton's step where Halley's is unusable, both safeguarded by bisection (Press et al., *Numerical
/// Recipes*, 3rd ed. 2007, §9.4, `rtsafe`): every evaluation narrows a bracket `[lower, upper]` with
/// `g(lower) ≤ 0 ≤ g(upper)`; a step that would leave the bracket (or has no usable slope) is replaced by
/// bisection, or, while one end is still infinite, by a step away from the finite end that doubles in
/// length. After a Halley step `s` the error is about `κ² |s|³`, with `κ = |g''/2g'|` the curvature scale
/// (taking `g'''/6g'` of the order of `κ²`, as for these smooth log-probabilities in log or logit
/// variables), so a step below `1e-7 max(1, |y|)` with `κ |s| ≤ 10⁻⁵` leaves an error below
/// `10⁻¹⁷ max(1, |y|)`; large shapes, whose curvature is large, take a second step. After a Newton step the
/// error is about `κ s²`, so a step below `1e-10 max(1, |y|)` (κ moderate). Either ends the solve, even when
/// it rounds onto the end of the bracket. After a bisection step the
/// bracket must shrink to `1e-14`. From a neighbouring solution (a table's nodes) one evaluation usually
/// suffices.
enum MonotoneRoot {
    /// Solves `g(y) = 0` for a nondecreasing `g`.
    /// - Parameters:
    ///   - guess: The starting point (clamped into the bracket; any value if not finite).
    ///   - lower: A point with `g ≤ 0`, or −∞.
    ///   - upper: A point with `g ≥ 0`, or +∞.
    ///   - g: The function and its first and second derivatives at `y`. A value of −∞ counts as below the
    ///     root; NaN is a failure. A non-finite second derivative falls back to Newton's step.
    /// - Returns: The root, or NaN if `g` returned NaN.
    /// - Complexity: A few evaluations from a good guess; at most 200.
    static func solve(guess: Double, lower: Double, upper: Double,
                      _ g: (Double) -> (value: Double, slope: Double, curvature: Double)) -> Double {
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
            let (value, slope, curvature) = g(y)
            if value.isNaN { return .nan }
            if value == 0 { return y }
            if value < 0 { lo = y } else { hi = y }
            // Halley's step where the slope is finite and positive and the denominator is at least half of
            // it (near the root it is the slope, slightly corrected), else Newton's.
            let usable = slope.isFinite && slope > 0
            let denominator = slope - value * curvature / (2 * slope)
            let halley = usable && denominator.isFinite && denominator > slope / 2
            var next = y - value / (halley ? denominator : slope)
            // A step this small, from a usable slope, has converged. Its end may round onto the end of the
            // bracket just set at y (a step under half an ulp of y): that is convergence, not a step out of
            // the bracket, and must not fall back to bisection, which would spend some 20–50 evaluations
            // halving the bracket down to the same root. A step beyond the bracket is not converged.
            let size = abs(next - y), scale = max(1, abs(y))
            let converged = halley ? size <= 1e-7 * scale && abs(curvature / (2 * slope)) * size <= 1e-5 : size <= 1e-10 * scale
            if usable && converged && next >= lo && next <= hi { return next }
            let bisected = !(next > lo && next < hi)
            if bisected {
                if lo.isFinite && hi.isFinite {
                    next = lo + (hi - lo) / 2
                } else {
                    expansion *= 2
                    next = lo.isFinite ? lo + expansion * max(1, abs(lo)) : hi - expansion * max(1, abs(hi))
                }
            }
            let step = next - y
            y = next
            if (bisected && abs(step) <= 1e-14 * max(1, abs(y))) || (hi - lo) <= 4e-16 * max(1, abs(y)) { return y }
        }
        return y
    }
}
