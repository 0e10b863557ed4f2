/// A binned histogram or profile in one to three dimensions, independent of
/// how it was stored.
///
/// Per-cell arrays are indexed by ROOT's global bin,
/// `x + (nx + 2) * (y + (ny + 2) * z)`, flow bins included. For a profile,
/// `contents` are the bin means and `variances` the squared errors on them,
/// both as ROOT's `GetBinContent`/`GetBinError` give them.
public struct Histogram: Sendable, Equatable, Codable {
    /// The ROOT class it was read from, e.g. `TH1F` or `TProfile2D`.
    public let className: String
    public let title: String
    public let axes: [Axis]
    public let contents: [Double]
    /// Per-cell variances (ROOT's Sumw2) where stored; `nil` means Poisson, variance = |content|.
    public let variances: [Double]?
    /// Profiles only: the sum of weights in each cell (ROOT's `GetBinEntries`).
    public let binEntries: [Double]?
    public let entries: Double
    public private(set) var moments: Moments

    public init(
        className: String, title: String = "", axes: [Axis], contents: [Double],
        variances: [Double]? = nil, binEntries: [Double]? = nil, entries: Double, moments: Moments? = nil
    ) throws(HistogramError) {
        guard (1...3).contains(axes.count) else { throw .invalidDimension(axes.count) }
        var cells = 1
        for axis in axes {
            // Bin counts come from files: a product that overflows cannot match any array.
            let (product, overflow) = cells.multipliedReportingOverflow(by: axis.cellCount)
            guard !overflow else { throw .cellCountMismatch(what: "contents", expected: Int.max, actual: contents.count) }
            cells = product
        }
        guard contents.count == cells else {
            throw .cellCountMismatch(what: "contents", expected: cells, actual: contents.count)
        }
        if let variances, variances.count != cells {
            throw .cellCountMismatch(what: "variances", expected: cells, actual: variances.count)
        }
        if let binEntries, binEntries.count != cells {
            throw .cellCountMismatch(what: "bin entries", expected: cells, actual: binEntries.count)
        }
        self.className = className
        self.title = title
        self.axes = axes
        self.contents = contents
        self.variances = variances
        self.binEntries = binEntries
        self.entries = entries
        self.moments = moments ?? Moments(sumOfWeights: 0, sumOfSquaredWeights: 0, firstMoments: [], secondMoments: [])
        if moments == nil { self.moments = Moments.fromBins(of: self) }
    }

    public var dimension: Int { axes.count }
    public var isProfile: Bool { binEntries != nil }
    public var cellCount: Int { contents.count }

    public var xAxis: Axis { axes[0] }
    public var yAxis: Axis? { axes.count > 1 ? axes[1] : nil }
    public var zAxis: Axis? { axes.count > 2 ? axes[2] : nil }

    /// The global bin of cell (x, y, z); coordinates beyond the dimension are ignored.
    public func globalBin(x: Int, y: Int = 0, z: Int = 0) -> Int {
        let nx = axes[0].cellCount
        let ny = axes.count > 1 ? axes[1].cellCount : 1
        return x + nx * ((axes.count > 1 ? y : 0) + ny * (axes.count > 2 ? z : 0))
    }

    /// The per-axis bin numbers of a global bin (unused axes are 0).
    public func binCoordinates(ofGlobalBin bin: Int) -> (x: Int, y: Int, z: Int) {
        let nx = axes[0].cellCount
        let ny = axes.count > 1 ? axes[1].cellCount : 1
        return (bin % nx, (bin / nx) % ny, bin / (nx * ny))
    }

    public func variance(atGlobalBin bin: Int) -> Double {
        variances?[bin] ?? contents[bin].magnitude
    }

    /// ROOT's `GetBinError`.
    public func error(atGlobalBin bin: Int) -> Double {
        variance(atGlobalBin: bin).squareRoot()
    }

    public var errors: [Double] { contents.indices.map(error(atGlobalBin:)) }

    /// Whether the global bin is inside the range of every axis (not a flow bin).
    public func isInRange(globalBin bin: Int) -> Bool {
        let (x, y, z) = binCoordinates(ofGlobalBin: bin)
        return isInRange(x, axis: 0) && isInRange(y, axis: 1) && isInRange(z, axis: 2)
    }

    /// The global bins of all in-range cells, x fastest.
    public var inRangeBins: [Int] {
        let ny = yAxis?.binCount ?? 1, nz = zAxis?.binCount ?? 1
        let ys = yAxis == nil ? 0...0 : 1...ny, zs = zAxis == nil ? 0...0 : 1...nz
        var bins: [Int] = []
        bins.reserveCapacity(xAxis.binCount * ny * nz)
        for z in zs { for y in ys { for x in 1...xAxis.binCount { bins.append(globalBin(x: x, y: y, z: z)) } } }
        return bins
    }

