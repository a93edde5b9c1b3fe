"""The day an article's address carries, and when it is the publication day (ingest/published.url_date)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from timeline.ingest import parse_article
from timeline.ingest.published import url_date

URLS = [
    ("http://www.suara.com/news/2016/11/15/183105/polisi-amankan-ratusan-orang", date(2016, 11, 15)),
    ("https://www.cnnindonesia.com/nasional/20180211074132-12-275347/mencuri-sekarung-jengkol", date(2018, 2, 11)),
    ("http://poskotanews.com/2017/12/23/kalahkan-real-madrid-3-0/", date(2017, 12, 23)),
    ("http://m.goal.com/s/id-ID/news/1391/liga/2017/01/22/31820522/arema-fc-rekrut-kiper", date(2017, 1, 22)),
    ("https://kumparan.com/rini-friastuti/stasiun-senen-sudah-berangkatkan-27-058-pemudik", None),
    ("http://www.antaranews.com/berita/590175/4562-personel-gabungan-amankan-peparnas-xv", None),
    ("https://contoh.id/arsip/2017/13/40/bukan-tanggal", None),  # no such month: not a date
    ("https://contoh.id/berita/20170230-banjir", None),  # 30 February
    ("", None),
]


@pytest.mark.parametrize("url,expected", URLS, ids=[u[:50] or "empty" for u, _ in URLS])
def test_the_day_in_an_address(url, expected):
    assert url_date(url) == expected


LEDE = "Wali Kota Makassar meninjau banjir di Manggala, kemarin. Ia meminta warga waspada."


@pytest.mark.parametrize(
    "record,published,source",
    [
        # a crawl stamped two days later: the address keeps the first day, and "kemarin" counts from it
        ({"url": "http://www.suara.com/news/2016/11/15/1/banjir", "published": "2016-11-17"}, date(2016, 11, 15), "url"),
        # the metadata day is the same or earlier: the metadata stays
        ({"url": "http://www.suara.com/news/2016/11/15/1/banjir", "published": "2016-11-15"}, date(2016, 11, 15), "metadata"),
        ({"url": "http://www.suara.com/news/2016/11/15/1/banjir", "published": "2016-11-14"}, date(2016, 11, 14), "metadata"),
        # no metadata day and no dateline: the address dates the article
        ({"url": "https://www.cnnindonesia.com/nasional/20180211074132-12-1/banjir"}, date(2018, 2, 11), "url"),
        # an address without a day changes nothing
        ({"url": "https://kumparan.com/x/banjir-makassar", "published": "2016-11-17"}, date(2016, 11, 17), "metadata"),
    ],
)
def test_an_earlier_day_in_the_address_is_the_publication_day(record, published, source):
    data = json.dumps({"title": "Banjir", "text": LEDE, **record}).encode()
    (article,), problems = parse_article("berita.json", data)
    assert not problems
    assert (article.published, article.published_source) == (published, source)
