import Foundation

/// How much memory a run may plan to use for stored samples.
enum MemoryBudget {
    /// Available memory (Linux `MemAvailable`, else physical memory), less a quarter for everything else.
    static let availableBytes: Double = {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kib = Double(line.split(separator: " ").dropFirst().first ?? "") {
            return kib * 1024 * 0.75
        }
        return Double(ProcessInfo.processInfo.physicalMemory) * 0.75
    }()
}
