/// A value the estimate used because the caller did not give it, with its source.
public struct Assumption: Sendable, Hashable, Codable {
    /// The input it stands for, as a scenario key (`pue`, `mfu`, `grid`).
    public var input: String
    /// The value used, in `unit`.
    public var value: Double
    /// The unit of `value` ("" for dimensionless).
    public var unit: String
    /// Why this value: the source or convention.
    public var source: String

    /// Creates an assumption record.
    public init(input: String, value: Double, unit: String, source: String) {
        self.input = input
        self.value = value
        self.unit = unit
        self.source = source
    }
}
