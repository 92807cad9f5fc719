import ArgumentParser

/// `--method mc|lhs|sobol`.
public enum MethodOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case mc, lhs, sobol
}
