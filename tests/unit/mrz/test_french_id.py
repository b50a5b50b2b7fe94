"""The French identity card of 1988-2021: a 2x36 MRZ that is not ICAO TD2."""

from datetime import date

from borderdesk.mrz import parse
from borderdesk.mrz.checkdigit import compute
from borderdesk.mrz.formats import FRA_ID, layout_named

# The specimen card of the French administration (Mme Christiane Douel).
SPECIMEN = ("IDFRADOUEL<<<<<<<<<<<<<<<<<<<<932013\n"
            "0506932020438CHRISTIANE<<NI2906209F3")
TODAY = date(2026, 1, 1)


def card(surname: str, given: str, number: str, birth: str, sex: str) -> str:
    line1 = f"IDFRA{surname:<<25}750123"[:36]
    body = f"{number}{compute(number)}{given:<<14}{birth}{compute(birth)}{sex}"
    return f"{line1}\n{body}{compute(line1 + body)}"


def test_the_specimen_reads_field_by_field():
    doc = parse(SPECIMEN, today=TODAY)
    assert (doc.format, doc.layout, doc.layout_name) == ("TD2", "FRA-ID", "FRA-ID")
    assert doc.document_code == "ID" and doc.issuing_state == "FRA"
    assert doc.document_number == "050693202043"
    assert (doc.surname, doc.given_names) == ("DOUEL", "CHRISTIANE NI")
    assert doc.nationality == "FRA"
    assert doc.birth_date == "1929-06-20" and doc.sex == "F"
    assert doc.expiry_date is None and doc.expiry.raw == ""
    assert doc.optional_data == "932013"
    assert doc.checks.as_json() == {"document_number": True, "birth_date": True,
                                    "expiry_date": None, "optional_data": None,
                                    "composite": True}
    assert doc.valid and doc.has_warning("national-layout")
    assert doc.name_truncated  # the given names run to the end of their field
    assert doc.as_json()["layout"] == "FRA-ID"


def test_composed_cards_check_and_split_their_names():
    doc = parse(card("MARTIN<DUPONT", "JEAN<PIERRE", "990775012345", "851224", "M"),
                today=TODAY)
    assert doc.valid
    assert (doc.surname, doc.given_names) == ("MARTIN DUPONT", "JEAN PIERRE")
    assert not doc.name_truncated
    assert doc.birth_date == "1985-12-24"


def test_every_check_covers_its_characters():
    lines = SPECIMEN.split("\n")
    for line, pos, check in ((1, 3, "document_number"), (1, 30, "birth_date"),
                             (0, 8, "composite")):
        broken = list(lines)
        c = broken[line][pos]
        broken[line] = broken[line][:pos] + ("7" if c != "7" else "3") + broken[line][pos + 1:]
        doc = parse("\n".join(broken), today=TODAY)
        assert getattr(doc.checks, check) is False, check
        assert not doc.valid


def test_a_misread_letter_in_a_date_is_undone_and_an_ambiguous_number_is_not_guessed():
    doc = parse(SPECIMEN.replace("2906209F", "29O6209F"), today=TODAY)
    assert doc.birth_date == "1929-06-20" and doc.valid
    assert [(c.field, c.read, c.corrected) for c in doc.corrections] == [
        ("birth_date", "O", "0")]
    # O->0 at 1 passes the check, but so do 0->O at 8 and 0->Q at 10: no guess
    doc = parse(SPECIMEN.replace("0506932020438", "O506932020438"), today=TODAY)
    assert not doc.valid and doc.has_warning("ambiguous-repair")
    assert doc.document_number == "O50693202043" and not doc.corrections


def test_an_icao_td2_card_of_france_stays_td2():
    td2 = ("IDFRAERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
           "D231458907FRA7408122F1204159<<<<<<<6")
    doc = parse(td2, today=TODAY)
    assert doc.layout_name == "TD2" and doc.layout == ""
    assert doc.nationality == "FRA" and doc.expiry_date == "2012-04-15"


def test_the_layout_is_known_by_name():
    assert layout_named("FRA-ID") is FRA_ID
    assert layout_named("TD3").name == "TD3"
