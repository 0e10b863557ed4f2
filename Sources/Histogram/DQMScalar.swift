/// A DQM monitor element stored as text, `<name>KIND=value</name>`: integers (`i=`),
/// reals (`f=`), strings (`s=`), efficiency flags (`e=`), tags (`t=`) and quality-test
/// results (`qr=`), as CMSSW's legacy DQM writer formats them.
public struct DQMScalar: Sendable, Equatable, Hashable, Codable {
    /// The monitor element's name; for quality tests, the element the test ran on.
    public let name: String
    public let value: Value

    public enum Value: Sendable, Equatable, Hashable, Codable {
        case integer(Int64)
        case real(Double)
        /// Written verbatim: any quotes are part of the value.
        case string(String)
        /// Marks the histogram `name` as an efficiency plot.
        case efficiencyFlag(Bool)
        case tag(UInt32)
        case qualityTest(QualityTestResult)
    }

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// Parses the text of a DQM TObjString; nil when it is not in the DQM format
    /// (old files hold stray strings that readers ignore).
    public init?(parsing text: String) {
        guard text.hasPrefix("<"), let close = text.firstIndex(of: ">") else { return nil }
        let tag = text[text.index(after: text.startIndex)..<close]
        let ending = "</\(tag)>"
        guard !tag.isEmpty, text.hasSuffix(ending) else { return nil }
        let body = text[text.index(after: close)..<text.index(text.endIndex, offsetBy: -ending.count)]
        guard let equals = body.firstIndex(of: "=") else { return nil }
        let kind = body[..<equals], raw = String(body[body.index(after: equals)...])
        switch kind {
        case "i": guard let number = Int64(raw) else { return nil }; value = .integer(number)
        case "f": guard let number = Double(raw) else { return nil }; value = .real(number)
        case "s": value = .string(raw)
        case "e": value = .efficiencyFlag(raw != "0")
        case "t": guard let number = UInt32(raw) else { return nil }; value = .tag(number)
        case "qr":
            guard let dot = tag.lastIndex(of: "."),
                  let result = QualityTestResult(testName: String(tag[tag.index(after: dot)...]), parsing: raw)
            else { return nil }
            name = String(tag[..<dot])
            value = .qualityTest(result)
            return
        default: return nil
        }
        name = String(tag)
    }
}

/// One quality test's outcome: `st:<status>:<result>:<algorithm>:<message>`, or the old
/// `st.<status>.<message>` form without result and algorithm.
public struct QualityTestResult: Sendable, Equatable, Hashable, Codable {
    public let testName: String
    /// `dqm::qstatus`: 30 other, 50 disabled, 60 invalid, 70 insufficient statistics,
    /// 90 did not run, 100 ok, 200 warning, 300 error.
    public let status: Int
    public let result: Double?
    public let algorithm: String?
    public let message: String

    public init(testName: String, status: Int, result: Double?, algorithm: String?, message: String) {
        self.testName = testName
        self.status = status
        self.result = result
        self.algorithm = algorithm
        self.message = message
    }

    init?(testName: String, parsing text: String) {
        if text.hasPrefix("st:") {
            let parts = text.dropFirst(3).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let status = Int(parts[0]), let result = Double(parts[1]) else { return nil }
            self.init(testName: testName, status: status, result: result, algorithm: String(parts[2]), message: String(parts[3]))
        } else if text.hasPrefix("st.") {
            let parts = text.dropFirst(3).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first, let status = Int(first) else { return nil }
            self.init(testName: testName, status: status, result: nil, algorithm: nil, message: parts.count > 1 ? String(parts[1]) : "")
        } else {
            return nil
        }
    }
}
