import Histogram
import Testing

/// DQM monitor elements stored as `<name>KIND=value</name>` strings (CMSSW's legacy writer).
@Suite struct DQMScalarTests {
    @Test func typedValues() {
        #expect(DQMScalar(parsing: "<iRun>i=315705</iRun>") == DQMScalar(name: "iRun", value: .integer(315_705)))
        #expect(DQMScalar(parsing: "<reportSummary>f=0.98765432101234567</reportSummary>")
            == DQMScalar(name: "reportSummary", value: .real(0.98765432101234567)))
        #expect(DQMScalar(parsing: "<CMSSW>s=\"CMSSW_8_2_0\"</CMSSW>") == DQMScalar(name: "CMSSW", value: .string("\"CMSSW_8_2_0\"")))
        #expect(DQMScalar(parsing: "<effPlot>e=1</effPlot>") == DQMScalar(name: "effPlot", value: .efficiencyFlag(true)))
        #expect(DQMScalar(parsing: "<hPt>t=42</hPt>") == DQMScalar(name: "hPt", value: .tag(42)))
    }

    @Test func qualityTestResults() throws {
        let new = try #require(DQMScalar(parsing: "<chi2.Chi2Test>qr=st:100:0.87:Comp2RefChi2:ok: fine</chi2.Chi2Test>"))
        #expect(new.name == "chi2")
        #expect(new.value == .qualityTest(QualityTestResult(
            testName: "Chi2Test", status: 100, result: 0.87, algorithm: "Comp2RefChi2", message: "ok: fine")))
        let old = try #require(DQMScalar(parsing: "<a.b.XRange>qr=st.300.out of range</a.b.XRange>"))
        #expect(old.name == "a.b")
        #expect(old.value == .qualityTest(QualityTestResult(
            testName: "XRange", status: 300, result: nil, algorithm: nil, message: "out of range")))
    }

    @Test func nonDQMStringsAreRejected() {
        for text in ["CMSSW_8_2_0", "<a>i=1</b>", "<a>x=1</a>", "<a>i=one</a>", "<>i=1</>", "<a>qr=st:1</a>", "<a.T>qr=bogus</a.T>"] {
            #expect(DQMScalar(parsing: text) == nil, "\(text)")
        }
    }
}
