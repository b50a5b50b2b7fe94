"""GUI tests: the real desk window, offscreen, with real users, workers and files."""

import pytest
from borderdesk.desk.config import Config
from borderdesk.desk.start import StartOptions
from borderdesk.desk.users import Role, UserStore
from borderdesk.mrz.compose import compose

OFFICER = ("O1001", "111111")
SUPERVISOR = ("S2001", "222222")
OTHER_OFFICER = ("O1002", "333333")



def mrz(surname="Benali", given_names="Karima", number="124578963", state="DZA",
        birth="880317", sex="F", expiry="310922", fmt="TD3", code="P"):
    return "\n".join(compose(fmt, document_code=code, issuing_state=state, surname=surname,
                             given_names=given_names, document_number=number,
                             nationality=state, birth_date=birth, sex=sex, expiry_date=expiry))


TD3_CLEAR = mrz()


@pytest.fixture
def desk_config(data_dir):
    # No camera on a test machine; and no keyboard wedge, because pytest-qt types at
    # machine speed, as a wedge scanner does (tests/gui/test_readers.py turns it on).
    (data_dir / "config.toml").write_text(
        '[desk]\ndesk_id = "TEST-07"\ncheckpoint = "Test crossing"\n'
        '[users]\nhash_cost_log2 = 10\n[ui]\nsound = false\nclear_seconds = 0.3\n'
        '[camera]\ndevice = ""\n[scanner]\nwedge = false\n')
    config = Config.load()
    users = UserStore(config)
    users.add(*OFFICER, Role.OFFICER, "Amina Haddad")
    users.add(*SUPERVISOR, Role.SUPERVISOR, "Karim Benali")
    users.add(*OTHER_OFFICER, Role.OFFICER, "Youssef Amrani")
    return config


@pytest.fixture
def make_window(qtbot, desk_config):
    from borderdesk.ui.app import build
    made = []

    def make(config=None, **options):
        window = build(config or Config.load(), StartOptions(**options))
        qtbot.addWidget(window)
        window.show_for_mode()
        made.append(window)
        return window
    yield make
    for window in made:
        window.languages.install("en")  # the language is the application's: put it back
        window.controller.runner.shutdown()
        window._may_close = True
        window.close()


@pytest.fixture
def window(make_window):
    return make_window(kiosk=False, language="en")


def sign_in(qtbot, window, badge=OFFICER[0], secret=OFFICER[1]):
    form = window.sign_in.form
    qtbot.keyClicks(form.badge, badge)
    qtbot.keyClicks(form.secret, secret)
    with qtbot.waitSignal(window.controller.signed_in, timeout=5000):
        qtbot.keyClick(form.secret, "\r")
    assert window.current_screen() is window.check


def submit(qtbot, window, text, source="scanner"):
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
        assert window.controller.submit(text, source)
    return blocker.args[0]


def plain(widget_or_text):
    """A label's text without the invisible bidi isolates put around values."""
    text = widget_or_text if isinstance(widget_or_text, str) else widget_or_text.text()
    return text.replace("\u2068", "").replace("\u2069", "")


@pytest.fixture
def demo_lists(desk_config):
    """The demo lists as a real signed bundle, built and imported into this test's desk."""
    from borderdesk.desk import demo
    demo.refresh_lists(desk_config)
    return demo.samples()
