import Foundation

/// Results as one self-contained HTML page: the results table, the charts (inline SVG), the inputs and
/// assumptions with their sources, and the reproducibility record. Nothing is loaded from the network;
/// the page prints on A4 or Letter.
public struct HTMLRenderer: ReportRenderer {
    /// The scenario's description, shown under its name.
    public var description: String?
    /// The command that produced the result, for the reproducibility record.
    public var command: String?
    /// Extra sections (title, HTML body), placed after the charts (e.g. the sensitivity ranking).
    public var sections: [(title: String, html: String)]

    /// Creates the renderer.
    /// - Parameters:
    ///   - description: The scenario's description.
    ///   - command: The command line that produced the result.
    ///   - sections: Extra sections (title, HTML body) after the charts.
    public init(description: String? = nil, command: String? = nil, sections: [(title: String, html: String)] = []) {
        self.description = description
        self.command = command
        self.sections = sections
    }

    public func render(_ report: EstimateReport) -> String {
        let title = report.name ?? "aicarbon estimate"
        var body = "<h2>Results</h2>\n" + Self.table(header: ["output", "median", "90% interval", "mean ± MCSE", "unit", "key"],
                                                      rows: report.outputs.map { name, s in
            let unit = ReadableQuantity.unit(for: s.percentile(50) ?? s.mean, name)
            func f(_ x: Double?) -> String { x.map { ReadableQuantity.number(ReadableQuantity.scale($0, name, unit: unit)) } ?? "–" }
            return [name.label, f(s.percentile(50)), "\(f(s.percentile(5))) – \(f(s.percentile(95)))", "\(f(s.mean)) ± \(f(s.mcse))", TableRenderer.unitLabel(unit, name)]
                .map(Self.escaped) + ["<code>\(Self.escaped(name.rawValue))</code>"]
        }, numeric: [false, true, true, true, false, false])
        body += Self.warnings(report.warnings)
        if !report.context.isEmpty {
            body += "<p class=\"context\">" + report.context.map { "\(Self.escaped($0.0)): \(Self.escaped($0.1))" }.joined(separator: "<br>") + "</p>\n"
        }
        body += "<h2>Distributions</h2>\n"
        for name in [OutputName.co2eKg, .energyKWh, .totalCO2eKg, .waterL] {
            guard let s = report.summary(name) else { continue }
            body += Self.figure(DistributionChart(summary: s, output: name, title: title).rendered(), caption: "Distribution of \(name.label).")
        }
        body += sectionsHTML
        body += Self.inputs(report.inputs, report.assumptions)
        body += record(samples: report.sampleCount, settings: report.settings, targetMet: report.targetMet)
        return page(title: title, body: body)
    }

    public func render(_ report: ProjectionReport) -> String {
        var body = "<h2>Results</h2>\n<p>Each cell: median [5th–95th percentile].</p>\n"
        let main = report.outputs.filter { [.energyKWh, .aiEnergyKWh, .inferenceEnergyKWh, .co2eKg, .queries].contains($0) }
        let units = main.map { name in
            ReadableQuantity.unit(for: report.years.compactMap { report.summary(name, year: $0)?.percentile(50) }.max() ?? 0, name)
        }
        body += Self.table(header: ["year"] + zip(main, units).map { "\($0.0.label)\($0.1.isEmpty ? "" : " (\($0.1))")" },
                           rows: report.years.map { year in
            ([String(year)] + zip(main, units).map { TableRenderer.interval(report.summary($0.0, year: year), $0.0, unit: $0.1) })
                .map(Self.escaped)
        }, numeric: [true] + main.map { _ in true })
        body += Self.warnings(report.warnings)
        body += "<h2>Charts</h2>\n"
        for name in [OutputName.energyKWh, .co2eKg, .aiEnergyKWh] where report.outputs.contains(name) {
            body += Self.figure(FanChart(report, output: name).rendered(),
                                caption: "\(name.label.capitalizedFirst) per year: median, 50% and 90% bands"
                                    + (report.references.contains { $0.output == name } ? "; circles mark published figures." : "."))
        }
        body += sectionsHTML
        body += Self.inputs(report.inputs, report.assumptions)
        body += record(samples: report.sampleCount, settings: report.settings, targetMet: report.targetMet)
        return page(title: report.name, body: body)
    }

    public func render(_ report: ComparisonReport) -> String {
        let title = "A = \(report.a), B = \(report.b)"
        let text = TableRenderer().render(report)
        let body = "<h2>Paired difference</h2>\n<pre>\(Self.escaped(text))</pre>\n" + Self.warnings(report.warnings)
            + Self.figure(ComparisonChart(report).rendered(), caption: "Paired difference A − B.")
            + sectionsHTML + record(samples: report.sampleCount, settings: report.settings)
        return page(title: title, body: body)
    }

