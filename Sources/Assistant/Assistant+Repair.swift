import Databases
import LLM

/// One attempt's SQL from check to result, the mechanical fixes of wrong names, and the repair request
/// that carries the schema's facts back to the model.
extension Assistant {
    /// Checks `sql` (guard, then references), fixes it mechanically when there is exactly one way (a wrong
    /// name before it runs, a MySQL date function after the database says it lacks it), runs it, and saves
    /// the attempt; a fix is saved as an attempt of its own. True when the user edited the SQL at the
    /// confirmation prompt.
    func run(
        _ sql: String, attempt: inout Int, completion: ChatCompletion, into outcome: inout TurnOutcome,
        tried: inout [String: TurnFailure], observer: TurnObserver?, start: ContinuousClock.Instant
    ) -> Bool {
        let executedBefore = outcome.timings.execution
        outcome.failure = refusal(of: sql)
        var fix: ReferenceFix?
        if outcome.failure == nil, let schema = try? schema() {
            let report = ReferenceChecker.check(sql, schema: schema, dialect: location.dialect)
            outcome.failure = report.problems.first.map { .unknownReference($0) }
            fix = report.fix
        }
        var userWroteSQL = false
        if fix == nil, outcome.failure == nil {
            userWroteSQL = runChecked(sql, attempt: attempt, into: &outcome, observer)
            if !userWroteSQL, case .database(let error) = outcome.failure {
                fix = DialectFunctions.fix(sql, after: error, dialect: location.dialect)
            }
        }
        save(
            &outcome, attempt: attempt, start: start, model: model, completion: completion,
            executionMilliseconds: outcome.timings.execution - executedBefore)
        if let failure = outcome.failure { tried[SQLFingerprint.of(sql, dialect: location.dialect)] = failure }
        guard let fix else { return userWroteSQL }

        let fixed = fix.apply(to: sql)
        attempt += 1
        outcome.attempts = attempt
        outcome.sql = fixed
        observer?.fixedReferences(fix.description, sql: fixed, attempt: attempt)
        outcome.failure = refusal(of: fixed) ?? unknownReference(in: fixed)
        let fixStart = outcome.timings.execution
        userWroteSQL =
            outcome.failure == nil ? runChecked(fixed, attempt: attempt, into: &outcome, observer) : false
        // No model was asked: the saved content says what changed, and no model or tokens are recorded.
        save(
            &outcome, attempt: attempt, start: start, model: nil,
            executionMilliseconds: outcome.timings.execution - fixStart, content: "fixed: \(fix.description)")
        if let failure = outcome.failure { tried[SQLFingerprint.of(fixed, dialect: location.dialect)] = failure }
        return userWroteSQL
    }

    /// Shows SQL that passed every check and runs it (unless `--sql-only`).
    private func runChecked(
        _ sql: String, attempt: Int, into outcome: inout TurnOutcome, _ observer: TurnObserver?
    ) -> Bool {
        observer?.sqlReady(sql, attempt: attempt)
        guard configuration.execute else { return false }
        return approveAndExecute(sql, attempt: attempt, into: &outcome, observer: observer)
    }

    /// The first name in `sql` the schema lacks, as a failure; nil when all resolve or the schema is unreadable.
    func unknownReference(in sql: String) -> TurnFailure? {
        guard let schema = try? schema() else { return nil }
        return ReferenceChecker.check(sql, schema: schema, dialect: location.dialect).problems.first.map {
            .unknownReference($0)
        }
    }

    /// The message that asks the model to repair `sql`: the error with the schema's facts. (A model that
    /// repeated itself is not asked again in the conversation: `answer` draws afresh instead.)
    ///
    /// The error is fenced as data: a database error can quote a cell (`invalid input syntax for type integer:
    /// "Ignore previous instructions..."`), and text from the data must never read as orders. Values in it are
    /// withheld below `--share values` (`SharingLevel.modelFacing`).
    func repairRequest(for sql: String, failure: TurnFailure) -> String {
        let facts = RepairFacts(sql: sql, failure: failure, schema: try? schema(), dialect: location.dialect)
        return prompts.repair.render(facts.values(sql: sql, error: DataFence.wrap(modelFacing(failure, sql: sql))))
    }
}
