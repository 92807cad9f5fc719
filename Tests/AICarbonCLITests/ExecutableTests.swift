import AICarbon
import Foundation
import Testing

/// Runs the built `aicarbon` executable (built by `swift build`, which `make test` runs first).
func runAICarbon(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let binary = root.appendingPathComponent(".build/debug/aicarbon")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: binary.path + " (run `swift build` first; `make test` does)"])
    }
    return try run(binary, arguments, in: nil, environment: environment)
}

@Suite("aicarbon executable")
struct ExecutableTests {
    @Test("validate passes every published case and exits 0")
    func validate() throws {
        let result = try runAICarbon(["validate"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("47 passed, 0 failed"))
    }

    @Test("estimate --format json prints the contract's keys")
    func json() throws {
        let result = try runAICarbon(["estimate", "--chips", "10000", "--days", "14.8", "--power", "330 W", "--pue", "1.10",
                                      "--grid", "0.429 kg/kWh", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let outputs = try #require(object?["outputs"] as? [String: [String: Any]])
        for name in ["energy_kwh", "training_energy_kwh", "inference_energy_kwh", "it_energy_kwh", "co2e_kg",
                     "embodied_co2e_kg", "total_co2e_kg", "water_l", "chip_hours"] {
            let stats = try #require(outputs[name], "\(name)")
            for key in ["mean", "p05", "p50", "p95"] { #expect(stats[key] is Double || stats[key] is Int, "\(name).\(key)") }
        }
        let co2e = try #require(outputs["co2e_kg"]?["p50"] as? Double)
        #expect(abs(co2e - 553_142.304) < 1e-3)
        #expect(object?["assumptions"] is [Any])
    }

    @Test("bad input: one line on stderr naming the flag, non-zero exit, no stack trace", arguments: [
        ["estimate", "--chip-hours", "10", "--power", "300 parsecs"],
        ["estimate", "--hardware", "H1000", "--chip-hours", "10"],
        ["estimate", "--chips", "2.5", "--hours", "1", "--power", "300"],
    ])
    func badInput(_ arguments: [String]) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("expected"))
    }

    @Test("output is bit-identical whichever vector kernel runs (AICARBON_VECTOR_KERNEL: each this processor has)",
          arguments: ["mc", "lhs"])
    func vectorKernels(_ method: String) throws {
        // Beta, PERT, gamma and Weibull inputs (tables), lognormal defaults, 200,000 samples: streamed, so the
        // bin cells and taus2's lanes run too.
        let arguments = ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024",
                         "--mfu", "beta(6, 10, 0.2, 0.6)", "--pue", "pert(1.08, 1.15, 1.4)", "--grid", "gamma(16, 0.025) kg/kWh",
                         "--lifetime", "weibull(3.5, 40000) h", "--samples", "200000", "--seed", "5", "--method", method, "--format", "json"]
        let outputs = try VectorKernel.available.map { kernel in
            let result = try runAICarbon(arguments, environment: [VectorKernel.environmentVariable: kernel.rawValue])
            #expect(result.status == 0, "\(kernel): \(result.stderr)")
            return (kernel, result.stdout)
        }
        #expect(outputs.count == VectorKernel.available.count && !outputs[0].1.isEmpty)
        for (kernel, output) in outputs.dropFirst() { #expect(output == outputs[0].1, "\(kernel) against \(outputs[0].0)") }
    }

    @Test("a vector kernel the processor lacks, or an unknown one, is refused with one line naming the variable",
          arguments: ["avx1024", "", "AVX2"])
    func unknownVectorKernel(_ name: String) throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 W"], environment: [VectorKernel.environmentVariable: name])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("AICARBON_VECTOR_KERNEL") && result.stderr.contains("expected one of portable"), "\(result.stderr)")
    }

    @Test("output is bit-identical with --threads 1 and --threads 2", arguments: ["mc", "lhs", "sobol"])
    func threads(_ method: String) throws {
        let base = ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "USA",
                    "--samples", "50000", "--seed", "11", "--method", method, "--format", "json"]
        let one = try runAICarbon(base + ["--threads", "1"]), two = try runAICarbon(base + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.contains("\"samples\": 50000"))
        #expect(one.stdout.contains("\"method\": \"\(method)\""))
    }

    @Test("simulation flags reject bad values with a non-zero exit", arguments: [
        ["--samples", "0"], ["--method", "foo"], ["--seed", "-1"], ["--threads", "0"], ["--until", "p95"], ["--percentiles", "101"],
        ["--samples", "1e12"], ["--samples", "1e30"], ["--threads", "1e9"],
    ])
    func badSimulationFlags(_ flags: [String]) throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 to 400 W"] + flags)
        #expect(result.status != 0)
        #expect(result.stderr.contains(flags[0]))
    }

    @Test("extreme shapes never abort: beta and gamma with tiny shapes are sampled by the exact inverses (issue 13), or refused with an error", arguments: [
        "beta(1e-9, 1e-9, 1, 2)", "gamma(1e-300, 1)",
    ])
    func gslNeverAborts(_ power: String) throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", power, "--samples", "100"])
        #expect(!result.stderr.contains("Default GSL error handler"))
        // GSL's gsl_cdf_*_Pinv failed here (an error naming GSL); the inverses solved on GSL's CDFs give
        // the quantiles: about half the samples at each end of beta(1e-9, 1e-9, 1, 2) (10 or 20 Wh), and 0
        // for gamma(1e-300, 1), whose quantiles are below the smallest double.
        #expect(result.status == 0 || (result.status == 1 && result.stderr.contains("GSL")), "\(result.stderr)")
        if result.status == 0 { #expect(!result.stdout.lowercased().contains("nan")) }
    }

    @Test("catalog hardware --format json lists the accelerators")
    func catalog() throws {
        let result = try runAICarbon(["catalog", "hardware", "--format", "json"])
        #expect(result.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect((list?.count ?? 0) >= 20)
    }
}
