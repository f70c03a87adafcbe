import Databases
import Render

/// `replay --check` for one turn: whether today's result is the one saved, and how it differs.
public struct TurnCheck: Sendable {
    public enum Verdict: String, Sendable {
        case same
        case changed
        /// The SQL ran when saved and fails today.
        case failed
        /// The guard refuses today what it let through when the turn was saved; never run.
        case refused
        /// Nothing saved to compare with: an answer in words, a failed or unrun (`--sql-only`) turn.
        case skipped

        /// A difference a check fails on.
        public var differs: Bool { self == .changed || self == .failed || self == .refused }
    }

    public var verdict: Verdict
    /// `rows 120 -> 118`, the error, or why it was skipped; empty when the same.
    public var detail: String
    /// How the comparison was made when it was not the full order-independent hash (older turns).
    public var note: String?
    /// A few rows the saved preview has and today's result lacks, and the other way, as text cells.
    public var removedRows: [[String?]] = []
    public var addedRows: [[String?]] = []
    public var columns: [String] = []

    /// Rows of each side shown at most under a changed turn.
    public static let differingRowsShown = 3

    /// The line `replay --check` prints for the turn: `same`, `changed: rows 120 -> 118`, `failed: ...`.
    public var line: String {
        let head = detail.isEmpty ? verdict.rawValue : "\(verdict.rawValue): \(detail)"
        return note.map { head + " (\($0))" } ?? head
    }

    /// Compares a replayed turn with what its session saved.
    public static func compare(_ turn: ReplayedTurn) -> TurnCheck {
        let saved = turn.saved
        guard let answer = saved.answer, saved.hasSavedResult, let savedRows = answer.rowCount else {
            let why: String
            switch saved.answer?.status {
            case nil: why = "no answer was saved"
            case .ok?: why = saved.sql == nil ? "answered in words" : "not run when saved (--sql-only)"
            case .noSQL?: why = "answered in words"
            case let status?: why = "saved as \(status.rawValue): nothing to compare"
            }
            return TurnCheck(verdict: .skipped, detail: why)
        }
        let fresh: FreshResult
        switch turn.run {
        case .ran(let result): fresh = result
        case .refused(let reason): return TurnCheck(verdict: .refused, detail: reason)
        case .failed(let error): return TurnCheck(verdict: .failed, detail: error.message)
        case .nothingToRun: return TurnCheck(verdict: .skipped, detail: "no SQL")
        }
        var check = TurnCheck(verdict: .same, detail: "", columns: fresh.result.columns.map(\.name))
        let savedColumns = answer.columns ?? []
        let freshColumns = fresh.result.columns.map(\.name)
        if !savedColumns.isEmpty, savedColumns != freshColumns {
            check.verdict = .changed
            check.detail =
                "columns \(savedColumns.joined(separator: ", ")) -> \(freshColumns.joined(separator: ", "))"
            return check
        }
        let preview = SavedPreview(answer)
        if savedRows != fresh.rowCount {
            check.verdict = .changed
            check.detail = "rows \(savedRows) -> \(fresh.rowCount)"
        } else if let setHash = answer.resultSetHash {
            if setHash != fresh.setHash {
                check.verdict = .changed
                check.detail = "values changed"
            } else if answer.resultHash != fresh.hash {
                check.note = "the same rows in another order"
            }
        } else if answer.resultHash != fresh.hash {
            // Saved before the order-independent hash: only the preview can tell a new order from new values.
            if let preview, preview.isComplete,
                multiset(preview.result.rows.map(cells)) == multiset(fresh.result.rows.map(cells))
            {
                check.note = "saved before order-independent hashes: compared as a set from the saved preview"
            } else {
                check.verdict = .changed
                check.detail = "values changed"
                check.note =
                    "saved before order-independent hashes: compared in row order, so a new order alone counts"
            }
        }
        if check.verdict == .changed, let preview { check.addDifferingRows(preview: preview, fresh: fresh) }
        return check
    }

    /// Rows in the saved preview that today's result lacks, and, when the preview was the whole result,
    /// rows today's result has that the saved one did not. Counted as multisets, so order never matters.
    mutating func addDifferingRows(preview: SavedPreview, fresh: FreshResult) {
        let savedCells = preview.result.rows.map(Self.cells)
        let freshCells = fresh.result.rows.map(Self.cells)
        removedRows = Self.unmatched(savedCells, in: freshCells)
        guard preview.isComplete, !fresh.result.truncated else { return }
        addedRows = Self.unmatched(freshCells, in: savedCells)
    }

    /// The first few rows of `rows` that `other` does not hold as often, each match used once.
    static func unmatched(_ rows: [[String?]], in other: [[String?]]) -> [[String?]] {
        var remaining = multiset(other)
        var missing: [[String?]] = []
        for row in rows where missing.count < differingRowsShown {
            if let count = remaining[row], count > 0 {
                remaining[row] = count - 1
            } else {
                missing.append(row)
            }
        }
        return missing
    }

    /// A row as the preview's CSV keeps it: each value's display text, NULL as nil.
    static func cells(_ row: [DatabaseValue]) -> [String?] {
        row.map { value in
            if case .null = value { return nil }
            return ValueFormatter.text(value)
        }
    }

    static func multiset(_ rows: [[String?]]) -> [[String?]: Int] {
        var counts: [[String?]: Int] = [:]
        for row in rows { counts[row, default: 0] += 1 }
        return counts
    }
}
