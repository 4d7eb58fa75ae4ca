"""Extractors: plain functions over a parsed Doc, one module each."""
