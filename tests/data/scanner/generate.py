"""Writes the scanner fixtures beside this file: byte streams and keystroke timings.

Run it to remake them (the output is the same every time):
    .venv/bin/python tests/data/scanner/generate.py

Each ``*.bin`` is what a serial scanner sends over a session of several
documents, with the framing, prefixes and junk real readers produce; each
``*.keys`` is a keyboard-wedge session, one keystroke a line as
``milliseconds<TAB>key`` (``Enter``, ``Space`` or the character).
``expected.json`` says what each must decode to. The documents are ICAO's
specimens and made-up holders of Utopia (UTO), the state Doc 9303 invents.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from borderdesk.mrz.compose import compose

HERE = Path(__file__).parent
STX, ETX = b"\x02", b"\x03"

DOCS = {
    "td3": compose("TD3", document_code="P", issuing_state="UTO", surname="Eriksson",
                   given_names="Anna Maria", document_number="L898902C3", nationality="UTO",
                   birth_date="740812", sex="F", expiry_date="120415",
                   optional_data="ZE184226B"),
    "td1": compose("TD1", document_code="I", issuing_state="UTO", surname="Stevenson",
                   given_names="Peter John", document_number="D23145890734",
                   nationality="UTO", birth_date="340712", sex="M", expiry_date="950712"),
    "td2": compose("TD2", document_code="I", issuing_state="UTO", surname="Bennani",
                   given_names="Yasmina", document_number="D231458907", nationality="UTO",
                   birth_date="861103", sex="F", expiry_date="310220"),
    "mrva": compose("MRVA", document_code="V", issuing_state="UTO", surname="Haddad",
                    given_names="Karim", document_number="VS1234567", nationality="UTO",
                    birth_date="900101", sex="M", expiry_date="271231"),
}
# The passport with its birth date check digit misprinted (or misread by the device).
DAMAGED = (DOCS["td3"][0], DOCS["td3"][1][:19] + "3" + DOCS["td3"][1][20:])


def lines(doc, end=b"\r\n", prefix=b""):
    return b"".join(prefix + line.encode() + end for line in doc)


def noise(rng: random.Random, n: int, allow=range(256)) -> bytes:
    allowed = list(allow)
    return bytes(rng.choice(allowed) for _ in range(n))


def streams() -> dict[str, tuple[bytes, list]]:
    rng = random.Random(3)
    d = DOCS
    out = {}
    out["crlf-three-documents.bin"] = (
        b"\x00\x00READY\r\n" + lines(d["td3"]) + b"\r\nOK\r\n" + lines(d["td1"])
        + noise(rng, 40, [b for b in range(256) if b not in (2, 3)]) + b"\r\n"
        + lines(d["td2"]) + b"\r\n",
        [d["td3"], d["td1"], d["td2"]])
    out["stx-etx.bin"] = (
        STX + lines(d["td3"], b"\r") + ETX + b"\xff\xfe"
        + STX + lines(d["td1"], b"\r") + ETX + b"\r\n"
        + STX + lines(DAMAGED, b"\r") + ETX
        + STX + lines(d["mrva"], b"\r")[:-1] + ETX,
        [d["td3"], d["td1"], list(DAMAGED), d["mrva"]])
    out["prefixed-cr-only.bin"] = (
        lines(d["td3"], b"\r", b"@") + b"\r\r" + lines(d["td1"], b"\r", b"MRZ:")
        + lines(d["td2"], b"\r", b"#"),
        [d["td3"], d["td1"], d["td2"]])
    out["cut-at-both-ends.bin"] = (
        d["td3"][1][27:].encode() + b"\r\n" + lines(d["td1"])
        + d["td3"][0].encode() + b"\r\n" + d["td3"][1][:20].encode(),
        [d["td1"]])
    out["binary-noise.bin"] = (
        noise(rng, 2048) + b"\r\n" + STX + lines(d["td2"]) + ETX + noise(rng, 1024),
        [d["td2"]])
    out["stripped-fillers-lf.bin"] = (
        b"".join(line.rstrip("<").encode() + b"\n" for line in d["td3"])
        + b"".join(line.rstrip("<").encode() + b"\n" for line in d["td1"]),
        [[line.rstrip("<") for line in d["td3"]], [line.rstrip("<") for line in d["td1"]]])
    out["one-line.bin"] = ("".join(d["td3"]).encode() + b"\r\n" + lines(d["mrva"]),
                           [d["td3"], d["mrva"]])
    return out


def burst(rng, text, t, gap=(0.002, 0.007)):
    keys = []
    for ch in text:
        keys.append((t, ch))
        t += rng.uniform(*gap)
    return keys, t


def person(rng, text, t, gap=(0.12, 0.35)):
    return burst(rng, text, t, gap)


def sessions() -> dict[str, tuple[list, list, str]]:
    rng = random.Random(7)
    d = DOCS
    out = {}
    keys, _ = burst(rng, "".join(line + "\r" for line in d["td3"]), 10.0)
    out["wedge-td3.keys"] = (keys, [d["td3"]], "")
    keys, _ = burst(rng, "\r".join(d["td1"]), 5.0, (0.006, 0.012))
    out["wedge-td1-no-final-enter.keys"] = (keys, [d["td1"]], "")
    text = "".join(line + "\r" for line in d["td3"])
    keys, _ = person(rng, text, 1.0)
    out["person-typing-an-mrz.keys"] = (keys, [], text)
    a, t = person(rng, "ERIKSSON ANNA", 2.0)
    b, t = burst(rng, "".join(line + "\r" for line in d["td1"][:2]), t + 1.0, (0.006, 0.010))
    t += 0.035  # the host was busy for a moment in the middle of the burst
    c, t = burst(rng, d["td1"][2] + "\r", t, (0.006, 0.010))
    e, _ = person(rng, "OK\r", t + 0.8)
    out["person-then-scanner.keys"] = (a + b + c + e, [d["td1"]], "ERIKSSON ANNA" + "OK\r")
    keys, _ = burst(rng, "https://verify.example/doc?id=8F2C991D7A04B3E6\r", 3.0)
    out["barcode-burst.keys"] = (keys, [], "")
    keys, _ = burst(rng, "".join(line.lower() + "\r" for line in d["td2"]), 4.0)
    out["caps-lock.keys"] = (keys, [d["td2"]], "")
    return out


def key_name(ch: str) -> str:
    return {"\r": "Enter", " ": "Space"}.get(ch, ch)


def main() -> None:
    expected = {}
    for name, (data, docs) in streams().items():
        (HERE / name).write_bytes(data)
        expected[name] = {"documents": [list(doc) for doc in docs]}
    for name, (keys, docs, typed) in sessions().items():
        (HERE / name).write_text("".join(f"{t * 1000:.1f}\t{key_name(k)}\n" for t, k in keys))
        expected[name] = {"documents": [list(doc) for doc in docs], "typed": typed}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")


if __name__ == "__main__":
    main()
