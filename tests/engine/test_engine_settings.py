"""Choosing an engine: `engine` and `scheduler` in .timeline.toml, TIMELINE_DASK_SCHEDULER, and the
command line, in that order of precedence; bad values name the file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.settings import CONFIG_NAME, SCHEDULER_ENV, Settings, load_settings


def write(folder: Path, text: str) -> Path:
    path = folder / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def no_scheduler_in_the_environment(monkeypatch):
    monkeypatch.delenv(SCHEDULER_ENV, raising=False)


def test_engine_and_scheduler_are_read_from_the_config(tmp_path):
    write(tmp_path, 'engine = "dask"\nscheduler = "tcp://redaksi-01:8786"\n')
    settings = load_settings([str(tmp_path)])
    assert (settings.engine, settings.scheduler) == ("dask", "tcp://redaksi-01:8786")


def test_defaults_leave_the_choice_to_the_registry(tmp_path):
    settings = load_settings([str(tmp_path)])
    assert (settings.engine, settings.scheduler) == (None, None)


def test_the_environment_names_the_scheduler_over_the_config(tmp_path, monkeypatch):
    write(tmp_path, 'engine = "dask"\nscheduler = "tcp://redaksi-01:8786"\n')
    monkeypatch.setenv(SCHEDULER_ENV, "tcp://klaster:8786")
    assert load_settings([str(tmp_path)]).scheduler == "tcp://klaster:8786"
    assert load_settings([str(tmp_path / "tanpa-config")]).scheduler == "tcp://klaster:8786"


def test_the_command_line_wins_over_environment_and_config(tmp_path, monkeypatch):
    write(tmp_path, 'engine = "dask"\nscheduler = "tcp://redaksi-01:8786"\n')
    monkeypatch.setenv(SCHEDULER_ENV, "tcp://klaster:8786")
    settings = load_settings([str(tmp_path)]).with_overrides(engine="serial", scheduler="tcp://10.0.0.5:8786")
    assert (settings.engine, settings.scheduler) == ("serial", "tcp://10.0.0.5:8786")
    assert Settings().with_overrides().engine is None


ERRORS = [
    ("unknown engine", 'lang = "id"\nengine = "spark"\n', 2, "'engine' must be one of serial, local, dask, not 'spark'"),
    ("engine not a string", "engine = 2\n", 1, "'engine' must be one of serial, local, dask, not 2"),
    ("blank scheduler", 'scheduler = " "\n', 1, "'scheduler' must be a scheduler address such as tcp://host:8786"),
    ("scheduler with spaces", 'scheduler = "tcp://a b:8786"\n', 1, "'scheduler' must be a scheduler address"),
]


@pytest.mark.parametrize("label,text,line,expected", ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_values_name_the_file_line_and_key(tmp_path, label, text, line, expected):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_settings([str(tmp_path)])
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert expected in str(info.value)


def test_a_bad_environment_value_names_the_variable(monkeypatch, tmp_path):
    monkeypatch.setenv(SCHEDULER_ENV, "tcp://a b")
    with pytest.raises(InputError) as info:
        load_settings([str(tmp_path)])
    assert SCHEDULER_ENV in info.value.render("en")
    assert "alamat penjadwal" in info.value.render("id")
