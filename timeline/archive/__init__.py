"""The archive-wide stages: who is who across articles (identity) and each official's event graph."""
