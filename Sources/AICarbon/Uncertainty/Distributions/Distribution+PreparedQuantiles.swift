extension Distribution {
    /// The quantiles at many probabilities, computed as the simulation engine samples them.
    ///
    /// Beta, PERT, gamma, lognormal and Weibull use the distribution's quantile table (built on first use, a few
    /// milliseconds, then cached), accurate to about 10⁻¹¹ relative over probabilities from 10⁻¹² to
    /// 1 − 10⁻¹²; every other family is computed as by ``quantile(_:)``.
    /// - Parameter probabilities: Probabilities in (0, 1).
    /// - Returns: The quantiles, in base units, in the same order.
    /// - Complexity: O(n) after the table is built; a few nanoseconds a value.
    public func quantiles(at probabilities: [Double]) -> [Double] {
        var values = probabilities
        let prepared = PreparedDistribution(self)
        values.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { prepared.quantiles(base, count: buffer.count) }
        }
        return values
    }
}
