/// The rarer fields in `parse --json`, with feedparser's key names.
extension JSONObjectBuilder {
    mutating func addExtra(_ extra: ExtraFields) {
        addText("rights", extra.rights)
        add("language", extra.language)
        if let publisher = extra.publisher {
            add("publisher", publisher.displayString)
            add("publisher_detail", publisher.json)
        }
        add("comments", extra.comments)
        addDate("expired", extra.expiredText, extra.expired)
        addDate("validity_start", extra.validityStartText, extra.validityStart)
        addDate("validity_end", extra.validityEndText, extra.validityEnd)
        if let generator = extra.generator {
            var g = JSONObjectBuilder()
            g.add("name", generator.name)
            g.add("href", generator.href)
            g.add("version", generator.version)
            add("generator_detail", g.value)
        }
        add("icon", extra.icon)
        add("logo", extra.logo)
        if !extra.cloud.isEmpty { add("cloud", .object(extra.cloud.map { ($0.name, .string($0.value)) })) }
        if let input = extra.textInput {
            var t = JSONObjectBuilder()
            t.add("title", input.title)
            t.add("description", input.description)
            t.add("name", input.name)
            t.add("link", input.link)
            add("textinput", t.value)
        }
        add("newlocation", extra.newLocation)
        if let image = extra.image { add("image", image.json) }
        if let location = extra.location { add("where", location.json) }
        if let chapters = extra.chapters {
            var c = JSONObjectBuilder()
            c.add("version", chapters.version)
            c.add("chapters", .array(chapters.marks.map { mark in
                var m = JSONObjectBuilder()
                m.add("start", mark.start)
                if let seconds = mark.startSeconds { m.add("start_parsed", .double(seconds)) }
                m.add("title", mark.title)
                m.add("href", mark.href)
                m.add("image", mark.image)
                return m.value
            }))
            add("psc_chapters", c.value)
        }
        if let block = extra.itunesBlock { add("itunes_block", .int(block ? 1 : 0)) }
        switch extra.itunesExplicit {
        case .yes?: add("itunes_explicit", true)
        case .no?: add("itunes_explicit", false)
        case .unknown?: add("itunes_explicit", .null)
        case nil: break
        }
        // Extension elements last, and never in place of a key feedwatch writes itself (or one
        // feedparser's readers take as an alias of one): `<links>` in an item is not its links.
        for element in extra.elements where !Self.reservedKeys.contains(element.key)
            && !pairs.contains(where: { $0.0 == element.key }) {
            add(element.key, element.value)
        }
    }

    /// Keys of the feed and entry objects, and feedparser's aliases for them.
    static let reservedKeys: Set<String> = [
        "title", "title_detail", "link", "links", "id", "updated", "updated_parsed", "published",
        "published_parsed", "created", "created_parsed", "author", "author_detail", "authors",
        "subtitle", "subtitle_detail", "info", "info_detail", "rights", "rights_detail", "language",
        "image", "tags", "generator", "generator_detail", "contributors", "href", "guidislink",
        "future_dated", "summary", "summary_detail", "content", "media_content", "media_thumbnail",
        "enclosures", "source", "publisher", "publisher_detail", "comments", "expired", "expired_parsed",
        "validity_start", "validity_start_parsed", "validity_end", "validity_end_parsed", "icon", "logo",
        "cloud", "textinput", "newlocation", "itunes_block", "itunes_explicit", "where", "psc_chapters",
        "description", "description_detail", "guid", "date", "date_parsed", "modified", "modified_parsed",
        "issued", "issued_parsed", "copyright", "copyright_detail", "tagline", "tagline_detail", "url",
        "category", "license", "channel", "items", "entries", "feed", "bozo", "bozo_exception",
        "encoding", "version",
    ]
}

extension Geometry {
    /// `{"type": "Point", "coordinates": [lon, lat]}`; a line or box is a list of points, a
    /// polygon a list holding one ring; GML's `srsName` and `srsDimension` beside them; `{}`
    /// (or only those two) when the coordinates could not be read.
    public var json: JSONValue {
        var o = JSONObjectBuilder()
        if let kind {
            let points: [JSONValue] = (0..<pointCount).map { .array(point($0).map { .double($0) }) }
            let coordinates: JSONValue
            switch kind {
            case .point: coordinates = points.first ?? .array([])
            case .lineString, .box: coordinates = .array(points)
            case .polygon: coordinates = .array([.array(points)])
            }
            o.add("type", kind.rawValue)
            o.add("coordinates", coordinates)
        }
        o.add("srsName", srsName)
        if let srsDimension { o.add("srsDimension", srsDimension) }
        return o.value
    }
}
