/// A session id that names no session, or the start of several: the message lists those, so the user
/// can give more of the one meant.
public struct SessionLookupError: Error, Sendable, CustomStringConvertible {
    public let id: String
    /// The sessions the id starts, most recently active first; empty when it names none.
    public let matches: [SessionRecord]

    public init(id: String, matches: [SessionRecord]) {
        self.id = id
        self.matches = matches
    }

    public var description: String {
        guard !matches.isEmpty else { return "no session \(id): `datachat sessions list` shows them" }
        let listed = matches.prefix(5).map { "\($0.id.prefix(12)) (\($0.title))" }.joined(separator: ", ")
        let more = matches.count > 5 ? ", …" : ""
        return "session id \(id) is ambiguous: it starts \(listed)\(more); give more of the id"
    }
}
