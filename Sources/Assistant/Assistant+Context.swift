import Databases
import History
import LLM

/// What the model is shown: the context builder over this database's schema, statistics and notes.
extension Assistant {
    /// The messages a question would be sent with, built as a turn builds them. `saved` is true inside a
    /// turn, where the question is already the session's last message and so not an earlier turn.
    public func promptContext(for question: String, questionIsSaved saved: Bool = false) throws -> PromptContext {
        var earlier: [EarlierTurn] = []
        if let sessionID, configuration.historyTurns > 0 {
            var records = try history.messages(sessionID: sessionID)
            if saved, records.last?.role == .user { records.removeLast() }
            earlier = EarlierTurn.turns(from: records)
        }
        return try contextBuilder().build(
            question: question, today: String(Timestamp.now().prefix(10)), earlier: earlier,
            examples: confirmedExamples(for: question))
    }

    /// The system prompt for this database, with the tables chosen for `question` when the whole schema
    /// does not fit the budget.
    public func systemPrompt(for question: String = "") throws -> String {
        try promptContext(for: question).messages[0].content
    }

    /// What every template may use: the dialect and its notes, the schema and notes as shown for
    /// `question`, the row cap and the date.
    func promptValues(for question: String = "") throws -> [String: String] {
        var values = try contextBuilder().templateValues(for: question)
        values["today"] = String(Timestamp.now().prefix(10))
        return values
    }

    /// A failure as the model may read it in a repair request: database errors trimmed by `--share`.
    func modelFacing(_ failure: TurnFailure, sql: String) -> String {
        configuration.share.modelFacing(error: failure.message, sql: sql)
    }

    /// The builder for the current settings, made once per schema and settings.
    func contextBuilder() throws -> ContextBuilder {
        let settings = ContextBuilder.Settings(
            share: configuration.share, budget: configuration.contextBudget, maxRows: configuration.maxRows,
            maxTurns: configuration.historyTurns)
        if let builder = contextCache, builder.settings == settings { return builder }
        let schema = try schema()
        let builder = ContextBuilder(
            prompts: prompts, dialect: location.dialect, schema: schema, notes: tableNotes,
            statistics: settings.share >= .values ? try statistics() : .empty, settings: settings)
        contextCache = builder
        return builder
    }

    /// The values and ranges of the database's columns: from the cache when the schema is unchanged,
    /// gathered (and cached) otherwise.
    public func statistics() throws -> SchemaStatistics {
        if let statisticsValue { return statisticsValue }
        let fingerprint = try schemaInfo().fingerprint
        let cache = configuration.cacheDirectory.map { StatisticsCache(directory: $0 + "/statistics") }
        if let cached = cache?.load(identity: location.redacted, fingerprint: fingerprint) {
            statisticsValue = cached
            return cached
        }
        let gathered = StatisticsGatherer(timeBudgetSeconds: configuration.statisticsSeconds)
            .gather(try schema(), from: try database())
        cache?.save(gathered, identity: location.redacted, fingerprint: fingerprint)
        statisticsValue = gathered
        return gathered
    }
}
