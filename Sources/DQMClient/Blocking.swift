import Foundation

/// Runs blocking work (libcurl transfers, file copies) on a dispatch thread,
/// keeping the cooperative Swift concurrency threads free.
public func onDispatchThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
