import Foundation

/// A linear map from data values to positions on one axis, with readable ticks.
///
/// Ticks are "nice numbers" (1, 2 or 5 × 10ⁿ; Heckbert, "Nice numbers for graph labels", Graphics Gems,
/// 1990) covering the domain; a domain of one value is widened around it so that a constant output
/// still has an axis.
struct ChartScale {
    /// The domain after widening to whole ticks.
    let lower: Double, upper: Double
    /// Positions of `lower` and `upper`.
    let start: Double, end: Double
    /// Tick values, ascending.
    let ticks: [Double]

    /// - Parameters:
    ///   - values: Data values the axis must show (non-finite ones are ignored).
    ///   - start: Position of the smallest tick.
    ///   - end: Position of the largest tick.
    ///   - includeZero: Whether 0 must be on the axis (bars and bands of positive quantities).
    ///   - count: About how many ticks.
    ///   - exact: Whether the axis spans exactly the values (years), with ticks at nice steps inside.
    init(values: [Double], start: Double, end: Double, includeZero: Bool = false, count: Int = 5, exact: Bool = false) {
        var finite = values.filter(\.isFinite)
        if includeZero { finite.append(0) }
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if high == low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = Self.nice((high - low) / Double(Swift.max(count - 1, 1)), round: true)
        let first = (low / step).rounded(exact ? .up : .down) * step, last = exact ? high : (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var k = 0
        while true {
            let t = first + Double(k) * step
            if t > last + step * 1e-9 || k > 50 { break }
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            k += 1
        }
        self.lower = exact ? low : first
        self.upper = last
        self.start = start
        self.end = end
        self.ticks = ticks
    }

    /// The nice number near `x` (rounded, or the next one up).
    static func nice(_ x: Double, round: Bool) -> Double {
        let exponent = Foundation.floor(Foundation.log10(x))
        let fraction = x / Foundation.pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * Foundation.pow(10, exponent)
    }

    /// The position of `value`.
    func position(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}
