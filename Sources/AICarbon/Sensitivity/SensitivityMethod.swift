import Foundation

/// How ``Sensitivity`` ranks the inputs of a problem by their effect on one output.
public enum SensitivityMethod: String, Sendable, Hashable, CaseIterable {
    /// Spearman rank correlation of each input with the output, and its share of the output's rank
    /// variance; one simulation of `samples` runs. Allows declared correlations (shares then overlap).
    case rank
    /// Each input alone at its 5th and 95th percentile, every other input at its median: the output's
    /// low, high and swing; 2 runs per input and one at the medians, no sampling.
    case tornado
    /// First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol' indices with bootstrap 95%
    /// intervals; N (d + 2) runs for N base samples and d inputs. Inputs must be independent.
    case sobol

    /// Parses `rank`, `tornado` or `sobol`.
    /// - Parameters:
    ///   - text: The text given.
    ///   - field: The flag or key it was given for (for the error).
    /// - Throws: ``InputError`` naming `field` for any other text.
    public init(parsing text: String, field: String) throws(InputError) {
        guard let method = SensitivityMethod(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw InputError(field: field, expected: "a sensitivity method: rank, tornado or sobol", found: "\"\(text)\"")
        }
        self = method
    }

    /// What the method measures, in a few words (table headers).
    var summary: String {
        switch self {
        case .rank: return "Spearman rank correlation and share of rank variance"
        case .tornado: return "each input alone at its 5th and 95th percentile, the others at their medians"
        case .sobol: return "Sobol' first-order (Saltelli 2010) and total (Jansen 1999) indices, bootstrap 95% intervals"
        }
    }
}
