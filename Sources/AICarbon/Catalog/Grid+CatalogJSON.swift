extension Grid {
    /// Reads one grid object of the grid catalog (snake-case keys, as `scripts/build_catalogs.py` writes them), the
    /// same as its `Codable` decoding with `.convertFromSnakeCase`: unknown keys are skipped, a missing optional
    /// member or `null` is `nil`, a missing required member is an error.
    /// - Parameter reader: A reader on the object's `{`; left after its `}`.
    /// - Throws: ``InputError`` naming the member that is missing or unreadable.
    init(catalogJSON reader: inout CatalogJSONReader) throws(InputError) {
        var id: String?, name: String?, kind: String?, aliases: [String]?, source: String?
        var intensity: Double?, intensityGsd: Double?, spread: Spread?, year: Int?, basis: GridBasis?
        var generationMix: [String: Double]?, crossCheck: CrossCheck?, staleSnapshot: CrossCheck?
        var waterIntensity: Double?, waterSource: String?, locationGrid: String?
        var providerPUE: Double?, providerPUESource: String?
        let start = try reader.beginObject("grids")
        var first = true
        while let key = try reader.nextKey(&first) {
            if key == "id" { id = try reader.string("id") }
            else if key == "name" { name = try reader.string("name") }
            else if key == "kind" { kind = try reader.string("kind") }
            else if key == "aliases" { aliases = try reader.strings("aliases") }
            else if key == "intensity_kg_per_kwh" { intensity = try reader.double("intensity_kg_per_kwh") }
            else if key == "intensity_gsd" { intensityGsd = try reader.optionalDouble("intensity_gsd") }
            else if key == "spread" { spread = try reader.null() ? nil : Spread(catalogJSON: &reader) }
            else if key == "year" { year = try reader.integer("year") }
            else if key == "source" { source = try reader.string("source") }
            else if key == "basis" { basis = try GridBasis(catalogJSON: &reader) }
            else if key == "generation_mix" { generationMix = try reader.null() ? nil : Self.mix(&reader) }
            else if key == "cross_check" { crossCheck = try reader.null() ? nil : CrossCheck(catalogJSON: &reader, "cross_check") }
            else if key == "water_intensity_l_per_kwh" { waterIntensity = try reader.optionalDouble("water_intensity_l_per_kwh") }
            else if key == "water_source" { waterSource = try reader.optionalString("water_source") }
            else if key == "location_grid" { locationGrid = try reader.optionalString("location_grid") }
            else if key == "provider_pue" { providerPUE = try reader.optionalDouble("provider_pue") }
            else if key == "provider_pue_source" { providerPUESource = try reader.optionalString("provider_pue_source") }
            else if key == "stale_snapshot" {
                staleSnapshot = try reader.null() ? nil : CrossCheck(catalogJSON: &reader, "stale_snapshot")
            }
            else { try reader.skipValue("grids") }
        }
        guard let id else { throw reader.missing("id", objectAt: start) }
        guard let name else { throw reader.missing("name", objectAt: start) }
        guard let kind else { throw reader.missing("kind", objectAt: start) }
        guard let aliases else { throw reader.missing("aliases", objectAt: start) }
        guard let intensity else { throw reader.missing("intensity_kg_per_kwh", objectAt: start) }
        guard let year else { throw reader.missing("year", objectAt: start) }
        guard let source else { throw reader.missing("source", objectAt: start) }
        guard let basis else { throw reader.missing("basis", objectAt: start) }
        self.init(id: id, name: name, kind: kind, aliases: aliases, intensityKgPerKwh: intensity, intensityGsd: intensityGsd,
                  spread: spread, year: year, source: source, basis: basis, generationMix: generationMix,
                  crossCheck: crossCheck, waterIntensityLPerKwh: waterIntensity, waterSource: waterSource,
                  locationGrid: locationGrid, providerPUE: providerPUE, providerPUESource: providerPUESource,
                  staleSnapshot: staleSnapshot)
    }

    /// Reads a `generation_mix` object: shares by source.
    private static func mix(_ reader: inout CatalogJSONReader) throws(InputError) -> [String: Double] {
        reader.nested = "generation_mix"
        defer { reader.nested = nil }
        try reader.beginObject("generation_mix")
        var mix = [String: Double](minimumCapacity: 12)
        var first = true
        while let source = try reader.nextKeyString(&first, "generation_mix") {
            mix[source] = try reader.double("generation_mix")
        }
        return mix
    }
}

