import Databases
import SQLGuard

/// Walks one statement's queries scope by scope (CTEs, FROM items with their aliases, subqueries) and
/// records each table or column name the schema does not have.
///
/// It reads only what it understands with certainty: a parenthesised join, a table function or a
/// system catalogue makes the names it might provide unknown, and an unknown name is then let through.
/// A missed mistake costs a database error and a repair; a false one would refuse an honest query.
final class ReferenceResolver {
    /// A table a fix joins to a FROM item. One table joined to two items under one name would be an error
    /// of the fix's own making; a bare name it shares with the query's tables must then say which it means.
    struct AddedJoin {
        /// The reference of the problem whose fix adds the join (and qualifies the shared names).
        var reference: String
        /// The scope whose FROM clause gains the table.
        var scope: QueryScope
        /// The table's key.
        var table: String
        /// `FromClause.start` of the item it is joined to.
        var item: Int
        /// The keys of its columns.
        var columns: Set<String>
    }

    struct Token {
        let kind: SQLToken.Kind
        let text: Substring
        let offset: Int
        /// The word upper-cased; "" for other kinds.
        let upper: String
        /// What a word or a quoted identifier names.
        let name: WrittenName?
    }

    enum TableLookup {
        case found(Table)
        case missing
        /// Not the schema's to say: a system catalogue, another schema, an attached database.
        case unknown
    }

    let tokens: [Token]
    /// For each parenthesis, the index of its partner; -1 for other tokens.
    let partner: [Int]
    let schema: Schema
    let rules: NameRules
    private(set) var problems: [ReferenceProblem] = []
    private(set) var tablesUsed: [Table] = []
    /// Every name declared with AS anywhere in the statement: a bare reference to one is never reported
    /// (an output alias used in ORDER BY of a compound query, in SQLite's WHERE, ...).
    private(set) var declaredAliases: Set<String> = []
    /// The tables the fixes join, one entry a table.
    var addedJoins: [AddedJoin] = []
    /// Each bare column name found, with its scope and the FROM item that has it: a table a fix joins
    /// may have a column of that name too, and the name must then say which one it means.
    var foundBareNames: [(index: Int, scope: QueryScope, source: String?)] = []

    /// Nil when the SQL cannot be read with certainty: unbalanced parentheses, an unterminated string.
    init?(sql: String, schema: Schema, dialect: SQLDialect) {
        var list: [Token] = []
        for token in SQLTokenizer(dialect: dialect).tokenize(sql) {
            switch token.kind {
            case .whitespace, .comment, .semicolon: continue
            case .unterminated: return nil
            default: break
            }
            let quoted = token.kind == .quotedIdentifier
            let name = token.identifierText.map {
                WrittenName(
                    text: $0, isQuoted: quoted,
                    isDoubleQuoted: quoted && (token.text.first == "\"" || token.text.dropFirst(2).first == "\""))
            }
            list.append(
                Token(
                    kind: token.kind, text: token.text, offset: token.offset,
                    upper: token.kind == .word ? token.text.uppercased() : "", name: name))
        }
        var partner = Array(repeating: -1, count: list.count)
        var open: [Int] = []
        for index in list.indices where list[index].kind == .symbol {
            if list[index].text == "(" {
                open.append(index)
            } else if list[index].text == ")" {
                guard let start = open.popLast() else { return nil }
                partner[start] = index
                partner[index] = start
            }
        }
        guard open.isEmpty, !list.isEmpty else { return nil }
        tokens = list
        self.partner = partner
        self.schema = schema
        rules = NameRules(dialect: dialect)
        for index in list.indices.dropFirst() where list[index - 1].upper == "AS" {
            if let name = list[index].name { declaredAliases.insert(rules.key(name)) }
        }
    }

    /// Resolves the whole statement; the findings are in `problems` and `tablesUsed`.
    func resolve() {
        var start = 0
        if word(0) == "EXPLAIN" {
            start = 1
            while start < tokens.count {
                if ["QUERY", "PLAN", "ANALYZE", "ANALYSE", "VERBOSE"].contains(word(start)) {
                    start += 1
                } else if isSymbol(start, "("), !startsQuery(start) {
                    start = partner[start] + 1
                } else {
                    break
                }
            }
        }
        _ = query(start..<tokens.count, outer: nil, ctes: [:])
        qualifyNamesAJoinWouldMakeAmbiguous()
    }

