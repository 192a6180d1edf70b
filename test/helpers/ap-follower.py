"""An ActivityPub follower written from the specs, sharing no code with Broadsheet (run by Debian's /usr/bin/python3).

It is one actor, alice, on http://127.0.0.1:PORT, with an RSA key made at start (python3-cryptography). It signs
what it sends (and, when told to, with RFC 9421 HTTP Message Signatures and an RFC 9530 Content-Digest) and
verifies what it receives with draft-cavage HTTP Signatures (rsa-sha256 over "(request-target)
host date digest", a SHA-256 Digest of the body), as Mastodon does; it discovers actors through WebFinger (RFC 7033).
The test drives it through /control/* (JSON in, JSON out) and reads what its inboxes took from /control/received.

usage: ap-follower.py PORT
"""

import base64
import datetime
import email.utils
import hashlib
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

PORT = int(sys.argv[1])
ORIGIN = f"http://127.0.0.1:{PORT}"
ACTOR = f"{ORIGIN}/users/alice"
KEY_ID = f"{ACTOR}#main-key"
AS = "https://www.w3.org/ns/activitystreams"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC_PEM = KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
).decode()
DATE_WINDOW = datetime.timedelta(minutes=5)

lock = threading.Lock()
received = []  # every POST to an inbox: {"path", "verified", "reason", "activity"}
fail_next = {"count": 0, "status": 503}
state = {"follow": None, "target": None}


def http_date(when=None):
    return email.utils.format_datetime(when or datetime.datetime.now(datetime.timezone.utc), usegmt=True)


def digest_of(body):
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def signing_string(method, path, headers, names):
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append(f"(request-target): {method.lower()} {path}")
        else:
            lines.append(f"{name}: {headers[name]}")
    return "\n".join(lines).encode()


def sign(method, url, body, key=KEY, key_id=KEY_ID, date=None, digest=None):
    """Headers for a signed request: Host, Date, Digest, Signature (draft-cavage-http-signatures-12)."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {
        "host": parts.netloc,
        "date": date or http_date(),
        "digest": digest or digest_of(body),
    }
    names = ["(request-target)", "host", "date", "digest"]
    signature = key.sign(signing_string(method, path, headers, names), padding.PKCS1v15(), hashes.SHA256())
    headers["signature"] = (
        f'keyId="{key_id}",algorithm="rsa-sha256",headers="{" ".join(names)}",'
        f'signature="{base64.b64encode(signature).decode()}"'
    )
    return headers


def content_digest(body):
    """RFC 9530 Content-Digest: a structured-field byte sequence of the body's SHA-256."""
    return "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"


RFC9421_COMPONENTS = ("@method", "@target-uri", "content-digest")


def sign_rfc9421(method, url, body, key=KEY, key_id=KEY_ID, digest=None, components=RFC9421_COMPONENTS):
    """Headers for an RFC 9421 HTTP Message Signature (label sig1, rsa-v1_5-sha256) with its Content-Digest."""
    headers = {"content-digest": digest or content_digest(body)}
    values = {"@method": method.upper(), "@target-uri": url, "content-digest": headers["content-digest"]}
    params = f'({" ".join(chr(34) + c + chr(34) for c in components)})'
    params += f';created={int(time.time())};keyid="{key_id}";alg="rsa-v1_5-sha256"'
    base = "".join(f'"{c}": {values[c]}\n' for c in components) + f'"@signature-params": {params}'
    signature = key.sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())
    headers["signature-input"] = f"sig1={params}"
    headers["signature"] = f"sig1=:{base64.b64encode(signature).decode()}:"
    return headers


