/// The words two questions are compared by: lower-cased letters-and-digits runs, common English function
/// words dropped, and endings folded so that "orders", "ordered" and "ordering" meet.
///
/// Deliberately light: the folding need not produce real words, only the same stem for the forms an analyst
/// writes, and it has to run on a laptop with no model and no embeddings.
enum SearchTerms {
    /// The terms of `text`, in order, repeats kept (they count in the ranking).
    static func terms(_ text: String) -> [String] {
        words(text).compactMap { word in
            guard !stopWords.contains(word), word.count > 1 || word.first?.isNumber == true else { return nil }
            return stem(word)
        }
    }

    /// The terms an identifier is made of: `ordered_at` -> [order], `PetType` -> [pet, type].
    static func nameTerms(_ identifier: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previousWasLower = false
        for character in identifier {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { parts.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            // camelCase: a capital after a small letter starts a new part.
            if character.isUppercase, previousWasLower, !current.isEmpty {
                parts.append(current)
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { parts.append(current) }
        return terms(parts.joined(separator: " "))
    }

    /// Lower-cased runs of letters and digits; an apostrophe ends a word ("customer's" -> customer, s).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Folds plural, past, gerund and adverb endings and a final e or y, in that order, keeping a stem of at
    /// least three or four letters so that short words survive whole.
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter) else { return word }
        var stem = word
        // Plurals: categories -> category, classes -> class, boxes -> box, orders -> order; not status, analysis.
        if stem.hasSuffix("ies"), stem.count > 4 {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.hasSuffix("sses") {
            stem.removeLast(2)
        } else if stem.hasSuffix("xes") || stem.hasSuffix("ches") || stem.hasSuffix("shes") {
            stem.removeLast(2)
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            stem.removeLast()
        }
        // ordered, ordering -> order; shipped, shipping -> ship.
        for ending in ["ing", "ed"] where stem.hasSuffix(ending) && stem.count - ending.count >= 3 {
            stem.removeLast(ending.count)
            if let last = stem.last, stem.count > 3, stem.dropLast().last == last, !"lsz".contains(last),
                !"aeiou".contains(last)
            {
                stem.removeLast()
            }
            break
        }
        // monthly -> month; then delivery -> deliver (as delivered), create -> creat (as created).
        if stem.hasSuffix("ly"), stem.count - 2 >= 4 { stem.removeLast(2) }
        if stem.hasSuffix("y"), stem.count - 1 >= 4 { stem.removeLast() }
        if stem.hasSuffix("e"), stem.count - 1 >= 3 { stem.removeLast() }
        return stem
    }

    /// Words that say nothing about which data a question is after: articles, pronouns, auxiliaries,
    /// prepositions, and the verbs of asking ("show me", "list", "give").
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "by", "for", "to", "from", "with", "into", "and", "or", "but",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had",
        "what", "which", "who", "whom", "whose", "where", "when", "why", "how", "that", "this", "these", "those",
        "there", "here", "it", "its", "i", "me", "my", "we", "us", "our", "you", "your", "they", "them", "their",
        "he", "she", "his", "her", "as", "than", "then", "so", "if", "can", "could", "would", "should", "will",
        "shall", "may", "might", "must", "please", "show", "list", "give", "tell", "find", "get", "want", "need",
        "let", "see", "about", "s", "also", "just", "some", "any", "all", "each", "every", "per",
    ]
}
