import CFuzzerDriver
import HistogramIO
import ROOTIO

#if canImport(Glibc)
import Glibc
#endif

/// One fuzz input: a whole ROOT file. Everything a user of the reader does runs on it —
/// open, list every key, read every object into the model — and any outcome but a crash,
/// a hang or a runaway allocation is fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func readFuzzer(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    if let file = try? ROOTFile(bytes: bytes, name: "fuzz.root") {
        _ = try? file.dump()
    }
    return 0
}

@main
enum ReadFuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = Optional(CommandLine.unsafeArgv)
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in readFuzzer(data, count) })
    }
}
