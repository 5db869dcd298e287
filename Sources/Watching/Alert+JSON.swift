import FeedModel

extension Alert {
    /// The alert as DESIGN.md's JSON object, keys in the documented order.
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("id", id)
        o.add("time", time.rfc3339)
        if let rule { o.add("rule", rule) } else { o.add("watch", watch) }
        o.add("type", type)
        o.add("severity", severity.rawValue)
        var f = JSONObjectBuilder()
        f.add("title", feed.title)
        f.add("url", feed.url)
        o.add("feed", f.value)
        var e = JSONObjectBuilder()
        e.add("id", entry.id)
        e.add("title", entry.title)
        e.add("link", entry.link)
        e.add("published", entry.published?.rfc3339)
        if let origin = entry.source { e.add("source", origin.json) }
        o.add("entry", e.value)
        o.add("matches", .array(matches.map { m in
            var j = JSONObjectBuilder()
            j.add("text", m.text)
            j.add("field", m.field.rawValue)
            j.add("start", m.start)
            j.add("end", m.end)
            j.add("snippet", m.snippet)
            return j.value
        }))
        o.add("entities", .array(entities.map { x in
            var j = JSONObjectBuilder()
            j.add("text", x.text)
            j.add("type", x.type)
            j.add("mentions", x.mentions)
            return j.value
        }))
        return o.value
    }
}

extension Alert.SourceRef {
    /// `{"title": …, "url": …}`, in the alert's `entry` and in each of its `sources`.
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("title", title)
        o.add("url", url)
        return o.value
    }
}
