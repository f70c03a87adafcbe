/// Where a URL keeps its credentials (`scheme://user:password@host/...`), so that every target that
/// must hide them (database locations, libpq messages, endpoint URLs in errors) finds them the same way.
public enum URLCredentials {
    /// The range of `user:password` (or `user`) in the authority of `url`; nil when it has none.
    public static func userInfoRange(in url: String) -> Range<String.Index>? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return nil }
        return rest.startIndex..<at
    }

    /// The range of the password in the user info, as written (percent-encoded); nil when there is none.
    public static func passwordRange(in url: String) -> Range<String.Index>? {
        guard let userInfo = userInfoRange(in: url), let colon = url[userInfo].firstIndex(of: ":") else {
            return nil
        }
        return url.index(after: colon)..<userInfo.upperBound
    }
}
