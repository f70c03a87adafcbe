/// The schema's table and column names, found in SQL text without making a `String` of every word.
///
/// Indexing 10,000 confirmed examples scans half a million words of SQL for the few that are schema names; a
/// string and a hash lookup per word made that most of the time. Here a word is hashed (FNV-1a, lower-cased)
/// as it is scanned and looked up in an open-addressing table; only a hash hit compares bytes.
struct SchemaNameTable: Sendable {
    private let names: [[UInt8]]
    /// Slot -> 1 + the name's position, 0 for an empty slot; a power of two at least twice the names.
    private let slots: [Int32]
    private let hashes: [UInt64]
    private let mask: Int

    /// `names` lower-cased; a name's id is its position here.
    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var size = 16
        while size < names.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes = [UInt64](repeating: 0, count: size)
        for (id, name) in self.names.enumerated() {
            let hash = Self.hash(name[...])
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(id + 1)
            hashes[slot] = hash
        }
        self.slots = slots
        self.hashes = hashes
        mask = size - 1
    }

    /// Calls `body` with the id of every schema name `sql` uses as a whole word (letters, digits, `_`, `$`;
    /// ASCII case folded), once per occurrence.
    func forEachName(in sql: String, _ body: (Int) -> Void) {
        var sql = sql
        sql.withUTF8 { bytes in
            var start = 0
            var hash = Self.offsetBasis
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if Self.isNameByte(byte) {
                    hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* Self.prime
                    continue
                }
                if index > start, let id = lookup(hash, bytes[start..<index]) { body(id) }
                start = index + 1
                hash = Self.offsetBasis
            }
        }
    }

    private func lookup(_ hash: UInt64, _ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if hashes[slot] == hash, names[id].count == word.count,
                zip(names[id], word).allSatisfy({ $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) })
            {
                return id
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Any byte of a multi-byte UTF-8 character counts as part of a name, as the engines' identifiers allow.
    @inline(__always) static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || SearchTerms.isWordByte(byte, keepingUnderscores: true)
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3
}
