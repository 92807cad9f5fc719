/// One input a person can give, as every part of AICarbon knows it: its scenario key (also its name in
/// results and sensitivity), its command-line flag, how its value is parsed (kind, domain, unit of a
/// bare number), and which kinds of scenario take it.
///
/// ``InputRegistry`` lists them all; estimates (``InputSlot/definition``), projections
/// (``ProjectionSpec/keys``), scenario files and the command line read their vocabulary from it.
public struct InputDefinition: Sendable, Hashable {
    /// Which kinds of scenario take an input.
    public struct Scopes: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        /// Creates a set of scopes.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Single-model estimates (`aicarbon estimate`, scenario files without `kind`).
        public static let estimate = Scopes(rawValue: 1)
        /// Multi-year projections (`kind: projection`).
        public static let projection = Scopes(rawValue: 2)
        /// Both kinds.
        public static let both: Scopes = [.estimate, .projection]
    }

    /// The scenario key and the input's name in results (`power_utilization`).
    public let key: String
    /// The command-line flag (`--power-utilization`).
    public let flag: String
    /// The physical kind of its values.
    public let kind: QuantityKind
    /// The values it accepts.
    public let domain: ValueDomain
    /// The unit of a bare number, when it is not the kind's base unit (`h` for hours, `W` for power).
    public let defaultUnit: String?
    /// The kinds of scenario that take it.
    public let scopes: Scopes
    /// Whether a projection takes it as a `{year: value}` path.
    public let yearPath: Bool
    /// What it means, in a few words.
    public let summary: String
    /// For a count of something with a unit symbol of its own, that symbol (`chip-h` for `chip_hours`).
    public let countUnit: String?

    /// Creates a definition; the flag defaults to the key with dashes (`--host-overhead`).
    init(_ key: String, _ kind: QuantityKind, _ domain: ValueDomain, unit defaultUnit: String? = nil, flag: String? = nil,
         scopes: Scopes = .both, yearPath: Bool = false, countUnit: String? = nil, _ summary: String) {
        self.key = key
        self.flag = flag ?? "--" + key.replacingAll("_", with: "-")
        self.kind = kind
        self.domain = domain
        self.defaultUnit = defaultUnit
        self.scopes = scopes
        self.yearPath = yearPath
        self.summary = summary
        self.countUnit = countUnit
    }

    /// The base unit its values are held in (`h`, `W`, `kg/kWh`; empty for counts and plain numbers).
    public var unit: String { kind.baseUnit }

    /// The unit a value of it is named with in messages (an overflow's causes): ``countUnit`` for a count of
    /// something with a unit of its own (`--chip-hours = 1e+300 chip-h`), else ``unit``.
    public var namedUnit: String { countUnit ?? unit }

    /// How its text is parsed, with errors naming `name` (the key by default).
    /// - Parameter name: The name errors give (a key, or a flag on the command line).
    /// - Returns: The numeric field.
    public func field(named name: String? = nil) -> NumericField {
        NumericField(name ?? key, kind, domain, defaultUnit: defaultUnit)
    }
}
