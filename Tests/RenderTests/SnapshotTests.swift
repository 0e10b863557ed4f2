import Foundation
import Render
import Testing

/// Each sample plot against its recorded SVG in Snapshots/. Re-record with
/// `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` (which fails, so a
/// recording run is never mistaken for a passing one), then look at the pictures.
@Suite struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: try Samples.all().map(\.0))
    func matchesSnapshot(name: String) throws {
        let spec = try #require(try Samples.all().first { $0.0 == name }?.1)
        let svg = Renderer.svg(for: spec)
        let file = Self.directory.appendingPathComponent("\(name).svg")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try svg.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(file.lastPathComponent); run again without RECORD_SNAPSHOTS to compare")
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(svg == recorded, "\(name).svg differs from the snapshot; re-record if the change is intended")
    }

    @Test func renderingIsDeterministic() throws {
        for (_, spec) in try Samples.all() {
            #expect(Renderer.svg(for: spec) == Renderer.svg(for: spec))
        }
    }
}
