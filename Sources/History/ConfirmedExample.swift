/// A turn the user confirmed as right (`\good`, `--remember`): a row of `chat_examples`.
///
/// Only a person makes one, never datachat on its own: an example is shown to the model on later questions,
/// so a saved one is a way to steer every later answer about that database.
public struct ConfirmedExample: Sendable, Hashable {
    /// The assistant message whose SQL answered the question.
    public var messageID: String
    public var sessionID: String
    /// The analysed database, password removed, as its session stores it: examples never cross databases.
    public var dataSource: String
    public var question: String
    public var sql: String
    public var confirmedAt: String

    public init(
        messageID: String, sessionID: String, dataSource: String, question: String, sql: String, confirmedAt: String
    ) {
        self.messageID = messageID
        self.sessionID = sessionID
        self.dataSource = dataSource
        self.question = question
        self.sql = sql
        self.confirmedAt = confirmedAt
    }
}
