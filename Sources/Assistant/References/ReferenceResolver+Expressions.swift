import Databases

/// Names inside expressions: each bare or qualified column is looked up in the scopes around it.
extension ReferenceResolver {
    /// Checks every column reference in `range`; parenthesised queries become scopes of their own.
    func expression(_ range: Range<Int>, scope: QueryScope) {
        var index = range.lowerBound
        while index < range.upperBound {
            if isSymbol(index, "("), partner[index] > index {
                let close = partner[index]
                if startsQuery(index) {
                    _ = query((index + 1)..<close, outer: scope, ctes: scope.ctes)
                } else {
                    expression((index + 1)..<close, scope: scope)
                }
                index = close + 1
            } else if tokens[index].name != nil {
                index = reference(at: index, scope: scope)
            } else {
                index += 1
            }
        }
    }

    /// Looks up the name or chain of names starting at `index`; returns the index after it.
    private func reference(at index: Int, scope: QueryScope) -> Int {
        var parts = [index]
        var end = index + 1
        while isSymbol(end, "."), end + 1 < tokens.count, tokens[end + 1].name != nil {
            parts.append(end + 1)
            end += 2
        }
        // `t.*`, a function call (`f(`, `schema.f(`), a field of a parenthesised value `(x).f`.
        if isSymbol(end, "."), isSymbol(end + 1, "*") { return end + 2 }
        if isSymbol(end, "(") || isSymbol(index - 1, ".") || !isOperandPosition(index) { return end }
        switch parts.count {
        case 1:
            let token = tokens[index]
            if token.kind == .word {
                if SQLWords.keywords.contains(token.upper) { return end }
                // A typed literal: DATE '2024-01-01', x'00ff', timestamptz '...'.
                if index + 1 < tokens.count, tokens[index + 1].kind == .string { return end }
            }
            unqualified(at: index, scope: scope)
        case 2:
            qualified(qualifierAt: parts[0], columnAt: parts[1], scope: scope)
        default:
            break
        }
        return end
    }

    private func unqualified(at index: Int, scope: QueryScope) {
        guard let name = tokens[index].name else { return }
        let key = rules.key(name)
        if declaredAliases.contains(key) { return }
        var certain = true
        for level in scope.chain {
            if level.outputNames.contains(key) { return }
            for source in level.sources {
                if source.columns.contains(where: { rules.key(stored: $0) == key }) {
                    foundBareNames.append((index, level, source.referenceSpelling))
                    return
                }
                // A whole-row reference, or the value of a table function named by its alias.
                if let reference = source.reference, rules.key(reference) == key { return }
                if !source.isComplete { certain = false }
            }
            if !level.isCertain { certain = false }
        }
        // SQLite reads a double-quoted name that is no column as a string literal.
        if rules.dialect == .sqlite && name.isDoubleQuoted { return }
        guard certain else { return }
        let used = scope.chain.flatMap { $0.sources.compactMap(\.table) }
        var problem = ReferenceProblem(
            kind: .column, reference: String(tokens[index].text), name: name.text, qualifiedTable: nil,
            nearest: NearestNames.columns(near: name.text, in: schema, preferring: used), fix: nil)
        // The one column of the scope that is this name once case and underscores are folded.
        let folded = NameRules.folded(name.text)
        let matches = scope.chain.flatMap(\.sources).flatMap { source in
            source.isComplete ? source.columns.filter { NameRules.folded($0) == folded } : []
        }
        if matches.count == 1 {
            let spelling = rules.spelling(of: matches[0])
            problem.fix = fix(replacing: index, with: spelling, "\(tokens[index].text) -> \(spelling)")
        } else {
            // The column of a table one join away from exactly one of this SELECT's tables.
            let joins = scope.sources.compactMap { source in
                source.table.flatMap { joinThrough(to: $0, holding: key, joined: used) }.map { (source, $0) }
            }
            if joins.count == 1, let (source, join) = joins.first {
                problem.joinThrough = join
                let table = rules.spelling(of: join.table)
                problem.fix = bridge(
                    join, to: source, in: scope, seenFrom: scope, for: problem.reference,
                    moving: .init(offset: tokens[index].offset, length: 0, text: table + "."),
                    "\(tokens[index].text) -> \(table).\(tokens[index].text)")
            }
        }
        record(problem)
    }

