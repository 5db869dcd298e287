import FeedModel

extension Alert {
    /// The watch or rule this alert is about.
    public var subject: String { rule.map { "rule:" + $0 } ?? "watch:" + (watch ?? "") }

    /// This alert's feed and entry, as listed under `sources` when several feeds carried the story.
    public var sourceJSON: JSONValue {
        var feedObject = JSONObjectBuilder()
        feedObject.add("title", feed.title)
        feedObject.add("url", feed.url)
        var entryObject = JSONObjectBuilder()
        entryObject.add("id", entry.id)
        entryObject.add("link", entry.link)
        if let origin = entry.source { entryObject.add("source", origin.json) }
        var o = JSONObjectBuilder()
        o.add("feed", feedObject.value)
        o.add("entry", entryObject.value)
        return o.value
    }
}
