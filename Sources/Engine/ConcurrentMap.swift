extension Collection where Element: Sendable {
    /// `map` run on up to `width` concurrent tasks, results in input order.
    ///
    /// The window is bounded so that a report over tens of thousands of
    /// histograms holds only `width` of them in memory at once. `completed` is
    /// called after each element, from the calling task, with the count so far.
    func concurrentMap<Result: Sendable>(
        width: Int, completed: ((Int) -> Void)? = nil,
        _ transform: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var pending = enumerated().makeIterator()
            func startNext() -> Bool {
                guard let (index, element) = pending.next() else { return false }
                group.addTask { (index, try await transform(element)) }
                return true
            }
            for _ in 0..<Swift.max(1, width) where !startNext() { break }
            var done = 0
            while let (index, result) = try await group.next() {
                results[index] = result
                done += 1
                completed?(done)
                _ = startNext()
            }
        }
        return results.compactMap { $0 }
    }
}
