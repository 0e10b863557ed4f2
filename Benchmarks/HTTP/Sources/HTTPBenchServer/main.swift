// Serves what the load test asks for, through the same middleware chain an app would use:
//   /static/{path...}  files from the project's Public/ (StaticFiles, cached in memory)
//   /page              a page rendered once from Templates/layout.mustache (CachedEntity)
// Usage: http-bench-server PROJECT_ROOT PORT [--write-page FILE]
// With --write-page it only writes the page's bytes to FILE (so nginx can serve the same bytes).
import Foundation
import HTTPServer
import Logging

let arguments = CommandLine.arguments
guard arguments.count >= 3, let port = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: http-bench-server PROJECT_ROOT PORT [--write-page FILE]\n".utf8))
    exit(2)
}
let projectRoot = arguments[1]

let templates = try Templates(directory: projectRoot + "/Templates")
let rows = (1...40).map { "<tr><td>Run \(315_700 + $0)</td><td class=\"number\">\($0 * 37)</td><td><span class=\"status ok\">ok</span></td></tr>" }
let pageHTML = try templates.render("layout", [
    "title": "Benchmark page",
    "content": "<table><tr><th>Run</th><th class=\"number\">Histograms</th><th>Status</th></tr>\(rows.joined())</table>",
] as [String: Any])

if arguments.count == 5, arguments[3] == "--write-page" {
    try Data(pageHTML.utf8).write(to: URL(fileURLWithPath: arguments[4]))
    exit(0)
}

var logger = Logger(label: "http-bench")
// Access logging is in the chain but below its level, as in a production run at `notice`.
logger.logLevel = .notice
let page = CachedEntity(body: Array(pageHTML.utf8), contentType: "text/html; charset=utf-8")
let files = try StaticFiles(root: projectRoot + "/Public")
var router = Router()
router.get("/page") { request in page.response(to: request) }
router.get("/static/{path...}", files.handler())
let handler = chain([RequestIDMiddleware(), AccessLogMiddleware(logger: logger), ErrorMiddleware(logger: logger)], router.handler)

var configuration = ServerConfiguration(host: "127.0.0.1", port: port)
configuration.workers = ProcessInfo.processInfo.activeProcessorCount
try Server(configuration: configuration, logger: logger, handler: handler).run()
