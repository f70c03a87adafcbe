import Foundation

extension TestPostgres {
    /// A fresh schema name, so that suites sharing the server never see each other's tables.
    public static func uniqueSchemaName(_ label: String) -> String {
        "t_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// `url` with its search path set to `schema` (libpq's `options=-csearch_path=...`), so unqualified
    /// names land in that schema.
    public static func url(_ url: String, searchPath schema: String) -> String {
        url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema
    }
}
