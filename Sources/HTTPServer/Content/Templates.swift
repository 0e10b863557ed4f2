import Foundation
import Mustache

/// HTML templates: every `*.mustache` file under a directory (e.g. `Templates/`), named by its
/// path without the extension (`layout`, `partials/row`), rendered with swift-mustache.
/// `{{value}}` is HTML-escaped; only `{{{value}}}` inserts raw text, for markup the app built itself.
public struct Templates: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let template: String
        public let message: String
        public var description: String { "template \(template): \(message)" }
    }

    private let library: MustacheLibrary
    public let names: [String]

    public init(directory: String) throws(Failure) {
        let base = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw Failure(template: directory, message: "directory cannot be read")
        }
        var library = MustacheLibrary()
        var names: [String] = []
        for case let url as URL in walker where url.pathExtension == "mustache" {
            let relative = url.standardizedFileURL.path.dropFirst(base.path.count + 1)
            let name = String(relative.dropLast(".mustache".count))
            do {
                try library.register(String(contentsOf: url, encoding: .utf8), named: name)
            } catch {
                throw Failure(template: name, message: "\(error)")
            }
            names.append(name)
        }
        self.library = library
        self.names = names.sorted()
    }

    /// Renders template `name` with `context` (dictionaries, arrays, strings, numbers, or any
    /// value whose stored properties the template names).
    public func render(_ name: String, _ context: Any) throws(Failure) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw Failure(template: name, message: "no such template (have \(names.joined(separator: ", ")))")
        }
        return text
    }
}