extension Grid.Spread {
    /// Reads a grid's `spread` object, the same as its `Codable` decoding with `.convertFromSnakeCase`.
    /// - Parameter reader: A reader on the object's `{`; left after its `}`.
    /// - Throws: ``InputError`` naming the member that is missing or unreadable.
    init(catalogJSON reader: inout CatalogJSONReader) throws(InputError) {
        reader.nested = "spread"
        defer { reader.nested = nil }
        var mixSigma: Double?, yearSigma: Double?, datasetSigma: Double?, measured: Bool?, mixOf: String?
        let start = try reader.beginObject("spread")
        var first = true
        while let key = try reader.nextKey(&first) {
            if key == "mix_sigma" { mixSigma = try reader.optionalDouble("mix_sigma") }
            else if key == "year_sigma" { yearSigma = try reader.optionalDouble("year_sigma") }
            else if key == "dataset_sigma" { datasetSigma = try reader.double("dataset_sigma") }
            else if key == "dataset_sigma_measured" { measured = try reader.bool("dataset_sigma_measured") }
            else if key == "mix_of" { mixOf = try reader.optionalString("mix_of") }
            else { try reader.skipValue("spread") }
        }
        guard let datasetSigma else { throw reader.missing("dataset_sigma", objectAt: start) }
        guard let measured else { throw reader.missing("dataset_sigma_measured", objectAt: start) }
        self.init(mixSigma: mixSigma, yearSigma: yearSigma, datasetSigma: datasetSigma, datasetSigmaMeasured: measured,
                  mixOf: mixOf)
    }
}

extension Grid.CrossCheck {
    /// Reads a grid's `cross_check` or `stale_snapshot` object, the same as its `Codable` decoding with
    /// `.convertFromSnakeCase`.
    /// - Parameters:
    ///   - reader: A reader on the object's `{`; left after its `}`.
    ///   - member: The grid's key for it, for error messages.
    /// - Throws: ``InputError`` naming the member that is missing or unreadable.
    init(catalogJSON reader: inout CatalogJSONReader, _ member: StaticString) throws(InputError) {
        reader.nested = member
        defer { reader.nested = nil }
        var intensity: Double?, source: String?
        let start = try reader.beginObject(member)
        var first = true
        while let key = try reader.nextKey(&first) {
            if key == "intensity_kg_per_kwh" { intensity = try reader.double("intensity_kg_per_kwh") }
            else if key == "source" { source = try reader.string("source") }
            else { try reader.skipValue(member) }
        }
        guard let intensity else { throw reader.missing("intensity_kg_per_kwh", objectAt: start) }
        guard let source else { throw reader.missing("source", objectAt: start) }
        self.init(intensityKgPerKwh: intensity, source: source)
    }
}

extension GridBasis {
    /// Reads a grid's `basis` object, the same as its `Codable` decoding: each member one of its enumeration's raw
    /// values.
    /// - Parameter reader: A reader on the object's `{`; left after its `}`.
    /// - Throws: ``InputError`` naming the member that is missing or not one of the raw values.
    init(catalogJSON reader: inout CatalogJSONReader) throws(InputError) {
        reader.nested = "basis"
        defer { reader.nested = nil }
        var emissions: Emissions?, method: Method?, scope: Scope?
        let start = try reader.beginObject("basis")
        var first = true
        while let key = try reader.nextKey(&first) {
            if key == "emissions" {
                emissions = try Self.value(&reader, "emissions", [Emissions.lifecycle, .directCombustion, .notStated])
            }
            else if key == "method" { method = try Self.value(&reader, "method", [Method.locationBased, .marketBased]) }
            else if key == "scope" { scope = try Self.value(&reader, "scope", [Scope.production, .consumption, .notStated]) }
            else { try reader.skipValue("basis") }
        }
        guard let emissions else { throw reader.missing("emissions", objectAt: start) }
        guard let method else { throw reader.missing("method", objectAt: start) }
        guard let scope else { throw reader.missing("scope", objectAt: start) }
        self.init(emissions: emissions, method: method, scope: scope)
    }

    private static func value<Value: RawRepresentable>(_ reader: inout CatalogJSONReader, _ key: StaticString,
                                                        _ cases: [Value]) throws(InputError) -> Value
    where Value.RawValue == String {
        let text = try reader.string(key)
        guard let value = Value(rawValue: text) else {
            throw reader.invalid(key, expected: "one of " + cases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "),
                                 found: "\"\(text)\"")
        }
        return value
    }
}
