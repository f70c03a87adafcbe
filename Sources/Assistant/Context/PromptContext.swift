import LLM

/// The messages of one request as built for a question, and what went into them: `datachat prompt`
/// prints it, a turn sends its `messages`.
public struct PromptContext: Sendable {
    /// System first (rules, dialect notes, schema, notes, values: the part that stays byte-identical from
    /// turn to turn), then the earlier turns, then the question with today's date.
    public var messages: [ChatMessage]
    /// The tables shown in the schema, in schema order.
    public var shownTables: [String]
    /// The tables left out to hold the budget; empty when the whole schema fits.
    public var omittedTables: [String]
    /// Earlier turns sent, and dropped (oldest first) to hold the budget.
    public var turnsSent: Int
    public var turnsDropped: Int
    public var budget: Int

    /// The estimate the budget is held on (`TokenEstimate`).
    public var estimatedTokens: Int { TokenEstimate.count(messages) }
}