    /// The global bins inside per-axis bin ranges (nil or missing = every in-range bin), x fastest.
    public func bins(in ranges: [ClosedRange<Int>?]) -> [Int] {
        func range(_ axis: Int) -> ClosedRange<Int> {
            guard axis < axes.count else { return 0...0 }
            let all = 1...axes[axis].binCount
            return (axis < ranges.count ? ranges[axis] : nil)?.clamped(to: 0...(axes[axis].binCount + 1)) ?? all
        }
        var bins: [Int] = []
        for z in range(2) { for y in range(1) { for x in range(0) { bins.append(globalBin(x: x, y: y, z: z)) } } }
        return bins
    }

    /// Calls `body` with the first global bin and the length of every in-range x row, in
    /// `inRangeBins` order: loops over whole rows need no list of bins. Inlinable so that
    /// callers' loops over each row compile as if written in place.
    @inlinable
    public func forEachInRangeRow<E: Error>(_ body: (_ start: Int, _ length: Int) throws(E) -> Void) throws(E) {
        let nx = axes[0].binCount
        let rowCells = nx + 2
        let ny = axes.count > 1 ? axes[1].binCount : 1, nz = axes.count > 2 ? axes[2].binCount : 1
        let planeCells = rowCells * (axes.count > 1 ? axes[1].cellCount : 1)
        let yFirst = axes.count > 1 ? 1 : 0, zFirst = axes.count > 2 ? 1 : 0
        for z in zFirst..<(zFirst + nz) {
            for y in yFirst..<(yFirst + ny) { try body(z * planeCells + y * rowCells + 1, nx) }
        }
    }

    /// ROOT's `GetSumOfWeights`: the sum of in-range contents (bin means for profiles).
    public var sumOfWeights: Double {
        contents.withUnsafeBufferPointer { contents in
            var sum = 0.0
            forEachInRangeRow { start, length in
                for x in start..<(start + length) { sum += contents[x] }
            }
            return sum
        }
    }

    /// ROOT's `GetMean(axis + 1)`.
    public func mean(axis: Int) -> Double { moments.mean(axis: axis) }

    /// ROOT's `GetStdDev(axis + 1)`.
    public func standardDeviation(axis: Int) -> Double { moments.standardDeviation(axis: axis) }

    /// RelMon's rule for choosing a weighted chi-square test: profiles, and histograms
    /// whose entry count differs from their sum of weights.
    public var isWeighted: Bool { isProfile || entries != sumOfWeights }

    /// Whether every cell is zero (and, for profiles, has no entries).
    public var isEmpty: Bool {
        if let binEntries { return binEntries.allSatisfy { $0 == 0 } }
        return contents.allSatisfy { $0 == 0 }
    }

    private func isInRange(_ bin: Int, axis: Int) -> Bool {
        guard axis < axes.count else { return true }
        return bin >= 1 && bin <= axes[axis].binCount
    }
}

extension Moments {
    /// The sums ROOT derives from in-range bin centres when a file stores none
    /// (`TH1::GetStats` with `fTsumw == 0`), or from the bins of a displayed range
    /// (`binRanges`, one per axis, as `TAxis::SetRange` leaves them; nil = all in range).
    public static func fromBins(of histogram: Histogram, binRanges: [ClosedRange<Int>?] = []) -> Moments {
        let dimension = histogram.dimension
        let statAxes = dimension + (histogram.isProfile ? 1 : 0)
        var moments = Moments(
            sumOfWeights: 0, sumOfSquaredWeights: 0,
            firstMoments: Array(repeating: 0, count: statAxes),
            secondMoments: Array(repeating: 0, count: statAxes))
        let bins = binRanges.contains { $0 != nil } ? histogram.bins(in: binRanges) : histogram.inRangeBins
        for bin in bins {
            let (x, y, z) = histogram.binCoordinates(ofGlobalBin: bin)
            let centres = [x, y, z].prefix(dimension).enumerated().map { histogram.axes[$0.offset].center(ofBin: $0.element) }
            let weight: Double
            if let binEntries = histogram.binEntries {
                weight = binEntries[bin]
                let value = histogram.contents[bin]
                moments.firstMoments[dimension] += weight * value
                moments.secondMoments[dimension] += weight * value * value
                moments.sumOfSquaredWeights += weight
            } else {
                weight = histogram.contents[bin]
                moments.sumOfSquaredWeights += histogram.variance(atGlobalBin: bin)
            }
            moments.sumOfWeights += weight
            for (axis, centre) in centres.enumerated() {
                moments.firstMoments[axis] += weight * centre
                moments.secondMoments[axis] += weight * centre * centre
            }
        }
        return moments
    }
}
