from datetime import date

import pytest

TODAY = date(2026, 11, 23)


@pytest.fixture
def today():
    return TODAY
