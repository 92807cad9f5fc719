import Foundation

/// A progress bar on stderr, shown only when stderr is a terminal and the run has taken over a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var shown = false
    private var lastPercent = -1
    private let enabled = isatty(STDERR_FILENO) != 0

    /// Reports the fraction done (thread-safe).
    func update(_ fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let percent = Int(fraction * 100)
        guard percent != lastPercent, Date().timeIntervalSince(start) > 1 else { return }
        lastPercent = percent
        shown = true
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)%".utf8))
    }

    /// Clears the bar, if it was shown.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\(String(repeating: " ", count: 30))\r".utf8)) }
    }
}
