import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Render
import Testing

/// Every sample must be a standalone SVG document an XML parser accepts.
@Suite struct WellFormednessTests {
    /// Collects the root element, every element name and all character data.
    final class Collector: NSObject, XMLParserDelegate {
        var root: (name: String, attributes: [String: String])?
        var elements: [String] = []
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if root == nil { root = (name, attributes) }
            elements.append(name)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ svg: String) -> (Bool, Collector, String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test(arguments: try Samples.all().map(\.0))
    func parsesAsStandaloneSVG(name: String) throws {
        let spec = try #require(try Samples.all().first { $0.0 == name }?.1)
        let svg = Renderer.svg(for: spec)
        let (ok, collector, error) = Self.parse(svg)
        #expect(ok, "\(name): \(error)")
        let root = try #require(collector.root)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 \(spec.width) \(spec.height)")
        #expect(root.attributes["width"] == String(spec.width))
        #expect(root.attributes["height"] == String(spec.height))
        #expect(collector.elements.contains("title"))
        // Non-finite numbers would make browsers drop the element silently.
        for bad in ["nan", "inf", "NaN"] { #expect(!svg.contains("\"\(bad)") && !svg.contains(" \(bad)\"")) }
    }

    @Test func userTextIsEscaped() throws {
        let spec = try #require(try Samples.edgeCases().first { $0.0 == "edge-escaped-labels" }?.1)
        let svg = Renderer.svg(for: spec)
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<b>"))
        let (ok, collector, _) = Self.parse(svg)
        #expect(ok)
        #expect(collector.text.contains("<script>alert('x')</script> & \"more\""))
        #expect(collector.text.contains("A & B"))
        #expect(!collector.elements.contains("script"))
    }
}
