#!/usr/bin/env python3
"""The official-SDK suite of botsession-mock.

Drives every operation of every API the mock serves through a running server with the
services' own SDKs, unmodified: lark-oapi for Feishu Aily, boto3 for Amazon Lex V1
(``lex-runtime``) and V2 (``lexv2-runtime``). Each group of checks starts from a reset
server (the built-in sessions, no faults, request ids from ``mock-1``, an empty journal), so
the groups are independent of each other and of their order.

    python3 suite.py http://127.0.0.1:PORT [--credentialed http://127.0.0.1:PORT2]
    python3 suite.py --server-flags        (the flags the credentialed server needs)

The server is one started with its defaults but for --listen: the built-in sessions (no
--seed), no --fault, a journal of 1000 requests. The credentialed server, if given, is one
started with the flags ``--server-flags`` prints as well (a Feishu app, an AWS key and
``--rate-limit``): against it, lark-oapi manages its tenant token itself (expiry measured on
the mock's clock), boto3 signs with the key the server knows, and the clock is stepped for
token expiry, SigV4's 5-minute window and Aily's rate limits.

Prints every check, and for each failure its expected and actual answers; ends with
``N of M checks passed`` and exits 0 only if all passed. Only a loopback server is accepted,
and the whole run is bounded: short socket timeouts, boto3's retries pinned to the
``standard`` mode with at most 3 attempts, and a deadline for the suite as a whole.

``mock/sdk/run.sh`` builds the server, installs the pinned SDKs and runs this against it.
"""

import argparse
import base64
import gzip
import json
import os
import re
import signal
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

import boto3
import botocore
import lark_oapi as lark
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError
from lark_oapi.api.aily.v1 import (
    CreateAilySessionRequest,
    CreateAilySessionRequestBody,
    DeleteAilySessionRequest,
    GetAilySessionRequest,
    UpdateAilySessionRequest,
    UpdateAilySessionRequestBody,
)
from lark_oapi.core.cache import ICache
from lark_oapi.core.const import VERSION as LARK_VERSION
from lark_oapi.core.exception import NoAuthorizationException, ObtainAccessTokenException

# A tenant access token of the form Feishu issues; the mock takes any valid one.
TOKEN = "t-g1044qeGEDXTB6NDJOGV4JQX"

# Credentials for boto3's SigV4 signing: the mock does not check signatures, and the journal
# must hold neither.
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# The credentialed server's app and key (`--server-flags`): test values, never real ones.
AILY_APP_ID = "cli_mocksuite0001"
AILY_APP_SECRET = "mocksuite-app-secret-0001"
SIGNING_ACCESS_KEY_ID = "AKIAMOCKSUITE0000001"
SIGNING_SECRET_ACCESS_KEY = "mocksuite/Signing+Secret/0000000000000001"
CREDENTIALED_FLAGS = [
    "--aily-app",
    f"{AILY_APP_ID}:{AILY_APP_SECRET}",
    "--aws-credentials",
    f"{SIGNING_ACCESS_KEY_ID}:{SIGNING_SECRET_ACCESS_KEY}",
    "--rate-limit",
]

# A syntactically valid Aily session id that no server holds.
AILY_MISSING_SESSION = "session_0000000000000"

# The built-in sessions of a server started without --seed (`botsession-mock --help`).
AILY_SESSION = "session_4dfunz7sp1g8m"
LEX = {"botName": "OrderFlowers", "botAlias": "$LATEST", "userId": "user:42"}
LEX_SESSION_ID = "2026-12-01T00:00:00.000Z-mock"
LEX_V2 = {
    "botId": "ABCDE12345",
    "botAliasId": "TSTALIASID",
    "localeId": "en_US",
    "sessionId": "user:42",
}

# boto3's retries, pinned: the `standard` mode retries throttling errors (429
# ThrottlingException, LimitExceededException) and transient ones (500, 502, 503, 504), and
# not the others (409 ConflictException, 501); 3 attempts in all, the first and 2 retries.
MAX_ATTEMPTS = 3
BOTO_CONFIG = Config(
    retries={"mode": "standard", "total_max_attempts": MAX_ATTEMPTS},
    connect_timeout=2,
    read_timeout=5,
)

# Seconds any one HTTP exchange of lark-oapi or of the control API may take.
HTTP_TIMEOUT = 5

# The most seconds the whole suite may take, by default: the checks take a few seconds, most
# of them boto3's backoff between retries (at most 3 s for 2 retries).
DEADLINE = 120

# The hosts a base URL may have: loopback, and the ones lark-oapi accepts without https.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

# The members of every journal entry (`credential` null where the server checks none).
JOURNAL_FIELDS = {"method", "path", "api", "operation", "status", "requestId", "credential"}


class Deadline(BaseException):
    """The suite's deadline passed: raised by the alarm, past any group's own handling."""


def show(value):
    """A value as the report prints it: JSON where it can be, its repr otherwise."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


class Checks:
    """The checks run so far, each printed as it is made."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, name, expected, actual):
        """Checks that `actual` equals `expected`."""
        if expected == actual:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failed.append(name)
            print(
                f"FAIL {name}\n     expected: {show(expected)}\n     actual:   {show(actual)}",
                flush=True,
            )

    def summary(self):
        """The closing line."""
        total = self.passed + len(self.failed)
        return f"{self.passed} of {total} checks passed"


class Control:
    """The mock's control API, under /__botsession: JSON in and out."""

    def __init__(self, base):
        self.base = base + "/__botsession"
        # No proxy, whatever the environment says: the server is on loopback.
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def call(self, method, route, body=None):
        """The decoded answer; an error status raises, with the server's `error` text."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + route, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(request, timeout=HTTP_TIMEOUT) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {self.base}{route}: {e.code} {e.read()!r}") from None

    def reset(self):
        self.call("POST", "/reset")

    def fault(self, *faults):
        """Queues faults in the order given."""
        self.call("POST", "/faults", list(faults))

    def pending_faults(self):
        return self.call("GET", "/faults")["pendingCalls"]

    def seed(self, document):
        return self.call("POST", "/sessions", document)["seeded"]

    def journal(self):
        return self.call("GET", "/journal")

    def requests(self):
        """The journalled requests, oldest first."""
        return self.journal()["requests"]

    def journal_text(self):
        """The journal exactly as the server writes it."""
        request = urllib.request.Request(self.base + "/journal")
        with self.opener.open(request, timeout=HTTP_TIMEOUT) as response:
            return response.read().decode()

    def clock(self):
        """The mock's clock: {"now": ms, "amzDate", "running", "offsetMs"}."""
        return self.call("GET", "/clock")

    def now(self):
        """The mock's time, ms."""
        return self.clock()["now"]

    def set_clock(self, ms, run=False):
        return self.call("POST", "/clock", {"set": ms, "run": run})

    def step_clock(self, ms):
        return self.call("POST", "/clock", {"step": ms})


