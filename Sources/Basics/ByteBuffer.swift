/// A growable run of bytes in memory of its own: the one place the streamed output's hot loops touch raw memory.
///
/// Why not `[UInt8]`: a million-row answer appends a few dozen pieces a row (a cell's text, a comma, a quote, a
/// key), and each `Array.append(contentsOf:)` is a generic call with a uniqueness check, a capacity check and an
/// element-by-element copy, 50 to 170 instructions, more than the bytes themselves. Here an append is a capacity
/// check and a `memcpy`-style copy, inlined into the caller.
///
/// Safety is by construction rather than by care at each use: the memory is owned by this value alone (it is
/// noncopyable, so no second value can free or write it), every append checks the capacity and grows, and the
/// bytes are lent out read-only and only for the length of a closure (`withBytes`), so no pointer outlives them.
/// The one writable view, `append(maximum:)`'s room, is exactly as long as its caller asked for; its subscript is
/// checked in debug builds only, so its two callers (a decimal integer, a real) count their bytes first.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var length = 0

    /// An empty buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// How many bytes the buffer holds.
    @inlinable public var count: Int { length }

    @inlinable public var isEmpty: Bool { length == 0 }

    /// Empties the buffer, keeping its memory for the next row.
    @inlinable
    public mutating func removeAll() {
        length = 0
    }

    @inlinable
    public mutating func append(_ byte: UInt8) {
        if length == capacity { grow(toHold: length + 1) }
        (start + length).initialize(to: byte)
        length += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if length + bytes.count > capacity { grow(toHold: length + bytes.count) }
        (start + length).initialize(from: source, count: bytes.count)
        length += bytes.count
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.bindMemory(to: UInt8.self))
    }

    /// A string's UTF-8, without making an array of it.
    @inlinable
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A literal's UTF-8 (`"null"`, a separator), read from the binary as it is.
    @inlinable
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// The bytes of another buffer, as they are.
    @inlinable
    public mutating func append(_ other: borrowing ByteBuffer) {
        other.withBytes { append($0) }
    }

    /// Writes up to `maximum` bytes in place: `body` fills the front of the room it is given and returns how many
    /// bytes it wrote (at most `maximum`, which a precondition holds it to), so a number's digits go straight in.
    @inlinable
    public mutating func append(maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        if length + maximum > capacity { grow(toHold: length + maximum) }
        let written = body(UnsafeMutableBufferPointer(start: start + length, count: maximum))
        precondition(written >= 0 && written <= maximum, "ByteBuffer.append(maximum:) wrote past its room")
        length += written
    }

    /// Lends the bytes, read-only, for the length of `body`.
    @inlinable
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: length))
    }

    /// The bytes as an array, for callers outside the hot loops (and tests).
    public var array: [UInt8] { withBytes { Array($0) } }

    /// The bytes as UTF-8 text, invalid sequences replaced.
    public var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Makes room for `minimum` bytes at least, doubling so that a long run of appends copies each byte a bounded
    /// number of times.
    @usableFromInline
    mutating func grow(toHold minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: start, count: length)
        start.deallocate()
        start = larger
        capacity = newCapacity
    }
}
