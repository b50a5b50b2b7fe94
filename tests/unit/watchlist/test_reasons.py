"""The match reasons: English words with their codes, one table for every language."""

import json
import pickle

import pytest

from borderdesk.watchlist.reasons import TEXT, Reason, reasons_of

VALUES = {"nationality": "DZA", "number": "AB123", "state": "DZA", "listed_state": "TUN",
          "read": "G", "alt": "6", "position": "3", "corrections": "check digit",
          "reported": "2024-05-01", "alias": "BEN ALI MOHAMED"}


def reason(code):
    """Any reason of the table, its placeholders filled."""
    import string
    names = {n for _, n, _, _ in string.Formatter().parse(TEXT[code]) if n}
    values = {}
    for n in names:
        if n == "status":
            values[n] = Reason("status-stolen")
        elif n in ("listed",):
            values[n] = Reason("listed", status=Reason("status-lost"))
        elif n == "name":
            values[n] = Reason("name-full")
        elif n == "notes":
            values[n] = (Reason("note-order"), Reason("note-spelling"))
        else:
            values[n] = VALUES[n]
    return Reason(code, **values)


@pytest.mark.parametrize("code", sorted(TEXT))
def test_every_reason_reads_in_english_and_comes_back_from_json(code):
    r = reason(code)
    assert isinstance(r, str) and r and "{" not in r
    again = Reason.from_json(json.loads(json.dumps(r.as_json())))
    assert again == r and again.code == code and again.values == r.values
    assert pickle.loads(pickle.dumps(r)) == r


def test_the_english_words_are_the_contract():
    name = Reason("name-notes", name=Reason("name-full"),
                  notes=(Reason("note-order"), Reason("note-spelling")))
    assert name == "surname and given names match (in another order, with spelling variants)"
    assert Reason("alias", name=name, alias="X Y").endswith("spelling variants); alias X Y")
    assert Reason("document", number="AB1", state="DZA", listed=Reason(
        "listed-reported", status=Reason("status-stolen"), reported="2024-05-01")) == \
        "document number AB1 of DZA is listed as stolen, reported 2024-05-01"


def test_another_language_words_the_codes_and_keeps_the_data():
    words = {"listed as {status}": "signalé comme {status}", "stolen": "volé",
             "document number {number} of {state} is {listed}":
             "le document numéro {number} de {state} est {listed}"}
    r = Reason("document", number="AB1", state="DZA",
               listed=Reason("listed", status=Reason("status-stolen")))
    assert r.words(lambda t: words.get(t, t), lambda v: f"[{v}]") == \
        "le document numéro [AB1] de [DZA] est signalé comme volé"


def test_an_unknown_code_is_refused():
    with pytest.raises(KeyError):
        Reason("no-such-reason")


def test_reasons_from_a_log_entry_with_or_without_codes():
    r = Reason("nationality-differs", nationality="DZA")
    assert reasons_of([r.as_json()], [str(r)])[0].code == "nationality-differs"
    assert reasons_of(None, ["name similar"]) == ["name similar"]
    assert reasons_of([{"code": "gone-since"}], ["old words"]) == ["old words"]


def test_a_match_carries_the_codes_beside_the_words():
    from borderdesk.watchlist.match import Level, Match
    m = Match("person", "L", "P1", 0.95, Level.HIT, (Reason("birth-exact"),))
    out = m.as_json()
    assert out["reasons"] == ["birth date matches"]
    assert out["reason_codes"] == [{"code": "birth-exact"}]