    private func qualified(qualifierAt qualifierIndex: Int, columnAt columnIndex: Int, scope: QueryScope) {
        guard let qualifier = tokens[qualifierIndex].name, let column = tokens[columnIndex].name else { return }
        let qualifierKey = rules.key(qualifier)
        let columnKey = rules.key(column)
        let written = "\(tokens[qualifierIndex].text).\(tokens[columnIndex].text)"
        var certain = true
        for level in scope.chain {
            for source in level.sources {
                guard let reference = source.reference, rules.key(reference) == qualifierKey else { continue }
                if source.columns.contains(where: { rules.key(stored: $0) == columnKey }) || !source.isComplete {
                    return
                }
                var problem = ReferenceProblem(
                    kind: .column, reference: written, name: column.text,
                    qualifiedTable: source.table?.name ?? reference.text,
                    nearest: NearestNames.columns(near: column.text, in: schema, preferring: used(level)), fix: nil)
                let folded = NameRules.folded(column.text)
                let sameFolded = source.columns.filter { NameRules.folded($0) == folded }
                if sameFolded.count == 1 {
                    let spelling = rules.spelling(of: sameFolded[0])
                    problem.fix = fix(
                        replacing: columnIndex, with: spelling,
                        "\(written) -> \(tokens[qualifierIndex].text).\(spelling)")
                } else {
                    problem.fix = movedQualifier(qualifierIndex, column: columnKey, written: written, level: level)
                }
                if problem.fix == nil, let table = source.table,
                    let join = joinThrough(to: table, holding: columnKey, joined: used(level))
                {
                    problem.joinThrough = join
                    let spelling = rules.spelling(of: join.table)
                    problem.fix = bridge(
                        join, to: source, in: level, seenFrom: scope, for: written,
                        moving: .init(
                            offset: tokens[qualifierIndex].offset, length: tokens[qualifierIndex].text.utf8.count,
                            text: spelling),
                        "\(written) -> \(spelling).\(tokens[columnIndex].text)")
                }
                record(problem)
                return
            }
            if !level.isCertain { certain = false }
        }
        // No such alias: unless it is a column (a composite value) or something unread could declare it.
        guard certain else { return }
        for level in scope.chain {
            for source in level.sources where source.columns.contains(where: { rules.key(stored: $0) == qualifierKey })
            {
                _ = source
                return
            }
        }
        var problem = ReferenceProblem(
            kind: .column, reference: written, name: column.text, qualifiedTable: nil,
            nearest: NearestNames.columns(near: column.text, in: schema, preferring: used(scope)), fix: nil)
        // An alias that names nothing moves to the one table that has the column; a table of the schema
        // the query never joined does not (it needs a join, which is the model's to write).
        if let table = schema.tables.first(where: { rules.key(stored: $0.name) == qualifierKey }) {
            let aliased = scope.chain.flatMap(\.sources).filter { $0.table == table }
            if aliased.count == 1, let alias = aliased[0].referenceSpelling {
                // The table is in the query under an alias, which hides its own name.
                problem.fix = fix(
                    replacing: qualifierIndex, with: alias, "\(written) -> \(alias).\(tokens[columnIndex].text)")
            } else if table.columns.contains(where: { rules.key(stored: $0.name) == columnKey }) {
                problem.unjoinedTable = table.name
            }
        } else {
            problem.fix = movedQualifier(qualifierIndex, column: columnKey, written: written, level: scope)
        }
        record(problem)
    }

    /// The fix that puts the column under the one other source of the same SELECT that has it.
    private func movedQualifier(_ qualifierIndex: Int, column: String, written: String, level: QueryScope)
        -> ReferenceFix?
    {
        let qualifierKey = tokens[qualifierIndex].name.map(rules.key)
        let holders = level.sources.filter { source in
            source.reference.map(rules.key) != qualifierKey && source.isComplete
                && source.columns.contains { rules.key(stored: $0) == column }
        }
        guard holders.count == 1, let spelling = holders[0].referenceSpelling,
            !wouldCompareWithItself(qualifierIndex, qualifier: holders[0].reference.map(rules.key))
        else { return nil }
        let after = "\(spelling).\(written.split(separator: ".").last ?? "")"
        return fix(replacing: qualifierIndex, with: spelling, "\(written) -> \(after)")
    }

    /// True when `x.c` moved under `qualifier` would stand across `=` from `qualifier.c` itself: in
    /// `c.customer_id = oi.customer_id` the join needs another table, and `c.customer_id = c.customer_id`
    /// would run and join everything to everything.
    private func wouldCompareWithItself(_ qualifierIndex: Int, qualifier target: String?) -> Bool {
        let column = qualifierIndex + 2
        guard let target, column < tokens.count, let name = tokens[column].name.map(rules.key) else { return false }
        func isSame(_ start: Int) -> Bool {
            guard start >= 0, start + 2 < tokens.count, tokens[start + 1].text == "." else { return false }
            return tokens[start].name.map(rules.key) == target && tokens[start + 2].name.map(rules.key) == name
        }
        if qualifierIndex >= 4, tokens[qualifierIndex - 1].text == "=", isSame(qualifierIndex - 4) { return true }
        if column + 1 < tokens.count, tokens[column + 1].text == "=", isSame(column + 2) { return true }
        return false
    }

