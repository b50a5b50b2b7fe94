"""The files the .deb ships, checked without building it (the build: tests/packaging)."""

import configparser
import re
import subprocess
import tomllib
from pathlib import Path

from borderdesk.desk.config import Config

DEB = Path(__file__).resolve().parents[2] / "packaging" / "deb"


def uncommented(text: str) -> str:
    """The configuration with every documented section and key switched on."""
    return re.sub(r"^#(\[|\w+ = )", r"\1", text, flags=re.MULTILINE)


def test_every_documented_key_exists_and_shows_its_default(tmp_path):
    whole = uncommented((DEB / "config.toml").read_text())
    assert (DEB / "config.toml").read_text().count("\n#[") >= 7
    target = tmp_path / "config.toml"
    target.write_text(whole)
    config = Config.load([target])  # an unknown section or key would raise ConfigError
    defaults = Config()
    for section, table in tomllib.loads(whole).items():
        for key, value in table.items():
            assert getattr(getattr(config, section), key) == value
            assert getattr(getattr(defaults, section), key) == value, (section, key)


def test_the_commented_file_is_valid_as_shipped(tmp_path):
    Config.load([DEB / "config.toml"])


def test_maintainer_scripts_are_valid_shell():
    for name in ("postinst", "prerm", "postrm", "borderdesk", "build-deb"):
        subprocess.run(["sh", "-n", str(DEB / name)], check=True)


def unit(name):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEB / name)
    return parser


def test_the_sync_timer_runs_the_sync_command_as_the_desk_user():
    service = unit("borderdesk-sync.service")["Service"]
    assert service["ExecStart"].endswith("borderdesk watchlist sync")
    assert service["User"] == "borderdesk"
    assert "BORDERDESK_HOME=/var/lib/borderdesk" in service["Environment"]
    timer = unit("borderdesk-sync.timer")
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert timer["Timer"]["OnUnitActiveSec"]


def test_lightdm_logs_the_desk_user_into_the_kiosk_session():
    seat = unit("lightdm-kiosk.conf")["Seat:*"]
    assert seat["autologin-user"] == "borderdesk"
    session = seat["autologin-session"]
    assert (DEB.parent / "kiosk" / f"{session}.desktop").is_file()


def test_purge_deletes_the_data_and_remove_keeps_it():
    postrm = (DEB / "postrm").read_text()
    remove, purge = postrm.split("remove)")[1].split("purge)")
    assert "/var/lib/borderdesk" not in remove
    assert "rm -rf /var/lib/borderdesk" in purge
