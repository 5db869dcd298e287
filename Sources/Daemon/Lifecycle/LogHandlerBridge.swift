import Logging

/// swift-log's handler for swift-service-lifecycle's own messages, so they reach the same
/// stderr lines (journald priorities, control characters stripped) as the daemon's.
struct LogHandlerBridge: LogHandler {
    let sink: Log
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    init(sink: Log) {
        self.sink = sink
        // The lifecycle's info lines ("Starting service") are noise next to ours: debug only.
        logLevel = sink.minimum == .debug ? .debug : .notice
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var text = event.message.description
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        if !merged.isEmpty {
            text += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        sink(Self.level(event.level), "lifecycle: " + text)
    }

    static func level(_ level: Logger.Level) -> Log.Level {
        switch level {
        case .trace, .debug: return .debug
        case .info: return .info
        case .notice: return .notice
        case .warning: return .warning
        case .error, .critical: return .error
        }
    }
}
