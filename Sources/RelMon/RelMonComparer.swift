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
        let walk = PairWalk(test: test, reference: reference, options: options)
        let topName = options.topDirectory.last ?? ""
        var root = walk.isBlacklisted(topName, depth: 0, mother: nil)
            ? RelMonDirectory(name: topName)
            : walk.directory(
                name: topName, testPath: testStart, referencePath: referenceStart,
                walkerPath: options.topDirectory, depth: 0, address: [])
        var problems = walk.problems
        let outcomes = run(walk.jobs, test: test, reference: reference, showSuccesses: showSuccesses, plotter: plotter)
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

    /// Runs the jobs on `options.parallelism` threads, each taking the next job not yet
    /// taken: pairs differ a lot in cost (a large map with a plot against a small 1D
    /// histogram), so a fixed share per thread would leave one idle at the end.
    private func run(
        _ jobs: [PairWalk.Job], test: any HistogramSource, reference: any HistogramSource,
        showSuccesses: Bool, plotter: Plotter?
    ) -> [Outcome] {
        let workers = min(options.parallelism, max(1, jobs.count))
        let results = Mutex([Outcome?](repeating: nil, count: jobs.count))
        let paths = jobs.map { ($0.test, $0.reference, $0.path) }
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var mine: [(Int, Outcome)] = []
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < paths.count else { break }
                let (testPath, referencePath, path) = paths[index]
                mine.append((index, outcome(
                    test: test, testPath, reference: reference, referencePath, path: path,
                    showSuccesses: showSuccesses, plotter: plotter)))
            }
            results.withLock { all in for (index, outcome) in mine { all[index] = outcome } }
        }
        return results.withLock { $0.map { $0 ?? Outcome(verdict: Verdict(status: .null, rank: .nan, note: .undefined)) } }
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
