"""The application core, without Qt: the wiring of the parts behind both faces."""