    /// `COUNT(DISTINCT order_id) FROM payments` is ambiguous once a fix joins `orders`: each bare name the
    /// joined table also has is qualified with the item it was found in; with no name to qualify it by
    /// (an unnamed subquery), the join is no fix.
    private func qualifyNamesAJoinWouldMakeAmbiguous() {
        for added in addedJoins {
            guard let problem = problems.firstIndex(where: { $0.reference == added.reference }),
                problems[problem].fix != nil
            else { continue }
            for found in foundBareNames where found.scope === added.scope {
                guard let name = tokens[found.index].name, added.columns.contains(rules.key(name)) else { continue }
                guard let qualifier = found.source else {
                    problems[problem].fix = nil
                    break
                }
                problems[problem].fix?.replacements.append(
                    .init(offset: tokens[found.index].offset, length: 0, text: qualifier + "."))
            }
        }
    }

    // MARK: Queries

    /// A query with its WITH clause and set operations; its output is the first part's.
    func query(_ range: Range<Int>, outer: QueryScope?, ctes inherited: [String: QueryOutput]) -> QueryOutput {
        var ctes = inherited
        var index = range.lowerBound
        if word(index) == "WITH" {
            index += 1
            if word(index) == "RECURSIVE" { index += 1 }
            while index < range.upperBound {
                guard let name = tokens[index].name else { return .unknown }
                index += 1
                var listed: [String]?
                if isSymbol(index, "(") {
                    listed = names(inside: index)
                    index = partner[index] + 1
                }
                guard word(index) == "AS" else { return .unknown }
                index += 1
                if word(index) == "NOT" { index += 1 }
                if word(index) == "MATERIALIZED" { index += 1 }
                guard isSymbol(index, "("), partner[index] < range.upperBound else { return .unknown }
                let key = rules.key(name)
                // A recursive CTE sees itself: with its column list, or as unknown until its body is read.
                ctes[key] = listed.map { QueryOutput(columns: $0, isComplete: true) } ?? .unknown
                let body = query((index + 1)..<partner[index], outer: outer, ctes: ctes)
                ctes[key] = listed.map { QueryOutput(columns: $0, isComplete: true) } ?? body
                index = partner[index] + 1
                guard isSymbol(index, ",") else { break }
                index += 1
            }
        }
        var parts: [Range<Int>] = []
        var partStart = index
        while index < range.upperBound {
            if isSymbol(index, "("), partner[index] > index {
                index = partner[index] + 1
                continue
            }
            if SQLWords.setOperators.contains(word(index)) {
                parts.append(partStart..<index)
                index += 1
                if word(index) == "ALL" || word(index) == "DISTINCT" { index += 1 }
                partStart = index
                continue
            }
            index += 1
        }
        parts.append(partStart..<range.upperBound)
        var output: QueryOutput?
        for part in parts {
            let partOutput = simpleQuery(part, outer: outer, ctes: ctes)
            if output == nil { output = partOutput }
        }
        return output ?? .unknown
    }

    /// One part of a compound query: a SELECT, VALUES, PostgreSQL's TABLE, or a parenthesised query.
    private func simpleQuery(_ range: Range<Int>, outer: QueryScope?, ctes: [String: QueryOutput]) -> QueryOutput {
        guard let first = range.first else { return .unknown }
        if isSymbol(first, "("), partner[first] < range.upperBound {
            return query((first + 1)..<partner[first], outer: outer, ctes: ctes)
        }
        switch word(first) {
        case "SELECT":
            return select(range, outer: outer, ctes: ctes)
        case "VALUES":
            // Names in VALUES rows can only be correlated references; not worth a refusal.
            let scope = QueryScope(parent: outer)
            scope.ctes = ctes
            scope.isCertain = false
            expression(range, scope: scope)
            return .unknown
        case "TABLE":
            guard first + 1 < range.upperBound, let name = tokens[first + 1].name else { return .unknown }
            let scope = QueryScope(parent: outer)
            scope.ctes = ctes
            let source = tableSource([name], nameIndex: first + 1, scope: scope)
            return QueryOutput(columns: source.columns, isComplete: source.isComplete)
        default:
            return .unknown
        }
    }

