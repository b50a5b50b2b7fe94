"""What real documents do that Doc 9303 does not say, each accepted and reported."""

from datetime import date

import pytest

from borderdesk.mrz import checkdigit, parse
from borderdesk.mrz.compose import compose


def td1(line1_body: str, line2: str | None = None, name: str = "DUPONT<<MARIE<<<<<<<<<<<<<<<<<"):
    """A TD1 with line 1 from position 6 given, and a correct composite."""
    line1 = ("IDBEL" + line1_body).ljust(30, "<")
    c = checkdigit.compute
    line2 = line2 or f"800101{c('800101')}F300101{c('300101')}BEL<<<<<<<<<<<"
    line2 = line2[:29]
    composite = checkdigit.compute(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return f"{line1}\n{line2}{composite}\n{name}"


def test_td1_long_number_overflows_into_optional_data(today):
    number = "590335801485"
    check = checkdigit.compute(number)
    doc = parse(td1("590335801<485" + check + "<ABC"), today=today)
    assert doc.document_number == number
    assert doc.checks.document_number is True and doc.valid
    assert doc.optional_data == "ABC"
    assert not doc.has_warning("overflow-filler")


def test_long_number_whose_check_digit_covers_the_filler(today):
    check = checkdigit.compute("590335801<485")
    assert check != checkdigit.compute("590335801485")
    doc = parse(td1("590335801<485" + check), today=today)
    assert doc.document_number == "590335801485"
    assert doc.valid
    assert doc.has_warning("overflow-filler")


def test_overflow_marker_without_continuation_fails(today):
    doc = parse(td1("590335801<<<<"), today=today)
    assert doc.checks.document_number is False


def test_td2_long_number(today):
    lines = compose("TD2", document_code="I", issuing_state="MAR", surname="ALAOUI",
                    given_names="SAAD", document_number="AB12345678", nationality="MAR",
                    birth_date="850505", sex="M", expiry_date="300101")
    assert lines[1][9] == "<"
    doc = parse("\n".join(lines), today=today)
    assert doc.document_number == "AB12345678" and doc.valid


@pytest.mark.parametrize("digit", ["<", "0"])
def test_td3_empty_personal_number_check_may_be_filler_or_zero(digit, today):
    line2 = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<" + digit
    line2 += checkdigit.compute(line2[0:10] + line2[13:20] + line2[21:43])
    doc = parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + line2, today=today)
    assert doc.checks.optional_data is True and doc.valid
    assert doc.optional_data == ""


def test_filler_check_digit_with_a_personal_number_fails(today):
    line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<<"
    line2 += checkdigit.compute(line2[0:10] + line2[13:20] + line2[21:43])
    doc = parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + line2, today=today)
    assert doc.checks.optional_data is False


@pytest.mark.parametrize("code", ["P", "PD", "PO", "PT", "PS"])
def test_passport_codes_with_a_second_letter(code, today):
    lines = compose("TD3", document_code=code, issuing_state="EGY", surname="HASSAN",
                    given_names="MONA", document_number="A12345678", nationality="EGY",
                    birth_date="700101", sex="F", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.document_code == code and doc.valid and not doc.has_warning("document-code")


@pytest.mark.parametrize("fmt, code", [("TD1", "ID"), ("TD1", "AC"), ("TD1", "IR"),
                                       ("TD2", "ID"), ("MRVA", "VC"), ("MRVB", "VB")])
def test_other_document_codes(fmt, code, today):
    lines = compose(fmt, document_code=code, issuing_state="FRA", surname="MARTIN",
                    given_names="LUC", document_number="X1234567", nationality="FRA",
                    birth_date="700101", sex="M", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.document_code == code and doc.valid and not doc.has_warning("document-code")


def test_unexpected_first_letter_is_a_warning(today):
    lines = compose("TD3", document_code="X", issuing_state="FRA", surname="MARTIN",
                    given_names="LUC", document_number="X1234567", nationality="FRA",
                    birth_date="700101", sex="M", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.valid and doc.has_warning("document-code")


def test_line_two_with_no_filler_at_all(today):
    lines = compose("TD3", document_code="P", issuing_state="JOR", surname="HADDAD",
                    given_names="RAMI", document_number="N12345678", nationality="JOR",
                    birth_date="700101", sex="M", expiry_date="300101",
                    optional_data="98765432109876")
    assert "<" not in lines[1]
    doc = parse("\n".join(lines), today=today)
    assert doc.valid and doc.optional_data == "98765432109876"


def test_number_padded_with_fillers_inside(today):
    # Nine characters with a filler inside: the check digit covers the filler as printed.
    number_field = "AB<123456"
    c = checkdigit.compute
    line2 = (number_field + c(number_field) + f"LBN700101{c('700101')}M300101{c('300101')}"
             + "<" * 16)
    line2 = line2[:43] + checkdigit.compute(line2[0:10] + line2[13:20] + line2[21:43])
    doc = parse("P<LBNKHOURY<<ELIE<<<<<<<<<<<<<<<<<<<<<<<<<<<\n" + line2, today=today)
    assert doc.valid
    assert doc.document_number == "AB123456"
    assert doc.has_warning("number-fillers")


@pytest.mark.parametrize("code, known", [("D", True), ("XXA", True), ("XXB", True),
                                         ("XXC", True), ("XXX", True), ("UNO", True),
                                         ("UNA", True), ("UNK", True), ("EUE", True),
                                         ("GBN", True), ("RKS", True), ("QQQ", False)])
def test_state_codes(code, known, today):
    lines = compose("TD3", document_code="P", issuing_state=code, surname="A",
                    given_names="B", document_number="123456789", nationality=code,
                    birth_date="700101", sex="M", expiry_date="300101")
    doc = parse("\n".join(lines), today=today)
    assert doc.issuing_state == code and doc.nationality == code
    assert doc.has_warning("unknown-state") is (not known)
    assert doc.valid  # an unknown code is a warning, never a failed check


def test_sex_unspecified_as_x_or_filler(today):
    for sex_char in "X<":
        lines = compose("TD3", document_code="P", issuing_state="NLD", surname="A",
                        given_names="B", document_number="123456789", nationality="NLD",
                        birth_date="700101", sex="M", expiry_date="300101")
        line2 = lines[1][:20] + sex_char + lines[1][21:]
        doc = parse(lines[0] + "\n" + line2, today=today)
        assert doc.sex == "X" and doc.valid


def test_a_long_number_whose_first_part_ends_in_kk_keeps_its_letters():
    # Found by the property test: 0000000KK0 on a TD1; the first nine characters fill
    # their field, so the K's ending it cannot be padding read as K.
    lines = compose("TD1", document_code="I<", issuing_state="UTO", nationality="UTO",
                    surname="DOE", given_names="JO", document_number="0000000KK0",
                    birth_date=date(1980, 1, 2), expiry_date=date(2030, 1, 2), sex="M",
                    optional_data="", optional_data_2="")
    doc = parse("\n".join(lines), today=date(2026, 1, 1))
    assert doc.document_number == "0000000KK0" and doc.valid and doc.corrections == ()
