/// Annual growth factors for the steps between consecutive years, each optionally with year-to-year
/// log-normal noise `exp(σ z)` (z a standard normal column).
struct GrowthPath: Sendable, Hashable {
    /// Factor for the step into year `start + s + 1`, for s = 0 … years − 2.
    var steps: [ProjectionParameter]
    /// Noise column per step, if any.
    var noise: [ProjectionParameter?]

}
