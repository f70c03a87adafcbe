import Basics
import Databases
import TestSupport
import Testing

@testable import Render

/// The streamed formats byte for byte over the values a rewrite of their row loop could break: NULLs, quotes,
/// separators and newlines inside text, unicode, blobs, integers at their limits, exact decimals, every kind
/// of real. The expected texts were printed by the renderer before its rows went to bytes directly.
@Suite struct StreamedFormatsTests {
    func render(_ format: OutputFormat) -> String {
        let output = StringOutput()
        ResultRenderer.render(
            EdgeValueRows.result, options: RenderOptions(format: format), to: output)
        return output.text
    }

    @Test func csv() {
        #expect(
            render(.csv)
                == "i,t,r,b,x,n,o\n9223372036854775807,\"naïve, \"\"quoted\"\"\nline\",0.3,true,\\x00ff10,123456789012345678901234567890.5,\n-9223372036854775808,日本🙂,-1e-300,false,\\x,NaN,\"\"\n0,\"tab\there\r\n\",1e+20,,,2020-01-01,\"{1,\"\"a b\"\",NULL,\"\"q\\\"\"\"\"}\"\n-1,back\\slash,123456789.125,2020-01-01 00:00:00,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,\"{\"\"a\"\":[1,2]}\",Infinity\n7,\u{1F}\0ctl,2.0,1 day,-0.0,NaN,1234567.89\n,,,,,,\n"
        )
    }

    /// A carriage return and line feed together are one `Character` in Swift: escaping character by character
    /// let "\r\n" through unescaped, splitting the row in two. Bytes are escaped one by one now.
    @Test func tsv() {
        #expect(
            render(.tsv)
                == "i\tt\tr\tb\tx\tn\to\n9223372036854775807\tnaïve, \"quoted\"\\nline\t0.3\ttrue\t\\\\x00ff10\t123456789012345678901234567890.5\t\n-9223372036854775808\t日本🙂\t-1e-300\tfalse\t\\\\x\tNaN\t\n0\ttab\\there\\r\\n\t1e+20\t\t\t2020-01-01\t{1,\"a b\",NULL,\"q\\\\\"\"}\n-1\tback\\\\slash\t123456789.125\t2020-01-01 00:00:00\ta0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\t{\"a\":[1,2]}\tInfinity\n7\t\u{1F}\0ctl\t2.0\t1 day\t-0.0\tNaN\t1234567.89\n\t\t\t\t\t\t\n"
        )
    }

    @Test func json() {
        #expect(
            render(.json)
                == "[\n{\"i\":9223372036854775807,\"t\":\"naïve, \\\"quoted\\\"\\nline\",\"r\":0.3,\"b\":true,\"x\":\"\\\\x00ff10\",\"n\":123456789012345678901234567890.5,\"o\":null},\n{\"i\":-9223372036854775808,\"t\":\"日本🙂\",\"r\":-1e-300,\"b\":false,\"x\":\"\\\\x\",\"n\":\"NaN\",\"o\":\"\"},\n{\"i\":0,\"t\":\"tab\\there\\r\\n\",\"r\":1e+20,\"b\":null,\"x\":null,\"n\":\"2020-01-01\",\"o\":[1,\"a b\",null,\"q\\\"\"]},\n{\"i\":-1,\"t\":\"back\\\\slash\",\"r\":123456789.125,\"b\":\"2020-01-01 00:00:00\",\"x\":\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\",\"n\":{\"a\":[1,2]},\"o\":\"Infinity\"},\n{\"i\":7,\"t\":\"\\u001f\\u0000ctl\",\"r\":2.0,\"b\":\"1 day\",\"x\":-0.0,\"n\":\"NaN\",\"o\":1234567.89},\n{\"i\":null,\"t\":null,\"r\":null,\"b\":null,\"x\":null,\"n\":null,\"o\":null}\n]\n"
        )
    }

    @Test func jsonl() {
        #expect(
            render(.jsonl)
                == "{\"i\":9223372036854775807,\"t\":\"naïve, \\\"quoted\\\"\\nline\",\"r\":0.3,\"b\":true,\"x\":\"\\\\x00ff10\",\"n\":123456789012345678901234567890.5,\"o\":null}\n{\"i\":-9223372036854775808,\"t\":\"日本🙂\",\"r\":-1e-300,\"b\":false,\"x\":\"\\\\x\",\"n\":\"NaN\",\"o\":\"\"}\n{\"i\":0,\"t\":\"tab\\there\\r\\n\",\"r\":1e+20,\"b\":null,\"x\":null,\"n\":\"2020-01-01\",\"o\":[1,\"a b\",null,\"q\\\"\"]}\n{\"i\":-1,\"t\":\"back\\\\slash\",\"r\":123456789.125,\"b\":\"2020-01-01 00:00:00\",\"x\":\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\",\"n\":{\"a\":[1,2]},\"o\":\"Infinity\"}\n{\"i\":7,\"t\":\"\\u001f\\u0000ctl\",\"r\":2.0,\"b\":\"1 day\",\"x\":-0.0,\"n\":\"NaN\",\"o\":1234567.89}\n{\"i\":null,\"t\":null,\"r\":null,\"b\":null,\"x\":null,\"n\":null,\"o\":null}\n"
        )
    }

    /// Reals keep the text they had as `String`s: fifteen significant digits, then Swift's shortest spelling.
    @Test func realsKeepTheirText() {
        let expected: [(Double, String)] = [
            (0.1 + 0.2, "0.3"), (1e20, "1e+20"), (1e21, "1e+21"), (1e16, "1e+16"),
            (123456789012345.6, "123456789012346.0"), (.leastNonzeroMagnitude, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (-2.5, "-2.5"), (100.0, "100.0"), (1e-5, "1e-05"),
            (0.000123, "0.000123"),
        ]
        for (real, text) in expected {
            var bytes = ByteBuffer()
            #expect(ValueFormatter.append(.real(real), to: &bytes) == .number)
            #expect(bytes.text == text)
            #expect(ValueFormatter.json(.real(real)) == text)
        }
    }

    @Test func integersAtTheirLimits() {
        for integer: Int64 in [0, 7, -1, 10, -10, 1_000_000, .max, .min] {
            #expect(ValueFormatter.text(.integer(integer)) == String(integer))
        }
    }
}
