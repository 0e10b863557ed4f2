import SubsystemConfig
import Testing

/// Every problem is reported as `file:line:column: severity: message`, all at once.
@Suite struct DiagnosticsTests {
    static func check(_ text: String, name: String = "CSC.json", known: Set<String>? = nil) -> ConfigCheck {
        ConfigLoader.check(files: [ConfigFile(name: name, displayPath: "configs/\(name)", bytes: Array(text.utf8))],
                           knownComparators: known)
    }

    static func messages(_ text: String, known: Set<String>? = nil) -> [String] {
        check(text, known: known).diagnostics.map(\.description)
    }

    @Test func malformedJSONNamesFileLineAndColumn() {
        let check = Self.check("{\n  \"main_gdir\": \"x/{0}/\",\n  \"hists\": [\n    {\"path\": \"a/b\"},\n  ]\n}\n")
        #expect(check.configSet == nil)
        #expect(check.diagnostics.map(\.description) == [
            "configs/CSC.json:5:3: error: invalid JSON: expected a value, found ']' (trailing comma?)",
        ])
    }

    @Test func collectsEveryProblemOfAFile() {
        let text = """
            {
              "main_gdir": "DQMData/Run {0}/CSC/",
              "comparator": ["beta_binomial"],
              "comparators": "beta_binomial",
              "hists": [
                {"path": "Occupancy/hOcc*", "norm_typ": "row"},
                {"path": "Occ*/hOccupancy"},
                {"path": "Occupancy/h[ab"},
                {"path": "Kinematics/hPt", "xmin": "10", "always_show": 1},
                {"path": "Kinematics/hEta", "xlabels": ["a", 2]},
                {"norm_type": "row"},
                {"path": "Kinematics/hPhi", "path": "Kinematics/hPhi2"},
                {"path": "Quality/hChi2", "xmin": 5, "xmax": 1, "min_entries": 1.5},
                {"path": "Quality/hNhits", "opts": ["logy", "pull_capp=3"], "concatenate": ["a/b"]},
                {"path": "Quality/hStatus", "poisson_errors": "exact"}
              ],
              "thresholds_fit": [{"name": "Occ", "param_MaxPull": [1]}]
            }
            """
        #expect(Self.messages(text) == [
            #"configs/CSC.json:3:3: warning: unknown key "comparator" in the subsystem config (did you mean "comparators"?); it is ignored"#,
            #"configs/CSC.json:4:18: error: "comparators" must be an array, found a string"#,
            #"configs/CSC.json:6:33: warning: unknown key "norm_typ" in a histogram entry (did you mean "norm_type"?); it is ignored"#,
            #"configs/CSC.json:7:18: error: wildcards are allowed only in the histogram name (the last path component), not in directory "Occ*""#,
            #"configs/CSC.json:8:26: error: bad glob "h[ab": '[' is not closed by ']'"#,
            #"configs/CSC.json:9:40: error: "xmin" must be a number, found a string"#,
            #"configs/CSC.json:9:61: error: "always_show" must be true or false, found a number"#,
            #"configs/CSC.json:10:50: error: "xlabels"[1] must be a string, found a number"#,
            #"configs/CSC.json:11:5: error: "hists"[5] is missing the required key "path""#,
            #"configs/CSC.json:12:33: error: duplicate key "path" (first written at 12:6)"#,
            #"configs/CSC.json:13:68: error: "min_entries" must be a non-negative whole number"#,
            #"configs/CSC.json:13:5: error: xmin (5.0) must be below xmax (1.0)"#,
            #"configs/CSC.json:14:49: warning: unknown option "pull_capp" in opts (did you mean "pull_cap"?)"#,
            #"configs/CSC.json:14:81: error: "concatenate"[0] must be a plain sibling histogram name, not "a/b""#,
            #"configs/CSC.json:15:51: error: "poisson_errors" must be "garwood" or "autodqm", not "exact""#,
            #"configs/CSC.json:17:55: error: "thresholds_fit"[0].param_MaxPull must hold 2 or 3 numbers [a, b(, c)] of a/n + b², not 1"#,
            #"configs/CSC.json:17:22: error: "thresholds_fit"[0] is missing the required key "param_Chi2""#,
        ])
    }

    @Test func entriesWithABadPathStillHaveTheirOtherKeysChecked() {
        #expect(Self.messages(#"{"main_gdir": "R {0}/", "hists": [{"path": "a/*[", "norm_typ": 1}, {"xmin": "1"}]}"#) == [
            #"configs/CSC.json:1:48: error: bad glob "*[": '[' is not closed by ']'"#,
            #"configs/CSC.json:1:52: warning: unknown key "norm_typ" in a histogram entry (did you mean "norm_type"?); it is ignored"#,
            #"configs/CSC.json:1:68: error: "hists"[1] is missing the required key "path""#,
            #"configs/CSC.json:1:77: error: "xmin" must be a number, found a string"#,
        ])
    }

    @Test func missingRequiredTopLevelKeys() {
        #expect(Self.messages(#"{"hists": []}"#) == [
            #"configs/CSC.json:1:1: error: the subsystem CSC config is missing the required key "main_gdir""#,
        ])
        #expect(Self.messages("[1]") == [
            "configs/CSC.json:1:1: error: the subsystem CSC config must be an object, found an array",
        ])
    }

    @Test func unknownComparatorsGetASuggestion() {
        let text = #"{"main_gdir": "R {0}/", "comparators": ["beta_binomal"], "hists": [{"path": "a", "comparators": []}]}"#
        #expect(Self.messages(text, known: ["beta_binomial", "ks_test"]) == [
            #"configs/CSC.json:1:41: warning: unknown comparator "beta_binomal" (did you mean "beta_binomial"?)"#,
            #"configs/CSC.json:1:97: warning: "comparators" is empty: nothing will be compared"#,
        ])
        #expect(Self.messages(text) == [#"configs/CSC.json:1:97: warning: "comparators" is empty: nothing will be compared"#])
    }

    @Test func warningsDoNotStopLoading() throws {
        let text = #"{"main_gdir": "R/", "hists": [{"path": "a/b", "norm_type": "rows", "colour": "red"}]}"#
        let check = Self.check(text)
        let entry = try #require(check.configSet?.subsystems.first?.entries.first)
        #expect(entry.normType == .all && entry.extra == ["colour": .string("red")])
        #expect(check.diagnostics.map(\.description) == [
            "configs/CSC.json:1:15: warning: main_gdir has no {0}: every run will be read from the same directory",
            #"configs/CSC.json:1:60: warning: norm_type "rows" is neither "row" nor "col"; global normalisation is used"#,
            #"configs/CSC.json:1:68: warning: unknown key "colour" in a histogram entry; it is ignored"#,
        ])
    }

    @Test func loadThrowsEveryErrorBeforeAnyWork() {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: "/nonexistent/configs") }
        do {
            _ = try ConfigLoader.load(path: "/nonexistent/configs")
        } catch {
            #expect(error.description == "invalid configuration (1 error):\n/nonexistent/configs: error: no such file or directory")
        }
    }

    @Test func subsystemsDefinedTwiceAreAnError() {
        let body = #"{"main_gdir": "R {0}/", "hists": []}"#
        let check = ConfigLoader.check(files: [
            ConfigFile(name: "CSC.json", bytes: Array(body.utf8)),
            ConfigFile(name: "configs.json", bytes: Array(#"{"CSC": \#(body)}"#.utf8)),
        ])
        #expect(check.diagnostics.map(\.description) == ["configs.json: error: subsystem \"CSC\" is also defined in CSC.json"])
    }

    @Test func reportPrintsSortedDiagnosticsAndASummary() {
        let check = Self.check(#"{"main_gdir": "R {0}/", "hists": [{"path": "a/b", "xmin": "1", "jar_dri": "x"}]}"#)
        #expect(check.report == """
            configs/CSC.json:1:59: error: "xmin" must be a number, found a string
            configs/CSC.json:1:64: warning: unknown key "jar_dri" in a histogram entry (did you mean "jar_dir"?); it is ignored
            config check failed: 1 error, 1 warning

            """)
        let good = ConfigLoader.check(path: ConfigPaths.autodqmCurrent)
        #expect(good.report.hasPrefix("4 subsystems with 10 histogram entries loaded (version "))
        #expect(good.report.hasSuffix("): 0 errors, 0 warnings\n"))
    }
}
