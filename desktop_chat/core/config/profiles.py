"""Provider profiles: which server to talk to (OpenAI, Azure OpenAI, any OpenAI-compatible server).

A profile is kept in the store's settings without its key; each profile's key lives in the OS keyring
under its own entry (account = the profile's id). The built-in "default" profile is the app's original
connection: its base URL is the `provider` setting and its key the keyring's "default" entry (with the
OPENAI_API_KEY fallback), so `core.client.make_client` behaviour is kept for it.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

from desktop_chat.core.api.client import (
    NO_KEY_PLACEHOLDER,
    Connection,
    MissingKeyError,
    read_timeout_s,
    server_key,
)
from desktop_chat.core.api.client import make_client as make_default_client
from desktop_chat.core.config import keys
from desktop_chat.core.config import settings as app_settings
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text, error_text
from desktop_chat.core.conversation.store import Store

PROFILES_KEY = "profiles"
ACTIVE_KEY = "active_profile"
CONVERSATION_PROFILES_KEY = "conversation_profiles"
DEFAULT_ID = "default"
AZURE_V1_SUFFIX = "/openai/v1"


class ProviderKind(StrEnum):
    OPENAI = "openai"
    AZURE = "azure"
    COMPATIBLE = "compatible"  # Ollama, LM Studio, vLLM, llama.cpp's server, …


class ApiChoice(StrEnum):
    """Which API a profile's conversations use: found out by itself (auto), or fixed by the user."""

    AUTO = "auto"  # the Responses API; Chat Completions when the server has none (learnt, remembered)
    RESPONSES = "responses"
    CHAT = "chat"


KIND_LABELS = {
    ProviderKind.OPENAI: "OpenAI",
    ProviderKind.AZURE: "Azure OpenAI",
    ProviderKind.COMPATIBLE: "OpenAI-compatible",
}


@dataclass
class Profile:
    id: str
    name: str
    kind: ProviderKind = ProviderKind.OPENAI
    base_url: str | None = None  # Azure: the resource endpoint (or its /openai/v1 form)
    api_version: str | None = None  # Azure only; empty = the /openai/v1/ endpoint form
    organization: str | None = None
    project: str | None = None
    default_model: str | None = None  # Azure: a deployment name
    api: ApiChoice = ApiChoice.AUTO
    streaming: bool = True  # off: every answer is asked for whole (for servers whose streams fail)

    @property
    def is_default(self) -> bool:
        return self.id == DEFAULT_ID

    @property
    def azure_v1(self) -> bool:
        """An Azure profile using the `/openai/v1/` form (no api-version)."""
        url = (self.base_url or "").rstrip("/")
        return self.kind is ProviderKind.AZURE and (not self.api_version or url.endswith(AZURE_V1_SUFFIX))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["api"] = str(self.api)
        return data

    @classmethod
    def from_json(cls, data: Any) -> Profile | None:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data.get("name"):
            return None
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {
            k: v for k, v in data.items() if k in names and (v is None or isinstance(v, str))
        }
        try:
            values["kind"] = ProviderKind(values.get("kind") or ProviderKind.OPENAI)
        except ValueError:
            return None
        try:
            values["api"] = ApiChoice(values.get("api") or ApiChoice.AUTO)
        except ValueError:
            values["api"] = ApiChoice.AUTO  # a choice from a newer version: find out by itself
        if isinstance(data.get("streaming"), bool):
            values["streaming"] = data["streaming"]
        return cls(**values)

    def validate(self) -> list[str]:
        """Problems a user can fix; empty when the profile may be saved."""
        problems: list[str] = []
        if not self.name.strip():
            problems.append(Text(QT_TRANSLATE_NOOP("core", "Give the profile a name.")))
        try:
            app_settings.validate_base_url(self.base_url)
        except ValueError as exc:
            problems.append(error_text(exc))
        if self.kind is ProviderKind.AZURE and not (self.base_url or "").strip():
            template = QT_TRANSLATE_NOOP(
                "core", "An Azure OpenAI profile needs its endpoint, e.g. https://NAME.openai.azure.com."
            )
            problems.append(Text(template))
        if self.kind is ProviderKind.COMPATIBLE and not (self.base_url or "").strip():
            template = QT_TRANSLATE_NOOP(
                "core", "An OpenAI-compatible profile needs the server's URL, e.g. http://localhost:11434/v1."
            )
            problems.append(Text(template))
        return problems


