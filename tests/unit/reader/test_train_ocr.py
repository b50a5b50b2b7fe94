"""The training script's calibration: the temperature that makes the probabilities honest."""

import numpy as np
import train_ocr


def _calibrated(rng, n=6000):
    z = rng.normal(0, 2.5, (n, 37))
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    y = np.array([rng.choice(37, p=row) for row in p])  # the truth drawn from the probabilities
    return z, y


def test_the_temperature_undoes_an_overconfident_network():
    rng = np.random.default_rng(9303)
    z, y = _calibrated(rng)
    assert 0.85 < train_ocr.temperature(z, y) < 1.15  # honest already
    assert 2.6 < train_ocr.temperature(3 * z, y) < 3.4  # three times too sure
    assert 0.4 < train_ocr.temperature(z / 2, y) < 0.6  # too unsure
