"""Settings: defaults, round trips, and every kind of bad file kept and reported."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from duizhao.locations import config_dir
from duizhao.ui.settings import (
    SCHEMA_VERSION,
    Settings,
    SettingsError,
    load_settings,
    restore_geometry,
    save_geometry,
    save_settings,
    settings_path,
)


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bad-*"))


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_path_is_in_the_config_dir() -> None:
    assert settings_path() == config_dir() / "settings.json"
    assert "xdg_config_home" in str(settings_path())  # never the real one under tests


def test_missing_file_gives_defaults_without_warnings(tmp_path: Path) -> None:
    settings, warnings = load_settings(tmp_path / "settings.json")
    assert settings == Settings()
    assert warnings == []
    assert settings.schema_version == SCHEMA_VERSION
    assert settings.visible_types == ["PERSON", "PLACE", "ORG", "DATE", "NUMBER"]


def test_round_trip_is_readable_json(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "settings.json"
    settings = Settings(
        theme="dark",
        font_family="Noto Sans CJK TC",
        font_size=20,
        zoom=1.5,
        pane_count=3,
        sync_scroll=False,
        visible_types=["PERSON", "ORG"],
        search_sort="date",
        language="zh_TW",
        reading_aid=True,
        recent_import_dir="/home/读者/新闻",
        library_dir="/srv/库",
    )
    save_settings(path, settings)
    text = path.read_text("utf-8")
    assert "\n  " in text  # indented
    assert "读者" in text  # not escaped
    keys = list(json.loads(text))
    assert keys == sorted(keys)
    loaded, warnings = load_settings(path)
    assert warnings == []
    assert loaded == settings
    assert list(path.parent.glob("*.tmp")) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x00\xff\xfe\x89PNG\r\n\x1a\n", "not UTF-8"),
        (b"{ theme: dark", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"[1, 2, 3]", "a list"),
        (b'"dark"', "text"),
        (b"null", "null"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"1" * 5000, "JSON"),  # an int past Python's digit limit
    ],
)
def test_garbage_gives_defaults_one_warning_and_a_kept_copy(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1
    assert problem in warnings[0]
    (backup,) = _backups(path)
    assert backup.read_bytes() == content
    assert backup.name in warnings[0]


def test_bad_fields_fall_back_one_warning_each(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "theme": "purple",
                "font_family": 12,
                "font_size": 10**30,
                "zoom": float("nan"),
                "pane_count": True,
                "sync_scroll": "yes",
                "visible_types": ["PERSON", "ALIEN"],
                "language": "klingon",
                "search_sort": None,
                "recent_import_dir": ["a"],
                "library_dir": {"a": 1},
                "colour": "blue",
            }
        ),
        "utf-8",
    )
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 12
    by_key = {w.split(":")[0]: w for w in warnings}
    assert "light, dark, system" in by_key["theme"]
    assert "8 to 48" in by_key["font_size"]
    assert "NaN" in by_key["zoom"]
    assert "whole number" in by_key["pane_count"]
    assert "ALIEN" in by_key["visible_types"]
    assert "unknown setting" in by_key['"colour"']
    assert len(_backups(path)) == 1


def test_good_fields_survive_next_to_bad_ones(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "settings.json",
        {"theme": "dark", "font_size": 99, "pane_count": 4, "zoom": float("inf")},
    )
    settings, warnings = load_settings(path)
    assert (settings.theme, settings.pane_count) == ("dark", 4)
    assert (settings.font_size, settings.zoom) == (14, 1.0)
    assert len(warnings) == 2


@pytest.mark.parametrize("zoom", [0, -1, 1e308, 10**400, "2"])
def test_zoom_out_of_range(tmp_path: Path, zoom: object) -> None:
    settings, warnings = load_settings(_write(tmp_path / "s.json", {"zoom": zoom}))
    assert settings.zoom == 1.0
    assert len(warnings) == 1


def test_visible_types_keep_their_order_and_drop_repeats(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.json", {"visible_types": ["DATE", "PERSON", "DATE"], "zoom": 2})
    settings, warnings = load_settings(path)
    assert warnings == []
    assert settings.visible_types == ["PERSON", "DATE"]
    assert settings.zoom == 2.0
    assert _backups(path) == []


def test_newer_schema_reads_what_it_knows(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "settings.json",
        {"schema_version": SCHEMA_VERSION + 1, "theme": "light", "hologram": True},
    )
    settings, warnings = load_settings(path)
    assert settings.theme == "light"
    assert len(warnings) == 1
    assert "newer Duizhao" in warnings[0]
    assert len(_backups(path)) == 1  # saving will drop its new keys: keep the original


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_moved_aside(tmp_path: Path) -> None:
    path = _write(tmp_path / "settings.json", {"theme": "dark"})
    path.chmod(0)
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1
    assert "cannot read" in warnings[0]
    assert not path.exists()
    assert len(_backups(path)) == 1


def test_permission_denied_on_read_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as a chmod 000 file, for runs as root (who can read anything)."""
    path = _write(tmp_path / "settings.json", {"theme": "dark"})

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    settings, warnings = load_settings(path)
    monkeypatch.undo()
    assert settings == Settings()
    assert warnings[0].startswith(f"cannot read {path}: Permission denied")
    (backup,) = _backups(path)
    assert json.loads(backup.read_text("utf-8")) == {"theme": "dark"}


def test_a_directory_in_place_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1
    assert "cannot read" in warnings[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_save_into_read_only_directory_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SettingsError, match="cannot save settings to .*locked"):
            save_settings(folder / "settings.json", Settings())
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_save_refused_by_the_filesystem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only directory, for runs as root: the error is one line, nothing is left."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SettingsError, match="^cannot save settings to .*: Permission denied$"):
        save_settings(tmp_path / "settings.json", Settings())
    assert list(tmp_path.iterdir()) == []


def test_failed_replace_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(theme="dark"))

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SettingsError, match="No space left"):
        save_settings(path, Settings(theme="light"))
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert load_settings(path)[0].theme == "dark"


def test_save_where_a_file_blocks_the_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(SettingsError, match="cannot save settings"):
        save_settings(blocker / "settings.json", Settings())


def test_save_replaces_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(theme="dark", language="zh_CN"))
    save_settings(path, Settings(theme="light"))
    loaded, warnings = load_settings(path)
    assert warnings == []
    assert (loaded.theme, loaded.language) == ("light", "system")


def test_settings_of_earlier_versions_are_skipped_quietly(tmp_path: Path) -> None:
    """Open articles moved to each library's own state (duizhao.ui.session): a file
    that still has them loads without a warning, and never opens them."""
    old = {"open_articles": [{"id": 6, "view": "original"}], "global_view": "taiwan"}
    settings, warnings = load_settings(_write(tmp_path / "s.json", old | {"theme": "dark"}))
    assert warnings == []
    assert settings.theme == "dark"
    assert not hasattr(settings, "open_articles")


def test_window_geometry_round_trip(qtbot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    window.resize(640, 480)
    assert not restore_geometry(window, tmp_path)
    save_geometry(window, tmp_path)
    assert (tmp_path / "window.ini").is_file()
    other = QMainWindow()
    qtbot.add_widget(other)
    assert restore_geometry(other, tmp_path)
    assert other.size() == window.size()
