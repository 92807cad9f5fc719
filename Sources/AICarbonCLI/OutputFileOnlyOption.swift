import ArgumentParser

/// `-o, --output-file FILE` for `sensitivity`, whose `--output NAME` names the output analysed (issue 10).
struct OutputFileOnlyOption: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output-file")],
            help: ArgumentHelp("Write the result to this file (atomically: completely or not at all); - is standard output. "
                               + "(--output names the output analysed here.)", valueName: "file"))
    var outputFile: String?

    /// Where the output goes.
    var destination: OutputDestination {
        OutputDestination(path: outputFile, spellings: ["--output-file", "-o"])
    }
}
