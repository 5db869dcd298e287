import FeedModel

/// GeoRSS Simple (`georss:point`, `line`, `polygon`, `box`) and GML inside `georss:where`
/// (`gml:Point`, `LineString`, `Polygon` with `pos`/`posList`), read as feedparser reads them:
/// GeoRSS writes latitude first, `where` holds longitude first; a GML element in a projected
/// reference system (`srsName="EPSG:26913"`) keeps its order.
extension FeedBuilder {
    /// How the GML geometry being read writes its points (set by its `gml:Point`, `LineString`
    /// or `Polygon`, read by its `pos`/`posList`).
    struct GMLState {
        var kind: Geometry.Kind?
        var swap = true
        var dimension = 2
    }

    /// A geometry with more points than this is not read: real ones have tens or hundreds.
    static let maxGeometryPoints = 10_000

    /// Handles GeoRSS and GML elements; false for anything else in those namespaces.
    mutating func startGeo(_ name: XMLName, attributes: [XMLAttribute]) -> Bool {
        switch name.qualified {
        case "georss:point": beginGeo(.geoPoint)
        case "georss:line": beginGeo(.geoLine)
        case "georss:polygon": beginGeo(.geoPolygon)
        case "georss:box": beginGeo(.geoBox)
        case "georss:where": markLocation()
        case "gml:Point": beginGML(.point, attributes)
        case "gml:LineString": beginGML(.lineString, attributes)
        case "gml:Polygon": beginGML(.polygon, attributes)
        case "gml:exterior", "gml:LinearRing": break // the polygon's outer ring: its posList is read
        case "gml:interior": skipDepth = depth // a hole is not where the story is
        case "gml:pos", "gml:posList": beginCapture(.gmlPositions)
        case "psc:chapters": startChapters(attributes)
        case "psc:chapter": addChapter(attributes)
        default: return false
        }
        return true
    }

    /// The text of a georss element or GML position list, as a geometry.
    mutating func commitGeo(_ field: Field, _ value: String) {
        let geometry: Geometry?
        switch field {
        case .geoPoint: geometry = Self.geometry(.point, value)
        case .geoLine: geometry = Self.geometry(.lineString, value)
        case .geoPolygon: geometry = Self.geometry(.polygon, value)
        case .geoBox: geometry = Self.geometry(.box, value)
        default:
            guard let kind = gml.kind else { return }
            geometry = Self.geometry(kind, value, swap: gml.swap, dimension: gml.dimension)
        }
        if let geometry { updateExtra { $0.location = geometry } }
    }

    private mutating func beginGeo(_ field: Field) {
        markLocation()
        beginCapture(field)
    }

    /// feedparser's empty `where`: the element is there, whatever its coordinates turn out to be.
    private mutating func markLocation() {
        updateExtra { if $0.location == nil { $0.location = .unreadable } }
    }

    private mutating func beginGML(_ kind: Geometry.Kind, _ attributes: [XMLAttribute]) {
        markLocation()
        gml = GMLState(kind: kind, swap: Self.isLatitudeFirst(attributes["srsName"]),
                       dimension: attributes["srsDimension"].flatMap { Int($0.trimmedWhitespace) } == 3 ? 3 : 2)
    }

    /// Whether a reference system writes latitude before longitude: WGS 84 (no name) and the
    /// EPSG geographic systems do; projected ones (UTM's EPSG:269xx) write easting first.
    static func isLatitudeFirst(_ srsName: String?) -> Bool {
        guard let srsName, srsName.contains("EPSG") else { return true }
        guard let code = srsName.split(separator: ":").last.flatMap({ Int($0) }) else { return true }
        return (4000..<5000).contains(code) || [3819, 3821, 3824, 3889, 3906].contains(code)
    }

    /// Numbers separated by spaces or commas, `dimension` per point, the first two swapped
    /// when `swap`; nil when a number is not one, or there are too few points for the kind
    /// (a polygon's ring is closed: four points at least). A trailing partial point is dropped,
    /// as feedparser drops it.
    static func geometry(_ kind: Geometry.Kind, _ text: String, swap: Bool = true, dimension: Int = 2) -> Geometry? {
        var numbers: [Double] = []
        for word in text.utf8.split(whereSeparator: { $0 == UInt8(ascii: ",") || isASCIISpace($0) }) {
            guard numbers.count < maxGeometryPoints * dimension,
                  word.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
                      || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 | 0x20 == UInt8(ascii: "e") }),
                  let number = Double(Substring(word)), number.isFinite else { return nil }
            numbers.append(number)
        }
        numbers.removeLast(numbers.count % dimension)
        if swap {
            for start in stride(from: 0, to: numbers.count, by: dimension) { numbers.swapAt(start, start + 1) }
        }
        let points = numbers.count / dimension
        let enough: Bool
        switch kind {
        case .point: enough = points >= 1; numbers.removeLast(numbers.count - dimension * min(points, 1))
        case .lineString: enough = points >= 2
        case .polygon: enough = points >= 4
        case .box: enough = points == 2
        }
        return enough ? Geometry(kind: kind, coordinates: numbers, dimension: dimension) : nil
    }
}
