"""Running the house: events, staff, audit, backups, server checks."""
