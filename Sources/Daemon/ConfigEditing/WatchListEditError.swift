/// Why `watch add` or `watch remove` did nothing: a refusal (a usage or configuration problem,
/// exit 2) or a failure to write (exit 1). Either way no file was changed.
///
/// Its own type rather than `ConfigErrors` because the command line needs the two kinds apart
/// for the exit status, and one message (the editor's) says what happened and what to do.
public struct WatchListEditError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case refused, io }
    public var kind: Kind
    public var message: String
    public var description: String { message }

    static func refused(_ message: String) -> WatchListEditError { WatchListEditError(kind: .refused, message: message) }
    static func io(_ message: String) -> WatchListEditError { WatchListEditError(kind: .io, message: message) }
}
