public import Foundation
import Synchronization

/// Compares many file pairs at once, `jobs` at a time, each into its own sub-report
/// (ValidationMatrix's process pool). A pair that fails is recorded, not fatal.
public struct MatrixRunner: Sendable {
    /// Compares one pair and writes its report into the folder; returns its result.
    public typealias PairJob = @Sendable (_ pair: MatrixPair, _ folder: URL) throws -> RelMonResult

    public let jobs: Int
    public let compare: PairJob

    public init(jobs: Int, compare: @escaping PairJob) {
        self.jobs = max(1, jobs)
        self.compare = compare
    }

    /// Runs every pair into `output/<pair name>/` and returns the samples in pair order.
    /// `progress` is called once per finished pair (from worker threads).
    public func run(
        _ pairs: [MatrixPair], output: URL, progress: @Sendable (MatrixSample) -> Void = { _ in }
    ) -> [MatrixSample] {
        let samples = Mutex([MatrixSample?](repeating: nil, count: pairs.count))
        SharedWork.forEachIndex(pairs.count, workers: jobs) { index in
            let pair = pairs[index]
            let sample: MatrixSample
            do {
                sample = MatrixSample(name: pair.name, result: try compare(pair, output.appendingPathComponent(pair.name)))
            } catch {
                sample = MatrixSample(name: pair.name, pair: pair, error: "\(error)")
            }
            progress(sample)
            samples.withLock { $0[index] = sample }
        }
        return samples.withLock { $0.compactMap { $0 } }
    }
}
