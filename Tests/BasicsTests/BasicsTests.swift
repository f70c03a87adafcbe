import Basics
import Testing

/// The helpers every target shares: one home each, so one test each.
@Suite struct BasicsTests {
    @Test func trimmedRemovesWhiteSpaceAndNewlinesAtBothEnds() {
        #expect(" \t select 1 \n".trimmed() == "select 1")
        #expect("   ".trimmed() == "")
        #expect("a b"[...].trimmed() == "a b")
    }

    @Test func durationsInSecondsAndMilliseconds() {
        #expect(Duration.milliseconds(1_500).seconds == 1.5)
        #expect(Duration.microseconds(2_500).milliseconds == 2.5)
        #expect(Duration.seconds(3).milliseconds == 3_000)
    }

    @Test func countsTakeTheirNounInTheSingularOnlyForOne() {
        #expect(1.counted("row") == "1 row")
        #expect(0.counted("row") == "0 rows")
        #expect(2.counted("match", plural: "matches") == "2 matches")
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControls() {
        #expect(JSONText.quoted("plain") == "\"plain\"")
        #expect(JSONText.quoted("a\"b\\c\nd\u{01}é") == #""a\"b\\c\nd\u0001é""#)
        let hex = Array("0123456789abcdef")
        for byte in 0..<0x20 where ![0x09, 0x0A, 0x0D].contains(byte) {
            let control = String(UnicodeScalar(UInt8(byte)))
            #expect(JSONText.quoted(control) == "\"\\u00\(hex[byte >> 4])\(hex[byte & 0x0F])\"", "\(byte)")
        }
    }

    @Test func credentialsAreFoundInTheAuthorityOnly() throws {
        let url = "postgresql://ana:s3cr%40t@db.example:5432/shop?sslmode=require"
        #expect(url[try #require(URLCredentials.userInfoRange(in: url))] == "ana:s3cr%40t")
        #expect(url[try #require(URLCredentials.passwordRange(in: url))] == "s3cr%40t")
        #expect(URLCredentials.passwordRange(in: "postgresql://ana@db/shop") == nil)
        #expect(
            URLCredentials.userInfoRange(in: "postgresql://db/shop?user=a@b") == nil,
            "an @ after the path is not user info")
        #expect(URLCredentials.userInfoRange(in: "host=db password=x") == nil)
    }
}
