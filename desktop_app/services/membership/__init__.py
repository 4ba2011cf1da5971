"""Memberships: the directory and verdicts, staff decisions, member-list imports."""
