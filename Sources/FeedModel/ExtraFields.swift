/// feedparser's rarer fields, for `parse --json` and the scripts that read them.
///
/// feedwatch matches on none of these: they exist so that a user moving from feedparser finds
/// the same keys (an episode's `itunes_duration`, a story's `comments` page, a feed's
/// `publisher`), and so that a feed's own extension elements (`slash_comments`,
/// `feedburner_origlink`) are not thrown away. Entries keep them out of line (see `Entry.extra`):
/// most have none, and entries are moved by value. Fields that only a feed has (cloud,
/// textinput, …) stay empty on entries.
public struct ExtraFields: Sendable, Equatable {
    /// An entry's rights (Atom `rights`, `dc:rights`): the feed's are `FeedInfo.rights`.
    public var rights: TextConstruct?
    /// An entry's own language (`dc:language` inside an item).
    public var language: String?
    /// Who publishes it (`dc:publisher`, RSS `webMaster`, `itunes:owner`).
    public var publisher: Person?
    /// RSS `comments`: the address of the page with the entry's comments.
    public var comments: String?
    /// RSS 0.93 `expirationDate`, as written and parsed.
    public var expiredText: String?
    public var expired: Timestamp?
    /// `dcterms:valid`'s start and end, as written and parsed.
    public var validityStartText: String?
    public var validityStart: Timestamp?
    public var validityEndText: String?
    public var validityEnd: Timestamp?
    /// The software that wrote the feed, with Atom's `uri` and `version`.
    public var generator: Generator?
    /// Atom `icon` and `logo`: addresses of the feed's small and large images.
    public var icon: String?
    public var logo: String?
    /// RSS `cloud`: the rssCloud endpoint's attributes, names in lower case.
    public var cloud: [Attribute] = []
    /// RSS `textInput`: a search box the channel offers.
    public var textInput: TextInput?
    /// RSS `redirect/newLocation`: where the feed says it has moved.
    public var newLocation: String?
    /// `itunes:block`: 1 only for "yes", as feedparser reads it.
    public var itunesBlock: Bool?
    /// `itunes:explicit`: true ("yes", "true"), false ("clean", "no", "false"), or present but
    /// neither (`.unknown`, feedparser's None).
    public var itunesExplicit: Explicit?
    /// An entry's own image (`itunes:image`); the feed's is `FeedInfo.image`.
    public var image: Image?
    /// Atom `<content src="…"/>`: content kept elsewhere (a video, the article page), and which
    /// of the entry's `content` it stands for. Out of line: few entries point their content away.
    public var contentSource: ContentSource?
    /// Podlove Simple Chapters (`psc:chapters`): an episode's chapter marks, the first list only.
    public var chapters: Chapters?
    /// GeoRSS / GML: where the entry or feed says it is.
    public var location: Geometry?
    /// Extension elements feedwatch has no field for, by feedparser's key (`prefix_name` in
    /// lower case): the text of a leaf element, or its attributes (with the text as "content").
    public var elements: [Element] = []

    public init() {}

    public enum Explicit: Sendable, Equatable { case yes, no, unknown }

    public struct Generator: Sendable, Equatable {
        public var name: String?
        public var href: String?
        public var version: String?

        public init(name: String? = nil, href: String? = nil, version: String? = nil) {
            self.name = name
            self.href = href
            self.version = version
        }
    }

    public struct TextInput: Sendable, Equatable {
        public var title: String?
        public var description: String?
        public var name: String?
        public var link: String?

        public init() {}
    }

    public struct Chapters: Sendable, Equatable {
        public var version: String?
        public var marks: [Chapter] = []

        public init(version: String? = nil) { self.version = version }

        /// A list longer than this is cut: a real episode has tens of chapters.
        public static let maxMarks = 1_000
    }

    public struct Chapter: Sendable, Equatable {
        /// As written ("00:03:07.250"), and in seconds when it has psc's form ([hh:]mm:ss[.mmm]).
        public var start: String?
        public var startSeconds: Double?
        public var title: String?
        public var href: String?
        public var image: String?

        public init(start: String? = nil, startSeconds: Double? = nil, title: String? = nil, href: String? = nil, image: String? = nil) {
            self.start = start
            self.startSeconds = startSeconds
            self.title = title
            self.href = href
            self.image = image
        }
    }

    public struct ContentSource: Sendable, Equatable {
        /// Index into `Entry.content`.
        public var index: Int
        public var href: String

        public init(index: Int, href: String) {
            self.index = index
            self.href = href
        }
    }

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct Element: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// At most this many distinct extension elements are kept per entry or feed: a document
    /// with thousands of made-up names is an attack on memory, not a feed.
    public static let maxElements = 64
    /// The most words a list-valued element keeps (a restriction's country codes: there are
    /// about 250 countries).
    public static let maxListItems = 1_000

    /// Keeps `value` under `key`: the last element of a name wins, as in feedparser.
    public mutating func setElement(_ key: String, _ value: JSONValue) {
        if let i = elements.firstIndex(where: { $0.key == key }) {
            elements[i].value = value
        } else if elements.count < Self.maxElements {
            elements.append(Element(key: key, value: value))
        }
    }

    /// Adds `value` to the list under `key` (at most `maxElements` values), for the elements
    /// feedparser gives as lists (`media_credit`).
    public mutating func appendElement(_ key: String, _ value: JSONValue) {
        if let i = elements.firstIndex(where: { $0.key == key }) {
            guard case .array(var items) = elements[i].value, items.count < Self.maxElements else { return }
            items.append(value)
            elements[i].value = .array(items)
        } else if elements.count < Self.maxElements {
            elements.append(Element(key: key, value: .array([value])))
        }
    }

    public var isEmpty: Bool { self == ExtraFields() }
}
