/// The arithmetic the footprint equations are written in: `Double` for one evaluation, or columns of
/// samples inside the simulation engine (``FootprintModel`` is generic over it).
///
/// Every operation is the IEEE-754 operation of each sample, so an equation evaluated on columns gives
/// bit for bit what it gives on each sample's `Double`s.
public protocol FootprintArithmetic: ExpressibleByIntegerLiteral, Sendable {
    /// Sum.
    static func + (lhs: Self, rhs: Self) -> Self
    /// Difference.
    static func - (lhs: Self, rhs: Self) -> Self
    /// Product.
    static func * (lhs: Self, rhs: Self) -> Self
    /// Quotient.
    static func / (lhs: Self, rhs: Self) -> Self
    /// Not a number (an absent optional output).
    static var nan: Self { get }
    /// `value` where `condition` is positive, for quantities defined only then (wall-clock time needs a
    /// chip count).
    /// - Parameters:
    ///   - value: The quantity.
    ///   - condition: The quantity it depends on.
    /// - Returns: `value`, or nil when no value of `condition` is positive; samples whose condition is not
    ///   positive are NaN.
    static func value(_ value: Self, wherePositive condition: Self) -> Self?
    /// The larger of two values (per lane).
    static func maximum(_ a: Self, _ b: Self) -> Self
    /// The smaller of two values (per lane).
    static func minimum(_ a: Self, _ b: Self) -> Self
}

extension Double: FootprintArithmetic {
    public static func value(_ value: Double, wherePositive condition: Double) -> Double? {
        condition > 0 ? value : nil
    }

    @inlinable
    public static func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }

    @inlinable
    public static func minimum(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
}
