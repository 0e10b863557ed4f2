public import Foundation
import CZlib

/// RelMon's `dir2webdir.py` without its full backup copy: every page and plot of a report
/// folder is gzipped in place (`x.html` → `x.htmlgz`), and an `.htaccess` tells Apache to
/// serve them with `Content-Encoding: gzip` under their original names.
public enum ReportCompression {
    static let compressedExtensions: Set<String> = ["html", "svg"]

    /// Compresses the folder's pages and plots; returns how many files were replaced.
    @discardableResult
    public static func gzipInPlace(_ folder: URL) throws -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return 0 }
        var count = 0
        for case let file as URL in walker where compressedExtensions.contains(file.pathExtension) {
            let compressed = try gzip(Data(contentsOf: file))
            try compressed.write(to: URL(fileURLWithPath: file.path + "gz"))
            try FileManager.default.removeItem(at: file)
            count += 1
        }
        try Data(htaccess.utf8).write(to: folder.appendingPathComponent(".htaccess"))
        return count
    }

    static let htaccess = """
        RewriteEngine on
        RewriteCond %{HTTP:Accept-Encoding} gzip
        RewriteRule (.*)\\.html$ $1.htmlgz [L]
        RewriteRule (.*)\\.svg$ $1.svggz [L]
        AddType "text/html;charset=UTF-8" .htmlgz
        AddEncoding gzip .htmlgz
        AddType image/svg+xml .svggz
        AddEncoding gzip .svggz
        DirectoryIndex RelMonSummary.htmlgz

        """

    /// One gzip member (zlib with a gzip header: window bits 15 + 16).
    static func gzip(_ input: Data) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RelMonError.unreadable(file: "gzip", reason: "zlib could not start")
        }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let status: Int32 = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw RelMonError.unreadable(file: "gzip", reason: "zlib status \(status)")
        }
        output.count = Int(stream.total_out)
        return output
    }
}
