"""Outlet profiles: the data file's validity and finding an article's outlet."""

from __future__ import annotations

import pytest

from duizhao.core.ingest import (
    KINDS,
    REGIONS,
    OutletDataError,
    find_outlet,
    outlet_by_key,
    outlet_profiles,
)
from duizhao.core.ingest.outlets import load_profiles, normalise_name
from duizhao.core.resources import read_text


def _key(source: str | None = None, url: str | None = None) -> str | None:
    match = find_outlet(source, url)
    return match.outlet.key if match else None


# -- the data file ------------------------------------------------------------------


def test_data_file_is_valid_and_large_enough() -> None:
    outlets = outlet_profiles()
    assert len(outlets) >= 80
    keys = [o.key for o in outlets]
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys)
    assert {o.region for o in outlets} == set(REGIONS)
    assert {o.kind for o in outlets} <= set(KINDS)


def test_no_domain_or_name_claimed_twice() -> None:
    domains = [d for o in outlet_profiles() for d in o.domains]
    assert len(domains) == len(set(domains))
    owners: dict[str, str] = {}
    for outlet in outlet_profiles():
        for name in outlet.names:
            assert owners.setdefault(normalise_name(name), outlet.key) == outlet.key, name


def test_every_region_has_outlets_of_its_own() -> None:
    for region in REGIONS:
        assert sum(o.region == region for o in outlet_profiles()) >= 4, region


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("- key: a\n  names: [x]\n  domains: [a.com]\n  region: mars\n  kind: wire\n", "region"),
        ("- key: a\n  names: [x]\n  domains: [a.com]\n  region: taiwan\n  kind: blog\n", "kind"),
        ("- key: a\n  names: [x]\n  region: taiwan\n  kind: wire\n", "domains"),
        ("- key: A B\n  names: [x]\n  domains: [a.com]\n  region: taiwan\n  kind: wire\n", "key"),
        ("- {key: a, names: [x], domains: ['not a domain'], region: taiwan, kind: wire}", "domain"),
        (
            "- {key: a, names: [x], domains: [a.com], region: taiwan, kind: wire}\n"
            "- {key: b, names: [y], domains: [a.com], region: taiwan, kind: wire}\n",
            "also claimed by a",
        ),
        (
            "- {key: a, names: [甲報], domains: [a.com], region: taiwan, kind: wire}\n"
            "- {key: b, names: [甲报], domains: [b.com], region: taiwan, kind: wire}\n",
            "also claimed by a",
        ),
        (
            "- {key: a, names: [x], domains: [a.com], region: taiwan, kind: wire}\n"
            "- {key: a, names: [y], domains: [b.com], region: taiwan, kind: wire}\n",
            "key used twice",
        ),
        ("- key: [unclosed\n", "not valid YAML"),
        ("just text\n", "non-empty list"),
    ],
)
def test_a_broken_data_file_is_one_clear_line(text: str, fault: str) -> None:
    with pytest.raises(OutletDataError) as info:
        load_profiles(text)
    message = str(info.value)
    assert fault in message
    assert "\n" not in message
    assert message.startswith("outlets/outlets.yaml: ")


def test_the_shipped_file_loads_with_the_same_checks() -> None:
    assert len(load_profiles(read_text("outlets/outlets.yaml")).outlets) == len(outlet_profiles())


# -- finding the outlet -------------------------------------------------------------


def test_domain_and_subdomain() -> None:
    match = find_outlet(url="https://udn.com/news/story/1/2")
    assert match is not None
    assert (match.outlet.key, match.how, match.relayed_by) == ("udn", "domain", None)
    assert _key(url="https://www.hk01.com/x") == "hk01"
    assert _key(url="http://news.sina.com.cn/c/2025-01-01/doc.shtml") == "sina"
    assert _key(url="HTTPS://WWW.RTHK.HK/a") == "rthk"


