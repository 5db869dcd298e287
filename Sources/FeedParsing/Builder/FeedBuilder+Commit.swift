import FeedModel

extension FeedBuilder {
    /// Stores the text gathered for `capture` in the entry, person or feed it belongs to.
    mutating func commit(_ capture: Capture, value raw: String) {
        var value = raw.trimmedWhitespace
        switch capture.field {
        case .rssAuthor, .dcCreator, .dcContributor, .personName, .sourceTitle:
            // Names are shown with every alert ("Reuters", "José Martí"): repaired like the texts.
            if repairsDoubleEncoding { value = DoubleEncoding.repair(value) }
        default:
            break
        }
        switch capture.field {
        case .title, .mediaTitle, .subtitle, .rights, .summary, .content, .info, .entrySubtitle:
            if capture.base64 {
                guard let decoded = Base64.decode(value) else { return }
                value = decoded
            }
            if repairsDoubleEncoding { value = DoubleEncoding.repair(value) }
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
            guard let href = URLResolver.link(value, against: capture.base) else { return }
            if capture.field == .linkText {
                if let link = atomLink(href: href, capture.attributes) { addLink(link) }
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
            personValue.href = value.isEmpty ? nil : URLResolver.link(value, against: capture.base)
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
            guard !value.isEmpty else { return }
            if hasEntry { entry!.extra.language = value } else { result.feed.language = value }
        case .generator:
            guard !hasEntry else { return }
            if !value.isEmpty { result.feed.generator = value }
            // Atom 1.0 names its address `uri`, Atom 0.3 `url`.
            let href = capture.attributes["uri"] ?? capture.attributes["url"] ?? capture.attributes["href"]
            let generator = ExtraFields.Generator(
                name: value.isEmpty ? nil : value, href: href.flatMap { URLResolver.link($0, against: capture.base) },
                version: capture.attributes["version"])
            if generator != ExtraFields.Generator() { result.feed.extra.generator = generator }
        case .imageURL:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.href = URLResolver.link(value, against: capture.base)
        case .imageTitle:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.title = value
        case .imageLink:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.link = URLResolver.link(value, against: capture.base)
        case .logo:
            guard !value.isEmpty, !hasEntry, let href = URLResolver.link(value, against: capture.base) else { return }
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.href = href
            result.feed.extra.logo = href
        case .icon:
            guard !value.isEmpty, !hasEntry else { return }
            result.feed.extra.icon = URLResolver.link(value, against: capture.base)
        case .comments:
            guard !value.isEmpty, let href = URLResolver.link(value, against: capture.base) else { return }
            updateExtra { $0.comments = href }
        case .publisher, .webMaster:
            guard !value.isEmpty else { return }
            let person = Person(rssAuthor: value)
            updateExtra { $0.publisher = person }
            // The webmaster stands in for the author when the channel names nobody else.
            if capture.field == .webMaster, !hasEntry, result.feed.authors.isEmpty { result.feed.authors.append(person) }
        case .expired:
            updateExtra { $0.expiredText = value; $0.expired = DateParser.parse(value) }
        case .validity:
            // "start=…;end=…;scheme=W3C-DTF" (Dublin Core's DCMI Period).
            var start: String?, end: String?
            for part in value.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmedWhitespace }
                guard pair.count == 2, !pair[1].isEmpty else { continue }
                if pair[0] == "start" { start = pair[1] } else if pair[0] == "end" { end = pair[1] }
            }
            updateExtra {
                if let start { $0.validityStartText = start; $0.validityStart = DateParser.parse(start) }
                if let end { $0.validityEndText = end; $0.validityEnd = DateParser.parse(end) }
            }
        case .newLocation:
            guard !value.isEmpty, !hasEntry else { return }
            result.feed.extra.newLocation = URLResolver.link(value, against: capture.base)
        case .license:
            guard !value.isEmpty, let href = URLResolver.link(value, against: capture.base) else { return }
            addLink(Link(rel: "license", type: nil, href: href))
        case .imageWidth, .imageHeight:
            result.feed.image = result.feed.image ?? Image()
            let number = Int(value) ?? 0
            if capture.field == .imageWidth { result.feed.image!.width = number } else { result.feed.image!.height = number }
        case .imageDescription:
            result.feed.image = result.feed.image ?? Image()
            result.feed.image!.description = value
        case .textInputTitle, .textInputDescription, .textInputName, .textInputLink:
            var input = result.feed.extra.textInput ?? ExtraFields.TextInput()
            switch capture.field {
            case .textInputTitle: input.title = value
            case .textInputDescription: input.description = value
            case .textInputName: input.name = value
            default: input.link = URLResolver.link(value, against: capture.base)
            }
            result.feed.extra.textInput = input
        case .itunesBlock:
            updateExtra { $0.itunesBlock = raw == "yes" || raw == "Yes" }
        case .itunesExplicit:
            let explicit: ExtraFields.Explicit
            switch raw {
            case "yes", "true": explicit = .yes
            case "clean", "no", "false": explicit = .no
            default: explicit = .unknown
            }
            updateExtra { $0.itunesExplicit = explicit }
        case .geoPoint, .geoLine, .geoPolygon, .geoBox, .gmlPositions:
            commitGeo(capture.field, value)
        case .element:
            guard let element = elementName.take() else { return }
            // A script URL is nobody's data (an origLink of "javascript:…").
            guard !URLResolver.isScript(value) else { return }
            let json: JSONValue
            let attributes = capture.attributes.filter { $0.name.qualified != "xmlns" && !URLResolver.isScript($0.value) }
            // Media RSS credits are a list (a photo's photographer and its editor), each with its
            // role; a restriction's country codes are a list too: as feedparser gives them.
            let isCredit = element.key == "media_credit"
            if attributes.isEmpty, !isCredit {
                json = .string(value)
            } else {
                // One value per key: the first of two attributes that read the same in lower
                // case (or in two namespaces) wins, and the text is "content" unless an attribute is.
                var pairs: [(String, JSONValue)] = []
                for attribute in attributes {
                    let name = (attribute.name.qualified.hasPrefix("{") ? attribute.name.local : attribute.name.qualified).lowercased()
                    if !pairs.contains(where: { $0.0 == name }) { pairs.append((name, .string(attribute.value))) }
                }
                if !value.isEmpty, !pairs.contains(where: { $0.0 == "content" }) {
                    pairs.append(("content", element.key == "media_restriction"
                                  ? .array(value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                                      .prefix(ExtraFields.maxListItems).map { .string(String($0)) })
                                  : .string(value)))
                }
                json = .object(pairs)
            }
            if isCredit {
                guard json != .object([]) else { return }
                updateExtra { $0.appendElement(element.key, json) }
            } else {
                updateExtra { $0.setElement(element.key, json) }
            }
        case .sourceTitle:
            // RSS 2.0 `<source url="…">Outlet</source>`: the feed the item first appeared in.
            guard hasEntry else { return }
            var source = FeedInfo()
            if !value.isEmpty { source.title = TextConstruct(language: capture.lang, base: capture.base, value: value) }
            if let url = capture.attributes["url"], !url.isEmpty { source.href = URLResolver.link(url, against: capture.base) }
            if source.title != nil || source.href != nil { entry!.source = source }
        }
    }

    /// Closes entries, persons and images when their element ends.
    mutating func endContainer(_ name: XMLName) {
        if result.version == .cdf { endCDF(name); return }
        switch name.qualified {
        case "item", "atom:entry", "atom:item":
            finishEntry()
        case "atom:source" where sourceFrame?.depth == depth:
            finishSource()
        case _ where inImage && name.lowercased == "image":
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
            case .publisher: break
            }
        default:
            // Checked by flag first: every other end tag (a link, a category) would otherwise
            // meet these string comparisons too.
            if inTextInput, name.lowercased == "textinput" {
                inTextInput = false
            } else if inRedirect, name.lowercased == "redirect" {
                inRedirect = false
            } else if person == .publisher, name.qualified == "itunes:owner" {
                person = nil
                let owner = personValue
                if owner.name != nil || owner.email != nil { updateExtra { $0.publisher = owner } }
            }
        }
    }
}
