public import Histogram
import Dispatch
import Synchronization

/// RelMon's whole-file comparison (`compare_using_files.py -C`): walk both files from
/// their run directories, test every histogram pair, and rank the directories.
public struct RelMonComparer: Sendable {
    /// Draws one tested pair and returns the plot's file name in the report, or `nil`.
    public typealias Plotter = @Sendable (_ comparison: RelMonComparison, _ test: Histogram, _ reference: Histogram) -> String?

    public let options: RelMonOptions
    public let statistics: any RelMonStatistics

    public init(options: RelMonOptions, statistics: any RelMonStatistics) {
        self.options = options
        self.statistics = statistics
    }

    public func compare(
        test: any HistogramSource, reference: any HistogramSource, showSuccesses: Bool = true,
        plotter: Plotter? = nil
    ) throws -> RelMonResult {
        let testTop = try RunDirectory.locate(in: test), referenceTop = try RunDirectory.locate(in: reference)
        let testStart = testTop.path + options.topDirectory, referenceStart = referenceTop.path + options.topDirectory
        for (source, start) in [(test, testStart), (reference, referenceStart)] where !options.topDirectory.isEmpty {
            guard try source.isDirectory(start) else {
                throw RelMonError.directoryMissing(file: source.name, path: start.joined(separator: "/"))
            }
        }
        let queue = JobQueue()
        let walk = PairWalk(test: test, reference: reference, options: options, found: queue.add)
        let topName = options.topDirectory.last ?? ""
        var root = RelMonDirectory(name: topName)
        let outcomes = run(queue, test: test, reference: reference, showSuccesses: showSuccesses, plotter: plotter) {
            defer { queue.finish() }
            guard !walk.isBlacklisted(topName, depth: 0, mother: nil) else { return }
            root = walk.directory(
                name: topName, testPath: testStart, referencePath: referenceStart,
                walkerPath: options.topDirectory, depth: 0, address: [])
        }
        var problems = walk.problems
        for (job, outcome) in zip(walk.jobs, outcomes) {
            root.update(at: job.directory[...], comparison: job.comparison) { comparison in
                comparison.status = outcome.verdict.status
                comparison.rank = outcome.verdict.rank
                comparison.note = outcome.verdict.note
                comparison.plot = outcome.plot
            }
            if let problem = outcome.problem { problems.append(problem) }
        }
        root.finalize()
        if root.totals.weight == 0 {
            let reason: RelMonError = walk.blacklistedDirectories > 0
                ? .everythingBlacklisted : .nothingInCommon(test: test.name, reference: reference.name)
            problems.append(reason.description)
        }
        return RelMonResult(
            test: options.test, threshold: options.threshold,
            testFile: ComparedFile(name: test.name.lastPathComponent, runDirectory: testTop.runName),
            referenceFile: ComparedFile(name: reference.name.lastPathComponent, runDirectory: referenceTop.runName),
            topDirectory: options.topDirectory.joined(separator: "/"),
            directoryBlacklist: options.directoryBlacklist.entries.map { "\($0.mother.map { "\($0)/" } ?? "")\($0.name)@\($0.depth)" },
            histogramBlacklistSize: options.histogramBlacklist.paths.count,
            showSuccesses: showSuccesses, root: root, problems: problems)
    }

    private struct Outcome: Sendable {
        var verdict: Verdict
        var plot: String?
        var problem: String?
    }

    /// Runs `walk` on this thread and the jobs it finds on `options.parallelism` threads,
    /// this one joining in when the walk is over. Each thread takes the next job not yet
    /// taken: pairs differ a lot in cost (a large map with a plot against a small 1D
    /// histogram), so a fixed share per thread would leave one idle at the end.
    private func run(
        _ queue: JobQueue, test: any HistogramSource, reference: any HistogramSource,
        showSuccesses: Bool, plotter: Plotter?, walk: () -> Void
    ) -> [Outcome] {
        let done = Outcomes()
        let helpers = DispatchGroup()
        for _ in 1..<options.parallelism {
            DispatchQueue.global().async(group: helpers) {
                drain(queue, into: done, test: test, reference: reference, showSuccesses: showSuccesses, plotter: plotter)
            }
        }
        walk()
        drain(queue, into: done, test: test, reference: reference, showSuccesses: showSuccesses, plotter: plotter)
        helpers.wait()
        return done.list.withLock { results in
            var outcomes = [Outcome](repeating: Outcome(verdict: Verdict(status: .null, rank: .nan, note: .undefined)), count: results.count)
            for (index, outcome) in results { outcomes[index] = outcome }
            return outcomes
        }
    }

    /// Outcomes by job index, from every thread.
    private final class Outcomes: Sendable {
        let list = Mutex<[(Int, Outcome)]>([])
    }

    private func drain(
        _ queue: JobQueue, into done: Outcomes, test: any HistogramSource, reference: any HistogramSource,
        showSuccesses: Bool, plotter: Plotter?
    ) {
        var mine: [(Int, Outcome)] = []
        while let (index, job) = queue.next() {
            mine.append((index, outcome(
                test: test, job.test, reference: reference, job.reference, path: job.path,
                showSuccesses: showSuccesses, plotter: plotter)))
        }
        done.list.withLock { $0 += mine }
    }

    private func outcome(
        test: any HistogramSource, _ testPath: [String], reference: any HistogramSource, _ referencePath: [String],
        path: String, showSuccesses: Bool, plotter: Plotter?
    ) -> Outcome {
        let testHistogram: Histogram, referenceHistogram: Histogram
        do {
            testHistogram = try test.histogram(at: testPath)
            referenceHistogram = try reference.histogram(at: referencePath)
        } catch {
            return Outcome(verdict: Verdict(status: .null, rank: .nan, note: .unreadable), problem: "\(error)")
        }
        let plan = TestPlan(test: options.test, first: testHistogram, second: referenceHistogram)
        let verdict = plan.verdict(threshold: options.threshold, using: statistics)
        guard let plotter, verdict.status != .success || showSuccesses else { return Outcome(verdict: verdict) }
        let comparison = RelMonComparison(
            name: testPath.last ?? "", path: path, className: testHistogram.className,
            status: verdict.status, rank: verdict.rank, note: verdict.note)
        return Outcome(verdict: verdict, plot: plotter(comparison, testHistogram, referenceHistogram))
    }
}
