import Foundation

/// Waits until `condition` holds or `seconds` pass, checking every 50 ms; its last answer.
///
/// A deadline, not a count of tries: on CI the whole suite shares two cores, a sleep can last
/// many times what it asked for and a `status` child can take a second to start, so a budget
/// counted in tries runs out long before the daemon under test is slow. Wrap it in `#expect` so
/// that running out is reported, not ignored.
public func eventually(_ seconds: Double = 60, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try? await Task.sleep(nanoseconds: 50_000_000)
    }
    return try condition()
}
