import Foundation
import Testing
@testable import AICarbon

/// Beta, PERT and gamma quantiles against 50-digit references (mpmath; `scripts/quantile_reference.py`,
/// data in `QuantileReferenceData.swift`), for the tables the engine samples and for the exact scalar path.
@Suite("Quantile accuracy")
struct QuantileAccuracyTests {
    struct Reference: CustomTestStringConvertible, Sendable {
        let distribution: Distribution
        let rows: [(p: Double, quantile: Double)]
        var testDescription: String { "\(distribution)" }
    }

    /// The reference rows, one case per distribution.
    static let references: [Reference] = {
        var byKey: [String: (Distribution, [(Double, Double)])] = [:]
        var order: [String] = []
        for line in quantileReferenceCSV.split(separator: "\n") {
            let f = line.split(separator: ",").map(String.init)
            let a = Double(f[1])!, b = Double(f[2])!, c = Double(f[3])!, p = Double(f[4])!, x = Double(f[5])!
            let d: Distribution
            switch f[0] {
            case "beta": d = .beta(a, b, lower: 0, upper: 1)
            case "pert": d = .pert(a, b, c)
            default: d = .gamma(shape: a, scale: b)
            }
            let key = "\(f[0]),\(f[1]),\(f[2]),\(f[3])"
            if byKey[key] == nil { order.append(key); byKey[key] = (d, []) }
            byKey[key]!.1.append((p, x))
        }
        return order.map { Reference(distribution: byKey[$0]!.0, rows: byKey[$0]!.1) }
    }()

    /// The bound of issue 13: 1e-11 relative. Where the exact quantile is below the smallest normal
    /// double (gamma(0.02) below p = 10⁻⁷, where x < 10⁻³⁵⁰), no double can hold it to any relative
    /// accuracy: the result must then be that small too (0 or subnormal), an absolute tolerance of
    /// 2.3·10⁻³⁰⁸.
    static func agrees(_ value: Double, _ exact: Double) -> Bool {
        if abs(exact) < Double.leastNormalMagnitude { return abs(value) <= 2.3e-308 }
        return abs(value - exact) <= 1e-11 * abs(exact)
    }

    @Test("tabulated quantiles (as sampled) within 1e-11 relative of the reference, p from 1e-12 to 1 − 1e-12",
          arguments: references)
    func tabulated(_ reference: Reference) {
        let values = reference.distribution.quantiles(at: reference.rows.map(\.p))
        var worst = 0.0
        for (row, value) in zip(reference.rows, values) {
            #expect(Self.agrees(value, row.quantile), "p = \(row.p): \(value) vs \(row.quantile)")
            if abs(row.quantile) >= Double.leastNormalMagnitude { worst = max(worst, abs(value - row.quantile) / abs(row.quantile)) }
        }
        print("tabulated \(reference.distribution): worst relative error \(worst)")
    }

    @Test("exact scalar quantiles within 1e-11 relative of the reference", arguments: references)
    func exact(_ reference: Reference) {
        var worst = 0.0
        for row in reference.rows {
            let value = reference.distribution.quantile(row.p)
            #expect(Self.agrees(value, row.quantile), "p = \(row.p): \(value) vs \(row.quantile)")
            if abs(row.quantile) >= Double.leastNormalMagnitude { worst = max(worst, abs(value - row.quantile) / abs(row.quantile)) }
        }
        print("exact \(reference.distribution): worst relative error \(worst)")
    }

    @Test("tabulated quantiles within 1e-11 relative of the exact solution everywhere: 3,000 probabilities a distribution",
          arguments: references)
    func tabulatedEverywhere(_ reference: Reference) {
        // Deterministic probabilities: logit p evenly spread over [−27.6, 27.6] (p from 1e-12 to
        // 1 − 1e-12, mostly between table nodes), and p evenly spread over (0, 1).
        var probabilities = (0..<2_000).map { i -> Double in
            let w = -27.6 + 55.2 * (Double(i) + 0.5) / 2_000
            return 1 / (1 + Foundation.exp(-w))
        }
        probabilities += (0..<1_000).map { (Double($0) + 0.3183) / 1_000 }
        let values = reference.distribution.quantiles(at: probabilities)
        var worst = 0.0
        for (p, value) in zip(probabilities, values) {
            let exact = reference.distribution.quantile(p)
            #expect(Self.agrees(value, exact), "p = \(p): \(value) vs \(exact)")
            if abs(exact) >= Double.leastNormalMagnitude { worst = max(worst, abs(value - exact) / abs(exact)) }
        }
        print("tabulated vs exact \(reference.distribution): worst relative difference \(worst)")
    }

    @Test("tables of ordinary shapes leave no piece to exact solution, and are built bit for bit the same again",
          arguments: [(2.0, 5.0), (0.3, 0.3), (200.0, 200.0), (11.0 / 3, 7.0 / 3)] as [(Double, Double)])
    func tableShape(_ shapes: (Double, Double)) {
        let table = QuantileTable(BetaInverse(shapes.0, shapes.1))
        print("beta\(shapes): bits \(table.bits), pieces \(table.pieces), estimated error \(table.estimatedError), exact pieces \(table.exactPieces)")
        #expect(table.exactPieces == 0)
        // Every quantile of these shapes is a normal double (beta(0.3, 0.3): x ≈ 10⁻⁴⁵ at p = 2⁻⁴⁴): the
        // table holds x itself, and sampling needs no exponential.
        #expect(table.linear)
        // Deterministic: a second build (its two sides again on two threads) is bit-identical.
        #expect(QuantileTable(BetaInverse(shapes.0, shapes.1)).coefficients == table.coefficients)
        #expect(table.estimatedError <= 1e-11)
    }

