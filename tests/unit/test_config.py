import pytest

from wirewatch.config import Settings, load_settings
from wirewatch.errors import SettingError


def test_defaults(tmp_path):
    assert load_settings(tmp_path, env={}) == Settings()


def test_file_then_environment_then_flags(tmp_path):
    (tmp_path / "wirewatch.toml").write_text(
        '[wirewatch]\ndb = "file.db"\nbatch_size = 8\nactors = ["a.tsv"]\n')
    settings = load_settings(tmp_path, env={"WIREWATCH_DB": "env.db"})
    assert (settings.db, settings.batch_size, settings.actors) == ("env.db", 8, ("a.tsv",))
    assert settings.with_overrides(db="flag.db", model=None).db == "flag.db"


def test_bad_values_are_one_line_errors(tmp_path):
    with pytest.raises(SettingError, match="batch_size"):
        load_settings(tmp_path, env={"WIREWATCH_BATCH_SIZE": "many"})
    (tmp_path / "wirewatch.toml").write_text("colour = 'red'\n")
    with pytest.raises(SettingError, match="unknown setting 'colour'"):
        load_settings(tmp_path, env={})
