import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AICarbon

/// The elements of an SVG document, parsed as XML: each element's name, attributes and text.
final class SVGElements: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text = "" }
    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ svg: String) throws -> SVGElements {
        let collector = SVGElements()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "\(parser.parserError.map { "\($0)" } ?? "")"]) }
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }

    func all(_ role: String) -> [Element] { elements.filter { $0.attributes["class"] == role } }
    func text(_ role: String) -> String { all(role).map(\.text).joined(separator: " ") }

    /// Every numeric attribute and point list is finite.
    var coordinatesFinite: Bool {
        for e in elements {
            for (key, value) in e.attributes where ["x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy", "r", "points"].contains(key) {
                let numbers = value.split(whereSeparator: { $0 == " " || $0 == "," }).map { Double($0) }
                if numbers.contains(where: { $0 == nil || !$0!.isFinite }) { return false }
            }
        }
        return true
    }
}

@Suite("SVG charts")
struct ChartTests {
    static func planned() throws -> EstimateReport {
        var spec = EstimateSpec()
        spec.hardware = "h100"
        spec.parameters = .fixed(70e9)
        spec[.tokens] = .fixed(2e12)
        spec[.chips] = .fixed(1024)
        return try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 4_000, seed: 1, threads: 2))
    }

    static func projection(_ file: String, samples: Int = 2_000, overrides: [(key: String, value: String)] = []) throws -> ProjectionReport {
        guard case .projection(let p) = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent(file).path, overrides: overrides) else {
            throw InputError(field: "kind", expected: "a projection", found: "an estimate")
        }
        return try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: samples, seed: 3, threads: 2))
    }

    @Test("distribution: axes with the unit, a bar per bin, median and 90% interval, finite coordinates")
    func distribution() throws {
        let report = try Self.planned()
        let svg = try SVGElements.parse(report.rendered(by: SVGRenderer(output: .co2eKg)))
        #expect(svg.all("x-axis").count == 1 && svg.all("y-axis").count == 1)
        #expect(svg.text("x-label").contains("t CO2e") && svg.text("y-label").contains("%"))
        #expect(svg.all("bar").count >= 20 && svg.all("bar").count <= 30)
        #expect(svg.all("median").count == 1 && svg.all("interval").count == 2)
        #expect(svg.all("x-tick").count >= 3)
        #expect(svg.coordinatesFinite)
        #expect(svg.elements.first?.attributes["width"] == "800")
    }

    @Test("distribution of a constant output: one bar at the value, an axis around it, no interval")
    func constantOutput() throws {
        let report = try Self.planned()
        let svg = try SVGElements.parse(report.rendered(by: SVGRenderer(output: .trainingFLOPs)))
        #expect(svg.all("median").count == 1 && svg.all("interval").isEmpty)
        #expect(svg.all("x-tick").count >= 2 && svg.text("x-label").contains("FLOP"))
        #expect(svg.coordinatesFinite)
    }

    @Test("fan chart: a 90% and a 50% band and a median per scenario, year ticks, the published points")
    func fan() throws {
        let report = try Self.projection("iea-base-2024-2035.yaml")
        let svg = try SVGElements.parse(report.rendered(by: SVGRenderer()))
        #expect(svg.all("band90").count == 1 && svg.all("band50").count == 1 && svg.all("median").count == 1)
        #expect(svg.text("y-label").contains("TWh") && svg.text("x-label") == "year")
        #expect(svg.all("x-tick").map(\.text).contains("2030"))
        #expect(svg.all("reference").count == 3)
        #expect(svg.coordinatesFinite)
        // Several scenarios overlaid: one set of bands each.
        let other = try Self.projection("iea-headwinds-2024-2035.yaml")
        let both = try SVGElements.parse(FanChart(series: [report, other].map { r in
            FanChart.Series(name: r.name, years: r.years, summaries: r.years.map { y in r.summary(.energyKWh, year: y)! })
        }, output: .energyKWh, title: "two").rendered())
        #expect(both.all("band90").count == 2 && both.all("median").count == 2)
        #expect(both.text("legend").contains("iea-headwinds"))
    }

    @Test("fan chart of a one-year projection: boxes instead of bands, finite coordinates")
    func oneYear() throws {
        let report = try Self.projection("iea-base-2024-2035.yaml", overrides: [("end_year", "2024")])
        #expect(report.years == [2024])
        let svg = try SVGElements.parse(report.rendered(by: SVGRenderer()))
        #expect(svg.all("band90").count == 1 && svg.all("band50").count == 1 && svg.all("median").count == 1)
        #expect(svg.coordinatesFinite)
    }

    @Test("tornado: a low and a high bar per input, widest swing first, the base line")
    func tornado() throws {
        let chart = TornadoChart(bars: [.init(name: "pue", low: 90, high: 130), .init(name: "grid", low: 60, high: 180),
                                        .init(name: "mfu", low: 100, high: 100)], base: 110, output: .co2eKg, title: "t")
        let svg = try SVGElements.parse(chart.rendered())
        #expect(svg.all("input").map(\.text) == ["grid", "pue", "mfu"])
        #expect(svg.all("low").count == 3 && svg.all("high").count == 3 && svg.all("base").count == 1)
        #expect(svg.text("x-label").contains("kg CO2e"))
        #expect(svg.coordinatesFinite)
    }

    @Test("comparison: per year for projections, per output for estimates, with the zero line")
    func comparison() throws {
        guard case .projection(let a) = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("iea-high-efficiency-2024-2035.yaml").path),
              case .projection(let b) = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("iea-base-2024-2035.yaml").path) else { return }
        let settings = SimulationSettings(samples: 2_000, seed: 1, threads: 2)
        let years = try Projection.compare((a.spec, a.name, a.targetYears), (b.spec, b.name, b.targetYears), catalog: Catalog.bundled(),
                                           settings: settings)
        let perYear = try SVGElements.parse(years.rendered(by: SVGRenderer()))
        #expect(perYear.all("band90").count == 1 && perYear.all("median").count == 1 && perYear.all("zero").count == 1)
        #expect(perYear.text("y-label").contains("TWh") && perYear.coordinatesFinite)

        var fra = EstimateSpec()
        fra[.chipHours] = .fixed(1e6); fra[.powerW] = .fixed(700); fra.grid = .named("FRA")
        var deu = fra
        deu.grid = .named("DEU")
        let estimates = try Comparison.run((fra.resolve(catalog: Catalog.bundled()).problem, "FRA"),
                                           (deu.resolve(catalog: Catalog.bundled()).problem, "DEU"), settings: settings)
        let perOutput = try SVGElements.parse(estimates.rendered(by: SVGRenderer()))
        #expect(perOutput.all("output").map(\.text).contains("operational CO2e"))
        #expect(perOutput.all("median").count == perOutput.all("output").count && perOutput.all("zero").count == 1)
        #expect(perOutput.coordinatesFinite)
    }

    @Test("rebound: a point per elasticity, the no-rebound and full-rebound lines")
    func rebound() throws {
        let cases = [-1.5, -1, -0.5, 0].map { Rebound(efficiencyGain: 2, elasticity: $0) }
        let svg = try SVGElements.parse(ReboundReport(cases: cases, single: false).rendered(by: SVGRenderer()))
        #expect(svg.all("case").count == 4 && svg.all("threshold").count == 2)
        #expect(svg.text("legend").contains("backfire"))
        #expect(svg.coordinatesFinite)
    }

    @Test("importance: a share bar per input for rank; S1 and ST bars with their intervals for sobol; a tornado for tornado")
    func importance() throws {
        func entry(_ name: String, _ fill: (inout SensitivityReport.Entry) -> Void) -> SensitivityReport.Entry {
            var e = SensitivityReport.Entry(name: name)
            fill(&e)
            return e
        }
        let settings = SimulationSettings(samples: 100, seed: 1)
        let rank = SensitivityReport(method: .rank, output: "co2e_kg", unit: "kg CO2e", kind: "estimate",
                                     periods: [.init(year: nil, inputs: [entry("grid") { $0.spearman = 0.8; $0.share = 0.7 },
                                                                         entry("pue") { $0.spearman = 0.5; $0.share = 0.3 }])],
                                     correlated: false, samples: 100, runs: 100, bootstrap: 0, settings: settings)
        let bars = try SVGElements.parse(ImportanceChart(rank, title: "t").rendered())
        #expect(bars.all("share").count == 2 && bars.all("input").map(\.text) == ["grid", "pue"])
        #expect(bars.text("x-label").contains("%") && bars.coordinatesFinite)
        let sobol = SensitivityReport(method: .sobol, output: "co2e_kg", unit: "kg CO2e", kind: "estimate",
                                      periods: [.init(year: nil, inputs: [entry("grid") { e in
                                          e.s1 = 0.6; e.s1Low = 0.55; e.s1High = 0.65; e.st = 0.62; e.stLow = 0.6; e.stHigh = 0.64
                                      }])], correlated: false, samples: 100, runs: 300, bootstrap: 200, settings: settings)
        let indices = try SVGElements.parse(ImportanceChart(sobol, title: "t").rendered())
        #expect(indices.all("s1").count == 1 && indices.all("st").count == 1 && indices.all("interval").count == 2)
        let tornado = SensitivityReport(method: .tornado, output: "co2e_kg", unit: "kg CO2e", kind: "estimate",
                                        periods: [.init(year: nil, inputs: [entry("grid") { $0.low = 80; $0.high = 140; $0.swing = 60 }],
                                                        baseline: 100)],
                                        correlated: false, samples: 0, runs: 3, bootstrap: 0, settings: settings)
        let swing = try SVGElements.parse(ImportanceChart(tornado, title: "t").rendered())
        #expect(swing.all("low").count == 1 && swing.all("high").count == 1 && swing.all("base").count == 1)
    }

    @Test("text is escaped and a non-finite coordinate is never written")
    func escaping() throws {
        var canvas = SVGCanvas(width: 100, height: 100)
        canvas.text("A < B & \"C\"\u{7}", x: 1, y: 2)
        canvas.line(x1: .nan, y1: 0, x2: 1, y2: 1, stroke: "#000")
        let svg = try SVGElements.parse(canvas.rendered(title: "t <1>", description: "d"))
        #expect(svg.elements.contains { $0.name == "text" && $0.text == "A < B & \"C\"" })
        #expect(!svg.elements.contains { $0.name == "line" })
    }
}