def test_the_longest_domain_wins_and_paths_tell_editions_apart() -> None:
    assert _key(url="https://mp.weixin.qq.com/s/abc") == "wechat-official-accounts"
    assert _key(url="https://news.qq.com/rain/a/1") == "tencent-news"
    assert _key(url="https://today.line.me/hk/v2/article/x") == "line-today-hongkong"
    assert _key(url="https://today.line.me/tw/v2/article/x") == "line-today-taiwan"
    assert _key(url="https://www.bbc.com/zhongwen/simp/world-1") == "bbc-chinese"
    assert _key(url="https://www.bbc.com/sport/x") is None


def test_a_domain_is_not_a_suffix_of_another_word() -> None:
    # china.com (a portal) must not claim china.com.cn (another outlet) or notchina.com
    assert _key(url="http://www.china.com.cn/a") == "china-net"
    assert _key(url="http://notchina.com/a") is None


def test_names_in_both_scripts() -> None:
    assert _key("中央通訊社") == "cna"
    assert _key("中央通讯社") == "cna"
    assert _key("本報訊 自由時報") == "liberty-times"
    assert _key("自由时报") == "liberty-times"
    assert _key("来源：新華社") == "xinhua"
    assert _key("澳门日报") == "macao-daily"
    assert outlet_by_key("cna") is not None
    assert outlet_by_key("cna").name == "中央社"  # type: ignore[union-attr]


def test_one_typo_in_a_long_name() -> None:
    match = find_outlet("中央通迅社")  # 訊 mistyped as 迅
    assert match is not None
    assert (match.outlet.key, match.how) == ("cna", "fuzzy")
    assert _key("聯合新聞") == "udn"  # one character missing from 聯合新聞網
    assert _key("中央通通訊社") == "cna"  # one added
    # Short names do not get that tolerance: 上報 and 明報 are two characters
    assert _key("上版") is None
    assert _key("明晚") is None


def test_latin_names_stand_as_words() -> None:
    assert _key("APEC 峰會特稿") is None
    assert _key("AP 美聯社") == "ap"
    assert _key("報導：Reuters") == "reuters"
    assert _key("reuters") == "reuters"


def test_a_portal_relays_and_the_publisher_stays() -> None:
    match = find_outlet("中央社（記者）", "https://tw.news.yahoo.com/some-story.html")
    assert match is not None
    assert match.outlet.key == "cna"
    assert match.relayed_by is not None
    assert match.relayed_by.key == "yahoo-taiwan"
    # the portal named in the source line rather than in the URL
    match = find_outlet("法新社（經由 Yahoo新聞香港）")
    assert match is not None
    assert (match.outlet.key, match.relayed_by.key if match.relayed_by else None) == (
        "afp",
        "yahoo-hongkong",
    )


def test_a_wire_inside_the_source_line_does_not_take_the_article() -> None:
    match = find_outlet("ETtoday新聞雲（綜合BBC報導）", "https://www.ettoday.net/news/1.htm")
    assert match is not None
    assert (match.outlet.key, match.relayed_by) == ("ettoday", None)
    assert _key("香港01 轉引路透社、共同社") == "hk01"


def test_a_portal_alone_is_the_outlet() -> None:
    match = find_outlet(url="https://www.sohu.com/a/1")
    assert match is not None
    assert (match.outlet.key, match.relayed_by) == ("sohu", None)
    assert _key("網易號") == "netease"


def test_unknown_is_none() -> None:
    assert find_outlet() is None
    assert find_outlet("", "") is None
    assert find_outlet("某某週報", "https://example.org/a") is None
    assert find_outlet(url="not a url at all") is None
    assert find_outlet(url="http://[broken") is None


def test_same_answer_whatever_the_order_of_names() -> None:
    first = find_outlet("路透社、美聯社")
    assert first is not None
    assert first.outlet.key == "reuters"
    assert _key("美聯社、路透社") == "ap"
