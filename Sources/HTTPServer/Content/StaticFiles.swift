#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Serves files under a root directory (e.g. `Public/`): no path escapes the root (`..`, encoded
/// or not, and symlinks pointing outside are refused with 404), bodies are cached in memory with
/// their gzip form and validators, and a file changed on disk is re-read.
public final class StaticFiles: Sendable {
    /// Files larger than this are not served (the server keeps whole bodies in memory).
    public static let maxFileBytes = 16 * 1024 * 1024
    /// Most files kept in the cache; past this, files are still served but not kept.
    public static let maxCachedFiles = 4096

    private struct Entry {
        let realPath: String
        let status: FileSystem.Status
        let entity: CachedEntity
    }

    private let root: String
    private let cacheControl: String?
    private let cache = Mutex<[String: Entry]>([:])

    /// `root` must exist; it is resolved once, so symlinks are judged against its real path.
    public init(root: String, cacheControl: String? = "public, max-age=300") throws(HTTPError) {
        guard let resolved = FileSystem.realPath(root), FileSystem.status(resolved)?.isRegularFile == false else {
            throw HTTPError(status: .internalServerError, message: "Static file root \(root) is not a directory")
        }
        self.root = resolved
        self.cacheControl = cacheControl
    }

    /// A handler serving the router capture `parameter` (e.g. a route `/static/{path...}`).
    public func handler(parameter: String = "path") -> Handler {
        { [self] request in try respond(to: request, path: request.parameters[parameter] ?? "") }
    }

    /// Answers `request` with the file at `path`, relative to the root and already percent-decoded.
    public func respond(to request: Request, path: String) throws(HTTPError) -> Response {
        guard request.method == "GET" || request.method == "HEAD" else {
            throw HTTPError(status: .methodNotAllowed, message: "Static files are read-only", headers: ["Allow": "GET, HEAD"])
        }
        return try entity(for: path).response(to: request)
    }

    private func entity(for path: String) throws(HTTPError) -> CachedEntity {
        if let entry = cache.withLock({ $0[path] }), FileSystem.status(entry.realPath) == entry.status {
            return entry.entity
        }
        let notFound = HTTPError(status: .notFound, message: "No file at \(path)")
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // Dot segments and hidden files are refused outright; the prefix check below is the backstop.
        guard !path.isEmpty, segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\0") && !$0.contains("\\") }) else {
            throw notFound
        }
        guard let real = FileSystem.realPath(root + "/" + path), real.hasPrefix(root + "/"),
              let status = FileSystem.status(real), status.isRegularFile else {
            throw notFound
        }
        let body: [UInt8]
        do {
            body = try FileSystem.read(real, limit: Self.maxFileBytes)
        } catch {
            throw error.errno == EFBIG ? HTTPError(status: .forbidden, message: "\(path) is too large to serve") : notFound
        }
        let entity = CachedEntity(body: body, contentType: MediaType.forPath(path),
                                  etag: "\"\(String(status.inode, radix: 16))-\(String(status.size, radix: 16))-\(String(status.modifiedSeconds * 1_000_000_000 + status.modifiedNanoseconds, radix: 16))\"",
                                  lastModified: status.modifiedSeconds, cacheControl: cacheControl)
        cache.withLock { entries in
            if entries.count < Self.maxCachedFiles || entries[path] != nil {
                entries[path] = Entry(realPath: real, status: status, entity: entity)
            }
        }
        return entity
    }
}

/// Content types by file extension.
public enum MediaType {
    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "ico": "image/x-icon", "txt": "text/plain; charset=utf-8",
        "woff2": "font/woff2", "webp": "image/webp", "xml": "application/xml", "pdf": "application/pdf",
    ]

    public static func forPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return types[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
