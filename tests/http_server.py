#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""http_server.py: a loopback HTTP server for the `portscope update` tests.

Serves the registry snapshots in $IANA_DIR, and misbehaves on purpose:
  /ok/NAME        the file, with an ETag and Last-Modified; answers 304 to a
                  matching If-None-Match or an If-Modified-Since not older
  /redirect/NAME  302 to /ok/NAME
  /missing        404
  /truncated/NAME Content-Length of the whole file, half of it sent, closed
  /garbage        200 with an HTML page
  /close/NAME     chunked, connection closed mid-body (no final chunk)
  /shrunk/NAME    a valid CSV with the header and the first half of the records
  /tiny/NAME      a valid CSV with the header and the first 10 records
  /slow/NAME      the file in 20 pieces 0.1 s apart (a progress display)
  /dribble/NAME   the headers, then one byte of the body a second (stalled)
  /stallhead/NAME the status line, then one byte of the headers a second
  /bighead/NAME   a 200 KB header before the body
  /tohttp/NAME    302 to $HTTP_SERVER_PLAIN/ok/NAME (an http:// address: with
                  --tls, a downgrade from https that the client must refuse)
Binds 127.0.0.1 on a free port, writes the port to PORTFILE, serves until
killed or for at most LIFETIME seconds; with --tls CERT KEY it speaks https.
Usage: http_server.py PORTFILE [LIFETIME [--tls CERT KEY]]
"""
import csv
import email.utils
import hashlib
import http.server
import io
import os
import ssl
import sys
import threading
import time

IANA_DIR = os.environ["IANA_DIR"]


def snapshot(name):
    if "/" in name or name.startswith("."):
        return None
    try:
        with open(os.path.join(IANA_DIR, name), "rb") as f:
            return f.read(), os.path.getmtime(os.path.join(IANA_DIR, name))
    except OSError:
        return None


def first_records(body, count=None):
    """The header and the first count records (half of them by default)."""
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    if count is None:
        count = (len(rows) - 1) // 2
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows[: 1 + count])
    return out.getvalue().encode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("http_server: " + fmt % args + "\n")

    def head(self, status, length=None, extra=()):
        self.send_response(status)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()

    def send_body(self, status, body, extra=()):
        self.head(status, len(body), extra)
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("/", 2)
        mode = parts[1] if len(parts) > 1 else ""
        name = parts[2] if len(parts) > 2 else ""
        if mode == "missing" or (mode not in ("garbage",) and not snapshot(name)):
            return self.send_body(404, b"not found\n")
        if mode == "garbage":
            return self.send_body(200, b"<html><body>Service Unavailable</body></html>\n")
        body, mtime = snapshot(name)
        getattr(self, "mode_" + mode, self.mode_unknown)(name, body, mtime)

    def mode_unknown(self, name, body, mtime):
        self.send_body(404, b"unknown mode\n")

    def mode_ok(self, name, body, mtime):
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        lm = email.utils.formatdate(mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = inm == etag if inm else bool(
            ims and email.utils.parsedate_to_datetime(ims).timestamp() >= int(mtime))
        if fresh:
            return self.head(304, None, [("ETag", etag)])
        self.send_body(200, body, [("ETag", etag), ("Last-Modified", lm),
                                   ("Content-Type", "text/csv")])

    def mode_redirect(self, name, body, mtime):
        self.send_body(302, b"", [("Location", "/ok/" + name)])

    def mode_truncated(self, name, body, mtime):
        self.head(200, len(body))
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def mode_close(self, name, body, mtime):
        self.head(200, None, [("Transfer-Encoding", "chunked")])
        chunk = body[: len(body) // 3]
        self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        self.wfile.flush()
        self.close_connection = True

    def mode_shrunk(self, name, body, mtime):
        self.send_body(200, first_records(body))

    def mode_tiny(self, name, body, mtime):
        self.send_body(200, first_records(body, 10))

    def mode_slow(self, name, body, mtime):
        self.head(200, len(body))
        step = len(body) // 20 + 1
        for i in range(0, len(body), step):
            self.wfile.write(body[i:i + step])
            self.wfile.flush()
            time.sleep(0.1)


    def dribble(self, data, delay=1.0, limit=60):
        for i in range(min(len(data), limit)):
            try:
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
            except OSError:
                return
            time.sleep(delay)
        self.close_connection = True

    def mode_dribble(self, name, body, mtime):
        self.head(200, len(body))
        self.dribble(body)

    def mode_stallhead(self, name, body, mtime):
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.dribble(b"Content-Type: text/csv\r\n")

    def mode_bighead(self, name, body, mtime):
        self.send_body(200, body, [("X-Padding", "x" * 200000)])

    def mode_tohttp(self, name, body, mtime):
        self.send_body(302, b"", [("Location", os.environ["HTTP_SERVER_PLAIN"] + "/ok/" + name)])


def main():
    portfile = sys.argv[1]
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 300
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    if len(sys.argv) == 6 and sys.argv[3] == "--tls":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[4], sys.argv[5])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Timer(lifetime, srv.shutdown).start()
    tmp = portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, portfile)
    srv.serve_forever()


if __name__ == "__main__":
    main()
