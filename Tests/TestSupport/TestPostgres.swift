import Foundation

/// The PostgreSQL server the tests use: `scripts/test-postgres.sh start` prints its URL, which
/// `scripts/test.sh` exports as DATACHAT_TEST_POSTGRES_URL.
public enum TestPostgres {
    /// The server's URL. Under CI (CI=true) a missing URL is a failure, never a skip; elsewhere the
    /// PostgreSQL tests are disabled with a note saying how to run them.
    public static var url: String? {
        ProcessInfo.processInfo.environment["DATACHAT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// For `@Suite(.enabled(if: TestPostgres.isAvailable))`: true when a server is configured, and
    /// also true under CI, so that a missing server makes the tests fail instead of vanishing.
    public static var isAvailable: Bool { url != nil || isRequired }

    /// The URL, or a recorded failure explaining how to start the server.
    public static func requireURL() throws -> String {
        guard let url else {
            throw TestPostgresUnavailable()
        }
        return url
    }

    /// `url` with its database name replaced: a suite's own database on the test server.
    static func url(_ url: String, database: String) -> String {
        let query = url.firstIndex(of: "?").map { String(url[$0...]) } ?? ""
        let base = url.firstIndex(of: "?").map { String(url[..<$0]) } ?? url
        guard let slash = base.lastIndex(of: "/") else { return url }
        return String(base[...slash]) + database + query
    }

    public struct TestPostgresUnavailable: Error, CustomStringConvertible {
        public var description: String {
            "DATACHAT_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh, or export the URL that scripts/test-postgres.sh start prints"
        }
    }
}
