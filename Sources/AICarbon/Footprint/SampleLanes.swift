/// Four samples of one quantity, evaluated together: the simulation engine runs ``FootprintModel`` on
/// lanes so that the equations' divisions and products of consecutive samples run side by side in
/// vector registers instead of one dependent chain per sample.
struct SampleLanes: FootprintArithmetic {
    /// Lanes per value.
    static let width = 4

    /// One value per sample.
    var values: SIMD4<Double>

    /// Lanes holding the given values.
    @inline(__always)
    init(_ values: SIMD4<Double>) { self.values = values }

    /// Every lane `value`.
    @inline(__always)
    init(repeating value: Double) { values = SIMD4(repeating: value) }

    init(integerLiteral value: Int) { values = SIMD4(repeating: Double(value)) }

    static var nan: SampleLanes { SampleLanes(repeating: .nan) }

    @inline(__always)
    static func + (lhs: SampleLanes, rhs: SampleLanes) -> SampleLanes { SampleLanes(lhs.values + rhs.values) }

    @inline(__always)
    static func - (lhs: SampleLanes, rhs: SampleLanes) -> SampleLanes { SampleLanes(lhs.values - rhs.values) }

    @inline(__always)
    static func * (lhs: SampleLanes, rhs: SampleLanes) -> SampleLanes { SampleLanes(lhs.values * rhs.values) }

    @inline(__always)
    static func / (lhs: SampleLanes, rhs: SampleLanes) -> SampleLanes { SampleLanes(lhs.values / rhs.values) }

    @inline(__always)
    static func maximum(_ a: SampleLanes, _ b: SampleLanes) -> SampleLanes { SampleLanes(pointwiseMax(a.values, b.values)) }

    @inline(__always)
    static func minimum(_ a: SampleLanes, _ b: SampleLanes) -> SampleLanes { SampleLanes(pointwiseMin(a.values, b.values)) }

    static func value(_ value: SampleLanes, wherePositive condition: SampleLanes) -> SampleLanes? {
        let positive = condition.values .> 0
        if !any(positive) { return nil }
        return SampleLanes(SIMD4(repeating: .nan).replacing(with: value.values, where: positive))
    }
}
