import Foundation
import Testing

let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios").path

@Suite("aicarbon run (projections), compare, --set, --sweep")
struct ProjectionCommandTests {
    @Test("JSON: years[].year and years[].outputs with the contract's output names")
    func json() throws {
        let result = try runAICarbon(["run", "\(scenarios)/chatbot-service.yaml", "--samples", "2000", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.first?["year"] as? Int == 2024 && years.count == 7)
        let outputs = try #require(years.last?["outputs"] as? [String: [String: Any]])
        for name in ["energy_kwh", "training_energy_kwh", "inference_energy_kwh", "co2e_kg", "embodied_co2e_kg", "water_l",
                     "queries", "rebound", "energy_without_rebound_kwh"] {
            let stats = try #require(outputs[name], "\(name)")
            for key in ["mean", "p05", "p50", "p95"] { #expect(stats[key] != nil, "\(name).\(key)") }
        }
    }

    @Test("tidy CSV: scenario,year,output,unit,statistic,value")
    func csv() throws {
        let result = try runAICarbon(["run", "\(scenarios)/iea-base-2024-2035.yaml", "--samples", "1000", "--format", "csv"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "scenario,year,output,unit,statistic,value")
        #expect(lines.contains { $0.hasPrefix("iea-base,2030,energy_kwh,kWh,p50,") })
    }

    @Test("compare prints the paired difference and P(A < B)")
    func compare() throws {
        let result = try runAICarbon(["compare", "\(scenarios)/iea-high-efficiency-2024-2035.yaml", "\(scenarios)/iea-base-2024-2035.yaml",
                                      "--samples", "2000", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["common_random_numbers"] as? Bool == true)
        let years = try #require(object["years"] as? [[String: Any]])
        let last = try #require((years.last?["outputs"] as? [String: [String: Any]])?["energy_kwh"])
        #expect((last["p_a_less_than_b"] as? Double ?? 0) > 0.95)
    }

    @Test("sweep runs the variants side by side")
    func sweep() throws {
        let result = try runAICarbon(["run", "\(scenarios)/classroom-rebound.yaml", "--sweep", "elasticity=-1.5,-1,-0.5,0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("elasticity=-1.5") && result.stdout.contains("elasticity=0"))
    }

    @Test("a sweep's table has every year any variant projects, marking a variant's missing years (it had the first variant's years only)",
          arguments: [["end_year=2030,2035"], ["end_year=2035,2030"], ["start_year=2030,2024"]])
    func sweepYears(_ sweep: [String]) throws {
        let result = try runAICarbon(["run", "\(scenarios)/iea-base-2024-2035.yaml", "--sweep", sweep[0], "--samples", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        let values = sweep[0].split(separator: "=")[1].split(separator: ",").map(String.init)
        let key = String(sweep[0].split(separator: "=")[0])
        // Three tables (energy, CO2e, rebound), each with every year 2024–2035 once.
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for year in 2024...2035 {
            let rows = lines.filter { $0.hasPrefix("\(year) ") }
            #expect(rows.count == 3, "\(year)")
            // The variant that stops at 2030 or starts there has no value for the years beyond it.
            let missing = key == "end_year" ? year > 2030 : year < 2030
            for row in rows {
                let cells = row.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(cells.count == 3, "\(row)")
                let short = values.firstIndex(of: "2030")! + 1
                #expect((cells[short] == "not projected") == missing, "\(row)")
                #expect(cells[3 - short] != "not projected" && !cells[3 - short].contains("-"), "\(row)")
            }
        }
    }

    @Test("a swept simulation whose settings a flag overrides is refused, naming the flags (both columns ran the flags' 2,000 samples at seed 1, exit 0)")
    func sweptSimulationOverridden() throws {
        let file = "\(scenarios)/iea-base-2024-2035.yaml"
        let refused = try runAICarbon(["run", file, "--sweep", "simulation={samples: 100, seed: 5},{samples: 300, seed: 9}", "--samples", "2000", "--seed", "1"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "Error: --sweep: expected swept simulation settings that no flag sets (flags override them, so each column would "
                + "run settings other than its heading's): drop the flags or sweep without those settings, found --samples 2000 and --seed 1, "
                + "which override simulation={samples: 100, seed: 5},{samples: 300, seed: 9}\n")
        let method = try runAICarbon(["run", file, "--sweep", "simulation={method: mc},{method: lhs}", "--method", "sobol", "--samples", "1000"])
        #expect(method.status == 1)
        #expect(method.stderr.hasSuffix("found --method sobol, which overrides simulation={method: mc},{method: lhs}\n"), "\(method.stderr)")
        // Flags that set no swept setting, or the value every variant gives, leave the sweep as it was.
        for (swept, extra) in [("{seed: 5},{seed: 9}", ["--samples", "1000"]), ("{seed: 5, samples: 1000},{seed: 5, samples: 1000, method: mc}", ["--seed", "5"])] {
            let run = try runAICarbon(["run", file, "--sweep", "simulation=" + swept, "--format", "csv"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.isEmpty)
        }
    }

    @Test("--set references with a year before the projection's and a negative value is refused at --set (it ran, the chart's axis from 1900)")
    func badReferences() throws {
        let result = try runAICarbon(["run", "\(scenarios)/iea-base-2024-2035.yaml", "--samples", "2000", "--set",
                                      "references=[{year: 1900, value: -945 TWh, label: neg}, {year: 2030, value: 1e30 TWh, label: huge}]"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: --set: references: expected an energy such as \"0.24 Wh\", \"36 MWh\" or \"3.6 MJ\", 0 or more, found \"-945 TWh\"\n")
        let year = try runAICarbon(["run", "\(scenarios)/iea-base-2024-2035.yaml", "--samples", "2000", "--set",
                                    "references=[{year: 1900, value: 945 TWh, label: old}]"])
        #expect(year.status == 1)
        #expect(year.stderr == "Error: --set: references: expected a year the projection projects, 2024 to 2035, found 1900 (old)\n")
    }

    @Test("a bottom-up projection without hardware is refused at the key that made it bottom-up, naming hardware (it named a flag --training-compute that run lacks, without file or line)")
    func bottomUpWithoutHardware() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-nohw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q2.yaml").path
        try Data("""
            name: x
            kind: projection
            start_year: 2024
            end_year: 2030
            queries: 1e9
            tokens_per_query: 500
            active_params: 7B
            simulation: {samples: 2000}

            """.utf8).write(to: URL(fileURLWithPath: file))
        let result = try runAICarbon(["run", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: \(file):5:10: hardware: expected a catalog accelerator (hardware: h100) for the bottom-up mode, "
                + "which queries selects, found no hardware key\n")
    }

    @Test("bad input: --set unknown key, --sweep without values, compare across different years, end before start", arguments: [
        ["run", "\(scenarios)/iea-base-2024-2035.yaml", "--set", "ai_grwth=1.2"],
        ["run", "\(scenarios)/iea-base-2024-2035.yaml", "--sweep", "ai_share="],
        ["run", "\(scenarios)/iea-base-2024-2035.yaml", "--sweep", "ai_share"],
        ["run", "\(scenarios)/iea-base-2024-2035.yaml", "--set", "end_year=2020"],
        ["run", "\(scenarios)/iea-base-2024-2035.yaml", "--set", "elasticity=strong"],
        ["compare", "\(scenarios)/iea-base-2024-2035.yaml", "\(scenarios)/lbnl-us-2023-2028.yaml"],
    ])
    func bad(_ arguments: [String]) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("expected"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }
}
