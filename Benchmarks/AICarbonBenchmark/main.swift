// Release-mode benchmark of the uncertainty engine on the planned-model estimate of issue 3:
// 70e9 parameters, 2e12 tokens, H100 SXM (700 W, 989 TFLOP/s), MFU 0.3 to 0.5, power utilization
// uniform(0.6, 0.9), host overhead uniform(1.1, 1.4), PUE triangular(1.1, 1.2, 1.6), grid 0.25 to 0.55
// kg/kWh; embodied, lifetime and water fixed as in Benchmarks/numpy_baseline.py.
// Usage: swift run -c release aicarbon-benchmark [samples] [threads]
// Times the streamed summary (the path `aicarbon estimate` takes) and the stored path, checks they agree.
import AICarbon
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

let arguments = CommandLine.arguments
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
    let inputs = resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }
    // The product path (streamed: counted, not stored), then the stored path for comparison.
    var summary: SimulationSummary?
    let streamed = try seconds {
        summary = try Simulation.summarise(inputs: inputs, model: resolved.model, settings: settings)
    }
    let streamedPeak = peakResidentMegabytes()
    var set: SampleSet?
    let simulate = try seconds {
        set = try Simulation.run(inputs: inputs, model: resolved.model, settings: settings)
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
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
