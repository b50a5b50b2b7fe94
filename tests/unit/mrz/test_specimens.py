"""The specimens printed in ICAO Doc 9303 (8th edition), Parts 4 to 7, and other real layouts."""

from datetime import date

import pytest

from borderdesk.mrz import parse

TODAY = date(2026, 11, 23)

SPECIMENS = {
    # Part 4, Appendix A: the TD3 passport data page.
    "td3": ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
            dict(format="TD3", document_code="P", issuing_state="UTO",
                 document_number="L898902C3", surname="ERIKSSON", given_names="ANNA MARIA",
                 nationality="UTO", birth_date="1974-08-12", expiry_date="2012-04-15", sex="F",
                 optional_data="ZE184226B", optional_data_2="")),
    # Part 5, Appendix A: the TD1 card.
    "td1": ("I<UTOD231458907<<<<<<<<<<<<<<<\n"
            "7408122F1204159UTO<<<<<<<<<<<6\n"
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
            dict(format="TD1", document_code="I", issuing_state="UTO",
                 document_number="D23145890", surname="ERIKSSON", given_names="ANNA MARIA",
                 nationality="UTO", birth_date="1974-08-12", expiry_date="2012-04-15", sex="F",
                 optional_data="", optional_data_2="")),
    # Part 5, 4.2.4: a document number of more than nine characters.
    "td1-long-number": ("I<UTOD23145890<7349<<<<<<<<<<<\n"
                        "3407127M9507122UTO<<<<<<<<<<<2\n"
                        "STEVENSON<<PETER<JOHN<<<<<<<<<",
                        dict(format="TD1", document_number="D23145890734", surname="STEVENSON",
                             given_names="PETER JOHN", birth_date="1934-07-12",
                             expiry_date="1995-07-12", sex="M", optional_data="")),
    # Part 6, Appendix A: the TD2 card.
    "td2": ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
            "D231458907UTO7408122F1204159<<<<<<<6",
            dict(format="TD2", document_code="I", document_number="D23145890",
                 surname="ERIKSSON", given_names="ANNA MARIA", birth_date="1974-08-12",
                 expiry_date="2012-04-15", sex="F", optional_data="")),
    # Part 7, Appendix A: the MRV-A visa.
    "mrva": ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
             "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
             dict(format="MRVA", document_code="V", issuing_state="UTO",
                  document_number="L8988901C", nationality="XXX", birth_date="1940-09-07",
                  expiry_date="1996-12-10", sex="F", optional_data="6ZE184226B")),
    # Part 7, Appendix A: the MRV-B visa.
    "mrvb": ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
             "L8988901C4XXX4009078F9612109<<<<<<<<",
             dict(format="MRVB", document_code="V", document_number="L8988901C",
                  nationality="XXX", birth_date="1940-09-07", expiry_date="1996-12-10",
                  optional_data="")),
    # Germany writes its code D<<, and sex unspecified as <.
    "german-id": ("IDD<<T220001293<<<<<<<<<<<<<<<\n"
                  "6408125<2010315D<<<<<<<<<<<<<4\n"
                  "MUSTERMANN<<ERIKA<<<<<<<<<<<<<",
                  dict(format="TD1", document_code="ID", issuing_state="D", nationality="D",
                       document_number="T22000129", sex="X", surname="MUSTERMANN",
                       given_names="ERIKA", birth_date="1964-08-12", expiry_date="2020-10-31")),
    # A TD1 with both optional data fields in use (Austrian identity card layout).
    "austrian-id": ("IDAUT10000999<6<<<<<<<<<<<<<<<\n"
                    "7109094F1112315AUT<<<<<<<<<<<4\n"
                    "MUSTERFRAU<<ISOLDE<<<<<<<<<<<<",
                    dict(format="TD1", document_code="ID", document_number="10000999",
                         surname="MUSTERFRAU", given_names="ISOLDE", birth_date="1971-09-09",
                         expiry_date="2011-12-31")),
    # A US visa (MRV-A) with the optional data full.
    "us-visa": ("VIUSATRAVELER<<HAPPYPERSON<<<<<<<<<<<<<<<<<<\n"
                "555123ABC6GBR6502056F04122361FLNDDDAM5803085",
                dict(format="MRVA", document_code="VI", issuing_state="USA",
                     document_number="555123ABC", nationality="GBR", surname="TRAVELER",
                     given_names="HAPPYPERSON", birth_date="1965-02-05",
                     expiry_date="2004-12-23", optional_data="1FLNDDDAM5803085")),
}


@pytest.mark.parametrize("name", SPECIMENS)
def test_specimen_parses_valid_with_its_fields(name):
    text, expected = SPECIMENS[name]
    doc = parse(text, today=TODAY)
    got = doc.as_json()
    assert {k: got[k] for k in expected} == expected
    assert doc.valid, doc.checks
    assert doc.corrections == ()


@pytest.mark.parametrize("name", SPECIMENS)
def test_specimen_checks_that_exist_pass(name):
    doc = parse(SPECIMENS[name][0], today=TODAY)
    expected_checks = {
        "TD1": {"optional_data": None},
        "TD2": {"optional_data": None},
        "TD3": {},
        "MRVA": {"optional_data": None, "composite": None},
        "MRVB": {"optional_data": None, "composite": None},
    }[doc.format]
    checks = doc.checks.as_json()
    for name_, value in checks.items():
        assert value is expected_checks.get(name_, True), (name_, value)


def test_specimen_state_utopia_is_named_in_a_warning():
    doc = parse(SPECIMENS["td3"][0], today=TODAY)
    assert doc.valid
    assert any("Utopia" in w.message for w in doc.warnings)
