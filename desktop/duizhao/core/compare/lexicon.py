"""Word lists the comparison reads claims with (normalised Simplified).

Cue words mark a sentence as worth checking (:data:`ASSERTIVE`), qualify a
predicate (:data:`NEGATORS`), predict (:data:`WILL` / :data:`WONT`) or judge
(:data:`STRONG` / :data:`WEAK`); :data:`SCOPE` words tell two figures apart;
:data:`SYNONYMS` map words of one notion to one key (:func:`canon`);
:data:`STOPWORDS` are never keys; the noise lists (:data:`CALL_TO_ACTION`,
:data:`DISCLAIMER`, :data:`LINKS`) mark sentences that are not claims.
Used by :mod:`duizhao.core.compare.claims` and :mod:`duizhao.core.compare.relations`.
"""

from __future__ import annotations

from collections.abc import Iterable

ASSERTIVE = (
    "将",
    "预计",
    "可能",
    "不会",
    "认为",
    "表示",
    "指出",
    "称",
    "估计",
    "恐怕",
    "必然",
    "一定",
    "势必",
    "料将",
    "转折点",
    "象征",
    "意义",
    "结论",
    "宣布",
    "确认",
    "证实",
    "撤回",
    "批准",
    "核定",
    "否认",
    "无法",
    "有限",
    "高估",
    "低估",
    "预期",
    "计划",
)
NEGATORS = (
    "并未",
    "尚未",
    "没有",
    "未能",
    "无法",
    "不会",
    "不能",
    "不再",
    "从未",
    "未",
    "没",
    "不",
    "无",
    "非",
)
#: a claim that something will happen as planned
WILL = ("将如期", "如期", "必将", "一定会", "必然", "势必", "按计划", "顺利")
#: a claim that it will not (or may not) happen
WONT = ("无法", "不成", "不会", "难以", "不可能", "落空", "搁浅", "泡汤", "未必")
#: evaluations: momentous vs minor
STRONG = ("转折点", "里程碑", "历史性", "突破", "重大", "严重", "短缺", "巨大", "深远")
WEAK = ("象征", "有限", "高估", "姿态", "不大", "轻微", "有名无实", "作秀")
#: scope words: two figures with different scope measure different things
SCOPE = (
    "直接",
    "间接",
    "上下游",
    "带动",
    "其中",
    "一期",
    "二期",
    "首期",
    "自华",
    "自中国",
    "自内地",
    "从中国",
    "随行",
    "企业家",
    "总量",
    "总额",
    "总",
    "累计",
    "同比",
    "环比",
    "按年",
)
SCOPE_GROUPS = {
    "同比": "同比",
    "按年": "同比",
    "总量": "总",
    "总额": "总",
    "总": "总",
    "自华": "自中国",
    "自内地": "自中国",
    "从中国": "自中国",
    "自中国": "自中国",
}
#: words that name the same notion (mapped to the first)
SYNONYMS = (
    ("生效", "施行", "实施", "执行", "上路", "起效"),
    ("批准", "核定", "核准", "通过审核", "同意"),
    ("补贴", "补助", "资助"),
    ("投产", "量产"),
    ("下降", "下跌", "减少"),
    ("岗位", "就业机会", "工作岗位", "就业岗位", "职位"),
    ("冲击", "短缺", "影响"),
    ("访问", "访", "成行", "出访"),
    ("象征", "象征性"),
    ("落地", "推进", "盖", "建成"),
)
CANON = {word: group[0] for group in SYNONYMS for word in group}
STOPWORDS = frozenset(
    """
    我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 这种 一种
    一个 没有 不是 就是 还是 以及 因为 所以 如果 但是 而且 或者 已经
    可以 可能 表示 认为 指出 其中 此前 目前 今年 去年 明年 同时 此外
    另外 对于 关于 由于 进行 相关 方面 问题 情况 记者 报道 消息 这次
    此次 今次 之后 以来 以后 以前 之前 以上 以下 左右 大约 约为 一些
    有关 自己 什么 怎么 如何 为了 通过 据悉 包括 其他 其它 其实 并且
    不过 只是 然而 因此 于是 并未 尚未 未能
    """.split()  # noqa: SIM905
)
CALL_TO_ACTION = ("关注", "点赞", "转发", "订阅", "扫码", "点击", "分享到", "留言", "在看", "收藏")
DISCLAIMER = (
    "免责",
    "仅代表作者",
    "不代表本",
    "版权",
    "转载",
    "来源：",
    "编辑：",
    "责任编辑",
    "作者：",
    "译者",
)
LINKS = ("相关阅读", "延伸阅读", "相关新闻", "推荐阅读", "http", "www.", "参考资料")


def canon(word: str) -> str:
    """The key word of ``word``'s synonym group (``word`` itself if none)."""
    return CANON.get(word, word)


def cues(norm: str, words: Iterable[str]) -> list[str]:
    """The words of ``words`` found in ``norm``, in list order."""
    return [w for w in words if w in norm]
