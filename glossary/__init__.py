"""glossary: a bilingual Chinese-English term base and term lookup."""

__version__ = "0.1.0"
