import Foundation
import Testing

/// Review of issue 15 on the command line: long names, many percentiles and `--sweep` errors, each refused
/// with one line naming the flag that gave the value.
@Suite("input limits on the command line")
struct InputLimitCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name)").path }
    /// 100,000 characters: as long as one command-line argument comfortably gets (the kernel allows 128 KiB).
    static let long = String(repeating: "y", count: 100_000)

    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let line: String
        var testDescription: String { arguments.map { $0.count > 40 ? String($0.prefix(20)) + "…" : $0 }.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["estimate", "--hardware", "h100", "--chips", "8", "--hours", "10", "--grid", long],
             line: "Error: --grid: expected a region name of at most 200 characters, found 100000 characters\n"),
        Case(arguments: ["estimate", "--hardware", long, "--chips", "8", "--hours", "10"],
             line: "Error: --hardware: expected an accelerator name of at most 200 characters, found 100000 characters\n"),
        Case(arguments: ["run", scenario("classroom-rebound.yaml"), "--set", "grid=" + long],
             line: "Error: --set: grid: expected a region name of at most 200 characters, found 100000 characters\n"),
        Case(arguments: ["estimate", "--chip-hours", "10", "--power", "300", "--percentiles", (1...51).map { "\($0)" }.joined(separator: ",")],
             line: "Error: --percentiles: expected at most 50 percentiles, comma-separated, found 51\n"),
        Case(arguments: ["run", scenario("classroom-rebound.yaml"), "--sweep", "hardware=h100,nope"],
             line: "Error: --sweep: hardware: expected an accelerator in `aicarbon catalog hardware`, found \"nope\"\n"),
        Case(arguments: ["run", scenario("classroom-rebound.yaml"), "--sweep", "elastcity=-1,2"],
             line: "Error: --sweep: expected a key of this projection; did you mean elasticity?, found \"elastcity\"\n"),
        Case(arguments: ["compare", scenario("classroom-rebound.yaml"), scenario("classroom-rebound.yaml"), "--set-a", "elastcity=1"],
             line: "Error: --set-a: expected a key of this projection; did you mean elasticity?, found \"elastcity\"\n"),
        // An output that underflows (co2e_kg printed 6.75e-292 ± 0 before) is refused like one that overflows.
        Case(arguments: ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "1e-300 kg/kWh"],
             line: "Error: co2e_kg: expected values of the output co2e_kg of at least 1e-100 in magnitude, or 0 (smaller ones leave the "
                + "squares behind its sd and mcse below the smallest double), found 5.76411e-295 kg CO2e at the inputs' medians (it "
                + "underflows); the inputs that can cause it: --grid = 1e-300 kg/kWh\n"),
        // Inputs each below 10¹⁰⁰ that overflow together are named (it said "check growth factors, years and input magnitudes").
        Case(arguments: ["estimate", "--params", "1e90", "--tokens", "1e95", "--hardware", "h100", "--chips", "1024", "--grid", "USA"],
             line: "Error: energy_kwh: expected finite values of the output energy_kwh, found infinite or undefined values (it overflows); "
                + "the inputs that can cause it: --tokens = 1e+95, --params = 1e+90\n"),
    ]

    @Test("one line naming the flag, exit 1, at once", arguments: cases)
    func refused(_ c: Case) throws {
        let start = ContinuousClock.now
        let result = try runAICarbon(c.arguments)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == c.line)
    }

    @Test("50 percentiles are accepted")
    func fiftyPercentiles() throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300", "--samples", "1000",
                                      "--percentiles", (1...50).map { "\($0)" }.joined(separator: ","), "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
