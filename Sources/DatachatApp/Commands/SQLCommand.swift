import ArgumentParser
import Basics
import Databases
import Render
import SQLGuard

#if canImport(Glibc)
    import Glibc
#endif

/// `datachat sql`: tools for SQL itself.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: "Work with SQL directly.", subcommands: [Check.self])
}

extension SQLCommand {
    /// `datachat sql check`: the read-only guard as a command, so people and scripts can vet SQL before
    /// it goes anywhere. One verdict per statement; exit 0 only when every one is allowed.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check that SQL only reads: one verdict per statement.",
            discussion: """
                Without --dialect, the SQL is checked by the rules of the database datachat would ask (SQLite for \
                the bundled sample).

                Exit codes: 0 every statement allowed, 3 at least one rejected, 2 usage error.
                """)

        /// How verdicts are printed: for people, or for machines.
        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text
            case json
        }

        @Option(help: "The dialect the SQL is written in (default: that of --database-url or DATABASE_URL).")
        var dialect: SQLDialect?

        @OptionGroup(title: "Database") var database: DatabaseOptions

        @Option(help: "How verdicts are printed.")
        var format: Format = .text

        @Argument(help: "A file of SQL statements; '-' or nothing reads standard input.")
        var file: String = "-"

        func run() throws {
            let dialect = try self.dialect ?? databaseDialect()
            let sql = try readInput()
            var checks = SQLGuard.checkEach(sql, dialect: dialect)
            if checks.isEmpty {
                checks = [
                    StatementCheck(
                        text: "", offset: 0,
                        verdict: .rejected(reason: "there is no SQL statement to check", position: nil))
                ]
            }
            let output = FileOutput.standardOutput()
            switch format {
            case .text: output.write(Self.text(checks, sql: sql))
            case .json: output.write(Self.json(checks, sql: sql))
            }
            output.flush()
            if !checks.allSatisfy(\.verdict.isAllowed) { throw ExitCode(ExitStatus.rejected) }
        }

        /// The dialect of the configured database, read from its URL alone: nothing is connected.
        private func databaseDialect() throws -> SQLDialect {
            let settings = try Settings(database)
            guard let url = settings.databaseURL else { return .sqlite }
            do {
                return try DatabaseLocation(parsing: url).dialect
            } catch {
                throw CommandFailure(error.message)
            }
        }

        private func readInput() throws -> String {
            if file == "-" { return Datachat.readStandardInput() }
            guard let handle = fopen(file, "rb") else {
                throw CommandFailure("cannot read \(file): \(String(cString: strerror(errno)))")
            }
            defer { fclose(handle) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = fread(&buffer, 1, buffer.count, handle)
                if count <= 0 { break }
                bytes.append(contentsOf: buffer[0..<count])
            }
            if ferror(handle) != 0 { throw CommandFailure("cannot read \(file): it is not a readable file") }
            return String(decoding: bytes, as: UTF8.self)
        }

        static func text(_ checks: [StatementCheck], sql: String) -> String {
            var lines = ""
            for (number, check) in checks.enumerated() {
                let summary = oneLine(check.text, limit: 60)
                switch check.verdict {
                case .allowed:
                    lines += "\(number + 1): allowed: \(summary)\n"
                case .rejected(let reason, let position):
                    let place =
                        position.map { at in
                            let (line, column) = lineAndColumn(of: at, in: sql)
                            return " (line \(line), column \(column))"
                        } ?? ""
                    lines += "\(number + 1): rejected\(place): \(reason): \(summary)\n"
                }
            }
            return lines
        }

        static func json(_ checks: [StatementCheck], sql: String) -> String {
            let items = checks.enumerated().map { number, check in
                var fields = [
                    "\"statement\": \(number + 1)", "\"allowed\": \(check.verdict.isAllowed)",
                    "\"sql\": \(JSONText.quoted(check.text))",
                ]
                if case .rejected(let reason, let position) = check.verdict {
                    fields.append("\"reason\": \(JSONText.quoted(reason))")
                    if let position {
                        let (line, column) = lineAndColumn(of: position, in: sql)
                        fields += ["\"offset\": \(position)", "\"line\": \(line)", "\"column\": \(column)"]
                    }
                }
                return "  {" + fields.joined(separator: ", ") + "}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n]\n"
        }

        /// 1-based line and column (in characters) of a UTF-8 offset.
        static func lineAndColumn(of offset: Int, in sql: String) -> (Int, Int) {
            let prefix = sql.utf8.prefix(offset)
            let lineStart =
                prefix.lastIndex(of: UInt8(ascii: "\n")).map { prefix.index(after: $0) } ?? prefix.startIndex
            let line = prefix.count(where: { $0 == UInt8(ascii: "\n") }) + 1
            let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
            return (line, column)
        }

        static func oneLine(_ text: String, limit: Int) -> String {
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
        }
    }
}

extension SQLDialect: ExpressibleByArgument {}
