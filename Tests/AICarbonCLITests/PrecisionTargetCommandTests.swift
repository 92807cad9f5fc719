import Foundation
import Testing

/// A run that `--max-samples` stops before its `--until` target is met says so: a warning line in the table,
/// `"until_met": false` in JSON, and the warning on standard error where the output does not show it.
@Suite("--until not met within --max-samples")
struct PrecisionTargetCommandTests {
    private static let estimate = ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024",
                                   "--grid", "USA", "--samples", "20000"]
    private static let warning = "warning: precision target p95:0.1%@total_co2e_kg not met after 60,000 samples: another batch of 20,000 would pass max_samples (60,000)"

    @Test("estimate table: the warning under the samples line, exit 0, nothing on stderr")
    func table() throws {
        let result = try runAICarbon(Self.estimate + ["--until", "p95:0.1%", "--max-samples", "60000"])
        #expect(result.status == 0)
        // The table wraps it at 100 characters, continuing with two spaces.
        let lines = result.stdout.replacingOccurrences(of: "\n  ", with: " ").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let samples = try #require(lines.firstIndex { $0.hasPrefix("samples: 60,000") })
        #expect(lines[samples + 1] == Self.warning, "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { !$0.hasPrefix("warning") || $0.count <= 100 })
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    }

    @Test("estimate JSON: until_met false and the warning on stderr; a target met gives until_met true and no warning")
    func json() throws {
        let missed = try runAICarbon(Self.estimate + ["--until", "p95:0.1%", "--max-samples", "60000", "--format", "json"])
        #expect(missed.status == 0)
        let document = try #require(JSONSerialization.jsonObject(with: Data(missed.stdout.utf8)) as? [String: Any])
        #expect(document["until"] as? String == "p95:0.1%@total_co2e_kg")
        #expect(document["until_met"] as? Bool == false && document["samples"] as? Double == 60_000)
        #expect(missed.stderr == Self.warning + "\n", "\(missed.stderr)")
        let met = try runAICarbon(Self.estimate + ["--until", "p95:20%", "--format", "json"])
        let metDocument = try #require(JSONSerialization.jsonObject(with: Data(met.stdout.utf8)) as? [String: Any])
        #expect(metDocument["until_met"] as? Bool == true && met.stderr.isEmpty, "\(met.stderr)")
        // Without --until, neither key.
        let plain = try runAICarbon(Self.estimate + ["--format", "json"])
        let plainDocument = try #require(JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect(plainDocument["until"] == nil && plainDocument["until_met"] == nil)
    }

    @Test("--max-samples without --until is refused (it did nothing, without a word); with it, it bounds the run")
    func maxSamplesAlone() throws {
        let alone = try runAICarbon(Self.estimate + ["--max-samples", "1M"])
        #expect(alone.status == 1 && alone.stdout.isEmpty)
        #expect(alone.stderr.hasPrefix("Error: --max-samples: expected --until with it"), "\(alone.stderr)")
        #expect(alone.stderr.hasSuffix("found \"1M\" without --until\n"), "\(alone.stderr)")
    }

    @Test("more than 20,000 batches under --until are refused before any work (--samples 2 under the default 20M ran for hours); 20,000 run")
    func tooManyBatches() throws {
        let small = ["estimate", "--chip-hours", "1000", "--hardware", "h100", "--grid", "USA", "--until", "mean:0.001%"]
        let refused = try runAICarbon(small + ["--samples", "2"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr == "Error: --samples: expected a batch of at least 1,000 with a precision target and max_samples 20,000,000 "
                + "(at most 20,000 batches), or a lower max_samples, found 2\n",
                "\(refused.stderr)")
        let capped = try runAICarbon(small + ["--samples", "999"])
        #expect(capped.status == 1 && capped.stderr.contains("found 999"), "\(capped.stderr)")
        // 20,000 batches of 2 under a cap of 40,000: allowed (the target is not met; the run says so).
        let allowed = try runAICarbon(small + ["--samples", "2", "--max-samples", "40000", "--format", "json"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("\"samples\": 40000") && allowed.stdout.contains("\"until_met\": false"), "\(allowed.stdout.prefix(300))")
    }

    @Test("an estimate file with a bad --until: the flag is named, not a place in the file (which has no until)")
    func untilNotInFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Scenarios/llama-65b.yaml").path
        let result = try runAICarbon(["run", file, "--until", "mean:1%@training_flops"])
        #expect(result.status == 1 && result.stderr.hasPrefix("Error: --until: expected an output of this estimate ("), "\(result.stderr)")
    }

    @Test("a projection names the output it watched (co2e_kg) in its warning and its JSON")
    func projection() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path
        // A bound that is not a whole number of batches: the run stops after the last batch that fits.
        let result = try runAICarbon(["run", file, "--samples", "10000", "--until", "p95:0.1%", "--max-samples", "25000", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["until"] as? String == "p95:0.1%@co2e_kg" && document["until_met"] as? Bool == false)
        #expect(document["samples"] as? Double == 20_000)
        #expect(result.stderr == "warning: precision target p95:0.1%@co2e_kg not met after 20,000 samples: another batch of 10,000 would pass "
                + "max_samples (25,000)\n", "\(result.stderr)")
    }
}
