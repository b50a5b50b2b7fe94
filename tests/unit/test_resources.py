"""The shipped files are found in the source tree, in a frozen bundle, or where configured."""

import sys

from borderdesk.desk import resources


def test_the_source_tree(monkeypatch):
    monkeypatch.delenv("BORDERDESK_RESOURCES", raising=False)
    assert resources.resource_path("icons", "hit.svg").is_file()


def test_a_frozen_bundle_looks_in_its_own_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("BORDERDESK_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"


def test_the_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("BORDERDESK_RESOURCES", str(tmp_path))
    assert resources.resource_path("sounds") == tmp_path / "sounds"
