import FeedModel

/// Turns a JSON Feed object into a `ParsedFeed`, noting every problem it steps over.
struct JSONFeedMapper {
    var result = ParsedFeed()
    /// The document's URL: relative URLs are resolved against it.
    let base: String?
    let now: Timestamp
    /// Problems in document order; the first becomes `bozoException`.
    private(set) var problems: [String] = []

    init(base: String?, now: Timestamp) {
        self.base = base
        self.now = now
    }

    mutating func problem(_ message: String) {
        problems.append(message)
    }

    func finish() -> ParsedFeed {
        var done = result
        if let first = problems.first {
            done.bozo = true
            done.bozoException = first
        }
        return done
    }

    // MARK: Feed

    mutating func mapFeed(_ feed: [String: JSONNode]) {
        let language = string(feed, "language", in: "")
        result.feed.language = language
        if let title = string(feed, "title", in: "", required: true) {
            result.feed.title = text(title, type: "text/plain", language: language)
        }
        if let description = string(feed, "description", in: "") {
            result.feed.subtitle = text(description, type: "text/plain", language: language)
        }
        if let home = url(feed, "home_page_url", in: "") {
            result.feed.link = home
            result.feed.links.append(Link(rel: "alternate", type: "text/html", href: home))
        }
        if let own = url(feed, "feed_url", in: "") {
            result.feed.links.append(Link(rel: "self", type: "application/feed+json", href: own))
        }
        if let next = url(feed, "next_url", in: "") {
            result.feed.links.append(Link(rel: "next", type: "application/feed+json", href: next))
        }
        let icon = url(feed, "icon", in: "")
        let favicon = url(feed, "favicon", in: "")
        if let href = icon ?? favicon {
            result.feed.image = Image(href: href)
        }
        result.feed.authors = persons(feed, in: "")

        guard let items = array(feed, "items", in: "", required: true) else { return }
        for (n, node) in items.enumerated() {
            let path = "items[\(n)]"
            guard case let .object(item) = node else {
                problem("\(path): expected an object, found \(node.kindName); skipped")
                continue
            }
            result.entries.append(mapItem(item, in: path + ".", feedLanguage: language))
        }
    }

    // MARK: Items

    mutating func mapItem(_ item: [String: JSONNode], in path: String, feedLanguage: String?) -> Entry {
        var entry = Entry()
        switch item["id"] {
        case let .string(id)?:
            let trimmed = id.trimmedWhitespace
            if trimmed.isEmpty { problem("\(path)id is empty") } else { entry.id = trimmed }
        case let .number(id)?:
            entry.id = id
        case nil, .null?:
            problem("\(path)id is missing (required)")
        case let other?:
            problem("\(path)id: expected a string, found \(other.kindName)")
        }
        let language = string(item, "language", in: path) ?? feedLanguage
        if let title = string(item, "title", in: path) {
            entry.title = text(title, type: "text/plain", language: language)
        }
        if let link = url(item, "url", in: path) {
            entry.link = link
            entry.links.append(Link(rel: "alternate", type: "text/html", href: link))
        }
        if let related = url(item, "external_url", in: path) {
            entry.links.append(Link(rel: "related", href: related))
        }
        if let html = string(item, "content_html", in: path) {
            entry.content.append(text(html, type: "text/html", language: language))
        }
        if let plain = string(item, "content_text", in: path) {
            entry.content.append(text(plain, type: "text/plain", language: language))
        }
        if let summary = string(item, "summary", in: path) {
            entry.summary = text(summary, type: "text/plain", language: language)
        }
        if let published = string(item, "date_published", in: path) {
            entry.publishedText = published
            entry.published = DateParser.parse(published)
        }
        if let modified = string(item, "date_modified", in: path) {
            entry.updatedText = modified
            entry.updated = DateParser.parse(modified)
        }
        if let date = entry.published ?? entry.updated, date.secondsSince1970 > now.secondsSince1970 + 86_400 {
            entry.futureDated = true
        }
        if let tags = array(item, "tags", in: path) {
            for (n, tag) in tags.enumerated() {
                guard case let .string(term) = tag else {
                    problem("\(path)tags[\(n)]: expected a string, found \(tag.kindName)")
                    continue
                }
                let trimmed = term.trimmedWhitespace
                let tag = Tag(term: trimmed)
                if !trimmed.isEmpty, !entry.tags.contains(tag) { entry.tags.append(tag) }
            }
        }
        entry.authors = persons(item, in: path)
        if let attachments = array(item, "attachments", in: path) {
            for (n, node) in attachments.enumerated() {
                let attachmentPath = "\(path)attachments[\(n)]"
                guard case let .object(attachment) = node else {
                    problem("\(attachmentPath): expected an object, found \(node.kindName); skipped")
                    continue
                }
                addAttachment(attachment, to: &entry, in: attachmentPath + ".")
            }
        }
        return entry
    }

