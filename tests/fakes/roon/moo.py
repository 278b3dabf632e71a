"""MOO/1, the Roon API's message format: one message per binary websocket frame.

```
MOO/1 {REQUEST|CONTINUE|COMPLETE} {name}\\n
Request-Id: {int}\\n
[Content-Length: {bytes}\\n
 Content-Type: application/json\\n]
\\n
[{json body}]
```

A request's name is ``service/method``; a reply's name is its result (``Success``,
``Registered``, ``Subscribed``, ``Changed``, ``InvalidItemKey``...). The core always sends
binary frames with a ``Content-Type`` whenever there is a body, and never an empty ``{}`` body:
roonapi decodes only binary frames, takes the first header line as the "body" when there is
no ``Content-Type``, and treats a falsy result as "no reply yet" (protocol notes §2.3, §2.6).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import json
from typing import Any

REQUEST = "REQUEST"
CONTINUE = "CONTINUE"
COMPLETE = "COMPLETE"
JSON = "application/json"


class MooFormatError(ValueError):
    """The bytes are not a MOO/1 message."""


@dataclass(frozen=True, slots=True)
class MooMessage:
    """One decoded MOO/1 message."""

    verb: str
    name: str
    request_id: int
    body: dict[str, Any] | None = None
    content_type: str | None = None
    raw_body: bytes = b""


def encode(
    verb: str,
    name: str,
    request_id: int,
    body: Mapping[str, Any] | bytes | None = None,
    *,
    content_type: str = JSON,
) -> bytes:
    """Build one MOO/1 message; a mapping body is sent as JSON, bytes as they are."""
    head = f"MOO/1 {verb} {name}\nRequest-Id: {request_id}\n"
    if body is None:
        return f"{head}\n".encode()
    if isinstance(body, bytes):
        payload = body
    else:
        if not body:
            raise ValueError("an empty body reads as 'no reply' to roonapi: send no body")
        payload = json.dumps(body).encode()
    head += f"Content-Length: {len(payload)}\nContent-Type: {content_type}\n\n"
    return head.encode() + payload


def decode(data: bytes | str) -> MooMessage:
    """Parse one MOO/1 message (roonapi sends ``Content-Length`` as a character count)."""
    raw = data.encode() if isinstance(data, str) else data
    head, separator, payload = raw.partition(b"\n\n")
    if not separator:
        raise MooFormatError("no blank line after the header")
    lines = head.decode().split("\n")
    first = lines[0].split(" ", 2)
    if len(first) != 3 or first[0] != "MOO/1" or first[1] not in (REQUEST, CONTINUE, COMPLETE):
        raise MooFormatError(f"bad first line: {lines[0]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if not colon:
            raise MooFormatError(f"bad header line: {line!r}")
        headers[key.strip().lower()] = value.strip()
    try:
        request_id = int(headers["request-id"])
    except (KeyError, ValueError) as err:
        raise MooFormatError("missing or bad Request-Id") from err
    content_type = headers.get("content-type")
    body: dict[str, Any] | None = None
    if content_type == JSON and payload:
        try:
            parsed = json.loads(payload)
        except ValueError as err:
            raise MooFormatError("body is not JSON") from err
        if not isinstance(parsed, dict):
            raise MooFormatError("body is not a JSON object")
        body = parsed
    return MooMessage(first[1], first[2], request_id, body, content_type, payload)
