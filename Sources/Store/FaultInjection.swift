#if canImport(Glibc)
import Glibc
#endif

/// Crash points for the crash-safety tests: `FEEDWATCH_FAULT=log-written:0.5,log-partial:0.3`
/// makes the process SIGKILL itself at those points with those probabilities, so the tests
/// hit the narrow windows (after the fsync, before the mark; half-way through a line) every
/// run instead of by luck. Unset (always, outside tests) it costs one dictionary lookup.
enum FaultInjection {
    enum Point: String {
        /// Alerts appended and fsynced, not yet marked written.
        case logWritten = "log-written"
        /// Half of the pending lines written, then death.
        case logPartial = "log-partial"
        /// A poll committed (entries seen, alerts in the outbox), log not yet written.
        case recorded = "recorded"
    }

    private static let probabilities: [String: Double] = {
        guard let spec = getenv("FEEDWATCH_FAULT").map({ String(cString: $0) }) else { return [:] }
        var out: [String: Double] = [:]
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: ":")
            if parts.count == 2, let p = Double(parts[1]) { out[String(parts[0])] = p }
        }
        return out
    }()

    static var isActive: Bool { !probabilities.isEmpty }

    static func shouldCrash(at point: Point) -> Bool {
        guard let p = probabilities[point.rawValue] else { return false }
        return Double.random(in: 0..<1) < p
    }

    static func crash(at point: Point) {
        if shouldCrash(at: point) { die() }
    }

    static func die() -> Never {
        raise(SIGKILL)
        fatalError("unreachable: SIGKILL cannot be caught")
    }
}
