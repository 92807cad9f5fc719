import ArgumentParser

/// `--generator mt19937|ranlxd2|taus2`.
public enum GeneratorOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case mt19937, ranlxd2, taus2
}
