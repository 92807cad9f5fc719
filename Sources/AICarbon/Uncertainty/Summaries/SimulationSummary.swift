/// The summaries of a simulation's outputs, from
/// ``Simulation/summarise(inputs:correlation:model:settings:designColumns:percentiles:columnPercentiles:bins:observers:progress:)``.
public struct SimulationSummary: Sendable {
    /// One summary per model output, in output order.
    public var outputs: [OutputSummary]
    /// Samples drawn.
    public var count: Int
    /// Batches run (more than one when a precision target extended the run).
    public var batches: Int
    /// Whether the run was streamed (only the pilot and the kept samples held in memory) rather than
    /// stored; the summaries are the same either way.
    public var streamed: Bool
    /// Whether the precision target (``SimulationSettings/until``) was met: false when the run stopped at
    /// ``SimulationSettings/maxSamples`` first; nil without a target.
    public var targetMet: Bool? = nil
}
