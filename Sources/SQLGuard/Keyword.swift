/// An unquoted word of up to 16 ASCII bytes, upper-cased and packed into two integers.
///
/// The guard compares every word of a query against its keyword sets; packing makes each comparison
/// and hash a couple of integer operations instead of building a `String`, which keeps a 10 KB query
/// well under 100 µs.
struct Keyword: Equatable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count = 0

    /// Packs `bytes[range]` upper-cased; nil when longer than 16 bytes or not ASCII.
    init?(_ bytes: [UInt8], _ range: Range<Int>) {
        guard range.count <= 16 else { return nil }
        for position in 0..<range.count {
            var byte = bytes[range.lowerBound + position]
            guard byte < 0x80 else { return nil }
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { byte -= 0x20 }
            if position < 8 {
                low |= UInt64(byte) << (8 * UInt64(position))
            } else {
                high |= UInt64(byte) << (8 * UInt64(position - 8))
            }
        }
        count = range.count
    }

    init(stringLiteral value: String) {
        let bytes = Array(value.utf8)
        self = Keyword(bytes, 0..<bytes.count) ?? Keyword()
    }

    private init() {}

    static func == (left: Keyword, right: Keyword) -> Bool {
        left.low == right.low && left.high == right.high && left.count == right.count
    }

    var description: String {
        var bytes: [UInt8] = []
        for position in 0..<count {
            let word = position < 8 ? low : high
            bytes.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(position % 8))))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Keyword {
    /// A cheap multiplicative hash: keywords are few and fixed, so SipHash's protection buys nothing.
    var quickHash: UInt64 {
        (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
    }
}

/// A fixed set of keywords in an open-addressed table, looked up with `Keyword.quickHash`.
struct KeywordSet: Sendable, ExpressibleByArrayLiteral {
    private var slots: [Keyword?]
    private let shift: UInt64

    init(arrayLiteral elements: Keyword...) {
        self.init(elements)
    }

    init(_ elements: [Keyword]) {
        var bits: UInt64 = 4
        while (1 << bits) < elements.count * 4 { bits += 1 }
        shift = 64 - bits
        slots = Array(repeating: nil, count: 1 << Int(bits))
        for element in elements where !contains(element) {
            var index = Int(truncatingIfNeeded: element.quickHash >> shift)
            while slots[index] != nil { index = (index + 1) & (slots.count - 1) }
            slots[index] = element
        }
    }

    func contains(_ keyword: Keyword) -> Bool {
        var index = Int(truncatingIfNeeded: keyword.quickHash >> shift)
        while let slot = slots[index] {
            if slot == keyword { return true }
            index = (index + 1) & (slots.count - 1)
        }
        return false
    }
}
