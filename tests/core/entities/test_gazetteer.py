"""The entity gazetteer: the data in resources/gazetteer and its loader.

The data checks hold for every entry, so a new entry that breaks a rule (an
alias another entity already has, a one-character alias, a Traditional
canonical name) fails here with its id.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from duizhao.core.entities import Gazetteer, GazetteerError, default_gazetteer
from duizhao.core.entities.gazetteer import (
    ENTITY_TYPES,
    RESOURCE_DIR,
    Entry,
    lookup_forms,
    normalise,
    parse_entries,
)
from duizhao.core.resources import read_text, resource_path
from duizhao.core.text import convert


def _files() -> list[str]:
    paths = sorted(resource_path(RESOURCE_DIR).glob("*.yaml"))
    return [f"{RESOURCE_DIR}/{path.name}" for path in paths]


FILES = _files()
RAW: dict[str, list[Entry]] = {name: parse_entries(read_text(name), name) for name in FILES}
ENTRIES = [entry for entries in RAW.values() for entry in entries]
GAZETTEER = Gazetteer.load()
#: OpenCC views of the surfaces the reader and an article may show.
VIEW_CONFIGS = ("t2s", "s2t", "s2tw", "s2twp", "s2hk", "tw2sp", "tw2s", "t2tw", "t2hk", "hk2s")


def _is_cjk(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


# -- the data ---------------------------------------------------------------------


def test_the_default_gazetteer_holds_every_file() -> None:
    for name in ("people", "places", "organisations"):
        assert f"gazetteer/{name}.yaml" in FILES
    assert len(GAZETTEER) == len(ENTRIES)
    assert default_gazetteer() is default_gazetteer()
    assert len(default_gazetteer()) == len(GAZETTEER)


def test_at_least_300_entries_of_every_type() -> None:
    counts = Counter(entry.type for entry in GAZETTEER)
    print(f"gazetteer: {len(GAZETTEER)} entries {dict(counts)}, {len(GAZETTEER.aliases())} names")
    assert len(GAZETTEER) >= 300
    assert set(counts) == set(ENTITY_TYPES)
    assert all(count >= 90 for count in counts.values()), counts


def test_every_type_is_valid() -> None:
    assert ENTITY_TYPES == ("PERSON", "PLACE", "ORG")
    bad = [entry.id for entry in ENTRIES if entry.type not in ENTITY_TYPES]
    assert not bad


def test_ids_are_unique_ascii_slugs() -> None:
    ids = [entry.id for entry in ENTRIES]
    duplicates = [entry_id for entry_id, count in Counter(ids).items() if count > 1]
    assert not duplicates
    bad = [entry_id for entry_id in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry_id)]
    assert not bad


def test_canonical_names_are_simplified() -> None:
    bad = [(e.id, e.name) for e in ENTRIES if convert(e.name, "t2s") != e.name]
    assert not bad


def test_every_alias_belongs_to_exactly_one_entry() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for entry in ENTRIES:
        for surface in entry.surfaces:
            for form in lookup_forms(surface):
                owners[form].add(entry.id)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert not shared
    assert GAZETTEER.aliases() == {form: ids.pop() for form, ids in owners.items()}


def test_every_name_finds_its_own_entry() -> None:
    wrong = [
        (entry.id, surface)
        for entry in ENTRIES
        for surface in entry.surfaces
        if GAZETTEER.lookup(surface) != entry
    ]
    assert not wrong


def test_every_name_in_every_script_view_finds_its_own_entry() -> None:
    """A name converted as the reader converts articles (Simplified,
    Traditional, Taiwan, Hong Kong, and back) still finds the same entry."""
    wrong = []
    for config in VIEW_CONFIGS:
        surfaces = [(entry, surface) for entry in ENTRIES for surface in entry.surfaces]
        converted = convert("\n".join(s for _, s in surfaces), config).split("\n")
        assert len(converted) == len(surfaces)
        for (entry, surface), text in zip(surfaces, converted, strict=True):
            found = GAZETTEER.lookup(text)
            if found != entry:
                wrong.append((config, entry.id, surface, text, found and found.id))
    assert not wrong


def test_no_alias_is_one_cjk_character_or_too_short() -> None:
    bad = [
        (entry.id, surface)
        for entry in ENTRIES
        for surface in entry.surfaces
        if len(surface.strip()) < 2 or len(normalise(surface)) < 2
    ]
    assert not bad
    singles = [s for e in ENTRIES for s in e.surfaces if len(s) == 1 and _is_cjk(s)]
    assert not singles


def test_no_alias_is_a_bare_country_character() -> None:
    """中 and 美 alone (and their like) are abbreviations, never entity names."""
    for char in ("中", "美", "日", "韩", "俄", "台", "港", "英", "法", "德"):
        assert GAZETTEER.lookup(char) is None


@pytest.mark.parametrize(
    ("surface", "entry_id"),
    [
        ("特朗普", "donald-trump"),
        ("川普", "donald-trump"),
        ("Donald Trump", "donald-trump"),
        ("唐納德·川普", "donald-trump"),
        ("唐纳德・特朗普", "donald-trump"),  # katakana middle dot
        ("唐纳德‧特朗普", "donald-trump"),  # Taiwan hyphenation point
        ("唐纳德•特朗普", "donald-trump"),  # bullet
        ("唐纳德特朗普", "donald-trump"),
        ("  TRUMP ", "donald-trump"),
        ("ＴＲＵＭＰ", "donald-trump"),
        ("普京", "putin"),
        ("普丁", "putin"),
        ("蒲亭", "putin"),
        ("馬克宏", "emmanuel-macron"),
        ("马克龙", "emmanuel-macron"),
        ("默茨", "friedrich-merz"),
        ("梅爾茨", "friedrich-merz"),
        ("施凱爾", "keir-starmer"),
        ("高市早苗", "takaichi-sanae"),
        ("李在明", "lee-jae-myung"),
        ("Lee Jae Myung", "lee-jae-myung"),
        ("金正恩", "kim-jong-un"),
        ("Kim Jong-un", "kim-jong-un"),
        ("賀錦麗", "kamala-harris"),
        ("Orban", "viktor-orban"),
        ("朝鲜", "north-korea"),
        ("北韓", "north-korea"),
        ("北韩", "north-korea"),
        ("韩国", "south-korea"),
        ("南韓", "south-korea"),
        ("悉尼", "sydney"),
        ("雪梨", "sydney"),
        ("新西兰", "new-zealand"),
        ("紐西蘭", "new-zealand"),
        ("纽西兰", "new-zealand"),  # the Taiwan name in Simplified script
        ("新西蘭", "new-zealand"),  # Hong Kong
        ("寮國", "laos"),
        ("台海", "taiwan-strait"),
        ("臺灣海峽", "taiwan-strait"),
        ("钓鱼岛", "diaoyu-islands"),
        ("釣魚臺", "diaoyu-islands"),
        ("尖閣諸島", "diaoyu-islands"),
        ("格陵兰岛", "greenland"),
        ("南海", "south-china-sea"),
        ("七国集团", "g7"),
        ("七大工業國組織", "g7"),
        ("G7", "g7"),
        ("g 7", "g7"),
        ("二十國集團", "g20"),
        ("亚太经合组织", "apec"),
        ("亞太經合會", "apec"),
        ("APEC", "apec"),
        ("東協", "asean"),
        ("亞細安", "asean"),
        ("北約", "nato"),
        ("世衞", "who"),  # Hong Kong variant character
        ("輝達", "nvidia"),
        ("台積電", "tsmc"),
        ("聯準會", "federal-reserve"),
        ("中國商務部", "china-mofcom"),
        ("經濟產業省", "japan-meti"),
        ("美國財政部", "us-treasury"),
    ],
)
def test_regional_spellings_find_one_entry(surface: str, entry_id: str) -> None:
    found = GAZETTEER.lookup(surface)
    assert found is not None, surface
    assert found.id == entry_id


@pytest.mark.parametrize("surface", ["", "   ", "·", "不存在的名字", "Nobody In Particular"])
def test_unknown_names_find_nothing(surface: str) -> None:
    assert GAZETTEER.lookup(surface) is None


def test_entry_and_container_protocol() -> None:
    trump = GAZETTEER.entry("donald-trump")
    assert trump is not None
    assert trump.type == "PERSON"
    assert trump.name == "特朗普"
    assert "川普" in trump.aliases
    assert trump.surfaces[0] == "特朗普"
    assert GAZETTEER.entry("nobody-in-particular") is None
    assert "donald-trump" in GAZETTEER
    assert "nobody" not in GAZETTEER
    assert [entry.id for entry in GAZETTEER] == [entry.id for entry in ENTRIES]
    aliases = GAZETTEER.aliases()
    assert aliases[normalise("川普")] == "donald-trump"
    aliases.clear()  # a copy
    assert GAZETTEER.aliases()
    assert {e.type for e in GAZETTEER.of_type("PLACE")} == {"PLACE"}
    with pytest.raises(AttributeError):
        trump.name = "川普"  # type: ignore[misc]


# -- normalisation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("  唐納德·川普 ", "唐纳德川普"),
        ("Donald  Trump", "donaldtrump"),
        ("ＤＯＮＡＬＤ　ＴＲＵＭＰ", "donaldtrump"),  # full width, ideographic space
        ("Viktor Orbán", "viktororban"),
        ("Kim Jong-un", "kimjongun"),
        ("J. D. Vance", "jdvance"),
        ("ドナルド＝トランプ", "ドナルドトランプ"),  # kana voicing marks are kept
        ("紐西蘭", "新西兰"),
        ("北韓", "北韩"),
        ("世衞", "世卫"),
    ],
)
def test_normalise(surface: str, expected: str) -> None:
    assert normalise(surface) == expected


def test_lookup_forms_add_the_character_only_form_when_it_differs() -> None:
    assert lookup_forms("紐西蘭") == ("新西兰", "纽西兰")
    assert lookup_forms("特朗普") == ("特朗普",)
    assert lookup_forms("Trump") == ("trump",)


# -- loading: files, paths, text ----------------------------------------------------

GOOD = """\
- id: test-person
  type: PERSON
  name: 测试人物
  aliases: [测试先生, Test Person]
  note: written for this test
