import FoundationEssentials

/// Statistics kept on disk between runs, one JSON file per database and schema: looking at the data
/// costs seconds on a big schema, so it is done again only when the schema changes.
///
/// The file is named by a hash of the database's identity (its location with the password removed, and
/// the schemas shown) and the schema fingerprint; writing a new one removes the database's older files.
public struct StatisticsCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The cached statistics of this database and schema, or nil when there are none (or unreadable ones).
    public func load(identity: String, fingerprint: String) -> SchemaStatistics? {
        guard let data = FileManager.default.contents(atPath: path(identity: identity, fingerprint: fingerprint))
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