def column(entries, key):
    """One member of each journal entry."""
    return [entry[key] for entry in entries]


def aws_outcome(operation, **params):
    """What a boto3 call of `operation` with `params` came to: the error code or "ok", the
    status, boto3's retries, the request id; and the response itself (None for an error)."""
    try:
        response = operation(**params)
    except ClientError as e:
        meta = e.response["ResponseMetadata"]
        outcome = {"error": e.response["Error"]["Code"]}
        response = None
    else:
        meta = response["ResponseMetadata"]
        outcome = {"error": "ok"}
    outcome.update(
        status=meta["HTTPStatusCode"],
        retries=meta["RetryAttempts"],
        requestId=meta.get("RequestId"),
    )
    return outcome, response


def only(outcome, *keys):
    """The members of an outcome a check compares."""
    return {key: outcome[key] for key in keys}


def lark_outcome(response):
    """What a lark-oapi call came to: its code, the HTTP status, the log id."""
    return {
        "code": response.code,
        "status": response.raw.status_code,
        "logId": response.get_log_id(),
    }


def lex_header(value):
    """A Lex V2 PutSession header (`x-amz-lex-session-state`, `x-amz-lex-messages`): JSON,
    gzipped, in base64; None for none."""
    return None if value is None else json.loads(gzip.decompress(base64.b64decode(value)))


def session_fields(session):
    """An Aily session of lark-oapi as a dict. lark types the timestamps int but keeps the
    service's strings ("1711975665710"): compared as numbers."""
    return {
        "id": session.id,
        "created_at": int(session.created_at),
        "modified_at": int(session.modified_at),
        "created_by": session.created_by,
        "channel_context": session.channel_context,
        "metadata": session.metadata,
    }


# The Lex V2 state PutSession stores and GetSession returns: a dialog action, an intent with
# its slots (one with resolved values), an active context and session attributes.
V2_STATE = {
    "dialogAction": {"type": "ElicitSlot", "slotToElicit": "PickupDate"},
    "intent": {
        "name": "OrderFlowers",
        "state": "InProgress",
        "confirmationState": "None",
        "slots": {
            "FlowerType": {
                "value": {
                    "originalValue": "rose",
                    "interpretedValue": "roses",
                    "resolvedValues": ["roses"],
                }
            },
            "Colour": {"value": {"originalValue": "red", "interpretedValue": "red"}},
        },
    },
    "activeContexts": [
        {
            "name": "ordering_flowers",
            "timeToLive": {"timeToLiveInSeconds": 600, "turnsToLive": 5},
            "contextAttributes": {"colour": "red"},
        }
    ],
    "sessionAttributes": {"customer": "42", "tier": "gold"},
}
V2_MESSAGES = [
    {"content": "Which day do you want the roses picked up?", "contentType": "PlainText"},
]


class Groups:
    """Groups of checks against one server, each run from a reset server."""

    def groups(self):
        raise NotImplementedError

    def before_group(self):
        """What each group starts from: a reset server."""
        self.control.reset()

    def run(self):
        for group in self.groups():
            name = group.__name__
            print(f"-- {name}", flush=True)
            try:
                self.before_group()
                group()
            except Exception as e:  # the report names it, and the later groups still run
                traceback.print_exc()
                self.check(f"{name}: runs to its end", "no exception", f"{type(e).__name__}: {e}")


