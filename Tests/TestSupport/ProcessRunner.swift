import Foundation

/// Runs a command to completion and captures its output, for end-to-end tests.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

public enum ProcessRunner {
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // An empty value removes the variable (e.g. "NO_COLOR": "" to let colour through).
        for (k, v) in environment { env[k] = v.isEmpty ? nil : v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension ProcessRunner {
    /// gzip-compresses bytes with the system's gzip, for serving Content-Encoding: gzip.
    public static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = try TestPaths.temporaryDirectory("gzip")
        let file = directory.appendingPathComponent("body")
        try Data(bytes).write(to: file)
        let result = try run(URL(fileURLWithPath: "/bin/gzip"), ["-9", "-k", file.path])
        guard result.status == 0 else { throw POSIXError(.EIO) }
        return Array(try Data(contentsOf: directory.appendingPathComponent("body.gz")))
    }
}
