import Foundation
import Testing

@Suite("aicarbon compare on estimates")
struct CompareCommandTests {
    static let planned = "Scenarios/planned-70b-h100.yaml"

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try runAICarbon(["compare"] + arguments + ["--samples", "4000", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("JSON per output as the projection contract has per year; France against Germany gives P(A < B) = 1 for CO2e")
    func franceGermany() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent(Self.planned).path
        let object = try Self.json([file, file, "--set-a", "grid=FRA", "--set-b", "grid=DEU"])
        for key in ["a", "b", "samples", "seed", "method", "common_random_numbers", "outputs"] { #expect(object[key] != nil, "\(key)") }
        #expect(object["years"] == nil)
        let outputs = try #require(object["outputs"] as? [String: [String: Any]])
        let co2e = try #require(outputs["co2e_kg"])
        #expect(co2e["p_a_less_than_b"] as? Double == 1)
        let difference = try #require(co2e["difference"] as? [String: Any])
        #expect(Set(difference.keys) == ["mean", "p05", "p25", "p50", "p75", "p95", "sd", "mcse", "unit"])
        #expect(difference["unit"] as? String == "kg CO2e")
        #expect((difference["p95"] as? Double ?? 0) < 0)
    }

    @Test("the same estimate twice: every difference is exactly 0")
    func identical() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent(Self.planned).path
        let outputs = try #require(try Self.json([file, file])["outputs"] as? [String: [String: Any]])
        #expect(outputs.count >= 9)
        for (name, output) in outputs {
            let difference = try #require(output["difference"] as? [String: Any])
            for stat in ["mean", "p05", "p50", "p95", "sd"] { #expect(difference[stat] as? Double == 0, "\(name) \(stat)") }
            #expect(output["p_a_less_than_b"] as? Double == 0)
        }
    }

    @Test("an estimate against a projection is one line of error and a non-zero exit")
    func mixed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try runAICarbon(["compare", root.appendingPathComponent(Self.planned).path,
                                      root.appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("two scenarios of the same kind"))
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    }

    @Test("an override's error names the flag that gave it: --set-a, --set-b, --sweep")
    func overrideErrors() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent(Self.planned).path
        let b = try runAICarbon(["compare", file, file, "--set-b", "pue=0.5", "--samples", "100"])
        #expect(b.status != 0 && b.stderr.hasPrefix("Error: --set-b: pue:"), "\(b.stderr)")
        let a = try runAICarbon(["compare", file, file, "--set-a", "pue=abc", "--samples", "100"])
        #expect(a.status != 0 && a.stderr.hasPrefix("Error: --set-a: pue:"), "\(a.stderr)")
        let sweep = try runAICarbon(["run", root.appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path, "--sweep", "elasticity=-1,x",
                                     "--samples", "100"])
        #expect(sweep.status != 0 && sweep.stderr.hasPrefix("Error: --sweep: elasticity:"), "\(sweep.stderr)")
    }
}
