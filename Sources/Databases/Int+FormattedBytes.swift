extension Int {
    /// 16 MiB, 512 KiB, 300 bytes: a byte limit as a user would write it.
    var formattedBytes: String {
        if self >= 1_048_576, self % 1_048_576 == 0 { return "\(self / 1_048_576) MiB" }
        if self >= 1_024, self % 1_024 == 0 { return "\(self / 1_024) KiB" }
        return "\(self) bytes"
    }
}
