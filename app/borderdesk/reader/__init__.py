"""Turning the world into MRZ text: images, camera frames and document scanners."""
