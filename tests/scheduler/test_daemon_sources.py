"""The daemon with a sources file: one job and one run row per enabled configured source, reconciled on restart."""

from __future__ import annotations

from pathlib import Path

from tests.scheduler.daemonproc import (
    articles,
    fake_command,
    finished,
    job_ids,
    runs,
    start_daemon,
    wait_until,
    write_config,
)

SOURCES = """
[[source]]
name = "a-rss"
kind = "feed"
url = "https://a.example.cn/rss"
schedule = "1s"

[[source]]
name = "b-site"
kind = "site"
url = "https://b.example.cn/list.html"
list_selector = "a"
body_selector = "div"
schedule = "1s"

[[source]]
name = "off-rss"
kind = "feed"
url = "https://off.example.cn/rss"
enabled = false
schedule = "1s"
"""


def _config(tmp_path: Path, sources: str) -> Path:
    db = tmp_path / "cw.db"
    path = tmp_path / "sources.toml"
    path.write_text(sources, "utf-8")
    # The kind tables give every source of that kind its command; the sources keep their own schedules.
    quick = {"command": fake_command("quick", db)}
    return write_config(tmp_path / "carbonwatch.toml", {"feed": quick, "site": quick}, sources_file=path)


def test_each_enabled_source_runs_as_its_own_job(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    daemon = start_daemon(tmp_path, _config(tmp_path, SOURCES))
    try:
        wait_until(lambda: len(finished(db, "a-rss")) >= 2 and len(finished(db, "b-site")) >= 2, 30, "two runs each")
        assert job_ids(db) == {"a-rss", "b-site"}
    finally:
        assert daemon.stop() == 0
    rows = runs(db)
    assert {r.source for r in rows} == {"a-rss", "b-site"}
    assert {r.status for r in rows} == {"success"}
    # The items of a run carry its source's name, which is what `status` counts.
    by_run = {r.id: r.source for r in rows}
    assert all(a.source == by_run.get(a.run_id or 0) for a in articles(db))


def test_restart_removes_the_job_of_a_removed_source(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    first = start_daemon(tmp_path, _config(tmp_path, SOURCES), "first")
    try:
        wait_until(lambda: len(finished(db, "b-site")) >= 1, 30, "a run of b-site")
    finally:
        assert first.stop() == 0
    without_b = SOURCES.replace('name = "b-site"', 'name = "b-site"\nenabled = false')
    second = start_daemon(tmp_path, _config(tmp_path, without_b), "second")
    try:
        wait_until(lambda: "daemon started" in second.text(), 20, "the restarted daemon")
        assert job_ids(db) == {"a-rss"}
        assert "job b-site removed" in second.text() or "schedule b-site disabled" in second.text()
    finally:
        assert second.stop() == 0


def test_a_broken_sources_file_does_not_stop_the_builtin_spiders(tmp_path: Path) -> None:
    # systemd would restart a daemon that exits on it forever: the built-ins run, the error is in daemon.log.
    db = tmp_path / "cw.db"
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "blog"\nurl = "https://x.cn/"\n', "utf-8")
    quick = {"command": fake_command("quick", db), "interval_seconds": 1}
    config = write_config(tmp_path / "carbonwatch.toml", {"ndrc": quick}, sources_file=bad)
    daemon = start_daemon(tmp_path, config)
    try:
        wait_until(lambda: len(finished(db, "ndrc")) >= 1, 30, "a run of the built-in spider")
        assert job_ids(db) == {"ndrc"}
    finally:
        assert daemon.stop() == 0
    log = (tmp_path / "logs" / "daemon.log").read_text("utf-8")
    assert "'kind' must be one of" in log
    assert "configured sources are not scheduled" in log


def test_a_broken_sources_file_with_a_schedules_table_of_its_source_still_runs_the_builtins(tmp_path: Path) -> None:
    # The README's own pattern: [schedules.<source>] for a configured source; a typo in the sources file then
    # leaves the table naming nothing known. It is logged and skipped, never exit 2 (systemd would not restart).
    db = tmp_path / "cw.db"
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "my-rss"\nkind = "feed"\nurll = "https://x.cn/rss"\n', "utf-8")
    quick = {"command": fake_command("quick", db), "interval_seconds": 1}
    config = write_config(
        tmp_path / "carbonwatch.toml", {"ndrc": quick, "my-rss": {"interval_minutes": 30}}, sources_file=bad
    )
    daemon = start_daemon(tmp_path, config, entry=["-m", "carbonwatch", "daemon"])
    try:
        wait_until(lambda: len(finished(db, "ndrc")) >= 1, 30, "a run of the built-in spider")
        assert job_ids(db) == {"ndrc"}
    finally:
        assert daemon.stop() == 0
    log = (tmp_path / "logs" / "daemon.log").read_text("utf-8")
    assert "configured sources are not scheduled" in log
    assert "[schedules.my-rss]: no spider or configured source named 'my-rss'" in log
    assert "table skipped" in log


def test_a_source_named_like_a_spider_stops_only_the_configured_sources(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "mee"\nkind = "feed"\nurl = "https://x.cn/rss"\n', "utf-8")
    quick = {"command": fake_command("quick", db), "interval_seconds": 1}
    config = write_config(tmp_path / "carbonwatch.toml", {"ndrc": quick}, sources_file=bad)
    daemon = start_daemon(tmp_path, config, entry=["-m", "carbonwatch", "daemon"])
    try:
        wait_until(lambda: len(finished(db, "ndrc")) >= 1, 30, "a run of the built-in spider")
        assert job_ids(db) == {"ndrc"}
    finally:
        assert daemon.stop() == 0
    log = (tmp_path / "logs" / "daemon.log").read_text("utf-8")
    assert "source name(s) mee are spider names" in log
    assert "configured sources are not scheduled" in log
