import Databases
import Render
import Replay

/// `\replay ID` and `\rerun N`: a saved session's SQL, or one turn of this one, run again in place, each
/// turn's fresh result shown with how it compares with the saved one. No model is asked, nothing is saved.
extension InteractiveSession {
    func replaySession(_ id: String) {
        guard !id.isEmpty else {
            _ = usage(.replay)
            return
        }
        guard let session = savedSession(id) else { return }
        let current = context.location.redacted
        guard session.record.dataSource == current else {
            StandardError.error(
                "session \(session.record.id.prefix(8)) was saved on \(session.record.dataSource), not \(current): "
                    + "`datachat replay \(session.record.id.prefix(8)) --database-url URL` runs it there")
            return
        }
        guard !session.sqlTurns.isEmpty else {
            StandardError.error("session \(session.record.id.prefix(8)) has no SQL to replay")
            return
        }
        guard let replayer = replayer() else { return }
        if replayer.schemaChanged(since: session.record.schemaFingerprint) == true {
            StandardError.error("warning: the schema changed since the session was saved")
        }
        let output = answerOutput()
        let writer = transcriptWriter()
        writer.writeHeader(session.record, to: output)
        var checks: [TurnCheck] = []
        replayer.replay(session.turns) { turn in
            let check = TurnCheck.compare(turn)
            checks.append(check)
            writer.write(TranscriptTurn(replayed: turn, check: check), to: output)
            output.flush()
        }
        let differing = checks.count { $0.verdict.differs }
        say("\(checks.count) turns replayed: \(checks.count - differing) as saved, \(differing) differ\n")
    }

    func rerunTurn(_ argument: String) {
        guard let number = Int(argument), number > 0 else {
            _ = usage(.rerun)
            return
        }
        guard let id = context.assistant.sessionID, let session = savedSession(id) else {
            if context.assistant.sessionID == nil { StandardError.error("no turns yet in this session to run again") }
            return
        }
        guard let turn = session.turns.first(where: { $0.number == number }) else {
            StandardError.error(
                "this session has turns 1 to \(session.turns.count), not \(number) (\\history lists them)")
            return
        }
        guard turn.sql != nil else {
            StandardError.error("turn \(number) has no SQL to run again: it was answered in words")
            return
        }
        guard let replayer = replayer() else { return }
        let replayed = ReplayedTurn(saved: turn, run: replayer.run(turn.sql))
        let output = answerOutput()
        transcriptWriter().write(TranscriptTurn(replayed: replayed, check: TurnCheck.compare(replayed)), to: output)
        output.flush()
    }

    private func savedSession(_ id: String) -> SavedSession? {
        do {
            return try SavedSession.load(id: id, from: context.history)
        } catch {
            StandardError.error(error.message)
            return nil
        }
    }

    private func replayer() -> SessionReplayer? {
        do {
            return SessionReplayer(
                database: try context.assistant.database(), configuration: context.assistant.configuration,
                cancellation: Signals.interrupt)
        } catch {
            StandardError.error("cannot open the database: \(error)")
            return nil
        }
    }

    private func transcriptWriter() -> TranscriptWriter {
        let format: OutputFormat = view.format == .expanded ? .expanded : view.format == .markdown ? .markdown : .table
        return TranscriptWriter(
            format: format, color: view.color, terminalWidth: Terminal.outputIsTerminal ? Terminal.width : nil)
    }
}
