/// Where an entry or feed says it is (GeoRSS Simple, or GML inside `georss:where`), in
/// feedparser's shape: GeoJSON's type names and (longitude, latitude) order.
///
/// A news watcher tracks places; a feed that tags its stories with coordinates hands over
/// more than a place name in the text can, and a script reading `parse --json` gets it as
/// feedparser users know it.
public struct Geometry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case point = "Point", lineString = "LineString", polygon = "Polygon", box = "Box"
    }

    /// nil when the feed wrote a geo element whose coordinates could not be read (feedparser's
    /// empty `where`).
    public var kind: Kind?
    /// Every point's coordinates one after the other, `dimension` numbers per point: longitude,
    /// latitude and, in three dimensions, height. Flat, so a hostile list of points costs one
    /// array, not one per point.
    public var coordinates: [Double]
    public var dimension: Int
    /// GML's reference system and dimension as written (`srsName="EPSG:26913"`), kept as
    /// feedparser keeps them; nil for GeoRSS Simple.
    public var srsName: String?
    public var srsDimension: Int?

    public init(kind: Kind?, coordinates: [Double] = [], dimension: Int = 2, srsName: String? = nil, srsDimension: Int? = nil) {
        self.kind = kind
        self.coordinates = coordinates
        self.dimension = dimension
        self.srsName = srsName
        self.srsDimension = srsDimension
    }

    public static let unreadable = Geometry(kind: nil)

    public var pointCount: Int { dimension > 0 ? coordinates.count / dimension : 0 }

    public func point(_ index: Int) -> ArraySlice<Double> {
        coordinates[(index * dimension)..<((index + 1) * dimension)]
    }
}
