#if canImport(Glibc)
    import Glibc
#endif

/// A chart axis: a range widened to round numbers and the ticks along it (1, 2 or 5 times a power of ten).
struct AxisScale: Hashable {
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// About `count` ticks covering `minimum...maximum`; a single value gets a range around itself.
    init(minimum: Double, maximum: Double, count: Int) {
        var low = minimum
        var high = maximum
        if low == high {
            let pad = low == 0 ? 1 : abs(low) / 2
            low -= pad
            high += pad
        }
        let step = Self.niceStep((high - low) / Double(max(1, count)))
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var tick = lower
        while tick <= upper + step / 2, ticks.count < 50 {
            // Multiplying from the start keeps 0.1 + 0.2 from printing as 0.30000000000000004.
            ticks.append(abs(tick) < step / 1e9 ? 0 : tick)
            tick = lower + Double(ticks.count) * step
        }
        self.ticks = ticks
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, log10(raw).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// Where `value` falls between `lower` (0) and `upper` (1).
    func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0.5
    }
}

/// Short numbers for tick labels: 1.5k, 20M, 0.001, 3e-09; full digits would crowd an axis.
enum CompactNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        if magnitude >= 1e15 || magnitude < 1e-4 { return scientific(value) }
        for (size, suffix) in units where magnitude >= size {
            return trimmed(value / size) + suffix
        }
        return trimmed(value)
    }

    /// Up to three significant digits, no trailing zeros.
    private static func trimmed(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 4
        let scale = pow(10, Double(decimals))
        var text = String((value * scale).rounded() / scale)
        if text.hasSuffix(".0") { text.removeLast(2) }
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    private static func scientific(_ value: Double) -> String {
        let exponent = log10(abs(value)).rounded(.down)
        let mantissa = value / pow(10, exponent)
        let rounded = (mantissa * 10).rounded() / 10
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "e" + String(Int(exponent))
    }
}
