"""Document scanners: recorded byte streams and keystroke timings, junk included, and a real tty."""

import json
import logging
import os
import random
import threading
import time
from pathlib import Path

import pytest

from borderdesk import mrz
from borderdesk.reader.scanner import (PortNotFound, PortState, ScannerClosed, SerialDecoder,
                                       SerialScanner, WedgeDecoder, clean_line)

DATA = Path(__file__).parent.parent / "data" / "scanner"
EXPECTED = json.loads((DATA / "expected.json").read_text())
STREAMS = sorted(name for name in EXPECTED if name.endswith(".bin"))
SESSIONS = sorted(name for name in EXPECTED if name.endswith(".keys"))
TD3 = tuple(EXPECTED["crlf-three-documents.bin"]["documents"][0])
TD1 = tuple(EXPECTED["crlf-three-documents.bin"]["documents"][1])
PERSONAL = ("ERIKSSON", "STEVENSON", "BENNANI", "HADDAD", "L898902C3", "D23145890", "740812")


def decode(data: bytes, chunk: int, **options) -> tuple[list[tuple[str, ...]], SerialDecoder]:
    decoder = SerialDecoder(**options)
    readings = []
    for i in range(0, len(data), chunk):
        readings += decoder.feed(data[i:i + chunk])
    readings += decoder.flush()
    return [r.lines for r in readings], decoder


def read_keys(path: Path) -> list[tuple[float, str]]:
    names = {"Enter": "\r", "Space": " "}
    keys = []
    for row in path.read_text().splitlines():
        ms, key = row.split("\t")
        keys.append((float(ms) / 1000, names.get(key, key)))
    return keys


def no_personal_data(caplog) -> None:
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(word in text for word in PERSONAL), text


# -- serial decoder ---------------------------------------------------------------

@pytest.mark.parametrize("name", STREAMS)
@pytest.mark.parametrize("chunk", [1, 2, 7, 64, 100_000])
def test_recorded_stream_gives_its_documents_however_it_is_cut(name, chunk, caplog):
    caplog.set_level(logging.INFO)
    got, _ = decode((DATA / name).read_bytes(), chunk)
    assert got == [tuple(doc) for doc in EXPECTED[name]["documents"]]
    no_personal_data(caplog)


def test_readings_are_what_the_camera_path_gives():
    decoder = SerialDecoder()
    (reading,) = decoder.feed(("\r\n".join(TD3) + "\r\n").encode())
    assert reading.source == "scanner" and reading.engine == "serial"
    assert reading.lines == TD3
    assert reading.confidence == ((1.0,) * 44, (1.0,) * 44)
    assert mrz.parse(reading.text).valid


def test_a_document_is_given_at_its_last_line_end_without_waiting():
    decoder = SerialDecoder()
    assert decoder.feed((TD3[0] + "\r\n").encode()) == []
    assert decoder.pending
    assert [r.lines for r in decoder.feed((TD3[1] + "\r").encode())] == [TD3]
    assert not decoder.pending


def test_lines_without_their_end_fillers_pass_on_as_sent_and_the_parser_says_so():
    got, _ = decode((DATA / "stripped-fillers-lf.bin").read_bytes(), 64)
    assert len(got[0][0]) < 44
    document = mrz.parse("\n".join(got[0]))
    assert document.valid and document.lines == TD3 and document.has_warning("padded")


def test_a_failing_check_waits_for_the_device_to_close_the_block():
    damaged = (TD3[0], TD3[1][:19] + "3" + TD3[1][20:])
    decoder = SerialDecoder()
    assert decoder.feed(("\r\n".join(damaged) + "\r\n").encode()) == []
    (reading,) = decoder.flush()
    assert reading.lines == damaged
    assert mrz.parse(reading.text).checks.failed == ("birth_date", "composite")


def test_noise_and_partial_lines_are_dropped_and_logged_without_their_content(caplog):
    caplog.set_level(logging.INFO)
    got, decoder = decode((DATA / "cut-at-both-ends.bin").read_bytes(), 5)
    assert got == [TD1]
    assert decoder.dropped >= 2  # the tail cut at the start, the passport cut at the end
    assert any("dropped" in r.getMessage() for r in caplog.records)
    no_personal_data(caplog)


