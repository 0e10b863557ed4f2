/// The JSON document `root_dump.py` writes from what real ROOT reads: our
/// golden-file format, and the output of `autodqm inspect --json`.
///
/// Numbers that are not finite are written as `null`, as the Python dumper does.
public struct FileDump: Sendable, Equatable, Codable {
    public var file: String
    public var histograms: [HistogramDump]
    public var strings: [StringDump]

    public init(file: String, histograms: [HistogramDump] = [], strings: [StringDump] = []) {
        self.file = file
        self.histograms = histograms
        self.strings = strings
    }
}

public struct StringDump: Sendable, Equatable, Codable {
    public var path: String
    public var cycle: Int
    public var value: String

    public init(path: String, cycle: Int, value: String) {
        self.path = path
        self.cycle = cycle
        self.value = value
    }
}

public struct HistogramDump: Sendable, Equatable, Codable {
    public var path: String
    public var className: String
    public var title: String
    public var entries: Double?
    public var sumw: Double?
    public var axes: [AxisDump]
    public var contents: [Double?]
    public var errors: [Double?]
    public var mean: [Double?]
    public var stddev: [Double?]
    public var binEntries: [Double?]?
    public var cycle: Int

    enum CodingKeys: String, CodingKey {
        case path, className = "class", title, entries, sumw, axes, contents, errors, mean, stddev, binEntries, cycle
    }

    /// The dump of a histogram, with every value ROOT's accessors would give.
    public init(path: String, cycle: Int, histogram: Histogram) {
        self.path = path
        self.cycle = cycle
        className = histogram.className
        title = histogram.title
        entries = finite(histogram.entries)
        sumw = finite(histogram.sumOfWeights)
        axes = histogram.axes.map(AxisDump.init)
        contents = histogram.contents.map(finite)
        errors = histogram.errors.map(finite)
        mean = (0..<histogram.dimension).map { finite(histogram.mean(axis: $0)) }
        stddev = (0..<histogram.dimension).map { finite(histogram.standardDeviation(axis: $0)) }
        binEntries = histogram.binEntries?.map(finite)
    }

    /// Rebuilds the model from a dump. Statistics come from the dumped means and
    /// standard deviations, so `mean(axis:)` and `standardDeviation(axis:)` match ROOT's.
    public func histogram() throws(HistogramError) -> Histogram {
        var modelAxes: [Axis] = []
        for (index, axis) in axes.enumerated() { modelAxes.append(try axis.axis(index: index)) }
        let sumOfWeights = sumw ?? 0
        let means = mean.map { $0 ?? 0 }, deviations = stddev.map { $0 ?? 0 }
        let moments = Moments(
            sumOfWeights: sumOfWeights, sumOfSquaredWeights: sumOfWeights,
            firstMoments: means.map { $0 * sumOfWeights },
            secondMoments: zip(means, deviations).map { ($1 * $1 + $0 * $0) * sumOfWeights })
        return try Histogram(
            className: className, title: title, axes: modelAxes,
            contents: contents.map { $0 ?? .nan },
            variances: errors.map { ($0 ?? .nan) * ($0 ?? .nan) },
            binEntries: binEntries.map { $0.map { $0 ?? .nan } },
            entries: entries ?? .nan, moments: moments)
    }
}

public struct AxisDump: Sendable, Equatable, Codable {
    public var nbins: Int
    public var min: Double
    public var max: Double
    public var title: String
    public var edges: [Double]?
    public var labels: [BinLabel]?

    public init(_ axis: Axis) {
        nbins = axis.binCount
        min = axis.lowerEdge
        max = axis.upperEdge
        title = axis.title
        edges = axis.variableEdges.map { stored in
            // ROOT's GetBinLowEdge(nbins + 1) ignores the stored edges: it extrapolates
            // the uniform width, and the dump reports what ROOT reports.
            let width = (axis.upperEdge - axis.lowerEdge) / Double(axis.binCount)
            return Array(stored.dropLast()) + [axis.lowerEdge + Double(axis.binCount) * width]
        }
        labels = axis.hasLabels ? axis.labels.sorted { $0.key < $1.key }.map { BinLabel(bin: $0.key, text: $0.value) } : nil
    }

    func axis(index: Int) throws(HistogramError) -> Axis {
        let labelsByBin = Dictionary((labels ?? []).map { ($0.bin, $0.text) }, uniquingKeysWith: { first, _ in first })
        return try Axis(
            binCount: nbins, lowerEdge: min, upperEdge: max, variableEdges: edges,
            labels: labelsByBin, title: title, index: index)
    }
}

/// A bin label, written as the pair `[bin, "text"]`.
public struct BinLabel: Sendable, Equatable, Codable {
    public var bin: Int
    public var text: String

    public init(bin: Int, text: String) {
        self.bin = bin
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        bin = try pair.decode(Int.self)
        text = try pair.decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var pair = encoder.unkeyedContainer()
        try pair.encode(bin)
        try pair.encode(text)
    }
}

private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
