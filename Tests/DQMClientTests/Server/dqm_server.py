#!/usr/bin/env python3
"""A loopback stand-in for the DQM GUI file server (`<base>/data/browse/ROOT/...`).

It renders directory listings byte for byte like the GUI's `DQMFileAccess.browse`
(see shared/reference/dqm-server-and-files.md §1.3), serves files with Range
support, answers If-Modified-Since with 304, and requires a client certificate
signed by the test CA. Test-only fault modes are chosen by a prefix in front of
the GUI base path, so a client selects one through its server URL:

    /dqm/offline/...              normal
    /drop-once/dqm/offline/...    first GET of each file: half the body, then the connection drops
    /stall-once/dqm/offline/...   first GET of each file: half the body, then silence
    /norange/...                  Range headers are ignored (combine: /drop-once-norange/)
    /odd/dqm/offline/...          listings are an unexpected HTML page (an SSO login form)
    /unavailable/dqm/offline/...  every request is answered 503

Prints `PORT <n>` once listening. Every answered request is appended to --log
as `<status> <path> <range or ->`.
"""
import argparse
import email.utils
import os
import re
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ALLOWED = re.compile(r"^[A-Za-z0-9][-A-Za-z0-9_]*(?:\.(?:root|zip|ig))?$")
BASE = "/dqm/offline"
CHUNK = 1 << 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # As production front ends do (Apache, nginx): without it the body of a small answer
    # waits behind the header record for the client's delayed ACK, 40 ms per listing.
    disable_nagle_algorithm = True
    server_version = "DQMTestServer/1.0"
    faults_done = set()
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def record(self, status):
        with open(self.server.log_path, "a") as log:
            log.write("%d %s %s\n" % (status, self.path, self.headers.get("Range", "-")))

    def fail(self, status):
        self.record(status)
        body = b"<html><body>%d</body></html>" % status
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        mode, _, rest = self.path.partition(BASE)
        modes = set(mode.strip("/").split("-")) if mode else set()
        prefix = "/data/browse/"
        if "unavailable" in modes:
            return self.fail(503)
        if not rest.startswith("/data/browse"):
            return self.fail(404)
        if rest == "/data/browse":
            return self.redirect(self.path + "/")
        tail = rest[len(prefix):]
        if tail == "":
            return self.root_list(mode)
        parts = tail.rstrip("/").split("/")
        if parts[0] != "ROOT" or not all(ALLOWED.match(p) for p in parts[1:]):
            return self.fail(404)
        local = os.path.join(self.server.root, *parts[1:])
        if os.path.islink(local) or not os.path.exists(local):
            return self.fail(404)
        if os.path.isdir(local):
            if not tail.endswith("/"):
                return self.redirect(self.path + "/")
            return self.listing(mode + BASE, "/".join(parts), local, odd="odd" in modes)
        return self.send_file(local, modes)

    def redirect(self, location):
        self.record(303)
        self.send_response(303)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def not_modified(self, mtime):
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def send_html(self, html, mtime):
        body = html.encode()
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def root_list(self, mode):
        url = mode + BASE + "/data/browse"
        html = ("<html><head><title>Index of DQM files</title></head><body><h1>DQM files</h1>"
                "<table border='0' valign='top' cellpadding='3'>"
                "<tr><td><a href='%s/ROOT/'>ROOT</a></td><td>&nbsp;</td><td>&nbsp;</td>"
                "</table></body></html>" % url)
        self.send_html(html, self.server.started)

    def listing(self, base, path, local, odd):
        mtime = os.stat(local).st_mtime
        if self.not_modified(mtime):
            self.record(304)
            self.send_response(304)
            self.end_headers()
            return
        if odd:
            return self.send_html("<html><head><title>CERN Single Sign-On</title></head><body>"
                                  "<form action='/login'><table><tr><td>User</td><td><input name='u'></td></tr>"
                                  "</table></form></body></html>", mtime)
        url = base + "/data/browse/" + path
        rows = []
        for name in sorted(os.listdir(local))[::-1]:
            full = os.path.join(local, name)
            if not ALLOWED.match(name) or os.path.islink(full):
                continue
            st = os.stat(full)
            date = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(st.st_mtime)) + " UTC"
            if os.path.isdir(full):
                rows.append("<tr><td><a href='%s/%s/'>%s/</a></td><td>-</td><td>%s</td></tr>" % (url, name, name, date))
            else:
                rows.append("<tr><td><a href='%s/%s'>%s</a></td><td>%d</td><td>%s</td></tr>" % (url, name, name, st.st_size, date))
        up = url.rsplit("/", 1)[0]
        html = ("<html><head><title>Index of %s</title></head><body><h1>%s</h1>"
                "<p style='padding-left:5px'><a href='%s'>Up</a></p>"
                "<table border='0' valign='top' cellpadding='3'>%s</table></body></html>"
                % (path, path, up, "\n".join(rows)))
        self.send_html(html, mtime)

    def send_file(self, local, modes):
        size = os.path.getsize(local)
        start = 0
        requested = self.headers.get("Range")
        match = re.match(r"^bytes=(\d+)-$", requested or "")
        if match and "norange" not in modes:
            start = int(match.group(1))
            if start >= size:
                return self.fail(416)
        fault = None
        with Handler.lock:
            for kind in ("drop", "stall"):
                key = (kind, self.path)
                if kind in modes and key not in Handler.faults_done:
                    Handler.faults_done.add(key)
                    fault = kind
        status = 206 if start else 200
        self.record(status)
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size - start))
        self.send_header("Accept-Ranges", "bytes")
        if start:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, size - 1, size))
        self.end_headers()
        stop_at = start + (size - start) // 2 if fault else size
        with open(local, "rb") as f:
            f.seek(start)
            position = start
            while position < stop_at:
                chunk = f.read(min(CHUNK, stop_at - position))
                if not chunk:
                    break
                self.wfile.write(chunk)
                position += len(chunk)
        if fault == "stall":
            self.wfile.flush()
            time.sleep(self.server.stall_seconds)
        if fault:
            self.close_connection = True
            self.connection.close()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Handshake failures (missing or untrusted client certificates) are expected in tests.
        pass


def main():
    # A parent's threads may block signals, and children inherit the mask: let SIGTERM stop us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="folder holding OfflineData/...")
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--ca", required=True, help="CA that client certificates must chain to")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", default=os.devnull)
    parser.add_argument("--stall-seconds", type=float, default=30)
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    context.load_verify_locations(args.ca)
    context.verify_mode = ssl.CERT_REQUIRED
    # Grid users authenticate with RFC 3820 proxies, as the cmsweb front end accepts.
    context.verify_flags |= ssl.VERIFY_ALLOW_PROXY_CERTS

    server = Server(("127.0.0.1", args.port), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    server.root = args.root
    server.log_path = args.log
    server.stall_seconds = args.stall_seconds
    server.started = time.time()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
