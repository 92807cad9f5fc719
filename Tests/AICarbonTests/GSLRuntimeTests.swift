import Testing
@testable import AICarbon

@Suite("GSL runtime")
struct GSLRuntimeTests {
    @Test("the linked GSL reports its version")
    func version() {
        #expect(GSLRuntime.version.hasPrefix("2."))
    }

    @Test("standard normal quantile through GSL: z(0.95) = 1.6448536269514722 (Abramowitz & Stegun 26.2)")
    func quantile() {
        #expect(abs(GSLRuntime.standardNormalQuantile(0.95) - 1.6448536269514722) < 1e-12)
    }

    @Test("an out-of-domain GSL call returns NaN instead of aborting the process")
    func noAbort() {
        // With GSL's default handler this call aborts the test process; with it off, GSL returns NaN.
        #expect(GSLRuntime.standardNormalQuantile(1.5).isNaN)
    }
}
