import Basics
import Testing

@testable import Render

#if canImport(Glibc)
    import Glibc
#endif

/// `RealText.append`'s integer path prints what its rule (`RealText.rounded`: 15 significant digits by `log10` and
/// `pow`, then Swift's shortest text) prints, real for real: a difference here would change every output and the
/// history's result hashes.
@Suite struct RealTextTests {
    private func appended(_ real: Double) -> String {
        var bytes = ByteBuffer()
        RealText.append(real, to: &bytes)
        return bytes.text
    }

    /// The path's scales are the exact powers of ten, which the rule gets from `pow`: the same doubles.
    @Test func powReturnsTheExactPowersOfTen() {
        for k in 0...18 {
            #expect(pow(10, Double(k)) == RealText.powerOfTen(k), "10^\(k)")
        }
    }

    @Test func pricesAndMeasuresAsBefore() {
        let expected: [(Double, String)] = [
            (1.25, "1.25"), (125000.0, "125000.0"), (-6.9, "-6.9"), (0.1 + 0.2, "0.3"), (1234.4999999999998, "1234.5"),
            (0.5, "0.5"), (0.0001, "0.0001"), (0.00012345, "0.00012345"), (123456789012345.0, "123456789012345.0"),
            (123456789012345.6, "123456789012346.0"), (99999.99999999999, "100000.0"), (2.0 / 3.0, "0.666666666666667"),
            // log10 of a real this close below 10^15 rounds to 15, so the rule keeps 14 digits: the path takes
            // such reals to the rule rather than guess.
            (999999999999999.0, "1000000000000000.0"),
        ]
        for (real, text) in expected {
            #expect(appended(real) == text, "\(real)")
            #expect(RealText.rounded(real) == text, "\(real)")
        }
    }

    /// Near each power of ten, where the magnitude could be taken one way or the other, and the ends of the path's
    /// range, each real a few ulps either side.
    @Test func edgesMatchTheRule() {
        var reals: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for k in -6...17 {
            let power = RealText.powerOfTen(max(-4, min(k, 18)))
            for base in [power, Double("1e\(k)")!, 9.999999999999999 * power, 9.9999999999999 * power] {
                var up = base
                var down = base
                for _ in 0..<40 {
                    reals += [up, down, -up, -down]
                    up = up.nextUp
                    down = down.nextDown
                }
            }
        }
        for real in reals {
            #expect(appended(real) == RealText.rounded(real), "\(real.debugDescription)")
        }
    }

    /// Reals of every magnitude the path takes and around it, with random digits, and the sums of money a table
    /// holds.
    @Test func randomRealsMatchTheRule() {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [Double] = []
        for _ in 0..<200_000 {
            let exponent = Double.random(in: -7...17, using: &generator)
            var real = pow(10, exponent) * (Bool.random(using: &generator) ? 1 : -1)
            if Bool.random(using: &generator) { real = (real * 100).rounded() / 100 }
            if appended(real) != RealText.rounded(real) { mismatches.append(real) }
        }
        for cents in stride(from: -100_000, through: 100_000, by: 7) {
            let real = Double(cents) / 100 * 1.25
            if appended(real) != RealText.rounded(real) { mismatches.append(real) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map(\.debugDescription))")
    }
}
