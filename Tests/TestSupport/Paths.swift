import Foundation

/// Where things are when tests run from the package.
public enum TestPaths {
    /// The package root, found from this source file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static func sample(_ name: String) -> URL {
        packageRoot.appendingPathComponent("config/samples").appendingPathComponent(name)
    }

    public static func sampleBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: sample(name)))
    }

    /// The `feedwatch` binary that `swift build` made next to the test bundle.
    public static var feedwatchBinary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // The test runner may sit inside a bundle directory (x.xctest/...): walk up to the build dir.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("feedwatch")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/feedwatch")
    }

    /// A fresh, empty directory for one test.
    public static func temporaryDirectory(_ label: String = "feedwatch-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
