import AICarbon

/// Renders one bundled catalog as a table, JSON or CSV.
struct CatalogListing {
    var catalog: Catalog
    var kind: CatalogCommand.Kind

    func rendered(_ format: OutputFormat) -> String {
        let (header, rows, json) = content()
        switch format {
        case .json: return JSONValue.array(json).rendered() + "\n"
        case .table: return TextTable(header: header, rows: rows).rendered()
        case .csv:
            return ([header] + rows).map { $0.map(\.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
    }

    private func content() -> ([String], [[String]], [JSONValue]) {
        func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
        func text(_ x: Double?) -> String { x.map { ReadableQuantity.number($0) } ?? "-" }
        switch kind {
        case .hardware:
            return (["id", "name", "TDP W", "peak TFLOP/s", "memory GB", "year", "measured W", "embodied kg", "source"],
                    catalog.accelerators.map {
                        [$0.id, $0.name, text($0.tdpW), text($0.peakFlopsPerS / 1e12), text($0.memoryGb), String($0.releaseYear),
                         text($0.measuredPowerW), text($0.embodiedKg), $0.source]
                    },
                    catalog.accelerators.map {
                        .object([("id", .string($0.id)), ("name", .string($0.name)), ("aliases", .array($0.aliases.map(JSONValue.string))),
                                 ("vendor", .string($0.vendor)), ("tdp_w", optional($0.tdpW)), ("peak_flops_per_s", .number($0.peakFlopsPerS)),
                                 ("memory_gb", optional($0.memoryGb)), ("release_year", .number(Double($0.releaseYear))),
                                 ("measured_power_w", optional($0.measuredPowerW)), ("embodied_kg", .number($0.embodiedKg)),
                                 ("source", .string($0.source))])
                    })
        case .grids:
            return (["id", "name", "kind", "kg CO2e/kWh", "year", "source"],
                    catalog.grids.map { [$0.id, $0.name, $0.kind, ReadableQuantity.number($0.intensityKgPerKwh), String($0.year), $0.source] },
                    catalog.grids.map {
                        .object([("id", .string($0.id)), ("name", .string($0.name)), ("kind", .string($0.kind)),
                                 ("aliases", .array($0.aliases.map(JSONValue.string))),
                                 ("intensity_kg_per_kwh", .number($0.intensityKgPerKwh)), ("year", .number(Double($0.year))),
                                 ("source", .string($0.source))])
                    })
        case .sources:
            let source = "IPCC AR5 WGIII Annex III, Table A.III.2"
            return (["source", "min g/kWh", "median g/kWh", "max g/kWh", "reference"],
                    catalog.generationSources.map { [$0.source, text($0.minGPerKwh), text($0.medianGPerKwh), text($0.maxGPerKwh), source] },
                    catalog.generationSources.map {
                        .object([("source", .string($0.source)), ("min_g_per_kwh", .number($0.minGPerKwh)),
                                 ("median_g_per_kwh", .number($0.medianGPerKwh)), ("max_g_per_kwh", .number($0.maxGPerKwh)),
                                 ("reference", .string(source))])
                    })
        }
    }
}

extension String {
    /// The text as one CSV field: quoted, with quotes doubled, when it holds a comma or a quote (RFC 4180).
    var csvField: String {
        guard contains(",") || contains("\"") else { return self }
        var out = "\""
        for c in self { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }
}
