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
