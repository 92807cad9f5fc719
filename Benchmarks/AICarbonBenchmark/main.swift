// Release-mode benchmark of the uncertainty engine on the planned-model estimate of issue 3:
// 70e9 parameters, 2e12 tokens, H100 SXM (700 W, 989 TFLOP/s), MFU 0.3 to 0.5, power utilization
// uniform(0.6, 0.9), host overhead uniform(1.1, 1.4), PUE triangular(1.1, 1.2, 1.6), grid 0.25 to 0.55
// kg/kWh; embodied, lifetime and water fixed as in Benchmarks/numpy_baseline.py.
// Usage: make benchmark (the release build with the CLI's flags), then
//        .build/release/aicarbon-benchmark [samples] [threads]
//        .build/release/aicarbon-benchmark quantiles   (kernels and quantiles only: ns a value, libm/GSL vs ours)
//        .build/release/aicarbon-benchmark floor [samples] [threads]   (the user path against its floor)
//        .build/release/aicarbon-benchmark tables   (CPU time to build a quantile table, per family)
// Times the streamed summary (the path `aicarbon estimate` takes) and the stored path, checks they agree,
// then the library calls every sample of this estimate needs (the floor of any GSL-based engine).
import AICarbon
import CGSL
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The calling thread's CPU time in nanoseconds (not wall time: on a shared machine a thread that waits
/// for a core is not charged for the wait).
func threadNanoseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
}

/// The process's CPU time (user and system, every thread) in seconds.
func processSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Nanoseconds of the thread's CPU time per call of `body` over `count` calls, the best of five passes.
func perCall(_ count: Int, _ body: () -> Double) -> (Double, Double) {
    var best = Double.infinity, sink = 0.0
    for _ in 0..<5 {
        let start = threadNanoseconds()
        sink += body()
        best = min(best, (threadNanoseconds() - start) / Double(count))
    }
    return (best, sink)
}

