/// AutoDQM's chi2 for DT 2D maps (autodqm/rebin_utils.py): hot-bin suppression,
/// then the maximum of the chi2 over block-averaged pull maps at several
/// rebinning factors, so that a coherent regional shift is not buried by noise.
enum DTRebinning {
    /// `pulls` are x-fastest (index y·nx + x); `binsUsed` is beta_binomial's count.
    static func chi2(pulls: [Double], nx: Int, ny: Int, binsUsed: Int) -> Double {
        // AutoDQM's arrays are indexed [x][y]; keep that orientation.
        var grid = (0..<nx).map { x in (0..<ny).map { y in pulls[y * nx + x] } }
        suppressHotBins(&grid)
        let used = Double(binsUsed)
        var candidates = [grid.joined().reduce(0) { $0 + $1 * $1 } / used]
        grid = pad(grid)
        grid = transpose(pad(transpose(grid)))
        let paddedX = grid.count, paddedY = grid.first?.count ?? 0
        for rbX in 1..<max(2, Int(Double(paddedX).squareRoot())) where paddedX % rbX == 0 {
            for rbY in 1..<max(2, Int(Double(paddedY).squareRoot())) where paddedY % rbY == 0 {
                var sum = 0.0, nonZero = 0
                for bx in 0..<(paddedX / rbX) {
                    for by in 0..<(paddedY / rbY) {
                        var block = 0.0
                        for x in (bx * rbX)..<((bx + 1) * rbX) {
                            for y in (by * rbY)..<((by + 1) * rbY) { block += grid[x][y] }
                        }
                        block /= Double(rbX * rbY)
                        if block != 0 { nonZero += 1 }
                        sum += block * block
                    }
                }
                guard nonZero > 0 else { continue }
                candidates.append((used / Double(nonZero)).squareRoot() * sum / Double(nonZero))
            }
        }
        return candidates.max() ?? 0
    }

    /// Replaces the largest |pull| by the mean of its neighbours while that
    /// changes Σpull² by more than 10 %, at most sqrt(non-zero bins)/5 times.
    static func suppressHotBins(_ grid: inout [[Double]]) {
        let rows = grid.count, columns = grid.first?.count ?? 0
        let nonZero = grid.joined().filter { $0 != 0 }.count
        let limit = Int(Double(nonZero).squareRoot() / 5)
        var before = grid.joined().reduce(0) { $0 + $1 * $1 }
        var after = before / 2
        var iteration = 0
        while iteration < limit && 2 * (before - after) / (before + after) > 0.1 {
            if iteration > 0 { before = after }
            var (row, column, largest) = (0, 0, -1.0)
            for r in 0..<rows { for c in 0..<columns where abs(grid[r][c]) > largest { (row, column, largest) = (r, c, abs(grid[r][c])) } }
            var neighbours: [Double] = []
            for r in (row - 1)...(row + 1) {
                for c in (column - 1)...(column + 1) where r >= 0 && r < rows && c >= 0 && c < columns && (r != row || c != column) {
                    neighbours.append(grid[r][c])
                }
            }
            if !neighbours.isEmpty { grid[row][column] = neighbours.reduce(0, +) / Double(neighbours.count) }
            after = grid.joined().reduce(0) { $0 + $1 * $1 } + 1e-3
            iteration += 1
        }
    }

    /// Pads the first axis so that more of 2, 3, 4, 5 divide its length, by
    /// replicating edge rows alternately at the end and at the start.
    static func pad(_ grid: [[Double]]) -> [[Double]] {
        let n = grid.count
        guard n > 0 else { return grid }
        func divisors(_ m: Int) -> Int { [2, 3, 4, 5].filter { m % $0 == 0 }.count }
        var best = divisors(n), extra = 0, i = 1
        while best < 3 && 10 * i < n {
            if divisors(n + i) > best { (best, extra) = (divisors(n + i), i) }
            i += 1
        }
        var padded = grid
        for step in 0..<extra {
            if step % 2 == 0 { padded.append(padded[padded.count - 1]) } else { padded.insert(padded[0], at: 0) }
        }
        return padded
    }

    static func transpose(_ grid: [[Double]]) -> [[Double]] {
        guard let columns = grid.first?.count else { return grid }
        return (0..<columns).map { c in grid.map { $0[c] } }
    }
}
