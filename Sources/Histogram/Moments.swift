/// The weighted sums ROOT keeps for statistics (`fTsumw`, `fTsumw2`, `fTsumwx`, ...).
///
/// `firstMoments[i]` is Σw·xᵢ and `secondMoments[i]` Σw·xᵢ² along axis `i`; a
/// profile has one entry more, for its value axis (ROOT's `GetMean(dimension + 1)`).
public struct Moments: Sendable, Equatable, Hashable, Codable {
    public var sumOfWeights: Double
    public var sumOfSquaredWeights: Double
    public var firstMoments: [Double]
    public var secondMoments: [Double]

    public init(sumOfWeights: Double, sumOfSquaredWeights: Double, firstMoments: [Double], secondMoments: [Double]) {
        self.sumOfWeights = sumOfWeights
        self.sumOfSquaredWeights = sumOfSquaredWeights
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }

    /// ROOT's `GetMean(axis + 1)`.
    public func mean(axis: Int) -> Double {
        guard sumOfWeights != 0, firstMoments.indices.contains(axis) else { return 0 }
        return firstMoments[axis] / sumOfWeights
    }

    /// ROOT's `GetStdDev(axis + 1)`; ROOT takes the absolute value to absorb rounding.
    public func standardDeviation(axis: Int) -> Double {
        guard sumOfWeights != 0, secondMoments.indices.contains(axis) else { return 0 }
        let mean = mean(axis: axis)
        return (secondMoments[axis] / sumOfWeights - mean * mean).magnitude.squareRoot()
    }

    /// ROOT's effective number of entries, (Σw)² / Σw².
    public var effectiveEntries: Double {
        sumOfSquaredWeights > 0 ? sumOfWeights * sumOfWeights / sumOfSquaredWeights : 0
    }
}
