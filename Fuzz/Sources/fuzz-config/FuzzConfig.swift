import Daemon

/// Any text as `feedwatch.yaml` and as a watch-list file: YAML through Yams, then the key,
/// type, duration and rule checks. Errors are expected; crashes and hangs are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ConfigLoader().parse(text, path: "/etc/feedwatch/feedwatch.yaml")
    _ = WatchListLoader().parse(text, file: "/etc/feedwatch/watchlists.d/fuzz.yaml")
    return 0
}
