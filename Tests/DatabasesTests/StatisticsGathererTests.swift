import Foundation
import TestSupport
import Testing

@testable import Databases

/// Values and ranges read from real SQLite files and the PostgreSQL test server, and their disk cache.
@Suite struct StatisticsGathererTests {
    let folder = TemporaryDirectory("statistics")

    /// 30,000 orders (more than one sample), a status of five values, a free-text note, dates as text.
    func makeShop() throws -> SQLiteDatabase {
        let path = folder.file("shop.db")
        let writer = try SQLiteDatabase(path: path, access: .readWrite)
        try writer.execute(
            """
            CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE orders (
                order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (customer_id),
                status TEXT NOT NULL, note TEXT, ordered_at TEXT NOT NULL, amount REAL NOT NULL, flag BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
            INSERT INTO orders SELECT i, NULL,
                CASE i % 10 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'pending' WHEN 2 THEN 'shipped' WHEN 3 THEN 'returned'
                    ELSE 'delivered' END,
                'note ' || i, date('2023-01-01', '+' || (i * 730 / 30000) || ' days') || ' 10:00:00', i / 100.0, NULL
            FROM n;
            """)
        return writer
    }

    @Test func listsFewValuesMostFrequentFirstAndRangesDatesAndNumbers() throws {
        _ = try makeShop()
        let reader = try SQLiteDatabase(path: folder.file("shop.db"), access: .readOnly)
        let statistics = StatisticsGatherer().gather(try reader.schema(), from: reader)
        let orders = try #require(statistics.tables["orders"])
        #expect(orders["status"]?.values == ["delivered", "cancelled", "pending", "returned", "shipped"])
        #expect(orders["note"] == nil, "free text has too many values to list")
        // The sample's first and last rowid ranges hold both ends of a time-ordered table.
        #expect(orders["ordered_at"]?.minimum == "2023-01-01 10:00:00")
        #expect(orders["ordered_at"]?.maximum == "2024-12-31 10:00:00")
        #expect(orders["amount"]?.minimum == "0.01")
        #expect(orders["amount"]?.maximum == "300.0")
        #expect(orders["order_id"] == nil && orders["customer_id"] == nil, "keys have no useful range")
        #expect(statistics.isComplete)
    }

    @Test func theTimeBudgetStopsTheGathering() throws {
        _ = try makeShop()
        let reader = try SQLiteDatabase(path: folder.file("shop.db"), access: .readOnly)
        let statistics = StatisticsGatherer(timeBudgetSeconds: 0).gather(try reader.schema(), from: reader)
        #expect(!statistics.isComplete)
        #expect(statistics.tables.isEmpty)
    }

    @Test func theCacheIsKeyedByDatabaseAndFingerprintAndKeepsOneFilePerDatabase() throws {
        let cache = StatisticsCache(directory: folder.file("cache"))
        let first = SchemaStatistics(tables: ["t": ["c": ColumnStatistics(values: ["a"])]])
        cache.save(first, identity: "sqlite:/a.db", fingerprint: "f1")
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f1") == first)
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f2") == nil)
        #expect(cache.load(identity: "sqlite:/b.db", fingerprint: "f1") == nil)
        cache.save(.empty, identity: "sqlite:/a.db", fingerprint: "f2")
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f1") == nil, "the old schema's file is gone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("cache")).count == 1)
    }

    /// The data can change under the same schema: a file older than a day is not used.
    @Test func aCacheOlderThanADayIsGatheredAgain() throws {
        let cache = StatisticsCache(directory: folder.file("cache"))
        let statistics = SchemaStatistics(tables: ["t": ["c": ColumnStatistics(values: ["a"])]])
        cache.save(statistics, identity: "sqlite:/a.db", fingerprint: "f1")
        let hour: TimeInterval = 60 * 60
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f1", now: Date() + 23 * hour) == statistics)
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f1", now: Date() + 25 * hour) == nil)
        try FileManager.default.setAttributes(
            [.modificationDate: Date() - 25 * hour],
            ofItemAtPath: cache.path(identity: "sqlite:/a.db", fingerprint: "f1"))
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f1") == nil, "by the file's own time")
        cache.save(statistics, identity: "sqlite:/a.db", fingerprint: "f1")
        #expect(cache.load(identity: "sqlite:/a.db", fingerprint: "f1") == statistics, "and fresh once saved again")
    }
}

@Suite(.enabled(if: TestPostgres.isAvailable), .serialized) struct PostgresStatisticsTests {
    @Test func enumsTextAndTimestampsOnPostgres() throws {
        let fixture = try PostgresFixture("statistics")
        try fixture.admin.execute(
            """
            CREATE TYPE tier AS ENUM ('bronze', 'silver', 'gold');
            CREATE TABLE accounts (
                id bigint PRIMARY KEY, tier tier NOT NULL, region varchar(10), opened timestamptz NOT NULL,
                balance numeric(12,2), active boolean);
            INSERT INTO accounts
            SELECT i, (ARRAY['bronze', 'silver', 'gold']::tier[])[1 + i % 3], CASE WHEN i % 4 = 0 THEN 'north' ELSE 'south' END,
                TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL '1 hour', i * 1.5, i % 2 = 0
            FROM generate_series(1, 50000) AS i;
            ANALYZE accounts;
            """)
        let reader = try fixture.reader()
        let schema = try reader.schema()
        let table = try #require(schema.tables.first { $0.name == "accounts" })
        let statistics = StatisticsGatherer().gather(schema, from: reader)
        let accounts = try #require(statistics.tables[table.qualifiedName])
        #expect(Set(accounts["tier"]?.values ?? []) == ["bronze", "silver", "gold"])
        #expect(accounts["region"]?.values == ["south", "north"])
        // A sample of 20,000 of the 50,000 rows: the range is the sample's, inside the table's.
        let opened = try #require(accounts["opened"])
        #expect(opened.minimum?.hasPrefix("2024-0") == true, "\(opened)")
        #expect((opened.minimum ?? "") < (opened.maximum ?? ""))
        #expect(accounts["balance"]?.minimum != nil)
        #expect(accounts["active"] == nil)
        #expect(statistics.isComplete)
    }
}
