"""borderdesk: the desk application at passport control.

Reads the machine readable zone of a travel document, checks the document and
screens it and its holder against an offline copy of the watchlists.
The layers and the rule between them are described in DESIGN.md; the
import-linter contracts in pyproject.toml enforce them.
"""

__version__ = "0.1.0"
