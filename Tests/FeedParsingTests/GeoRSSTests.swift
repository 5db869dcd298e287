import FeedModel
import Testing
@testable import FeedParsing

/// GeoRSS Simple and GML locations, as feedparser gives them in `where`: longitude first.
extension FeedParserFormatsTests {
    private func location(_ body: String, feedLevel: String = "") -> ParsedFeed {
        parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss"
                  xmlns:gml="http://www.opengis.net/gml"><title>Geo</title>\(feedLevel)
            <entry><title>Story</title>\(body)</entry></feed>
            """)
    }

    @Test func georssSimpleShapesAreLongitudeFirst() {
        let point = location("<georss:point> 50.45 30.52 </georss:point>").entries[0].extra.location
        #expect(point == Geometry(kind: .point, coordinates: [30.52, 50.45]), "Kyiv, written latitude first")
        let line = location("<georss:line>1 2, 3 4 5 6</georss:line>").entries[0].extra.location
        #expect(line == Geometry(kind: .lineString, coordinates: [2, 1, 4, 3, 6, 5]), "commas separate too")
        let box = location("<georss:box>33.3 52.5 32.5 52.6</georss:box>").entries[0].extra.location
        #expect(box == Geometry(kind: .box, coordinates: [52.5, 33.3, 52.6, 32.5]))
        let polygon = location("<georss:polygon>1 2 3 4 5 6 1 2</georss:polygon>").entries[0].extra.location
        #expect(polygon?.kind == .polygon && polygon?.pointCount == 4)
        let json = location("<georss:point>36.9382 31.1732</georss:point>").entries[0].json["where"]
        #expect(json == .object([("type", .string("Point")), ("coordinates", .array([.double(31.1732), .double(36.9382)]))]))
        #expect(polygon?.json["coordinates"] == .array([.array([.array([.double(2), .double(1)]), .array([.double(4), .double(3)]),
                                                                .array([.double(6), .double(5)]), .array([.double(2), .double(1)])])]),
                "a polygon is a list holding its ring")
    }

    @Test func gmlKeepsTheOrderOfAProjectedSystemAndReadsThreeDimensions() {
        let point = location("<georss:where><gml:Point><gml:pos>36.9382 31.1732</gml:pos></gml:Point></georss:where>")
        #expect(point.entries[0].extra.location == Geometry(kind: .point, coordinates: [31.1732, 36.9382], srsDimension: 2))
        let utm = location(#"<georss:where><gml:LineString srsName="EPSG:26913"><gml:posList>1 2 3 4</gml:posList></gml:LineString></georss:where>"#)
        #expect(utm.entries[0].extra.location == Geometry(kind: .lineString, coordinates: [1, 2, 3, 4], srsName: "EPSG:26913", srsDimension: 2),
                "easting first, as written")
        #expect(utm.entries[0].json["where"]?["srsName"] == .string("EPSG:26913"))
        #expect(utm.entries[0].json["where"]?["srsDimension"] == .int(2))
        let projected = location(#"<georss:where><gml:Point srsName="EPSG:4978"><gml:pos>1 2</gml:pos></gml:Point></georss:where>"#)
        #expect(projected.entries[0].extra.location?.coordinates == [1, 2], "EPSG:4978 is geocentric, not one of the geographic systems")
        let height = location(#"<georss:where><gml:Point srsName="urn:ogc:def:crs:EPSG:6.6:4979" srsDimension="3"><gml:pos>42.3 -156.2 45</gml:pos></gml:Point></georss:where>"#)
        #expect(height.entries[0].extra.location == Geometry(kind: .point, coordinates: [-156.2, 42.3, 45], dimension: 3,
                                                             srsName: "urn:ogc:def:crs:EPSG:6.6:4979", srsDimension: 3))
        let polygon = location("""
            <georss:where><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 0 9 9 9 0 0</gml:posList></gml:LinearRing></gml:exterior>
            <gml:interior><gml:LinearRing><gml:posList>1 1 1 2 2 2 1 1</gml:posList></gml:LinearRing></gml:interior></gml:Polygon></georss:where>
            """)
        #expect(polygon.entries[0].extra.location == Geometry(kind: .polygon, coordinates: [0, 0, 9, 0, 9, 9, 0, 0], srsDimension: 2),
                "the outer ring, not the hole")
    }

    @Test func unreadableCoordinatesLeaveAnEmptyWhereAndTheEntry() {
        for body in ["<georss:point> </georss:point>", "<georss:polygon>1 2 3 4 5 6</georss:polygon>",
                     "<georss:point>north east</georss:point>", "<georss:point>nan inf</georss:point>",
                     "<georss:point>0x1p3 4</georss:point>", "<georss:box>1 2 3 4 5 6</georss:box>"] {
            let feed = location(body)
            #expect(feed.entries[0].extra.location == .unreadable, "\(body)")
            #expect(feed.entries[0].json["where"] == .object([]), "\(body)")
            #expect(feed.entries[0].title?.value == "Story")
        }
        let huge = String(repeating: "1 2 ", count: FeedBuilder.maxGeometryPoints + 1)
        #expect(location("<georss:line>\(huge)</georss:line>").entries[0].extra.location == .unreadable,
                "a hostile list of points is not kept")
        #expect(location("<title>no geo</title>").entries[0].json["where"] == nil)
        let manyPoints = String(repeating: "1 2 ", count: FeedBuilder.maxGeometryPoints)
        let crowded = parse("<rss xmlns:georss=\"http://www.georss.org/georss\"><channel>"
            + String(repeating: "<item><georss:line>\(manyPoints)</georss:line></item>", count: 11) + "</channel></rss>")
        #expect(crowded.entries.prefix(10).allSatisfy { $0.extra.location?.pointCount == FeedBuilder.maxGeometryPoints })
        #expect(crowded.entries[10].extra.location == .unreadable, "the document's points are bounded too")
    }

    @Test func aPositionListOutsideAGeometryIsNobodys() {
        let feed = parse("""
            <rss xmlns:georss="http://www.georss.org/georss" xmlns:gml="http://www.opengis.net/gml"><channel>
            <item><georss:where><gml:Polygon srsName="EPSG:26913"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 9 9 9 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></georss:where></item>
            <item><gml:posList>1 2 3 4 5 6 1 2</gml:posList></item>
            </channel></rss>
            """)
        #expect(feed.entries[0].extra.location?.kind == .polygon)
        #expect(feed.entries[1].extra.location == nil, "not the last entry's polygon, unswapped")
    }

    @Test func aFeedCanSayWhereItIs() {
        let feed = location("", feedLevel: "<georss:point>48.85 2.35</georss:point>")
        #expect(feed.feed.extra.location == Geometry(kind: .point, coordinates: [2.35, 48.85]))
        #expect(feed.entries[0].extra.location == nil)
        #expect(feed.feed.json["where"] != nil)
    }
}
