"""`borderdesk mrz parse`: the contract of keys and exit statuses."""

import io
import json
import subprocess
import sys

import pytest

from borderdesk.cli import main

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
       "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
KEYS = {"format", "document_code", "issuing_state", "document_number", "surname",
        "given_names", "nationality", "birth_date", "expiry_date", "birth_date_raw",
        "expiry_date_raw", "sex", "optional_data", "optional_data_2", "checks", "valid",
        "corrections", "warnings"}


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_has_every_key_and_exit_0_when_valid(capsys):
    status, out, err = run(capsys, "mrz", "parse", "--json", TD3)
    assert status == 0 and err == ""
    obj = json.loads(out)
    assert KEYS <= set(obj)
    assert obj["checks"] == {"document_number": True, "birth_date": True, "expiry_date": True,
                             "optional_data": True, "composite": True}
    assert obj["birth_date"] == "1974-08-12" and obj["birth_date_raw"] == "740812"
    assert out.count("\n") == 1  # exactly one JSON object


def test_failed_check_exits_1(capsys):
    status, out, _ = run(capsys, "mrz", "parse", "--json", TD3.replace("7408122", "7408123"))
    assert status == 1
    obj = json.loads(out)
    assert obj["valid"] is False and obj["checks"]["birth_date"] is False


@pytest.mark.parametrize("text", ["", "hello", "P<UTO\nL898", "\x00\xff"])
def test_not_an_mrz_exits_2_with_a_message(capsys, text):
    status, out, err = run(capsys, "mrz", "parse", "--json", text)
    assert status == 2 and out == ""
    assert err.startswith("borderdesk: not an MRZ:")
    assert "Traceback" not in err


def test_reads_standard_input(capsys, monkeypatch):
    status, out, _ = run(capsys, "mrz", "parse", "--json", stdin=TD3 + "\r\n",
                         monkeypatch=monkeypatch)
    assert status == 0 and json.loads(out)["surname"] == "ERIKSSON"


def test_table_for_people(capsys):
    status, out, _ = run(capsys, "mrz", "parse", TD3.replace("L898902C3", "L8989O2C3"))
    assert status == 0
    assert "Surname          ERIKSSON" in out
    assert "Corrected" in out and "'O' read as '0'" in out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["mrz", "parse", "--no-such-option"])
    assert info.value.code == 2


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "borderdesk.cli", "mrz", "parse", "--json"],
                            input=TD3, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document_number"] == "L898902C3"