    /// A SELECT: its FROM clause makes the scope its expressions are checked in.
    private func select(_ range: Range<Int>, outer: QueryScope?, ctes: [String: QueryOutput]) -> QueryOutput {
        let scope = QueryScope(parent: outer)
        scope.ctes = ctes
        var bounds: [(word: String, index: Int)] = []
        var index = range.lowerBound + 1
        while index < range.upperBound {
            if isSymbol(index, "("), partner[index] > index {
                index = partner[index] + 1
                continue
            }
            let current = word(index)
            if SQLWords.clauses.contains(current) {
                let isClause: Bool
                switch current {
                // `a IS DISTINCT FROM b` has a FROM of its own.
                case "FROM": isClause = bounds.isEmpty && word(index - 1) != "DISTINCT"
                case "GROUP", "ORDER": isClause = word(index + 1) == "BY"
                default: isClause = true
                }
                if isClause { bounds.append((current, index)) }
            }
            index += 1
        }
        var listStart = range.lowerBound + 1
        var expressions: [Range<Int>] = []
        if word(listStart) == "ALL" {
            listStart += 1
        } else if word(listStart) == "DISTINCT" {
            listStart += 1
            if word(listStart) == "ON", isSymbol(listStart + 1, "(") {
                expressions.append((listStart + 1)..<(partner[listStart + 1] + 1))
                listStart = partner[listStart + 1] + 1
            }
        }
        let listEnd = bounds.first?.index ?? range.upperBound
        for (position, bound) in bounds.enumerated() {
            let end = position + 1 < bounds.count ? bounds[position + 1].index : range.upperBound
            if bound.word == "FROM" {
                from((bound.index + 1)..<end, scope: scope, conditions: &expressions)
            } else {
                expressions.append(bound.index..<end)
            }
        }
        let (output, aliases) = outputs(listStart..<max(listStart, listEnd), scope: scope)
        scope.outputNames = Set(aliases.map { rules.key(stored: $0) })
        expression((range.lowerBound)..<max(listStart, listEnd), scope: scope)
        for range in expressions { expression(range, scope: scope) }
        return output
    }

    /// The names a select list gives its columns, and those of them that are aliases (AS, or a name
    /// right after an expression).
    private func outputs(_ range: Range<Int>, scope: QueryScope) -> (QueryOutput, aliases: [String]) {
        var output = QueryOutput(columns: [], isComplete: true)
        var aliases: [String] = []
        for item in split(range) {
            guard let last = item.last else { continue }
            let count = item.count
            if count >= 2, word(last - 1) == "AS", let name = tokens[last].name {
                output.columns.append(rules.stored(name))
                aliases.append(rules.stored(name))
            } else if count == 1, isSymbol(last, "*") {
                for source in scope.sources {
                    output.columns += source.columns
                    if !source.isComplete { output.isComplete = false }
                }
            } else if count == 3, isSymbol(item.lowerBound + 1, "."), isSymbol(last, "*"),
                let qualifier = tokens[item.lowerBound].name,
                let source = scope.sources.first(where: { $0.reference.map(rules.key) == rules.key(qualifier) })
            {
                output.columns += source.columns
                if !source.isComplete { output.isComplete = false }
            } else if let name = tokens[last].name, isPlainName(last),
                count == 1 || (count == 3 && isSymbol(last - 1, ".")) || (count >= 2 && !isOperandPosition(last))
            {
                // A column (`x`, `t.x`), or an alias without AS (`count(*) total`).
                output.columns.append(rules.stored(name))
                if count >= 2 && !isSymbol(last - 1, ".") { aliases.append(rules.stored(name)) }
            } else {
                output.isComplete = false
            }
        }
        return (output, aliases)
    }

    // MARK: FROM

