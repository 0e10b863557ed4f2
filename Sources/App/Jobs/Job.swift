public import Foundation

/// A job as the queue stores it and the API shows it.
public struct Job: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case queued, fetching, comparing, done, failed

        /// Whether a worker holds the job now.
        public var isRunning: Bool { self == .fetching || self == .comparing }
        public var isFinished: Bool { self == .done || self == .failed }
    }

    public var id: String
    public var query: JobQuery
    /// The result this job produces (or produced): query + config version + tool version.
    public var resultKey: String
    public var status: Status
    public var progress: JobProgress
    public var error: String?
    public var client: String
    public var attempts: Int
    public var created: Date
    public var updated: Date
}

/// How far a job has got: bytes while fetching, histograms while comparing.
public struct JobProgress: Sendable, Equatable, Codable {
    public var bytes: Int64 = 0
    /// Sum of the run files' listed sizes; 0 when unknown.
    public var totalBytes: Int64 = 0
    public var filesFetched = 0
    public var files = 0
    public var compared = 0
    public var histograms = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case bytes, totalBytes = "total_bytes", filesFetched = "files_fetched", files, compared, histograms
    }
}
