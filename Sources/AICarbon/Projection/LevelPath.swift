import Foundation

/// A quantity's level in each year: constant, declining at a rate, moving linearly to a target, or
/// interpolated linearly between explicit points (flat outside them).
enum LevelPath: Sendable, Hashable {
    case constant(ProjectionParameter)
    /// `start × (1 − rate)^t`, not below `floor`.
    case decline(start: ProjectionParameter, rate: ProjectionParameter, floor: Double)
    /// Linear from `start` in the first year to `target` in `targetIndex` (years after the start), flat after.
    case target(start: ProjectionParameter, target: ProjectionParameter, targetIndex: Int)
    /// Linear interpolation between (year index, value) points.
    case points([Int], [ProjectionParameter])

    @inline(__always)
    func value(at t: Int, _ inputs: UnsafePointer<Double>, _ count: Int, _ i: Int) -> Double {
        switch self {
        case .constant(let p):
            return p.value(inputs, count, i)
        case .decline(let start, let rate, let floor):
            var level = start.value(inputs, count, i)
            let r = rate.value(inputs, count, i)
            for _ in 0..<t { level *= 1 - r }
            return Swift.max(level, floor)
        case .target(let start, let target, let index):
            let a = start.value(inputs, count, i), b = target.value(inputs, count, i)
            return t >= index ? b : a + (b - a) * Double(t) / Double(index)
        case .points(let years, let values):
            if t <= years[0] { return values[0].value(inputs, count, i) }
            for p in 1..<years.count where t <= years[p] {
                let a = values[p - 1].value(inputs, count, i), b = values[p].value(inputs, count, i)
                return a + (b - a) * Double(t - years[p - 1]) / Double(years[p] - years[p - 1])
            }
            return values[values.count - 1].value(inputs, count, i)
        }
    }

}
