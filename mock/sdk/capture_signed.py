#!/usr/bin/env python3
"""Captures requests botocore signs, as fixtures for botsession-mock's SigV4 verifier.

Builds Lex V1 (``lex-runtime``) and V2 (``lexv2-runtime``) clients with a fixed test key,
makes four calls, and records each request botocore is about to send, from its
``before-send`` event: the method, the target (path and query, as sent), every header as sent
and the body. The handler answers each with a canned 200, so nothing leaves the machine: no
server, no network. Writes one JSON file per request:

    {"method", "target", "headers": [[name, value], …], "body": utf-8 text,
     "access_key_id", "secret_access_key", "signed_at_ms"}

``signed_at_ms`` is the epoch milliseconds of the request's ``X-Amz-Date``: the server time at
which a verifier should accept it.

The headers are the prepared request's, preceded by the two that Python's http.client adds as
it writes the request (botocore's prepared request has neither, and botocore signs ``host``
from the URL): ``Host`` (the URL's host, without the default port) and
``Accept-Encoding: identity``. That is the order and spelling on the wire.

    python3 mock/sdk/capture_signed.py [--out mock/tests/sigv4/botocore]

Not run by CI: the fixtures are checked in, and a new run gives new dates and signatures.
"""

import argparse
import datetime
import json
import os
import sys
import urllib.parse

import boto3
import botocore
from botocore.awsrequest import AWSResponse
from botocore.config import Config

# The fixtures' key: test values, known to no AWS account.
ACCESS_KEY_ID = "AKIAMOCKSUITE0000001"
SECRET_ACCESS_KEY = "mocksuite/Signing+Secret/0000000000000001"
REGION = "us-east-1"

LEX_V1 = {"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42"}
LEX_V2 = {
    "botId": "ABCDE12345",
    "botAliasId": "TSTALIASID",
    "localeId": "en_US",
    "sessionId": "user:42:x",
}
V2_STATE = {
    "dialogAction": {"type": "ElicitSlot", "slotToElicit": "PickupDate"},
    "intent": {"name": "OrderFlowers", "state": "InProgress"},
    "sessionAttributes": {"customer": "42"},
}

DEFAULT_OUT = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "sigv4", "botocore")
)


class CannedBody:
    """A response body botocore can read, whole or streamed."""

    def __init__(self, data):
        self.data = data

    def stream(self, **_):
        yield self.data

    def read(self, *_):
        data, self.data = self.data, b""
        return data


def canned(request, body):
    """A 200 for `request`, so that botocore parses an answer and sends nothing."""
    headers = {"Content-Type": "application/json", "x-amzn-RequestId": "capture-1"}
    return AWSResponse(request.url, 200, headers, CannedBody(body))


def text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def as_sent(request):
    """The request as http.client writes it: method, target, headers, body."""
    url = urllib.parse.urlsplit(request.url)
    default_port = {"https": 443, "http": 80}[url.scheme]
    host = url.hostname if url.port in (None, default_port) else f"{url.hostname}:{url.port}"
    headers = [["Host", host], ["Accept-Encoding", "identity"]]
    headers += [[name, text(value)] for name, value in request.headers.items()]
    body = request.body or b""
    if hasattr(body, "read"):
        body = body.read()
    body = text(body)
    names = {name.lower() for name, _ in headers}
    if body and "content-length" not in names:
        headers.append(["Content-Length", str(len(body.encode("utf-8")))])
    target = url.path + (f"?{url.query}" if url.query else "")
    return request.method, target, headers, body


def signed_at_ms(headers):
    amz_date = next(value for name, value in headers if name.lower() == "x-amz-date")
    at = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
    return int(at.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT, help="the directory to write to")
    args = parser.parse_args()
    # The fixed key only: no profile, no environment credentials.
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull

    session = boto3.session.Session(
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_ACCESS_KEY,
        region_name=REGION,
    )
    config = Config(retries={"mode": "standard", "total_max_attempts": 1})
    v1 = session.client("lex-runtime", config=config)
    v2 = session.client("lexv2-runtime", config=config)

    captured = {}
    pending = {}

    def before_send(request, **_):
        captured[pending["name"]] = as_sent(request)
        return canned(request, pending["answer"])

    for client in (v1, v2):
        client.meta.events.register("before-send", before_send)

    calls = [
        ("lexv2-put-session", v2.put_session, {**LEX_V2, "sessionState": V2_STATE}, b""),
        ("lexv2-get-session", v2.get_session, LEX_V2, b"{}"),
        ("lexv2-delete-session", v2.delete_session, LEX_V2, b"{}"),
        ("lex-delete-session", v1.delete_session, LEX_V1, b"{}"),
    ]
    os.makedirs(args.out, exist_ok=True)
    for name, call, params, answer in calls:
        pending.update(name=name, answer=answer)
        call(**params)
        method, target, headers, body = captured[name]
        fixture = {
            "method": method,
            "target": target,
            "headers": headers,
            "body": body,
            "access_key_id": ACCESS_KEY_ID,
            "secret_access_key": SECRET_ACCESS_KEY,
            "signed_at_ms": signed_at_ms(headers),
        }
        path = os.path.join(args.out, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fixture, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"{path}: {method} {target}")
    print(f"boto3 {boto3.__version__}, botocore {botocore.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