    /// Reads the FROM items into `scope`; ON and USING conditions and table-function arguments are
    /// left in `conditions` to check once every item is known.
    private func from(_ range: Range<Int>, scope: QueryScope, conditions: inout [Range<Int>]) {
        var index = range.lowerBound
        let end = range.upperBound
        var joinStart: Int?
        var isOuter = false
        while index < end {
            let current = word(index)
            if isSymbol(index, ",") {
                (joinStart, isOuter) = (nil, false)
                index += 1
                continue
            }
            if SQLWords.joinWords.contains(current) && !isSymbol(index + 1, "(") {
                joinStart = joinStart ?? index
                if ["LEFT", "RIGHT", "FULL"].contains(current) { isOuter = true }
                index += 1
                continue
            }
            if current == "ON" {
                let start = index
                index += 1
                while index < end, !isSymbol(index, ","),
                    !(SQLWords.joinWords.contains(word(index)) && !isSymbol(index + 1, "("))
                {
                    index = isSymbol(index, "(") && partner[index] > index ? partner[index] + 1 : index + 1
                }
                conditions.append(start..<index)
                if let last = scope.sources.indices.last {
                    scope.sources[last].clause?.on = start
                    scope.sources[last].clause?.end = index
                }
                continue
            }
            if current == "USING", isSymbol(index + 1, "(") {
                conditions.append((index + 1)..<(partner[index + 1] + 1))
                index = partner[index + 1] + 1
                if let last = scope.sources.indices.last { scope.sources[last].clause?.end = index }
                continue
            }
            guard let next = fromItem(at: index, end: end, scope: scope, conditions: &conditions) else {
                scope.isCertain = false
                return
            }
            scope.sources[scope.sources.count - 1].clause = FromClause(
                start: joinStart ?? index, on: nil, end: next, isOuter: isOuter)
            (joinStart, isOuter) = (nil, false)
            index = next
        }
    }

    /// One FROM item with its alias; the index after it, or nil when it is not understood.
    private func fromItem(at start: Int, end: Int, scope: QueryScope, conditions: inout [Range<Int>]) -> Int? {
        var index = start
        var source: QuerySource
        if isSymbol(index, "(") {
            let close = partner[index]
            if startsQuery(index) {
                // Earlier items are visible, as to a LATERAL subquery: a reference to one is never reported.
                let output = query((index + 1)..<close, outer: scope, ctes: scope.ctes)
                source = QuerySource(reference: nil, table: nil, columns: output.columns, isComplete: output.isComplete)
            } else {
                // A parenthesised join: its aliases are not read.
                scope.isCertain = false
                source = QuerySource(reference: nil, table: nil, columns: [], isComplete: false)
            }
            index = close + 1
        } else if let first = tokens[index].name,
            tokens[index].kind == .quotedIdentifier || !SQLWords.afterFromItem.contains(word(index))
        {
            var parts = [first]
            var nameIndex = index
            index += 1
            while isSymbol(index, "."), index + 1 < end, let part = tokens[index + 1].name {
                parts.append(part)
                nameIndex = index + 1
                index += 2
            }
            if isSymbol(index, "(") {
                conditions.append(index..<(partner[index] + 1))
                source = QuerySource(reference: parts.last, table: nil, columns: [], isComplete: false)
                source.referenceSpelling = String(tokens[nameIndex].text)
                index = partner[index] + 1
                if word(index) == "WITH", word(index + 1) == "ORDINALITY" { index += 2 }
            } else {
                source = tableSource(parts, nameIndex: nameIndex, scope: scope)
            }
        } else {
            return nil
        }
        if word(index) == "AS" {
            guard index + 1 < end, let alias = tokens[index + 1].name else { return nil }
            source.reference = alias
            source.referenceSpelling = String(tokens[index + 1].text)
            index += 2
        } else if index < end, let alias = tokens[index].name,
            tokens[index].kind == .quotedIdentifier
                || (!SQLWords.afterFromItem.contains(word(index)) && !SQLWords.keywords.contains(word(index)))
        {
            source.reference = alias
            source.referenceSpelling = String(tokens[index].text)
            index += 1
        }
        if isSymbol(index, "("), partner[index] < end {
            source.columns = names(inside: index)
            source.isComplete = true
            index = partner[index] + 1
        }
        if word(index) == "INDEXED", word(index + 1) == "BY" { index += 3 }
        if word(index) == "NOT", word(index + 1) == "INDEXED" { index += 2 }
        scope.sources.append(source)
        // What may follow an item: the next one, a join, its condition, or the end.
        guard
            index >= end || isSymbol(index, ",") || SQLWords.joinWords.contains(word(index))
                || word(index) == "ON" || word(index) == "USING"
        else { return nil }
        return index
    }

