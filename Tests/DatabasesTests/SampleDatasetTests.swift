import Foundation
import TestSupport
import Testing

@testable import Databases

@Suite struct SampleDatasetTests {
    let cache = TemporaryDirectory("sample-cache")

    @Test func buildsOnceAndLoadsEveryRow() throws {
        let sample = SampleDataset(directory: Repository.sampleData)
        let path = try sample.sqliteFile(cacheDirectory: cache.path)
        #expect(try sample.sqliteFile(cacheDirectory: cache.path) == path)
        let database = try SQLiteDatabase(path: path, access: .readOnly)
        for table in ["categories", "sellers", "customers", "products", "orders", "order_items", "payments", "reviews"]
        {
            let lines = try String(contentsOfFile: Repository.sampleData + "/data/\(table).csv", encoding: .utf8)
            var reader = CSVReader(bytes: Array(lines.utf8))
            var records = -1  // the header
            while reader.nextRecord() != nil { records += 1 }
            let count = try database.fetchAll("SELECT count(*) FROM \(table)").rows.first?.first
            #expect(count == .integer(Int64(records)), "\(table)")
        }
        let orders = try database.fetchAll("SELECT count(*) FROM orders").rows[0][0].intValue ?? 0
        #expect(orders >= 50_000)
        let violations = try database.fetchAll("SELECT count(*) FROM pragma_foreign_key_check")
        #expect(violations.rows == [[.integer(0)]])
        #expect(
            try database.fetchAll("SELECT count(*) FROM orders WHERE delivered_at IS NULL").rows[0][0].intValue ?? 0 > 0
        )
    }

    @Test func leavesNoHalfBuiltFileBehind() throws {
        let sample = SampleDataset(directory: Repository.sampleData)
        _ = try sample.sqliteFile(cacheDirectory: cache.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(files.count == 1)
        #expect(files.allSatisfy { $0.hasPrefix("sample-") && $0.hasSuffix(".db") })
    }
}
