import AICarbon
import ArgumentParser
import Foundation
import Testing
@testable import AICarbonCLI

/// The sampling options are one group (``SamplingOptions``) in every simulating command: the same values
/// give the same settings and the same errors, whatever the command's wording of the flags.
@Suite("shared sampling options")
struct SamplingOptionsTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/planned-70b-h100.yaml").path

    /// The flags before the sampling options, per command.
    static let commands: [[String]] = [
        ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "USA"],
        ["compare", scenario, scenario],
        ["sensitivity", scenario],
    ]

    @Test("estimate, compare and sensitivity read the same flags into the same settings")
    func sameSettings() throws {
        let flags = ["--samples", "2k", "--seed", "7", "--generator", "mt19937", "--threads", "3"]
        let estimate = try EstimateCommand.parse(Self.commands[0].dropFirst() + flags + ["--method", "lhs"]).simulation.settings()
        let compare = try CompareCommand.parse(Self.commands[1].dropFirst() + flags + ["--method", "lhs"]).sampling.settings()
        let sensitivity = try SensitivityCommand.parse(Self.commands[2].dropFirst() + flags + ["--design", "lhs"]).sampling.settings()
        #expect(estimate == compare && compare == sensitivity)
        #expect(estimate.samples == 2_000 && estimate.seed == 7 && estimate.method == .lhs && estimate.generator == .mt19937
                    && estimate.threads == 3 && estimate.until == nil)
    }

    @Test("a value starting with a dash gets the same one-line error and exit 1 in every command",
          arguments: ["--samples=-5", "--samples=--help", "--threads=-1", "--seed=--version"])
    func dashValue(_ flag: String) throws {
        var errors: [String] = []
        for command in Self.commands {
            let result = try runAICarbon(command + [flag])
            #expect(result.status == 1, "\(command[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("Error: --") && result.stderr.split(separator: "\n").count == 1, "\(command[0]): \(result.stderr)")
            errors.append(result.stderr)
        }
        #expect(Set(errors).count == 1, "\(errors)")
    }
}
