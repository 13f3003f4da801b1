"""Importers: each turns one outside format into Terms plus a report of what it did."""
