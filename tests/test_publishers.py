"""Coverage of the publisher registry (fundus's rule): every publisher has a fixture, its domains route
to its profile, its sources parse (from the local copy in ``tests/fixtures/copies/``), its alarm
floors are set. Adding a publisher without these fails here. Also: the hand-reviewed facts of every
fixture (``reviewed``, and ``known_errors`` as strict xfails; see :mod:`extractors.reviewed`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler.sitemaps import parse_feed, parse_sitemap
from crawler.urls import is_on_domains
from extractors.cli import main
from extractors.fixtures import Fixture, discover
from extractors.page import ArticlePage
from extractors.publishers import AGGREGATOR_FLOORS, Publisher, PublisherError, Source
from extractors.registry import all_publishers, collect, page_class_for, publisher_for, registry, select_publishers
from extractors.reviewed import CHECKS, failure

ROOT = Path(__file__).parent / "fixtures"
COPIES = ROOT / "copies"
NOT_PUBLISHERS = {"portal", "copies"}  # the vietnam_vn spider's portal copy, the publishers' local copy
PUBLISHERS = all_publishers()
FIXTURES = [fixture for fixture in discover(ROOT) if fixture.site not in NOT_PUBLISHERS]
ALIASES = json.loads((COPIES / "aliases.json").read_text("utf-8"))


def _names(items: list[Publisher]) -> list[str]:
    return [publisher.name for publisher in items]


def fixtures_of(publisher: Publisher) -> list[Fixture]:
    return [fixture for fixture in FIXTURES if fixture.site == publisher.name]


def copy_path(url: str) -> Path:
    parts = urlsplit(url)
    return COPIES / (parts.hostname or "") / parts.path.lstrip("/")


# ----- the registry as a whole -----------------------------------------------------------------------

def test_at_least_15_vietnamese_publishers_with_sources() -> None:
    vietnamese = select_publishers("vn")
    assert len(vietnamese) >= 15
    assert all(publisher.sources for publisher in vietnamese)
    assert {"vietnam_vn", "baomoi", "baoquocte", "vnexpress", "tuoitre", "thanhnien", "dantri", "vietnamnet", "nld",
            "znews", "vtv", "vov", "nhandan", "laodong", "tienphong", "vietnamplus", "baochinhphu", "cafef", "kenh14",
            "qdnd", "sggp"} <= set(_names(vietnamese))


def test_english_editions_name_their_paper() -> None:
    editions = {publisher.name: publisher.edition_of for publisher in PUBLISHERS if publisher.edition_of}
    assert {"vnexpress_en": "vnexpress", "tuoitrenews": "tuoitre", "vietnamplus_en": "vietnamplus"}.items() <= editions.items()
    assert all(select_publishers(paper) for paper in editions.values())
    assert all(publisher.language == "en" for publisher in PUBLISHERS if publisher.edition_of)


def test_aggregators() -> None:
    assert {p.name for p in PUBLISHERS if p.aggregator} == {"vietnam_vn", "baomoi"}


def test_every_fixture_directory_is_a_publisher() -> None:
    directories = {path.name for path in ROOT.iterdir() if path.is_dir()} - NOT_PUBLISHERS
    assert directories <= set(_names(PUBLISHERS)), "fixtures of no publisher: name the directory after one"


@pytest.mark.parametrize(("spec", "names"), [
    ("vnexpress", ["vnexpress"]), ("vnexpress,vtv", ["vnexpress", "vtv"]), (" vtv , vtv ", ["vtv"]),
])
def test_select(spec: str, names: list[str]) -> None:
    assert _names(select_publishers(spec)) == names


@pytest.mark.parametrize("spec", ["nosuchpaper", "vnexpress,nosuchpaper", ",", "xx"])
def test_select_unknown_is_an_error(spec: str) -> None:
    with pytest.raises(KeyError):
        select_publishers(spec)


def test_routing_picks_the_most_specific_domain() -> None:
    assert publisher_for("https://e.vnexpress.net/news/x-1.html").name == "vnexpress_en"
    assert publisher_for("https://vnexpress.net/x-1.html").name == "vnexpress"
    assert publisher_for("https://en.vietnamplus.vn/x-post1.vnp").name == "vietnamplus_en"
    assert publisher_for("https://www.vietnamplus.vn/x-post1.vnp").name == "vietnamplus"
    assert publisher_for("https://vcdn.vietnam.vn/x").name == "vietnam_vn"
    assert publisher_for("https://notvnexpress.net/x") is None
    assert page_class_for("https://example.com/x") is ArticlePage


@pytest.mark.parametrize(("build", "message"), [
    (lambda: Publisher("Bad Name", "x", ("x.vn",), ("vi",), "vn", (), {}), "name"),
    (lambda: Publisher("x", "x", ("www.x.vn",), ("vi",), "vn", (), {}), "domains"),
    (lambda: Publisher("x", "x", ("x.vn",), ("vie",), "vn", (), {}), "languages"),
    (lambda: Publisher("x", "x", ("x.vn",), ("vi",), "vn", (), {"nosuchfield": 0.5}), "unknown fields"),
    (lambda: Publisher("x", "x", ("x.vn",), ("vi",), "vn", (), {"headline": 1.5}), "outside"),
    (lambda: Publisher("x", "x", ("x.vn",), ("vi",), "vn", (), {"headline": 0.9}, aggregator=True), "aggregator"),
    (lambda: Source("x.vn/rss", "feed"), "absolute"),
    (lambda: Source("https://x.vn/rss", "atom"), "kind"),
])
def test_a_wrong_publisher_is_refused(build, message: str) -> None:
    with pytest.raises(PublisherError, match=message):
        build()


def _module(name: str, **values: object) -> ModuleType:
    module = ModuleType(name)
    vars(module).update(values)
    return module


def test_a_name_or_domain_claimed_twice_is_refused() -> None:
    one = Publisher("one", "One", ("one.vn",), ("vi",), "vn", (), {"headline": 0.9})
    other = Publisher("other", "Other", ("one.vn",), ("vi",), "vn", (), {"headline": 0.9})
    again = Publisher("one", "One again", ("two.vn",), ("vi",), "vn", (), {"headline": 0.9})
    assert collect([_module("a", P=one), _module("b", P=one)]).modules == {"one": "a"}  # imported elsewhere: once
    with pytest.raises(PublisherError, match="domain one.vn claimed by one and other"):
        collect([_module("a", P=one), _module("b", P=other)])
    with pytest.raises(PublisherError, match="defined twice: a, b"):
        collect([_module("a", P=one), _module("b", P=again)])


def test_every_publisher_module_defines_one() -> None:
    """A module under extractors/publishers/<country>/ without a Publisher would be a silent no-op."""
    country_packages = {name.rsplit(".", 1)[0] for name in registry().modules.values()}
    for package in country_packages:
        folder = Path(__file__).parent.parent / package.replace(".", "/")
        modules = {f"{package}.{path.stem}" for path in folder.glob("*.py") if path.stem != "__init__"}
        assert modules <= set(registry().modules.values()), modules - set(registry().modules.values())


def test_cli_lists_the_publishers_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publishers", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["name"] for item in listed] == _names(PUBLISHERS)
    for item in listed:
        assert {"name", "domains", "language", "sources", "profile"} <= set(item)
        assert item["sources"] and all({"url", "kind", "timezone"} <= set(source) for source in item["sources"])
    assert next(item for item in listed if item["name"] == "vnexpress")["profile"] == "vnexpress"
    assert next(item for item in listed if item["name"] == "cafef")["profile"] == "cafef"
    assert next(item for item in listed if item["name"] == "nld")["profile"] == "vccorp_cms"
    assert next(item for item in listed if item["name"] == "kenh14")["profile"] == "generic"


def test_cli_lists_the_publishers_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publishers"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^vietnam_vn\s+vn\s+vi/en/ko\s+vietnam_vn\s.*aggregator$", out, re.MULTILINE)
    assert f"{len(PUBLISHERS)} publishers" in out


def test_record_refuses_a_url_of_another_publisher(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>x</h1></body></html>", encoding="utf-8")
    code = main(["record", "https://vtv.vn/x-1.htm", "--publisher", "vnexpress", "--from-file", str(page),
                 "--fixtures", str(tmp_path)])
    assert code == 2
    assert "belongs to vtv" in capsys.readouterr().err
    assert not (tmp_path / "vnexpress").exists()


def test_record_from_a_saved_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = next(f for f in FIXTURES if f.site == "tienphong")
    page = tmp_path / "saved.html"
    page.write_text(source.html(), encoding="utf-8")
    code = main(["record", source.url, "--publisher", "tienphong", "--from-file", str(page), "--name", "t",
                 "--fetched-at", "2026-07-17T00:00:00+00:00", "--fixtures", str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    recorded = Fixture("tienphong", "t", tmp_path / "tienphong")
    assert recorded.meta["capture"] == "real" and recorded.meta["reviewed"] == {}
    assert recorded.expected()["headline"] == source.expected()["headline"]  # type: ignore[index]


# ----- every publisher -------------------------------------------------------------------------------

@pytest.mark.parametrize("publisher", PUBLISHERS, ids=_names(PUBLISHERS))
def test_has_a_fixture(publisher: Publisher) -> None:
    found = fixtures_of(publisher)
    assert found, f"add a fixture: python -m extractors record URL --publisher {publisher.name}"
    assert all(fixture.meta.get("reviewed") or fixture.meta.get("known_errors") for fixture in found), \
        "write down what was checked by hand: reviewed / known_errors in the meta"


@pytest.mark.parametrize("publisher", PUBLISHERS, ids=_names(PUBLISHERS))
def test_its_fixtures_route_to_it(publisher: Publisher) -> None:
    for fixture in fixtures_of(publisher):
        assert publisher_for(fixture.url) is publisher, fixture.id
        expected = fixture.expected()
        if expected is not None:
            assert expected["metadata"]["extractor"].startswith(f"{publisher.profile_name}@"), fixture.id


@pytest.mark.parametrize("publisher", PUBLISHERS, ids=_names(PUBLISHERS))
def test_its_domains_route_to_its_profile(publisher: Publisher) -> None:
    profile = publisher.profile or ArticlePage
    for domain in publisher.domains:
        for host in (domain, f"www.{domain}"):
            assert publisher_for(f"https://{host}/some-article-1.html") is publisher
            assert page_class_for(f"https://{host}/some-article-1.html") is profile


@pytest.mark.parametrize("publisher", PUBLISHERS, ids=_names(PUBLISHERS))
def test_its_sources_parse_from_the_local_copy(publisher: Publisher) -> None:
    """Each source, and each sitemap a robots.txt or an index names, is in the copy and parses; what they
    list is on the publisher's domains and served by the copy."""
    listed: list[str] = []
    for source in publisher.sources:
        assert is_on_domains(source.url, list(publisher.domains)), source.url
        path = copy_path(source.url)
        assert path.is_file(), f"no local copy of {source.url} at {path}"
        body = path.read_bytes()
        assert b"RECONSTRUCTION" in body[:600], f"{path}: say it is a reconstruction"
        if source.kind == "feed":
            listed += [entry.loc for entry in parse_feed(body)]
            continue
        pending = list(sitemap_urls_from_robots(body, base_url=source.url)) if source.kind == "robots" else [source.url]
        assert pending, f"{path} names no sitemap"
        while pending:
            sitemap = parse_sitemap(copy_path(pending.pop()).read_bytes())
            if sitemap.kind == "sitemapindex":
                pending += [e.loc for e in sitemap.entries if not source.follow or re.search(source.follow, e.loc)]
            else:
                listed += [entry.loc for entry in sitemap.entries]
    assert listed, "the sources list no article"
    assert all(is_on_domains(url, list(publisher.domains)) for url in listed)
    for url in listed:
        assert f"/{urlsplit(url).hostname}{urlsplit(url).path}" in ALIASES, f"the copy does not serve {url}"


