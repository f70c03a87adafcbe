import Basics
import FoundationEssentials
import SQLGuard

/// A prompt the model sees, with `{{name}}` placeholders filled in at each turn.
///
/// Templates live in prompts/ so that people can read and tune what the model is told without
/// touching code; prompts/README.md lists each placeholder.
public struct PromptTemplate: Sendable, Hashable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Reads `name` from `directory`.
    public static func load(_ name: String, from directory: String) throws(AssistantError) -> PromptTemplate {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AssistantError(
                .configuration, "the prompt template \(path) is missing: set DATACHAT_PROMPTS_DIR to a prompts folder")
        }
        return PromptTemplate(name: name, text: String(decoding: data, as: UTF8.self))
    }

    /// The text with each `{{key}}` replaced; unknown placeholders are left as they are.
    public func render(_ values: [String: String]) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let key = afterOpen[..<close.lowerBound].trimmed()
            if let value = values[key] {
                output += value
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        return output + rest
    }
}

/// The templates the assistant fills in, loaded once from the prompts folder.
public struct PromptSet: Sendable {
    /// Sets the scene: dialect, schema, table notes, rules for the answer.
    public var system: PromptTemplate
    /// Sent after a rejected or failed SQL, with the error, to ask for a corrected query.
    public var repair: PromptTemplate
    /// Sets the scene for `\explain`: put a query into plain words, with the schema and notes to hand.
    public var explain: PromptTemplate
    /// The dialect notes for the system prompt: a `## SQLite` and a `## PostgreSQL` section.
    public var dialects: PromptTemplate
    /// The question as the model receives it, with today's date: the last, changing part of a request.
    public var question: PromptTemplate
    /// The table notes' definitions that a question uses, put before it in question.md.
    public var definitions: PromptTemplate

    public init(
        system: PromptTemplate, repair: PromptTemplate, explain: PromptTemplate,
        dialects: PromptTemplate, question: PromptTemplate, definitions: PromptTemplate
    ) {
        self.system = system
        self.repair = repair
        self.explain = explain
        self.dialects = dialects
        self.question = question
        self.definitions = definitions
    }

    public static func load(from directory: String) throws(AssistantError) -> PromptSet {
        PromptSet(
            system: try .load("system.md", from: directory), repair: try .load("repair.md", from: directory),
            explain: try .load("explain.md", from: directory), dialects: try .load("dialects.md", from: directory),
            question: try .load("question.md", from: directory),
            definitions: try .load("definitions.md", from: directory))
    }
}

extension PromptSet {
    /// The section of dialects.md for `dialect`, without its heading; empty when the file has none.
    public func dialectNotes(for dialect: SQLDialect) -> String {
        var lines: [Substring] = []
        var inSection = false
        for line in dialects.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                inSection = line.dropFirst(3).trimmed().lowercased() == dialect.displayName.lowercased()
            } else if inSection {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n").trimmed()
    }
}
