"""Helpers behind ``./eboc``: locate Odoo, run PostgreSQL, run the checks.

Standard library only: these modules must run with a bare ``python3``.
"""
