/// The accounting basis of a grid's carbon intensity: what emissions it counts, how electricity is attributed,
/// and whether it describes generation in the region or consumption there (imports included).
public struct GridBasis: Sendable, Hashable, Codable {
    /// Which emissions an intensity counts.
    public enum Emissions: String, Sendable, Hashable, Codable {
        /// Life-cycle emissions (fuel supply, construction, operation), e.g. IPCC AR5 factors, Ember.
        case lifecycle
        /// Stack emissions of burning fuel at the power plant only, e.g. EPA eGRID, China MEE.
        case directCombustion = "direct combustion"
        /// The publisher does not say.
        case notStated = "not stated"
    }

    /// How electricity is attributed to a user.
    public enum Method: String, Sendable, Hashable, Codable {
        /// The average of the grid the load sits on (GHG Protocol Scope 2 location-based method).
        case locationBased = "location-based"
        /// Contractual instruments (renewable certificates, PPAs): not used by this catalog.
        case marketBased = "market-based"
    }

    /// Whose electricity the average describes.
    public enum Scope: String, Sendable, Hashable, Codable {
        /// Generation inside the region.
        case production
        /// Consumption in the region, imports included.
        case consumption
        /// The publisher does not say.
        case notStated = "not stated"
    }

    /// Which emissions the intensity counts.
    public var emissions: Emissions
    /// Location- or market-based.
    public var method: Method
    /// Production- or consumption-based.
    public var scope: Scope

    /// Creates a basis.
    public init(emissions: Emissions, method: Method, scope: Scope) {
        self.emissions = emissions
        self.method = method
        self.scope = scope
    }

    /// One line for reports: `lifecycle, location-based, production`.
    public var description: String { "\(emissions.rawValue), \(method.rawValue), \(scope.rawValue)" }
}
