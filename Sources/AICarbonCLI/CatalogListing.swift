import AICarbon
import Foundation

/// Renders one bundled catalog as a table, JSON or CSV.
///
/// JSON field names are stable: new fields are added, none renamed. Grids carry `basis` (one line) and
/// `basis_detail`, `intensity_gsd` and its `spread` terms, water intensity and, for cloud regions, the location grid,
/// provider PUE and any stale snapshot.
struct CatalogListing {
    var kind: CatalogCommand.Kind
    /// `--search TEXT`: keep only the rows whose id, name, aliases, kind (grids), location grid (cloud
    /// regions) or vendor (hardware) contain it, ignoring case; `nil` keeps every row.
    var search: String?

    /// Whether numeric cells are plain numbers (`1000`, `0.429`) with missing values empty, as CSV needs
    /// them to load as numbers; tables show readable numbers (`1,000`) and `-`.
    private var plain = false

    /// The rows listed (all, or those `--search` keeps).
    private var accelerators: [Accelerator], grids: [Grid], generationSources: [GenerationSource]

    init(catalog: Catalog, kind: CatalogCommand.Kind, search: String? = nil) {
        accelerators = catalog.accelerators
        grids = catalog.grids
        generationSources = catalog.generationSources
        self.kind = kind
        self.search = search
    }

    /// Characters of a source a table of several rows shows.
    static let sourceWidth = 60

