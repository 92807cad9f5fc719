import Foundation
import Testing

@Suite("aicarbon report and --plot")
struct ReportCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a report is one self-contained page: results, inline charts, inputs with sources, the reproducibility record",
          arguments: ["Scenarios/iea-base-2024-2035.yaml", "Scenarios/planned-70b-h100.yaml"])
    func selfContained(_ scenario: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html")
        let result = try runAICarbon(["report", Self.root.appendingPathComponent(scenario).path, "--output", output.path, "--samples", "4000"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"))
        for section in ["<h2>Results</h2>", "<h2>Inputs and assumptions</h2>", "<h2>Reproducibility</h2>", "GSL version", "AICarbon version",
                        "<code>aicarbon report"] {
            #expect(html.contains(section), "\(section)")
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 >= 2)
        // Nothing from the network: no external scripts, styles, images or fonts.
        for external in ["<script", "<link", "src=\"http", "url(http", "@import"] { #expect(!html.contains(external), "\(external)") }
        // No temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }

    @Test("--plot writes an SVG atomically; a missing folder or an unknown output is one located error")
    func plot() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("co2e.svg").path
        let ok = try runAICarbon(["estimate", "--chip-hours", "5000", "--power", "300 to 400", "--grid", "FRA", "--samples", "2000", "--plot", svg])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg "))
        let missing = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300", "--plot", "/nonexistent-folder/x.svg"])
        #expect(missing.status != 0 && missing.stderr.contains("--plot: expected a file in an existing folder"))
        let unknown = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300", "--plot", svg, "--plot-output", "nope"])
        #expect(unknown.status != 0 && unknown.stderr.contains("--plot-output"))
        let png = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300", "--plot", folder.appendingPathComponent("x.png").path])
        #expect(png.status != 0 && png.stderr.contains("ending in .svg"))
        let sweep = try runAICarbon(["run", Self.root.appendingPathComponent("Scenarios/planned-70b-h100.yaml").path, "--sweep", "pue=1.1,1.2",
                                     "--samples", "1000", "--plot", svg])
        #expect(sweep.status != 0 && sweep.stderr.contains("--plot"))
    }
}
