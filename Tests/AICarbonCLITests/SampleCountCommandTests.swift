import Foundation
import Testing

/// `--samples 1` with uncertain inputs is refused (one sample would report sd 0 and mcse 0, as if the result
/// were known); with every input fixed, one evaluation is what runs anyway.
@Suite("--samples 1")
struct SampleCountCommandTests {
    @Test("refused with the default priors, naming --samples, non-zero exit", arguments: [
        ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--samples", "1"],
        ["estimate", "--chip-hours", "1000", "--power", "400 W", "--samples", "1"],
    ])
    func refused(_ arguments: [String]) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr == "Error: --samples: expected at least 2 with uncertain inputs (one sample has no sd or mcse), found 1\n",
                "\(result.stderr)")
    }

    @Test("every input fixed: one sample is the answer, printed as values")
    func fixed() throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "1000", "--power", "400 W", "--pue", "1.1", "--grid", "0.4 kg/kWh",
                                      "--embodied-per-chip", "0", "--lifetime", "5y", "--wue", "0", "--water-intensity", "0", "--samples", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("energy (facility, PUE incl.)      440 kWh"), "\(result.stdout)")
    }

    @Test("a file's samples: 1 is refused at its line by run, sensitivity and compare alike", arguments: [["run"], ["sensitivity"], ["compare", "SELF"]])
    func placedInFile(_ command: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-one-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("one.yaml").path
        try "kind: estimate\nname: one\nchip_hours: 1000\npower: 300 to 400 W\nsimulation: {samples: 1}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runAICarbon([command[0], file] + command.dropFirst().map { $0 == "SELF" ? file : $0 })
        #expect(result.status == 1)
        // sensitivity needs 100 (a rank correlation from fewer is noise); run and compare need 2.
        #expect(result.stderr.hasPrefix("Error: \(file):5:23: simulation.samples: expected at least \(command[0] == "sensitivity" ? "100" : "2")"),
                "\(result.stderr)")
    }

    @Test("every input fixed with samples: 1: run, sensitivity and report all answer (report's rank sensitivity refused it)")
    func fixedFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-fixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fixed.yaml").path
        try ("kind: estimate\nname: fixed\nchip_hours: 1000\npower: 300 W\npue: 1.1\ngrid: 0.4 kg/kWh\nembodied_per_chip: 0\n"
             + "lifetime: 5 years\nwue: 0\nwater_intensity: 0\nsimulation: {samples: 1}\n").write(toFile: file, atomically: true, encoding: .utf8)
        for command in [["run", file], ["sensitivity", file], ["report", file, "-o", folder.appendingPathComponent("r.html").path]] {
            let result = try runAICarbon(command)
            #expect(result.status == 0, "\(command[0]): \(result.stderr)")
        }
    }
}
