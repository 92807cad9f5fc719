/// A jump ahead of ``Taus2`` by a fixed number of steps: each component's transition raised to that power,
/// as a 32×32 matrix over GF(2), applied to a state in eight table lookups a component.
///
/// Each component step of taus2 (L'Ecuyer 1996, 1999; see ``Taus2``) is a masking, shifts and exclusive
/// ors of its 32-bit word, hence a linear map `A` of GF(2)³² (the mask of the first component simply makes
/// its low bit one that the map ignores). `n` steps are `Aⁿ`, computed once here by repeated squaring of
/// the matrices (column `i` of a matrix is the image of bit `i`); applying a precomputed power costs as
/// much as a few steps, whatever `n`. This is the standard jump ahead for F₂-linear generators (H.
/// Haramoto, M. Matsumoto, T. Nishimura, F. Panneton and P. L'Ecuyer, "Efficient jump ahead for F₂-linear
/// random number generators", INFORMS Journal on Computing 20(3), 2008, which also gives faster
/// polynomial methods for large states; with 32-bit components the matrices are small enough).
///
/// To apply a matrix `M` to a word `s`, the word's eight 4-bit nibbles index eight tables of 16 words each
/// (entry `v` of table `k`: the exclusive or of the columns `4k + b` of `M` for the bits `b` set in `v`),
/// and the eight entries are combined by exclusive or: 1.5 KiB of tables a jump for the three components.
struct Taus2Jump: Sendable {
    /// The nibble tables, component `c` (0, 1, 2) and nibble `k` (0 to 7) at `(8c + k) · 16`.
    private let tables: [UInt32]

    /// The jump by `steps` steps of the generator.
    /// - Parameter steps: Number of steps, any (0 is the identity).
    init(steps: UInt64) {
        var tables: [UInt32] = []
        tables.reserveCapacity(3 * 8 * 16)
        for step in [Taus2.step1, Taus2.step2, Taus2.step3] {
            let power = BitMatrix(step).power(steps)
            for k in 0..<8 {
                for v in 0..<16 {
                    var word: UInt32 = 0
                    for b in 0..<4 where v >> b & 1 == 1 { word ^= power.columns[4 * k + b] }
                    tables.append(word)
                }
            }
        }
        self.tables = tables
    }

    /// The jumps by 2⁰, 2¹, …, 2⁷ steps, built once (a `static let`: initialised once, thread-safely).
    /// ``Taus2/fill(_:count:)`` jumps its lanes by segments of at most 2⁷ steps, composed from these.
    static let powersOfTwo: [Taus2Jump] = (0...7).map { Taus2Jump(steps: 1 << $0) }

    /// The three component states `steps` steps on.
    /// - Parameters:
    ///   - s1: The first component's state.
    ///   - s2: The second's.
    ///   - s3: The third's.
    /// - Returns: The three states after the jump.
    @inline(__always)
    func apply(_ s1: UInt32, _ s2: UInt32, _ s3: UInt32) -> (UInt32, UInt32, UInt32) {
        tables.withUnsafeBufferPointer { t in
            let t = t.baseAddress!
            /// `M·s` for the component whose tables start at `base`.
            @inline(__always)
            func product(_ s: UInt32, _ base: UnsafePointer<UInt32>) -> UInt32 {
                var r: UInt32 = 0
                for k in 0..<8 { r ^= base[16 * k + Int(truncatingIfNeeded: s >> UInt32(4 * k) & 15)] }
                return r
            }
            return (product(s1, t), product(s2, t + 128), product(s3, t + 256))
        }
    }
}

extension Taus2Jump {
    /// A 32×32 matrix over GF(2): column `i` is the image of the word with only bit `i` set.
    struct BitMatrix {
        /// The 32 columns.
        var columns: [UInt32]

        /// The matrix of a linear map of 32-bit words.
        /// - Parameter map: The map; it must be GF(2)-linear (shifts, masks and exclusive ors).
        init(_ map: (UInt32) -> UInt32) {
            columns = (0..<32).map { map(1 << UInt32($0)) }
        }

        /// The identity.
        static let identity = BitMatrix { $0 }

        /// The product with a word: the exclusive or of the columns of its set bits.
        /// - Parameter s: The word.
        /// - Returns: `M·s`.
        func callAsFunction(_ s: UInt32) -> UInt32 {
            var r: UInt32 = 0
            for i in 0..<32 where s >> UInt32(i) & 1 == 1 { r ^= columns[i] }
            return r
        }

        /// The product `self · other` (apply `other`, then `self`).
        /// - Parameter other: The right factor.
        /// - Returns: The product.
        func times(_ other: BitMatrix) -> BitMatrix {
            var m = other
            m.columns = other.columns.map { self($0) }
            return m
        }

        /// The `n`th power, by repeated squaring.
        /// - Parameter n: The exponent (0 gives the identity).
        /// - Returns: `selfⁿ`.
        func power(_ n: UInt64) -> BitMatrix {
            var result = BitMatrix.identity, square = self, n = n
            while n > 0 {
                if n & 1 == 1 { result = square.times(result) }
                square = square.times(square)
                n >>= 1
            }
            return result
        }
    }
}
