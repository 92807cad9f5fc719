/// A value or distribution an estimate used because the caller did not give it, with its source.
public struct Assumption: Sendable, Hashable {
    /// The input it stands for, as a scenario key (`pue`, `mfu`, `grid`).
    public var input: String
    /// The distribution used, in base units.
    public var distribution: Distribution
    /// The base unit ("" for dimensionless).
    public var unit: String
    /// Why this value: the source or convention.
    public var source: String

    /// Creates an assumption record.
    public init(input: String, distribution: Distribution, unit: String, source: String) {
        self.input = input
        self.distribution = distribution
        self.unit = unit
        self.source = source
    }

    /// The median of the distribution (the value itself when fixed).
    public var median: Double { distribution.median }
}
