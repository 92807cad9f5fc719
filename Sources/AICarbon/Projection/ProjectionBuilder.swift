/// Collects sampled columns, fixed values and assumptions while a ``ProjectionSpec`` is resolved.
struct ProjectionBuilder {
    let spec: ProjectionSpec
    var columns: [(name: String, distribution: Distribution)] = []
    var assumptions: [Assumption] = []
    var used: Set<String> = []

    init(spec: ProjectionSpec) { self.spec = spec }

    /// A parameter from a distribution: fixed, or a new sampled column named `name`.
    mutating func parameter(_ name: String, _ d: Distribution) -> ProjectionParameter {
        used.insert(name.split(separator: "@").first.map(String.init) ?? name)
        if case .fixed(let v) = d { return .fixed(v) }
        if let existing = columns.firstIndex(where: { $0.name == name }) { return .column(existing) }
        columns.append((name, d))
        return .column(columns.count - 1)
    }

    /// The given scalar, or the fallback recorded as an assumption.
    mutating func take(_ key: String, _ fallback: Assumption) -> ProjectionParameter {
        if let d = spec.scalars[key] { return parameter(key, d) }
        assumptions.append(fallback)
        return parameter(key, fallback.distribution)
    }

    /// Growth factors for each step; a scalar applies to every year, a `{year: factor}` path from its
    /// year on (the first entry also before it). Missing: 1 (no growth), or `fallback`.
    mutating func growth(_ key: String, years: [Int], noisy: Bool, required: Bool,
                         fallback: Assumption? = nil) throws(InputError) -> GrowthPath {
        // Used even when a one-year projection has no step to apply it to.
        if spec.paths[key] != nil || spec.scalars[key] != nil { used.insert(key) }
        let steps = years.count - 1
        var factors: [ProjectionParameter]
        if let path = spec.paths[key] {
            let sorted = path.sorted { $0.year < $1.year }
            // A path whose first year is after end_year never starts, yet its first entry covers the years before
            // it: `{2040: 2.0}` on 2024-2035 read as 2.0 throughout, so it is refused. Later entries beyond the
            // end apply to no year and are harmless (`--set end_year=2030` on a path with a 2031 entry).
            if steps > 0, let last = years.last, let first = sorted.first, first.year > last {
                throw spec.error(key, "a first year up to end_year (\(last)): each {year: factor} entry applies from its year on, "
                                     + "the first also to the years before it", "\(sorted.map { String($0.year) }.joined(separator: ", "))")
            }
            factors = []
            for s in 0..<steps {
                let year = years[s + 1]
                let entry = sorted.last { $0.year <= year } ?? sorted[0]
                factors.append(parameter("\(key)@\(entry.year)", entry.value))
            }
        } else if let d = spec.scalars[key] {
            let p = parameter(key, d)
            factors = Array(repeating: p, count: steps)
        } else if required {
            throw spec.error(key, "an annual growth factor (\"1.3\", or {2025: 1.3, 2031: 1.08})", "nothing")
        } else {
            let f = fallback ?? Assumption(input: key, distribution: .fixed(1), unit: "", source: "no growth given: constant")
            assumptions.append(f)
            let p = parameter(key, f.distribution)
            factors = Array(repeating: p, count: steps)
        }
        var noise: [ProjectionParameter?] = Array(repeating: nil, count: steps)
        if noisy {
            for s in 0..<steps { noise[s] = parameter("noise:\(key)@\(years[s + 1])", .normal(0, 1)) }
        }
        return GrowthPath(steps: factors, noise: noise)
    }

    /// Explicit points, interpolated.
    mutating func points(_ key: String, _ list: [(year: Int, value: Distribution)], years: [Int]) -> LevelPath {
        let sorted = list.sorted { $0.year < $1.year }
        return .points(sorted.map { $0.year - years[0] }, sorted.map { parameter("\(key)@\($0.year)", $0.value) })
    }

    /// A level path for `pue` or `grid`: `<key>_points`, or the start value with `<key>_target` by
    /// `<key>_target_year`, or `<key>_decline` per year, or constant.
    mutating func level(_ key: String, startFallback: Assumption, targetYear: Int?, floor: Double, years: [Int],
                        startIsGiven: Bool? = nil) throws(InputError) -> LevelPath {
        let pointsKey = key + "_points", targetKey = key + "_target", declineKey = key + "_decline"
        let given = [(pointsKey, spec.paths[pointsKey] != nil), (targetKey, spec.scalars[targetKey] != nil),
                     (declineKey, spec.scalars[declineKey] != nil)].filter(\.1).map(\.0)
        if given.count > 1 {
            // Named at a key that was given (the last of them, with its place in the file): the points key named
            // when it was not given read as a flag that does not exist (`--pue-points`), without a line.
            throw spec.error(given[given.count - 1], "one of \(pointsKey), \(targetKey) or \(declineKey)",
                             given.joined(separator: " and "))
        }
        if let list = spec.paths[pointsKey] {
            used.insert(key)
            return points(pointsKey, list, years: years)
        }
        let start: ProjectionParameter
        if startIsGiven ?? (spec.scalars[key] != nil), let d = spec.scalars[key] {
            start = parameter(key, d)
        } else if startIsGiven == true {
            start = parameter(key, startFallback.distribution)
        } else {
            assumptions.append(startFallback)
            start = parameter(key, startFallback.distribution)
        }
        if let target = spec.scalars[targetKey] {
            guard let targetYear else {
                throw spec.error(targetKey, "\(key)_target_year with \(targetKey)", "no \(key)_target_year")
            }
            guard targetYear > years[0] else {
                throw spec.error(targetKey, "\(key)_target_year after start_year (\(years[0]))", "\(targetYear)")
            }
            return .target(start: start, target: parameter(targetKey, target), targetIndex: targetYear - years[0])
        }
        if let rate = spec.scalars[declineKey] {
            return .decline(start: start, rate: parameter(declineKey, rate), floor: floor)
        }
        return .constant(start)
    }

    /// Rank correlations among sampled columns, by column name.
    func correlation(_ list: [EstimateSpec.Correlation]) throws(InputError) -> RankCorrelation? {
        guard !list.isEmpty else { return nil }
        return try RankCorrelation.declared(list) { name, location throws(InputError) in
            guard let column = columns.firstIndex(where: { $0.name == name }) else {
                throw InputError(field: "correlations", expected: "an uncertain input: \(columns.map(\.name).joined(separator: ", "))",
                                 found: "\"\(name)\"", location: location)
            }
            return column
        }
    }
}
