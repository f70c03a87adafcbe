import Databases

/// The SQLite file a store was opened on, by identity, so a write notices when the path no longer leads
/// to it: deleted (with its -wal and -shm) or replaced while datachat ran. Without this, later turns went
/// to the unlinked file and vanished at exit while `\history` still showed them.
struct StoreFile {
    let path: String
    var identity: FileIdentity?
    /// The write-ahead log's identity once it exists; it lives as long as the connection.
    var log: FileIdentity?

    init(path: String) {
        self.path = path
        identity = FileIdentity(path: path)
        log = FileIdentity(path: path + "-wal")
    }
}

extension HistoryStore {
    /// Runs a write on the file the path names now, first reopening the store when that file changed.
    func write<T>(_ body: () throws -> T) throws -> T {
        try followFile()
        let value = try body()
        if file?.log == nil, let path = file?.path { file?.log = FileIdentity(path: path + "-wal") }
        return value
    }

    /// Checks the path's device and inode (and the log's) against the open file's, and when they differ
    /// moves the store to a file at the path again, without losing what was saved:
    /// - the file is gone: everything the open connection still sees is written to a new file there
    ///   (`VACUUM INTO`), which is then opened;
    /// - another file took its place: that one is opened (migrated if need be) and the sessions this
    ///   process wrote are copied into it;
    /// - only the -wal was deleted: its turns are checkpointed into the file and a new log started.
    func followFile() throws {
        guard let file, let old = database as? SQLiteDatabase else { return }
        let now = FileIdentity(path: file.path)
        let logNow = FileIdentity(path: file.path + "-wal")
        if now == file.identity, file.log == nil || logNow == file.log { return }
        let notice: String
        if now == nil {
            FileIdentity.createPrivateFile(at: file.path)
            try old.execute("VACUUM INTO $1", parameters: [.text(file.path)])
            notice = "the history file \(file.path) was deleted while datachat ran: recreated it with every turn saved"
        } else if now != file.identity {
            notice =
                "the history file \(file.path) was replaced while datachat ran: saving to the new file, with this run's sessions copied into it"
        } else {
            try old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            notice =
                "the history log \(file.path)-wal was deleted while datachat ran: its turns were written into the file and a new log started"
        }
        let fresh = try SQLiteDatabase(path: file.path, access: .readWrite)
        try Self.prepare(fresh)
        if now == nil { try fresh.execute(Self.rebuildSearchIndex) }
        if now != nil, now != file.identity { try copySessions(from: old, to: fresh) }
        // Closing the old connection must not delete the new file's -wal and -shm, which have its names.
        old.keepLogFilesOnClose()
        database = fresh
        self.file = StoreFile(path: file.path)
        onNotice?(notice)
    }

    /// Copies the sessions this process wrote, with their messages, into `target` where it lacks them.
    private func copySessions(from source: any Database, to target: any Database) throws {
        try target.transaction {
            for id in sessionsWritten.sorted() {
                guard let session = try Self.session(id: id, in: source),
                    try target.fetchAll("SELECT 1 FROM chat_sessions WHERE id = $1", parameters: [.text(id)])
                        .rows.isEmpty
                else { continue }
                try Self.insert(session, into: target)
                for message in try Self.messages(sessionID: id, in: source) {
                    try Self.insertRecord(message, into: target)
                }
            }
        }
    }
}
