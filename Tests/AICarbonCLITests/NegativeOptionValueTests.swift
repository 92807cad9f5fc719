import Foundation
import Testing

/// A negative number after a numeric option, with a space (`--samples -1`), reaches the option's own check;
/// ArgumentParser had read `-1` as an option and reported the value as missing (a fuzzing find).
@Suite("negative numbers after numeric options")
struct NegativeOptionValueTests {
    static let estimate = ["estimate", "--chip-hours", "10", "--power", "300 W"]
    static let iea = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path

    @Test("the option's own error, exit 1, as with =", arguments: [
        (["--samples", "-1"], "Error: --samples: expected a count such as \"175B\", \"1.4T\", \"6.7e9\" or \"1,022,362\", a whole number of at least 1, found \"-1\"\n"),
        (["--seed", "-1"], "Error: --seed: expected a whole number from 0 to 18446744073709551615, found \"-1\"\n"),
        (["--threads", "-2"], "Error: --threads: expected a count such as \"175B\", \"1.4T\", \"6.7e9\" or \"1,022,362\", a whole number of at least 1, found \"-2\"\n"),
        (["--percentiles", "-1,99"], "Error: --percentiles: expected percentiles between 0 and 100, comma-separated (\"1,99\"), found \"-1,99\"\n"),
        (["--max-samples", "-.5"], "Error: --max-samples: expected a count such as \"175B\", \"1.4T\", \"6.7e9\" or \"1,022,362\", a whole number of at least 1, found \"-.5\"\n"),
    ])
    func estimate(_ option: [String], _ line: String) throws {
        let spaced = try runAICarbon(Self.estimate + option)
        #expect(spaced.status == 1)
        #expect(spaced.stderr == line, "\(spaced.stderr)")
        let joined = try runAICarbon(Self.estimate + ["\(option[0])=\(option[1])"])
        #expect(joined.stderr == spaced.stderr)
    }

    @Test("rebound --efficiency-gain -5% reaches the gain check, as with = (it said the value was missing)")
    func efficiencyGain() throws {
        let spaced = try runAICarbon(["rebound", "--efficiency-gain", "-5%", "--elasticity", "-0.2"])
        let joined = try runAICarbon(["rebound", "--efficiency-gain=-5%", "--elasticity", "-0.2"])
        #expect(spaced.status == 1 && spaced.stderr == joined.stderr, "\(spaced.stderr)")
        #expect(spaced.stderr.hasPrefix("Error: --efficiency-gain: expected a gain of at least 1"), "\(spaced.stderr)")
    }

    @Test("sensitivity --year -1 reaches the year check")
    func sensitivityYear() throws {
        let result = try runAICarbon(["sensitivity", Self.iea, "--year", "-1", "--samples", "100"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: --year: expected a year of this projection, 2024 to 2035, found -1\n", "\(result.stderr)")
    }

    @Test("an option followed by another option is still a missing value (exit 64), naming the flag found", arguments: [
        (["--samples", "--seed", "3"], "the flag --seed"), (["--seed", "--samples", "100"], "the flag --samples"), (["--samples"], "none"),
        (["--percentiles", "-x"], "none"),
    ])
    func missing(_ option: [String], _ found: String) throws {
        let result = try runAICarbon(Self.estimate + option)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: \(option[0]): expected a value <\(option[0].dropFirst(2))> after it, found \(found)"), "\(result.stderr)")
    }
}
