import Foundation
import Testing

/// The built `aicarbon`, found beside the test bundle (`.build/<triple>/debug`) or in `.build/debug`; `nil` if it
/// has not been built.
let builtAICarbon: URL? = {
    let here = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [here.appendingPathComponent("aicarbon"), here.deletingLastPathComponent().appendingPathComponent("aicarbon"),
                      root.appendingPathComponent(".build/debug/aicarbon")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// Runs `binary` with `arguments` in `directory` (the current one when `nil`), with `environment` added to
/// this process's environment.
func run(_ binary: URL, _ arguments: [String], in directory: URL?, environment: [String: String] = [:]) throws
    -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite("installed binary")
struct InstallTests {
    @Test("the binary alone, copied to an empty folder, runs: catalogs are compiled in", .enabled(if: builtAICarbon != nil))
    func binaryAlone() throws {
        let built = try #require(builtAICarbon)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("aicarbon")
        try FileManager.default.copyItem(at: built, to: binary)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["aicarbon"])

        let version = try run(binary, ["--version"], in: folder)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("aicarbon "))
        #expect(version.stdout.contains("catalogs: 2."))

        let grids = try run(binary, ["catalog", "grids", "--format", "json"], in: folder)
        #expect(grids.status == 0, "\(grids.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(grids.stdout.utf8)) as? [[String: Any]])
        let doha = try #require(list.first { $0["id"] as? String == "gcp:me-central1" })
        #expect(doha["basis"] is String && doha["intensity_gsd"] is Double)

        let estimate = try run(binary, ["estimate", "--hardware", "gb200", "--chip-hours", "1000", "--grid", "gcp:me-central1",
                                        "--samples", "1000", "--format", "json"], in: folder)
        #expect(estimate.status == 0, "\(estimate.stderr)")
    }

    @Test("catalog hardware and grids --format json keep their field names and add the new ones", .enabled(if: builtAICarbon != nil))
    func jsonFields() throws {
        let binary = try #require(builtAICarbon)
        let folder = FileManager.default.temporaryDirectory
        let hardware = try run(binary, ["catalog", "hardware", "--format", "json"], in: folder)
        let accelerators = try #require(try JSONSerialization.jsonObject(with: Data(hardware.stdout.utf8)) as? [[String: Any]])
        for key in ["id", "name", "aliases", "vendor", "tdp_w", "peak_flops_per_s", "memory_gb", "release_year", "measured_power_w",
                    "embodied_kg", "source", "memory_bandwidth_gb_per_s", "embodied_gsd", "embodied_source"] {
            #expect(accelerators.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        let grids = try run(binary, ["catalog", "grids", "--format", "json"], in: folder)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(grids.stdout.utf8)) as? [[String: Any]])
        for key in ["id", "name", "kind", "aliases", "intensity_kg_per_kwh", "year", "source", "basis", "intensity_gsd",
                    "water_intensity_l_per_kwh", "provider_pue", "location_grid", "stale_snapshot"] {
            #expect(list.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
    }
}
