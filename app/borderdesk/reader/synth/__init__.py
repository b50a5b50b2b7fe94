"""Synthetic pictures of travel documents, for the OCR engine's training and its tests.

* :mod:`.identities` — random documents with valid MRZs (:func:`random_document`);
* :mod:`.page` — a document's page drawn flat, the MRZ in OCR-B;
* :mod:`.scene` — the page photographed on a desk (:func:`photograph`) or scanned
  (:func:`flat_scan`), with the degradations of a camera.

numpy, OpenCV and Pillow only; deterministic from a ``random.Random``.
"""
