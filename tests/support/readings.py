"""Sample MRZs of Utopia (ICAO's made-up state) and camera readings of them with misreads."""

from borderdesk.mrz.compose import compose
from borderdesk.reader.reading import Reading

TD3 = compose("TD3", document_code="P", issuing_state="UTO", surname="Eriksson",
              given_names="Anna Maria", document_number="L898902C3", nationality="UTO",
              birth_date="740812", sex="F", expiry_date="120415", optional_data="ZE184226B")
TD1 = compose("TD1", document_code="I", issuing_state="UTO", surname="Stevenson",
              given_names="Peter John", document_number="D23145890734", nationality="UTO",
              birth_date="340712", sex="M", expiry_date="950712")
TD2 = compose("TD2", document_code="I", issuing_state="UTO", surname="Bennani",
              given_names="Yasmina", document_number="D231458907", nationality="UTO",
              birth_date="861103", sex="F", expiry_date="310220")


def passport_cut_to_a_card() -> tuple[str, ...]:
    """A passport's lines cut to 36 characters that pass every check of a TD2 (one number
    in ten does: the composite digit falls in the optional data); its code P is no card's."""
    from borderdesk import mrz
    for n in range(100):
        passport = compose("TD3", document_code="P", issuing_state="UTO", surname="ERIKSSON",
                           given_names="ANNA MARIA", document_number=f"X{n:07d}",
                           nationality="UTO", birth_date="740812", sex="F",
                           expiry_date="120415", optional_data="AB1234567")
        cut = tuple(line[:36] for line in passport)
        if mrz.parse("\n".join(cut)).valid:
            return cut
    raise AssertionError("no passport number made a valid card")


# OCR's usual confusions on the MRZ font.
LOOKALIKE = {"<": "KCES", "O": "0D", "0": "OD", "I": "1L", "1": "I7", "B": "8", "8": "B",
             "S": "5", "5": "S", "Z": "2", "2": "Z", "M": "N", "N": "M", "E": "F", "A": "4"}


def reading(lines, errors=(), conf=0.97, wrong_conf=0.45, band=((10, 300), (600, 300),
                                                                   (600, 340), (10, 340))):
    """A reading of ``lines`` with ``errors``: (line, position, character) misreads."""
    lines = [list(line) for line in lines]
    confidence = [[conf] * len(line) for line in lines]
    for i, j, ch in errors:
        lines[i][j] = ch
        confidence[i][j] = wrong_conf
    return Reading(tuple("".join(line) for line in lines),
                   tuple(tuple(c) for c in confidence), "camera", "test", band)


def misreads(rng, lines, rate):
    out = []
    for i, line in enumerate(lines):
        for j, ch in enumerate(line):
            if rng.random() < rate:
                out.append((i, j, rng.choice(LOOKALIKE.get(ch, "X"))))
    return out
