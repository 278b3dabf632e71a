"""The endpoint's tokens: made in the hub's options, one per client and person, kept hashed.

A token is shown once, when it is made; the options keep only its SHA-256 digest (a token is a
random UUID, 122 bits: no salt or slow hash is needed against guessing), the name the user gave
it and the person whose plays it sends (``None``: the household). Revoking removes the record:
the next request with that token is refused. Tokens are UUIDs because ListenBrainz's are, and
some clients check the shape before they send anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
import hashlib
import hmac
from typing import Any, Final
import uuid

from ..const import CONF_ENDPOINT_TOKENS

TOKEN_ID: Final = "id"
TOKEN_NAME: Final = "name"
TOKEN_LISTENER: Final = "listener"
TOKEN_DIGEST: Final = "digest"
TOKEN_CREATED: Final = "created_at"  # ISO time; tokens made before it was kept have none


@dataclass(frozen=True, slots=True)
class EndpointToken:
    """A token the endpoint accepts (never the token itself: its digest)."""

    token_id: str
    name: str
    listener: str | None  # a person's entity id; None is the household
    digest: str
    created_at: str | None = None


def new_token() -> str:
    """A fresh secret token, to be shown once."""
    return str(uuid.uuid4())


def token_digest(token: str) -> str:
    """What the options keep of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_record(token: str, name: str, listener: str | None) -> dict[str, Any]:
    """The options' record of a new token: an id for revoking it, never the token."""
    return {
        TOKEN_ID: uuid.uuid4().hex[:12],
        TOKEN_NAME: name,
        TOKEN_LISTENER: listener,
        TOKEN_DIGEST: token_digest(token),
        TOKEN_CREATED: datetime.now(UTC).isoformat(timespec="seconds"),
    }


def endpoint_tokens(options: Mapping[str, Any]) -> list[EndpointToken]:
    """The tokens the hub's options hold (malformed records are skipped)."""
    tokens = []
    for record in options.get(CONF_ENDPOINT_TOKENS, []):
        if not isinstance(record, Mapping):
            continue
        token_id, digest = record.get(TOKEN_ID), record.get(TOKEN_DIGEST)
        if not isinstance(token_id, str) or not isinstance(digest, str):
            continue
        listener, created = record.get(TOKEN_LISTENER), record.get(TOKEN_CREATED)
        tokens.append(
            EndpointToken(
                token_id,
                str(record.get(TOKEN_NAME) or token_id),
                listener if isinstance(listener, str) and listener else None,
                digest,
                created if isinstance(created, str) else None,
            )
        )
    return tokens


def find_token(options: Mapping[str, Any], presented: str) -> EndpointToken | None:
    """The token ``presented`` is, if the options hold it (compared in constant time)."""
    digest = token_digest(presented)
    found = None
    for token in endpoint_tokens(options):
        if hmac.compare_digest(token.digest, digest):
            found = token
    return found


def without_tokens(options: Mapping[str, Any], token_ids: set[str]) -> dict[str, Any]:
    """The options with the tokens ``token_ids`` revoked."""
    kept = [
        record
        for record in options.get(CONF_ENDPOINT_TOKENS, [])
        if not (isinstance(record, Mapping) and record.get(TOKEN_ID) in token_ids)
    ]
    return {**options, CONF_ENDPOINT_TOKENS: kept}
