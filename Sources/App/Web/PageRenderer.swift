import Foundation
import HTTPServer

/// Renders a page template inside `Templates/layout.mustache`.
struct PageRenderer: Sendable {
    private let templates: Templates

    init(home: URL) throws {
        templates = try Templates(directory: home.appendingPathComponent("Templates").path)
    }

    func page(_ name: String, title: String, _ context: [String: Any]) throws -> String {
        let content = try templates.render(name, context)
        return try templates.render("layout", ["title": title, "content": content, "script": true] as [String: Any])
    }
}
