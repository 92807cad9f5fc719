extension Accelerator {
    /// Reads one accelerator object of the hardware catalog (snake-case keys, as `scripts/build_catalogs.py` writes
    /// them), the same as its `Codable` decoding with `.convertFromSnakeCase`: unknown keys are skipped, a missing
    /// optional member or `null` is `nil`, a missing required member is an error.
    /// - Parameter reader: A reader on the object's `{`; left after its `}`.
    /// - Throws: ``InputError`` naming the member that is missing or unreadable.
    init(catalogJSON reader: inout CatalogJSONReader) throws(InputError) {
        var id: String?, name: String?, aliases: [String]?, vendor: String?, source: String?
        var tdpW: Double?, peakFlopsPerS: Double?, memoryGb: Double?, memoryBandwidthGbPerS: Double?
        var releaseYear: Int?, measuredPowerW: Double?, vendorMeanPowerW: Double?
        var embodiedKg: Double?, embodiedGsd: Double?, embodiedSource: String?
        let start = try reader.beginObject("hardware")
        var first = true
        while let key = try reader.nextKey(&first) {
            if key == "id" { id = try reader.string("id") }
            else if key == "name" { name = try reader.string("name") }
            else if key == "aliases" { aliases = try reader.strings("aliases") }
            else if key == "vendor" { vendor = try reader.string("vendor") }
            else if key == "tdp_w" { tdpW = try reader.optionalDouble("tdp_w") }
            else if key == "peak_flops_per_s" { peakFlopsPerS = try reader.double("peak_flops_per_s") }
            else if key == "memory_gb" { memoryGb = try reader.optionalDouble("memory_gb") }
            else if key == "memory_bandwidth_gb_per_s" { memoryBandwidthGbPerS = try reader.optionalDouble("memory_bandwidth_gb_per_s") }
            else if key == "release_year" { releaseYear = try reader.integer("release_year") }
            else if key == "measured_power_w" { measuredPowerW = try reader.optionalDouble("measured_power_w") }
            else if key == "vendor_mean_power_w" { vendorMeanPowerW = try reader.optionalDouble("vendor_mean_power_w") }
            else if key == "embodied_kg" { embodiedKg = try reader.double("embodied_kg") }
            else if key == "embodied_gsd" { embodiedGsd = try reader.optionalDouble("embodied_gsd") }
            else if key == "embodied_source" { embodiedSource = try reader.optionalString("embodied_source") }
            else if key == "source" { source = try reader.string("source") }
            else { try reader.skipValue("hardware") }
        }
        guard let id else { throw reader.missing("id", objectAt: start) }
        guard let name else { throw reader.missing("name", objectAt: start) }
        guard let aliases else { throw reader.missing("aliases", objectAt: start) }
        guard let vendor else { throw reader.missing("vendor", objectAt: start) }
        guard let peakFlopsPerS else { throw reader.missing("peak_flops_per_s", objectAt: start) }
        guard let releaseYear else { throw reader.missing("release_year", objectAt: start) }
        guard let embodiedKg else { throw reader.missing("embodied_kg", objectAt: start) }
        guard let source else { throw reader.missing("source", objectAt: start) }
        self.init(id: id, name: name, aliases: aliases, vendor: vendor, tdpW: tdpW, peakFlopsPerS: peakFlopsPerS,
                  memoryGb: memoryGb, memoryBandwidthGbPerS: memoryBandwidthGbPerS, releaseYear: releaseYear,
                  measuredPowerW: measuredPowerW, vendorMeanPowerW: vendorMeanPowerW, embodiedKg: embodiedKg,
                  embodiedGsd: embodiedGsd, embodiedSource: embodiedSource, source: source)
    }
}
