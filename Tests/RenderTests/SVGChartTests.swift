import Databases
import Foundation
import FoundationXML
import Testing

@testable import Render

/// The SVG chart read back with an XML parser: well formed, no script or external reference, the question
/// as its title, and the values in the result's order.
@Suite struct SVGChartTests {
    /// Element names and the text of each `class` of text element, in document order.
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [[String: String]] = []
        var texts: [(cls: String, text: String)] = []
        private var current: String?
        private var buffer = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements.append(name)
            self.attributes.append(attributes)
            if name == "text" {
                current = attributes["class"] ?? ""
                buffer = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let current { texts.append((current, buffer)) }
            if name == "text" { current = nil }
        }
    }

    func parse(_ svg: String) throws -> Reader {
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return reader
    }

    func chart(_ columns: [String], _ rows: [[DatabaseValue]], _ kind: ChartKind = .auto) throws -> ChartData {
        try ChartData.make(columns: columns.map { Column(name: $0) }, rows: rows, kind: kind)
    }

    @Test func barsCarryTheValuesInOrderAndNoScript() throws {
        let data = try chart(["region", "revenue"], TextChartTests.regions)
        let svg = SVGChart.document(data, title: "Revenue by region <2024> & \"more\"")
        let reader = try parse(svg)
        #expect(!reader.elements.contains("script"))
        #expect(!svg.lowercased().contains("<script"))
        #expect(!svg.contains("href"))
        #expect(!svg.contains("@import") && !svg.contains("url("))
        #expect(reader.elements.first == "svg")
        #expect(reader.texts.first { $0.cls == "title" }?.text == "Revenue by region <2024> & \"more\"")
        #expect(reader.texts.filter { $0.cls == "value" }.map(\.text) == ["1234.5", "-300.0", "800", "NULL", "50.25"])
        #expect(reader.texts.filter { $0.cls == "label" }.map(\.text).first == "North")
        // One bar per non-NULL value; the negative one in its own colour.
        let bars = reader.attributes.indices.filter {
            reader.elements[$0] == "rect" && reader.attributes[$0]["height"] != nil
                && reader.attributes[$0]["width"] != "100%"
        }
        #expect(bars.count == 4)
        #expect(bars.map { reader.attributes[$0]["fill"] ?? "" }.filter { $0 == SVGChart.palette[3] }.count == 1)
    }

    @Test func linesHaveASeriesEachWithALegendAndBreakAtNull() throws {
        let data = try chart(["month", "revenue", "refunds"], TextChartTests.monthly)
        let reader = try parse(SVGChart.document(data, title: "Monthly revenue"))
        #expect(!reader.elements.contains("script"))
        #expect(reader.texts.filter { $0.cls == "legend" }.map(\.text) == ["revenue", "refunds"])
        #expect(reader.texts.contains { $0.cls == "tick" && $0.text == "2024-01-01" })
        let groups = reader.attributes.indices.filter { reader.elements[$0] == "g" }
        #expect(groups.map { reader.attributes[$0]["data-name"] } == ["revenue", "refunds"])
        // revenue: NULL in March splits it in two runs (2 points, 3 points); refunds: (4 points) and none after.
        let polylines = reader.attributes.indices.filter { reader.elements[$0] == "polyline" }
        let counts = polylines.map { reader.attributes[$0]["points"]?.split(separator: " ").count ?? 0 }
        #expect(counts == [2, 3, 4])
        // Points go left to right in time.
        let xs = (reader.attributes[polylines[1]]["points"] ?? "").split(separator: " ").compactMap {
            Double($0.split(separator: ",")[0])
        }
        #expect(xs == xs.sorted())
    }

    @Test func controlCharactersCannotBreakTheDocument() throws {
        let data = try chart(["name", "n"], [[.text("a\u{01}b\nc"), .integer(1)]])
        let reader = try parse(SVGChart.document(data, title: "x\u{07}"))
        #expect(reader.texts.first { $0.cls == "label" }?.text == "a b↵c")
    }
}
