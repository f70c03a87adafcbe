import Basics

#if canImport(Glibc)
    import Glibc
#endif

/// A real's text: fifteen significant digits, as SQLite's shell prints, so sums of money show as 1234.5, not
/// 1234.4999999999998; then the shortest text that reads back as that rounded value, as Swift prints it.
///
/// `rounded` is the rule (`log10` for the magnitude, `pow` for the scale, Swift's `description`), and it is
/// what a real costs on a million-row answer: 820 instructions, a third of a row's text. `append` gives the
/// same bytes for the common reals, 0.0001 to 10^15 not within a hair of a power of ten, by integer arithmetic:
/// - the magnitude by comparison with exact powers of ten; away from them, `log10` (accurate to an ulp or two)
///   cannot round to another integer, and near them the rule itself runs;
/// - the scale 10^(14 - magnitude) is an exact double there (10^0 to 10^18), which is what `pow` returns for
///   it (`RealTextTests` checks), so the scaled, rounded value is the same integer N of 15 digits;
/// - N / scale is the double nearest N × 10^-(14 - magnitude), and since no two decimals of 15 significant
///   digits or fewer round to the same double (DBL_DIG), the shortest text that reads back as it is N's digits
///   with the point put in and the trailing zeros dropped, which Swift writes in positional notation in this
///   range ("0.0001", "123456789012345.0").
/// `RealTextTests` compares the two over 200,000 random reals, sums of money and the edges of the range.
enum RealText {
    /// Appends the real's text to `bytes`.
    static func append(_ real: Double, to bytes: inout ByteBuffer) {
        let magnitude = real.magnitude
        // The fast path's range, kept a hair inside each power of ten: otherwise the rule itself.
        guard magnitude >= 1e-4, magnitude < 1e15, let exponent = decimalExponent(of: magnitude) else {
            bytes.append(rounded(real))
            return
        }
        let digits = (magnitude * powerOfTen(14 - exponent)).rounded()
        // Rounding up to 10^15 makes a sixteenth digit: the rule prints that one.
        guard digits < 1e15 else {
            bytes.append(rounded(real))
            return
        }
        appendPositional(UInt64(digits), exponent: exponent, negative: real < 0, to: &bytes)
    }

    /// The rule `append` follows, as it was written first: the reference for its tests and its way out of
    /// range.
    static func rounded(_ real: Double) -> String {
        if real.isNaN { return "NaN" }
        if real.isInfinite { return real < 0 ? "-Infinity" : "Infinity" }
        guard real != 0 else { return real.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = log10(abs(real)).rounded(.down)
        guard abs(magnitude) < 290 else { return String(real) }
        let scale = pow(10, 14 - magnitude)
        let rounded = (real * scale).rounded() / scale
        return String(rounded.isFinite ? rounded : real)
    }

    /// The integer k with 10^k <= `magnitude` < 10^(k+1), for k in -4...14, when `magnitude` is more than a
    /// relative 10^-12 from both: there `log10`'s result, within a few ulps of the truth, floors to k too.
    /// Nil close to a power of ten, where only `log10` itself says which side it rounds to.
    static func decimalExponent(of magnitude: Double) -> Int? {
        var exponent = 0
        var power = 1.0
        if magnitude >= 1 {
            // Exact: every power of ten to 10^22 is a double.
            while exponent < 14, magnitude >= power * 10 {
                power *= 10
                exponent += 1
            }
        } else {
            while exponent > -4, magnitude < power {
                exponent -= 1
                power = powerOfTen(exponent)
            }
        }
        let margin = 1e-12
        guard magnitude > power * (1 + margin), magnitude < power * 10 * (1 - margin) else { return nil }
        return exponent
    }

    /// 10^k for k in -4...18 as the nearest doubles (exact for k >= 0), without a table to initialise.
    static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case -4: return 1e-4
        case -3: return 1e-3
        case -2: return 1e-2
        case -1: return 1e-1
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        default: return 1e18
        }
    }

    /// `digits` (15 of them, 10^14 <= digits < 10^15) x 10^(exponent - 14) in positional notation: the whole part
    /// ("0" below 1), the point, and the fraction without its trailing zeros ("0" when there is none: "1234.0").
    static func appendPositional(_ digits: UInt64, exponent: Int, negative: Bool, to bytes: inout ByteBuffer) {
        var whole: UInt64 = 0
        var fraction = digits
        var fractionLength = 14 - exponent  // 0 to 18: the fraction's digits, leading zeros included
        var wholeLength = 1
        if exponent >= 0 {
            let scale = unsignedPowerOfTen(fractionLength)
            whole = digits / scale
            fraction = digits % scale
            wholeLength = exponent + 1
        }
        if fraction == 0 {
            fractionLength = 1
        } else {
            while fraction % 10 == 0 {
                fraction /= 10
                fractionLength -= 1
            }
        }
        let length = (negative ? 1 : 0) + wholeLength + 1 + fractionLength
        bytes.append(maximum: length) { room in
            var index = length
            for _ in 0..<fractionLength {
                index -= 1
                room[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction % 10)
                fraction /= 10
            }
            index -= 1
            room[index] = UInt8(ascii: ".")
            for _ in 0..<wholeLength {
                index -= 1
                room[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: whole % 10)
                whole /= 10
            }
            if negative {
                index -= 1
                room[index] = UInt8(ascii: "-")
            }
            precondition(index == 0, "RealText.appendPositional counted its length wrong")
            return length
        }
    }

    /// 10^k as an integer, for k in 0...14.
    static func unsignedPowerOfTen(_ k: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<k { power &*= 10 }
        return power
    }
}
