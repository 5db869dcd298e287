/// `feedwatch parse --json`: the schema of DESIGN.md, with feedparser's field names.
///
/// Dates appear twice, as feedparser gives them: `published` holds the feed's own text and
/// `published_parsed` the instant as RFC 3339 UTC (absent when the text is not a date).
extension ParsedFeed {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("bozo", bozo)
        o.add("bozo_exception", bozoException)
        o.add("encoding", encoding)
        o.add("version", version.rawValue)
        o.add("feed", feed.json)
        o.add("entries", .array(entries.map(\.json)))
        return o.value
    }
}

extension FeedInfo {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.addText("title", title)
        o.add("link", link)
        o.addNonEmpty("links", links.map(\.json))
        o.add("id", id)
        o.addDate("updated", updatedText, updated)
        o.addDate("published", publishedText, published)
        o.addDate("created", createdText, created)
        o.addAuthors(authors)
        o.addText("subtitle", subtitle)
        o.addText("info", info)
        o.addText("rights", rights)
        o.add("language", language)
        if let image { o.add("image", image.json) }
        o.addNonEmpty("tags", tags.map(\.json))
        o.add("generator", generator)
        o.addNonEmpty("contributors", contributors.map(\.json))
        o.add("href", href)
        o.addExtra(extra)
        return o.value
    }
}

extension Entry {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("id", id)
        o.addText("title", title)
        o.add("link", link)
        o.addNonEmpty("links", links.map(\.json))
        if let guidIsLink { o.add("guidislink", guidIsLink) }
        o.addDate("published", publishedText, published)
        o.addDate("updated", updatedText, updated)
        o.addDate("created", createdText, created)
        if futureDated { o.add("future_dated", true) }
        o.addAuthors(authors)
        o.addText("summary", summary)
        o.addText("subtitle", subtitle)
        o.addNonEmpty("content", content.enumerated().map { index, construct in
            guard let source = extra.contentSource, source.index == index, case .object(let pairs) = construct.json else {
                return construct.json
            }
            return .object(pairs + [("src", .string(source.href))])
        })
        o.addNonEmpty("media_content", mediaContent.map { m in
            var j = JSONObjectBuilder()
            j.add("url", m.href)
            j.add("type", m.type)
            j.add("filesize", m.length)
            return j.value
        })
        o.addNonEmpty("media_thumbnail", mediaThumbnails.map { .object([("url", .string($0))]) })
        o.addNonEmpty("tags", tags.map(\.json))
        o.addNonEmpty("enclosures", enclosures.map(\.json))
        o.addNonEmpty("contributors", contributors.map(\.json))
        if let source { o.add("source", source.json) }
        o.addExtra(extra)
        return o.value
    }
}

extension TextConstruct {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("type", type)
        if language == "" { o.add("language", .null) } else { o.add("language", language) }
        o.add("base", base)
        o.add("value", value)
        return o.value
    }
}

extension Link {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("rel", rel)
        o.add("type", type)
        o.add("href", href)
        o.add("title", title)
        o.add("length", length)
        o.add("hreflang", hreflang)
        return o.value
    }
}

extension Enclosure {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("href", href)
        o.add("type", type)
        o.add("length", length)
        return o.value
    }
}

extension Tag {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("term", term)
        o.add("scheme", scheme)
        o.add("label", label)
        return o.value
    }
}

extension Image {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("href", href)
        o.add("title", title)
        o.add("link", link)
        if let width { o.add("width", width) }
        if let height { o.add("height", height) }
        o.add("description", description)
        return o.value
    }
}

extension Person {
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("name", name)
        o.add("email", email)
        o.add("href", href)
        return o.value
    }
}

extension JSONObjectBuilder {
    /// `key` with the plain value and `key_detail` with type, language and base.
    mutating func addText(_ key: String, _ text: TextConstruct?) {
        guard let text else { return }
        add(key, text.value)
        add(key + "_detail", text.json)
    }

    mutating func addDate(_ key: String, _ text: String?, _ date: Timestamp?) {
        add(key, text ?? date?.rfc3339)
        if let date { add(key + "_parsed", date.rfc3339) }
    }

    mutating func addAuthors(_ authors: [Person]) {
        guard let first = authors.first else { return }
        add("author", first.displayString)
        add("author_detail", first.json)
        add("authors", .array(authors.map(\.json)))
    }
}
