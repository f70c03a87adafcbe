import Foundation

/// Why a script was refused: one line naming the file, the rule and the field.
struct ScriptError: Error {
    let message: String
}

extension Script {
    /// Reads and checks a script file; unknown keys are refused so a misspelt fault cannot pass silently.
    static func load(path: String) throws(ScriptError) -> Script {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScriptError(message: "cannot read script \(path): \(error.localizedDescription)")
        }
        return try parse(data, name: path)
    }

    static func parse(_ data: Data, name: String) throws(ScriptError) -> Script {
        let top: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ScriptError(message: "script \(name): the top level must be a JSON object")
            }
            top = object
        } catch let error as ScriptError {
            throw error
        } catch {
            throw ScriptError(message: "script \(name) is not valid JSON: \(error.localizedDescription)")
        }
        let fields = Fields(top, context: "script \(name)")
        try fields.onlyKeys(["rules", "default"])

        var rules: [Rule] = []
        if let value = top["rules"] {
            guard let list = value as? [Any] else { throw fields.error("'rules' must be an array") }
            for (offset, element) in list.enumerated() {
                guard let object = element as? [String: Any] else {
                    throw fields.error("rule \(offset + 1) must be an object")
                }
                let rule = try Rule(Fields(object, context: "script \(name), rule \(offset + 1)"), isDefault: false)
                rules.append(rule)
            }
        }

        var fallback = Rule()
        switch top["default"] {
        case nil: fallback.replies = ["FakeLLM: no rule matched."]
        case let text as String: fallback.replies = [text]
        case let object as [String: Any]:
            fallback = try Rule(Fields(object, context: "script \(name), default"), isDefault: true)
        default: throw fields.error("'default' must be an object or a string")
        }
        return Script(rules: rules, fallback: fallback)
    }
}

extension Rule {
    static let ruleKeys: Set<String> = [
        "match", "match_system", "reply", "replies", "usage", "status", "body", "retry_after", "times",
        "delay_ms", "chunk_bytes", "chunk_delay_ms", "stall_after_chars", "stall_ms", "truncate_after_chars",
        "malformed", "finish_reason", "no_usage", "reasoning", "empty_choices", "keepalive", "omit_done",
        "repeat_reply", "location",
    ]

    fileprivate init(_ fields: Fields, isDefault: Bool) throws(ScriptError) {
        var keys = Rule.ruleKeys
        if isDefault { keys.subtract(["match", "match_system"]) }
        try fields.onlyKeys(keys)
        self.init()

        if !isDefault {
            guard let source = try fields.string("match") else { throw fields.error("'match' is required") }
            match = try fields.pattern(source, key: "match")
            matchSystem = try fields.string("match_system").map { (source) throws(ScriptError) in
                try fields.pattern(source, key: "match_system")
            }
        }

        let reply = try fields.string("reply")
        let replyList = try fields.strings("replies")
        switch (reply, replyList) {
        case (.some, .some): throw fields.error("give 'reply' or 'replies', not both")
        case (let reply?, nil): replies = [reply]
        case (nil, let list?):
            guard !list.isEmpty else { throw fields.error("'replies' must not be empty") }
            replies = list
        case (nil, nil): replies = [""]
        }

        if let usageObject = fields.object["usage"] {
            guard let dictionary = usageObject as? [String: Any] else {
                throw fields.error("'usage' must be an object")
            }
            let usageFields = Fields(dictionary, context: fields.context + ", usage")
            try usageFields.onlyKeys(["prompt_tokens", "completion_tokens", "total_tokens"])
            usage = UsageOverride(
                promptTokens: try usageFields.int("prompt_tokens", minimum: 0),
                completionTokens: try usageFields.int("completion_tokens", minimum: 0),
                totalTokens: try usageFields.int("total_tokens", minimum: 0)
            )
        }

        let status = try fields.int("status", minimum: 200)
        if let status {
            guard status <= 599 else { throw fields.error("'status' must be an HTTP status from 200 to 599") }
            fault = Fault(
                status: status,
                body: try fields.text("body"),
                retryAfter: try fields.text("retry_after"),
                location: try fields.string("location"),
                times: try fields.int("times", minimum: 0)
            )
        } else {
            for key in ["body", "retry_after", "times", "location"] where fields.object[key] != nil {
                throw fields.error("'\(key)' needs 'status'")
            }
        }

        delayMs = try fields.int("delay_ms", minimum: 0) ?? 0
        chunkChars = try fields.int("chunk_bytes", minimum: 1)
        chunkDelayMs = try fields.int("chunk_delay_ms", minimum: 0) ?? 0
        stallAfterChars = try fields.int("stall_after_chars", minimum: 0)
        stallMs = try fields.int("stall_ms", minimum: 0) ?? 0
        truncateAfterChars = try fields.int("truncate_after_chars", minimum: 0)
        malformed = try fields.bool("malformed")
        finishReason = try fields.string("finish_reason")
        noUsage = try fields.bool("no_usage")
        reasoning = try fields.string("reasoning")
        emptyChoices = try fields.bool("empty_choices")
        keepalive = try fields.bool("keepalive")
        omitDone = try fields.bool("omit_done")
        repeatReply = try fields.int("repeat_reply", minimum: 1) ?? 1
    }
}

/// Typed reads of one JSON object of the script, each failure naming where it happened.
private struct Fields {
    let object: [String: Any]
    let context: String

    init(_ object: [String: Any], context: String) {
        self.object = object
        self.context = context
    }

    func error(_ message: String) -> ScriptError {
        ScriptError(message: "\(context): \(message)")
    }

    func onlyKeys(_ allowed: Set<String>) throws(ScriptError) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw error("unknown key '\(unknown)' (known: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func string(_ key: String) throws(ScriptError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw error("'\(key)' must be a string") }
        return text
    }

    func strings(_ key: String) throws(ScriptError) -> [String]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let list = value as? [String] else { throw error("'\(key)' must be an array of strings") }
        return list
    }

    /// A string as given, or any other JSON value as its JSON text (a body may be written as an object).
    func text(_ key: String) throws(ScriptError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let text = value as? String { return text }
        if let number = value as? NSNumber, !isBoolean(number) { return number.stringValue }
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.withoutEscapingSlashes])
        else { throw error("'\(key)' must be a string or JSON") }
        return String(decoding: data, as: UTF8.self)
    }

    func int(_ key: String, minimum: Int) throws(ScriptError) -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, !isBoolean(number), let integer = Int(exactly: number.doubleValue),
            integer >= minimum, integer <= 1_000_000_000
        else { throw error("'\(key)' must be a whole number from \(minimum) to 1000000000") }
        return integer
    }

    func bool(_ key: String) throws(ScriptError) -> Bool {
        guard let value = object[key], !(value is NSNull) else { return false }
        guard let number = value as? NSNumber, isBoolean(number) else { throw error("'\(key)' must be true or false") }
        return number.boolValue
    }

    func pattern(_ source: String, key: String) throws(ScriptError) -> Pattern {
        do {
            return try Pattern(source)
        } catch {
            throw self.error("'\(key)' is not a valid regular expression: \(source)")
        }
    }

    /// JSON `true`/`false` arrive as NSNumbers of type char, on Linux as on Darwin.
    private func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
