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
    /// Nor are points past this many in one document (2,000 entries of 10,000 points would
    /// hold 320 MB of coordinates).
    static let maxDocumentGeometryPoints = 100_000

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
        default: return false
        }
        return true
    }

    /// The text of a georss element or GML position list, as a geometry.
    mutating func commitGeo(_ field: Field, _ value: String) {
        var geometry: Geometry?
        switch field {
        case .geoPoint: geometry = Self.geometry(.point, value)
        case .geoLine: geometry = Self.geometry(.lineString, value)
        case .geoPolygon: geometry = Self.geometry(.polygon, value)
        case .geoBox: geometry = Self.geometry(.box, value)
        default:
            guard let kind = gml.kind else { return }
            geometry = Self.geometry(kind, value, swap: gml.swap, dimension: gml.dimension)
        }
        guard var geometry, geometry.pointCount <= geometryPointsLeft else { return }
        geometryPointsLeft -= geometry.pointCount
        updateExtra {
            // GML's reference system, said by the geometry element, stays beside the shape.
            geometry.srsName = field == .gmlPositions ? $0.location?.srsName : nil
            geometry.srsDimension = field == .gmlPositions ? $0.location?.srsDimension : nil
            $0.location = geometry
        }
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
        let srsName = attributes["srsName"]
        let srsDimension = attributes["srsDimension"].flatMap { Int($0.trimmedWhitespace) } ?? 2
        gml = GMLState(kind: kind, swap: Self.isLatitudeFirst(srsName), dimension: srsDimension == 3 ? 3 : 2)
        updateExtra {
            $0.location!.srsName = srsName
            $0.location!.srsDimension = srsDimension
        }
    }

    /// Whether a reference system writes latitude before longitude: WGS 84 (no name) and the
    /// EPSG geographic systems do; projected ones (UTM's EPSG:269xx) write easting first.
    static func isLatitudeFirst(_ srsName: String?) -> Bool {
        guard let srsName, srsName.contains("EPSG") else { return true }
        guard let code = srsName.split(separator: ":").last.flatMap({ Int($0) }) else { return true }
        return geographicEPSG.contains { $0.contains(code) }
    }

    /// The EPSG codes of geographic reference systems, feedparser's list (`_geogCS`) as ranges.
    static let geographicEPSG: [ClosedRange<Int>] = [
        3819...3819, 3821...3821, 3824...3824, 3889...3889, 3906...3906, 4001...4016, 4018...4025,
        4027...4036, 4041...4047, 4052...4055, 4075...4075, 4081...4081, 4120...4176, 4178...4185,
        4188...4216, 4218...4289, 4291...4304, 4306...4319, 4322...4322, 4324...4324, 4326...4326,
        4463...4463, 4470...4470, 4475...4475, 4483...4483, 4490...4490, 4555...4555, 4558...4558,
        4600...4646, 4657...4765, 4801...4811, 4813...4821, 4823...4824, 4901...4904, 4979...4979,
    ]

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