class Suite(Groups):
    """The groups of checks, against one server."""

    def __init__(self, base, checks):
        self.check = checks.check
        self.control = Control(base)
        self.lark = (
            lark.Client.builder().domain(base).enable_set_token(True).timeout(HTTP_TIMEOUT).build()
        )
        aws = boto3.session.Session(
            aws_access_key_id=AWS_ACCESS_KEY_ID,
            aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
            region_name="us-east-1",
        )
        self.lex = aws.client("lex-runtime", endpoint_url=base, config=BOTO_CONFIG)
        self.v2 = aws.client("lexv2-runtime", endpoint_url=base, config=BOTO_CONFIG)

    def groups(self):
        return [
            self.journal_after_reset,
            self.aily_lifecycle,
            self.aily_rejections,
            self.aily_seeded,
            self.aily_fault,
            self.lex_v2_lifecycle,
            self.lex_v2_rejections,
            self.lex_v2_seeded,
            self.lex_v2_retried_throttling,
            self.lex_v2_throttling_past_the_attempts,
            self.lex_v2_retried_server_error,
            self.lex_v2_conflict,
            self.lex_v1,
            self.lex_v1_retried_limit,
            self.journal_holds_no_secret,
        ]

    # --- lark-oapi -------------------------------------------------------------------------

    def option(self, token=TOKEN):
        return lark.RequestOption.builder().tenant_access_token(token).build()

    def aily_get(self, session_id, token=TOKEN):
        request = GetAilySessionRequest.builder().aily_session_id(session_id).build()
        return self.lark.aily.v1.aily_session.get(request, self.option(token))

    def aily_create(self, channel_context, metadata):
        body = (
            CreateAilySessionRequestBody.builder()
            .channel_context(channel_context)
            .metadata(metadata)
            .build()
        )
        request = CreateAilySessionRequest.builder().request_body(body).build()
        return self.lark.aily.v1.aily_session.create(request, self.option())

    def aily_update(self, session_id, metadata):
        body = UpdateAilySessionRequestBody.builder().metadata(metadata).build()
        request = (
            UpdateAilySessionRequest.builder()
            .aily_session_id(session_id)
            .request_body(body)
            .build()
        )
        return self.lark.aily.v1.aily_session.update(request, self.option())

    def aily_delete(self, session_id):
        request = DeleteAilySessionRequest.builder().aily_session_id(session_id).build()
        return self.lark.aily.v1.aily_session.delete(request, self.option())

    def violated_fields(self, response):
        """The fields a 2700001 answer names. lark leaves `error` the JSON object it read
        (`BaseResponse` types none of its members)."""
        violations = (response.error or {}).get("field_violations") or []
        return [violation.get("field") for violation in violations]

    # --- the groups ------------------------------------------------------------------------

    def journal_after_reset(self):
        """A reset empties the journal and the fault script; ids count from mock-1 again."""
        self.aily_get(AILY_SESSION)
        self.control.fault({"api": "lexV2", "error": "ThrottlingException", "calls": 2})
        self.control.reset()
        journal = self.control.journal()
        self.check(
            "journal: empty after a reset",
            {"capacity": 1000, "dropped": 0, "requests": []},
            journal,
        )
        self.check("faults: none pending after a reset", 0, self.control.pending_faults())
        self.check(
            "journal: the first answer after a reset is mock-1",
            "mock-1",
            self.aily_get(AILY_SESSION).get_log_id(),
        )

    def aily_lifecycle(self):
        """create -> get -> update -> get -> delete -> get, each log id the journal's."""
        responses = []
        created = self.aily_create('{"channel":"suite"}', '{"step":1}')
        responses.append(created)
        self.check(
            "aily create: code 0",
            {"code": 0, "status": 200},
            only(lark_outcome(created), "code", "status"),
        )
        session = session_fields(created.data.session)
        self.check(
            "aily create: the fields sent, created and modified at once",
            {
                "channel_context": '{"channel":"suite"}',
                "metadata": '{"step":1}',
                "modified_at": session["created_at"],
            },
            only(session, "channel_context", "metadata", "modified_at"),
        )
        creator = session["created_by"] or ""
        self.check(
            "aily create: a minted session id and a 16-digit creator",
            {"id": "session_…", "created_by": "16 digits"},
            {
                "id": "session_…" if session["id"].startswith("session_") else session["id"],
                "created_by": "16 digits" if re.fullmatch(r"\d{16}", creator) else creator,
            },
        )
        session_id = session["id"]

        got = self.aily_get(session_id)
        responses.append(got)
        self.check(
            "aily get: the session as created",
            session,
            session_fields(got.data.session) if got.success() else lark_outcome(got),
        )

        updated = self.aily_update(session_id, '{"step":2}')
        responses.append(updated)
        self.check(
            "aily update: code 0",
            {"code": 0, "status": 200},
            only(lark_outcome(updated), "code", "status"),
        )
        after = session_fields(updated.data.session)
        self.check(
            "aily update: metadata replaced, channel_context kept, modified_at moved on",
            {
                "channel_context": session["channel_context"],
                "metadata": '{"step":2}',
                "created_at": session["created_at"],
                "modified_at >= created_at": True,
            },
            {
                "channel_context": after["channel_context"],
                "metadata": after["metadata"],
                "created_at": after["created_at"],
                "modified_at >= created_at": after["modified_at"] >= after["created_at"],
            },
        )

        got = self.aily_get(session_id)
        responses.append(got)
        self.check(
            "aily get: the session as updated",
            after,
            session_fields(got.data.session) if got.success() else lark_outcome(got),
        )

        deleted = self.aily_delete(session_id)
        responses.append(deleted)
        self.check(
            "aily delete: code 0",
            {"code": 0, "status": 200},
            only(lark_outcome(deleted), "code", "status"),
        )

        gone = self.aily_get(session_id)
        responses.append(gone)
        self.check(
            "aily get after delete: 400, code 2700001 naming aily_session_id",
            {"code": 2700001, "status": 400, "fields": ["aily_session_id"]},
            {**only(lark_outcome(gone), "code", "status"), "fields": self.violated_fields(gone)},
        )

        entries = self.control.requests()
        self.check(
            "aily: get_log_id() is the journal's requestId, call for call",
            [response.get_log_id() for response in responses],
            column(entries, "requestId"),
        )
        self.check(
            "aily: the journal names each operation",
            [
                ("aily", "CreateSession"),
                ("aily", "GetSession"),
                ("aily", "UpdateSession"),
                ("aily", "GetSession"),
                ("aily", "DeleteSession"),
                ("aily", "GetSession"),
            ],
            [(entry["api"], entry["operation"]) for entry in entries],
        )
        self.check(
            "aily: the journal has each method, path and status",
            [("POST", "/open-apis/aily/v1/sessions", 200)]
            + [
                (method, f"/open-apis/aily/v1/sessions/{session_id}", status)
                for method, status in [
                    ("GET", 200),
                    ("PUT", 200),
                    ("GET", 200),
                    ("DELETE", 200),
                    ("GET", 400),
                ]
            ],
            [(entry["method"], entry["path"], entry["status"]) for entry in entries],
        )

    def aily_rejections(self):
        """What the service refuses, as lark-oapi sends it."""
        bad_id = self.aily_get("bad id")
        self.check(
            "aily get of a bad session id: 400, code 2700001 naming aily_session_id",
            {"code": 2700001, "status": 400, "fields": ["aily_session_id"]},
            {
                **only(lark_outcome(bad_id), "code", "status"),
                "fields": self.violated_fields(bad_id),
            },
        )
        self.check(
            "aily: lark URL-encodes the bad id in the path",
            "/open-apis/aily/v1/sessions/bad%20id",
            self.control.requests()[-1]["path"],
        )

        long_context = self.aily_create("x" * 256, "{}")
        self.check(
            "aily create with a 256-character channel_context: 2700001 naming it",
            {"code": 2700001, "status": 400, "fields": ["channel_context"]},
            {
                **only(lark_outcome(long_context), "code", "status"),
                "fields": self.violated_fields(long_context),
            },
        )

        for name, response in [
            ("update", self.aily_update("session_gone1", "{}")),
            ("delete", self.aily_delete("session_gone1")),
        ]:
            self.check(
                f"aily {name} of a session never created: 400, code 2700001",
                {"code": 2700001, "status": 400},
                only(lark_outcome(response), "code", "status"),
            )

        bad_token = self.aily_get(AILY_SESSION, token="not a token")
        self.check(
            "aily get with a malformed token: code 99991661",
            {"code": 99991661, "status": 400},
            only(lark_outcome(bad_token), "code", "status"),
        )

        # lark's typed API will not send a request without a token: with enable_set_token and
        # none set, it looks for an app id and secret to fetch one, and has none.
        sent_before = len(self.control.requests())
        try:
            request = GetAilySessionRequest.builder().aily_session_id(AILY_SESSION).build()
            self.lark.aily.v1.aily_session.get(request, lark.RequestOption.builder().build())
            refused = "sent"
        except NoAuthorizationException:
            refused = "NoAuthorizationException"
        self.check(
            "aily: lark's typed get refuses to send without a token",
            ("NoAuthorizationException", sent_before),
            (refused, len(self.control.requests())),
        )

        # Its raw request API sends one with no token types, and so no Authorization header.
        raw = (
            lark.BaseRequest.builder()
            .http_method(lark.HttpMethod.GET)
            .uri(f"/open-apis/aily/v1/sessions/{AILY_SESSION}")
            .token_types(set())
            .build()
        )
        missing = self.lark.request(raw)
        self.check(
            "aily get with no Authorization header (lark's raw request): code 99991661",
            {"code": 99991661, "status": 400},
            only(lark_outcome(missing), "code", "status"),
        )
        self.check(
            "aily: the log id of a refusal is the journal's",
            missing.get_log_id(),
            self.control.requests()[-1]["requestId"],
        )

    def aily_seeded(self):
        """A session seeded through the control API is the one lark gets."""
        seeded = self.control.seed(
            {
                "aily": [
                    {
                        "id": "session_seed7",
                        "channel_context": "{}",
                        "metadata": '{"seeded":true}',
                        "created_at": "1711975665710",
                        "modified_at": "1711975665711",
                    }
                ]
            }
        )
        self.check("seed: one Aily session added", {"aily": 1, "lex": 0, "lexV2": 0}, seeded)
        got = self.aily_get("session_seed7")
        self.check(
            "aily get of a seeded session: its fields",
            {
                "id": "session_seed7",
                "created_at": 1711975665710,
                "modified_at": 1711975665711,
                "created_by": None,
                "channel_context": "{}",
                "metadata": '{"seeded":true}',
            },
            session_fields(got.data.session) if got.success() else lark_outcome(got),
        )

    def aily_fault(self):
        """A queued 99991400 reaches lark as that code; lark does not retry."""
        self.control.fault(
            {"api": "aily", "operation": "GetSession", "error": "99991400", "status": 429}
        )
        throttled = self.aily_get(AILY_SESSION)
        self.check(
            "aily fault: lark returns code 99991400 with status 429, no exception",
            {"code": 99991400, "status": 429, "success": False},
            {**only(lark_outcome(throttled), "code", "status"), "success": throttled.success()},
        )
        self.check(
            "aily fault: lark does not retry (one request, a 429)",
            [429],
            column(self.control.requests(), "status"),
        )
        self.check("aily fault: the fault answered once", 0, self.control.pending_faults())
        self.check("aily fault: the next get succeeds", 0, self.aily_get(AILY_SESSION).code)

    def lex_v2_lifecycle(self):
        """put -> get (the same state back) -> delete -> get: ResourceNotFoundException."""
        session = {**LEX_V2, "sessionId": "suite-session.1"}
        builtin, response = aws_outcome(self.v2.get_session, **LEX_V2)
        self.check(
            "lexV2 get of the built-in session: its id",
            {"error": "ok", "sessionId": "user:42"},
            {"error": builtin["error"], "sessionId": response and response["sessionId"]},
        )

        put, response = aws_outcome(
            self.v2.put_session, **session, sessionState=V2_STATE, messages=V2_MESSAGES
        )
        self.check("lexV2 put: 200", {"error": "ok", "status": 200}, only(put, "error", "status"))
        response = response or {}
        self.check(
            "lexV2 put: no audio for a text response",
            b"",
            response["audioStream"].read() if "audioStream" in response else None,
        )
        self.check(
            "lexV2 put: the session id, state and messages in its headers",
            {"sessionId": session["sessionId"], "sessionState": V2_STATE, "messages": V2_MESSAGES},
            {
                "sessionId": response.get("sessionId"),
                "sessionState": lex_header(response.get("sessionState")),
                "messages": lex_header(response.get("messages")),
            },
        )

        got, response = aws_outcome(self.v2.get_session, **session)
        self.check(
            "lexV2 get after put: 200", {"error": "ok", "status": 200}, only(got, "error", "status")
        )
        response = response or {}
        state = response.get("sessionState", {})
        for member in ["intent", "sessionAttributes", "activeContexts", "dialogAction"]:
            self.check(
                f"lexV2 get after put: sessionState.{member} as put",
                V2_STATE[member],
                state.get(member),
            )
        self.check("lexV2 get after put: the whole state, nothing added", V2_STATE, state)
        self.check(
            "lexV2 get after put: the messages as put", V2_MESSAGES, response.get("messages")
        )
        self.check(
            "lexV2 get after put: the session id", session["sessionId"], response.get("sessionId")
        )

        deleted, response = aws_outcome(self.v2.delete_session, **session)
        self.check(
            "lexV2 delete: 200, echoing bot, alias, locale and session",
            {"error": "ok", "status": 200, **session},
            {
                **only(deleted, "error", "status"),
                **{key: (response or {}).get(key) for key in session},
            },
        )

        gone, _ = aws_outcome(self.v2.get_session, **session)
        self.check(
            "lexV2 get after delete: 404 ResourceNotFoundException",
            {"error": "ResourceNotFoundException", "status": 404, "retries": 0},
            only(gone, "error", "status", "retries"),
        )
        again, _ = aws_outcome(self.v2.delete_session, **session)
        self.check(
            "lexV2 delete after delete: 404 ResourceNotFoundException",
            {"error": "ResourceNotFoundException", "status": 404},
            only(again, "error", "status"),
        )

        entries = self.control.requests()
        self.check(
            "lexV2: boto3's RequestId is the journal's requestId, call for call",
            [outcome["requestId"] for outcome in [builtin, put, got, deleted, gone, again]],
            column(entries, "requestId"),
        )
        self.check(
            "lexV2: the journal names each operation and status",
            [
                ("GetSession", 200),
                ("PutSession", 200),
                ("GetSession", 200),
                ("DeleteSession", 200),
                ("GetSession", 404),
                ("DeleteSession", 404),
            ],
            [(entry["operation"], entry["status"]) for entry in entries],
        )

    def lex_v2_rejections(self):
        """Ids and states that pass botocore's own validation and break the service's rules."""
        bad_ids = {
            "a bot id with a '-'": {**LEX_V2, "botId": "ABCDE-1234"},
            "a session id with a space": {**LEX_V2, "sessionId": "user 42"},
            "a locale id with a space": {**LEX_V2, "localeId": "en US"},
            "a 3-character alias id": {**LEX_V2, "botAliasId": "TST"},
        }
        operations = {
            "get": (self.v2.get_session, {}),
            "put": (self.v2.put_session, {"sessionState": {}}),
            "delete": (self.v2.delete_session, {}),
        }
        for what, ids in bad_ids.items():
            for operation, (call, params) in operations.items():
                outcome, _ = aws_outcome(call, **ids, **params)
                self.check(
                    f"lexV2 {operation} with {what}: 400 ValidationException, not retried",
                    {"error": "ValidationException", "status": 400, "retries": 0},
                    only(outcome, "error", "status", "retries"),
                )

        # The model allows lower case in a bot id: such a bot is merely not there.
        lower, _ = aws_outcome(self.v2.get_session, **{**LEX_V2, "botId": "abcde12345"})
        self.check(
            "lexV2 get of a lower-case bot id: 404 ResourceNotFoundException",
            {"error": "ResourceNotFoundException", "status": 404},
            only(lower, "error", "status"),
        )

        def context(name, seconds=600, turns=1):
            return {
                "activeContexts": [
                    {
                        "name": name,
                        "timeToLive": {"timeToLiveInSeconds": seconds, "turnsToLive": turns},
                        "contextAttributes": {},
                    }
                ]
            }

        # botocore checks the model's minimums but not its maximums nor its patterns.
        for what, state in [
            ("an active context named with a space", context("bad name")),
            ("a time to live of 86401 s", context("ordering", seconds=86401)),
            ("a time to live of 21 turns", context("ordering", turns=21)),
        ]:
            outcome, _ = aws_outcome(self.v2.put_session, **LEX_V2, sessionState=state)
            self.check(
                f"lexV2 put with {what}: 400 ValidationException",
                {"error": "ValidationException", "status": 400},
                only(outcome, "error", "status"),
            )

        # A minimum botocore checks itself: 4 s never reaches the server.
        sent_before = len(self.control.requests())
        try:
            self.v2.put_session(**LEX_V2, sessionState=context("ordering", seconds=4))
            refused = "sent"
        except ParamValidationError:
            refused = "ParamValidationError"
        self.check(
            "lexV2 put with a time to live of 4 s: botocore refuses it unsent",
            ("ParamValidationError", sent_before),
            (refused, len(self.control.requests())),
        )

        builtin, _ = aws_outcome(self.v2.get_session, **LEX_V2)
        self.check(
            "lexV2: the refused puts left the built-in session as it was", "ok", builtin["error"]
        )

    def lex_v2_seeded(self):
        """A session seeded through the control API is the one boto3 gets."""
        session = {**LEX_V2, "sessionId": "seeded-1"}
        state = {"sessionAttributes": {"seeded": "yes"}}
        seeded = self.control.seed(
            {"lexV2": [{**session, "sessionState": state, "messages": V2_MESSAGES}]}
        )
        self.check("seed: one Lex V2 session added", {"aily": 0, "lex": 0, "lexV2": 1}, seeded)
        got, response = aws_outcome(self.v2.get_session, **session)
        self.check(
            "lexV2 get of a seeded session: its state and messages",
            {"error": "ok", "sessionState": state, "messages": V2_MESSAGES},
            {
                "error": got["error"],
                "sessionState": (response or {}).get("sessionState"),
                "messages": (response or {}).get("messages"),
            },
        )

    def lex_v2_retried_throttling(self):
        """2 ThrottlingExceptions on DeleteSession: boto3 retries twice and succeeds."""
        self.control.fault(
            {
                "api": "lexV2",
                "operation": "DeleteSession",
                "error": "ThrottlingException",
                "calls": 2,
            }
        )
        outcome, _ = aws_outcome(self.v2.delete_session, **LEX_V2)
        self.check(
            "lexV2 delete after 2 throttles: succeeds on boto3's 2nd retry",
            {"error": "ok", "status": 200, "retries": 2},
            only(outcome, "error", "status", "retries"),
        )
        entries = self.control.requests()
        self.check(
            "lexV2 throttled delete: the journal shows 429, 429, 200",
            [("DeleteSession", 429), ("DeleteSession", 429), ("DeleteSession", 200)],
            [(entry["operation"], entry["status"]) for entry in entries],
        )
        self.check(
            "lexV2 throttled delete: each attempt has its own request id",
            3,
            len(set(column(entries, "requestId"))),
        )
        self.check(
            "lexV2 throttled delete: the faults are used up", 0, self.control.pending_faults()
        )

    def lex_v2_throttling_past_the_attempts(self):
        """As many throttles as attempts: boto3 gives up with the throttle, bounded."""
        self.control.fault(
            {
                "api": "lexV2",
                "operation": "DeleteSession",
                "error": "ThrottlingException",
                "calls": MAX_ATTEMPTS,
            }
        )
        outcome, _ = aws_outcome(self.v2.delete_session, **LEX_V2)
        self.check(
            f"lexV2 delete after {MAX_ATTEMPTS} throttles: ThrottlingException, "
            f"after {MAX_ATTEMPTS} attempts",
            {"error": "ThrottlingException", "status": 429, "retries": MAX_ATTEMPTS - 1},
            only(outcome, "error", "status", "retries"),
        )
        self.check(
            "lexV2 throttled-out delete: the journal shows only 429s",
            [429] * MAX_ATTEMPTS,
            column(self.control.requests(), "status"),
        )
        still, _ = aws_outcome(self.v2.get_session, **LEX_V2)
        self.check("lexV2 throttled-out delete: the session is still there", "ok", still["error"])

    def lex_v2_retried_server_error(self):
        """A 500 InternalServerException on PutSession is transient: retried."""
        self.control.fault(
            {"api": "lexV2", "operation": "PutSession", "error": "InternalServerException"}
        )
        outcome, response = aws_outcome(
            self.v2.put_session, **LEX_V2, sessionState={"sessionAttributes": {"k": "v"}}
        )
        if response:
            response["audioStream"].close()
        self.check(
            "lexV2 put after a 500: succeeds on boto3's retry",
            {"error": "ok", "status": 200, "retries": 1},
            only(outcome, "error", "status", "retries"),
        )
        self.check(
            "lexV2 put after a 500: the journal shows 500, 200",
            [("PutSession", 500), ("PutSession", 200)],
            [(entry["operation"], entry["status"]) for entry in self.control.requests()],
        )

    def lex_v2_conflict(self):
        """A 409 ConflictException is not one boto3 retries: it surfaces at once."""
        self.control.fault(
            {"api": "lexV2", "operation": "DeleteSession", "error": "ConflictException"}
        )
        outcome, _ = aws_outcome(self.v2.delete_session, **LEX_V2)
        self.check(
            "lexV2 delete with a conflict: 409 ConflictException, not retried",
            {"error": "ConflictException", "status": 409, "retries": 0},
            only(outcome, "error", "status", "retries"),
        )
        self.check(
            "lexV2 conflict: one request in the journal",
            [409],
            column(self.control.requests(), "status"),
        )
        after, _ = aws_outcome(self.v2.delete_session, **LEX_V2)
        self.check("lexV2 conflict: the next delete succeeds", "ok", after["error"])

    def lex_v1(self):
        """DeleteSession of the built-in session, twice; GetSession and PutSession: 501."""
        deleted, response = aws_outcome(self.lex.delete_session, **LEX)
        self.check(
            "lex delete of the built-in session: 200, bot, alias, user and session id",
            {"error": "ok", "status": 200, **LEX, "sessionId": LEX_SESSION_ID},
            {
                **only(deleted, "error", "status"),
                **{key: (response or {}).get(key) for key in [*LEX, "sessionId"]},
            },
        )
        again, _ = aws_outcome(self.lex.delete_session, **LEX)
        self.check(
            "lex delete again: 404 NotFoundException",
            {"error": "NotFoundException", "status": 404, "retries": 0},
            only(again, "error", "status", "retries"),
        )

        bad_user, _ = aws_outcome(self.lex.delete_session, **{**LEX, "userId": "user 42"})
        self.check(
            "lex delete with a user id with a space: 400 BadRequestException",
            {"error": "BadRequestException", "status": 400},
            only(bad_user, "error", "status"),
        )
        bad_bot, _ = aws_outcome(self.lex.delete_session, **{**LEX, "botName": "Order-Flowers"})
        self.check(
            "lex delete with a bot name with a '-': 400 BadRequestException",
            {"error": "BadRequestException", "status": 400},
            only(bad_bot, "error", "status"),
        )

        # V1 is past its end of support: the mock serves DeleteSession only.
        for operation, call in [("get", self.lex.get_session), ("put", self.lex.put_session)]:
            outcome, _ = aws_outcome(call, **LEX)
            self.check(
                f"lex {operation}: 501 UnknownOperationException, not retried",
                {"error": "UnknownOperationException", "status": 501, "retries": 0},
                only(outcome, "error", "status", "retries"),
            )

        entries = self.control.requests()
        self.check(
            "lex: boto3's RequestId is the journal's requestId",
            [deleted["requestId"], again["requestId"]],
            column(entries[:2], "requestId"),
        )
        # Named from the method and path alone, as a gateway logs them: the bad ids too.
        self.check(
            "lex: the journal names each request's operation and status",
            [
                ("DeleteSession", 200),
                ("DeleteSession", 404),
                ("DeleteSession", 400),
                ("DeleteSession", 400),
                ("GetSession", 501),
                ("PutSession", 501),
            ],
            [(entry["operation"], entry["status"]) for entry in entries],
        )

    def lex_v1_retried_limit(self):
        """2 LimitExceededExceptions on DeleteSession: boto3 retries them as throttling."""
        self.control.fault(
            {
                "api": "lex",
                "operation": "DeleteSession",
                "error": "LimitExceededException",
                "calls": 2,
            }
        )
        outcome, _ = aws_outcome(self.lex.delete_session, **LEX)
        self.check(
            "lex delete after 2 LimitExceeded: succeeds on boto3's 2nd retry",
            {"error": "ok", "status": 200, "retries": 2},
            only(outcome, "error", "status", "retries"),
        )
        self.check(
            "lex limited delete: the journal shows 429, 429, 200",
            [429, 429, 200],
            column(self.control.requests(), "status"),
        )

    def journal_holds_no_secret(self):
        """One call of each API, then the journal: its members, and no secret anywhere."""
        self.aily_get(AILY_SESSION)
        self.aily_get(AILY_SESSION, token="not a token")
        aws_outcome(self.v2.get_session, **LEX_V2)
        aws_outcome(self.lex.delete_session, **LEX)
        text = self.control.journal_text()
        entries = json.loads(text)["requests"]
        self.check("journal: one entry for each request", 4, len(entries))
        self.check(
            "journal: each entry has exactly method, path, api, operation, status, requestId, "
            "credential",
            [sorted(JOURNAL_FIELDS)] * len(entries),
            [sorted(entry) for entry in entries],
        )
        self.check(
            "journal: each API named", ["aily", "aily", "lexV2", "lex"], column(entries, "api")
        )
        self.check(
            "journal: no credential named by a server that checks none",
            [None] * 4,
            column(entries, "credential"),
        )
        for secret, what in [
            (TOKEN, "the Aily token"),
            ("not a token", "a malformed token"),
            (AWS_ACCESS_KEY_ID, "the AWS access key id"),
            (AWS_SECRET_ACCESS_KEY, "the AWS secret key"),
        ]:
            self.check(f"journal: never holds {what}", False, secret in text)


