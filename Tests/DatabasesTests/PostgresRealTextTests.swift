import Testing

@testable import Databases

/// `PostgresTypes.real(bytes)`, the float8 reader that makes no `String`, reads every plain decimal as
/// `Double(String)` does, bit for bit, and leaves every other spelling to it.
@Suite struct PostgresRealTextTests {
    private func read(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { PostgresTypes.real($0) }
    }

    @Test func plainDecimalsReadAsDoubleReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var texts = [
            "0", "-0", "1", "-1", "0.1", "0.3", "1.25", "125000", "999999999999999", "0.00000000000001",
            "123456789.012345", "-98765.4321", "900719925474099", "0.5", "2.675", "1.005",
        ]
        for _ in 0..<100_000 {
            let digits = Int.random(in: 1...15, using: &generator)
            var text = String((0..<digits).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 0...digits, using: &generator)
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            texts.append((Bool.random(using: &generator) ? "-" : "") + text)
        }
        for text in texts {
            let expected = Double(text)!
            let value = read(text)
            #expect(value?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func otherSpellingsAreLeftToTheStringReader() {
        for text in [
            "", "-", ".", "NaN", "Infinity", "-Infinity", "1e+20", "1.5e-07", "1234567890123456", "1,5",
            "1.2.3", " 1", "+1", "9007199254740993", "0.000000000000001",
        ] {
            #expect(read(text) == nil, "\(text)")
        }
        #expect(PostgresTypes.real("NaN").isNaN)
        #expect(PostgresTypes.real("1e+20") == 1e20)
    }
}
