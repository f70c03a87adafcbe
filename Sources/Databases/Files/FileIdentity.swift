#if canImport(Glibc)
    import Glibc
#endif

/// A file as the kernel knows it: device and inode, the same whichever path, link or `..` reaches it.
///
/// Two paths name one database exactly when their identities are equal, and a path whose identity has
/// changed since a file was opened no longer leads to that file (it was deleted or replaced).
///
/// https://man7.org/linux/man-pages/man2/stat.2.html
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file at `path`, following symbolic links; nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// Creates an empty file readable and writable by its owner only (0600), unless one is there already,
    /// so a store SQLite creates next (and its -wal and -shm, which take the file's mode) is private.
    public static func createPrivateFile(at path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }
}
