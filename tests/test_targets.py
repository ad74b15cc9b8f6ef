"""Targets shown by structure: the redacted form, the secret parts scrubbed from messages, Basic credentials."""

from __future__ import annotations

import base64

import pytest

from carbonwatch.targets import redact_target, scrub, secret_parts, split_credentials

# (URL, secrets it holds): the forms the attack of issue 15 tried, webhooks and apprise URLs.
LEAKY_TARGETS = [
    ("https://h.example/hook/ab12cd", ["ab12cd"]),
    ("https://h.example/hook/tok%2Fen%3D9x7q", ["tok%2Fen%3D9x7q", "tok/en=9x7q"]),
    ("https://h.example/hook/a+b+c9k2", ["a+b+c9k2", "a b c9k2"]),
    ("https://h.example/hook?k=q9w8e7", ["q9w8e7"]),
    ("https://h.example/hook?token=s3cr3tT0k&channel=carbon", ["s3cr3tT0k"]),
    ("https://hookuser:pa55w0rd@h.example/hook", ["hookuser", "pa55w0rd"]),
    ("https://bob:hun@ter2@h.example/hook", ["hun@ter2"]),
    ("https://hooks.slack.com/services/T0ABC/B0DEF/XyZ123abc", ["T0ABC", "B0DEF", "XyZ123abc"]),
    ("https://discord.example/api/webhooks/123456789012/AbC-dEf_GhI", ["123456789012", "AbC-dEf_GhI"]),
    ("https://h.example/bot123456:AAE-short/sendMessage", ["123456:AAE-short", "AAE-short"]),
    ("tgram://123456789:ABCdefGHIjklMNOpqrSTU/987654321", ["ABCdefGHIjklMNOpqrSTU", "987654321"]),
    ("json://jsonuser:jsonpa55@h.example/jhook/Zq7Xw2", ["jsonuser", "jsonpa55", "Zq7Xw2"]),
    ("discord://112233445566/WebhookT0ken-xyz", ["112233445566", "WebhookT0ken-xyz"]),
]


@pytest.mark.parametrize(("url", "secrets"), LEAKY_TARGETS)
def test_redacted_target_holds_no_secret(url: str, secrets: list[str]) -> None:
    shown = redact_target(url)
    assert not [s for s in secrets if s in shown]


@pytest.mark.parametrize(("url", "secrets"), LEAKY_TARGETS)
def test_scrubbed_message_holds_no_secret(url: str, secrets: list[str]) -> None:
    message = f"failed: {url} said {' and '.join(secrets)}"
    assert not [s for s in secrets if s in scrub(message, url)]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:pw@Hooks.Example.com/services/a/b?c=d#e", "https://hooks.example.com"),
        ("http://127.0.0.1:8080/hook", "http://127.0.0.1:8080"),
        ("http://[::1]:8080/hook", "http://[::1]:8080"),
        ("http://host:notaport/hook", "http://host"),
        ("tgram://123456789:ABCdef/4242", "tgram://***"),
        ("hooks.example.com/services/x", "unknown://***"),
        ("http:///hook/ab12cd", "http://***"),
        ("http://[oops/hook/ab12cd", "http://***"),
    ],
)
def test_redacted_target_is_scheme_and_host(url: str, shown: str) -> None:
    assert redact_target(url).partition("#")[0] == shown


def test_redacted_target_keeps_targets_on_one_host_apart() -> None:
    assert redact_target("https://h.example/a") != redact_target("https://h.example/b")


def test_redacted_target_is_stable() -> None:
    assert redact_target("tgram://a/1") == redact_target("tgram://a/1")


def test_secret_parts_leave_the_webhook_host_alone() -> None:
    assert "h.example" not in secret_parts("https://u:p4ss@h.example/hook")


def test_split_credentials_makes_a_basic_header() -> None:
    bare, auth = split_credentials("https://us%40er:p:w@rd@h.example:8443/hook?x=1")
    assert bare == "https://h.example:8443/hook?x=1"
    assert auth == "Basic " + base64.b64encode(b"us@er:p:w@rd").decode()


@pytest.mark.parametrize("url", ["http://[oops/hook/ab12cd", "https://u:p@[::1/x"])
def test_unparsable_url_is_scrubbed_not_raised(url: str) -> None:
    assert "ab12cd" not in scrub(f"bad {url}", url) and "u:p" not in scrub(f"bad {url}", url)


def test_split_credentials_without_user_info() -> None:
    assert split_credentials("https://h.example/hook") == ("https://h.example/hook", None)