def test_configured_prefix_made_of_mrz_characters():
    data = "".join("]M0" + line + "\r\n" for line in TD3).encode()
    assert decode(data, 9)[0] == []  # without the setting, the lines are too long
    assert decode(data, 9, prefix="]M0")[0] == [TD3]
    suffixed = "".join(line + "*\r\n" for line in TD1).encode()
    assert decode(suffixed, 9, suffix="*")[0] == [TD1]


def test_a_flood_without_line_ends_does_not_grow_without_bound():
    decoder = SerialDecoder()
    for _ in range(200):
        assert decoder.feed(b"<" * 1000) == []
    assert len(decoder._line) <= 200
    assert [r.lines for r in decoder.feed(b"\r\n" + "\r\n".join(TD3).encode() + b"\r\n")] == [TD3]


def test_random_bytes_never_crash_the_decoder():
    rng = random.Random(11)
    decoder = SerialDecoder()
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        assert decoder.feed(data) == []
    decoder.flush()
    assert [r.lines for r in decoder.feed(b"\x02" + "\r".join(TD1).encode() + b"\x03")] == [TD1]


def test_framed_blocks_of_random_mrz_characters_are_not_documents(caplog):
    """STX/ETX vouches for a block, but not for noise shaped like an MRZ."""
    caplog.set_level(logging.CRITICAL)
    rng = random.Random(5)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
    decoder = SerialDecoder()
    accepted = 0
    for _ in range(2000):
        count, length = rng.choice([(3, 30), (2, 36), (2, 44)])
        block = "\r".join("".join(rng.choice(alphabet) for _ in range(length))
                          for _ in range(count))
        accepted += len(decoder.feed(b"\x02" + block.encode() + b"\x03"))
    assert accepted == 0  # (none of 20,000 such blocks passed when this was written)


@pytest.mark.parametrize("raw, line", [
    ("P<UTOERIKSSON", "P<UTOERIKSSON"),
    ("  @P<UTO  ", "P<UTO"),
    ("MRZ:P<UTO", "P<UTO"),
    ("P<UTO;", "P<UTO"),
    ("hello world", None),
    ("P<UTO" + "<" * 40, None),
    ("garbage that is long:P<UTO", None),
])
def test_clean_line(raw, line):
    assert clean_line(raw) == line


# -- keyboard wedge ---------------------------------------------------------------

def play(decoder: WedgeDecoder, keys) -> tuple[list[tuple[str, ...]], str]:
    docs, typed = [], ""
    for t, key in keys:
        out = decoder.key(key, t)
        docs += [r.lines for r in out.readings]
        typed += out.typed
        tick = decoder.tick(t + 0.001)  # a timer firing between keys changes nothing
        assert not tick.readings and not tick.typed
    out = decoder.tick(keys[-1][0] + 0.5)
    return docs + [r.lines for r in out.readings], typed + out.typed


@pytest.mark.parametrize("name", SESSIONS)
def test_recorded_keystrokes_give_documents_and_the_persons_typing(name, caplog):
    caplog.set_level(logging.INFO)
    docs, typed = play(WedgeDecoder(), read_keys(DATA / name))
    assert docs == [tuple(doc) for doc in EXPECTED[name]["documents"]]
    assert typed == EXPECTED[name]["typed"]
    no_personal_data(caplog)


def test_a_burst_is_reported_at_its_last_enter():
    decoder = WedgeDecoder()
    keys = [(i * 0.004, ch) for i, ch in enumerate("\r".join(TD3) + "\r")]
    outs = [decoder.key(k, t) for t, k in keys]
    assert [o.readings[0].lines for o in outs if o.readings] == [TD3]
    assert outs[-1].readings and outs[-1].readings[0].engine == "wedge"


def test_a_junk_burst_is_dropped_with_a_log_line(caplog):
    decoder = WedgeDecoder()
    docs, typed = play(decoder, read_keys(DATA / "barcode-burst.keys"))
    assert docs == [] and typed == ""
    assert decoder.dropped == 1
    assert "dropped a burst" in caplog.text


