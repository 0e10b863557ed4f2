import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a document with Foundation's XML parser; `nil` if well formed, else the parser's complaint.
func xmlProblem(_ data: Data) -> String? {
    let parser = XMLParser(data: data)
    return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
}
