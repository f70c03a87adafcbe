import Basics

/// Hand-written JSON for the hot path.
///
/// The replies are a few fixed shapes; writing them as text skips building a Foundation object graph
/// and serializing it on every request and every streamed delta.
extension JSONText {
    /// `text` quoted, or `null` when absent.
    static func quotedOrNull(_ text: String?) -> String {
        text.map(quoted) ?? "null"
    }
}
