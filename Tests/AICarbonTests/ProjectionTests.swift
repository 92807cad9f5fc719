import Foundation
import Testing
@testable import AICarbon

func loadProjection(_ name: String, overrides: [(key: String, value: String)] = []) throws(InputError) -> ProjectionScenario {
    guard case .projection(let p) = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent(name).path, overrides: overrides) else {
        throw InputError(field: "test", expected: "a projection", found: name)
    }
    return p
}

func runProjection(_ name: String, samples: Int = 4_000, overrides: [(key: String, value: String)] = []) throws -> ProjectionReport {
    let p = try loadProjection(name, overrides: overrides)
    let settings = SimulationSettings(samples: samples, seed: p.simulation.seed ?? 1, method: p.simulation.method ?? .mc, threads: 2)
    return try p.run(catalog: Catalog.bundled(), settings: settings)
}

func median(_ r: ProjectionReport, _ output: OutputName, _ year: Int) throws -> Double {
    try #require(r.summary(output, year: year)?.percentile(50))
}

@Suite("Projections and shipped projection scenarios")
struct ProjectionTests {
    @Test("a growth path starting after end_year is refused ({2040: 2.0} on 2024-2035 read as 2.0 in every year); later entries beyond the end are harmless")
    func growthPathAfterEnd() throws {
        do {
            _ = try runProjection("iea-base-2024-2035.yaml", samples: 100, overrides: [("ai_growth", "{2040: 2.0}")])
            Issue.record("a path starting after end_year ran")
        } catch let error as InputError {
            #expect(error.field == "ai_growth" && error.found == "2040", "\(error)")
            #expect(error.expected.hasPrefix("a first year up to end_year (2035)"), "\(error)")
        }
        // The shipped path has a 2031 entry: a projection ending in 2030 runs, its 2025 entry throughout, so its 2030
        // matches the full run's (other columns are drawn, so the samples differ: within 5%, IEA's 945 TWh).
        let short = try runProjection("iea-base-2024-2035.yaml", samples: 4_000, overrides: [("end_year", "2030")])
        #expect(abs(try median(short, .energyKWh, 2030) / 945e9 - 1) < 0.05)
    }

    @Test("two ways of one level path are named at a key that was given, with its place (pue_target with pue_decline named pue_points, not given)")
    func levelPathConflict() throws {
        for (overrides, key, found) in [([("pue_target", "1.1"), ("pue_target_year", "2030"), ("pue_decline", "0.01")], "pue_decline", "pue_target and pue_decline"),
                                        ([("grid_points", "{2024: 0.4 kg/kWh, 2030: 0.2 kg/kWh}"), ("grid_decline", "0.05")], "grid_decline", "grid_points and grid_decline")] {
            do {
                _ = try runProjection("epoch-frontier-training.yaml", samples: 100, overrides: overrides)
                Issue.record("two ways of one path ran")
            } catch let error as InputError {
                #expect(error.field == key && error.found == found, "\(error)")
            }
        }
    }

