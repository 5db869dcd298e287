extension Config {
    /// The keys whose new values a reload cannot apply: they shape the one libcurl multi handle
    /// (and its memory budget) made at start. A reload names them instead of ignoring the
    /// edit without a word; the state and log paths are refused outright (Runtime).
    public func keysNeedingRestart(comparedTo old: Config) -> [String] {
        var keys: [String] = []
        if userAgent != old.userAgent { keys.append("user_agent") }
        if maxConnections != old.maxConnections { keys.append("max_connections") }
        if maxConnectionsPerHost != old.maxConnectionsPerHost { keys.append("max_connections_per_host") }
        if maxBufferedBytes != old.maxBufferedBytes { keys.append("max_buffered_bytes") }
        return keys
    }
}
