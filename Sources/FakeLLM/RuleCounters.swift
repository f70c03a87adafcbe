import Synchronization

/// How often each rule has answered, shared by all connection threads.
///
/// Faults and normal replies are counted apart: a rule with `"times": 1` and `"replies": ["a", "b"]`
/// answers error, "a", "b", "b", … so a retried request still sees the first reply.
final class RuleCounters: Sendable {
    /// What one request of a rule gets.
    enum Turn {
        case fault(Fault)
        /// The `n`th normal reply of the rule, 1-based.
        case reply(Int)
    }

    private struct Count {
        var faults = 0
        var replies = 0
    }

    private let counts: Mutex<[Count]>

    init(ruleCount: Int) {
        counts = Mutex(Array(repeating: Count(), count: ruleCount + 1))
    }

    /// Counts one request of the rule at `index` and says whether it is faulted.
    func nextTurn(ruleIndex index: Int, fault: Fault?) -> Turn {
        counts.withLock { counts in
            if let fault, fault.times.map({ counts[index].faults < $0 }) ?? true {
                counts[index].faults += 1
                return .fault(fault)
            }
            counts[index].replies += 1
            return .reply(counts[index].replies)
        }
    }
}
