import Foundation
import Testing
@testable import HTTPServer

@Suite("Templates")
struct TemplatesTests {
    @Test func rendersFilesWithPartialsAndEscapesValues() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "<h1>{{title}}</h1><ul>{{#runs}}{{> partials/row}}{{/runs}}</ul>{{{trusted}}}"
            .write(to: directory.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try "<li>{{name}}</li>".write(to: directory.appendingPathComponent("partials/row.mustache"), atomically: true, encoding: .utf8)
        let templates = try Templates(directory: directory.path)
        #expect(templates.names == ["page", "partials/row"])
        let html = try templates.render("page", [
            "title": "Runs <&> \"all\"",
            "runs": [["name": "<script>alert(1)</script>"], ["name": "315705"]],
            "trusted": "<hr>",
        ] as [String: Any])
        #expect(html == "<h1>Runs &lt;&amp;&gt; &quot;all&quot;</h1><ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>315705</li></ul><hr>")
        #expect(throws: Templates.Failure.self) { try templates.render("missing", [:] as [String: Any]) }
    }

    @Test func theProjectTemplatesLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let templates = try Templates(directory: root.appendingPathComponent("Templates").path)
        let page = try templates.render("layout", ["title": "A <b>", "content": "<p>body</p>"] as [String: Any])
        #expect(page.contains("<title>A &lt;b&gt; · AutoDQM</title>"))
        #expect(page.contains("/static/css/autodqm.css"))
    }
}
