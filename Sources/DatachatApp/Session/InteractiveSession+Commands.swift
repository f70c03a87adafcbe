import Assistant
import Databases
import History
import Render

#if canImport(Glibc)
    import Glibc
#endif

extension InteractiveSession {
    /// Runs a backslash command; false when the session should end.
    func perform(_ line: String) -> Bool {
        guard let (command, argument) = MetaCommand.parse(line) else {
            let name = String(line.prefix(while: { !$0.isWhitespace }))
            let hint = MetaCommand.nearest(to: name).map { "did you mean \($0.rawValue)? " } ?? ""
            StandardError.error("unknown command \(name): \(hint)(\\? lists them)")
            return true
        }
        switch command {
        case .quit: return false
        case .help: say(MetaCommand.helpText)
        case .tables: listTables()
        case .describe: describe(argument)
        case .sql:
            guard !argument.isEmpty else { return usage(command) }
            recentResult.expect(question: nil)
            finish(turn: { display in
                context.assistant.run(sql: argument, observer: display)
            })
        case .expanded: setExpanded(argument)
        case .format: setFormat(argument)
        case .output: setOutput(argument)
        case .history: listHistory()
        case .sessions: listSessions()
        case .resume: resume(argument)
        case .new:
            context.assistant.startNewSession()
            say("New session: the next question starts it.\n")
        case .model: model(argument)
        case .usage: usageReport()
        case .explain:
            guard let sql = context.assistant.lastSQL else {
                StandardError.error("no SQL to explain yet: ask a question or run \\sql first")
                return true
            }
            finish(turn: { display in
                context.assistant.explain(sql: sql, observer: display)
            })
        case .good: markAnswer(argument)
        case .replay: replaySession(argument)
        case .rerun: rerunTurn(argument)
        case .chart: chart(argument)
        case .confirm:
            guard let on = onOff(argument, current: view.confirm, command: command) else { return true }
            view.confirm = on
            say("Confirmation before running is \(on ? "on" : "off").\n")
        }
        return true
    }

    func usage(_ command: MetaCommand) -> Bool {
        StandardError.error("usage: \(command.usage) (\(command.summary))")
        return true
    }

    func say(_ text: String) {
        let output = answerOutput()
        output.write(text)
        output.flush()
    }

    /// A small table of datachat's own (tables, sessions), in the session's format on the screen.
    private func show(_ columns: [String], _ rows: [[String?]]) {
        let options = RenderOptions(
            format: view.format, color: view.color, terminalWidth: Terminal.outputIsTerminal ? Terminal.width : nil,
            showRowCount: false)
        let output = answerOutput()
        ResultRenderer.render(
            QueryResult(
                columns: columns.map { Column(name: $0) },
                rows: rows.map { $0.map { DatabaseValue.text($0 ?? "") } }),
            options: options, to: output)
        output.flush()
    }

    private func listTables() {
        guard let schema = schemaOrReport() else { return }
        show(
            ["table", "kind", "rows", "comment"],
            schema.tables.map { [$0.qualifiedName, $0.kind.rawValue, $0.estimatedRows.map(String.init), $0.comment] })
    }

    private func describe(_ name: String) {
        guard !name.isEmpty else {
            listTables()
            return
        }
        guard let schema = schemaOrReport() else { return }
        guard
            let table = schema.table(named: name)
                ?? schema.tables.first(where: { $0.name.lowercased() == name.lowercased() })
        else {
            let names = schema.tables.map(\.name)
            let near = names.min(by: { MetaCommand.editDistance(name, $0) < MetaCommand.editDistance(name, $1) })
            StandardError.error("no table \(name)\(near.map { ": did you mean \($0)?" } ?? "") (\\dt lists them)")
            return
        }
        say(TextStyle(enabled: view.color).bold(table.qualifiedName) + (table.comment.map { ": " + $0 } ?? "") + "\n")
        show(
            ["column", "type", "null", "key", "comment"],
            table.columns.map { column in
                let reference = table.foreignKeys.first(where: { $0.columns == [column.name] })
                    .map { "→ \($0.referencedTable)(\($0.referencedColumns.joined(separator: ", ")))" }
                let key = [column.isPrimaryKey ? "primary" : nil, reference].compactMap { $0 }.joined(separator: " ")
                return [column.name, column.typeName, column.isNullable ? "yes" : "no", key, column.comment]
            })
        if let notes = TableNotes.section(for: table.name, in: context.assistant.tableNotes) {
            say("Notes:\n" + notes + "\n")
        }
    }

