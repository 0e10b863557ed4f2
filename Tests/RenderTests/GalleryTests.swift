import Foundation
import Render
import Testing

/// Not a check: when `RENDER_GALLERY_DIR` is set, writes every sample plot and a
/// contact sheet there for `scripts/screenshot-plots` to photograph in Chromium.
@Suite struct GalleryTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RENDER_GALLERY_DIR"] != nil))
    func writeGallery() throws {
        let directory = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["RENDER_GALLERY_DIR"]))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var sheet = "<!doctype html><meta charset=\"utf-8\"><title>Sample plots</title>"
            + "<style>body{margin:12px;background:#eee;font:13px sans-serif}figure{display:inline-block;margin:6px;"
            + "background:#fff;box-shadow:0 1px 3px #999}figcaption{padding:2px 6px}</style>\n"
        for (name, spec) in try Samples.all() {
            try Renderer.svg(for: spec).write(to: directory.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
            sheet += "<figure><img src=\"\(name).svg\" width=\"\(spec.width)\" height=\"\(spec.height)\"><figcaption>\(name)</figcaption></figure>\n"
        }
        try sheet.write(to: directory.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    }
}
