import Foundation
import Daemon

enum ProcessEnvironment {
    /// `$FEEDWATCH_CONFIG`, else the system config.
    static var defaultConfigPath: String {
        ProcessInfo.processInfo.environment["FEEDWATCH_CONFIG"] ?? Config.defaultPath
    }

    static var isTerminal: Bool { isatty(1) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var useColor: Bool {
        isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// Errors a command reports with its exit status: 2 for usage and configuration, 1 otherwise.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let code: Int32
    var description: String { message }

    static func config(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 2) }
    static func runtime(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 1) }
}

/// Prints a failure on stderr and exits with its code.
func exitWith(_ error: any Error) -> Never {
    let code: Int32
    let message: String
    switch error {
    case let failure as CommandFailure:
        code = failure.code; message = failure.message
    case let errors as ConfigErrors:
        code = 2; message = errors.description
    default:
        code = 1; message = "\(error)"
    }
    let text = "feedwatch: " + TerminalText.clean(message, keepNewlines: true) + "\n"
    FileHandle.standardError.write(Data(text.utf8))
    exit(code)
}
