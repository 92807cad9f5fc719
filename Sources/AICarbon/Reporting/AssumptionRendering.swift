/// How assumptions and sampled inputs appear in every report, table and JSON alike.
enum AssumptionRendering {
    /// The "assumed (not given)" block of a table; empty when nothing was assumed.
    static func table(_ assumptions: [Assumption]) -> String {
        guard !assumptions.isEmpty else { return "" }
        var text = "\nassumed (not given):\n"
        for a in assumptions {
            let unit = a.unit.isEmpty ? "" : " \(a.unit)"
            let value = a.distribution.isFixed ? ReadableQuantity.number(a.median) + unit : "\(a.distribution)\(unit)"
            text += "  \(a.input) = \(value): \(a.source)\n"
        }
        return text
    }

    /// `[{"input", "value", "unit", "distribution", "source"}]`, value the median in base units.
    static func json(_ assumptions: [Assumption]) -> JSONValue {
        .array(assumptions.map {
            .object([("input", .string($0.input)), ("value", .number($0.median)), ("unit", .string($0.unit)),
                     ("distribution", .string($0.distribution.description)), ("source", .string($0.source))])
        })
    }

    /// `[{"input", "distribution"}]` for the sampled inputs.
    static func json(inputs: [(String, Distribution)]) -> JSONValue {
        .array(inputs.map { .object([("input", .string($0.0)), ("distribution", .string($0.1.description))]) })
    }
}