def new_profile(name: str, kind: ProviderKind = ProviderKind.COMPATIBLE, **values: Any) -> Profile:
    return Profile(id="p-" + secrets.token_hex(6), name=name, kind=kind, **values)


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def _stored(store: Store) -> list[Profile]:
    data = store.get_setting(PROFILES_KEY, [])
    found = [Profile.from_json(d) for d in data] if isinstance(data, list) else []
    return [p for p in found if p is not None]


def _default(store: Store, stored: list[Profile]) -> Profile:
    saved = next((p for p in stored if p.is_default), None)
    profile = saved or Profile(DEFAULT_ID, "OpenAI")
    # the default profile's URL is the original `provider` setting (Settings dialog, --base-url)
    profile.base_url = app_settings.load_provider(store).base_url
    if profile.kind is ProviderKind.AZURE:
        profile.kind = ProviderKind.OPENAI
    return profile


def list_profiles(store: Store) -> list[Profile]:
    """Every profile, the default one first."""
    stored = _stored(store)
    return [_default(store, stored), *(p for p in stored if not p.is_default)]


def get_profile(store: Store, profile_id: str | None) -> Profile | None:
    return next((p for p in list_profiles(store) if p.id == (profile_id or DEFAULT_ID)), None)


def save_profile(store: Store, profile: Profile) -> Profile:
    """Add or replace a profile (by id); raises ValueError listing the problems."""
    problems = profile.validate()
    if problems:
        raise ValueError("\n".join(problems))
    profile = replace(
        profile,
        name=profile.name.strip(),
        base_url=app_settings.validate_base_url(profile.base_url),
        api_version=_clean(profile.api_version),
        organization=_clean(profile.organization),
        project=_clean(profile.project),
        default_model=_clean(profile.default_model),
    )
    if profile.is_default:
        app_settings.save_provider(store, app_settings.ProviderSettings(profile.base_url))
    others = [p for p in _stored(store) if p.id != profile.id]
    store.set_setting(PROFILES_KEY, [p.to_json() for p in [*others, profile]])
    return profile


def delete_profile(store: Store, profile_id: str) -> None:
    """Forget a profile and its key (the default profile cannot be deleted)."""
    if profile_id == DEFAULT_ID:
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "The default profile cannot be deleted.")))
    store.set_setting(PROFILES_KEY, [p.to_json() for p in _stored(store) if p.id != profile_id])
    with contextlib.suppress(keys.KeyringUnavailable):
        keys.delete_api_key(profile_id)
    if store.get_setting(ACTIVE_KEY) == profile_id:
        store.set_setting(ACTIVE_KEY, DEFAULT_ID)
    chosen = store.get_setting(CONVERSATION_PROFILES_KEY, {})
    if isinstance(chosen, dict):
        store.set_setting(CONVERSATION_PROFILES_KEY, {k: v for k, v in chosen.items() if v != profile_id})


def active_profile(store: Store) -> Profile:
    return get_profile(store, store.get_setting(ACTIVE_KEY)) or list_profiles(store)[0]


def set_active_profile(store: Store, profile_id: str) -> None:
    store.set_setting(ACTIVE_KEY, profile_id)


