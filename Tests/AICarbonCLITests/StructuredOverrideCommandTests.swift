import Foundation
import Testing

/// Issue 15 through the executable: `--set` and `--sweep` take year maps and lists.
@Suite("aicarbon --set and --sweep with year maps and lists")
struct StructuredOverrideCommandTests {
    static let iea = ReliabilityCommandTests.scenarios.appendingPathComponent("iea-base-2024-2035.yaml").path

    @Test("--set \"ai_growth={2025: 1.2, 2031: 1.05}\" runs the year path: 2025 grows 1.2, 2031 on 1.05")
    func setYearPath() throws {
        let result = try runAICarbon(["run", Self.iea, "--set", "ai_growth={2025: 1.2, 2031: 1.05}", "--set", "ai_share=0.2", "--set", "conventional_growth=1", "--samples", "200", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        func value(_ year: Int) -> Double? {
            result.stdout.split(separator: "\n").first { $0.contains(",\(year),ai_energy_kwh,kWh,p50,") }
                .flatMap { $0.split(separator: ",").last }.flatMap { Double(String($0)) }
        }
        let e2024 = try #require(value(2024)), e2025 = try #require(value(2025)), e2031 = try #require(value(2031)),
            e2032 = try #require(value(2032))
        #expect(abs(e2025 / e2024 - 1.2) < 1e-9 && abs(e2032 / e2031 - 1.05) < 1e-9, "\(e2024) \(e2025) \(e2031) \(e2032)")
    }

    @Test("a bad year map is one line at --set naming the key, with a non-zero exit")
    func setBadYearPath() throws {
        let result = try runAICarbon(["run", Self.iea, "--set", "ai_growth={2025: 1.2, 2031: 1.05"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("Error: --set: ai_growth: expected a value, a {year: value} mapping"), "\(result.stderr)")
    }

    @Test("--sweep splits at commas outside braces: a year map is one variant")
    func sweepYearPath() throws {
        let result = try runAICarbon(["run", Self.iea, "--sweep", "ai_growth={2025: 1.2, 2031: 1.05},1.3", "--samples", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ai_growth={2025: 1.2, 2031: 1.05}") && result.stdout.contains("ai_growth=1.3"), "\(result.stdout)")
    }

    @Test("--set-b with a bad year map names --set-b")
    func setB() throws {
        let result = try runAICarbon(["compare", Self.iea, Self.iea, "--set-b", "ai_growth={2025: nope}", "--samples", "200"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("Error: --set-b: ai_growth:"), "\(result.stderr)")
    }
}
