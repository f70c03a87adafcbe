/// The words two questions are compared by: lower-cased runs of letters and digits, common English function
/// words dropped, and endings folded so that "orders", "ordered" and "ordering" meet.
///
/// Deliberately light: the folding need not produce real words, only the same stem for the forms an analyst
/// writes, and it has to run on a laptop with no model and no embeddings. Text is scanned as UTF-8 bytes
/// (ASCII the fast way, other scripts through `Character`), since indexing 10,000 examples must stay quick.
enum SearchTerms {
    /// The terms of `text`, in order, repeats kept (they count in the ranking).
    static func terms(_ text: String) -> [String] {
        terms(of: words(text))
    }

    /// The terms among `words`: stop words and single letters dropped, ASCII words stemmed.
    static func terms(of words: [(word: String, isASCII: Bool)]) -> [String] {
        words.compactMap { word, isASCII in
            guard !stopWords.contains(word), word.utf8.count > 1 || word.first?.isNumber == true else { return nil }
            return isASCII ? stem(word) : word
        }
    }

    /// The lower-cased words of `text`, nothing dropped or folded, each with whether it is plain ASCII.
    static func words(_ text: String) -> [(word: String, isASCII: Bool)] {
        var words: [(word: String, isASCII: Bool)] = []
        forEachWord(in: text, keepingUnderscores: false) { words.append(($0, $1)) }
        return words
    }

    /// The terms an identifier is made of: `ordered_at` -> [order], `PetType` -> [pet, type].
    static func nameTerms(_ identifier: String) -> [String] {
        var spaced = ""
        var previousWasLower = false
        for character in identifier {
            // camelCase: a capital after a small letter starts a new part.
            if character.isUppercase, previousWasLower { spaced.append(" ") }
            spaced.append(character)
            previousWasLower = character.isLowercase
        }
        return terms(spaced)
    }

    /// Calls `body` with each lower-cased word of `text` and whether it is plain ASCII. A word is a run of
    /// ASCII letters and digits (and `_` when `keepingUnderscores`); a run holding other bytes is split again
    /// by `Character` (letters and numbers of any script), so "São" is one word and "customer’s" two.
    static func forEachWord(in text: String, keepingUnderscores: Bool, _ body: (String, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var isASCII = true
            var index = 0
            func emit(until end: Int) {
                defer {
                    start = end + 1
                    isASCII = true
                }
                guard end > start else { return }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if isASCII {
                    body(
                        String(unsafeUninitializedCapacity: run.count) { buffer in
                            for (offset, byte) in run.enumerated() {
                                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                            }
                            return run.count
                        }, true)
                    return
                }
                var word = ""
                for character in String(decoding: run, as: UTF8.self).lowercased() {
                    if character.isLetter || character.isNumber || (keepingUnderscores && character == "_") {
                        word.append(character)
                    } else if !word.isEmpty {
                        body(word, word.utf8.allSatisfy { $0 < 0x80 })
                        word = ""
                    }
                }
                if !word.isEmpty { body(word, word.utf8.allSatisfy { $0 < 0x80 }) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    isASCII = false
                } else if !Self.isWordByte(byte, keepingUnderscores: keepingUnderscores) {
                    emit(until: index)
                }
                index += 1
            }
            emit(until: bytes.count)
        }
    }

    @inline(__always) static func isWordByte(_ byte: UInt8, keepingUnderscores: Bool) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || (keepingUnderscores && (byte == 0x5F || byte == 0x24))
    }

    /// Folds plural, past, gerund and adverb endings and a final e or y, in that order, keeping a stem of at
    /// least three or four letters so that short words survive whole. ASCII letters only; anything else is
    /// returned as it is.
    static func stem(_ word: String) -> String {
        var stem = Array(word.utf8)
        guard stem.count > 3, stem.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard stem.count >= count else { return false }
            return suffix.withUTF8Buffer { stem[(stem.count - count)...].elementsEqual($0) }
        }
        // Plurals: categories -> category, classes -> class, boxes -> box, orders -> order; not status, analysis.
        if ends("ies"), stem.count > 4 {
            stem.removeLast(3)
            stem.append(UInt8(ascii: "y"))
        } else if ends("sses") || ends("xes") || ends("ches") || ends("shes") {
            stem.removeLast(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            stem.removeLast()
        }
        // ordered, ordering -> order; shipped, shipping -> ship.
        let ending = ends("ing") ? 3 : ends("ed") ? 2 : 0
        if ending > 0, stem.count - ending >= 3 {
            stem.removeLast(ending)
            // A doubled final consonant goes too (shipp -> ship), but not ll, ss, zz (called, passed).
            if stem.count > 3, let last = stem.last, stem[stem.count - 2] == last, !isVowelOrLSZ(last) {
                stem.removeLast()
            }
        }
        // monthly -> month; then delivery -> deliver (as delivered), create -> creat (as created).
        if ends("ly"), stem.count - 2 >= 4 { stem.removeLast(2) }
        if ends("y"), stem.count - 1 >= 4 { stem.removeLast() }
        if ends("e"), stem.count - 1 >= 3 { stem.removeLast() }
        return String(decoding: stem, as: UTF8.self)
    }

    @inline(__always) static func isVowelOrLSZ(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z"):
            true
        default: false
        }
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
