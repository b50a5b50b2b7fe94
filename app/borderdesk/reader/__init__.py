"""Turning the world into MRZ text: images, camera frames and document scanners."""

from .ocr import (DEFAULT_ENGINE, ENGINE_NAMES, EngineError, ImageError, engine, read_frame,
                  read_image)
from .reading import Reading

__all__ = ["DEFAULT_ENGINE", "ENGINE_NAMES", "EngineError", "ImageError", "Reading", "engine",
           "read_frame", "read_image"]
