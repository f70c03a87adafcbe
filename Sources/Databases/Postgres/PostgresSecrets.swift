import Basics
import CPQ

/// Keeps passwords out of messages: libpq's complaints about a malformed conninfo can quote parts of it.
enum PostgresSecrets {
    /// `message` with every spelling of the conninfo's password replaced by `***`.
    static func scrub(_ message: String, conninfo: String) -> String {
        var result = message
        for secret in passwords(in: conninfo).sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }

    /// The password as libpq parses it, and as written (percent-encoded or not) in a URL or keyword string.
    static func passwords(in conninfo: String) -> Set<String> {
        var found: Set<String> = []
        var error: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(conninfo, &error) {
            var option = options
            while let keyword = option.pointee.keyword {
                if String(cString: keyword) == "password", let value = option.pointee.val {
                    found.insert(String(cString: value))
                }
                option += 1
            }
            PQconninfoFree(options)
        }
        if let error { PQfreemem(error) }
        // URL user info: scheme://user:password@host
        if let password = URLCredentials.passwordRange(in: conninfo) {
            let raw = String(conninfo[password])
            found.insert(raw)
            found.insert(raw.removingPercentEncoding())
        }
        // password=value in a query string or keyword list, quoted or not, even when malformed.
        var searchStart = conninfo.startIndex
        while let match = conninfo[searchStart...].range(ofCaseInsensitive: "password") {
            var cursor = match.upperBound
            searchStart = cursor
            while cursor < conninfo.endIndex, conninfo[cursor] == " " || conninfo[cursor] == "=" {
                cursor = conninfo.index(after: cursor)
            }
            var end = cursor
            if cursor < conninfo.endIndex, conninfo[cursor] == "'" {
                cursor = conninfo.index(after: cursor)
                end = cursor
                while end < conninfo.endIndex, conninfo[end] != "'" { end = conninfo.index(after: end) }
            } else {
                while end < conninfo.endIndex, !conninfo[end].isWhitespace, conninfo[end] != "&" {
                    end = conninfo.index(after: end)
                }
            }
            if cursor < end {
                let raw = String(conninfo[cursor..<end])
                found.insert(raw)
                found.insert(raw.removingPercentEncoding())
            }
        }
        return found
    }
}
