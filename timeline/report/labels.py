"""Words the renderers print around findings, in Indonesian and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "error": {"id": "kesalahan", "en": "error"},
    "warning": {"id": "peringatan", "en": "warning"},
    "info": {"id": "info", "en": "info"},
    "errors": {"id": "kesalahan", "en": "errors"},
    "warnings": {"id": "peringatan", "en": "warnings"},
    "infos": {"id": "info", "en": "info"},
    "no_official": {"id": "Tanpa pejabat", "en": "No official"},
    "published": {"id": "terbit", "en": "published"},
    "unknown_date": {"id": "tanggal terbit tidak diketahui", "en": "publication date unknown"},
    "companions": {"id": "bersama", "en": "with"},
    "articles_read": {"id": "artikel dibaca", "en": "articles read"},
    "files_skipped": {"id": "berkas dilewati", "en": "files skipped"},
    "skipped": {"id": "Dilewati", "en": "Skipped"},
    "suppressed": {"id": "diterima baseline", "en": "accepted by the baseline"},
    "stale": {
        "id": "entri baseline tidak lagi cocok dengan temuan apa pun",
        "en": "baseline entries no longer match any finding",
    },
    "no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "also": {"id": "klaim lain", "en": "other claim"},
    "more": {
        "id": "{count} temuan {severity} lainnya tidak ditampilkan sebagai anotasi; lihat laporan lengkap (--format text atau json).",
        "en": "{count} more {severity} findings are not shown as annotations; see the full report (--format text or json).",
    },
    "examples_hint": {"id": "`timeline rules {name}` menampilkan contohnya.", "en": "`timeline rules {name}` shows examples."},
    "accepted_justification": {"id": "diterima dalam baseline", "en": "accepted in baseline"},
}


def label(key: str, lang: str) -> str:
    """A label in `lang`, English when the language is unknown."""
    entry = LABELS[key]
    return entry.get(lang) or entry["en"]