class MockClockCache(ICache):
    """lark-oapi's token cache (its public `ICache` hook, `Client.builder().cache(…)`) with
    expiry measured on the mock's clock instead of the wall clock, so that stepping the clock
    expires lark's cached token as it expires the server's.

    lark stores a token with an absolute expiry in wall-clock seconds (the token's `expire`,
    less 10 minutes); this keeps the same span from the mock's time at the store. It also keeps
    every value lark stored, for the checks that the journal holds none of them."""

    def __init__(self, control):
        self.control = control
        self.entries = {}  # key -> (value, deadline in mock ms)
        self.stored = []  # every value stored, oldest first

    def set(self, key, value, expire):
        left_ms = (expire - time.time()) * 1000
        self.entries[key] = (value, self.control.now() + left_ms)
        self.stored.append(value)

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None:
            return None
        value, deadline = entry
        if self.control.now() >= deadline:
            del self.entries[key]
            return None
        return value

    def clear(self):
        self.entries.clear()


def lower_headers(headers):
    """Response headers with their names in lower case."""
    return {name.lower(): value for name, value in (headers or {}).items()}


def journal_ops(entries):
    """(operation, status, credential) of each journal entry."""
    return [(entry["operation"], entry["status"], entry["credential"]) for entry in entries]


class CredentialedSuite(Groups):
    """The groups of checks against a server started with `CREDENTIALED_FLAGS`: tokens the
    server issues and expires, SigV4 it verifies, Aily's rate limits, all on its clock."""

    def __init__(self, base, checks):
        self.base = base
        self.check = checks.check
        self.control = Control(base)
        self.cache = MockClockCache(self.control)
        signed = boto3.session.Session(
            aws_access_key_id=SIGNING_ACCESS_KEY_ID,
            aws_secret_access_key=SIGNING_SECRET_ACCESS_KEY,
            region_name="us-east-1",
        )
        self.lex = signed.client("lex-runtime", endpoint_url=base, config=BOTO_CONFIG)
        self.v2 = signed.client("lexv2-runtime", endpoint_url=base, config=BOTO_CONFIG)

    def groups(self):
        return [
            self.aily_managed_token,
            self.aily_token_not_issued,
            self.aily_wrong_secret,
            self.lex_signed,
            self.lex_bad_signatures,
            self.lex_clock_skew,
            self.aily_rate_limited,
        ]

    def before_group(self):
        # The reset forgets the server's tokens: lark's cached ones go too.
        self.control.reset()
        self.cache.clear()

    def lark_client(self, secret=AILY_APP_SECRET):
        """A lark client that fetches and caches its tenant token itself (no token given).
        The cache is process-wide in lark (`TokenManager.cache`): each build sets it."""
        return (
            lark.Client.builder()
            .app_id(AILY_APP_ID)
            .app_secret(secret)
            .domain(self.base)
            .timeout(HTTP_TIMEOUT)
            .cache(self.cache)
            .build()
        )

    @staticmethod
    def get(client, session_id=AILY_SESSION, option=None):
        request = GetAilySessionRequest.builder().aily_session_id(session_id).build()
        if option is None:
            return client.aily.v1.aily_session.get(request)
        return client.aily.v1.aily_session.get(request, option)

    @staticmethod
    def delete(client, session_id):
        request = DeleteAilySessionRequest.builder().aily_session_id(session_id).build()
        return client.aily.v1.aily_session.delete(request)

    def token_fetches(self):
        return [e for e in self.control.requests() if e["operation"] == "TenantAccessToken"]

    # --- lark-oapi's own token management -------------------------------------------------

    def aily_managed_token(self):
        """lark fetches a token, uses it, and once the clock has moved past its expiry fetches
        another, the caller seeing no error; the journal names the app, never the token."""
        client = self.lark_client()
        first = self.get(client)
        self.check(
            "aily managed token: the first call fetches a token and succeeds",
            {"code": 0, "status": 200, "fetches": 1},
            {**only(lark_outcome(first), "code", "status"), "fetches": len(self.token_fetches())},
        )
        second = self.get(client)
        self.check(
            "aily managed token: the second call reuses it (no new fetch)",
            {"code": 0, "fetches": 1},
            {"code": second.code, "fetches": len(self.token_fetches())},
        )
        self.control.step_clock(2 * 3600 * 1000)
        third = self.get(client)
        self.check(
            "aily managed token: 2 h on the mock clock, lark fetches a new token, "
            "the call succeeds",
            {"code": 0, "status": 200, "fetches": 2},
            {**only(lark_outcome(third), "code", "status"), "fetches": len(self.token_fetches())},
        )
        self.check(
            "aily managed token: the server issued a different token the second time",
            2,
            len(set(self.cache.stored)),
        )
        entries = self.control.requests()
        self.check(
            "aily managed token: the journal shows fetch, get, get, fetch, get, by the app id",
            [
                ("TenantAccessToken", 200, AILY_APP_ID),
                ("GetSession", 200, AILY_APP_ID),
                ("GetSession", 200, AILY_APP_ID),
                ("TenantAccessToken", 200, AILY_APP_ID),
                ("GetSession", 200, AILY_APP_ID),
            ],
            journal_ops(entries),
        )
        text = self.control.journal_text()
        self.check(
            "aily managed token: the journal holds neither token nor the app secret",
            {"tokens": 0, "secret": False},
            {
                "tokens": sum(token in text for token in set(self.cache.stored)),
                "secret": AILY_APP_SECRET in text,
            },
        )

    def aily_token_not_issued(self):
        """A token the server never issued: 99991663, as lark's response code."""
        client = (
            lark.Client.builder().domain(self.base).enable_set_token(True).timeout(HTTP_TIMEOUT)
        ).build()
        option = lark.RequestOption.builder().tenant_access_token(TOKEN).build()
        response = self.get(client, option=option)
        self.check(
            "aily with a token the server did not issue: 400, code 99991663",
            {"code": 99991663, "status": 400},
            only(lark_outcome(response), "code", "status"),
        )
        self.check(
            "aily with a token not issued: journalled with no credential",
            [("GetSession", 400, None)],
            journal_ops(self.control.requests()),
        )

    def aily_wrong_secret(self):
        """A wrong app secret: the token endpoint's 10014, raised by lark before any call."""
        wrong = "mocksuite-wrong-secret"
        try:
            response = self.get(self.lark_client(secret=wrong))
            raised = {"returned": lark_outcome(response)}
        except ObtainAccessTokenException as e:
            raised = {"exception": type(e).__name__, "code": e.code, "msg": e.msg}
        self.check(
            "aily with a wrong app secret: ObtainAccessTokenException, code 10014",
            {"exception": "ObtainAccessTokenException", "code": 10014, "msg": "app secret invalid"},
            raised,
        )
        self.check(
            "aily with a wrong app secret: only the token request sent, no credential journalled",
            [("TenantAccessToken", 200, None)],
            journal_ops(self.control.requests()),
        )
        self.check(
            "aily with a wrong app secret: the journal does not hold it",
            False,
            wrong in self.control.journal_text(),
        )

    # --- boto3, signing ---------------------------------------------------------------------

    def lex_signed(self):
        """Signed with the server's key: V2 put, get, delete of a session id with ':', and V1
        delete of a user id with ':', all succeed; the journal names the key id."""
        session = {**LEX_V2, "sessionId": "user:42:x"}
        state = {"sessionAttributes": {"signed": "yes"}}
        put, response = aws_outcome(self.v2.put_session, **session, sessionState=state)
        if response:
            response["audioStream"].close()
        self.check(
            "lexV2 signed put of user:42:x: 200",
            {"error": "ok", "status": 200},
            only(put, "error", "status"),
        )
        got, response = aws_outcome(self.v2.get_session, **session)
        self.check(
            "lexV2 signed get of user:42:x: 200, the state put",
            {"error": "ok", "status": 200, "sessionAttributes": state["sessionAttributes"]},
            {
                **only(got, "error", "status"),
                "sessionAttributes": ((response or {}).get("sessionState") or {}).get(
                    "sessionAttributes"
                ),
            },
        )
        deleted, response = aws_outcome(self.v2.delete_session, **session)
        self.check(
            "lexV2 signed delete of user:42:x: 200, its session id",
            {"error": "ok", "status": 200, "sessionId": "user:42:x"},
            {**only(deleted, "error", "status"), "sessionId": (response or {}).get("sessionId")},
        )
        v1, response = aws_outcome(self.lex.delete_session, **LEX)
        self.check(
            "lex signed delete of user:42: 200, the built-in session",
            {"error": "ok", "status": 200, "userId": "user:42", "sessionId": LEX_SESSION_ID},
            {
                **only(v1, "error", "status"),
                "userId": (response or {}).get("userId"),
                "sessionId": (response or {}).get("sessionId"),
            },
        )
        self.check(
            "lex signed: the journal shows each request, by the access key id",
            [
                ("PutSession", 200, SIGNING_ACCESS_KEY_ID),
                ("GetSession", 200, SIGNING_ACCESS_KEY_ID),
                ("DeleteSession", 200, SIGNING_ACCESS_KEY_ID),
                ("DeleteSession", 200, SIGNING_ACCESS_KEY_ID),
            ],
            journal_ops(self.control.requests()),
        )
        self.check(
            "lex signed: the journal does not hold the secret key",
            False,
            SIGNING_SECRET_ACCESS_KEY in self.control.journal_text(),
        )

    def lex_bad_signatures(self):
        """A wrong secret: 403 InvalidSignatureException; an unknown key: 403
        UnrecognizedClientException; both ClientErrors, not retried."""
        outcomes = {}
        for what, key, secret in [
            ("a wrong secret", SIGNING_ACCESS_KEY_ID, "mocksuite/Wrong+Secret/0000000000000001"),
            ("an unknown key", AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY),
        ]:
            aws = boto3.session.Session(
                aws_access_key_id=key, aws_secret_access_key=secret, region_name="us-east-1"
            )
            v2 = aws.client("lexv2-runtime", endpoint_url=self.base, config=BOTO_CONFIG)
            lex = aws.client("lex-runtime", endpoint_url=self.base, config=BOTO_CONFIG)
            outcomes[what] = (
                aws_outcome(v2.get_session, **LEX_V2)[0],
                aws_outcome(lex.delete_session, **LEX)[0],
            )
        for what, code in [
            ("a wrong secret", "InvalidSignatureException"),
            ("an unknown key", "UnrecognizedClientException"),
        ]:
            for api, outcome in zip(["lexV2 get", "lex delete"], outcomes[what]):
                self.check(
                    f"{api} signed with {what}: ClientError {code}, 403, not retried",
                    {"error": code, "status": 403, "retries": 0},
                    only(outcome, "error", "status", "retries"),
                )
        self.check(
            "lex bad signatures: journalled as 403s, by the key id each claimed",
            [
                ("GetSession", 403, SIGNING_ACCESS_KEY_ID),
                ("DeleteSession", 403, SIGNING_ACCESS_KEY_ID),
                ("GetSession", 403, AWS_ACCESS_KEY_ID),
                ("DeleteSession", 403, AWS_ACCESS_KEY_ID),
            ],
            journal_ops(self.control.requests()),
        )
        still, _ = aws_outcome(self.v2.get_session, **LEX_V2)
        self.check("lex bad signatures: the built-in session is still there", "ok", still["error"])

    def lex_clock_skew(self):
        """The mock's clock 10 minutes on: boto3's signature has expired; 10 minutes back: not
        yet current. botocore corrects no skew: one request, the ClientError at once."""
        for step, what, prefix in [
            (10 * 60 * 1000, "+10 min", "Signature expired:"),
            (-10 * 60 * 1000, "-10 min", "Signature not yet current:"),
        ]:
            self.control.reset()
            self.control.step_clock(step)
            try:
                self.v2.get_session(**LEX_V2)
                outcome = {"error": "ok"}
            except ClientError as e:
                message = e.response["Error"].get("Message", "")
                outcome = {
                    "error": e.response["Error"]["Code"],
                    "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                    "retries": e.response["ResponseMetadata"]["RetryAttempts"],
                    "message": prefix if message.startswith(prefix) else message,
                }
            self.check(
                f"lexV2 get with the mock clock {what}: ClientError InvalidSignatureException, "
                f"{prefix!r}, not retried",
                {
                    "error": "InvalidSignatureException",
                    "status": 403,
                    "retries": 0,
                    "message": prefix,
                },
                outcome,
            )
            self.check(
                f"lexV2 get with the mock clock {what}: exactly one request journalled",
                [("GetSession", 403, SIGNING_ACCESS_KEY_ID)],
                journal_ops(self.control.requests()),
            )
            self.control.step_clock(-step)
            back, _ = aws_outcome(self.v2.get_session, **LEX_V2)
            self.check(
                f"lexV2 get with the mock clock stepped back from {what}: succeeds",
                "ok",
                back["error"],
            )

    # --- Aily's rate limits -----------------------------------------------------------------

    def aily_rate_limited(self):
        """The clock stopped: 50 gets in one mock second pass, the 51st is 99991400 with the
        limit and reset headers; a step by the reset seconds lets the next one through."""
        client = self.lark_client()
        # The token fetched by another operation, so the gets' window starts empty.
        warm = self.delete(client, AILY_MISSING_SESSION)
        self.check(
            "aily rate limit: the token fetched by a delete of a missing session, not limited",
            {"rateLimited": False, "fetches": 1},
            {"rateLimited": warm.code == 99991400, "fetches": len(self.token_fetches())},
        )
        self.control.set_clock(self.control.now())
        codes = [self.get(client).code for _ in range(50)]
        self.check("aily rate limit: 50 gets in one mock second all pass", [0] * 50, codes)
        limited = self.get(client)
        headers = lower_headers(limited.raw.headers)
        self.check(
            "aily rate limit: the 51st get is 429, code 99991400, limit 50, reset 1",
            {
                "code": 99991400,
                "status": 429,
                "x-ogw-ratelimit-limit": "50",
                "x-ogw-ratelimit-reset": "1",
            },
            {
                **only(lark_outcome(limited), "code", "status"),
                "x-ogw-ratelimit-limit": headers.get("x-ogw-ratelimit-limit"),
                "x-ogw-ratelimit-reset": headers.get("x-ogw-ratelimit-reset"),
            },
        )
        reset = int(headers.get("x-ogw-ratelimit-reset") or 1)
        self.control.step_clock(reset * 1000)
        after = self.get(client)
        self.check(
            "aily rate limit: after stepping the clock by the reset seconds, the next get "
            "succeeds",
            {"code": 0, "status": 200},
            only(lark_outcome(after), "code", "status"),
        )
        gets = [e for e in self.control.requests() if e["operation"] == "GetSession"]
        self.check(
            "aily rate limit: the journal shows 50 x 200, a 429, a 200, by the app id",
            [(200, AILY_APP_ID)] * 50 + [(429, AILY_APP_ID), (200, AILY_APP_ID)],
            [(e["status"], e["credential"]) for e in gets],
        )
        self.control.call("POST", "/clock", {"run": True})