    /// A named table: a CTE, one of the schema's, something the check cannot know, or a missing one.
    func tableSource(_ parts: [WrittenName], nameIndex: Int, scope: QueryScope) -> QuerySource {
        let name = parts[parts.count - 1]
        let spelling = String(tokens[nameIndex].text)
        if parts.count == 1, let cte = scope.ctes[rules.key(name)] {
            return QuerySource(
                reference: name, referenceSpelling: spelling, table: nil, columns: cte.columns,
                isComplete: cte.isComplete)
        }
        switch lookup(parts) {
        case .found(let table):
            if !tablesUsed.contains(table) { tablesUsed.append(table) }
            return QuerySource(
                reference: name, referenceSpelling: spelling, table: table, columns: table.columns.map(\.name),
                isComplete: true)
        case .unknown:
            return QuerySource(reference: name, referenceSpelling: spelling, table: nil, columns: [], isComplete: false)
        case .missing:
            reportMissingTable(parts, at: nameIndex)
            return QuerySource(reference: name, referenceSpelling: spelling, table: nil, columns: [], isComplete: false)
        }
    }

    private func lookup(_ parts: [WrittenName]) -> TableLookup {
        let name = parts[parts.count - 1]
        var candidates = schema.tables
        switch parts.count {
        case 1:
            let lower = name.text.lowercased()
            if lower.hasPrefix("sqlite_") || lower.hasPrefix("pg_") || lower.hasPrefix("pragma_") { return .unknown }
        case 2 where rules.dialect == .sqlite:
            guard parts[0].text.lowercased() == "main" else { return .unknown }
        case 2:
            let schemaKey = rules.key(parts[0])
            candidates = candidates.filter { $0.schemaName.map { rules.key(stored: $0) } == schemaKey }
            if candidates.isEmpty { return .unknown }
        default:
            return .unknown
        }
        let key = rules.key(name)
        return candidates.first { rules.key(stored: $0.name) == key }.map { .found($0) } ?? .missing
    }

    // MARK: Tokens

    func word(_ index: Int) -> String {
        index >= 0 && index < tokens.count ? tokens[index].upper : ""
    }

    func isSymbol(_ index: Int, _ text: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .symbol && tokens[index].text == text
    }

    /// Whether the parenthesis at `open` holds a query rather than an expression or a join.
    func startsQuery(_ open: Int) -> Bool {
        let first = open + 1
        guard partner[open] > first else { return false }
        if ["SELECT", "WITH", "VALUES"].contains(word(first)) { return true }
        return isSymbol(first, "(") && startsQuery(first)
    }

    /// A word that is not a keyword, or a quoted name.
    func isPlainName(_ index: Int) -> Bool {
        tokens[index].kind == .quotedIdentifier
            || (tokens[index].kind == .word && !SQLWords.keywords.contains(tokens[index].upper))
    }

    /// Whether a name at `index` stands where an operand does (after an operator, a comma, an opening
    /// parenthesis or a keyword like WHERE), rather than as an alias, a type or a keyword's argument.
    func isOperandPosition(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .symbol: return ![":", ")", "]", "."].contains(previous.text)
        case .word: return SQLWords.beforeOperand.contains(previous.upper)
        default: return false
        }
    }

    /// The stored names in a parenthesised list of names: `(a, b, "C")`.
    private func names(inside open: Int) -> [String] {
        ((open + 1)..<partner[open]).compactMap { tokens[$0].name.map(rules.stored) }
    }

    /// `range` split at its top-level commas.
    private func split(_ range: Range<Int>) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if isSymbol(index, "("), partner[index] > index {
                index = partner[index] + 1
                continue
            }
            if isSymbol(index, ",") {
                items.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound { items.append(start..<range.upperBound) }
        return items
    }

    /// Keeps one problem per wrong reference; a repeat of it adds its own replacement to the fix, so
    /// that every occurrence is fixed (`re_gion` in SELECT and in GROUP BY).
    func record(_ problem: ReferenceProblem) {
        guard let index = problems.firstIndex(where: { $0.reference == problem.reference && $0.kind == problem.kind })
        else {
            problems.append(problem)
            return
        }
        if let extra = problem.fix?.replacements, let known = problems[index].fix?.replacements {
            // A name read twice (a `DISTINCT ON` list is seen by the select list too) is replaced once:
            // two replacements at one offset would corrupt the SQL.
            problems[index].fix?.replacements += extra.filter { new in !known.contains { $0.offset == new.offset } }
        } else {
            problems[index].fix = nil
        }
    }
}