    /// An attachment is an enclosure, and an `enclosure` link as RSS enclosures are.
    mutating func addAttachment(_ attachment: [String: JSONNode], to entry: inout Entry, in path: String) {
        guard let href = url(attachment, "url", in: path, required: true) else { return }
        let type = string(attachment, "mime_type", in: path, required: true)
        let title = string(attachment, "title", in: path)
        var length: String?
        if let size = attachment["size_in_bytes"], size != .null {
            length = size.wholeNumberText
            if length == nil {
                problem("\(path)size_in_bytes: expected a whole number of bytes, found \(size.kindName)")
            }
        }
        entry.enclosures.append(Enclosure(href: href, type: type, length: length))
        entry.links.append(Link(rel: "enclosure", type: type, href: href, title: title, length: length))
    }

    // MARK: Authors

    /// Version 1.1's `authors`, else version 1.0's `author`.
    mutating func persons(_ object: [String: JSONNode], in path: String) -> [Person] {
        var found: [Person] = []
        if let authors = array(object, "authors", in: path) {
            for (n, node) in authors.enumerated() {
                guard case let .object(author) = node else {
                    problem("\(path)authors[\(n)]: expected an object, found \(node.kindName)")
                    continue
                }
                if let person = person(author, in: "\(path)authors[\(n)].") { found.append(person) }
            }
        }
        if found.isEmpty, let author = self.object(object, "author", in: path),
           let person = person(author, in: path + "author.") {
            found.append(person)
        }
        return found
    }

    /// name and url; a `mailto:` url is the email address, as feedparser reads it.
    mutating func person(_ author: [String: JSONNode], in path: String) -> Person? {
        var person = Person(name: string(author, "name", in: path))
        if let link = string(author, "url", in: path) {
            if link.lowercased().hasPrefix("mailto:") {
                let address = String(link.dropFirst(7)).trimmedWhitespace
                person.email = address.isEmpty ? nil : address
            } else {
                person.href = URLResolver.link(link, against: base)
            }
        }
        return person.name == nil && person.email == nil && person.href == nil ? nil : person
    }

    // MARK: Typed access

    func text(_ value: String, type: String, language: String?) -> TextConstruct {
        TextConstruct(type: type, language: language, base: base, value: value)
    }

    /// The string at `key`, trimmed. nil when absent, null or empty; also when of another type,
    /// which is noted. A missing `required` field is noted too.
    mutating func string(_ object: [String: JSONNode], _ key: String, in path: String, required: Bool = false) -> String? {
        switch object[key] {
        case let .string(value)?:
            let trimmed = value.trimmedWhitespace
            if trimmed.isEmpty, required { problem("\(path)\(key) is empty (required)") }
            return trimmed.isEmpty ? nil : trimmed
        case nil, .null?:
            if required { problem("\(path)\(key) is missing (required)") }
            return nil
        case let other?:
            problem("\(path)\(key): expected a string, found \(other.kindName)")
            return nil
        }
    }

    /// A URL string, resolved against the document's URL.
    mutating func url(_ object: [String: JSONNode], _ key: String, in path: String, required: Bool = false) -> String? {
        string(object, key, in: path, required: required).flatMap { URLResolver.link($0, against: base) }
    }

    mutating func array(_ object: [String: JSONNode], _ key: String, in path: String, required: Bool = false) -> [JSONNode]? {
        switch object[key] {
        case let .array(elements)?:
            return elements
        case nil, .null?:
            if required { problem("\(path)\(key) is missing (required)") }
            return nil
        case let other?:
            problem("\(path)\(key): expected an array, found \(other.kindName)")
            return nil
        }
    }

    mutating func object(_ object: [String: JSONNode], _ key: String, in path: String) -> [String: JSONNode]? {
        switch object[key] {
        case let .object(members)?:
            return members
        case nil, .null?:
            return nil
        case let other?:
            problem("\(path)\(key): expected an object, found \(other.kindName)")
            return nil
        }
    }
}
