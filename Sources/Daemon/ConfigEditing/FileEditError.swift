/// An edit that could not be carried out for a reason outside the config's text: a directory
/// that cannot be created, a lock or file that cannot be opened. Distinct from `ConfigErrors`
/// so the command line exits 1 (a runtime failure), not 2 (the user's config is wrong).
public struct FileEditError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
