"""Federation (SPARQL ``SERVICE``) is off unless asked for: no query makes rightsgraph fetch a URL.

A ``SERVICE <url>`` clause makes the engine send a request to any URL the
query names. Both engines we run do it: pyoxigraph in process, and the
Oxigraph server, which has no switch to turn it off. Served with CORS open,
that lets any web page make the endpoint POST to hosts on its network
(server-side request forgery). So queries are scanned before they run: a
query that uses the SERVICE keyword is refused, locally and at the served
endpoint, unless federation was switched on explicitly.

The scan decodes ``\\u`` escapes first (the SPARQL grammar lets an engine
decode them before parsing, so ``SERV\\u0049CE`` must count), then blanks
strings, IRIs and comments, where the word is only text.
"""

from __future__ import annotations

import http.client
import re
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from graph.errors import BuildError

UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Strings (long ones first), IRIs and comments: where SERVICE is only text.
QUIET = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
# The keyword, not a prefix ("service:x") nor a variable ("?service").
SERVICE = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.IGNORECASE)
REFUSAL = ("federation is off: this endpoint does not run SERVICE clauses "
           "(start it with `rightsgraph serve --allow-federation` to allow them)")


def _decode(text: str) -> str:
    def char(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return ""
    return UCHAR.sub(char, text)


@lru_cache(maxsize=512)
def uses_service(text: str) -> bool:
    """Scanned once per text: a library question is asked again and again, and the scan cost a tenth of a
    small answer's time."""
    return bool(SERVICE.search(QUIET.sub(" ", _decode(text))))


def refuse_service(text: str, where: str) -> None:
    if uses_service(text):
        raise BuildError(where, "federation is off: SERVICE clauses are not run (pass --allow-federation to allow them)")


HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
              "proxy-authenticate", "host", "content-length", "server", "date"}
MAX_BODY = 1 << 20  # a SPARQL query larger than 1 MiB is not a query


class Guard:
    """A loopback front for the Oxigraph server that refuses SERVICE before Oxigraph sees it.

    Everything else (the query page's requests, Oxigraph's own UI, content
    negotiation, CORS preflight) is passed through unchanged.
    """

    def __init__(self, host: str, port: int, upstream_port: int, allow_federation: bool = False):
        guard = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # the CLI prints what matters
                pass

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    return self._answer(413, "request body too large")
                body = self.rfile.read(length) if length else b""
                if not allow_federation:
                    try:
                        texts = guard.queries(self.path, self.headers.get("Content-Type", ""), body)
                    except UnicodeDecodeError:
                        return self._answer(400, "the query is not UTF-8")
                    if any(uses_service(t) for t in texts):
                        return self._answer(403, REFUSAL)
                upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=600)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                try:
                    upstream.request(self.command, self.path, body=body or None, headers=headers)
                    reply = upstream.getresponse()
                    data = reply.read()
                except OSError:
                    upstream.close()
                    return self._answer(502, "the Oxigraph server behind this endpoint is not answering")
                self.send_response(reply.status, reply.reason)
                for k, v in reply.getheaders():
                    if k.lower() not in HOP_BY_HOP:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                upstream.close()

            def _answer(self, status: int, text: str) -> None:
                data = (text + "\n").encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_HEAD = do_OPTIONS = _relay

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @staticmethod
    def queries(path: str, content_type: str, body: bytes) -> list[str]:
        """Every query text a request carries: in the URL, in a form body, or as the body itself."""
        texts = parse_qs(urlsplit(path).query).get("query", [])
        kind = content_type.split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            texts += parse_qs(body.decode("utf-8")).get("query", [])
        elif body:
            texts.append(body.decode("utf-8"))
        return texts

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
