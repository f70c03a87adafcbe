/// How datachat was used, per day or per session: how turns ended, how long they took, what they cost.
///
/// A turn is a question and the answers it got, one per attempt (a repair adds one); it ended as its last
/// answer did. Its time to first token is its first answer's (what the user waited to see something), its
/// model and query times the sums over its attempts, and its tokens the sum of every request's.
public struct UsageStats: Sendable, Hashable {
    public enum Grouping: String, Sendable, CaseIterable {
        /// By the UTC day the question was asked.
        case day
        case session
    }

    /// One group's figures; `label` is the day (`2026-12-01`), the session id, or `all`.
    public struct Group: Sendable, Hashable {
        public var label: String
        public var turns = 0
        /// Turns by how they ended. A turn whose answer was never saved (the process was killed) is counted in
        /// `turns` and in none of these.
        public var outcomes: [MessageStatus: Int] = [:]
        public var firstToken: Percentiles?
        public var model: Percentiles?
        public var query: Percentiles?
        public var tokensIn = 0
        public var tokensOut = 0

        /// The share of turns that ended as `status`, in percent.
        public func percent(_ status: MessageStatus) -> Double {
            turns == 0 ? 0 : Double(outcomes[status, default: 0]) * 100 / Double(turns)
        }
    }

    /// The groups in the order of their first question, then `all` over every turn.
    public var groups: [Group]

    /// The figures of `turns`, grouped by `grouping`.
    public init(_ turns: [Turn], by grouping: Grouping) {
        var members: [String: [Turn]] = [:]
        var firstAsked: [String: String] = [:]
        for turn in turns {
            let label = grouping == .day ? String(turn.askedAt.prefix(10)) : turn.sessionID
            members[label, default: []].append(turn)
            firstAsked[label] = min(firstAsked[label] ?? turn.askedAt, turn.askedAt)
        }
        let order = members.keys.sorted { (firstAsked[$0] ?? "", $0) < (firstAsked[$1] ?? "", $1) }
        groups = order.map { Self.group($0, members[$0] ?? []) }
        if !turns.isEmpty { groups.append(Self.group("all", turns)) }
    }

    static func group(_ label: String, _ turns: [Turn]) -> Group {
        var group = Group(label: label)
        group.turns = turns.count
        for turn in turns {
            if let outcome = turn.outcome { group.outcomes[outcome, default: 0] += 1 }
            group.tokensIn += turn.tokensIn
            group.tokensOut += turn.tokensOut
        }
        group.firstToken = Percentiles(turns.compactMap(\.firstTokenMilliseconds))
        group.model = Percentiles(turns.compactMap(\.modelMilliseconds))
        group.query = Percentiles(turns.compactMap(\.queryMilliseconds))
        return group
    }

    /// One question and what its answers recorded.
    public struct Turn: Sendable, Hashable {
        public var sessionID: String
        public var askedAt: String
        /// How the turn ended: its last answer's status, or the question's own when no answer was saved but
        /// the question was settled; nil when neither says.
        public var outcome: MessageStatus?
        public var firstTokenMilliseconds: Double?
        public var modelMilliseconds: Double?
        public var queryMilliseconds: Double?
        public var tokensIn = 0
        public var tokensOut = 0
        /// The answers saved for it so far.
        public private(set) var attempts = 0

        public init(question: MessageRecord) {
            sessionID = question.sessionID
            askedAt = question.createdAt
            outcome = question.status == .pending ? nil : question.status
        }

        /// Counts one more attempt at the answer.
        mutating func add(_ answer: MessageRecord) {
            if attempts == 0 { firstTokenMilliseconds = answer.firstTokenMilliseconds }
            attempts += 1
            outcome = answer.status
            modelMilliseconds = Self.sum(modelMilliseconds, answer.modelMilliseconds)
            queryMilliseconds = Self.sum(queryMilliseconds, answer.executionMilliseconds)
            tokensIn += answer.promptTokens ?? 0
            tokensOut += answer.completionTokens ?? 0
        }

        static func sum(_ total: Double?, _ value: Double?) -> Double? {
            guard let value else { return total }
            return (total ?? 0) + value
        }
    }
}