def fetch_json(url, accept="application/activity+json"):
    request = urllib.request.Request(url, headers={"accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read(1_000_000))


def post(url, body, headers):
    request = urllib.request.Request(
        url, data=body, method="POST", headers={**headers, "content-type": "application/activity+json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def parse_signature(header):
    params = {}
    for item in header.split(","):
        name, _, value = item.strip().partition("=")
        params[name.strip()] = value.strip().strip('"')
    return params


def verify(method, path, headers, body):
    """(verified, reason, key owner) for a request that came in."""
    header = headers.get("signature")
    if not header:
        return False, "no Signature header", None
    params = parse_signature(header)
    if params.get("algorithm") not in (None, "rsa-sha256", "hs2019"):
        return False, f"algorithm {params.get('algorithm')}", None
    names = params.get("headers", "date").split()
    if "digest" not in names or "date" not in names:
        return False, "digest and date must be signed", None
    if headers.get("digest") != digest_of(body):
        return False, "digest does not match the body", None
    sent = email.utils.parsedate_to_datetime(headers.get("date"))
    if abs(datetime.datetime.now(datetime.timezone.utc) - sent) > DATE_WINDOW:
        return False, "date outside the window", None
    key_id = params["keyId"]
    document = fetch_json(key_id.split("#")[0])
    key = document.get("publicKey")
    if isinstance(key, list):
        key = next((k for k in key if k.get("id") == key_id), None)
    if not key or key.get("id") != key_id:
        return False, "key not in the actor document", None
    public_key = serialization.load_pem_public_key(key["publicKeyPem"].encode())
    try:
        public_key.verify(
            base64.b64decode(params["signature"]),
            signing_string(method, path, headers, names),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except InvalidSignature:
        return False, "bad signature", None
    return True, "ok", key.get("owner")


def webfinger(acct):
    host = acct.split("@")[-1]
    query = urllib.parse.urlencode({"resource": f"acct:{acct}"})
    jrd = fetch_json(f"http://{host}/.well-known/webfinger?{query}", "application/jrd+json")
    self_link = next(l for l in jrd["links"] if l.get("rel") == "self" and "activity+json" in l.get("type", ""))
    return jrd, fetch_json(self_link["href"])


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, payload, content_type="application/json"):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        return self.rfile.read(int(self.headers.get("content-length") or 0))

    def do_GET(self):
        if self.path == "/users/alice":
            return self.reply(
                200,
                {
                    "@context": [AS, "https://w3id.org/security/v1"],
                    "id": ACTOR,
                    "type": "Person",
                    "preferredUsername": "alice",
                    "inbox": f"{ACTOR}/inbox",
                    "outbox": f"{ACTOR}/outbox",
                    "endpoints": {"sharedInbox": f"{ORIGIN}/inbox"},
                    "publicKey": {"id": KEY_ID, "owner": ACTOR, "publicKeyPem": PUBLIC_PEM},
                },
                "application/activity+json",
            )
        if self.path == "/control/received":
            with lock:
                return self.reply(200, received)
        return self.reply(404, {"error": "not found"})

    def do_POST(self):
        body = self.body()
        if self.path in ("/inbox", "/users/alice/inbox"):
            headers = {k.lower(): v for k, v in self.headers.items()}
            with lock:
                if fail_next["count"] > 0:
                    fail_next["count"] -= 1
                    received.append({"path": self.path, "verified": False, "reason": "answered 503", "activity": None})
                    return self.reply(fail_next["status"], {"error": "try later"})
            try:
                verified, reason, owner = verify("POST", self.path, headers, body)
                activity = json.loads(body)
            except Exception as error:  # a test server reports, never crashes
                verified, reason, owner, activity = False, f"error: {error}", None, None
            if verified and activity.get("actor") != owner:
                verified, reason = False, "key owner is not the actor"
            with lock:
                received.append({"path": self.path, "verified": verified, "reason": reason, "activity": activity})
            return self.reply(202 if verified else 401, {"verified": verified, "reason": reason})
        command = json.loads(body or b"{}")
        if self.path == "/control/follow":
            jrd, actor = webfinger(command["acct"])
            follow = {
                "@context": AS,
                "id": f"{ACTOR}#follows/{command.get('n', 1)}",
                "type": "Follow",
                "actor": ACTOR,
                "object": actor["id"],
            }
            state["follow"], state["target"] = follow, actor
            payload = json.dumps(follow).encode()
            status, text = post(actor["inbox"], payload, sign("POST", actor["inbox"], payload))
            return self.reply(200, {"status": status, "text": text, "jrd": jrd, "actor": actor})
        if self.path == "/control/undo":
            follow, actor = state["follow"], state["target"]
            undo = {"@context": AS, "id": f"{follow['id']}/undo", "type": "Undo", "actor": ACTOR, "object": follow}
            payload = json.dumps(undo).encode()
            status, text = post(actor["inbox"], payload, sign("POST", actor["inbox"], payload))
            return self.reply(200, {"status": status, "text": text})
        if self.path == "/control/send":
            # A raw POST to `url`: `mode` says how to spoil it (forged key, stale date, wrong digest).
            url, mode = command["url"], command.get("mode", "good")
            payload = command["body"].encode() if isinstance(command["body"], str) else json.dumps(command["body"]).encode()
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if mode == "forged" else KEY
            date = http_date(datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=3)) if mode == "stale" else None
            digest = digest_of(b"something else") if mode == "bad-digest" else None
            if mode.startswith("rfc9421"):
                # RFC 9421: "rfc9421" as it should be; "-forged" another key; "-bad-digest" a digest of other
                # bytes; "-uncovered" a signature that leaves the body's digest out.
                headers = sign_rfc9421(
                    "POST",
                    url,
                    payload,
                    key=rsa.generate_private_key(public_exponent=65537, key_size=2048) if mode == "rfc9421-forged" else KEY,
                    digest=content_digest(b"something else") if mode == "rfc9421-bad-digest" else None,
                    components=("@method", "@target-uri") if mode == "rfc9421-uncovered" else RFC9421_COMPONENTS,
                )
            else:
                headers = sign("POST", url, payload, key=key, date=date, digest=digest)
            if mode == "unsigned":
                del headers["signature"]
            if mode == "replay":
                headers = command["headers"]
            status, text = post(url, payload, headers)
            return self.reply(200, {"status": status, "text": text, "headers": headers})
        if self.path == "/control/fail-next":
            with lock:
                fail_next.update(count=command["count"], status=command.get("status", 503))
            return self.reply(200, fail_next)
        return self.reply(404, {"error": "not found"})


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print(f"ready {ORIGIN}", flush=True)
server.serve_forever()
