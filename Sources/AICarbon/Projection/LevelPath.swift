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

    /// The level in year index `t` for a chunk of `count` samples, as a column (row `i` is sample `i`'s
    /// level).
    func column(at t: Int, _ inputs: UnsafePointer<Double>, _ count: Int, _ scratch: inout ColumnScratch) -> UnsafePointer<Double> {
        switch self {
        case .constant(let p):
            return p.column(inputs, count, &scratch)
        case .decline(let start, let rate, let floor):
            let s = start.column(inputs, count, &scratch), r = rate.column(inputs, count, &scratch)
            let out = scratch.column(filled: 0)
            for i in 0..<count {
                var level = s[i]
                for _ in 0..<t { level *= 1 - r[i] }
                out[i] = Swift.max(level, floor)
            }
            return UnsafePointer(out)
        case .target(let start, let target, let index):
            if t >= index { return target.column(inputs, count, &scratch) }
            let a = start.column(inputs, count, &scratch), b = target.column(inputs, count, &scratch)
            let out = scratch.column(filled: 0)
            for i in 0..<count { out[i] = a[i] + (b[i] - a[i]) * Double(t) / Double(index) }
            return UnsafePointer(out)
        case .points(let years, let values):
            if t <= years[0] { return values[0].column(inputs, count, &scratch) }
            // A year of its own: the value given, exactly. The line below rounds at its end points (0.4 to 0 over six
            // years gave -5.6e-17 kg/kWh in the sixth, so co2e_kg came out negative).
            if let p = years.firstIndex(of: t) { return values[p].column(inputs, count, &scratch) }
            for p in 1..<years.count where t <= years[p] {
                let a = values[p - 1].column(inputs, count, &scratch), b = values[p].column(inputs, count, &scratch)
                let out = scratch.column(filled: 0)
                for i in 0..<count {
                    out[i] = a[i] + (b[i] - a[i]) * Double(t - years[p - 1]) / Double(years[p] - years[p - 1])
                }
                return UnsafePointer(out)
            }
            return values[values.count - 1].column(inputs, count, &scratch)
        }
    }
}
