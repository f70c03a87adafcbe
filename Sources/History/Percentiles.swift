/// The middle and the tail of a set of timings, computed exactly from every value.
public struct Percentiles: Sendable, Hashable {
    public var p50: Double
    public var p95: Double

    public init(p50: Double, p95: Double) {
        self.p50 = p50
        self.p95 = p95
    }

    /// The percentiles of `values`, nil when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        p50 = Self.percentile(0.5, ofSorted: sorted)
        p95 = Self.percentile(0.95, ofSorted: sorted)
    }

    /// The value a fraction `p` of the way along `sorted`, interpolated linearly between the two values
    /// around it: PostgreSQL's `percentile_cont`, so a figure can be checked against the server's own.
    static func percentile(_ p: Double, ofSorted sorted: [Double]) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
