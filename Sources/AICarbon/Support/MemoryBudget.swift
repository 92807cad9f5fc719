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

    /// Refuses a run that cannot fit in memory rather than letting it fail mid-way.
    /// - Parameters:
    ///   - samples: Samples planned.
    ///   - bytesPerSample: Bytes the run holds per sample.
    ///   - field: The flag that set the sample count, for the message.
    ///   - what: What the run holds, for the message.
    /// - Throws: ``InputError`` naming the largest sample count that fits.
    static func require(samples: Int, bytesPerSample: Double, field: String, holding what: String) throws(InputError) {
        guard Double(samples) * bytesPerSample > availableBytes else { return }
        throw InputError(field: field,
                         expected: "at most about \(Int(availableBytes / bytesPerSample)) samples here (\(what) must fit in \(Int(availableBytes / 1_073_741_824)) GiB of available memory)",
                         found: "\(samples)")
    }
}