/// Times, on one core, the GSL and libm calls each sample of the benchmark estimate makes: a uniform
/// from GSL's taus2 (and MT19937 for comparison), GSL's inverse normal CDF at random probabilities, and
/// `exp`. Prints each and returns the floor per sample: 2 inverse CDFs, 2 exp and 5 uniforms.
func libraryFloorNanoseconds() -> Double {
    let n = 1 << 22
    let u = UnsafeMutablePointer<Double>.allocate(capacity: n)
    defer { u.deallocate() }
    var draws: [String: Double] = [:]
    for (name, type) in [("taus2", aic_rng_taus2()), ("mt19937", aic_rng_mt19937())] {
        let rng = gsl_rng_alloc(type)!
        defer { gsl_rng_free(rng) }
        draws[name] = perCall(n) { aic_rng_fill_uniform_pos(rng, u, n); return u[n - 1] }.0
    }
    let z = UnsafeMutablePointer<Double>.allocate(capacity: n)
    defer { z.deallocate() }
    let pinv = perCall(n) { for i in 0..<n { z[i] = gsl_cdf_ugaussian_Pinv(u[i]) }; return z[n - 1] }.0
    let exp = perCall(n) { var s = 0.0; for i in 0..<n { s += Foundation.exp(-0.9 + 0.15 * z[i]) }; return s }.0
    print(String(format: "uniform (GSL)      taus2 %.1f ns, mt19937 %.1f ns a draw", draws["taus2"]!, draws["mt19937"]!))
    print(String(format: "inverse normal     %.1f ns (gsl_cdf_ugaussian_Pinv at random probabilities); exp %.1f ns", pinv, exp))
    return 2 * pinv + 2 * exp + 5 * draws["taus2"]!
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

/// Nanoseconds a value, one core, of the sampling kernels (issue 13) against the libm and GSL calls they
/// replace: taus2 uniforms (``Taus2`` against GSL's generator through `aic_rng_fill_uniform_pos`), the
/// inverse normal (``NormalQuantileKernel`` against `gsl_cdf_ugaussian_Pinv`) at random probabilities,
/// `exp` (``ExpKernel``) at arguments in [−5, 5] and `log` (``LogKernel``) at random probabilities. The
/// kernels map columns of 1,024 values in place, as the engine does.
func samplingKernels() {
    let n = 1 << 22, tile = 1_024
    let u = UnsafeMutablePointer<Double>.allocate(capacity: n), out = UnsafeMutablePointer<Double>.allocate(capacity: n)
    let args = UnsafeMutablePointer<Double>.allocate(capacity: n)
    defer { u.deallocate(); out.deallocate(); args.deallocate() }
    let rng = gsl_rng_alloc(aic_rng_taus2())!
    defer { gsl_rng_free(rng) }
    let gslDraw = perCall(n) { aic_rng_fill_uniform_pos(rng, u, n); return u[n - 1] }.0
    var taus2 = Taus2(seed: 1)
    let swiftDraw = perCall(n) { taus2.fill(u, count: n); return u[n - 1] }.0
    for i in 0..<n { args[i] = -5 + 10 * u[i] }
    /// `kernel` on tiles of `tile` values copied from `source` into `out`.
    func tiled(_ source: UnsafeMutablePointer<Double>, _ kernel: (UnsafeMutablePointer<Double>, Int) -> Void) -> Double {
        perCall(n) {
            var start = 0
            while start < n {
                (out + start).update(from: source + start, count: tile)
                kernel(out + start, tile)
                start += tile
            }
            return out[n - 1]
        }.0
    }
    let rows: [(String, String, Double, Double)] = [
        ("uniform (taus2)", "GSL", gslDraw, swiftDraw),
        ("inverse normal", "gsl_cdf_ugaussian_Pinv",
         perCall(n) { for i in 0..<n { out[i] = gsl_cdf_ugaussian_Pinv(u[i]) }; return out[n - 1] }.0,
         tiled(u, NormalQuantileKernel.apply)),
        ("exp", "libm exp", perCall(n) { for i in 0..<n { out[i] = Foundation.exp(args[i]) }; return out[n - 1] }.0,
         tiled(args, ExpKernel.apply)),
        ("log", "libm log", perCall(n) { for i in 0..<n { out[i] = Foundation.log(u[i]) }; return out[n - 1] }.0,
         tiled(u, LogKernel.apply)),
    ]
    print("sampling kernels, ns of CPU a value (one core, best of 5):")
    print("kernel              before (what)                 before   kernel")
    for (name, what, before, after) in rows {
        print(name.padding(toLength: 20, withPad: " ", startingAt: 0) + what.padding(toLength: 26, withPad: " ", startingAt: 0)
              + String(format: "%11.2f %8.2f", before, after))
    }
    print()
}

/// Nanoseconds per quantile at random probabilities (taus2 uniforms), one core: GSL's inverse CDFs
/// (what the engine called before issue 13) against `PreparedDistribution.quantiles` (what it samples now,
/// tile by tile: 1,024 values copied into a tile and mapped in place, as the engine maps a column), and the
/// time to build each table.
func quantileKernels() {
    let n = 1 << 20, tile = 1_024
    let rng = gsl_rng_alloc(aic_rng_taus2())!
    defer { gsl_rng_free(rng) }
    var u = [Double](repeating: 0, count: n)
    u.withUnsafeMutableBufferPointer { aic_rng_fill_uniform_pos(rng, $0.baseAddress!, n) }
    let pert = (1 + 4 * 2.0 / 3, 1 + 4 * 1.0 / 3)
    let cases: [(String, Distribution, (Double) -> Double)] = [
        ("normal(0, 1)", .normal(0, 1), { gsl_cdf_ugaussian_Pinv($0) }),
        ("lognormal(0, 0.5)", .lognormal(mu: 0, sigma: 0.5), { Foundation.exp(0.5 * gsl_cdf_ugaussian_Pinv($0)) }),
        ("beta(2, 5)", .beta(2, 5, lower: 0, upper: 1), { gsl_cdf_beta_Pinv($0, 2, 5) }),
        ("beta(0.3, 0.3)", .beta(0.3, 0.3, lower: 0, upper: 1), { gsl_cdf_beta_Pinv($0, 0.3, 0.3) }),
        ("pert(3, 5, 6)", .pert(3, 5, 6), { 3 + 3 * gsl_cdf_beta_Pinv($0, pert.0, pert.1) }),
        ("gamma(2.5, 1)", .gamma(shape: 2.5, scale: 1), { gsl_cdf_gamma_Pinv($0, 2.5, 1) }),
        ("gamma(0.5, 1)", .gamma(shape: 0.5, scale: 1), { gsl_cdf_gamma_Pinv($0, 0.5, 1) }),
        ("gamma(300, 1)", .gamma(shape: 300, scale: 1), { gsl_cdf_gamma_Pinv($0, 300, 1) }),
        ("weibull(1.5, 2)", .weibull(shape: 1.5, scale: 2), { gsl_cdf_weibull_Pinv($0, 2, 1.5) }),
    ]
    print("quantile kernels, ns of CPU a value at random probabilities (one core, best of 5):")
    print("distribution        GSL inverse CDF   now (kernels, tables)   table build")
    for (name, distribution, gsl) in cases {
        let slow = name.hasPrefix("normal") || name.hasPrefix("lognormal") || name.hasPrefix("weibull") ? n : n / 64
        let before = perCall(slow) { var s = 0.0; for i in 0..<slow { s += gsl(u[i]) }; return s }.0
        var prepared: PreparedDistribution?
        let build = seconds { prepared = PreparedDistribution(distribution) }
        let after = withUnsafeTemporaryAllocation(of: Double.self, capacity: tile) { buffer in
            let x = buffer.baseAddress!
            return perCall(n) {
                var s = 0.0
                var start = 0
                while start < n {
                    for i in 0..<tile { x[i] = u[start + i] }
                    prepared!.quantiles(x, count: tile)
                    s += x[tile - 1]
                    start += tile
                }
                return s
            }.0
        }
        let padded = name.padding(toLength: 20, withPad: " ", startingAt: 0)
        print(padded + String(format: "%15.1f %23.1f %11.1f ms", before, after, build * 1000))
    }
}

/// CPU time (both of a table's threads) to build one quantile table, the start-up cost each sampled input
/// of these families adds to a run: 20 tables of nearby shapes per family (each new, not cached), the
/// median and the range. A lognormal table is built first, so that starting the worker threads is not
/// charged to a family.
func tableBuilds() {
    _ = PreparedDistribution(.lognormal(mu: 0, sigma: 0.111))
    let families: [(String, (Int) -> Distribution)] = [
        ("lognormal(0, 0.3…0.49)", { .lognormal(mu: 0, sigma: 0.3 + Double($0) * 0.01) }),
        ("weibull(1.5…1.69, 1)", { .weibull(shape: 1.5 + Double($0) * 0.01, scale: 1) }),
        ("beta(2…2.19, 5)", { .beta(2 + Double($0) * 0.01, 5, lower: 0, upper: 1) }),
        ("pert(1, 2…2.19, 4)", { .pert(1, 2 + Double($0) * 0.01, 4) }),
        ("gamma(2.5…2.69, 1)", { .gamma(shape: 2.5 + Double($0) * 0.01, scale: 1) }),
    ]
    print("quantile tables, ms of CPU to build one (both threads; 20 shapes a family):")
    print("family                      median      min      max")
    for (name, make) in families {
        let times = (0..<20).map { i -> Double in
            let start = processSeconds()
            _ = PreparedDistribution(make(i))
            return (processSeconds() - start) * 1000
        }.sorted()
        print(name.padding(toLength: 24, withPad: " ", startingAt: 0)
              + String(format: "%9.2f %8.2f %8.2f", (times[9] + times[10]) / 2, times[0], times[19]))
    }
}

/// The user's path against its floor (issue 13's target: the estimate within 1.5× of drawing the uniforms
/// and evaluating the quantiles alone). The README's planned estimate with its default priors, `samples`
/// samples on `threads` threads: the whole streamed estimate (`Simulation.summarise`, as `aicarbon estimate`
/// runs it, without start-up and printing), against the floor: 32 chunks of taus2 uniforms in tiles of
/// 1,024 rows mapped through each input's prepared quantiles, nothing else. Five alternating rounds
/// (estimate, floor, estimate, …), wall and process CPU time of each; medians, and the ratio of medians
/// (one round's ratio moves by ±15% on a shared VM).
func userPathFloor(samples: Int, threads: Int) throws {
    var spec = EstimateSpec()
    spec.parameters = .fixed(70e9)
    spec[.tokens] = .fixed(2e12)
    spec.hardware = "h100"
    spec[.chips] = .fixed(1024)
    spec.grid = .named("USA")
    let problem = try spec.resolve(catalog: Catalog.bundled()).problem
    let settings = SimulationSettings(samples: samples, seed: 1, method: .mc, threads: threads)
    let prepared = problem.inputs.map { PreparedDistribution($0.distribution) }
    _ = try Simulation.summarise(problem, settings: SimulationSettings(samples: 1 << 16, seed: 2, threads: threads))  // warm caches
    let chunks = 32, tile = 1_024, d = prepared.count
    func floorPass() {
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let x = UnsafeMutablePointer<Double>.allocate(capacity: d * tile)
            defer { x.deallocate() }
            var sink = 0.0
            for k in stride(from: worker, to: chunks, by: threads) {
                var rng = Taus2(seed: UInt64(k + 1))
                var row = k * samples / chunks
                let end = (k + 1) * samples / chunks
                while row < end {
                    let rows = min(tile, end - row)
                    for j in 0..<d {
                        rng.fill(x + j * rows, count: rows)
                        prepared[j].quantiles(x + j * rows, count: rows)
                    }
                    sink += x[rows - 1]
                    row += rows
                }
            }
            if sink.isNaN { print("") }
        }
    }
    /// Wall and process CPU seconds of `body`.
    func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpu = processSeconds()
        let wall = try seconds(body)
        return (wall, processSeconds() - cpu)
    }
    var whole: [(wall: Double, cpu: Double)] = [], floor: [(wall: Double, cpu: Double)] = []
    for _ in 0..<5 {
        whole.append(try timed { _ = try Simulation.summarise(problem, settings: settings) })
        floor.append(timed(floorPass))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let wallRatio = median(whole.map(\.wall)) / median(floor.map(\.wall))
    let cpuRatio = median(whole.map(\.cpu)) / median(floor.map(\.cpu))
    print("user path: \(samples) samples, \(d) sampled inputs, \(threads) threads, 5 alternating rounds (medians)")
    print(String(format: "whole estimate     %.3f s wall, %.3f s CPU", median(whole.map(\.wall)), median(whole.map(\.cpu))))
    print(String(format: "floor              %.3f s wall, %.3f s CPU (uniforms and quantiles only)", median(floor.map(\.wall)),
                 median(floor.map(\.cpu))))
    print("rounds' ratios     " + zip(whole, floor).map { String(format: "%.2f", $0.wall / $1.wall) }.joined(separator: " "))
    print(String(format: "estimate / floor   %.2f wall, %.2f CPU (issue 13 target: at most 1.5)", wallRatio, cpuRatio))
}

