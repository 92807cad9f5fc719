/// The factors a sensitivity analysis ranks: the problem's inputs, with the year steps of a projection's
/// paths grouped under their key.
///
/// A projection samples one column per year step of a growth path (`ai_growth@2025`, `ai_growth@2031`)
/// and, with `growth_noise`, one noise column per year (`noise:ai_growth@2026`, …). A factor is the
/// column name without its `@year` suffix, so `ai_growth@2025` and `ai_growth@2031` form the factor
/// `ai_growth`, and the year noise of a path forms `noise:ai_growth`. Every method moves a factor's
/// columns together: tornado sets all of them to their 5th (95th) percentile at once, Sobol' indices
/// are group indices (Sobol' 2001; the columns of a group are resampled together), and the rank measure
/// of a group is its multiple rank correlation (see ``RankSensitivity``). An estimate's inputs have no
/// `@`, so each is its own factor, named by its scenario key (`pue`, `grid`, `mfu`, …).
struct SensitivityFactors: Sendable, Hashable {
    /// Factor names, in the order of their first column.
    let names: [String]
    /// The problem's input columns of each factor, ascending.
    let columns: [[Int]]

    /// Groups input names (in column order) by their name without the `@year` suffix.
    /// - Parameter inputs: The problem's input names, in column order.
    init(inputs: [String]) {
        var names: [String] = [], columns: [[Int]] = [], index: [String: Int] = [:]
        for (j, name) in inputs.enumerated() {
            let key = Self.factor(of: name)
            if let g = index[key] {
                columns[g].append(j)
            } else {
                index[key] = names.count
                names.append(key)
                columns.append([j])
            }
        }
        self.names = names
        self.columns = columns
    }

    /// The factor of one input name: the name up to its last `@`, when a year follows it.
    static func factor(of name: String) -> String {
        guard let at = name.lastIndex(of: "@"), !name[name.index(after: at)...].isEmpty,
              name[name.index(after: at)...].allSatisfy(\.isNumber) else { return name }
        return String(name[..<at])
    }

    /// Number of factors.
    var count: Int { names.count }
}
