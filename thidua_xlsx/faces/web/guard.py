"""What the page accepts from a request: local connections only, bounded uploads, safe names.

* **Only this machine.** The server binds 127.0.0.1; a request whose ``Host`` is not this
  machine (a DNS-rebinding page) is refused, and so is a ``POST`` whose ``Origin`` (or, without
  one, ``Referer``) is not this page (another site's form: CSRF).
* **Bounded uploads.** A request body over the limit is refused before it is read (its
  declared length) and while it is read (the bytes that come).
* **No path from a request leaves the work folder.** A file name is a plain name: no folder
  part, no ``..``, no absolute path, no drive letter, no control character or NUL.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_UPLOAD_LIMITS",
    "LocalOnly",
    "UnsafeNameError",
    "UploadLimits",
    "inside",
    "safe_name",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Refusal = Callable[[str, Scope], Awaitable[tuple[int, bytes]]]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")
MAX_NAME = 200


@dataclass(frozen=True)
class UploadLimits:
    """How much one upload may hold: files per request, bytes per file, bytes per request."""

    files: int = 200
    file_mb: int = 50  # intake refuses larger files anyway (intake/file_bytes.py)
    total_mb: int = 500

    @property
    def file_bytes(self) -> int:
        return self.file_mb * 1024 * 1024

    @property
    def total_bytes(self) -> int:
        return self.total_mb * 1024 * 1024


DEFAULT_UPLOAD_LIMITS = UploadLimits()


class UnsafeNameError(ValueError):
    """A file name that is not a plain name in one folder."""


def safe_name(name: str) -> str:
    """``name`` when it is a plain file name; :class:`UnsafeNameError` otherwise.

    Refused, never repaired: ``../../x.xlsx``, ``/etc/x``, ``C:x``, ``a\\b``, a NUL or another
    control character, ``.`` or ``..``, a hidden name (``.x``), an empty or overlong name."""
    if (
        not name
        or len(name) > MAX_NAME
        or name != name.strip()
        or "/" in name
        or "\\" in name
        or _CONTROL.search(name)
        or _DRIVE.match(name)
        or name.startswith(".")
    ):
        raise UnsafeNameError(name)
    return name


def inside(folder: Path, name: str) -> Path:
    """``folder / name`` for a safe ``name``, checked to stay in ``folder`` once resolved."""
    target = folder / safe_name(name)
    base = folder.resolve()
    if target.resolve().parent != base:  # (a link inside the folder pointing out of it)
        raise UnsafeNameError(name)
    return target


def _host(value: str) -> str:
    """The host part of a ``Host`` header or of an origin's network location."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1]
    return value.rsplit(":", 1)[0] if ":" in value else value


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


class LocalOnly:
    """ASGI middleware: refuse requests that are not this machine's page (see the module)."""

    def __init__(self, app: ASGIApp, limits: UploadLimits, refuse: Refusal) -> None:
        self.app = app
        self.limits = limits
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        reason = self._reason(scope)
        if reason is None and scope["method"] not in _SAFE_METHODS:
            declared = _header(scope, b"content-length")
            if declared is None or not declared.isdigit():
                reason = "length"
            elif int(declared) > self.limits.total_bytes:
                reason = "too_large"
        if reason is not None:
            await self._send_refusal(reason, scope, send)
            return
        await self.app(scope, self._bounded(receive), send)

    def _reason(self, scope: Scope) -> str | None:
        host = _header(scope, b"host")
        if host is None or _host(host) not in LOCAL_HOSTS:
            return "host"
        if scope["method"] in _SAFE_METHODS:
            return None
        origin = _header(scope, b"origin") or _header(scope, b"referer")
        if origin is None:
            return "origin"
        parts = urlsplit(origin)
        if parts.scheme != "http" or parts.netloc.lower() != host.strip().lower():
            return "origin"
        return None

    def _bounded(self, receive: Receive) -> Receive:
        """``receive`` that stops a body longer than the limit, whatever its length said."""
        seen = 0
        limit = self.limits.total_bytes

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLargeError
            return message

        return bounded

    async def _send_refusal(self, reason: str, scope: Scope, send: Send) -> None:
        status, body = await self.refuse(reason, scope)
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class BodyTooLargeError(Exception):
    """A request body went past the upload limit while it was read."""
