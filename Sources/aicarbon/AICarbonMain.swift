import AICarbonCLI

/// Entry point of the `aicarbon` executable.
@main
struct AICarbonMain {
    static func main() {
        AICarbonCommand.runFromCommandLine()
    }
}