    private func schemaOrReport() -> Schema? {
        do {
            return try context.assistant.schema()
        } catch {
            StandardError.error("cannot read the schema: \(error)")
            return nil
        }
    }

    private func setExpanded(_ argument: String) {
        guard let on = onOff(argument, current: view.format == .expanded, command: .expanded) else { return }
        if view.format != .expanded { view.unexpandedFormat = view.format }
        view.format = on ? .expanded : view.unexpandedFormat
        say("Expanded display is \(on ? "on" : "off").\n")
    }

    /// `on`, `off`, or nothing to toggle.
    private func onOff(_ argument: String, current: Bool, command: MetaCommand) -> Bool? {
        switch argument.lowercased() {
        case "": return !current
        case "on": return true
        case "off": return false
        default:
            _ = usage(command)
            return nil
        }
    }

    private func setFormat(_ argument: String) {
        guard !argument.isEmpty else {
            say("Output format is \(view.format.rawValue).\n")
            return
        }
        guard let format = OutputFormat(rawValue: argument.lowercased()) else {
            StandardError.error(
                "unknown format \(argument): use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
            return
        }
        view.format = format
        if format != .expanded { view.unexpandedFormat = format }
        say("Output format is \(format.rawValue).\n")
    }

    private func setOutput(_ argument: String) {
        guard !argument.isEmpty else {
            view.outputPath = nil
            say("Results go to the screen.\n")
            return
        }
        let path = argument.hasPrefix("~/") ? (context.settings.home + argument.dropFirst(1)) : argument
        // Opened now, so a bad path is reported here rather than lost at the next result.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            StandardError.error("cannot write to \(path): \(String(cString: strerror(errno)))")
            return
        }
        close(descriptor)
        view.outputPath = path
        say("Results go to \(path).\n")
    }

    private func listHistory() {
        guard let id = context.assistant.sessionID else {
            say("No questions yet in this session.\n")
            return
        }
        do {
            let messages = try context.history.messages(sessionID: id)
            var rows: [[String?]] = []
            for (index, message) in messages.enumerated() where message.role == .user {
                let answer = messages[(index + 1)...].prefix(while: { $0.role == .assistant }).last
                rows.append([
                    String(message.createdAt.prefix(19)), message.content,
                    (answer?.status ?? message.status).rawValue, answer?.rowCount.map(String.init),
                ])
            }
            show(["time", "question", "status", "rows"], rows)
        } catch {
            StandardError.error("cannot read the history store: \(error)")
        }
    }

    private func listSessions() {
        do {
            let sessions = try context.history.sessions(limit: 20)
            let current = context.assistant.sessionID
            // Short ids, as `datachat sessions list` shows them; \resume takes any unique start.
            show(
                ["id", "updated", "title"],
                sessions.map {
                    [
                        ($0.id == current ? "* " : "") + String($0.id.prefix(8)), String($0.updatedAt.prefix(19)),
                        $0.title,
                    ]
                })
        } catch {
            StandardError.error("cannot read the history store: \(error)")
        }
    }

    private func resume(_ id: String) {
        guard !id.isEmpty else {
            _ = usage(.resume)
            return
        }
        do {
            let session = try context.assistant.resume(sessionID: id)
            say("Resumed session \(session.id.prefix(8)): \(session.title)\n")
            if let warning = context.assistant.otherDatabaseWarning(for: session) {
                StandardError.error("warning: " + warning)
            }
        } catch {
            StandardError.error(error.message)
        }
    }

    private func model(_ name: String) {
        guard !name.isEmpty else {
            say("Model: \(context.assistant.model) at \(context.settings.llm.endpointHost)\n")
            return
        }
        if let known = try? context.assistant.availableModels(), !known.isEmpty,
            !known.contains(name)
        {
            let near = known.min(by: { MetaCommand.editDistance(name, $0) < MetaCommand.editDistance(name, $1) })
            StandardError.error(
                "the endpoint has no model \(name)\(near.map { ": did you mean \($0)?" } ?? "")")
            return
        }
        context.assistant.useModel(name)
        say("Model: \(name)\n")
    }

    private func usageReport() {
        let usage = context.assistant.sessionUsage()
        let estimate = usage.isEstimate ? " (estimated)" : ""
        say(
            "Tokens this session: \(usage.promptTokens) prompt + \(usage.completionTokens) completion = "
                + "\(usage.promptTokens + usage.completionTokens) tokens\(estimate)\n")
    }
}
