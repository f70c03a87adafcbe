import Foundation
import TestSupport
import Testing

@testable import Databases

/// Timeouts (issue 14, defects 6 and 7): one range, checked at start, that both engines accept, and no
/// limit a caller passes can crash a conversion.
@Suite struct QueryLimitsTests {
    let folder = TemporaryDirectory("limits-tests")

    @Test func theRangeIsCheckedWithOneLine() throws {
        #expect(try QueryLimits.timeout("30", setting: "--timeout") == 30)
        #expect(try QueryLimits.timeout("86400", setting: "--timeout") == 86_400)
        for bad in ["0", "-1", "86401", "1073742", "9223372036854775807", "nan", "inf", "ten"] {
            do {
                _ = try QueryLimits.timeout(bad, setting: "--timeout")
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.code == .invalidSetting)
                #expect(
                    error.message == "--timeout must be a number of seconds from 1 to 86400 (one day), not \"\(bad)\"")
            }
        }
    }

    @Test func aHugeTimeoutDoesNotCrashSQLite() throws {
        let path = folder.file("t.db")
        try SQLiteDatabase(path: path, access: .readWrite).execute("CREATE TABLE t (x INTEGER)")
        let database = try SQLiteDatabase(path: path, access: .readOnly)
        let result = try database.fetchAll("SELECT 1", limits: QueryLimits(timeoutSeconds: 9.223372036854775807e18))
        #expect(result.rows == [[.integer(1)]])
    }

    @Test(.enabled(if: TestPostgres.isAvailable)) func everyTimeoutInTheRangeWorksOnPostgres() throws {
        let database = try PostgresDatabase(
            location: DatabaseLocation(parsing: TestPostgres.requireURL()), access: .readOnly)
        for seconds in [QueryLimits.timeoutRange.upperBound, 1_073_742, 9.223372036854775807e18] {
            let result = try database.fetchAll("SELECT 1", limits: QueryLimits(timeoutSeconds: seconds))
            #expect(result.rows == [[.integer(1)]], "\(seconds)")
        }
    }
}
