"""Exporters: one small module per output format behind one registry."""
