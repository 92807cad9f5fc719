import Foundation
import Testing

/// `aicarbon catalog grids|hardware|sources --search TEXT` (issue 15): rows containing TEXT, ignoring case.
@Suite("catalog --search")
struct CatalogSearchTests {
    static func rows(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try runAICarbon(["catalog"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// The searched text fields of a row, lowercased.
    static func fields(_ row: [String: Any], _ keys: [String]) -> [String] {
        keys.compactMap { row[$0] as? String }.map { $0.lowercased() } + ((row["aliases"] as? [String]) ?? []).map { $0.lowercased() }
    }

    @Test("grids: case-insensitive substring of id, name, aliases, kind or location grid; every match, and only matches")
    func grids() throws {
        let all = try Self.rows(["grids"])
        for text in ["france", "FRANCE", "fRa", "us-", "gcp:europe", "nordic"] {
            let found = try Self.rows(["grids", "--search", text])
            let expected = all.filter { row in Self.fields(row, ["id", "name", "kind", "location_grid"]).contains { $0.contains(text.lowercased()) } }
            #expect(!found.isEmpty, "\(text)")
            #expect(found.map { $0["id"] as? String } == expected.map { $0["id"] as? String }, "\(text)")
        }
        let france = try Self.rows(["grids", "--search", "France"]).compactMap { $0["id"] as? String }
        #expect(france.contains("FRA"))
        #expect(france.contains("gcp:europe-west9"))
        #expect(!france.contains("DEU"))
    }

    @Test("hardware by id, name, alias or vendor; sources by name")
    func hardwareAndSources() throws {
        let h100 = try Self.rows(["hardware", "--search", "h100"]).compactMap { $0["id"] as? String }
        #expect(h100.contains("h100-sxm"))
        #expect(h100.allSatisfy { $0.contains("h100") })
        let amd = try Self.rows(["hardware", "--search", "amd"])
        #expect(!amd.isEmpty)
        #expect(amd.allSatisfy { Self.fields($0, ["id", "name", "vendor"]).contains { $0.contains("amd") } })
        #expect(try Self.rows(["sources", "--search", "WIND"]).compactMap { $0["source"] as? String }.allSatisfy { $0.lowercased().contains("wind") })
    }

    @Test("the table and CSV keep their header and hold only the matches")
    func tableAndCSV() throws {
        let csv = try runAICarbon(["catalog", "grids", "--search", "germany", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "id,name,kind,kg CO2e/kWh,gsd,year,basis,water L/kWh,source")
        #expect(lines.dropFirst().allSatisfy { $0.lowercased().contains("germany") || $0.hasPrefix("DEU") })
        #expect(lines.contains { $0.hasPrefix("DEU,Germany,country,") })
        let table = try runAICarbon(["catalog", "grids", "--search", "germany"])
        #expect(table.stdout.hasPrefix("id "))
        #expect(!table.stdout.contains("France"))
    }

    @Test("a long value is quoted cut, with its own length, not the length of the message quoting it (found \"xxx… (365 characters)\" for 300)",
          arguments: [("grids", 300), ("hardware", 100_000), ("sources", 101), ("grids", 150)])
    func longValue(_ kind: String, _ length: Int) throws {
        let result = try runAICarbon(["catalog", kind, "--search", String(repeating: "x", count: length)])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasSuffix(", found \"\(String(repeating: "x", count: 100))…\" (\(length) characters), which no row contains "
                                        + "(aicarbon catalog \(kind) lists them all)\n"), "\(result.stderr)")
    }

    @Test("a value of 100 characters is quoted whole; blanks and control characters count as the characters typed", arguments: [
        (String(repeating: "y", count: 100), "\"\(String(repeating: "y", count: 100))\", which no row contains (aicarbon catalog grids lists them all)"),
        (String(repeating: " ", count: 250), "\"\(String(repeating: " ", count: 100))…\" (250 characters) (nothing to search for)"),
        (String(repeating: "\u{1B}", count: 30), "\"\(String(repeating: "\\u{1B}", count: 16))…\" (30 characters), which no row contains "
            + "(aicarbon catalog grids lists them all)"),
    ])
    func quotedWhole(_ value: String, _ found: String) throws {
        let result = try runAICarbon(["catalog", "grids", "--search", value])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("found " + found + "\n"), "\(result.stderr)")
    }

    @Test("no match, or nothing to search for: one line naming --search and what was found, exit 1", arguments: [
        (["grids", "--search", "atlantis"], "found \"atlantis\", which no row contains (aicarbon catalog grids lists them all)"),
        (["hardware", "--search", "zx-9000"], "found \"zx-9000\", which no row contains (aicarbon catalog hardware lists them all)"),
        (["grids", "--search", "  "], "found \"  \" (nothing to search for)"),
    ])
    func noMatch(_ arguments: [String], _ found: String) throws {
        let result = try runAICarbon(["catalog"] + arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --search: expected "))
        #expect(result.stderr.hasSuffix(found + "\n"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
