import Testing
@testable import AICarbon

@Suite("Rebound (Jevons) effect")
struct ReboundTests {
    @Test("check values from DESIGN.md §2 (Sorrell & Dimitropoulos 2008 constant-elasticity form)", arguments: [
        (2.0, -0.2, 0.1487, Rebound.Class.partial),
        (2.0, -1.0, 1.0, .full),
        (1.5, -1.0, 1.0, .full),
        (2.0, -1.5, 1.8284, .backfire),
        (2.0, 0.0, 0.0, .none),
    ])
    func checkValues(_ k: Double, _ eta: Double, _ expected: Double, _ cls: Rebound.Class) {
        let r = Rebound(efficiencyGain: k, elasticity: eta)
        #expect(abs(r.rebound - expected) < 5e-5, "k \(k) η \(eta): \(r.rebound)")
        #expect(r.reboundClass == cls)
    }

    @Test("savings: k = 2, η = -0.2 expects 50% and achieves 1 - 2^-0.8 = 42.57%")
    func savings() {
        let r = Rebound(efficiencyGain: 2, elasticity: -0.2)
        #expect(r.expectedSaving == 0.5)
        #expect(abs(r.actualSaving - 0.4256508225) < 1e-9)
    }

    @Test("small-change limit: R → -η as k → 1")
    func limit() {
        #expect(abs(Rebound.rebound(1.0001, -0.3) - 0.3) < 1e-4)
        #expect(abs(Rebound.rebound(1 + 1e-12, -0.3) - 0.3) < 1e-11)
        // No efficiency gain at all: nothing saved, nothing taken back (issue 15).
        #expect(Rebound.rebound(1, -0.3) == 0)
    }

    @Test("positive elasticity (demand falls) is super-conservation")
    func superConservation() {
        #expect(Rebound(efficiencyGain: 2, elasticity: 0.3).reboundClass == .superConservation)
    }

    @Test("a huge gain: R is small because both savings near 100%, not because demand does not respond (k = 1e308, η = 0.5 was classed none)", arguments: [
        (1e308, 0.5, -1e-308, Rebound.Class.superConservation),
        (1e308, -0.5, 1e-154, .partial),
        (1e20, 0.5, -1e-20, .superConservation),
        (1e12, -0.25, 9.99e-10, .partial),
    ])
    func hugeGain(_ k: Double, _ eta: Double, _ expected: Double, _ cls: Rebound.Class) {
        let r = Rebound(efficiencyGain: k, elasticity: eta)
        // R = (k^(-η) - 1) / (k - 1), to its digits.
        #expect(abs(r.rebound - expected) <= 1e-6 * abs(expected), "k \(k) η \(eta): \(r.rebound)")
        #expect(r.reboundClass == cls, "k \(k) η \(eta): \(r.reboundClass)")
    }

    @Test("none still means demand unchanged within 1e-9: a tiny elasticity, at k = 2 or at a huge k", arguments: [
        (2.0, 1e-10), (2.0, -1e-9), (1e308, 1e-12), (1.5, 0.0),
    ])
    func stillNone(_ k: Double, _ eta: Double) {
        #expect(Rebound(efficiencyGain: k, elasticity: eta).reboundClass == .none)
    }

    @Test("up to k = 2 the classes are those of R alone")
    func sameUpToTwo() {
        for k in [1.0, 1 + 1e-9, 1.001, 1.5, 2] {
            for eta in [-2, -1 - 1e-10, -1, -0.5, -1e-8, -1e-9, -1e-10, 0, 1e-10, 1e-9, 1e-8, 0.5] {
                let r = Rebound(efficiencyGain: k, elasticity: eta)
                #expect(r.reboundClass == Rebound.classify(r.rebound), "k \(k) η \(eta)")
            }
        }
    }
}