let arguments = CommandLine.arguments
if arguments.count > 1 && arguments[1] == "floor" {
    do {
        try userPathFloor(samples: arguments.count > 2 ? Int(arguments[2]) ?? 10_000_000 : 10_000_000,
                          threads: arguments.count > 3 ? Int(arguments[3]) ?? ProcessInfo.processInfo.activeProcessorCount
                              : ProcessInfo.processInfo.activeProcessorCount)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if arguments.count > 1 && arguments[1] == "tables" {
    tableBuilds()
    exit(0)
}
if arguments.count > 1 && arguments[1] == "quantiles" {
    samplingKernels()
    quantileKernels()
    exit(0)
}
let samples = arguments.count > 1 ? Int(arguments[1]) ?? 10_000_000 : 10_000_000
let threads = arguments.count > 2 ? Int(arguments[2]) ?? ProcessInfo.processInfo.activeProcessorCount
    : ProcessInfo.processInfo.activeProcessorCount

do {
    let catalog = try Catalog.bundled()
    var spec = EstimateSpec()
    spec.parameters = .fixed(70e9)
    spec[.tokens] = .fixed(2e12)
    spec.hardware = "H100 SXM"
    spec[.mfu] = try DistributionParser.parse("0.3 to 0.5", field: InputSlot.mfu.field())
    spec[.powerUtilization] = .uniform(0.6, 0.9)
    spec[.hostOverhead] = .uniform(1.1, 1.4)
    spec[.pue] = .triangular(1.1, 1.2, 1.6)
    spec.grid = .intensity(.lognormal(p05: 0.25, p95: 0.55))
    spec[.embodiedPerChip] = .fixed(462.5)
    spec[.lifetime] = .fixed(5 * 8760)
    spec[.wue] = .fixed(0.55)
    spec[.waterIntensity] = .fixed(3.14)
    let resolved = try spec.resolve(catalog: catalog)
    let settings = SimulationSettings(samples: samples, seed: 1, method: .mc, threads: threads)
    let problem = resolved.problem
    // The product path (streamed: counted, not stored), then the stored path for comparison.
    var summary: SimulationSummary?
    let streamed = try seconds {
        summary = try Simulation.summarise(problem, settings: settings)
    }
    let streamedPeak = peakResidentMegabytes()
    var set: SampleSet?
    let simulate = try seconds {
        set = try Simulation.run(problem, settings: settings)
    }
    var summaries: [OutputSummary] = []
    let summarise = seconds {
        summaries = OutputSummary.all(set!, percentiles: OutputSummary.standardPercentiles, bins: 30, threads: threads)
    }
    let bytes = Double(samples * resolved.sampled.count * 8) / 1_048_576
    print("samples            \(samples)")
    print("threads            \(threads)")
    print("uncertain inputs   \(resolved.uncertain.count), outputs \(resolved.outputs.count) (\(resolved.sampled.count) sampled)")
    print(String(format: "streamed summary   %.3f s (%.1f M samples/s), %@, peak RSS %.0f MiB",
                 streamed, Double(samples) / streamed / 1e6, summary!.streamed ? "streamed" : "fell back to storing", streamedPeak))
    print(String(format: "stored: simulate   %.3f s (%.1f M samples/s)", simulate, Double(samples) / simulate / 1e6))
    print(String(format: "stored: summarise  %.3f s", summarise))
    print(String(format: "stored samples     %.0f MiB", bytes))
    print(String(format: "peak RSS           %.0f MiB (%.2f x stored)", peakResidentMegabytes(), peakResidentMegabytes() / bytes))
    print("summaries equal    \(zip(summary!.outputs, summaries).allSatisfy { $0.mean == $1.mean && $0.percentiles == $1.percentiles && $0.histogramCounts == $1.histogramCounts })")
    if let co2e = resolved.sampled.firstIndex(of: .co2eKg) {
        let s = summaries[co2e]
        print("co2e_kg            " + s.percentiles.map { String(format: "p%02.0f %.0f", $0.percent, $0.value) }.joined(separator: "  "))
    }
    print(String(format: "library floor      %.1f ns a sample on one core (2 inverse normal CDFs, 2 exp, 5 uniforms)",
                 libraryFloorNanoseconds()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