- id: test-place
  type: PLACE
  name: 测试城
"""


def test_load_from_paths_and_text(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    for files in ([path], [str(path)]):
        gazetteer = Gazetteer.load(files)
        assert len(gazetteer) == 2
        found = gazetteer.lookup("測試先生")
        assert found is not None
        assert found.id == "test-person"
        assert found.note == "written for this test"
        place = gazetteer.entry("test-place")
        assert place is not None
        assert place.aliases == ()
        assert place.note == ""
    assert len(Gazetteer.from_text(GOOD)) == 2
    assert len(Gazetteer.from_text("")) == 0


def test_load_resource_names() -> None:
    people = Gazetteer.load(["gazetteer/people.yaml"])
    assert len(people) == len(RAW["gazetteer/people.yaml"])
    assert {entry.type for entry in people} == {"PERSON"}


def test_loading_is_quick_enough_to_report() -> None:
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    elapsed = time.perf_counter() - started
    print(f"gazetteer: {len(gazetteer)} entries loaded in {elapsed * 1000:.0f} ms")


BAD = {
    "bad-yaml": ("- id: x\n  type: [PERSON\n", r"bad\.yaml: not valid YAML: .* line \d+"),
    "not-a-list": ("id: x\ntype: PERSON\n", r"bad\.yaml: expected a YAML list of entries"),
    "not-a-mapping": ("- just a string\n", r"bad\.yaml: entry 1: expected a mapping"),
    "unknown-type": (
        "- id: test-thing\n  type: THING\n  name: 东西\n",
        r"bad\.yaml: entry 1 \(test-thing\): unknown type 'THING'",
    ),
    "lower-case-type": (
        "- id: test-thing\n  type: person\n  name: 东西\n",
        r"bad\.yaml: entry 1 \(test-thing\): unknown type 'person'",
    ),
    "missing-id": ("- type: PERSON\n  name: 测试人物\n", r"bad\.yaml: entry 1: missing field 'id'"),
    "missing-type": (
        "- id: test-person\n  name: 测试人物\n",
        r"bad\.yaml: entry 1 \(test-person\): missing field 'type'",
    ),
    "missing-name": (
        "- id: test-person\n  type: PERSON\n",
        r"bad\.yaml: entry 1 \(test-person\): missing field 'name'",
    ),
    "empty-name": (
        "- id: test-person\n  type: PERSON\n  name: ''\n",
        r"bad\.yaml: entry 1 \(test-person\): missing field 'name'",
    ),
    "unknown-field": (
        "- id: test-person\n  type: PERSON\n  name: 测试人物\n  alias: [测试]\n",
        r"bad\.yaml: entry 1 \(test-person\): unknown field 'alias'",
    ),
    "bad-id": (
        "- id: Test Person\n  type: PERSON\n  name: 测试人物\n",
        r"bad\.yaml: entry 1 \(Test Person\): id must be a lower-case ASCII slug",
    ),
    "aliases-not-a-list": (
        "- id: test-person\n  type: PERSON\n  name: 测试人物\n  aliases: 测试先生\n",
        r"bad\.yaml: entry 1 \(test-person\): aliases must be a list",
    ),
    "alias-not-text": (
        "- id: test-person\n  type: PERSON\n  name: 测试人物\n  aliases: [测试先生, 7]\n",
        r"bad\.yaml: entry 1 \(test-person\): aliases must be a list of non-empty texts",
    ),
    "duplicate-id": (
        GOOD + "- id: test-person\n  type: ORG\n  name: 测试公司\n",
        r"bad\.yaml: entry \(test-person\): duplicate id, already defined in .*bad\.yaml",
    ),
    "alias-claimed-twice": (
        GOOD + "- id: test-org\n  type: ORG\n  name: 测试公司\n  aliases: [测试先生]\n",
        r"bad\.yaml: entry \(test-org\): alias '测试先生' is already claimed by test-person",
    ),
    "alias-claimed-twice-across-scripts": (
        GOOD + "- id: test-org\n  type: ORG\n  name: 测试公司\n  aliases: [測試城]\n",
        r"bad\.yaml: entry \(test-org\): alias '測試城' is already claimed by test-place",
    ),
    "alias-claimed-twice-in-latin": (
        GOOD + "- id: test-org\n  type: ORG\n  name: 测试公司\n  aliases: [TEST-PERSON]\n",
        r"bad\.yaml: entry \(test-org\): alias 'TEST-PERSON' is already claimed by test-person",
    ),
    "one-character-alias": (
        "- id: test-person\n  type: PERSON\n  name: 测试人物\n  aliases: [测]\n",
        r"bad\.yaml: entry \(test-person\): alias '测' is too short",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_loading_errors_name_the_file_and_entry(tmp_path: Path, case: str) -> None:
    text, message = BAD[case]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message) as raised:
        Gazetteer.load([path])
    assert "\n" not in str(raised.value)
    with pytest.raises(GazetteerError):
        Gazetteer.from_text(text, "bad.yaml")


def test_a_clash_between_files_names_both(tmp_path: Path) -> None:
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    first.write_text(GOOD, encoding="utf-8")
    second.write_text("- id: test-person\n  type: ORG\n  name: 另一个\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"second\.yaml: .*test-person.* in .*first\.yaml"):
        Gazetteer.load([first, second])
    second.write_text("- id: test-org\n  type: ORG\n  name: Test Person\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"second\.yaml: .*test-org.*claimed by test-person"):
        Gazetteer.load([first, second])


def test_an_alias_the_real_data_already_has_is_refused(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("- id: someone-else\n  type: PERSON\n  name: 川普\n", encoding="utf-8")
    files: list[str | Path] = [*FILES, extra]
    with pytest.raises(GazetteerError, match=r"extra\.yaml: entry \(someone-else\).*donald-trump"):
        Gazetteer.load(files)


def test_missing_or_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"nowhere\.yaml: cannot read"):
        Gazetteer.load([tmp_path / "nowhere.yaml"])
    with pytest.raises(GazetteerError, match=r"gazetteer/nowhere\.yaml: cannot read"):
        Gazetteer.load(["gazetteer/nowhere.yaml"])
    with pytest.raises(GazetteerError, match=r"\.\./outside\.yaml"):
        Gazetteer.load(["../outside.yaml"])
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("- id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(GazetteerError, match=r"latin1\.yaml: not UTF-8"):
        Gazetteer.load([latin1])