def loopback_base(url):
    """The base URL, if it is http://HOST:PORT with a loopback HOST and no path."""
    parts = urllib.parse.urlsplit(url)
    if (
        parts.scheme != "http"
        or parts.hostname not in LOOPBACK_HOSTS
        or parts.path not in ("", "/")
        or parts.query
    ):
        raise argparse.ArgumentTypeError(
            f"{url!r} is not http://HOST:PORT with HOST one of {', '.join(LOOPBACK_HOSTS)}"
        )
    return url.rstrip("/")


def hermetic_environment():
    """Keeps the user's settings out: no proxy (the server is on loopback) and no AWS config
    or credentials files (the suite passes its own)."""
    for name in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ]:
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "base",
        type=loopback_base,
        nargs="?",
        help="the server's base URL, as it printed it: http://127.0.0.1:PORT",
    )
    parser.add_argument(
        "--credentialed",
        type=loopback_base,
        metavar="URL",
        help="the base URL of a second server, started with the flags --server-flags prints",
    )
    parser.add_argument(
        "--server-flags",
        action="store_true",
        help="print the credentialed server's flags, one a line, and exit",
    )
    parser.add_argument(
        "--deadline",
        type=int,
        default=DEADLINE,
        help=f"seconds the whole suite may take (default {DEADLINE})",
    )
    args = parser.parse_args()
    if args.server_flags:
        print("\n".join(CREDENTIALED_FLAGS))
        return 0
    if args.base is None:
        parser.error("the server's base URL is required")
    hermetic_environment()
    print(
        f"SDKs: boto3 {boto3.__version__}, botocore {botocore.__version__}, "
        f"lark-oapi {LARK_VERSION}; boto3 retries: standard mode, "
        f"{MAX_ATTEMPTS} attempts",
        flush=True,
    )

    def deadline_passed(signum, frame):
        raise Deadline

    checks = Checks()
    signal.signal(signal.SIGALRM, deadline_passed)
    signal.alarm(args.deadline)
    try:
        Suite(args.base, checks).run()
        if args.credentialed:
            print(f"== the credentialed server, {args.credentialed}", flush=True)
            CredentialedSuite(args.credentialed, checks).run()
    except Deadline:
        checks.check(f"the suite ends within {args.deadline} s", "ended", "deadline passed")
    finally:
        signal.alarm(0)
    print(checks.summary())
    return 0 if not checks.failed else 1


if __name__ == "__main__":
    sys.exit(main())
