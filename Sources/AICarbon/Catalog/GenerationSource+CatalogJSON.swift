extension GenerationSource {
    /// Reads one `ipcc_ar5_lifecycle` object of the grid catalog, the same as its `Codable` decoding with
    /// `.convertFromSnakeCase`.
    /// - Parameter reader: A reader on the object's `{`; left after its `}`.
    /// - Throws: ``InputError`` naming the member that is missing or unreadable.
    init(catalogJSON reader: inout CatalogJSONReader) throws(InputError) {
        var source: String?, minimum: Double?, median: Double?, maximum: Double?
        let start = try reader.beginObject("ipcc_ar5_lifecycle")
        var first = true
        while let key = try reader.nextKey(&first) {
            if key == "source" { source = try reader.string("source") }
            else if key == "min_g_per_kwh" { minimum = try reader.double("min_g_per_kwh") }
            else if key == "median_g_per_kwh" { median = try reader.double("median_g_per_kwh") }
            else if key == "max_g_per_kwh" { maximum = try reader.double("max_g_per_kwh") }
            else { try reader.skipValue("ipcc_ar5_lifecycle") }
        }
        guard let source else { throw reader.missing("source", objectAt: start) }
        guard let minimum else { throw reader.missing("min_g_per_kwh", objectAt: start) }
        guard let median else { throw reader.missing("median_g_per_kwh", objectAt: start) }
        guard let maximum else { throw reader.missing("max_g_per_kwh", objectAt: start) }
        self.init(source: source, minGPerKwh: minimum, medianGPerKwh: median, maxGPerKwh: maximum)
    }
}
