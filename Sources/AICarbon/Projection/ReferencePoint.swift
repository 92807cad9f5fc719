/// A published figure a projection scenario declares (`references:`), to be shown beside its results,
/// e.g. the IEA's 945 TWh for 2030.
public struct ReferencePoint: Sendable, Hashable {
    /// The year the figure is for.
    public var year: Int
    /// The output it compares with.
    public var output: OutputName
    /// The figure, in the output's base unit.
    public var value: Double
    /// Who published it (`IEA 2025 Base`).
    public var label: String

    /// Creates a reference point.
    public init(year: Int, output: OutputName, value: Double, label: String) {
        self.year = year
        self.output = output
        self.value = value
        self.label = label
    }
}
