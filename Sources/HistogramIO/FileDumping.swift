public import Histogram
public import ROOTIO

extension ROOTFile {
    /// The same document `root_dump.py` writes from real ROOT: every histogram and
    /// TObjString in keys-list order, all cycles, named by the file's last path component.
    public func dump() throws(ROOTIOError) -> FileDump {
        var dump = FileDump(file: String(path.split(separator: "/").last ?? ""))
        for listed in try listAllKeys() {
            switch try entry(listed) {
            case let .histogram(path, cycle, histogram):
                dump.histograms.append(HistogramDump(path: path, cycle: cycle, histogram: histogram))
            case let .string(path, cycle, value):
                dump.strings.append(StringDump(path: path, cycle: cycle, value: value))
            case .other:
                continue
            }
        }
        return dump
    }
}
