import DQMClient
import Foundation
import RunStore
import SQLite
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A clock the test advances by hand, so least-recently-used order is exact.
final class ManualClock: Sendable {
    private let seconds = Mutex(1_000_000.0)
    func advance() { seconds.withLock { $0 += 60 } }
    var now: @Sendable () -> Date { { Date(timeIntervalSince1970: self.seconds.withLock { $0 }) } }
}

@Suite struct RunStoreTests {
    let catalog = RunCatalog(source: LocalDirectorySource(root: Fixtures.dqmServerRoot))

    private func file(_ run: Int) async throws -> RunFile {
        try await catalog.runFile(series: "Run2018", sample: "ZeroBias", run: run)
    }

    @Test func fetchPublishesTheFileWithItsMetadata() async throws {
        let folder = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(directory: folder)
        let lease = try await store.fetch(try await file(315_705), from: catalog.source)
        defer { lease.release() }
        let stored = lease.run
        #expect(stored.url.path.hasPrefix(folder.appendingPathComponent("runs").path))
        #expect(try Data(contentsOf: stored.url) == Data(contentsOf: Fixtures.dqmRun(315_705)))
        let md5sum = try DQMTestServer.run("/usr/bin/env", ["md5sum", Fixtures.dqmRun(315_705).path]).output
        #expect(md5sum.hasPrefix(stored.md5))
        #expect(stored.run == 315_705 && stored.version == 1 && stored.dataset == "/ZeroBias/Run2018A-PromptReco-v1/DQMIO")
        #expect(stored.source == catalog.source.identifier)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("partial").path)
            .filter { $0.hasSuffix(".part") }.isEmpty)
        // Reopening finds it; a second fetch uses the stored copy.
        let reopened = try RunStore(directory: folder)
        let again = try await reopened.fetch(try await file(315_705), from: catalog.source)
        #expect(again.run.fetched == stored.fetched)
        #expect(try reopened.entries().map(\.path) == [stored.path])
    }

    @Test func leastRecentlyUsedUnpinnedUnleasedFilesAreEvictedToTheWatermark() async throws {
        let folder = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        // Each fixture is ~650 kB: the quota holds three, the watermark two.
        let store = try RunStore(directory: folder, quota: 2_000_000, watermark: 0.7, clock: clock.now)
        var leases: [Int: RunLease] = [:]
        for run in [315_000, 315_100, 315_200] {
            leases[run] = try await store.fetch(try await file(run), from: catalog.source)
            clock.advance()
        }
        for lease in leases.values { lease.release() }
        try store.setPinned(leases[315_000]!.run.path, true)
        let held = try store.lease(leases[315_100]!.run.path)
        let newest = try await store.fetch(try await file(315_705), from: catalog.source)
        // 315000 is pinned and 315100 in use, so the oldest evictable is 315200...
        // and then nothing else may go, even though the watermark is not reached.
        #expect(try store.entries().map(\.run).sorted() == [315_000, 315_100, 315_705])
        #expect(!FileManager.default.fileExists(atPath: leases[315_200]!.run.url.path))
        held.release()
        newest.release()
        try store.setPinned(leases[315_000]!.run.path, false)
        // Now over the watermark only: nothing to do until the quota is exceeded again.
        #expect(try store.evict() == [])
        #expect(try store.totalSize() <= 2_000_000)
    }

    @Test func leaseOfACrashedProcessDoesNotProtectAFile() async throws {
        let folder = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(directory: folder, quota: 700_000, watermark: 0.9)
        let first = try await store.fetch(try await file(315_000), from: catalog.source)
        first.release()
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("store.sqlite").path)
        // No process has this id (above Linux's pid_max limit of 2^22).
        try database.write { try $0.execute("INSERT INTO leases (path, pid, acquired) VALUES (?, 5000000, 0)", .text(first.run.path)) }
        let second = try await store.fetch(try await file(315_100), from: catalog.source)
        defer { second.release() }
        #expect(try store.entries().map(\.run) == [315_100])
    }

    @Test func interruptedDownloadLeavesNoEntryAndIsResumed() async throws {
        let folder = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(directory: folder)
        let target = try await file(315_705)
        // What a crash mid-download leaves: half a file under partial/, no row.
        let bytes = try Data(contentsOf: Fixtures.dqmRun(315_705))
        try bytes.prefix(bytes.count / 2).write(to: folder.appendingPathComponent("partial/\(target.name.fileName).part"))
        #expect(try store.entries().isEmpty)
        let lease = try await store.fetch(target, from: catalog.source)
        defer { lease.release() }
        #expect(try Data(contentsOf: lease.run.url) == bytes)
        let md5sum = try DQMTestServer.run("/usr/bin/env", ["md5sum", Fixtures.dqmRun(315_705).path]).output
        #expect(md5sum.hasPrefix(lease.run.md5))
        // A stored file deleted behind the store's back is fetched again.
        try FileManager.default.removeItem(at: lease.run.url)
        let again = try await store.fetch(target, from: catalog.source)
        defer { again.release() }
        #expect(try Data(contentsOf: again.run.url) == bytes)
    }

    @Test func stalePartialDownloadsAreSweptUnlessRunning() async throws {
        let folder = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(directory: folder)
        let partial = folder.appendingPathComponent("partial")
        let old = Date().addingTimeInterval(-3 * 86_400)
        for name in ["stale", "fresh", "running"] {
            try Data("half".utf8).write(to: partial.appendingPathComponent("\(name).root.part"))
            if name != "fresh" {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: partial.appendingPathComponent("\(name).root.part").path)
            }
        }
        // Another process downloading "running" holds its lock.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", partial.appendingPathComponent("running.root.lock").path, "sleep", "10"]
        try holder.run()
        // SIGKILL: children of a test process may inherit a mask blocking SIGTERM.
        defer { kill(holder.processIdentifier, SIGKILL) }
        try await waitUntilLocked(partial.appendingPathComponent("running.root.lock"))
        #expect(try store.removeStalePartials(olderThan: 86_400) == ["stale.root.part"])
        let left = try FileManager.default.contentsOfDirectory(atPath: partial.path).filter { $0.hasSuffix(".part") }.sorted()
        #expect(left == ["fresh.root.part", "running.root.part"])
    }

    @Test func concurrentFetchesOfOneFileDownloadItOnce() async throws {
        let server = try DQMTestServer()
        defer { server.stop() }
        let folder = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(directory: folder)
        let source = try server.source()
        let target = try await RunCatalog(source: source).runFile(series: "Run2018", sample: "ZeroBias", run: 315_705)
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let lease = try await store.fetch(target, from: source)
                    defer { lease.release() }
                    return lease.run.url.path
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(paths.count == 1)
        #expect(server.requests().filter { $0.contains(".root") }.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths.first ?? "")) == Data(contentsOf: Fixtures.dqmRun(315_705)))
    }
}

/// Waits (up to 20 s, for a loaded machine) until another process holds an exclusive
/// `flock` on `url`, so a test does not race the child that takes it.
private func waitUntilLocked(_ url: URL) async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < deadline {
        let descriptor = open(url.path, O_RDONLY)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 { return }
            flock(descriptor, LOCK_UN)
        }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("no other process locked \(url.path) within 20 s")
}
