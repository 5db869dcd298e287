import FeedModel

extension ParsedFeed {
    /// The feed with the relative URLs inside its HTML resolved against each text's base, as
    /// feedparser gives it: for `parse --json`, whose readers no longer know the base. The
    /// parser itself keeps the HTML as written (its `base` beside it): the daemon turns it into
    /// text, where URLs inside tags do not appear, and should not pay for rewriting them.
    public func resolvingRelativeURLs() -> ParsedFeed {
        var copy = self
        copy.feed.resolveRelativeURLs()
        for i in copy.entries.indices { copy.entries[i].resolveRelativeURLs() }
        return copy
    }
}

extension TextConstruct {
    mutating func resolveRelativeURLs() {
        guard isMarkup, let base, !base.isEmpty, value.utf8.contains(UInt8(ascii: "<")) else { return }
        value = HTMLRelativeURLs.resolve(value, base: base)
    }
}

extension FeedInfo {
    mutating func resolveRelativeURLs() {
        title?.resolveRelativeURLs()
        subtitle?.resolveRelativeURLs()
        rights?.resolveRelativeURLs()
        info?.resolveRelativeURLs()
    }
}

extension Entry {
    mutating func resolveRelativeURLs() {
        title?.resolveRelativeURLs()
        summary?.resolveRelativeURLs()
        subtitle?.resolveRelativeURLs()
        for i in content.indices { content[i].resolveRelativeURLs() }
        if extra.rights != nil { extra.rights?.resolveRelativeURLs() }
        if source != nil { source?.resolveRelativeURLs() }
    }
}