    /// The one table outside the query with a foreign key to or from `table` that has the column (`orders`
    /// for `order_items.customer_id`), and the join to it: `orders.order_id = order_items.order_id`. Asked
    /// only when no alias move fixes the reference; none when two tables of the query hold the column (the
    /// choice is the model's).
    private func joinThrough(to table: Table, holding column: String, joined: [Table]) -> ReferenceProblem.Join? {
        let holds = { (candidate: Table) in candidate.columns.contains { self.rules.key(stored: $0.name) == column } }
        guard joined.filter(holds).count <= 1 else { return nil }
        var joins: [ReferenceProblem.Join] = []
        for other in schema.tables where other.name != table.name && !joined.contains(where: { $0.name == other.name })
        {
            guard holds(other), other.schemaName == table.schemaName else { continue }
            for key in table.foreignKeys where key.references(other) && !key.columns.isEmpty {
                joins.append(.init(table: other.name, lacking: table.name, foreignKey: key, isTablesKey: false))
            }
            for key in other.foreignKeys where key.references(table) && !key.columns.isEmpty {
                joins.append(.init(table: other.name, lacking: table.name, foreignKey: key, isTablesKey: true))
            }
        }
        return joins.count == 1 ? joins[0] : nil
    }

    /// The fix that joins `join.table` to the FROM item `source` by their foreign key and puts the
    /// reference under it (`moving`). An item joined with ON gets the table just before it, its ON the
    /// key (`CROSS JOIN orders JOIN order_items oi ON oi.order_id = orders.order_id AND ...`), so that its
    /// own condition and all that follows see the table; an item first in FROM, after a comma or with
    /// USING gets it right after (`FROM orders JOIN order_items ON ...`). None for an outer join (an inner
    /// join added to it would drop the rows it keeps), a name the reference's scopes use already, or a
    /// table this statement's fixes join to another item.
    private func bridge(
        _ join: ReferenceProblem.Join, to source: QuerySource, in level: QueryScope, seenFrom scope: QueryScope,
        for problem: String, moving reference: ReferenceFix.Replacement, _ description: String
    ) -> ReferenceFix? {
        guard let clause = source.clause, !clause.isOuter, let sourceName = source.referenceSpelling else { return nil }
        let key = rules.key(stored: join.table)
        if scope.chain.flatMap(\.sources).contains(where: { $0.reference.map(rules.key) == key }) { return nil }
        if let earlier = addedJoins.first(where: { $0.table == key }) {
            guard earlier.item == clause.start else { return nil }
        } else {
            guard
                let table = schema.tables.first(where: {
                    $0.name == join.table && $0.schemaName == source.table?.schemaName
                })
            else { return nil }
            addedJoins.append(
                AddedJoin(
                    reference: problem, scope: level, table: key, item: clause.start,
                    columns: Set(table.columns.map { rules.key(stored: $0.name) })))
        }
        let name = rules.spelling(of: join.table)
        let qualified = source.table?.schemaName.flatMap { $0 == "public" ? nil : rules.spelling(of: $0) + "." }
        let written = (qualified ?? "") + name
        let condition = join.condition(table: name, lacking: sourceName, spell: rules.spelling)
        var replacements = [reference]
        if let on = clause.on {
            // `x AND a OR b` would read as `(x AND a) OR b`.
            var hasOr = false
            var index = on + 1
            while index < clause.end {
                if word(index) == "OR" { hasOr = true }
                index = isSymbol(index, "(") && partner[index] > index ? partner[index] + 1 : index + 1
            }
            replacements.append(.init(offset: tokens[clause.start].offset, length: 0, text: "CROSS JOIN \(written) "))
            replacements.append(.init(offset: end(of: on), length: 0, text: " \(condition) AND" + (hasOr ? " (" : "")))
            if hasOr { replacements.append(.init(offset: end(of: clause.end - 1), length: 0, text: ")")) }
        } else {
            replacements.append(
                .init(offset: end(of: clause.end - 1), length: 0, text: " JOIN \(written) ON \(condition)"))
        }
        return ReferenceFix(replacements: replacements, description: description + " (JOIN \(name))")
    }

    /// The UTF-8 offset just past token `index`.
    private func end(of index: Int) -> Int {
        tokens[index].offset + tokens[index].text.utf8.count
    }

    private func used(_ scope: QueryScope) -> [Table] {
        scope.chain.flatMap { $0.sources.compactMap(\.table) }
    }

    private func fix(replacing index: Int, with text: String, _ description: String) -> ReferenceFix {
        ReferenceFix(
            replacements: [.init(offset: tokens[index].offset, length: tokens[index].text.utf8.count, text: text)],
            description: description)
    }

    /// A FROM item naming a table the schema lacks, with the one table it folds to as its fix.
    func reportMissingTable(_ parts: [WrittenName], at nameIndex: Int) {
        let name = parts[parts.count - 1]
        var problem = ReferenceProblem(
            kind: .table, reference: parts.map(\.text).joined(separator: "."), name: name.text, qualifiedTable: nil,
            nearest: NearestNames.tables(near: name.text, in: schema), fix: nil)
        let folded = NameRules.folded(name.text)
        let matches = schema.tables.filter { NameRules.folded($0.name) == folded }
        if matches.count == 1 {
            let spelling = rules.spelling(of: matches[0].name)
            problem.fix = fix(replacing: nameIndex, with: spelling, "\(tokens[nameIndex].text) -> \(spelling)")
        }
        record(problem)
    }
}
