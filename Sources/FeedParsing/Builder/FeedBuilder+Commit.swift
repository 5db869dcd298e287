import FeedModel

extension FeedBuilder {
    /// Stores the text gathered for `capture` in the entry, person or feed it belongs to.
    mutating func commit(_ capture: Capture, value raw: String) {
        var value = raw.trimmedWhitespace
        switch capture.field {
        case .title, .mediaTitle, .subtitle, .rights, .summary, .content, .info, .entrySubtitle:
            if capture.base64 {
                guard let decoded = Base64.decode(value) else { return }
                value = decoded
            }
            value = Demoronize.fix(value)
            setText(capture.field, TextConstruct(type: capture.type, language: capture.lang, base: capture.base, value: value))
        case .id:
            guard !value.isEmpty else { return }
            if hasEntry {
                entry!.id = value
                // RSS: a guid is a permalink unless it says otherwise (decided when the item ends).
                if result.version.isRSS || result.version == .unknown {
                    pendingGuidLink = capture.attributes["isPermaLink"]?.lowercased() == "false" ? nil : value
                    if pendingGuidLink == nil { entry!.guidIsLink = false }
                }
            } else {
                result.feed.id = result.feed.id ?? value
            }
        case .link, .linkText:
            guard !value.isEmpty else { return }
            let href = URLResolver.resolve(value, against: capture.base)
            if capture.field == .linkText {
                addLink(atomLink(href: href, capture.attributes))
            } else if hasEntry {
                entry!.link = href
                if !entry!.links.contains(where: { $0.rel == "alternate" && $0.href == href }) {
                    entry!.links.append(Link(rel: "alternate", type: "text/html", href: href))
                }
            } else if result.feed.link == nil {
                result.feed.link = href
                result.feed.links.append(Link(rel: "alternate", type: "text/html", href: href))
            }
        case .published, .updated, .created:
            setDate(capture.field, value)
        case .rssAuthor, .dcCreator:
            guard !value.isEmpty else { return }
            let author = Person(rssAuthor: value)
            if hasEntry { entry!.authors.append(author) } else { result.feed.authors.append(author) }
        case .dcContributor:
            guard !value.isEmpty else { return }
            let person = Person(rssAuthor: value)
            if hasEntry { entry!.contributors.append(person) } else { result.feed.contributors.append(person) }
        case .personName:
            personValue.name = value.isEmpty ? nil : value
        case .personEmail:
            personValue.email = value.isEmpty ? nil : value
        case .personURI:
            personValue.href = value.isEmpty ? nil : URLResolver.resolve(value, against: capture.base)
        case .category:
            let mediaScheme = capture.attributes.isEmpty ? nil : capture.attributes["scheme"]
            addTag(Tag(term: value, scheme: capture.attributes["domain"] ?? mediaScheme, label: capture.attributes["label"]))
        case .commaTags, .keywords:
            var seen = Set<String>()
            for part in value.split(separator: ",") {
                let term = String(part).trimmedWhitespace
                guard !term.isEmpty, seen.insert(term).inserted else { continue }
                addTag(Tag(term: term, scheme: capture.field == .keywords ? "http://www.itunes.com/" : nil))
            }
        case .language:
            if !hasEntry, !value.isEmpty { result.feed.language = value }
        case .generator:
            if !hasEntry, !value.isEmpty { result.feed.generator = value }
        case .imageURL:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.href = URLResolver.resolve(value, against: capture.base)
        case .imageTitle:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.title = value
        case .imageLink:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.link = URLResolver.resolve(value, against: capture.base)
        case .logo:
            guard !value.isEmpty else { return }
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.href = URLResolver.resolve(value, against: capture.base)
        case .comments:
            break
        case .sourceTitle:
            // RSS 2.0 `<source url="…">Outlet</source>`: the feed the item first appeared in.
            guard hasEntry else { return }
            var source = FeedInfo()
            if !value.isEmpty { source.title = TextConstruct(language: capture.lang, base: capture.base, value: value) }
            if let url = capture.attributes["url"], !url.isEmpty { source.href = URLResolver.resolve(url, against: capture.base) }
            if source.title != nil || source.href != nil { entry!.source = source }
        }
    }

    /// Closes entries, persons and images when their element ends.
    mutating func endContainer(_ name: XMLName) {
        if result.version == .cdf { endCDF(name); return }
        switch name.qualified {
        case "item", "atom:entry":
            finishEntry()
        case "atom:source" where sourceFrame?.depth == depth:
            finishSource()
        case "image":
            inImage = false
        case "atom:author", "atom:contributor":
            guard let target = person else { return }
            person = nil
            guard personValue.name != nil || personValue.email != nil || personValue.href != nil else { return }
            switch target {
            case .feedAuthor: result.feed.authors.append(personValue)
            case .entryAuthor: entry?.authors.append(personValue)
            case .entryContributor: entry?.contributors.append(personValue)
            case .feedContributor: result.feed.contributors.append(personValue)
            }
        default:
            break
        }
    }
}
