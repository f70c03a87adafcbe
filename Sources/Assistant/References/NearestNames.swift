import Databases

/// The existing names nearest to a wrong one, for "did you mean" and for the repair request.
enum NearestNames {
    /// Columns of `schema` nearest to `name`, the query's own tables first among equals.
    static func columns(near name: String, in schema: Schema, preferring used: [Table], limit: Int = 3)
        -> [NearestName]
    {
        let usedNames = Set(used.map(\.qualifiedName))
        var candidates: [(NearestName, Int)] = []
        for table in schema.tables {
            for column in table.columns {
                let near = nearest(name, column.name, table: table.name)
                candidates.append((near, usedNames.contains(table.qualifiedName) ? 0 : 1))
            }
        }
        return ranked(candidates, limit: limit)
    }

    /// Tables of `schema` nearest to `name`.
    static func tables(near name: String, in schema: Schema, limit: Int = 3) -> [NearestName] {
        ranked(schema.tables.map { (nearest(name, $0.name, table: nil), 0) }, limit: limit)
    }

    private static func nearest(_ wrong: String, _ existing: String, table: String?) -> NearestName {
        let distance = editDistance(wrong.lowercased(), existing.lowercased())
        let sharesWord = !words(wrong).isDisjoint(with: words(existing))
        let likely =
            NameRules.folded(wrong) == NameRules.folded(existing) || distance <= max(2, wrong.count / 3) || sharesWord
        return NearestName(table: table, name: existing, distance: distance, isLikely: likely)
    }

    /// Likely names first, then by distance, then the query's own tables; the best `limit`.
    private static func ranked(_ candidates: [(NearestName, Int)], limit: Int) -> [NearestName] {
        candidates.sorted { left, right in
            if left.0.isLikely != right.0.isLikely { return left.0.isLikely }
            if left.0.distance != right.0.distance { return left.0.distance < right.0.distance }
            return left.1 < right.1
        }.prefix(limit).map(\.0)
    }

    /// The words of a name split at underscores, lower-cased; words of two letters or fewer (`id`) do
    /// not count, so that every `_id` column is not "near" every other.
    private static func words(_ name: String) -> Set<String> {
        Set(name.lowercased().split(separator: "_").filter { $0.count > 2 }.map(String.init))
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
