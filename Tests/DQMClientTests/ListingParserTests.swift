import DQMClient
import Foundation
import Testing

/// The listing markup of the DQM GUI's `DQMFileAccess.browse`, as quoted in
/// shared/reference/dqm-server-and-files.md §1.3.
@Suite struct ListingParserTests {
    static let blockListing = """
        <html><head><title>Index of ROOT/OfflineData/Run2018/ZeroBias/0003157xx</title></head><body><h1>ROOT/OfflineData/Run2018/ZeroBias/0003157xx</h1><p style='padding-left:5px'><a href='/dqm/offline/data/browse/ROOT/OfflineData/Run2018/ZeroBias'>Up</a></p><table border='0' valign='top' cellpadding='3'><tr><td><a href='/dqm/offline/data/browse/ROOT/OfflineData/Run2018/ZeroBias/0003157xx/DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root'>DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root</a></td><td>187654321</td><td>2018-05-10 03:12:45 UTC</td></tr>
        <tr><td><a href='/dqm/offline/data/browse/ROOT/OfflineData/Run2018/ZeroBias/0003157xx/DQM_V0001_R000315703__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root'>DQM_V0001_R000315703__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root</a></td><td>45678901</td><td>2018-05-10 02:58:01 UTC</td></tr></table></body></html>
        """

    @Test func parsesFileRowsWithSizesAndUTCDates() throws {
        let entries = try DirectoryListingParser.parse(Self.blockListing, url: "test")
        #expect(entries.map(\.name) == [
            "DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
            "DQM_V0001_R000315703__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root",
        ])
        #expect(entries.map(\.size) == [187_654_321, 45_678_901])
        #expect(entries.allSatisfy { !$0.isDirectory })
        #expect(entries[0].modified == Date(timeIntervalSince1970: 1_525_921_965))
    }

    @Test func parsesDirectoryRowsAndTheRootList() throws {
        let directories = """
            <html><head><title>Index of ROOT/OfflineData/Run2018/ZeroBias</title></head><body><table border='0' valign='top' cellpadding='3'><tr><td><a href='/dqm/offline/data/browse/ROOT/OfflineData/Run2018/ZeroBias/0003157xx/'>0003157xx/</a></td><td>-</td><td>2018-05-10 03:12:45 UTC</td></tr></table></body></html>
            """
        let entries = try DirectoryListingParser.parse(directories, url: "test")
        #expect(entries == [ListingEntry(name: "0003157xx", isDirectory: true, size: nil, modified: Date(timeIntervalSince1970: 1_525_921_965))])
        let roots = """
            <html><head><title>Index of DQM files</title></head><body><table border='0' valign='top' cellpadding='3'><tr><td><a href='/dqm/offline/data/browse/ROOT/'>ROOT</a></td><td>&nbsp;</td><td>&nbsp;</td></table></body></html>
            """
        let root = try DirectoryListingParser.parse(roots, url: "test")
        #expect(root.map(\.name) == ["ROOT"])
        #expect(root[0].size == nil && root[0].modified == nil)
    }

    @Test func emptyDirectoryIsAnEmptyListing() throws {
        let empty = "<html><head><title>Index of ROOT/X</title></head><body><table border='0' valign='top' cellpadding='3'></table></body></html>"
        #expect(try DirectoryListingParser.parse(empty, url: "test").isEmpty)
    }

    @Test func unexpectedHTMLIsAClearError() {
        let login = "<html><head><title>CERN Single Sign-On</title></head><body><form><table><tr><td>User</td></tr></table></form></body></html>"
        #expect(throws: DQMClientError.unexpectedListing(reason: "not a DQM GUI directory listing (no 'Index of' table)", url: "u")) {
            try DirectoryListingParser.parse(login, url: "u")
        }
        let otherTable = "<html><head><title>Index of x</title></head><body><table><tr><td>a</td><td>b</td></tr></table></body></html>"
        #expect(throws: DQMClientError.unexpectedListing(reason: "1 table rows, none in the listing format", url: "u")) {
            try DirectoryListingParser.parse(otherTable, url: "u")
        }
    }

    @Test func namesOutsideTheServerRulesAreDropped() throws {
        let html = """
            <html><head><title>Index of x</title></head><body><table><tr><td><a href='/a/..'>../</a></td><td>-</td><td>2018-05-10 03:12:45 UTC</td></tr>
            <tr><td><a href='/a/.hidden'>.hidden</a></td><td>12</td><td>2018-05-10 03:12:45 UTC</td></tr>
            <tr><td><a href='/a/ok.root'>ok.root</a></td><td>12</td><td>2018-05-10 03:12:45 UTC</td></tr></table></body></html>
            """
        #expect(try DirectoryListingParser.parse(html, url: "u").map(\.name) == ["ok.root"])
        #expect(ListingEntry.isAllowedName("Run2018"))
        #expect(!ListingEntry.isAllowedName("-x"))
        #expect(!ListingEntry.isAllowedName("a.txt"))
        #expect(!ListingEntry.isAllowedName(""))
    }

    @Test func dqmFileNamesGiveRunVersionAndDataset() throws {
        let offline = try #require(DQMFileName("DQM_V0002_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root"))
        #expect(offline.version == 2)
        #expect(offline.run == 315_705)
        #expect(offline.dataset == "/ZeroBias/Run2018A-PromptReco-v1/DQMIO")
        #expect(offline.primaryDataset == "ZeroBias")
        #expect(offline.versionlessName == "DQM_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root")
        let online = try #require(DQMFileName("DQM_V0001_SiStrip_R000351871.root"))
        #expect(online.run == 351_871 && online.subsystem == "SiStrip" && online.dataset == nil)
        for bad in ["DQM_V1_R000315705__A__B__C.root", "DQM_V0001_R315705__A__B__C.root", "DQM_V0001_R000315705__A__B.root",
            "DQM_V0001_R000315705__A__B__C.txt", "Playback_V0001_R000315705__A__B__C.root"]
        {
            #expect(DQMFileName(bad) == nil, "\(bad)")
        }
        #expect(DQMFileName.blockDirectory(run: 315_705) == "0003157xx")
        #expect(DQMFileName.blockDirectory(run: 1) == "0000000xx")
    }
}