    @Test("training keys on a bottom-up projection without training are refused as unused (mfu=0.01 on chatbot-service changed nothing)",
          arguments: ["mfu", "training_runs", "training_compute_growth"])
    func trainingKeysWithoutTraining(_ key: String) throws {
        do {
            _ = try runProjection("chatbot-service.yaml", samples: 100, overrides: [(key, key == "mfu" ? "0.01" : "2")])
            Issue.record("\(key) without training ran")
        } catch let error as InputError {
            #expect(error.field == key && error.found.hasSuffix("which it does not use (no training_compute or training_params: it has no training)"),
                    "\(error)")
        }
    }

    @Test("IEA Base (2025): 415 TWh in 2024, median near 945 TWh in 2030 (±5%) and 1,200 TWh in 2035 (±5%)")
    func ieaBase() throws {
        let r = try runProjection("iea-base-2024-2035.yaml")
        #expect(abs(try median(r, .energyKWh, 2024) - 415e9) < 1)
        #expect(abs(try median(r, .energyKWh, 2030) / 945e9 - 1) < 0.05)
        #expect(abs(try median(r, .energyKWh, 2035) / 1_200e9 - 1) < 0.05)
        // IEA: accelerated-server electricity grows about 30% a year to 2030.
        let growth = pow(try median(r, .aiEnergyKWh, 2030) / median(r, .aiEnergyKWh, 2024), 1.0 / 6)
        #expect(abs(growth - 1.30) < 0.01)
    }

    @Test("IEA sensitivity cases land their 2035 medians within 5% of the published levels",
          arguments: [("iea-lift-off-2024-2035.yaml", 1_700e9), ("iea-high-efficiency-2024-2035.yaml", 970e9),
                      ("iea-headwinds-2024-2035.yaml", 700e9)])
    func ieaCases(_ file: String, _ published: Double) throws {
        let r = try runProjection(file)
        #expect(abs(try median(r, .energyKWh, 2035) / published - 1) < 0.05)
        #expect(abs(try median(r, .energyKWh, 2024) - 415e9) < 1)
    }

    @Test("LBNL 2024: 176 TWh in 2023; the 2028 median lies inside the published 325-580 TWh range")
    func lbnl() throws {
        let r = try runProjection("lbnl-us-2023-2028.yaml")
        #expect(abs(try median(r, .energyKWh, 2023) - 176e9) < 1)
        let m = try median(r, .energyKWh, 2028)
        #expect(m > 325e9 && m < 580e9)
        let s = try #require(r.summary(.energyKWh, year: 2028))
        // Scenarios/README.md: the 90% interval spans about 319-895 TWh, covering LBNL's range.
        #expect(s.percentile(5)! < 325e9 && s.percentile(95)! > 580e9)
    }

    @Test("Epoch AI frontier training: energy per run grows about 4.5 / 1.3 ≈ 3.5x a year")
    func epoch() throws {
        let r = try runProjection("epoch-frontier-training.yaml")
        let ratio = try median(r, .energyKWh, 2025) / median(r, .energyKWh, 2024)
        #expect(ratio > 3.2 && ratio < 3.7, "\(ratio)")
        let first = try median(r, .energyKWh, 2024)
        #expect(first > 10e6 && first < 60e6, "2024 frontier run \(first) kWh")   // tens of GWh
    }

    @Test("chatbot service: 2024 energy per query within 0.05-1 Wh (Gemini median prompt 0.24 Wh, Elsworth et al. 2025)")
    func chatbot() throws {
        let r = try runProjection("chatbot-service.yaml")
        let perQueryWh = try median(r, .energyKWh, 2024) / median(r, .queries, 2024) * 1000
        #expect(perQueryWh > 0.05 && perQueryWh < 1, "\(perQueryWh) Wh")
        // Demand responds to efficiency: energy with rebound exceeds energy without it after the start year.
        #expect(try median(r, .energyKWh, 2030) > median(r, .energyWithoutReboundKWh, 2030))
        let rebound = try median(r, .rebound, 2030)
        #expect(rebound > 0 && rebound < 1, "\(rebound)")
    }

    @Test("classroom rebound: elasticity -1.3 backfires (energy rises); -0.5 is partial (energy falls)")
    func classroom() throws {
        let backfire = try runProjection("classroom-rebound.yaml")
        #expect(try median(backfire, .energyKWh, 2030) > median(backfire, .energyKWh, 2025))
        #expect(try median(backfire, .energyWithoutReboundKWh, 2030) < median(backfire, .energyKWh, 2025))
        let r2030 = try median(backfire, .rebound, 2030)
        // k = 1.25^5 = 3.0518; R = 1 − (1 − k^0.3) / (1 − 1/k) = 1.588.
        #expect(abs(r2030 - Rebound.rebound(pow(1.25, 5), -1.3)) < 1e-9)
        #expect(Rebound.classify(r2030) == .backfire)
        let partial = try runProjection("classroom-rebound.yaml", overrides: [("elasticity", "-0.5")])
        #expect(try median(partial, .energyKWh, 2030) < median(partial, .energyKWh, 2025))
        #expect(Rebound.classify(try median(partial, .rebound, 2030)) == .partial)
    }

    @Test("common random numbers give a smaller spread of the paired difference than independent sampling")
    func commonRandomNumbers() throws {
        let a = try loadProjection("iea-base-2024-2035.yaml"), b = try loadProjection("iea-high-efficiency-2024-2035.yaml")
        let settings = SimulationSettings(samples: 4_000, seed: 3, threads: 2)
        func sd(_ crn: Bool) throws -> Double {
            let report = try Projection.compare((a.spec, a.name, a.targetYears), (b.spec, b.name, b.targetYears),
                                                catalog: Catalog.bundled(), settings: settings, commonRandomNumbers: crn)
            return try #require(report.difference(.energyKWh, year: 2035)).sd
        }
        let paired = try sd(true), independent = try sd(false)
        #expect(paired < independent / 2, "CRN \(paired) vs independent \(independent)")
        let report = try Projection.compare((a.spec, a.name, a.targetYears), (b.spec, b.name, b.targetYears),
                                            catalog: Catalog.bundled(), settings: settings)
        // Base is above High Efficiency in 2035 in almost every paired trajectory.
        #expect(try #require(report.probabilityALessThanB(.energyKWh, year: 2035)) < 0.05)
    }

    static let bad: [(String, String, String)] = [
        ("kind: projection\nstart_year: 2030\nend_year: 2024\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: 1.3\nconventional_growth: 1.09\n",
         "end_year", "not before start_year"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: 0\nconventional_growth: 1.09\n",
         "ai_growth", "greater than 0"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: {2025: -1.3}\nconventional_growth: 1.09\n",
         "ai_growth", "greater than 0"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: 1.3\nconventional_growth: 1.09\nelasticity: strong\n",
         "elasticity", "plain number"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growt: 1.3\n",
         "ai_growt", "did you mean ai_growth"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nconventional_growth: 1.09\n",
         "ai_growth", "annual growth factor"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nai_share: 0.2\n", "base_electricity", "bottom-up"),
        ("kind: projection\nstart_year: twenty\nend_year: 2030\n", "start_year", "a year"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\ntraining_compute: 1e24\n", "hardware", "training_compute selects"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nqueries: 1e9\ntokens_per_query: 500\nactive_params: 7B\n", "hardware",
         "queries selects"),
        // No queries served: energy_per_query_wh would be 0 / 0, which was reported as an overflow naming no input.
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nqueries: 0\ntokens_per_query: 500\nactive_params: 7B\nhardware: h100\n",
         "queries", "more than 0 queries a year"),
        ("kind: projection\nstart_year: 2024\nend_year: 2030\nqueries: 1e9\ntokens_per_query: 500\nhardware: h100\n",
         "queries", "active_params missing"),
    ]

    @Test("a key a projection needs but its file lacks is placed at the file, not named as a flag run does not have (--conventional-growth)")
    func missingKeyAtFile() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: {2025: 1.3}\n"
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "a.yaml") else { Issue.record("kind"); return }
        let error = try #require(throws: InputError.self) { try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears) }
        #expect(error.description == "a.yaml: conventional_growth: expected an annual growth factor (\"1.3\", or {2025: 1.3, 2031: 1.08}), "
                + "found nothing", "\(error)")
    }

    @Test("bad projection files are errors naming the key, what was expected and what was found", arguments: bad)
    func badFiles(_ text: String, _ field: String, _ expected: String) throws {
        do {
            guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "p.yaml") else {
                Issue.record("not a projection"); return
            }
            _ = try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears)
            Issue.record("no error")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(error.expected.contains(expected) || error.found.contains(expected), "\(error)")
        }
    }

    @Test("references: a year outside the projection's, a negative or absurd value are refused at their line or at --set (they were drawn, the axis stretched to 1900)")
    func references() throws {
        let head = "kind: projection\nstart_year: 2024\nend_year: 2030\nbase_electricity: 415 TWh\nai_share: 0.2\nai_growth: 1.3\nconventional_growth: 1.09\n"
        func refusal(_ references: String) -> InputError? {
            do { _ = try ScenarioFile.parseDocument(head + "references:\n" + references, path: "r.yaml"); return nil } catch { return error }
        }
        let early = try #require(refusal("  - {year: 2024, value: 415 TWh, label: ok}\n  - {year: 1900, value: 945 TWh, label: old}\n"))
        #expect(early.description == "r.yaml:10:12: references: expected a year the projection projects, 2024 to 2030, found 1900 (old)")
        let late = try #require(refusal("  - {year: 2031, value: 945 TWh, label: late}\n"))
        #expect(late.found == "2031 (late)" && late.location?.line == 9)
        let negative = try #require(refusal("  - {year: 2030, value: -945 TWh, label: neg}\n"))
        #expect(negative.field == "references" && negative.found == "\"-945 TWh\"" && negative.expected.hasSuffix("0 or more"), "\(negative)")
        #expect(negative.location == InputLocation(file: "r.yaml", line: 9, column: 25))
        let huge = try #require(refusal("  - {year: 2030, value: 1e200 TWh, label: huge}\n"))
        #expect(huge.description == "r.yaml:9:25: references: expected a published figure for energy_kwh of 0 or from 1e-100 kWh to 1e+100 kWh "
                + "in magnitude, found \"1e200 TWh\" (1e+209 kWh)")
        #expect(refusal("  - {year: 2030, value: 1e-200 TWh, label: tiny}\n")?.found.contains("1e-191 kWh") == true)
        #expect(refusal("  - {year: 2030, value: inf TWh, label: inf}\n")?.field == "references")
        // Accepted: the first and last years, 0, and a negative rebound (a rebound can be below 0).
        #expect(refusal("  - {year: 2024, value: 0 TWh, label: a}\n  - {year: 2030, value: 945 TWh, label: b}\n"
                        + "  - {year: 2030, value: -0.2, label: c, output: rebound}\n") == nil)
        // Given with --set: refused at the flag.
        do {
            _ = try loadProjection("iea-base-2024-2035.yaml", overrides: [("references", "[{year: 1900, value: 945 TWh, label: old}]")])
            Issue.record("a 1900 reference was accepted")
        } catch {
            #expect(error.description == "--set: references: expected a year the projection projects, 2024 to 2035, found 1900 (old)")
        }
        // Years changed on the command line: the file's figures for years no longer projected are left off.
        let short = try loadProjection("iea-base-2024-2035.yaml", overrides: [("end_year", "2030")])
        #expect(short.spec.references.map(\.year) == [2024, 2030])
        let late2 = try loadProjection("iea-base-2024-2035.yaml", overrides: [("start_year", "2030")])
        #expect(late2.spec.references.map(\.year) == [2030, 2035])
        #expect(try loadProjection("iea-base-2024-2035.yaml").spec.references.map(\.year) == [2024, 2030, 2035])
    }

    @Test("results that overflow are an error naming the output and year, never infinite numbers")
    func overflow() throws {
        let text = "kind: projection\nstart_year: 2024\nend_year: 2200\nbase_electricity: 415 TWh\nai_share: 1\nai_growth: 100\nconventional_growth: 1\n"
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "o.yaml") else { Issue.record("kind"); return }
        do {
            _ = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
            Issue.record("no error")
        } catch {
            #expect(error.field.contains(" in 2"), "\(error)")
            #expect(error.expected.contains("finite"))
        }
    }

    @Test("--set overrides a value; an unknown key is an error with a suggestion")
    func overrides() throws {
        let r = try runProjection("iea-base-2024-2035.yaml", samples: 500, overrides: [("base_electricity", "500 TWh")])
        #expect(abs(try median(r, .energyKWh, 2024) - 500e9) < 1)
        #expect(throws: InputError.self) { try loadProjection("iea-base-2024-2035.yaml", overrides: [("ai_grwth", "1.2")]) }
        do { _ = try loadProjection("iea-base-2024-2035.yaml", overrides: [("ai_grwth", "1.2")]) } catch {
            #expect(error.field == "set" && error.expected.contains("ai_growth"))
        }
    }

    @Test("comparing scenarios with different years is an error")
    func differentYears() throws {
        let a = try loadProjection("iea-base-2024-2035.yaml"), b = try loadProjection("lbnl-us-2023-2028.yaml")
        #expect(throws: InputError.self) {
            try Projection.compare((a.spec, a.name, a.targetYears), (b.spec, b.name, b.targetYears),
                                   catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100))
        }
    }

    @Test("training from parameters: 10 runs x 6 x N x 20 N FLOP, N doubling each year, quadruples energy each year")
    func trainingFromParameters() throws {
        let text = """
        kind: projection
        start_year: 2024
        end_year: 2026
        training_params: 70B
        training_params_growth: 2
        training_runs: 10
        hardware: H100 SXM
        mfu: 0.4
        power_utilization: 1
        host_overhead: 1
        pue: 1
        grid: 0.4 kg/kWh
        inference_share: 0
        flop_per_joule_growth: 1
        """
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "t.yaml") else { Issue.record("kind"); return }
        let r = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
        // 10 × 6 × 70e9 × (20 × 70e9) FLOP at 989e12 × 0.4 FLOP/s per 700 W = 565.1 GFLOP/J; tokens per
        // parameter 20 is the Chinchilla default (Hoffmann et al. 2022).
        let expected = 10 * 6 * 70e9 * 20 * 70e9 / (989e12 * 0.4 / 700) / 3.6e6
        #expect(abs(try median(r, .energyKWh, 2024) / expected - 1) < 1e-12)
        #expect(abs(try median(r, .energyKWh, 2026) / (16 * expected) - 1) < 1e-12)
        #expect(p.spec.scalars["tokens_per_param"] == nil)
    }

    @Test("growth noise adds year-to-year spread but keeps the median path")
    func noise() throws {
        let quiet = try runProjection("iea-base-2024-2035.yaml", samples: 4_000)
        let noisy = try runProjection("iea-base-2024-2035.yaml", samples: 4_000, overrides: [("growth_noise", "0.05")])
        let q = try #require(quiet.summary(.energyKWh, year: 2035)), n = try #require(noisy.summary(.energyKWh, year: 2035))
        #expect(n.sd > q.sd)
        #expect(abs(n.percentile(50)! / q.percentile(50)! - 1) < 0.05)
    }

    @Test("a lifetime in use shorter than a year is a warning in the report (table, JSON, HTML) and in compare; the default lifetime and an aggregate projection give none")
    func lifetimeShorterThanYear() throws {
        let short = try runProjection("epoch-frontier-training.yaml", samples: 500, overrides: [("lifetime", "10 days")])
        // 8,760 h / (240 h × 0.85) = 42.94 (Defaults.lifetimeUse): a chip in use all year wears out 42.9 times.
        let expected = "warning: the lifetime in use (8.5 days, 85% of lifetime 10 days) is shorter than a projection year (8,760 h, the longest "
            + "a chip runs in one), at the medians: from 2024, embodied_co2e_kg charges a chip in use all year 42.9 times its whole embodied "
            + "emissions each year"
        #expect(short.lifetimeWarning == expected && short.warnings == [expected], "\(short.warnings)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONRenderer().render(short).utf8)) as? [String: Any])
        #expect((json["warnings"] as? [String]) == [expected])
        #expect(TableRenderer().render(short).contains("\nwarning: the lifetime in use (8.5 days, 85% of lifetime 10 days) is shorter than a"))
        #expect(HTMLRenderer().render(short).contains("<li>warning: the lifetime in use (8.5 days"))
        // Below an hour in minutes, as the estimate's warning gives it (it said 0.425 h).
        let minutes = try runProjection("epoch-frontier-training.yaml", samples: 500, overrides: [("lifetime", "30 min")])
        #expect(minutes.lifetimeWarning?.hasPrefix("warning: the lifetime in use (25.5 min, 85% of lifetime 30 min) is shorter") == true,
                "\(String(describing: minutes.lifetimeWarning))")
        // 1.2 years: 8,935 h in use, more than a year: no warning; nor with the default prior (median 4.9 years).
        #expect(try runProjection("epoch-frontier-training.yaml", samples: 500, overrides: [("lifetime", "1.2 years")]).warnings.isEmpty)
        #expect(try runProjection("epoch-frontier-training.yaml", samples: 500).warnings.isEmpty)
        // Aggregate projections have no embodied emissions to charge.
        let aggregate = try loadProjection("iea-base-2024-2035.yaml")
        #expect(try aggregate.spec.resolve(catalog: Catalog.bundled(), targetYears: aggregate.targetYears).lifetimeWarning == nil)
        // compare carries it, prefixed B:.
        let a = try loadProjection("epoch-frontier-training.yaml"), b = try loadProjection("epoch-frontier-training.yaml", overrides: [("lifetime", "10 days")])
        let comparison = try Projection.compare((a.spec, "a", a.targetYears), (b.spec, "b", b.targetYears), catalog: Catalog.bundled(),
                                                settings: SimulationSettings(samples: 500, seed: 1, threads: 2))
        #expect(comparison.warnings == ["B: " + expected], "\(comparison.warnings)")
        // The share in use given: 240 h × 0.5 = 5 days.
        let half = try runProjection("epoch-frontier-training.yaml", samples: 500, overrides: [("lifetime", "10 days"), ("in_use", "0.5")])
        #expect(half.lifetimeWarning?.hasPrefix("warning: the lifetime in use (5 days, 50% of lifetime 10 days) is shorter") == true,
                "\(String(describing: half.lifetimeWarning))")
    }

    @Test("in_use in a bottom-up projection: half of 0.85 doubles every year's embodied emissions exactly; an aggregate projection refuses it")
    func inUseShare() throws {
        let base = try runProjection("epoch-frontier-training.yaml", samples: 2_000)
        let half = try runProjection("epoch-frontier-training.yaml", samples: 2_000, overrides: [("in_use", "0.425")])
        for year in [2024, 2030] {
            let a = try #require(base.summary(.embodiedCO2eKg, year: year)), b = try #require(half.summary(.embodiedCO2eKg, year: year))
            #expect(b.percentiles.map(\.value) == a.percentiles.map { 2 * $0.value }, "\(year)")
            // Energy does not depend on it.
            #expect(try #require(half.summary(.energyKWh, year: year)).mean == #require(base.summary(.energyKWh, year: year)).mean)
        }
        #expect(throws: InputError.self) { try runProjection("iea-base-2024-2035.yaml", samples: 500, overrides: [("in_use", "0.9")]) }
    }
}
