#!/usr/bin/env python3
"""A minimal Affili import service on loopback, for the sync benchmarks.

What: answers `POST <base>/import` (default base /services/products) with a Bearer
token check (401 without the right token), reads the body `{"products":[...]}`, counts
requests and products, and answers `{"status":"ok","tag":"import","api_version":"1.0.0",
"data":{"count":N}}`. `GET /stats` returns the counters as JSON
`{"requests":R,"products":P,"refused":F}`, so the benchmark can tell how many requests a
sync made. HTTP/1.1 with keep-alive and `Expect: 100-continue`, one thread per
connection.

Why: `feedsync sync` needs an endpoint to talk to, and the benchmark must count the
requests it makes (the issue's target: zero with nothing changed, ceil(changed/1000)
with some changed) without the real service. The Swift stand-in in
Sources/FeedSyncTesting lives inside the test support module; this one runs as its own
process beside a release binary. It listens on 127.0.0.1 only.

Usage:
  bench/affili_standin.py --token secret --port 0 --port-file /tmp/port
"""

import argparse
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = self.products = self.refused = 0

    def snapshot(self):
        with self.lock:
            return {"requests": self.requests, "products": self.products, "refused": self.refused}


def make_handler(token, import_path, counters):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, and Expect: 100-continue is answered

        def log_message(self, *args):  # quiet: one line per request would swamp the run
            pass

        def answer(self, status, payload):
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/stats":
                self.answer(200, counters.snapshot())
            else:
                self.answer(404, {"status": "error", "message": "no such path"})

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path != import_path:
                self.answer(404, {"status": "error", "message": f"no such path: {self.path}"})
                return
            if self.headers.get("Authorization") != f"Bearer {token}":
                with counters.lock:
                    counters.requests += 1
                    counters.refused += 1
                self.answer(401, {"status": "error", "tag": "import", "message": "invalid token"})
                return
            try:
                products = json.loads(body)["products"]
                assert isinstance(products, list) and 1 <= len(products) <= 1000
            except (ValueError, KeyError, TypeError, AssertionError):
                with counters.lock:
                    counters.requests += 1
                    counters.refused += 1
                self.answer(400, {"status": "error", "tag": "import", "message": "body must be {\"products\":[1..1000]}"})
                return
            with counters.lock:
                counters.requests += 1
                counters.products += len(products)
            self.answer(200, {"status": "ok", "tag": "import", "api_version": "1.0.0", "data": {"count": len(products)}})

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--token", required=True, help="the Bearer token to expect")
    parser.add_argument("--port", type=int, default=0, help="the port (0: any free one)")
    parser.add_argument("--base-path", default="/services/products")
    parser.add_argument("--port-file", help="write the chosen port here once listening")
    args = parser.parse_args()

    counters = Counters()
    handler = make_handler(args.token, args.base_path.rstrip("/") + "/import", counters)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.daemon_threads = True
    port = server.server_address[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        os.replace(args.port_file + ".tmp", args.port_file)
    print(f"affili stand-in: http://127.0.0.1:{port}{args.base_path}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
