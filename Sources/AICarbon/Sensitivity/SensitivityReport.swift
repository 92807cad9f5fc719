/// Which inputs drive the spread of one output: the result of ``Sensitivity/analyse(_:method:output:year:settings:bootstrap:)``,
/// per year for a projection, each year's inputs sorted by importance.
///
/// Only the measures the method computes are set: `rank` sets ``Entry/spearman`` and ``Entry/share``;
/// `tornado` sets ``Entry/low``, ``Entry/high`` and ``Entry/swing``; `sobol` sets ``Entry/s1``,
/// ``Entry/st`` and their bootstrap 95% intervals.
public struct SensitivityReport: Sendable, Hashable {
    /// One factor's measures.
    public struct Entry: Sendable, Hashable {
        /// The factor: an input's scenario key (`pue`), or a projection path's key (`ai_growth`) for all of
        /// its year steps (see ``Sensitivity``).
        public var name: String
        /// Spearman rank correlation with the output (for a path, its multiple rank correlation, signed).
        public var spearman: Double?
        /// Share of the output's rank variance: ρ² normalised to sum to 1 over the inputs.
        public var share: Double?
        /// First-order Sobol' index and its bootstrap 95% interval.
        public var s1: Double?, s1Low: Double?, s1High: Double?
        /// Total Sobol' index and its bootstrap 95% interval.
        public var st: Double?, stLow: Double?, stHigh: Double?
        /// Tornado: the output with this input at its 5th percentile (others at their medians).
        public var low: Double?
        /// Tornado: the output with this input at its 95th percentile (others at their medians).
        public var high: Double?
        /// Tornado: |high − low|.
        public var swing: Double?

        /// An entry with no measures yet.
        public init(name: String) { self.name = name }

        /// The measure the method sorts by: |spearman|, swing or ST.
        func importance(_ method: SensitivityMethod) -> Double {
            let value: Double
            switch method {
            case .rank: value = abs(spearman ?? 0)
            case .tornado: value = swing ?? 0
            case .sobol: value = st ?? 0
            }
            return value.isNaN ? -1 : value
        }
    }

    /// One period's result.
    public struct Period: Sendable, Hashable {
        /// The year (projections), or `nil` for an estimate.
        public var year: Int?
        /// The inputs, most important first.
        public var inputs: [Entry]
        /// Tornado: the output with every input at its median.
        public var baseline: Double?

        /// A period's result.
        public init(year: Int?, inputs: [Entry], baseline: Double? = nil) {
            self.year = year
            self.inputs = inputs
            self.baseline = baseline
        }
    }

    /// The method.
    public var method: SensitivityMethod
    /// The output analysed (`co2e_kg`).
    public var output: String
    /// Its base unit.
    public var unit: String
    /// What was analysed (`estimate` or `projection`).
    public var kind: String
    /// One per year reported (every year of a projection unless one was asked for), or one for an estimate.
    public var periods: [Period]
    /// Whether the problem declares rank correlations between inputs (rank shares then overlap).
    public var correlated: Bool
    /// Samples: the simulation's for `rank`, the base sample N for `sobol`, 0 for `tornado`.
    public var samples: Int
    /// Model evaluations: n for `rank`, N (d + 2) for `sobol`, 2d + 1 for `tornado`.
    public var runs: Int
    /// Bootstrap resamples behind the Sobol' intervals (0 for the other methods).
    public var bootstrap: Int
    /// The simulation settings used.
    public var settings: SimulationSettings
    /// The one year asked for, or `nil` when every period is reported.
    public var year: Int?
    /// Why the indices may not mean what they say: Sobol' indices of an output whose variance sampling cannot
    /// estimate (``MeanDivergence``). Tables print them under their first line, JSON lists them under
    /// `warnings`.
    public var warnings: [String] = []

    /// Creates a report.
    public init(method: SensitivityMethod, output: String, unit: String, kind: String, periods: [Period], correlated: Bool,
                samples: Int, runs: Int, bootstrap: Int, settings: SimulationSettings, year: Int? = nil) {
        self.method = method
        self.output = output
        self.unit = unit
        self.kind = kind
        self.periods = periods
        self.correlated = correlated
        self.samples = samples
        self.runs = runs
        self.bootstrap = bootstrap
        self.settings = settings
        self.year = year
    }

    /// Whether this is a projection's report (periods carry years).
    public var isProjection: Bool { periods.first?.year != nil }

    /// The period of `year`, or the last period when `year` is `nil`.
    public func period(_ year: Int? = nil) -> Period? {
        guard let year else { return periods.last }
        return periods.first { $0.year == year }
    }

    /// Entries sorted by importance, most important first (ties keep input order).
    static func sorted(_ entries: [Entry], by method: SensitivityMethod) -> [Entry] {
        entries.enumerated().sorted { a, b in
            let x = a.element.importance(method), y = b.element.importance(method)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }
}