    /// The listing in `format`.
    /// - Parameter format: Table, JSON or CSV.
    /// - Returns: The text to print.
    /// - Throws: ``InputError`` naming `--search` when it is empty or no row matches it.
    func rendered(_ format: OutputFormat) throws(InputError) -> String {
        var listing = self
        listing.plain = format == .csv
        try listing.filterRows()
        let (header, rows, json) = listing.content()
        switch format {
        case .json: return JSONValue.array(json).rendered() + "\n"
        case .table:
            // Sources run to 300 characters and more: in a listing of several rows they are shortened, so that a
            // row fits a wide terminal; one row (`--search`), CSV and JSON give them whole.
            let width = Self.sourceWidth
            guard rows.count > 1, let c = header.lastIndex(of: "source"), rows.contains(where: { $0[c].count > width }) else {
                return TextTable(header: header, rows: rows).rendered()
            }
            let shortened = rows.map { row in
                var row = row
                if row[c].count > width { row[c] = String(row[c].prefix(width - 1)) + "…" }
                return row
            }
            return TextTable(header: header, rows: shortened).rendered()
                + "(sources shortened to \(width) characters: --search ID shows one whole; --format csv or json gives every source whole)\n"
        case .csv:
            return ([header] + rows).map { $0.map(\.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
    }

    /// Keeps the rows `--search` matches (case-insensitive substring of the searched fields).
    private mutating func filterRows() throws(InputError) {
        guard let search else { return }
        let needle = search.trimmingCharacters(in: .whitespaces).lowercased()
        let searched: String
        switch kind {
        case .hardware: searched = "id, name, aliases or vendor"
        case .grids: searched = "id (country or region code), name, aliases, kind or location grid"
        case .sources: searched = "name"
        }
        guard !needle.isEmpty else {
            throw InputError(field: "--search", expected: "text to find in a row's \(searched)", found: "\(Self.quoted(search)) (nothing to search for)")
        }
        func matches(_ fields: [String?]) -> Bool { fields.contains { $0?.lowercased().contains(needle) == true } }
        let count: Int
        switch kind {
        case .hardware:
            accelerators = accelerators.filter { matches([$0.id, $0.name, $0.vendor] + $0.aliases) }
            count = accelerators.count
        case .grids:
            grids = grids.filter { matches([$0.id, $0.name, $0.kind, $0.locationGrid] + $0.aliases) }
            count = grids.count
        case .sources:
            generationSources = generationSources.filter { matches([$0.source]) }
            count = generationSources.count
        }
        guard count > 0 else {
            throw InputError(field: "--search", expected: "text found in some \(kind.rawValue) row's \(searched), ignoring case",
                             found: "\(Self.quoted(search)), which no row contains (aicarbon catalog \(kind.rawValue) lists them all)")
        }
    }

    /// The most characters of a `--search` value its errors quote.
    static let quotedLength = 100

    /// `text` in quotes as an error quotes it: control characters escaped, and when its escaped form is longer than
    /// ``quotedLength``, cut there with its length in characters after the quotes (`"xxx…" (300 characters)`). The
    /// message then stays within ``InputError/maximumPartLength``, whose cut counted the whole sentence quoting the text.
    static func quoted(_ text: String) -> String {
        var out = "", total = 0, cut = false
        for scalar in text.unicodeScalars {
            total += 1
            let shown = InputError.escaped(scalar)
            if cut || out.count + shown.count > quotedLength { cut = true } else { out += shown }
        }
        return cut ? "\"\(out)…\" (\(total) characters)" : "\"\(out)\""
    }

    private func content() -> ([String], [[String]], [JSONValue]) {
        switch kind {
        case .hardware: return hardwareRows()
        case .grids: return gridRows()
        case .sources: return sourceRows()
        }
    }

    private func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    private func string(_ x: String?) -> JSONValue { x.map(JSONValue.string) ?? .null }
    private func text(_ x: Double?) -> String {
        guard let x else { return plain ? "" : "-" }
        guard plain else { return ReadableQuantity.number(x) }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    private func hardwareRows() -> ([String], [[String]], [JSONValue]) {
        return (["id", "name", "TDP W", "peak TFLOP/s", "memory GB", "GB/s", "year", "measured W", "vendor mean W", "embodied kg",
                 "embodied gsd", "source"],
                accelerators.map {
                    [$0.id, $0.name, text($0.tdpW), text($0.peakFlopsPerS / 1e12), text($0.memoryGb), text($0.memoryBandwidthGbPerS),
                     String($0.releaseYear), text($0.measuredPowerW), text($0.vendorMeanPowerW), text($0.embodiedKg), text($0.embodiedGsd),
                     $0.source]
                },
                accelerators.map {
                    .object([("id", .string($0.id)), ("name", .string($0.name)), ("aliases", .array($0.aliases.map(JSONValue.string))),
                             ("vendor", .string($0.vendor)), ("tdp_w", optional($0.tdpW)), ("peak_flops_per_s", .number($0.peakFlopsPerS)),
                             ("memory_gb", optional($0.memoryGb)), ("memory_bandwidth_gb_per_s", optional($0.memoryBandwidthGbPerS)),
                             ("release_year", .number(Double($0.releaseYear))),
                             ("measured_power_w", optional($0.measuredPowerW)), ("vendor_mean_power_w", optional($0.vendorMeanPowerW)),
                             ("embodied_kg", .number($0.embodiedKg)), ("embodied_gsd", optional($0.embodiedGsd)),
                             ("embodied_source", string($0.embodiedSource)), ("source", .string($0.source))])
                })
    }

    private func gridRows() -> ([String], [[String]], [JSONValue]) {
        func spread(_ s: Grid.Spread?) -> JSONValue {
            guard let s else { return .null }
            return .object([("mix_sigma", optional(s.mixSigma)), ("year_sigma", optional(s.yearSigma)),
                            ("dataset_sigma", .number(s.datasetSigma)), ("dataset_sigma_measured", .bool(s.datasetSigmaMeasured)),
                            ("mix_of", string(s.mixOf))])
        }
        func check(_ c: Grid.CrossCheck?) -> JSONValue {
            guard let c else { return .null }
            return .object([("intensity_kg_per_kwh", .number(c.intensityKgPerKwh)), ("source", .string(c.source))])
        }
        return (["id", "name", "kind", "kg CO2e/kWh", "gsd", "year", "basis", "water L/kWh", "source"],
                grids.map {
                    [$0.id, $0.name, $0.kind, text($0.intensityKgPerKwh), text($0.intensityGsd), String($0.year),
                     $0.basis.description, text($0.waterIntensityLPerKwh), $0.source]
                },
                grids.map {
                    .object([("id", .string($0.id)), ("name", .string($0.name)), ("kind", .string($0.kind)),
                             ("aliases", .array($0.aliases.map(JSONValue.string))),
                             ("intensity_kg_per_kwh", .number($0.intensityKgPerKwh)), ("year", .number(Double($0.year))),
                             ("source", .string($0.source)), ("basis", .string($0.basis.description)),
                             ("basis_detail", .object([("emissions", .string($0.basis.emissions.rawValue)),
                                                       ("method", .string($0.basis.method.rawValue)),
                                                       ("scope", .string($0.basis.scope.rawValue))])),
                             ("intensity_gsd", optional($0.intensityGsd)), ("spread", spread($0.spread)),
                             ("generation_mix", $0.generationMix.map { mix in
                                 JSONValue.object(mix.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) }) } ?? .null),
                             ("cross_check", check($0.crossCheck)),
                             ("water_intensity_l_per_kwh", optional($0.waterIntensityLPerKwh)), ("water_source", string($0.waterSource)),
                             ("location_grid", string($0.locationGrid)), ("provider_pue", optional($0.providerPUE)),
                             ("provider_pue_source", string($0.providerPUESource)), ("stale_snapshot", check($0.staleSnapshot))])
                })
    }

    private func sourceRows() -> ([String], [[String]], [JSONValue]) {
        let source = "IPCC AR5 WGIII Annex III, Table A.III.2"
        return (["source", "min g/kWh", "median g/kWh", "max g/kWh", "reference"],
                generationSources.map { [$0.source, text($0.minGPerKwh), text($0.medianGPerKwh), text($0.maxGPerKwh), source] },
                generationSources.map {
                    .object([("source", .string($0.source)), ("min_g_per_kwh", .number($0.minGPerKwh)),
                             ("median_g_per_kwh", .number($0.medianGPerKwh)), ("max_g_per_kwh", .number($0.maxGPerKwh)),
                             ("reference", .string(source))])
                })
    }
}

extension String {
    /// The text as one CSV field: quoted, with quotes doubled, when it holds a comma or a quote (RFC 4180).
    var csvField: String {
        guard contains(",") || contains("\"") || contains("\n") else { return self }
        var out = "\""
        for c in self { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }
}
