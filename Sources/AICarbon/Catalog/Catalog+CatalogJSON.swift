import Foundation

extension Catalog {
    /// Decodes ``EmbeddedCatalogs`` with ``CatalogJSONReader``: the hardware document `{"hardware": [...]}` and the
    /// grid document `{"grids": [...], "ipcc_ar5_lifecycle": [...], "default_dataset_sigma": ...}`.
    /// - Returns: The bundled catalog, equal to ``decodeEmbeddedWithCodable()``'s.
    /// - Throws: ``InputError`` naming the document, line, column and key of the first defect.
    static func decodeEmbedded() throws(InputError) -> Catalog {
        let accelerators = try withBytes(of: EmbeddedCatalogs.hardware, document: "EmbeddedCatalogs.hardware") {
            (reader: inout CatalogJSONReader) throws(InputError) -> [Accelerator] in
            var accelerators: [Accelerator]?
            let start = try reader.beginObject("hardware")
            var first = true
            while let key = try reader.nextKey(&first) {
                if key == "hardware" {
                    accelerators = try entities(&reader, "hardware") { (reader: inout CatalogJSONReader) throws(InputError) in
                        try Accelerator(catalogJSON: &reader)
                    }
                } else {
                    try reader.skipValue("hardware")
                }
            }
            guard let accelerators else { throw reader.missing("hardware", objectAt: start) }
            return accelerators
        }
        let (grids, sources, sigma) = try withBytes(of: EmbeddedCatalogs.grids, document: "EmbeddedCatalogs.grids") {
            (reader: inout CatalogJSONReader) throws(InputError) -> ([Grid], [GenerationSource], Double?) in
            var grids: [Grid]?, sources: [GenerationSource]?, sigma: Double?
            let start = try reader.beginObject("grids")
            var first = true
            while let key = try reader.nextKey(&first) {
                if key == "grids" {
                    grids = try entities(&reader, "grids") { (reader: inout CatalogJSONReader) throws(InputError) in
                        try Grid(catalogJSON: &reader)
                    }
                } else if key == "ipcc_ar5_lifecycle" {
                    sources = try entities(&reader, "ipcc_ar5_lifecycle") { (reader: inout CatalogJSONReader) throws(InputError) in
                        try GenerationSource(catalogJSON: &reader)
                    }
                } else if key == "default_dataset_sigma" {
                    sigma = try reader.optionalDouble("default_dataset_sigma")
                } else {
                    try reader.skipValue("grids")
                }
            }
            guard let grids else { throw reader.missing("grids", objectAt: start) }
            guard let sources else { throw reader.missing("ipcc_ar5_lifecycle", objectAt: start) }
            return (grids, sources, sigma)
        }
        return Catalog(accelerators: accelerators, grids: grids, generationSources: sources, defaultDatasetSigma: sigma)
    }

    /// Decodes ``EmbeddedCatalogs`` with `JSONDecoder` and the types' `Codable` conformances (`.convertFromSnakeCase`),
    /// as ``bundled()`` did before ``decodeEmbedded()``: the reference `CatalogDecodingTests` compares it with.
    static func decodeEmbeddedWithCodable() throws -> Catalog {
        struct HardwareFile: Decodable { var hardware: [Accelerator] }
        struct GridFile: Decodable {
            var grids: [Grid]
            var ipccAr5Lifecycle: [GenerationSource]
            var defaultDatasetSigma: Double?
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let hardware = try decoder.decode(HardwareFile.self, from: Data(EmbeddedCatalogs.hardware.utf8))
        let grids = try decoder.decode(GridFile.self, from: Data(EmbeddedCatalogs.grids.utf8))
        return Catalog(accelerators: hardware.hardware, grids: grids.grids, generationSources: grids.ipccAr5Lifecycle,
                       defaultDatasetSigma: grids.defaultDatasetSigma)
    }

    /// Runs `body` on a reader of `text`'s UTF-8 bytes (in place for a native string such as a literal), then checks
    /// that nothing follows the top-level value.
    static func withBytes<Value>(of text: String, document: String,
                                 _ body: (inout CatalogJSONReader) throws(InputError) -> Value) throws(InputError) -> Value {
        var text = text
        let outcome = text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Result<Value, InputError> in
            Result { () throws(InputError) -> Value in
                var reader = CatalogJSONReader(bytes: bytes, document: document)
                let value = try body(&reader)
                try reader.end()
                return value
            }
        }
        return try outcome.get()
    }

    /// Reads an array of catalog entities, naming each one's position in error messages (`grids[12]`).
    private static func entities<Entity>(_ reader: inout CatalogJSONReader, _ key: StaticString,
                                         _ entity: (inout CatalogJSONReader) throws(InputError) -> Entity) throws(InputError) -> [Entity] {
        try reader.beginArray(key)
        var result: [Entity] = []
        var first = true
        while try reader.nextElement(&first) {
            reader.entity = (key, result.count)
            result.append(try entity(&reader))
        }
        reader.entity = nil
        return result
    }
}
