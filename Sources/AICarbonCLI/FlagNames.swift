import AICarbon

/// The library names inputs and settings by key (`samples`, `power_utilization`); the command line shows
/// its flags (`--samples`, `--power-utilization`). Errors located in a scenario file keep the file's keys.
enum FlagNames {
    /// Settings and other names that are flags of this tool but not inputs.
    static let settings: Set<String> = ["samples", "seed", "method", "generator", "threads", "percentiles", "until", "max_samples",
                                        "hardware", "format", "set", "sweep"]

    /// The flag a library name stands for on the command line, or `nil` when it is not one.
    /// - Parameters:
    ///   - key: An input key or setting name.
    ///   - days: Whether the duration was given with `--days` (the library calls it `hours`).
    static func flag(_ key: String, days: Bool = false) -> String? {
        if key == "hours", days { return "--days" }
        guard settings.contains(key) || InputRegistry.definition(key) != nil else { return nil }
        return InputRegistry.flag(for: key)
    }

    /// Runs `body`, showing the library's names of any ``InputError`` it throws as flags (unless the
    /// error is located in a file).
    /// - Parameters:
    ///   - days: Whether the duration was given with `--days`.
    ///   - body: The command's work.
    static func run<T>(days: Bool = false, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            guard error.location?.file == nil else { throw error.namingInputs { _ in nil } }
            throw error.namingInputs { flag($0, days: days) }
        }
    }
}