    public func render(_ report: ReboundReport) -> String {
        let body = "<pre>\(Self.escaped(TableRenderer().render(report)))</pre>\n"
            + Self.figure(ReboundChart(cases: report.cases).rendered(), caption: "Rebound effect by elasticity.") + sectionsHTML
        return page(title: "Rebound effect", body: body)
    }

    /// A run's warnings (``EstimateReport/warnings``) as a list under the results, or nothing.
    private static func warnings(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "<ul class=\"warnings\">\n" + lines.map { "<li>\(escaped($0))</li>\n" }.joined() + "</ul>\n"
    }

    private var sectionsHTML: String {
        sections.map { "<h2>\(Self.escaped($0.title))</h2>\n\($0.html)\n" }.joined()
    }

    private func record(samples: Int, settings: SimulationSettings, targetMet: Bool? = nil) -> String {
        var rows = [["samples", ReadableQuantity.number(Double(samples), significant: 12)], ["seed", String(settings.seed)],
                    ["method", settings.method.rawValue], ["generator", settings.generator.rawValue],
                    ["GSL version", GSLRuntime.version], ["AICarbon version", PackageInfo.version]]
        if let until = settings.until {
            rows.append(["until", until.description])
            if let targetMet { rows.append(["until met", targetMet ? "yes" : "no: the run stopped at max_samples first"]) }
        }
        if let command { rows.append(["command", "<code>\(Self.escaped(command))</code>"]) }
        return "<h2>Reproducibility</h2>\n<p>The same command, seed and sample count give bit-identical results on any number of threads.</p>\n"
            + Self.table(header: ["", ""], rows: rows.map { [Self.escaped($0[0]), $0[0] == "command" ? $0[1] : Self.escaped($0[1])] },
                         numeric: [false, false], headless: true)
    }

    private func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escaped(title)) — AICarbon report</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        <header><h1>\(Self.escaped(title))</h1>
        \(description.map { "<p class=\"description\">\(Self.escaped($0))</p>" } ?? "")
        <p class="generator">AICarbon \(PackageInfo.version): energy, carbon emissions and water of AI training and inference, with Monte Carlo uncertainty (GSL \(GSLRuntime.version)).</p></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 860px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        .description { font-size: 1.05em; margin: 0.2em 0; } .generator, .context, figcaption { color: #555; font-size: 0.9em; }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; } th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; } code, pre { font-family: Menlo, Consolas, monospace; font-size: 0.88em; }
        pre { background: #f7f7f7; padding: 0.6em; overflow-x: auto; white-space: pre-wrap; }
        .warnings { color: #8a4b00; background: #fff6e5; padding: 0.5em 0.5em 0.5em 2em; font-size: 0.92em; }
        @media print { body { margin: 0; max-width: none; } figure, table { break-inside: avoid; } h2 { break-after: avoid; } }
        """

    /// Text escaped for HTML.
    public static func escaped(_ text: String) -> String { SVGCanvas.escaped(text) }

    /// A table; `header` is plain text, every cell of `rows` is HTML (escaped by the caller).
    static func table(header: [String], rows: [[String]], numeric: [Bool], headless: Bool = false) -> String {
        var html = "<table>\n"
        if !headless { html += "<tr>" + header.map { "<th>\(escaped($0))</th>" }.joined() + "</tr>\n" }
        for row in rows {
            html += "<tr>" + row.enumerated().map { i, cell in
                "<td\(numeric.indices.contains(i) && numeric[i] ? " class=\"num\"" : "")>\(cell)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    static func figure(_ svg: String, caption: String) -> String {
        // The SVG inline, without its own XML prologue (there is none) and with its size set by CSS.
        "<figure>\n\(svg)<figcaption>\(escaped(caption))</figcaption>\n</figure>\n"
    }

    static func inputs(_ inputs: [(String, Distribution)], _ assumptions: [Assumption]) -> String {
        var rows: [[String]] = []
        for (name, d) in inputs where !assumptions.contains(where: { $0.input == name }) {
            rows.append(["<code>\(escaped(name))</code>", escaped(d.description), "", "given"])
        }
        for a in assumptions {
            rows.append(["<code>\(escaped(a.input))</code>",
                         escaped(a.distribution.isFixed ? ReadableQuantity.number(a.median) : a.distribution.description),
                         escaped(a.unit), escaped(a.source)])
        }
        guard !rows.isEmpty else { return "" }
        return "<h2>Inputs and assumptions</h2>\n<p>Uncertain inputs that were given, then every value assumed from a documented prior, with its source.</p>\n"
            + table(header: ["input", "value or distribution", "unit", "source"], rows: rows, numeric: [false, false, false, false])
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
