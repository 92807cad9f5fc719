/// An unevaluated sum `hi + lo` of two doubles (|lo| ≤ ulp(hi)/2), about 106 bits of precision, used
/// once per process to compute the kernels' tables (``ExpKernel``, ``LogKernel``) to well below an ulp.
///
/// Algorithms: Knuth's two-sum (TAOCP vol. 2, §4.2.2, Theorem B), Dekker's exact product with
/// Veltkamp's splitting (Dekker, "A floating-point technique for extending the available precision",
/// Numerische Mathematik 18, 1971), and the double-double operations built on them (Hida, Li & Bailey,
/// "Algorithms for quad-double precision floating point arithmetic", ARITH-15, 2001). Only IEEE basic
/// operations, no fused multiply-add, so the tables are the same on every machine.
struct DoubleDouble: Sendable {
    /// The leading part.
    var hi: Double
    /// The trailing part.
    var lo: Double

    /// A double-double from its two parts (normalised by the caller) or from one double.
    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// ln 2 to 106 bits: 0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56.
    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)

    /// `a + b` exactly as `s + e` (Knuth's two-sum).
    static func twoSum(_ a: Double, _ b: Double) -> (s: Double, e: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// `a + b` exactly as `s + e`, given |a| ≥ |b| (Dekker's fast two-sum).
    static func quickTwoSum(_ a: Double, _ b: Double) -> (s: Double, e: Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// Veltkamp's splitting: `a = hi + lo`, each with at most 26 significant bits.
    static func split(_ a: Double) -> (hi: Double, lo: Double) {
        let c = 134_217_729.0 * a  // 2^27 + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }

    /// `a · b` exactly as `p + e` (Dekker's product).
    static func twoProduct(_ a: Double, _ b: Double) -> (p: Double, e: Double) {
        let p = a * b
        let (ah, al) = split(a), (bh, bl) = split(b)
        return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (s, e) = twoSum(a.hi, b.hi)
        let (t, f) = twoSum(a.lo, b.lo)
        let (s1, e1) = quickTwoSum(s, e + t)
        let (s2, e2) = quickTwoSum(s1, e1 + f)
        return DoubleDouble(s2, e2)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(-a.hi, -a.lo) }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (p, e) = twoProduct(a.hi, b.hi)
        let (s, f) = quickTwoSum(p, e + (a.hi * b.lo + a.lo * b.hi))
        return DoubleDouble(s, f)
    }

    /// `a / b` by three steps of long division.
    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        let r1 = a - b * DoubleDouble(q1)
        let q2 = r1.hi / b.hi
        let r2 = r1 - b * DoubleDouble(q2)
        let q3 = r2.hi / b.hi
        let (s, e) = quickTwoSum(q1, q2)
        return DoubleDouble(s, e) + DoubleDouble(q3)
    }

    /// `e^a` for |a| ≤ 1, by its Taylor series to at most 40 terms (the remainder is below 10⁻⁴⁸), stopped
    /// at the first term that no longer changes the sum (the later ones are smaller still).
    /// - Parameter a: The argument, |a| ≤ 1.
    /// - Returns: `e^a` to about 106 bits.
    static func exp(_ a: DoubleDouble) -> DoubleDouble {
        var sum = DoubleDouble(1), term = DoubleDouble(1)
        for k in 1...40 {
            term = term * a / DoubleDouble(Double(k))
            let next = sum + term
            if next.hi == sum.hi && next.lo == sum.lo { break }
            sum = next
        }
        return sum
    }

    /// `log a` for a in [1/2, 2], by Newton's method on `e^y = a` (`y ← y + a e^(−y) − 1`; each step
    /// doubles the number of correct bits) from the cubic Taylor polynomial of `log(1 + x)` at `x = a − 1`
    /// (no library logarithm, so the result is the same on every machine); at most 7 steps, stopped at a
    /// fixed point (a step that changes nothing would change nothing again).
    /// - Parameter a: The argument, in [1/2, 2].
    /// - Returns: `log a` to about 106 bits.
    static func log(_ a: DoubleDouble) -> DoubleDouble {
        let x = a.hi - 1
        var y = DoubleDouble(x - x * x / 2 + x * x * x / 3)
        for _ in 0..<7 {
            let next = y + a * exp(-y) - DoubleDouble(1)
            if next.hi == y.hi && next.lo == y.lo { break }
            y = next
        }
        return y
    }
}
