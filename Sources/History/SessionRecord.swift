/// One saved conversation: a row of `chat_sessions`.
public struct SessionRecord: Sendable, Hashable {
    public var id: String
    public var title: String
    public var createdAt: String
    public var updatedAt: String
    /// The analysed database's location with any password removed.
    public var dataSource: String
    public var dialect: String
    public var model: String
    public var endpointHost: String
    public var userName: String
    public var clientVersion: String
    public var schemaFingerprint: String
    /// The session this one asked again (`datachat replay --reask`); nil for a conversation of its own.
    public var replayOf: String?

    public init(
        id: String, title: String, createdAt: String, updatedAt: String, dataSource: String, dialect: String,
        model: String, endpointHost: String, userName: String, clientVersion: String, schemaFingerprint: String,
        replayOf: String? = nil
    ) {
        self.id = id
        self.title = title
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.dataSource = dataSource
        self.dialect = dialect
        self.model = model
        self.endpointHost = endpointHost
        self.userName = userName
        self.clientVersion = clientVersion
        self.schemaFingerprint = schemaFingerprint
        self.replayOf = replayOf
    }
}
