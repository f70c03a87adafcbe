import Basics
import CPQ

/// One row of `COPY ... TO STDOUT` in text format, in libpq's buffer, freed with it.
///
/// https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2
struct PostgresCopyRow: ~Copyable {
    private let buffer: UnsafeMutablePointer<CChar>
    /// The row without its final newline: values separated by tabs, each escaped (`CopyText`), `\N` for NULL.
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeMutablePointer<CChar>, length: Int) {
        self.buffer = buffer
        let start = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
        let end = length > 0 && start[length - 1] == UInt8(ascii: "\n") ? length - 1 : length
        bytes = UnsafeBufferPointer(start: start, count: end)
    }

    deinit {
        PQfreemem(buffer)
    }
}
