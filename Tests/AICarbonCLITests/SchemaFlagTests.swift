import Foundation
import Testing

/// Review of issue 15: `aicarbon schema` showed flags no command accepts (`--ai-growth`), none for
/// `hardware` and `recipe`, `--hardware` for `tdp`, and blank documented defaults.
@Suite("aicarbon schema flags and defaults")
struct SchemaFlagTests {
    static let projection = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path

    static func rows() throws -> [[String: Any]] {
        let result = try runAICarbon(["schema", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test("every flag shown is accepted: estimate takes each --flag, run takes each --set KEY=…")
    func flagsAccepted() throws {
        let rows = try Self.rows()
        var checked = 0
        for row in rows {
            guard let flag = row["flag"] as? String, let key = row["key"] as? String else { continue }
            let result: (status: Int32, stdout: String, stderr: String)
            if flag.hasPrefix("--set ") {
                #expect(flag == "--set \(key)=…")
                result = try runAICarbon(["run", Self.projection, "--set", "\(key)=1", "--samples", "100"])
                #expect(!result.stderr.contains("expected a key of this"), "\(key): \(result.stderr)")
            } else {
                result = try runAICarbon(["estimate", flag, "1"])
            }
            #expect(result.status != 64 && !result.stderr.contains("unknown option"), "\(key) \(flag): \(result.stderr)")
            checked += 1
        }
        #expect(checked > 60)
    }

    @Test("flags and defaults of the keys the review found wrong",
          arguments: [("ai_growth", "--set ai_growth=…", nil), ("tdp", nil, nil), ("hardware", "--hardware", nil), ("recipe", "--recipe", nil),
                      ("efficiency_gain", "--set efficiency_gain=…", "1 (no gain)"), ("flop_per_joule_growth", "--set flop_per_joule_growth=…", "1.2 to 1.4 (Epoch AI)"),
                      ("tokens_per_param", "--set tokens_per_param=…", "20 (Hoffmann et al. 2022)"), ("grid", "--grid", "WORLD")] as [(String, String?, String?)])
    func row(_ key: String, _ flag: String?, _ defaultValue: String?) throws {
        let row = try #require(try Self.rows().first { $0["key"] as? String == key })
        #expect(row["flag"] as? String == flag)
        if let defaultValue { #expect(row["default"] as? String == defaultValue) }
    }

    @Test("the table has a flag column")
    func table() throws {
        let table = try runAICarbon(["schema"])
        let header = try #require(table.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("key ") && header.contains(" flag ") && header.contains(" scope "))
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("ai_growth ({year: value})") && $0.contains("--set ai_growth=…") })
    }
}
