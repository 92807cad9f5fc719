import AICarbon

/// The flags the library's sensitivity names stand for in each command: `sensitivity` (the method),
/// `output` and `year` are words of the ``Sensitivity`` API, not inputs, so ``FlagNames`` leaves them
/// alone; each command maps them to its own flags.
enum SensitivityFlags {
    /// Runs `body`, showing the field of an ``InputError`` it throws (not located in a file) as the flag
    /// `names` gives for it.
    static func renaming<T>(_ names: [String: String], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as InputError where error.location?.file == nil {
            if let flag = names[error.field] { error.field = flag }
            throw error
        }
    }
}

extension EstimateCommand {
    /// The method of `--sensitivity`, or `nil` without it.
    /// - Throws: ``InputError`` for an unknown method, or `--sensitivity-output` without `--sensitivity`.
    func sensitivityMethod() throws(InputError) -> SensitivityMethod? {
        guard let sensitivity else {
            if sensitivityOutput != nil {
                throw InputError(field: "--sensitivity-output", expected: "--sensitivity rank, tornado or sobol with it", found: "no --sensitivity")
            }
            return nil
        }
        return try SensitivityMethod(parsing: sensitivity, field: "--sensitivity")
    }

    /// The sensitivity of the estimate's `--sensitivity-output` (default `co2e_kg`) by `method`, on the
    /// estimate's simulation settings (for `rank`, the same samples as the estimate).
    func sensitivityReport(_ method: SensitivityMethod?, catalog: Catalog) throws -> SensitivityReport? {
        guard let method else { return nil }
        return try SensitivityFlags.renaming(["sensitivity": "--sensitivity", "output": "--sensitivity-output"]) {
            try Sensitivity.analyse(spec(), catalog: catalog, method: method, output: sensitivityOutput ?? "co2e_kg",
                                    settings: simulation.settings())
        }
    }
}
