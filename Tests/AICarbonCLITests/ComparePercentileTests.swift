import Foundation
import Testing

/// Review of issue 15: `compare` ignored `--percentiles` in every format.
@Suite("compare with --percentiles")
struct ComparePercentileTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")
    static let a = scenarios.appendingPathComponent("gpt3-patterson.yaml").path, b = scenarios.appendingPathComponent("planned-70b-h100.yaml").path

    @Test("the difference's requested percentiles are in the CSV and JSON, and bound the table's interval")
    func requested() throws {
        let common = ["compare", Self.a, Self.b, "--samples", "4000", "--percentiles", "1,10,99"]
        let csv = try runAICarbon(common + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        func value(_ statistic: String) throws -> Double {
            let line = try #require(csv.stdout.split(separator: "\n").first { $0.contains(",total_co2e_kg,") && $0.contains(",\(statistic),") },
                                    "\(statistic)")
            return try #require(Double(line.split(separator: ",").last!))
        }
        let p1 = try value("difference_p01"), p10 = try value("difference_p10"), p50 = try value("difference_p50"),
            p99 = try value("difference_p99")
        #expect(p1 <= p10 && p10 <= p50 && p50 <= p99)
        let json = try runAICarbon(common + ["--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"p01\"") && json.stdout.contains("\"p99\""))
        let table = try runAICarbon(common)
        #expect(table.stdout.contains("A − B median [p1–p99]") && table.stdout.contains("also computed (in CSV and JSON): p10\n"), "\(table.stdout)")
    }

    @Test("without --percentiles the table keeps its 90% interval and no footer")
    func standard() throws {
        let table = try runAICarbon(["compare", Self.a, Self.b, "--samples", "2000"])
        #expect(table.status == 0 && table.stdout.contains("A − B median [90%]") && !table.stdout.contains("also computed"))
    }
}
