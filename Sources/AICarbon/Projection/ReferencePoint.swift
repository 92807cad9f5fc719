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
    /// Where its year was written, for the error of a year the projection does not project.
    public var location: InputLocation?

    /// Creates a reference point.
    /// - Parameters:
    ///   - year: The year the figure is for.
    ///   - output: The output it compares with.
    ///   - value: The figure, in the output's base unit.
    ///   - label: Who published it.
    ///   - location: Where its year was written, if in a file.
    public init(year: Int, output: OutputName, value: Double, label: String, location: InputLocation? = nil) {
        self.year = year
        self.output = output
        self.value = value
        self.label = label
        self.location = location
    }
}
