/// What the guard decided about one piece of SQL, with a reason a user can act on when it refuses.
public enum Verdict: Sendable, Hashable {
    case allowed
    /// `position` is the UTF-8 offset of the offending token in the checked text, when there is one.
    case rejected(reason: String, position: Int?)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// The reason for a rejection, nil when allowed.
    public var reason: String? {
        if case .rejected(let reason, _) = self { return reason }
        return nil
    }
}
