"""Topic keys: what a sentence is about, in a form shared by every article.

A claim has two sets of keys. Its *terms* (every word, for aligning claims
and judging relations) come from :mod:`duizhao.core.compare.claims`; its *topic keys*,
made here, are the few keys a topic can be named by:

- linked entities (``e:`` + the gazetteer or name id, so 特朗普 and 川普 are
  one key) other than dates and numbers;
- concepts written in several ways (:data:`CONCEPTS`: 访华 = 访问中国 =
  北京之行, 出口管制 = 出口管控 …) found by pattern in the normalised
  Simplified text, so both scripts give the same key;
- specific words (``t:`` + the word after :data:`TOPIC_SYNONYMS`): not a
  stop or generic word (:data:`GENERIC`, or too common in general Chinese by
  jieba's dictionary frequency, :func:`background_idf`), and not a word
  already covered by an entity of the sentence.

:func:`topic_keys` returns them as key -> readable label.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from duizhao.core.compare.lexicon import STOPWORDS
from duizhao.core.text import Segmenter

#: concept key -> patterns of the normalised Simplified text that express it
CONCEPTS: dict[str, tuple[str, ...]] = {
    "访华": (
        r"访华",
        r"访中(?![心央东西南北])",
        r"访陆",
        r"访问(?:中国|北京|大陆)",
        r"(?:中国|北京)之行",
        r"来华(?:访问|进行)",
        r"到访(?:中国|北京)",
    ),
    "出口管制": (
        r"出口(?:管制|管控|限制|禁令)",
        r"(?:管制|限制|禁止)[^，。；]{0,8}出口",
        r"稀土[^，。；]{0,4}(?:管制|管控|限制|禁令)",  # 稀土管制: controls on their sale abroad
    ),
    "关税": (r"关税", r"加征[^，。；]{0,4}税"),
    "停火": (r"停火", r"停战"),
    "峰会": (r"峰会", r"首脑会谈", r"元首会晤", r"首脑会晤"),
    "半导体": (r"半导体", r"芯片", r"晶片"),
}
#: words of one notion for topics (mapped to the first); used for topic keys only
TOPIC_SYNONYMS = (
    ("盟友", "盟国", "同盟", "同盟国", "盟邦", "联盟", "同盟关系", "盟友体系", "同盟体系"),
    ("稀土", "稀土元素", "稀土金属"),
    ("涉台", "台湾问题"),
    ("制裁", "经济制裁"),
    ("谈判", "磋商", "协商"),
)
_TOPIC_CANON = {word: group[0] for group in TOPIC_SYNONYMS for word in group}
#: words too vague to name a topic (besides the stop words)
GENERIC = frozenset(
    """
    这一 那一 一方 双方 各方 对方 外界 国家 国际 全球 世界 地区 政府 官员 方面
    问题 情况 时间 时候 过程 方式 方向 结果 原因 目标 能力 作用 程度 水平 局面
    局势 关系 态度 立场 信号 姿态 行动 措施 手段 动作 举动 举措 决定 判断 选择
    发展 变化 影响 意义 效应 压力 挑战 机会 风险 危机 困境 边缘 核心 关键 重要
    主动 直接 完全 真正 所有 整个 一切 一直 正在 仍然 依然 开始 继续 出现 形成
    展开 面对 应对 审视 试图 希望 寻求 需要 必须 能够 无法 难以 不断 迅速 最终
    未来 当前 近期 短期 长期 上周 本周 下周 近日 日前 随后 届时 此时 当时 同日
    强硬 强烈 明确 清楚 复杂 巨大 严重 深刻 重大 实际 真实 根本 基本 主要 一次
    或许 也许 与此同时 引发 达成 回应 替代 依赖 看似 背后 聚焦 构建 新一轮 一轮
    """.split()  # noqa: SIM905
)
#: a term is a topic key only when its background idf is at least this (a jieba
#: frequency below about 1,000 in 60 million: 关税 and 盟友 pass, 关系 and 无法 do not)
MIN_IDF = 11.0
_DEMONSTRATIVE = re.compile(r"^[这那该此其每各某一本][\u4e00-\u9fff]$")
_COMPILED = {key: re.compile("|".join(pats)) for key, pats in CONCEPTS.items()}


def topic_canon(word: str) -> str:
    """The topic key word of ``word``'s group (``word`` itself if none)."""
    return _TOPIC_CANON.get(word, word)


_TIME_FRAGMENT = re.compile(r"[年月日号时点周][起前后底初中末内止间]")


def background_idf(word: str, segmenter: Segmenter) -> float:
    """How rare ``word`` is in general Chinese (jieba's dictionary counts):
    ln(total / (count + 1)); a word jieba does not know gets the maximum."""
    freq, total = segmenter.frequencies()  # jieba's own word counts
    return math.log(total / (freq.get(word, 0) + 1))


def is_specific(word: str, segmenter: Segmenter) -> bool:
    """Whether ``word`` may name a topic."""
    if len(word) < 2 or word in STOPWORDS or word in GENERIC:
        return False
    if _DEMONSTRATIVE.match(word) or not re.fullmatch(r"[\u4e00-\u9fff·]+", word):
        return False
    if _TIME_FRAGMENT.fullmatch(word):
        return False  # the tail of a date the segmenter split off: 3月1日|起 -> 日起
    return background_idf(word, segmenter) >= MIN_IDF


def topic_keys(
    norm: str,
    words: Iterable[str],
    entities: Mapping[str, str],
    segmenter: Segmenter,
) -> dict[str, str]:
    """Topic keys of a sentence: ``norm`` its normalised text, ``words`` its
    words, ``entities`` its ``e:`` keys -> labels. Returns key -> label."""
    keys: dict[str, str] = dict(entities)
    names = [label for label in entities.values() if label]
    concepts = [c for c, pattern in _COMPILED.items() if pattern.search(norm)]
    for concept in concepts:
        keys["t:" + concept] = concept
    for word in words:
        canon = topic_canon(word)
        if canon in concepts or any(canon in name or name in canon for name in names):
            continue
        if canon != word or is_specific(word, segmenter):
            keys["t:" + canon] = canon
    # a word inside a concept (出口 / 管制 of 出口管制) is the concept
    for key in [k for k in keys if k.startswith("t:")]:
        word = keys[key]
        if word not in concepts and any(word in c for c in concepts):
            del keys[key]
    return keys
