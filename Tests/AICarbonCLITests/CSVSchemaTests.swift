import Foundation
import Testing

/// One tidy CSV schema with a unit column for estimates, projections and compare (issue 15):
/// `scenario,year,output,unit,statistic,value`.
@Suite("tidy CSV schema")
struct CSVSchemaTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios").path
    static let header = ["scenario", "year", "output", "unit", "statistic", "value"]

    /// Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks).
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" {
                record.append(field); records.append(record); record = []; field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// A command whose CSV follows the schema, and what its rows hold.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        /// Whether rows carry a year.
        let years: Bool
        /// Whether it is a comparison (`A vs B`, difference statistics).
        let comparison: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "estimate from flags", arguments: ["estimate", "--chips", "8", "--hours", "10", "--power", "300 to 400 W", "--grid", "FRA",
                                                      "--queries", "1M", "--energy-per-query", "0.3 Wh"], years: false, comparison: false),
        Case(name: "estimate scenario", arguments: ["run", "\(scenarios)/planned-70b-h100.yaml"], years: false, comparison: false),
        Case(name: "projection", arguments: ["run", "\(scenarios)/chatbot-service.yaml"], years: true, comparison: false),
        Case(name: "compare estimates", arguments: ["compare", "\(scenarios)/planned-70b-h100.yaml", "\(scenarios)/planned-70b-h100.yaml",
                                                    "--set-a", "grid=FRA"], years: false, comparison: true),
        Case(name: "compare projections", arguments: ["compare", "\(scenarios)/lbnl-us-2023-2028.yaml", "\(scenarios)/iea-base-2024-2035.yaml",
                                                      "--years", "2025-2026"], years: true, comparison: true),
    ]

    /// Each output's unit as the JSON of the same command gives it.
    static func jsonUnits(_ arguments: [String], comparison: Bool) throws -> [String: String] {
        let result = try runAICarbon(arguments + ["--samples", "1000", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let groups: [[String: [String: Any]]]
        if let years = object["years"] as? [[String: Any]] {
            groups = years.compactMap { $0["outputs"] as? [String: [String: Any]] }
        } else {
            groups = [try #require(object["outputs"] as? [String: [String: Any]])]
        }
        var units: [String: String] = [:]
        for outputs in groups {
            for (name, stats) in outputs {
                let holder = comparison ? stats["difference"] as? [String: Any] : stats
                units[name] = holder?["unit"] as? String
            }
        }
        return units
    }

    @Test("every CSV parses with the same header; six fields a row; year empty for estimates; numbers parse", arguments: cases)
    func sameSchema(_ c: Case) throws {
        let result = try runAICarbon(c.arguments + ["--samples", "1000", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = Self.parse(result.stdout)
        #expect(records.first == Self.header)
        let rows = records.dropFirst()
        #expect(rows.count > 10)
        for row in rows {
            #expect(row.count == 6, "\(row)")
            guard row.count == 6 else { continue }
            #expect(c.years ? Int(row[1]) != nil : row[1].isEmpty, "\(row)")
            #expect(Double(row[5])?.isFinite == true, "\(row)")
            if c.comparison {
                #expect(row[0].contains(" vs "))
                #expect(row[4] == "a_p50" || row[4] == "b_p50" || row[4].hasPrefix("difference_") || row[4] == "p_a_less_than_b", "\(row)")
            } else {
                #expect(["mean", "sd", "mcse"].contains(row[4]) || (row[4].hasPrefix("p") && Double(row[4].dropFirst()) != nil), "\(row)")
            }
        }
        let statistics = Set(rows.map { $0[4] })
        #expect(statistics.isSuperset(of: c.comparison ? ["a_p50", "b_p50", "difference_mean", "difference_p05", "difference_p95", "p_a_less_than_b"]
                                                        : ["mean", "p05", "p50", "p95", "sd", "mcse"]))
    }

    @Test("the unit column is the output's unit, as JSON names it (empty for a probability)", arguments: cases)
    func units(_ c: Case) throws {
        let csv = try runAICarbon(c.arguments + ["--samples", "1000", "--format", "csv"])
        let units = try Self.jsonUnits(c.arguments, comparison: c.comparison)
        #expect(units.count >= 5)
        for row in Self.parse(csv.stdout).dropFirst() where row.count == 6 {
            let expected = row[4] == "p_a_less_than_b" ? "" : units[row[2]]
            #expect(row[3] == expected, "\(row)")
        }
        let known = ["energy_kwh": "kWh", "co2e_kg": "kg CO2e", "water_l": "L", "chip_hours": "chip-h", "rebound": ""]
        for row in Self.parse(csv.stdout).dropFirst() where row.count == 6 && row[4] != "p_a_less_than_b" {
            if let unit = known[row[2]] { #expect(row[3] == unit, "\(row)") }
        }
    }

    @Test("a scenario name with a comma, a quote and a line break stays one field (RFC 4180)")
    func quotedName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("named.yaml")
        let text = try String(contentsOfFile: "\(Self.scenarios)/gpt3-patterson.yaml", encoding: .utf8)
            .replacingOccurrences(of: "name: gpt3-patterson", with: "name: \"GPT-3, \\\"Patterson\\\"\\nrun\"")
        try Data(text.utf8).write(to: file)
        let result = try runAICarbon(["run", file.path, "--format", "csv", "--samples", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = Self.parse(result.stdout)
        #expect(records.first == Self.header)
        #expect(records.dropFirst().allSatisfy { $0.count == 6 && $0[0] == "GPT-3, \"Patterson\"\nrun" })
    }
}