    @Test("gamma tables estimate their error within 1e-11, down to shape 1e-5 (pieces left exact there)",
          arguments: [0.1, 0.5, 1, 2.5, 10, 300, 0.02, 1e-5])
    func gammaTableShape(_ shape: Double) {
        let table = QuantileTable(GammaInverse(shape))
        print("gamma(\(shape)): bits \(table.bits), pieces \(table.pieces), estimated error \(table.estimatedError), exact pieces \(table.exactPieces)")
        // x ≈ (p Γ(k + 1))^(1/k) at p = 2⁻⁴⁴ (QuantileTable.linearTestMass): 10⁻¹³³ for k = 0.1, a table of x;
        // 10⁻⁶⁶⁵ for k = 0.02, below every double, a table of log x.
        #expect(table.linear == (shape >= 0.1))
        #expect(table.exactPieces == 0 || shape < 0.001)
        #expect(table.estimatedError <= 1e-11)
    }

    @Test("lognormal tables within 1e-11 relative of the closed form e^(μ + σ Φ⁻¹(p)), p from 1e-12 to 1 − 1e-12 and uniform",
          arguments: [(-1.3, 0.08), (0.0, 0.5), (6.2, 1.5), (0.0, 5.0), (-0.99, 0.446)] as [(Double, Double)])
    func lognormalTable(_ parameters: (Double, Double)) {
        let d = Distribution.lognormal(mu: parameters.0, sigma: parameters.1)
        var probabilities = (0..<2_000).map { i -> Double in
            let w = -27.6 + 55.2 * (Double(i) + 0.5) / 2_000
            return 1 / (1 + Foundation.exp(-w))
        }
        probabilities += (0..<1_000).map { (Double($0) + 0.3183) / 1_000 }
        var worst = 0.0
        for (p, value) in zip(probabilities, d.quantiles(at: probabilities)) {
            let exact = d.quantile(p)
            #expect(Self.agrees(value, exact), "p = \(p): \(value) vs \(exact)")
            worst = max(worst, abs(value - exact) / exact)
        }
        let table = QuantileTable(LognormalInverse(parameters.1))
        print("lognormal(σ \(parameters.1)): bits \(table.bits), linear \(table.linear), estimated error \(table.estimatedError), worst relative difference \(worst)")
        // e^(σ Φ⁻¹(2⁻²⁰)) = e^(−4.8 σ) is a normal double for these σ: the table holds x itself.
        #expect(table.linear)
        #expect(table.exactPieces == 0)
    }

    @Test("truncated and clipped beta, PERT, gamma and lognormal map through their tables within 1e-11 of the exact quantiles",
          arguments: [Distribution.truncated(.gamma(shape: 2, scale: 3), lower: 1, upper: 10),
                      .truncated(.beta(0.3, 4, lower: 0, upper: 1), lower: 0.01, upper: 0.9),
                      .clipped(.pert(3, 5, 6), lower: 3.5, upper: 6),
                      .truncated(.lognormal(mu: -0.99, sigma: 0.446), lower: 0, upper: 0.6)])
    func truncatedAndClipped(_ d: Distribution) {
        let probabilities = (0..<1_000).map { (Double($0) + 0.5) / 1_000 } + [1e-9, 1 - 1e-9]
        for (p, value) in zip(probabilities, d.quantiles(at: probabilities)) {
            #expect(Self.agrees(value, d.quantile(p)), "p = \(p)")
        }
    }

    @Test("tabulated inputs are sampled bit for bit the same with 1 and 2 threads", arguments: [SamplingMethod.mc, .lhs, .sobol])
    func threadCounts(_ method: SamplingMethod) throws {
        let inputs: [(name: String, distribution: Distribution)] = [
            ("a", .pert(3, 5, 6)), ("b", .gamma(shape: 0.5, scale: 2)), ("c", .truncated(.beta(0.3, 4, lower: 0, upper: 1), lower: 0.01, upper: 0.9)),
        ]
        let runs = try [1, 2].map { threads in
            try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 3),
                               settings: SimulationSettings(samples: 20_000, seed: 7, method: method, threads: threads))
        }
        for o in 0..<3 { #expect(Array(runs[0].outputs[o]) == Array(runs[1].outputs[o])) }
    }

    @Test("outside the table (p within 2⁻²⁰ of 0 or 1, exactly 1/2, 0, 1) values are solved exactly",
          arguments: [Distribution.beta(2, 5, lower: 0, upper: 1), .pert(3, 5, 6), .gamma(shape: 2.5, scale: 2),
                      .lognormal(mu: 1.2, sigma: 0.7)])
    func outside(_ d: Distribution) {
        let ps = [1e-20, 1e-300, 0, 1, 0.5, 0x1p-21, 1 - 0x1p-21, 1e-7]
        let values = d.quantiles(at: ps)
        for (p, value) in zip(ps, values) {
            #expect(value == d.quantile(p) || abs(value - d.quantile(p)) <= 1e-11 * abs(d.quantile(p)), "p = \(p)")
        }
        #expect(values[2] == d.support.lower)
        #expect(values[3] == d.support.upper)
    }
}