@pytest.mark.parametrize("publisher", PUBLISHERS, ids=_names(PUBLISHERS))
def test_its_alarm_floors_are_set(publisher: Publisher) -> None:
    floors = publisher.alarm_floors
    assert {"headline", "articleBody", "datePublished"} <= set(floors)
    assert all(0.5 <= rate <= 1.0 for rate in floors.values())
    if publisher.aggregator:
        assert floors["sourceOrganization"] >= AGGREGATOR_FLOORS["sourceOrganization"]


@pytest.mark.parametrize("publisher", PUBLISHERS, ids=_names(PUBLISHERS))
def test_generic_is_a_measured_choice(publisher: Publisher) -> None:
    if publisher.profile is None:
        assert len(publisher.generic_checked) > 40, "say on which page, and how, generic was found enough (or not)"


# ----- hand-reviewed facts of every fixture -----------------------------------------------------------

REVIEWED = [(f, check, value) for f in FIXTURES for check, value in f.meta.get("reviewed", {}).items()]
KNOWN = [(f, check, fact) for f in FIXTURES for check, fact in f.meta.get("known_errors", {}).items()]


def _current(fixture: Fixture) -> dict | None:
    return fixture.current()


@pytest.mark.parametrize(("fixture", "check", "value"), REVIEWED, ids=[f"{f.id}:{c}" for f, c, _ in REVIEWED])
def test_reviewed_fact(fixture: Fixture, check: str, value: object) -> None:
    assert failure(_current(fixture), check, value) is None


@pytest.mark.parametrize(("fixture", "check", "fact"), [
    pytest.param(f, c, fact, marks=pytest.mark.xfail(strict=True, reason=fact.get("why", ""))) for f, c, fact in KNOWN
], ids=[f"{f.id}:{c}" for f, c, _ in KNOWN])
def test_known_error_is_still_there(fixture: Fixture, check: str, fact: dict) -> None:
    """Fails (xfail) while the extractor misses the fact; passes (XPASS, strict: a failure) once it is fixed."""
    assert failure(_current(fixture), check, fact["expected"]) is None


def test_known_errors_say_why() -> None:
    assert all(set(fact) == {"expected", "why"} and len(fact["why"]) > 20 for _, _, fact in KNOWN)
    assert all(check in CHECKS for _, check, _ in [*REVIEWED, *KNOWN])


def test_real_fixtures_say_where_they_come_from() -> None:
    for fixture in FIXTURES:
        if fixture.meta["capture"] == "real":
            assert fixture.meta.get("based_on"), fixture.id
