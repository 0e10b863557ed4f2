/// A histogram or profile exactly as stored: the TH1 base members, the statistics sums of
/// the TH2/TH3 bases, the cell array and, for profiles, their extra arrays.
public struct HistogramRecord: Sendable {
    public var className: String
    /// 1, 2 or 3, from the class.
    public var dimension: Int
    public var name = ""
    public var title = ""
    /// Number of cells including under/overflow.
    public var cellCount = 0
    /// x, y and z axes as stored (a 1D histogram still stores y and z with one bin).
    public var axes: [AxisRecord] = []
    public var entries = 0.0
    /// fTsumw, fTsumw2.
    public var sumOfWeights = 0.0
    public var sumOfSquaredWeights = 0.0
    /// Σw·x, Σw·y, Σw·z as far as the class's dimension goes (fTsumwx, fTsumwy, fTsumwz).
    public var firstMoments: [Double] = []
    /// Σw·x², Σw·y², Σw·z².
    public var secondMoments: [Double] = []
    /// fSumw2: per cell Σw² (for profiles Σw·y²); empty when not stored.
    public var sumw2: [Double] = []
    /// The cell array (for profiles Σw·y per cell).
    public var cells: [Double] = []
    public var profile: ProfileRecord?

    init(className: String, dimension: Int) {
        self.className = className
        self.dimension = dimension
    }
}

/// The members a profile adds to its histogram base.
public struct ProfileRecord: Sendable {
    /// fBinEntries: Σw per cell.
    public var binEntries: [Double]
    /// 0 mean (""), 1 spread ("s"), 2 "i", 3 "g".
    public var errorMode: Int
    /// Σw·v and Σw·v² of the profiled value (fTsumwy / fTsumwz / fTsumwt).
    public var valueMoments: (first: Double, second: Double)
    /// fBinSumw2: per cell Σw²; empty unless Sumw2 was called.
    public var binSumw2: [Double]
}
