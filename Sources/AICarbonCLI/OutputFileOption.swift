import ArgumentParser

/// `-o, --output FILE` (also `--output-file FILE`), shared by every command except `sensitivity`:
/// write the output to FILE instead of standard output, completely or not at all; `-` is standard output.
struct OutputFileOption: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output"), .customLong("output-file")],
            help: ArgumentHelp("Write the output to this file (atomically: completely or not at all); - is standard output.",
                               valueName: "file"))
    var output: String?

    /// Where the output goes.
    var destination: OutputDestination {
        OutputDestination(path: output, spellings: ["--output", "--output-file", "-o"])
    }
}
