import Testing

@testable import Databases

@Suite struct DatabaseLocationTests {
    @Test(arguments: [
        ("sqlite:///abs/path.db", "/abs/path.db"),
        ("sqlite:////abs/path.db", "/abs/path.db"),
        ("sqlite:rel/path.db", "rel/path.db"),
        ("data/shop.sqlite3", "data/shop.sqlite3"),
        ("/tmp/x.sqlite", "/tmp/x.sqlite"),
        ("sqlite:///tmp/with%20space.db", "/tmp/with space.db"),
    ])
    func sqliteForms(url: String, path: String) throws {
        let location = try DatabaseLocation(parsing: url)
        #expect(location.engine == .sqlite(path: path))
        #expect(location.dialect == .sqlite)
    }

    @Test(arguments: [
        ("postgres://u:secret@db.example.com:5432/shop", "postgresql://u@db.example.com:5432/shop"),
        ("postgresql://u:secret@host/shop?sslmode=require&password=secret", "postgresql://u@host/shop?sslmode=require"),
        ("postgresql+psycopg2://u:secret@host/shop", "postgresql://u@host/shop"),
        ("postgresql://host/shop", "postgresql://host/shop"),
    ])
    func postgresURLsHideThePassword(url: String, redacted: String) throws {
        let location = try DatabaseLocation(parsing: url)
        #expect(location.dialect == .postgres)
        #expect(location.redacted == redacted)
        #expect(!location.redacted.contains("secret"))
    }

    @Test func postgresDriverSuffixIsDroppedForLibpq() throws {
        let location = try DatabaseLocation(parsing: "postgresql+psycopg2://u:pw@host/db")
        #expect(location.engine == .postgres(conninfo: "postgresql://u:pw@host/db"))
    }

    @Test func keywordConninfoHidesThePassword() throws {
        let location = try DatabaseLocation(
            parsing: "host=db.internal dbname=shop user=me password='se cret' sslmode=require")
        #expect(location.dialect == .postgres)
        #expect(location.redacted == "host=db.internal dbname=shop user=me sslmode=require")
    }

    @Test func unknownFormsAreExplained() {
        #expect(throws: DatabaseError.self) { try DatabaseLocation(parsing: "mysql://u:secret@host/db") }
        do {
            _ = try DatabaseLocation(parsing: "mysql://u:secret@host/db")
        } catch {
            #expect(error.message.contains("sqlite:///"))
            #expect(!error.message.contains("secret"))
        }
    }
}
