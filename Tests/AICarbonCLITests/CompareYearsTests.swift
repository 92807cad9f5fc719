import Foundation
import Testing

/// `aicarbon compare A B --years …` (issue 15): the years two projections share.
@Suite("compare --years")
struct CompareYearsTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios").path
    static let base = "\(scenarios)/iea-base-2024-2035.yaml", efficiency = "\(scenarios)/iea-high-efficiency-2024-2035.yaml"
    static let lbnl = "\(scenarios)/lbnl-us-2023-2028.yaml"

    /// The `years` array of a comparison's JSON, by year.
    static func years(_ arguments: [String]) throws -> [Int: [String: Any]] {
        let result = try runAICarbon(["compare"] + arguments + ["--samples", "2000", "--seed", "3", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let list = try #require(object["years"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["year"] as! Int, $0) })
    }

    @Test("a list and a range select those years; each is the same as in the full comparison")
    func selectedYearsMatchTheFullComparison() throws {
        let full = try Self.years([Self.efficiency, Self.base])
        #expect(full.count == 12)
        let chosen = try Self.years([Self.efficiency, Self.base, "--years", "2030,2026-2027,2035,2030"])
        #expect(chosen.keys.sorted() == [2026, 2027, 2030, 2035])
        for (year, entry) in chosen {
            #expect(NSDictionary(dictionary: entry) == NSDictionary(dictionary: full[year]!), "\(year)")
        }
    }

    @Test("two projections over different years compare in the years they share")
    func sharedYears() throws {
        let chosen = try Self.years([Self.lbnl, Self.base, "--years", "2024-2028"])
        #expect(chosen.keys.sorted() == [2024, 2025, 2026, 2027, 2028])
        let energy = try #require((chosen[2024]?["outputs"] as? [String: [String: Any]])?["energy_kwh"])
        #expect(energy["b_p50"] as? Double == 415e9)
        // Without --years, different years stay an error.
        let refused = try runAICarbon(["compare", Self.lbnl, Self.base, "--samples", "100"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("end_year: expected the same years in both scenarios"))
    }

    @Test("the table and CSV show only the chosen years")
    func tableAndCSV() throws {
        let table = try runAICarbon(["compare", Self.lbnl, Self.base, "--years", "2025,2027", "--samples", "1000"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }.map { $0.prefix(4) }
        #expect(Set(rows) == ["2025", "2027"])
        let csv = try runAICarbon(["compare", Self.lbnl, Self.base, "--years", "2025,2027", "--samples", "1000", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n").dropFirst()
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { line in line.split(separator: ",").contains { $0 == "2025" || $0 == "2027" } })
    }

    @Test("bad --years: one line naming --years, what was expected and found, exit 1", arguments: [
        (["--years", "2023"], "Error: --years: expected years both scenarios project (shared: 2024–2028; lbnl-us 2023–2028, iea-base 2024–2035), found 2023, not in iea-base"),
        (["--years", "2026-2030"], "Error: --years: expected years both scenarios project (shared: 2024–2028; lbnl-us 2023–2028, iea-base 2024–2035), found 2029, not in lbnl-us"),
        (["--years", "20x0"], "Error: --years: expected years such as 2030, comma-separated years (2026,2030) or a range (2026-2030), found \"20x0\""),
        (["--years", "2025,,2026"], "Error: --years: expected years such as 2030, comma-separated years (2026,2030) or a range (2026-2030), found \"2025,,2026\" (the item \"\")"),
        (["--years", "2028-2025"], "Error: --years: expected a range from the earlier year to the later (2026-2030), found \"2028-2025\""),
        (["--years", "2025-2026-2027"], "Error: --years: expected years such as 2030, comma-separated years (2026,2030) or a range (2026-2030), found \"2025-2026-2027\""),
    ])
    func badYears(_ flags: [String], _ line: String) throws {
        let result = try runAICarbon(["compare", Self.lbnl, Self.base, "--samples", "100"] + flags)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == line + "\n")
    }

    @Test("refused for two estimates, with a clear message")
    func estimates() throws {
        let planned = "\(Self.scenarios)/planned-70b-h100.yaml"
        let result = try runAICarbon(["compare", planned, planned, "--years", "2030", "--samples", "100"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: --years: expected two projections (years apply to projections; an estimate has none), found two single-model estimates"))
    }
}
