import Databases
import Foundation

extension TestPostgres {
    /// Runs `body` with the URL of a database of its own on the test server, dropped afterwards: for a
    /// suite that makes whole tables (or loads the sample) and must not see another suite's.
    public static func withOwnDatabase(_ label: String, _ body: (_ url: String) throws -> Void) throws {
        let adminURL = try requireURL()
        let name = "datachat_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try DatabaseConnector.open(try DatabaseLocation(parsing: adminURL), access: .readWrite)
        try admin.execute("CREATE DATABASE \(name)")
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        try body(url(adminURL, database: name))
    }
}
