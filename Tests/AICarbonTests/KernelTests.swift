import Foundation
import Testing
@testable import AICarbon

/// The sampling kernels (issue 13): `exp` and `log` within 1 ulp, the inverse normal within a few ulp of
/// GSL's `gsl_cdf_ugaussian_Pinv` (the reference), taus2 bit for bit GSL's, and committed bit patterns
/// that any machine computing differently fails. Seeded: the same arguments on every run.
@Suite("Kernels: exp, log, inverse normal, taus2 (issue 13)")
struct KernelTests {
    typealias Generator = SplitMixForTests

    /// A uniform double in [0, 1) from 53 random bits.
    static func unit(_ g: inout Generator) -> Double { Double(g.next() >> 11) * 0x1p-53 }

    /// The kernel's column function applied to a copy of `values`.
    static func column(_ values: [Double], _ apply: (UnsafeMutablePointer<Double>, Int) -> Void) -> [Double] {
        var out = values
        out.withUnsafeMutableBufferPointer { apply($0.baseAddress!, $0.count) }
        return out
    }

    /// The distance in units in the last place between two doubles of the same sign (0 when both NaN).
    static func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
        if a.isNaN && b.isNaN { return 0 }
        if a == b { return 0 }
        func ordered(_ x: Double) -> Int64 {
            let bits = Int64(bitPattern: x.bitPattern)
            return bits < 0 ? Int64.min &- bits : bits
        }
        let d = ordered(a) &- ordered(b)
        return d == .min ? .max : UInt64(d.magnitude)
    }

    #if arch(x86_64) && !os(Windows)
    /// The error of `value` in ulps of the double nearest `reference` (80-bit, 64 significant bits).
    static func ulpError(_ value: Double, _ reference: Float80) -> Double {
        let nearest = Double(reference)
        if value == nearest && !value.isFinite { return 0 }
        // The ulp of the binade holding the exact value (below a power of two, the smaller one).
        let ulp = Float80(nearest.magnitude) <= reference.magnitude ? nearest.magnitude.ulp : nearest.magnitude.nextDown.ulp
        return Double(((Float80(value) - reference) / Float80(ulp)).magnitude)
    }
    #endif

    static func expArguments() -> [Double] {
        var g = Generator(seed: 13)
        var xs = [Double]()
        for _ in 0..<2_000_000 { xs.append(-745.2 + 1455 * unit(&g)) }
        for _ in 0..<1_000_000 {
            // Every binade of |x| from 2⁻⁶⁰ to 2⁹.
            let e = Int(g.next() % 70) - 60
            let x = Double(sign: g.next() & 1 == 0 ? .plus : .minus, exponent: e, significand: 1 + unit(&g))
            xs.append(x)
        }
        for _ in 0..<200_000 { xs.append(-745.2 + 37.5 * unit(&g)) }  // subnormal results
        return xs + [0, -0.0, 1, -1, 0x1p-1074, -0x1p-1074, 0x1p-54, 709.78, 709.782712893384, 709.79, -708.39641853226408,
                     -745.13321910194110, -745.1332191019412, -745.14, 707, -707, 707.0000000000001, 1e300, -1e300]
    }

    @Test("exp within 1 ulp over 3.2M seeded arguments (full range, subnormal results) and edge cases")
    func expAccuracy() {
        let xs = Self.expArguments()
        let ys = Self.column(xs, ExpKernel.apply)
        var worstLibm: UInt64 = 0
        for (x, y) in zip(xs, ys) {
            worstLibm = max(worstLibm, Self.ulpDistance(y, Foundation.exp(x)))
            #expect(y.bitPattern == ExpKernel.exp(x).bitPattern, "column and scalar differ at \(x)")
        }
        #expect(worstLibm <= 1)
        #if arch(x86_64) && !os(Windows)
        var worst = 0.0, at = 0.0, worstNormal = 0.0
        for (x, y) in zip(xs, ys) {
            let e = Self.ulpError(y, Foundation.exp(Float80(x)))
            if e > worst { (worst, at) = (e, x) }
            if y >= .leastNormalMagnitude { worstNormal = max(worstNormal, e) }
        }
        print("ExpKernel: max error \(worst) ulp at x = \(at), \(worstNormal) ulp for normal results (80-bit reference); "
              + "max distance from libm \(worstLibm) ulp")
        #expect(worst < 1)
        #endif
        let special = Self.column([.nan, .infinity, -.infinity, 710, -746, 0x1p-1064], ExpKernel.apply)
        #expect(special[0].isNaN && special[1] == .infinity && special[2] == 0 && special[3] == .infinity && special[4] == 0)
        #expect(special[5] == 1)
    }

    static func logArguments() -> [Double] {
        var g = Generator(seed: 14)
        var xs = [Double]()
        // Uniform over the bit patterns of positive finite doubles: every binade, subnormals included.
        for _ in 0..<2_000_000 { xs.append(Double(bitPattern: g.next() % 0x7FF0_0000_0000_0000 + 1)) }
        for _ in 0..<1_000_000 { xs.append(1 + (unit(&g) - 0.5) * 0x1p-4) }  // near 1
        for _ in 0..<200_000 { xs.append(0.5 + 1.5 * unit(&g)) }
        return xs + [1, 2, 0.5, 1.0.nextUp, 1.0.nextDown, .leastNormalMagnitude, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                     0.6875, 1.375, 0.6875.nextDown, 1.375.nextDown, Foundation.exp(1.0), 10, 1e-300, 1e300]
    }

    @Test("log within 1 ulp over 3.2M seeded arguments (every binade, near 1) and edge cases")
    func logAccuracy() {
        let xs = Self.logArguments()
        let ys = Self.column(xs, LogKernel.apply)
        var worstLibm: UInt64 = 0
        for (x, y) in zip(xs, ys) {
            worstLibm = max(worstLibm, Self.ulpDistance(y, Foundation.log(x)))
            #expect(y.bitPattern == LogKernel.log(x).bitPattern, "column and scalar differ at \(x)")
        }
        #expect(worstLibm <= 1)
        #if arch(x86_64) && !os(Windows)
        var worst = 0.0, at = 0.0
        for (x, y) in zip(xs, ys) {
            let e = Self.ulpError(y, Foundation.log(Float80(x)))
            if e > worst { (worst, at) = (e, x) }
        }
        print("LogKernel: max error \(worst) ulp at x = \(at) (80-bit reference); max distance from libm \(worstLibm) ulp")
        #expect(worst < 1)
        #endif
        let special = Self.column([.nan, .infinity, -.infinity, 0, -0.0, -1, 1], LogKernel.apply)
        #expect(special[0].isNaN && special[1] == .infinity && special[2].isNaN && special[3] == -.infinity)
        #expect(special[4] == -.infinity && special[5].isNaN && special[6] == 0)
    }

    @Test("inverse normal within 8 ulp of GSL's gsl_cdf_ugaussian_Pinv (identical where log rounds alike) over 1e-300 ≤ p ≤ 1 − 1e-16")
    func normalQuantileAgainstGSL() {
        var g = Generator(seed: 15)
        var ps = [Double]()
        for _ in 0..<1_000_000 { ps.append(max(Self.unit(&g), 0x1p-53)) }
        for _ in 0..<500_000 { ps.append(Foundation.exp(-690.8 * Self.unit(&g))) }  // 1e-300 … 1, log-uniform
        for _ in 0..<500_000 { ps.append(1 - Foundation.exp(Foundation.log(1e-16) * Self.unit(&g))) }  // upper tail
        ps += [1e-300, 1e-100, 1e-20, 1.4e-11, 1.3887943864964021e-11, 0.075, 0.0749999, 0.075000001, 0.5, 0.925,
               1 - 1e-16, 0.9999999999999999, 0x1p-53, 1 - 0x1p-53]
        let zs = Self.column(ps, NormalQuantileKernel.apply)
        var worst: UInt64 = 0, identical = 0, at = 0.0
        for (p, z) in zip(ps, zs) {
            let reference = GSLRuntime.standardNormalQuantile(p)
            let d = Self.ulpDistance(z, reference)
            if d > worst { (worst, at) = (d, p) }
            #expect(z.bitPattern == NormalQuantileKernel.quantile(p).bitPattern, "column and scalar differ at \(p)")
            if d == 0 { identical += 1 }
        }
        print("NormalQuantileKernel: max \(worst) ulp from GSL at p = \(at); \(identical) of \(ps.count) identical")
        #expect(worst <= 8)
        let special = Self.column([0, 1, .nan, -0.5, 1.5, 0.5], NormalQuantileKernel.apply)
        #expect(special[0] == -.infinity && special[1] == .infinity && special[2].isNaN && special[3].isNaN && special[4].isNaN)
        #expect(special[5] == 0)
        #expect(abs(NormalQuantileKernel.quantile(0.95) - Distribution.z95) < 1e-15)
    }

    @Test("taus2 in Swift gives GSL's gsl_rng_taus2 stream bit for bit (5 seeds × 1M draws, and integers)",
          arguments: [0, 1, 42, 0x1_0000_0005, SeedSequence.seed(master: 1, batch: 0, chunk: 3)] as [UInt64])
    func taus2MatchesGSL(seed: UInt64) throws {
        let swift = try RandomGenerator(.taus2, seed: seed)
        let gsl = try RandomGenerator(.taus2, seed: seed, throughGSL: true)
        let n = 1_000_000
        var a = [Double](repeating: 0, count: n), b = a
        // Uneven block sizes: the stream must not depend on them.
        var start = 0, size = 1
        while start < n {
            let k = min(size, n - start)
            a.withUnsafeMutableBufferPointer { swift.fillUniform($0.baseAddress! + start, count: k) }
            b.withUnsafeMutableBufferPointer { gsl.fillUniform($0.baseAddress! + start, count: k) }
            start += k
            size = size * 3 % 1_031 + 1
        }
        #expect(a == b)
        for n in [1, 2, 7, 1_000, 65_536, 4_000_000_000] {
            for _ in 0..<200 { #expect(swift.integer(below: n) == gsl.integer(below: n)) }
        }
        for _ in 0..<1_000 { #expect(swift.uniform() == gsl.uniform()) }
    }

    /// `count` uniforms drawn one at a time (`uniform()`, the definition of the stream).
    static func scalarUniforms(_ g: inout Taus2, count: Int) -> [Double] {
        (0..<count).map { _ in g.uniform() }
    }

    /// `count` uniforms through `fill` (eight lanes, jumps, the scalar remainder).
    static func filledUniforms(_ g: inout Taus2, count: Int, kernel: VectorKernel = .best) -> [Double] {
        var out = [Double](repeating: -1, count: count)
        out.withUnsafeMutableBufferPointer { g.fill($0.baseAddress!, count: count, kernel: kernel) }
        return out
    }

    @Test("taus2 fill (eight lanes, every kernel this processor runs) gives the one-at-a-time stream and final state, for any count",
          arguments: [1, 42, 0xDEAD_BEEF, SeedSequence.seed(master: 7, batch: 1, chunk: 2)] as [UInt64])
    func taus2FillMatchesScalar(seed: UInt64) {
        for kernel in VectorKernel.available { taus2FillMatchesScalar(seed: seed, kernel: kernel) }
    }

    func taus2FillMatchesScalar(seed: UInt64, kernel: VectorKernel) {
        let counts = [0, 1, 2, 3, 7, 8, 127, 128, 129, 255, 256, 257, 1_023, 1_024, 1_025, 1_031, 2_047, 4_096 + 5,
                      5 * 1_024, 12 * 1_024, 100_003]
        // Each count from the seeded state, and all of them one after another on the same generators.
        var chainedFill = Taus2(seed: seed), chainedScalar = chainedFill
        for count in counts {
            var fill = Taus2(seed: seed), scalar = fill
            let filled = Self.filledUniforms(&fill, count: count, kernel: kernel), drawn = Self.scalarUniforms(&scalar, count: count)
            #expect(filled.map(\.bitPattern) == drawn.map(\.bitPattern), "\(kernel), count \(count)")
            #expect(fill.states == scalar.states, "\(kernel), count \(count): final state")
            #expect((0..<5).map { _ in fill.next() } == (0..<5).map { _ in scalar.next() }, "\(kernel), count \(count): next outputs")
            #expect(Self.filledUniforms(&chainedFill, count: count, kernel: kernel) == Self.scalarUniforms(&chainedScalar, count: count),
                    "\(kernel), count \(count) after the previous counts")
        }
        #expect(chainedFill.states == chainedScalar.states)
    }

    /// Periods of taus2's components on the states they reach (L'Ecuyer 1996): 2³¹ − 1, 2²⁹ − 1, 2²⁸ − 1.
    static let taus2Periods: [UInt64] = [(1 << 31) - 1, (1 << 29) - 1, (1 << 28) - 1]

    /// A generator whose output number `position` (from 0) is zero, built backwards: states `s1 ⊕ s2 ⊕ s3 = 0`
    /// that the components reach (each the step of a random word, `s1` checked to be one), each taken
    /// `position + 1` steps back by jumping `period − position − 1` steps (the step is a bijection of
    /// reachable states, of order the period).
    static func taus2WithZero(at position: UInt64, seed: UInt64) -> Taus2 {
        var g = Generator(seed: seed)
        let matrices = [Taus2.step1, Taus2.step2, Taus2.step3].map { Taus2Jump.BitMatrix($0) }
        while true {
            let s2 = Taus2.step2(UInt32(truncatingIfNeeded: g.next())), s3 = Taus2.step3(UInt32(truncatingIfNeeded: g.next()))
            let s1 = s2 ^ s3
            guard matrices[0].power(taus2Periods[0])(s1) == s1, s1 >> 1 != 0 else { continue }
            let back = zip(zip(matrices, taus2Periods), [s1, s2, s3]).map { m, s in m.0.power(m.1 - position - 1)(s) }
            return Taus2(states: back[0], back[1], back[2])
        }
    }

    @Test("taus2 fill meeting a zero output (skipped by gsl_rng_uniform_pos) still gives the one-at-a-time stream",
          arguments: [(0, 1_024), (5, 1_024), (127, 1_024), (128, 1_024), (1_000, 5_120), (4_095, 12 * 1_024),
                      (1_027, 1_030), (1_029, 1_030), (1_030, 1_030), (1_500, 2_001), (2_000, 2_001)] as [(UInt64, Int)])
    func taus2FillSkipsZero(position: UInt64, count: Int) {
        let start = Self.taus2WithZero(at: position, seed: position &+ 99)
        var raw = start
        let outputs = (0...position).map { _ in raw.next() }
        #expect(outputs.last == 0 && !outputs.dropLast().contains(0), "the constructed state's output \(position) is zero")
        for kernel in VectorKernel.available {
            var fill = start, scalar = start
            let filled = Self.filledUniforms(&fill, count: count, kernel: kernel), drawn = Self.scalarUniforms(&scalar, count: count)
            #expect(filled.map(\.bitPattern) == drawn.map(\.bitPattern), "\(kernel)")
            #expect(fill.states == scalar.states, "\(kernel)")
            #expect((0..<5).map { _ in fill.uniform() } == (0..<5).map { _ in scalar.uniform() }, "\(kernel)")
            #expect(!filled.contains(0) && filled.allSatisfy { $0 > 0 && $0 < 1 }, "\(kernel)")
        }
    }

    @Test("taus2 jumps by matrix powers over GF(2) equal stepping", arguments: [0, 1, 2, 3, 16, 100, 127, 128, 255, 1_000, 4_097])
    func taus2JumpMatchesStepping(steps: Int) {
        for seed in [1, 42, 1_000_003] as [UInt64] {
            var g = Taus2(seed: seed)
            let (s1, s2, s3) = g.states
            for _ in 0..<steps { _ = g.next() }
            let jumped = Taus2Jump(steps: UInt64(steps)).apply(s1, s2, s3)
            #expect([jumped.0, jumped.1, jumped.2] == [g.states.0, g.states.1, g.states.2], "seed \(seed)")
            if steps < 256 {
                // The fill's composition of the jumps by powers of two.
                var composed = (s1, s2, s3)
                for i in 0..<8 where steps >> i & 1 == 1 { composed = Taus2Jump.powersOfTwo[i].apply(composed.0, composed.1, composed.2) }
                #expect([composed.0, composed.1, composed.2] == [g.states.0, g.states.1, g.states.2], "seed \(seed), composed")
            }
        }
    }

    @Test("the committed exp and log tables are their double-double derivations, bit for bit")
    func committedTables() {
        for (name, committed, derived) in [("exp", ExpKernel.table, ExpKernel.derivedTable()), ("log", LogKernel.table, LogKernel.derivedTable())] {
            #expect(committed.count == derived.count, "\(name): \(committed.count) values committed, \(derived.count) derived")
            for (i, (a, b)) in zip(committed, derived).enumerated() where a.bitPattern != b.bitPattern {
                Issue.record("\(name) table[\(i)]: committed \(a), derived \(b)")
            }
        }
    }

    @Test("tabulated quantiles (beta, PERT, gamma): four lanes give the bits of one lane, edges included",
          arguments: [Distribution.beta(2, 5, lower: 0, upper: 1), .pert(3, 5, 6), .gamma(shape: 0.5, scale: 2)])
    func tabulatedLanes(distribution: Distribution) {
        var g = Generator(seed: 16)
        var ps = (0..<20_000).map { _ in Self.unit(&g) }
        ps += (0..<5_000).map { _ in Foundation.exp(-60 * Self.unit(&g)) }
        ps += [0.5, 1e-300, 1e-14, 1 - 1e-14, 0x1p-20, 0x1p-21, 1 - 0x1p-20, 1 - 0x1p-21, 0x1p-20.nextDown, 0.25, 0.75, 1e-5, .nan]
        let columns = distribution.quantiles(at: ps)
        for (p, x) in zip(ps, columns) {
            let one = distribution.quantiles(at: [p])[0]
            #expect(x.bitPattern == one.bitPattern || (x.isNaN && one.isNaN), "p = \(p): \(x) in a column, \(one) alone")
        }
    }

    @Test("tabulated quantiles: the AVX2 and AVX-512 kernels in C give the portable Swift lanes' bits (every family with a table)",
          .enabled(if: VectorKernel.supported != .portable, "this processor has neither AVX2 nor AVX-512F: only the portable lanes run"),
          arguments: [Distribution.beta(2, 5, lower: 0, upper: 1), .beta(0.3, 0.3, lower: -1, upper: 2), .pert(3, 5, 6),
                      .gamma(shape: 0.5, scale: 2), .gamma(shape: 0.02, scale: 1), .gamma(shape: 300, scale: 1),
                      .lognormal(mu: 0.5, sigma: 1.2), .weibull(shape: 1.5, scale: 2),
                      .truncated(.gamma(shape: 2, scale: 1), lower: 0.5, upper: 4)])
    func tabulatedWideKernel(distribution: Distribution) {
        var g = Generator(seed: 23)
        var ps = (0..<40_000).map { _ in Self.unit(&g) }
        ps += (0..<8_000).map { _ in Foundation.exp(-60 * Self.unit(&g)) }
        ps += (0..<8_000).map { _ in 1 - Foundation.exp(-40 * Self.unit(&g)) }
        // Table edges and values outside it: exactly 1/2, 2⁻²⁰ on both sides, subnormal, 0, 1, outside [0, 1], NaN.
        ps += [0.5, 0.5.nextDown, 0.5.nextUp, 0x1p-20, 0x1p-20.nextDown, 0x1p-20.nextUp, 1 - 0x1p-20, (1 - 0x1p-20).nextUp,
               0x1p-1074, 0, 1, -0.25, 1.5, 1e-300, 0.25, 0.75, .nan, 0.125.nextDown]
        // An odd count, so that the last block ends with values done one at a time.
        let prepared = PreparedDistribution(distribution)
        var portable = ps
        portable.withUnsafeMutableBufferPointer { prepared.quantiles($0.baseAddress!, count: $0.count, kernel: .portable) }
        for kernel in VectorKernel.available where kernel != .portable {
            var wide = ps
            wide.withUnsafeMutableBufferPointer { prepared.quantiles($0.baseAddress!, count: $0.count, kernel: kernel) }
            var differing = 0
            for (p, (x, y)) in zip(ps, zip(wide, portable)) where x.bitPattern != y.bitPattern && !(x.isNaN && y.isNaN) {
                differing += 1
                if differing <= 5 { Issue.record("p = \(p): \(x) from the \(kernel) kernel, \(y) from the portable lanes") }
            }
            #expect(differing == 0, "\(kernel): \(differing) of \(ps.count) values differ")
        }
        #expect(ps.count % 4 != 0)
    }

    @Test("binning cells: the AVX2 and AVX-512 kernels in C give the portable Swift lanes' cells, edges and NaN included",
          .enabled(if: VectorKernel.supported != .portable, "this processor has neither AVX2 nor AVX-512F: only the portable lanes run"),
          arguments: [(0.0, 1.0), (-3e5, 7e5), (1e-9, 1e-9)])
    func binningCellsWideKernels(range: (Double, Double)) {
        var g = Generator(seed: 31)
        let (low, high) = range
        let pilot = (0..<4_096).map { _ in low + (high - low) * Self.unit(&g) }
        let binning = pilot.withUnsafeBufferPointer { CountingBins(pilot: $0, samples: 1_000_000, percentiles: [5, 50, 95], bins: 30) }
        // Values across and beyond the edges, the edges and cell boundaries themselves, and non-finite ones.
        var values = (0..<20_000).map { _ in low - (high - low) + 3 * (high - low) * Self.unit(&g) }
        let width = 1 / binning.scale
        values += (0..<200).flatMap { k in
            let edge = binning.lower + (Double(k) - 0.5) * width
            return [edge, edge.nextUp, edge.nextDown]
        }
        values += [binning.lower, binning.upper, .nan, .infinity, -.infinity, -0.0, 0, 1e308, -1e308, .leastNonzeroMagnitude]
        var portable = [Int32](repeating: -1, count: values.count)
        values.withUnsafeBufferPointer { binning.cells($0.baseAddress!, count: $0.count, into: &portable, kernel: .portable) }
        for (i, v) in values.enumerated() { #expect(Int(portable[i]) == binning.cell(v), "\(v): lanes \(portable[i]), one value \(binning.cell(v))") }
        for kernel in VectorKernel.available where kernel != .portable {
            var wide = [Int32](repeating: -1, count: values.count)
            values.withUnsafeBufferPointer { binning.cells($0.baseAddress!, count: $0.count, into: &wide, kernel: kernel) }
            let differing = zip(wide, portable).filter { $0 != $1 }.count
            #expect(differing == 0, "\(kernel): \(differing) of \(values.count) cells differ")
        }
        #expect(values.count % 8 != 0)
    }

    /// Committed bit patterns (recorded on x86-64): a machine or compiler computing any kernel differently
    /// fails here, rather than silently changing results.
    static let committed: [(name: String, inputs: [Double], bits: [UInt64], apply: @Sendable (UnsafeMutablePointer<Double>, Int) -> Void)] = [
        ("exp", [-744.5, -700.5, -20.25, -1, -1e-10, 0.1, 0.5, 1, 2.5, 10, 100.125, 700],
         [0x1, 0xc4ff475c68ca02, 0x3e1b93de1e27ca3b, 0x3fd78b56362cef38, 0x3feffffffff24190, 0x3ff1aec7b35a00d4,
          0x3ffa61298e1e069c, 0x4005bf0a8b145769, 0x40285d6fd931e0bb, 0x40d5829dcf950560, 0x48f5daaf24221d5e, 0x7f0d945df4f8ec8e],
         ExpKernel.apply),
        ("log", [0x1p-1074, 0x1.8p-1030, 1e-300, 1e-10, 0.001, 0.5, 0.999, 1.0001, 2, 3, 10, 1e10, 1e300],
         [0xc0874385446d71c3, 0xc0864c49fefb1953, 0xc085963447f87fb5, 0xc037069e2aa2aa5b, 0xc01ba18a998fffa0, 0xbfe62e42fefa39ef,
          0xbf5064670d979b73, 0x3f1a368d0657fcd4, 0x3fe62e42fefa39ef, 0x3ff193ea7aad030b, 0x40026bb1bbb55516, 0x4037069e2aa2aa5b,
          0x4085963447f87fb5],
         LogKernel.apply),
        ("inverse normal", [1e-300, 1e-12, 1e-5, 0.02, 0.1, 0.3, 0.5, 0.7, 0.975, 1 - 1e-10, 0.9999999999999999],
         [0xc04286074064c26e, 0xc01c234fba57a32a, 0xc0110f3f8843a3da, 0xc0006e13e8aadfdb, 0xbff4813c36e26d33, 0xbfe0c7e39582c5fa,
          0x0, 0x3fe0c7e39582c5fa, 0x3fff5c0331eeff82, 0x40197203589fd4f5, 0x40206b48528cea51],
         NormalQuantileKernel.apply),
    ]

    @Test("kernels give the committed bit patterns", arguments: 0..<3)
    func committedBitPatterns(index: Int) {
        let (name, inputs, bits, apply) = Self.committed[index]
        let outputs = Self.column(inputs, apply)
        for (x, (y, expected)) in zip(inputs, zip(outputs, bits)) {
            #expect(y.bitPattern == expected, "\(name)(\(x)) = 0x\(String(y.bitPattern, radix: 16)), committed 0x\(String(expected, radix: 16))")
        }
    }
}
