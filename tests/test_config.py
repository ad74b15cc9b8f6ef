"""The typed configuration: defaults, environment overrides, the TOML file and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbonwatch.config import Config, ConfigError, load_config, redact_url


def test_defaults_work_out_of_the_box() -> None:
    config = load_config(env={})
    assert config.database_url == "sqlite:///carbonwatch.db"
    assert config.sina_lids == (1686, 1689)


def test_environment_overrides_typed_values() -> None:
    config = load_config(env={"CARBONWATCH_SINA_LIDS": "1686,1687", "CARBONWATCH_DOWNLOAD_DELAY": "2.5"})
    assert config.sina_lids == (1686, 1687)
    assert config.download_delay == 2.5


def test_notify_urls_split_on_whitespace() -> None:
    config = load_config(env={"CARBONWATCH_NOTIFY_URLS": "https://a.example/h  mailto://x@y"})
    assert config.notify_urls == ("https://a.example/h", "mailto://x@y")


def test_toml_file_is_read_and_env_wins(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[carbonwatch]\nlog_format = "json"\nsina_max_pages = 9\n[schedules.ndrc]\ncron = "0 * * * *"\n')
    config = load_config(env={"CARBONWATCH_SINA_MAX_PAGES": "2"}, path=path)
    assert (config.log_format, config.sina_max_pages) == ("json", 2)
    assert config.extra["schedules"]["ndrc"]["cron"] == "0 * * * *"


def test_unknown_setting_in_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[carbonwatch]\ndatabse_url = 'x'\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(env={}, path=path)


def test_bad_number_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="CARBONWATCH_SINA_MAX_PAGES"):
        load_config(env={"CARBONWATCH_SINA_MAX_PAGES": "many"})


def test_invalid_toml_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[carbonwatch\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(env={}, path=path)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+psycopg://cw:s3cret@db:5432/cw", "postgresql+psycopg://cw:***@db:5432/cw"),
        ("sqlite:///carbonwatch.db", "sqlite:///carbonwatch.db"),
        ("postgresql://cw@db/cw", "postgresql://cw@db/cw"),
    ],
)
def test_redact_url_hides_passwords(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_redacted_database_url_never_shows_password() -> None:
    assert "s3cret" not in Config(database_url="postgresql://u:s3cret@h/d").redacted_database_url()


def test_unknown_log_level_is_an_error_at_start() -> None:
    with pytest.raises(ConfigError, match="log_level must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'"):
        load_config({"CARBONWATCH_LOG_LEVEL": "LOUD"})


def test_log_level_is_case_insensitive() -> None:
    assert load_config({"CARBONWATCH_LOG_LEVEL": "debug"}).log_level == "DEBUG"


def test_missing_rules_file_is_an_error_at_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"rules_file .*nope\.toml does not exist"):
        load_config({"CARBONWATCH_RULES_FILE": str(tmp_path / "nope.toml")})


def test_misspelled_table_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "carbonwatch.toml"
    path.write_text("[deamon]\nmax_concurrent = 2\n", "utf-8")
    with pytest.raises(ConfigError, match=r"unknown table\(s\) \[deamon\] \(did you mean 'daemon'\?\)"):
        load_config({}, path)


def test_misspelled_setting_gets_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "carbonwatch.toml"
    path.write_text('[carbonwatch]\ndatabse_url = "sqlite:///x.db"\n', "utf-8")
    with pytest.raises(
        ConfigError, match=r"unknown setting \[carbonwatch\]\.databse_url \(did you mean 'database_url'\?\)"
    ):
        load_config({}, path)


def test_unknown_variables_get_a_suggestion_or_the_way_to_set_them() -> None:
    from carbonwatch.config import unknown_variables

    env = {
        "CARBONWATCH_DATABSE_URL": "x",
        "CARBONWATCH_PROGRESS_INTERVAL": "5",
        "CARBONWATCH_DATABASE_URL": "sqlite:///x.db",
        "CARBONWATCH_CONFIG": "",
        "CARBONWATCH_TEST_PG_URL": "postgresql+psycopg://pg/db",
        "PATH": "/bin",
    }
    messages = unknown_variables(env, lambda: ["CARBONWATCH_PROGRESS_INTERVAL"])
    assert messages == [
        "CARBONWATCH_DATABSE_URL is not a carbonwatch variable and is ignored "
        "(did you mean 'CARBONWATCH_DATABASE_URL'?)",
        "CARBONWATCH_PROGRESS_INTERVAL is not read from the environment: it is a Scrapy setting, "
        "given to a crawl as `carbonwatch crawl -s CARBONWATCH_PROGRESS_INTERVAL=VALUE`",
    ]


def test_known_variables_need_no_scrapy_settings() -> None:
    from carbonwatch.config import unknown_variables

    def never() -> list[str]:
        raise AssertionError("looked up without need")

    assert unknown_variables({"CARBONWATCH_LOG_DIR": "logs"}, never) == []
