import FoundationEssentials

/// Statistics kept on disk between runs, one JSON file per database and schema: looking at the data
/// costs seconds on a big schema, so it is done again only when the schema changes or the file is older
/// than `maxAge`.
///
/// The file is named by a hash of the database's identity (its location with the password removed, and
/// the schemas shown) and the schema fingerprint; writing a new one removes the database's older files.
/// The age bounds what the fingerprint cannot see: the data changing under the same schema (a nightly
/// load adds a month the model would otherwise be told is past the range of `order_date`). Keying by the
/// data itself would gather again on every run of a database that is written all day.
public struct StatisticsCache: Sendable {
    public let directory: String
    /// How old a file may be and still be used.
    public let maxAge: Duration

    /// A day: statistics stay at most one day behind the data, and are gathered at most once a day.
    public static let defaultMaxAge = Duration.seconds(24 * 60 * 60)

    public init(directory: String, maxAge: Duration = defaultMaxAge) {
        self.directory = directory
        self.maxAge = maxAge
    }

    /// The cached statistics of this database and schema, or nil when there are none, they are older than
    /// `maxAge`, or they cannot be read.
    public func load(identity: String, fingerprint: String, now: Date = Date()) -> SchemaStatistics? {
        let file = path(identity: identity, fingerprint: fingerprint)
        guard let written = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date,
            now.timeIntervalSince(written) < Double(maxAge.components.seconds),
            let data = FileManager.default.contents(atPath: file)
        else { return nil }
        return try? JSONDecoder().decode(SchemaStatistics.self, from: data)
    }

    /// Saves `statistics`; a cache that cannot be written only costs the next run its gathering time.
    public func save(_ statistics: SchemaStatistics, identity: String, fingerprint: String) {
        let manager = FileManager.default
        guard (try? manager.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil,
            let data = try? JSONEncoder().encode(statistics)
        else { return }
        let prefix = Self.key(identity) + "-"
        for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) {
            try? manager.removeItem(atPath: directory + "/" + name)
        }
        let target = path(identity: identity, fingerprint: fingerprint)
        let temporary = target + ".tmp"
        guard manager.createFile(atPath: temporary, contents: data) else { return }
        if (try? manager.moveItem(atPath: temporary, toPath: target)) == nil {
            try? manager.removeItem(atPath: temporary)
        }
    }

    public func path(identity: String, fingerprint: String) -> String {
        directory + "/" + Self.key(identity) + "-" + fingerprint + ".json"
    }

    private static func key(_ identity: String) -> String {
        var hash = FNV1a()
        hash.add(identity)
        return hash.hexDigest
    }
}
