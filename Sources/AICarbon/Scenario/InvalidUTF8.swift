import Foundation

/// The first byte of a text file that is not UTF-8, with its place: a scenario file is UTF-8 text, and a
/// stray Latin-1 `é` (0xE9) is reported at its line and column rather than for the whole file.
struct InvalidUTF8: Sendable, Hashable {
    /// The byte's offset in the data.
    var offset: Int
    /// The byte.
    var byte: UInt8
    /// The 1-based line holding it.
    var line: Int
    /// The 1-based column, in Unicode scalars of the valid text before it on its line (as libyaml counts columns).
    var column: Int

    /// The first byte of `data` that does not start a valid UTF-8 sequence (or that starts one cut short or
    /// malformed), or `nil` when `data` is UTF-8.
    init?(_ data: Data) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error:
                self.offset = offset
                self.byte = data[data.startIndex + offset]
                self.line = line
                self.column = column
                return
            case .emptyInput:
                return nil
            }
        }
    }

    /// The byte in hexadecimal, as a message shows it (`0xE9`).
    var hex: String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
