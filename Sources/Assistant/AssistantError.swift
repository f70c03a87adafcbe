import History

/// A failure of the assistant's own making (configuration, the history store), as a value.
public struct AssistantError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Something datachat was told to use is missing or malformed.
        public static let configuration = Code("configuration")
        /// The history store could not save or read.
        public static let history = Code("history")
        /// `\good` or `--remember` was asked to confirm a turn that is not a right answer to vouch for.
        public static let notConfirmable = Code("not confirmable")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension AssistantError {
    /// Runs `body`, a read of the history store by session id, with its failures as the user reads them: an
    /// unknown or ambiguous id (`SessionLookupError`) is `configuration`, saying what to type instead; any
    /// other failure is `history`; an `AssistantError` thrown by `body` passes through as it is.
    public static func lookingUpSession<T>(_ body: () throws -> T) throws(AssistantError) -> T {
        do {
            return try body()
        } catch let error as AssistantError {
            throw error
        } catch let error as SessionLookupError {
            throw AssistantError(.configuration, error.description)
        } catch {
            throw AssistantError(.history, "cannot read the history store: \(error)")
        }
    }
}