def test_held_key_repeating_is_a_person():
    keys = [(i * 0.033, "<") for i in range(60)]  # autorepeat at 30 a second
    docs, typed = play(WedgeDecoder(), keys)
    assert docs == [] and typed == "<" * 60


def test_thresholds_come_from_the_caller():
    keys = [(i * 0.025, ch) for i, ch in enumerate("\r".join(TD1) + "\r")]  # a slow wedge
    assert play(WedgeDecoder(), keys)[0] == []
    assert play(WedgeDecoder(max_median_gap=0.03), keys)[0] == [TD1]


# -- a real serial port: pyserial on a pseudo-terminal ----------------------------

@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass


def write_slowly(fd: int, data: bytes, chunk: int = 17, pause: float = 0.002) -> threading.Thread:
    def run():
        for i in range(0, len(data), chunk):
            os.write(fd, data[i:i + chunk])
            time.sleep(pause)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_serial_port_over_a_pty(pty_pair):
    master, port = pty_pair
    states = []
    scanner = SerialScanner(port, baudrate=115200, idle=0.15,
                            on_state=lambda s, m: states.append(s))
    scanner.open()
    try:
        name = "crlf-three-documents.bin"
        write_slowly(master, (DATA / name).read_bytes() + (DATA / "stx-etx.bin").read_bytes())
        got = []
        deadline = time.monotonic() + 5
        while len(got) < 7 and time.monotonic() < deadline:
            reading = scanner.read(timeout=0.5)
            if reading is not None:
                got.append(reading.lines)
        expected = EXPECTED[name]["documents"] + EXPECTED["stx-etx.bin"]["documents"]
        assert got == [tuple(d) for d in expected]
        assert scanner.read(timeout=0.05) is None
    finally:
        scanner.close()
    with pytest.raises(ScannerClosed):
        scanner.read(timeout=0.1)
    assert states == [PortState.OPEN, PortState.CLOSED]


def test_serial_port_idle_ends_a_document_that_has_no_last_line_end(pty_pair):
    master, port = pty_pair
    with SerialScanner(port, idle=0.1) as scanner:
        os.write(master, "\r".join(TD1).encode())  # no CR after the last line
        started = time.monotonic()
        reading = scanner.read(timeout=2)
        assert reading is not None and reading.lines == TD1
        assert time.monotonic() - started < 1.0


def test_missing_port_is_a_clear_error(tmp_path):
    with pytest.raises(PortNotFound, match="cannot be opened"):
        SerialScanner(str(tmp_path / "ttyNOPE")).open()


def test_serial_port_that_goes_away_is_reopened(tmp_path):
    """A USB adapter pulled out and put back: its by-id link points at the new device."""
    link = tmp_path / "usb-scanner"
    master, slave = os.openpty()
    link.symlink_to(os.ttyname(slave))
    states = []
    scanner = SerialScanner(str(link), idle=0.1, backoff=0.05, max_backoff=0.2,
                            on_state=lambda s, m: states.append(s))
    scanner.open()
    try:
        os.write(master, ("\r\n".join(TD3) + "\r\n").encode())
        assert scanner.read(timeout=2).lines == TD3
        os.close(master)  # unplugged: reads on the port fail
        os.close(slave)
        assert scanner.read(timeout=0.3) is None
        assert scanner.state is PortState.RECONNECTING
        master, slave = os.openpty()  # plugged in again, under another name
        link.unlink()
        link.symlink_to(os.ttyname(slave))
        deadline = time.monotonic() + 3
        while scanner.state is not PortState.OPEN and time.monotonic() < deadline:
            scanner.read(timeout=0.1)
        assert scanner.state is PortState.OPEN
        os.write(master, ("\r\n".join(TD1) + "\r\n").encode())
        assert scanner.read(timeout=2).lines == TD1
    finally:
        scanner.close()
        os.close(master)
        os.close(slave)
    assert states[:3] == [PortState.OPEN, PortState.RECONNECTING, PortState.OPEN]


def test_close_from_another_thread_ends_readings(pty_pair):
    _, port = pty_pair
    scanner = SerialScanner(port)
    scanner.open()
    threading.Timer(0.2, scanner.close).start()
    started = time.monotonic()
    assert list(scanner.readings(timeout=5)) == []
    assert time.monotonic() - started < 2
