import Foundation

/// What the server answers: rules tried in order against the last user message, then a default.
///
/// Loaded once at start-up (see `Script+Loading.swift`); immutable afterwards, so every connection thread
/// reads it without locking. The only mutable part, how often each rule has served, is in `RuleCounters`.
struct Script: Sendable {
    var rules: [Rule]
    var fallback: Rule

    /// The index of the rule that answers (`rules.count` for the default).
    func ruleIndex(lastUser: String, system: String) -> Int {
        for (index, rule) in rules.enumerated() {
            if let pattern = rule.match, !pattern.matches(lastUser) { continue }
            if let pattern = rule.matchSystem, !pattern.matches(system) { continue }
            return index
        }
        return rules.count
    }

    func rule(at index: Int) -> Rule {
        index < rules.count ? rules[index] : fallback
    }
}

/// One scripted answer and the faults to inject while giving it.
struct Rule: Sendable {
    var match: Pattern?
    var matchSystem: Pattern?
    /// Served in order, the last one repeating; never empty.
    var replies: [String] = [""]
    var usage = UsageOverride()
    var fault: Fault?
    var delayMs = 0
    /// Characters per streamed delta; `nil` streams about one word per delta.
    var chunkChars: Int?
    var chunkDelayMs = 0
    var stallAfterChars: Int?
    var stallMs = 0
    var truncateAfterChars: Int?
    var malformed = false
    var finishReason: String?
    var noUsage = false
    var reasoning: String?
    var emptyChoices = false
    var keepalive = false
    var omitDone = false
    /// The reply is sent this many times over, end to end: a huge reply from a small script.
    var repeatReply = 1

    /// The reply text for the `n`th normal answer of this rule (1-based), templates filled in.
    func reply(number n: Int, lastUser: String) -> String {
        let template = replies[min(n, replies.count) - 1]
        let text =
            template.contains("{{")
            ? template.replacingOccurrences(of: "{{n}}", with: String(n))
                .replacingOccurrences(of: "{{last_user}}", with: lastUser) : template
        return repeatReply > 1 ? String(repeating: text, count: repeatReply) : text
    }
}

/// Token counts given by the script; absent ones are estimated.
struct UsageOverride: Sendable {
    var promptTokens: Int?
    var completionTokens: Int?
    var totalTokens: Int?
}

/// An HTTP error served instead of the reply, for the first `times` requests (always when `nil`).
struct Fault: Sendable {
    var status: Int
    var body: String?
    var retryAfter: String?
    /// A `Location` header, for redirects.
    var location: String?
    var times: Int?
}

/// A compiled regular expression with its source, for error messages.
///
/// `NSRegularExpression` is immutable and documented as safe to use from several threads at once.
struct Pattern: @unchecked Sendable {
    let source: String
    let regex: NSRegularExpression

    init(_ source: String) throws {
        self.source = source
        self.regex = try NSRegularExpression(pattern: source)
    }

    /// Whether the pattern occurs anywhere in `text` (a search, not a whole-string match).
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
