import Basics
import SQLGuard

/// Where a database lives, parsed from any of the URL forms of the command line.
///
/// SQLite: `sqlite:///abs/path.db`, `sqlite:rel/path.db`, or a bare path ending in `.db`, `.sqlite` or
/// `.sqlite3`. PostgreSQL: `postgres://`, `postgresql://`, `postgresql+psycopg2://` URLs, or any libpq
/// keyword conninfo (`host=... dbname=...`); libpq reads its PG* variables, `.pgpass` and service files.
public struct DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    public enum Engine: Sendable, Hashable {
        case sqlite(path: String)
        /// A conninfo string libpq accepts as it is (URL or keywords), with the driver suffix removed.
        case postgres(conninfo: String)
    }

    public let engine: Engine
    /// The location with any password removed: the only form that is ever shown, logged or stored.
    public let redacted: String

    public var description: String { redacted }

    public var dialect: SQLDialect {
        switch engine {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    public init(sqlitePath: String) {
        self.init(engine: .sqlite(path: sqlitePath), redacted: "sqlite:" + sqlitePath)
    }

    private init(engine: Engine, redacted: String) {
        self.engine = engine
        self.redacted = redacted
    }

    /// Parses `text`, or explains in one line which forms are accepted.
    public init(parsing text: String) throws(DatabaseError) {
        let trimmed = text.trimmed()
        let lower = trimmed.lowercased()
        if lower.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") {
                // sqlite:///abs/path -> /abs/path; sqlite:////abs/path (SQLAlchemy's absolute form) too.
                path = String(path.dropFirst(2))
                while path.hasPrefix("//") { path.removeFirst() }
            }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            path = path.removingPercentEncoding()
            guard !path.isEmpty else {
                throw DatabaseError(.invalidLocation, "the SQLite URL names no file: use sqlite:///abs/path.db")
            }
            self.init(sqlitePath: path)
            return
        }
        for scheme in ["postgresql+psycopg2://", "postgresql+psycopg://", "postgres://", "postgresql://"]
        where lower.hasPrefix(scheme) {
            let conninfo = "postgresql://" + trimmed.dropFirst(scheme.count)
            self.init(engine: .postgres(conninfo: conninfo), redacted: Self.redactURL(conninfo))
            return
        }
        if ["db", "sqlite", "sqlite3"].contains(where: { lower.hasSuffix("." + $0) }) && !lower.contains("://") {
            self.init(sqlitePath: trimmed)
            return
        }
        if trimmed.contains("=") && !trimmed.contains("://") {
            self.init(engine: .postgres(conninfo: trimmed), redacted: Self.redactConninfo(trimmed))
            return
        }
        throw DatabaseError(
            .invalidLocation,
            "cannot tell which database \"\(Self.redactURL(trimmed))\" is: use sqlite:///path.db, a path ending in .db, "
                + "or postgresql://user@host/dbname")
    }

    /// The text given carries a password (`user:secret@`, `?password=`, `password=` in a conninfo), which any
    /// user of the machine can read in `ps` while a flag holds it.
    public var carriesPassword: Bool {
        guard case .postgres(let conninfo) = engine else { return false }
        return conninfo.contains("://")
            ? Self.redactURL(conninfo) != conninfo : Self.redactConninfo(conninfo) != conninfo.trimmed()
    }

    /// The warning for a password given on the command line in `flag`.
    public static func passwordOnCommandLine(flag: String) -> String {
        "\(flag) carries a password, which other users of this machine can read in `ps` while datachat runs: "
            + "put it in ~/.pgpass, PGPASSWORD or a service file instead (docs/POSTGRES.md)"
    }

    /// Removes the password from a URL's user info and from a `password=` query parameter.
    static func redactURL(_ url: String) -> String {
        var result = url
        if let password = URLCredentials.passwordRange(in: result) {
            // The colon before it goes too: `user:secret@host` becomes `user@host`.
            result.replaceSubrange(result.index(before: password.lowerBound)..<password.upperBound, with: "")
        }
        if let query = result.firstIndex(of: "?") {
            let base = result[...query]
            let parameters = result[result.index(after: query)...].split(
                separator: "&", omittingEmptySubsequences: false)
            let kept = parameters.filter { !$0.lowercased().hasPrefix("password=") }
            result = kept.isEmpty ? String(base.dropLast()) : base + kept.joined(separator: "&")
        }
        return result
    }

    /// Removes `password=...` (quoted or not) from a keyword conninfo.
    static func redactConninfo(_ conninfo: String) -> String {
        var output = ""
        var index = conninfo.startIndex
        while index < conninfo.endIndex {
            let rest = conninfo[index...]
            let isWordStart = index == conninfo.startIndex || conninfo[conninfo.index(before: index)].isWhitespace
            if isWordStart, rest.lowercased().hasPrefix("password") {
                var cursor = rest.index(rest.startIndex, offsetBy: "password".count)
                while cursor < conninfo.endIndex, conninfo[cursor] == " " { cursor = conninfo.index(after: cursor) }
                // `password secret` (a malformed string) still hides the word that follows.
                let hasEquals = cursor < conninfo.endIndex && conninfo[cursor] == "="
                if hasEquals || cursor > rest.index(rest.startIndex, offsetBy: "password".count) {
                    if !hasEquals { cursor = conninfo.index(before: cursor) }
                    cursor = conninfo.index(after: cursor)
                    while cursor < conninfo.endIndex, conninfo[cursor] == " " { cursor = conninfo.index(after: cursor) }
                    if cursor < conninfo.endIndex, conninfo[cursor] == "'" {
                        cursor = conninfo.index(after: cursor)
                        while cursor < conninfo.endIndex, conninfo[cursor] != "'" {
                            if conninfo[cursor] == "\\" { cursor = conninfo.index(after: cursor) }
                            if cursor < conninfo.endIndex { cursor = conninfo.index(after: cursor) }
                        }
                        if cursor < conninfo.endIndex { cursor = conninfo.index(after: cursor) }
                    } else {
                        while cursor < conninfo.endIndex, !conninfo[cursor].isWhitespace {
                            cursor = conninfo.index(after: cursor)
                        }
                    }
                    while cursor < conninfo.endIndex, conninfo[cursor].isWhitespace {
                        cursor = conninfo.index(after: cursor)
                    }
                    index = cursor
                    continue
                }
            }
            output.append(conninfo[index])
            index = conninfo.index(after: index)
        }
        return output.trimmed()
    }
}
