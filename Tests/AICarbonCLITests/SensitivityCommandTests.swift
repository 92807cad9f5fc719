import Foundation
import Testing

/// A projection with 28 uncertain columns (22 growth steps): more than a Sobol' design can hold for
/// Sobol' indices (2 × 28 > 40 dimensions).
private func wideScenario() throws -> String {
    let steps = (2025...2046).map { "\($0): 1.2 to 1.3" }.joined(separator: ", ")
    let text = """
        name: wide
        kind: projection
        start_year: 2024
        end_year: 2046
        base_electricity: 415 TWh
        ai_share: uniform(0.15, 0.22)
        ai_growth: {\(steps)}
        conventional_growth: 1.05 to 1.1
        grid: WORLD
        """
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-sensitivity-wide-\(UUID().uuidString).yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private let planned = ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "USA",
                       "--samples", "20000"]

private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

@Suite("aicarbon estimate --sensitivity, aicarbon sensitivity")
struct SensitivityCommandTests {
    @Test("estimate --sensitivity rank --format json: the estimate's JSON with a sensitivity member in the contract's shape")
    func estimateJSON() throws {
        let result = try runAICarbon(planned + ["--sensitivity", "rank", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try json(result.stdout) as? [String: Any])
        #expect(object["outputs"] is [String: Any])
        let sensitivity = try #require(object["sensitivity"] as? [String: Any])
        #expect(Set(sensitivity.keys) == ["output", "method", "inputs"])
        #expect(sensitivity["output"] as? String == "co2e_kg")
        #expect(sensitivity["method"] as? String == "rank")
        let inputs = try #require(sensitivity["inputs"] as? [[String: Any]])
        #expect(inputs.allSatisfy { Set($0.keys) == ["name", "spearman", "share"] })
        let magnitudes = inputs.map { abs($0["spearman"] as? Double ?? 0) }
        #expect(magnitudes == magnitudes.sorted(by: >))
        #expect(Set(inputs.map { $0["name"] as? String ?? "" }).isSuperset(of: ["mfu", "pue", "grid", "power_utilization", "host_overhead"]))
        let shares = inputs.map { $0["share"] as? Double ?? 0 }.reduce(0, +)
        #expect(abs(shares - 1) < 1e-9)
    }

    @Test("estimate --sensitivity tornado --sensitivity-output energy_kwh: table with the reading aid")
    func estimateTable() throws {
        let result = try runAICarbon(planned + ["--sensitivity", "tornado", "--sensitivity-output", "energy_kwh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sensitivity of energy (facility, PUE incl.) (energy_kwh)"))
        #expect(result.stdout.contains("reading: mfu alone moves"))
        #expect(result.stdout.contains("every input at its median:"))
    }

    @Test("sensitivity FILE for a projection: one year as an object, every year as an array; the table shows the last year")
    func projection() throws {
        let file = "\(scenarios)/iea-base-2024-2035.yaml"
        let one = try runAICarbon(["sensitivity", file, "--year", "2030", "--format", "json"])
        #expect(one.status == 0, "\(one.stderr)")
        let document = try #require(try json(one.stdout) as? [String: Any])
        let year = try #require(document["sensitivity"] as? [String: Any])
        #expect(year["year"] as? Int == 2030)
        #expect(Set(year.keys) == ["output", "method", "year", "inputs"])
        let all = try runAICarbon(["sensitivity", file, "--method", "tornado", "--format", "json"])
        let years = try #require((try json(all.stdout) as? [String: Any])?["sensitivity"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int ?? 0 } == Array(2024...2035))
        for y in years {
            let inputs = try #require(y["inputs"] as? [[String: Any]])
            #expect(inputs.allSatisfy { Set($0.keys) == ["name", "low", "high", "swing"] })
            // Growth steps are grouped under their key.
            #expect(!inputs.contains { ($0["name"] as? String ?? "").contains("@") })
        }
        let csv = try runAICarbon(["sensitivity", file, "--method", "tornado", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "year,output,method,name,low,high,swing")
        #expect(lines.count == 1 + 12 * 8)
        let table = try runAICarbon(["sensitivity", file])
        #expect(table.stdout.contains("in 2035"))
        #expect(table.stdout.contains("reading: grid explains"))
    }

    @Test("same seed: identical output on 1 and 2 threads", arguments: ["rank", "tornado", "sobol"])
    func threads(_ method: String) throws {
        let file = "\(scenarios)/iea-base-2024-2035.yaml"
        let arguments = ["sensitivity", file, "--method", method, "--samples", "4000", "--format", "json"]
        let one = try runAICarbon(arguments + ["--threads", "1"]), two = try runAICarbon(arguments + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
    }

    @Test("bad input: one line on stderr naming the flag, non-zero exit", arguments: [
        (planned + ["--sensitivity", "foo"], "--sensitivity"),
        (planned + ["--sensitivity", "rank", "--sensitivity-output", "nope"], "--sensitivity-output"),
        (["sensitivity", "\(scenarios)/iea-base-2024-2035.yaml", "--output", "nope"], "--output"),
        (["sensitivity", "\(scenarios)/iea-base-2024-2035.yaml", "--year", "2040"], "--year"),
        (["sensitivity", "\(scenarios)/iea-base-2024-2035.yaml", "--method", "foo"], "--method"),
        (["sensitivity", "\(scenarios)/planned-70b-h100.yaml", "--method", "sobol"], "--method"),
        (["sensitivity", "\(scenarios)/planned-70b-h100.yaml", "--year", "2030"], "--year"),
        (["sensitivity", "WIDE", "--method", "sobol", "--design", "sobol"], "--design"),
    ])
    func badInput(_ arguments: [String], _ flag: String) throws {
        let wide = arguments.contains("WIDE") ? try wideScenario() : ""
        defer { if !wide.isEmpty { try? FileManager.default.removeItem(atPath: wide) } }
        let result = try runAICarbon(arguments.map { $0 == "WIDE" ? wide : $0 })
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: \(flag):"), "\(result.stderr)")
        if arguments.contains("planned-70b-h100.yaml") || arguments.last == "sobol" && flag == "--method" {
            #expect(result.stderr.contains("use rank"), "\(result.stderr)")
        }
    }
}
