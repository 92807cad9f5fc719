import Foundation
import Testing

/// Review of issue 15: `--percentiles` was ignored by the projection table (CSV and JSON had them).
@Suite("projection table with --percentiles")
struct ProjectionPercentileTableTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path

    @Test("the interval runs over the outer requested percentiles; the others are named below the table")
    func requested() throws {
        let common = [Self.scenario, "--samples", "500", "--percentiles", "2.5,10,99"]
        let table = try runAICarbon(["run"] + common)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("each cell: median [p2.5–p99]\n"))
        #expect(table.stdout.contains("also computed (in CSV and JSON): p10\n"))
        // The 2025 energy cell holds the CSV's p2.5 and p99, in TWh to three digits.
        let csv = try runAICarbon(["run"] + common + ["--format", "csv"])
        func value(_ statistic: String) throws -> Double {
            let line = try #require(csv.stdout.split(separator: "\n").first { $0.hasPrefix("iea-base,2025,energy_kwh,kWh,\(statistic),") })
            return try #require(Double(line.split(separator: ",").last!))
        }
        let low = try value("p2_5"), high = try value("p99")
        let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("2025") })
        #expect(row.contains("[\(Int((low / 1e9).rounded()))–\(Int((high / 1e9).rounded()))]"), "\(row) \(low) \(high)")
    }

    @Test("without --percentiles the cells stay median [5th–95th percentile]")
    func standard() throws {
        let table = try runAICarbon(["run", Self.scenario, "--samples", "500"])
        #expect(table.stdout.contains("each cell: median [5th–95th percentile]\n"))
        #expect(!table.stdout.contains("also computed"))
    }
}
