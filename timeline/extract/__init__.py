"""What one article says: its officials (names, roles, coreference, roster), places, and event claims
with their participants, destination, date and modality. Pure functions of one Article."""
