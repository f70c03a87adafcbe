/// The charts datachat draws itself from a result's rows: nothing the model writes is ever run.
public enum ChartKind: String, Sendable, Hashable, CaseIterable {
    /// Horizontal bars, one per row: a label and a number.
    case bar
    /// Lines over a time (or number) axis: one line per number column.
    case line
    /// Bar or line, chosen from the columns' values (`ChartData.make` says why when neither fits).
    case auto
}

/// Why a result cannot be drawn as the chart asked for, in one line a user can act on.
public struct ChartRefusal: Error, Sendable, Hashable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
