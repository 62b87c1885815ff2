"""The MCP servers a user added: how to start or reach each one, kept in the store's settings.

A local server is a command (a program and its arguments, started over stdio); a remote one is a URL
(Streamable HTTP). Secrets are never stored here: a server names its secret environment variables (for
a command) or headers (for a URL, e.g. `Authorization`), and their values live in the OS keyring
(core/config/keys.py), under the account `mcp:<server id>:<name>`.
"""

from __future__ import annotations

import contextlib
import re
import shlex
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from desktop_chat.core.config import keys
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import new_id

if TYPE_CHECKING:
    from desktop_chat.core.conversation.store import Store

SETTING_KEY = "mcp_servers"
_SECRET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class McpServer:
    """One MCP server: a command to start (stdio) or a URL to reach (Streamable HTTP)."""

    name: str
    command: str = ""  # the program (stdio); empty for a URL server
    args: tuple[str, ...] = ()
    url: str = ""  # Streamable HTTP endpoint; empty for a command
    secret_names: tuple[
        str, ...
    ] = ()  # env variables (command) or headers (URL) whose values are in the keyring
    always_allowed: tuple[str, ...] = ()  # tools the user allowed for good (no question before a call)
    # a URL server the provider connects to (the Responses API's hosted `mcp` tool), not the app
    hosted: bool = False
    id: str = field(default_factory=new_id)

    @property
    def is_remote(self) -> bool:
        return bool(self.url) and not self.command

    @property
    def command_line(self) -> str:
        return shlex.join([self.command, *self.args]) if self.command else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "command": self.command,
            "args": list(self.args),
            "url": self.url,
            "secret_names": list(self.secret_names),
            "always_allowed": list(self.always_allowed),
            "hosted": self.hosted,
        }

    @classmethod
    def from_json(cls, data: Any) -> McpServer | None:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            return None

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        return cls(
            name=str(data.get("name") or ""),
            command=str(data.get("command") or ""),
            args=strings("args"),
            url=str(data.get("url") or ""),
            secret_names=strings("secret_names"),
            always_allowed=strings("always_allowed"),
            hosted=data.get("hosted") is True,
            id=data["id"],
        )

    def validate(self) -> list[str]:
        problems: list[str] = []
        if not self.name.strip():
            problems.append(Text(QT_TRANSLATE_NOOP("core", "Give the MCP server a name.")))
        if bool(self.command) == bool(self.url):
            problems.append(
                Text(QT_TRANSLATE_NOOP("core", "An MCP server needs either a command or a URL (not both)."))
            )
        if self.url and not re.match(r"^https?://[^\s/]+", self.url):
            template = QT_TRANSLATE_NOOP(
                "core", "The MCP server URL must start with http:// or https:// (got “%1”)."
            )
            problems.append(Text(template, self.url))
        if self.hosted and not self.url:
            problems.append(
                Text(QT_TRANSLATE_NOOP("core", "Only a server with a URL can be reached by the provider."))
            )
        for name in self.secret_names:
            if not _SECRET_NAME.match(name):
                template = QT_TRANSLATE_NOOP("core", "“%1” is not a valid variable or header name.")
                problems.append(Text(template, name))
        return problems


def parse_command(text: str) -> tuple[str, tuple[str, ...]]:
    """A command line as (program, arguments), split as a shell would (quotes kept together).
    Raises ValueError for an unbalanced quote."""
    parts = shlex.split(text.strip())
    return (parts[0], tuple(parts[1:])) if parts else ("", ())


def list_servers(store: Store) -> list[McpServer]:
    data = store.get_setting(SETTING_KEY, [])
    servers = [McpServer.from_json(item) for item in data] if isinstance(data, list) else []
    return [server for server in servers if server is not None]


def get_server(store: Store, server_id: str) -> McpServer | None:
    return next((s for s in list_servers(store) if s.id == server_id), None)


def save_server(store: Store, server: McpServer) -> None:
    """Add or replace a server (by id). Raises ValueError with the problems of an invalid one."""
    problems = server.validate()
    if problems:
        raise ValueError("\n".join(problems))
    servers = [s for s in list_servers(store) if s.id != server.id]
    at = next((k for k, s in enumerate(list_servers(store)) if s.id == server.id), len(servers))
    servers.insert(at, server)
    store.set_setting(SETTING_KEY, [s.to_json() for s in servers])


def delete_server(store: Store, server_id: str) -> None:
    server = get_server(store, server_id)
    store.set_setting(SETTING_KEY, [s.to_json() for s in list_servers(store) if s.id != server_id])
    if server is not None:
        for name in server.secret_names:
            with contextlib.suppress(keys.KeyringUnavailable):
                keys.delete_api_key(secret_account(server, name))


def allow_always(store: Store, server_id: str, tool: str) -> None:
    """Remember that the user allowed a server's tool for good."""
    server = get_server(store, server_id)
    if server is not None and tool not in server.always_allowed:
        save_server(store, replace(server, always_allowed=(*server.always_allowed, tool)))


def server_label(server: McpServer) -> str:
    """The `server_label` of a server the provider connects to (letters, digits, _ and -)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", server.name.strip()) or "mcp"


def hosted_tool(server: McpServer, secrets: dict[str, str]) -> dict[str, Any]:
    """The Responses API's `mcp` tool for a server the provider connects to: approval asked for every
    tool but those the user allowed for good; an `Authorization` secret is sent as `authorization`
    (the token without its "Bearer "), other secrets as headers."""
    tool: dict[str, Any] = {"type": "mcp", "server_label": server_label(server), "server_url": server.url}
    allowed = list(server.always_allowed)
    tool["require_approval"] = {"never": {"tool_names": allowed}} if allowed else "always"
    headers = {}
    for name, value in secrets.items():
        if name.lower() == "authorization":
            tool["authorization"] = value.removeprefix("Bearer ").strip()
        else:
            headers[name] = value
    if headers:
        tool["headers"] = headers
    return tool


def secret_account(server: McpServer, name: str) -> str:
    return f"mcp:{server.id}:{name}"


def set_secret(server: McpServer, name: str, value: str) -> None:
    """Keep a secret's value in the keyring (raises KeyringUnavailable)."""
    keys.set_api_key(value, secret_account(server, name))


def secrets_of(server: McpServer) -> dict[str, str]:
    """The server's secrets from the keyring, by name (missing ones left out)."""
    found: dict[str, str] = {}
    for name in server.secret_names:
        try:
            value = keys.get_api_key(secret_account(server, name))
        except keys.KeyringUnavailable:
            value = None
        if value:
            found[name] = str(value)
    return found