def conversation_profile(store: Store, conversation_id: str) -> Profile:
    """The profile a conversation was last sent with (the active one when it has none)."""
    chosen = store.get_setting(CONVERSATION_PROFILES_KEY, {})
    profile_id = chosen.get(conversation_id) if isinstance(chosen, dict) else None
    found = get_profile(store, profile_id) if isinstance(profile_id, str) else None
    return found or active_profile(store)


def set_conversation_profile(store: Store, conversation_id: str, profile_id: str) -> None:
    chosen = store.get_setting(CONVERSATION_PROFILES_KEY, {})
    chosen = dict(chosen) if isinstance(chosen, dict) else {}
    chosen[conversation_id] = profile_id
    store.set_setting(CONVERSATION_PROFILES_KEY, chosen)


# ---- keys (keyring only) ------------------------------------------------------------------------


def get_key(profile: Profile) -> tuple[str | None, str]:
    """(key, source) for a profile: its own keyring entry; the default one also takes OPENAI_API_KEY."""
    if profile.is_default:
        return keys.resolve_api_key(DEFAULT_ID)
    try:
        key = keys.get_api_key(profile.id)
    except Exception:  # no usable keyring: the profile has no key this session
        key = None
    return (key, "keyring") if key else (None, "none")


def set_key(profile: Profile, key: str) -> None:
    keys.set_api_key(key, profile.id)


def delete_key(profile: Profile) -> None:
    keys.delete_api_key(profile.id)


# ---- clients --------------------------------------------------------------------------------------


def azure_v1_url(endpoint: str) -> str:
    url = endpoint.rstrip("/")
    return url if url.endswith(AZURE_V1_SUFFIX) else url + AZURE_V1_SUFFIX


def make_client(profile: Profile, key: str | None, *, max_retries: int = 2) -> Any:
    """An SDK client for the profile: AsyncOpenAI, or AsyncAzureOpenAI for an Azure api-version profile.

    Raises MissingKeyError when the server needs a key and none is given.
    """
    if profile.kind is not ProviderKind.AZURE and not (profile.organization or profile.project):
        return make_default_client(
            Connection(api_key=key, base_url=profile.base_url), max_retries=max_retries
        )
    import openai

    timeout = openai.Timeout(connect=10.0, read=read_timeout_s(), write=30.0, pool=10.0)
    common: dict[str, Any] = {"timeout": timeout, "max_retries": max_retries}
    if profile.kind is not ProviderKind.AZURE:
        api_key = key or (NO_KEY_PLACEHOLDER if profile.base_url else None)
        if not api_key:
            raise MissingKeyError()
        return openai.AsyncOpenAI(
            api_key=api_key,
            base_url=profile.base_url,
            organization=profile.organization,
            project=profile.project,
            **common,
        )
    if not key:
        raise MissingKeyError()
    endpoint = profile.base_url or ""
    if profile.azure_v1:
        # Azure's v1 API takes the plain OpenAI client; the key goes in Azure's `api-key` header too
        return openai.AsyncOpenAI(
            api_key=key, base_url=azure_v1_url(endpoint), default_headers={"api-key": key}, **common
        )
    return openai.AsyncAzureOpenAI(
        api_key=key, azure_endpoint=endpoint, api_version=profile.api_version, **common
    )


def server_of(profile: Profile) -> str:
    """The server a profile talks to (what is learnt about servers is kept under this key)."""
    if profile.kind is ProviderKind.AZURE:
        endpoint = profile.base_url or ""
        if profile.azure_v1:
            return server_key(azure_v1_url(endpoint))
        return server_key(endpoint.rstrip("/") + "/openai", profile.api_version)
    return server_key(profile.base_url)


def describe(profile: Profile) -> str:
    """A one-line description for the status bar and the profiles list (never the key)."""
    where = profile.base_url or "api.openai.com"
    if profile.kind is ProviderKind.AZURE:
        where = azure_v1_url(where) if profile.azure_v1 else f"{where} (api-version {profile.api_version})"
    return f"{profile.name} · {KIND_LABELS[profile.kind]} · {where}"
