import Foundation
import TestSupport
import Testing

@testable import Databases

/// PostgreSQL defects fault injection found (issue 14, defects 13 and 14).
@Suite struct DatabaseFaultTests {
    @Test func aPasswordInALocationIsNoticed() throws {
        for url in [
            "postgresql://ana:secret@db/shop", "postgres://ana@db/shop?password=secret&sslmode=require",
            "host=db dbname=shop password=secret", "host=db password='a b' dbname=shop",
        ] {
            #expect(try DatabaseLocation(parsing: url).carriesPassword, "\(url)")
        }
        for url in ["postgresql://ana@db/shop", "host=db dbname=shop user=ana", "sqlite:///tmp/a:b@c.db", "shop.db"] {
            #expect(try !DatabaseLocation(parsing: url).carriesPassword, "\(url)")
        }
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func aLockWaitSaysItWaitedForALock() throws {
        let fixture = try PostgresFixture("lockwait")
        try fixture.admin.execute("CREATE TABLE items (id INTEGER)")
        let holder = try fixture.writer()
        try holder.execute("BEGIN")
        try holder.execute("LOCK TABLE \(fixture.schema).items IN ACCESS EXCLUSIVE MODE")
        defer { try? holder.execute("ROLLBACK") }
        let reader = try fixture.reader()
        do {
            _ = try reader.fetchAll("SELECT count(*) FROM items", limits: QueryLimits(timeoutSeconds: 1))
            Issue.record("the locked table was read")
        } catch let error as DatabaseError {
            #expect(error.code == .timeout)
            #expect(
                error.message.hasPrefix("the query waited for a lock another session holds (1 s)"), "\(error.message)")
        }
    }
}
