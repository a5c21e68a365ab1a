"""The words the comparison reads claims with (normalised Simplified).

Each list is one kind of cue, chosen on the demo library and the development
set of real news and written for the kind of text news is, not for those
articles (README, "Comparison", says which figures come from which set):

- :data:`NOTIONS` — words of one notion folded to one key (罹难 and 丧生 are
  死亡; 蒸发, 缩水 and 暴跌 are 跌), so two outlets' wording of the same
  measure or predicate meet; :func:`notion` folds a word;
- :data:`GENERIC` — words that say nothing about *what* is measured (人数,
  统计, 达到) and so never name a measure;
- :data:`QUALIFIERS` — scope words in groups: two figures whose qualifiers
  of one group differ measure different things (最高 vs 平均, 临时 vs 最终);
- :data:`NEGATORS`, :data:`MODALITY` — what happens to a predicate: denied,
  planned, expected, reported, confirmed;
- :data:`PREDICATES` — predicate classes with their opposites (暂停 vs 恢复,
  支持 vs 反对 vs 弃权, 上调 vs 下调), for contradictions;
- :data:`VERDICT` — evaluative words with their polarity (公正 vs 政治动机);
- :data:`ATTRIBUTION_VERBS`, :data:`ATTRIBUTION_PREFIXES` — who asserts a claim;
- noise: :data:`CALL_TO_ACTION`, :data:`DISCLAIMER`, :data:`LINKS`.
"""

from __future__ import annotations

import re

#: words of one notion, folded to the group's first word
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("死亡", "罹难", "丧生", "身亡", "遇难", "死",
     "殒命", "不治", "亡", "死者", "罹难者", "遇难者"),
    ("受伤", "伤", "负伤", "伤者", "受伤者"),
    ("失联", "失踪", "下落不明", "失联者", "失踪者"),
    ("跌", "下跌", "暴跌", "骤跌", "大跌", "狂跌", "狂泻", "重挫", "挫", "下挫", "下滑", "跳水",
     "蒸发", "缩水", "收跌", "走低", "回落", "跌幅", "损失", "跌去"),
    ("涨", "上涨", "大涨", "飙升", "攀升", "收涨", "走高", "涨幅", "升幅"),
    ("增加", "增长", "上升", "增至", "升至", "增为", "提高", "上调", "调高", "上修", "提升"),
    ("减少", "下降", "降至", "减至", "降为", "下调", "调降", "下修", "降低", "削减"),
    ("羁押", "还押", "关押", "囚禁", "拘留", "在囚", "拘押", "入狱", "被捕", "逮捕"),
    ("判刑", "判处", "判", "重判", "被判", "刑期", "有期徒刑", "徒刑", "监禁", "判监", "判囚"),
    ("押后", "延后", "推迟", "延期", "延迟", "改期", "押后聆讯"),
    ("身家", "身价", "净资产", "个人财富", "财富"),
    ("负债", "债务", "欠债", "总负债", "负债额"),
    ("税率", "关税", "关税税率", "反补贴税", "税", "附加关税", "惩罚性关税"),
    ("回收率", "偿付率", "受偿率", "清偿率", "偿付比例", "受偿比例", "清偿比例", "回收比例"),
    ("成本", "开发成本", "费用", "花费", "开支", "支出", "投入", "训练成本"),
    ("芯片", "晶片", "GPU", "图形处理器", "处理器", "显卡"),
    ("蓄水量", "水量", "储水量", "蓄水"),
    ("高度", "高", "坝高"),
    ("赞成", "支持", "赞成票", "投赞成票", "投票支持"),
    ("反对", "反对票", "投反对票"),
    ("弃权", "弃权票", "投弃权票"),
    ("裁定", "裁决", "判决", "宣判", "定罪", "罪名成立"),
    ("清盘", "清算", "清盘令"),
    ("生效", "施行", "实施", "执行", "上路", "起效"),
    ("批准", "核定", "核准", "同意"),
    ("补贴", "补助", "资助"),
    ("访问", "访", "出访", "到访"),
    ("市值", "总市值"),
    ("岗位", "就业机会", "工作岗位", "就业岗位", "职位", "工作机会", "饭碗"),
    ("股价", "股票价格"),
    ("人数", "人次", "数字", "数量", "总数", "名单"),
)  # fmt: skip
NOTIONS: dict[str, str] = {word: group[0] for group in _GROUPS for word in group}

#: words that never name what is measured
GENERIC = frozenset(
    """
    人数 数字 数据 总数 数量 统计 达到 达 为 是 有 共 已 已经 约 其中 分别 合计 总计 最新 确认
    官方 目前 至今 今天 今日 昨天 昨日 造成 导致 出现 仍 仍有 另有 另 还有 也 都 更 再 又 则 就 将
    的 了 在 和 与 及 或 等 其 该 此 这 那 这些 那些 这个 一个 各 每 多 余 以上 以下 左右 上下 之多
    表示 指出 称 说 认为 报道 报导 消息 记者 方面 情况 问题 进行 相关 包括 通过 对于 关于 由于 因为
    今年 去年 明年 本月 上月 当天 当日 当时 期间 同时 此外 另外 并 而 但 以 被 把 让 使 从 自 向 对
    逾 超过 近 将近 接近 至少 不足 不到 约合 大约 高达
    多达 仅 只有 一度 单日 一共 合共 增 减 增幅 降幅
    统计显示 数据显示 显示 结果 最终 初步 中央 政府 当局 应变中心 人士 分析师 媒体 外电 综合 引述
    仅为 仅需 只有 只需 更是 达到 高达 多达 约为 分别为 合共 一共 总共 共计 估计 预计 预期 预测 料
    评论 评论员 社论 文章 观点 看法 说法 表态 声明 回应 发言人
    """.split()  # noqa: SIM905
)

#: scope words by group: within a group, two figures with different words (or
#: one with a word and one without, for the stage group) are not comparable
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "extreme": ("最高", "最低", "最多", "最少", "上限", "下限", "峰值"),
    "aggregate": ("累计", "总计", "合计", "单日", "每日", "当日", "每年", "全年", "人均", "平均",
                  "新增", "季度", "上半年", "下半年"),
    "stage": ("临时", "初步", "初期", "初始", "最初", "原", "原本", "原先", "最终", "正式", "草案",
              "暂定", "终裁", "初裁", "预披露", "修正后", "更新后"),
    "basis": ("同比", "按年", "环比", "按月", "名义", "实际", "净"),
    "domain": ("高端", "民用", "军用", "直接", "间接", "国内", "海外", "全球", "本地", "境外"),
    "capacity": ("满水位", "总库容", "库容", "容量", "上限值"),
}  # fmt: skip
QUALIFIER_GROUP: dict[str, str] = {w: g for g, words in QUALIFIERS.items() for w in words}
#: the groups where a word on one side only already makes figures incomparable
ONE_SIDED = frozenset({"stage", "capacity", "aggregate"})
#: stage words that mark an early or provisional figure; a final one (最终, 正式)
#: against an unqualified figure is the same current figure
EARLY = frozenset({"临时", "初步", "初期", "初始", "最初", "原", "原本", "原先", "草案", "暂定",
                   "初裁", "预披露"})  # fmt: skip

#: negators, longest first; they negate the predicate that follows closely
NEGATORS: tuple[str, ...] = (
    "并没有", "并未", "尚未", "从未", "未能", "没有",
    "不会", "无法", "不再", "不能", "并非", "绝非",
    "毫无", "缺乏", "缺少", "未曾", "不曾", "没", "未", "不", "无",
)  # fmt: skip

#: modality cues: what the claim says about how certain the predicate is
MODALITY: dict[str, tuple[str, ...]] = {
    "denied": ("否认", "驳斥", "辟谣", "澄清并无"),
    "expected": ("预计", "预期", "估计", "预估", "预测", "料将", "预料", "有望", "可望",
                 "将会", "将于", "或将", "即将", "恐将", "有可能会"),
    "planned": ("计划", "拟", "打算", "准备", "考虑", "决定将", "筹划", "规划"),
    "possible": ("可能", "或许", "也许", "不排除", "恐怕", "疑似", "涉嫌"),
    "wished": ("希望", "盼", "呼吁", "要求", "敦促", "促请", "期待"),
    "unconfirmed": ("据报", "据悉", "据称", "传出", "传闻", "网传", "未经证实", "消息称", "据传"),
    "confirmed": ("证实", "确认", "确定", "核实", "证明"),
}  # fmt: skip
#: modalities that do not assert the predicate as a fact
HEDGED = frozenset({"denied", "expected", "planned", "possible", "wished", "unconfirmed"})

#: predicate classes: a class and its opposites on the same object contradict
PREDICATES: dict[str, tuple[str, ...]] = {
    "stop": ("暂停", "中止", "停止", "停产", "停工",
    "关闭", "叫停", "停摆", "停运", "停业", "停牌"),
    "go_on": ("恢复", "重启", "复工", "复产", "照常", "如常", "正常运作", "正常生产", "继续营运",
              "持续运作", "正常营运"),
    "raise": ("上调", "提高", "调高", "上修", "增至", "升至", "加征", "提升", "增加"),
    "lower": ("下调", "降低", "调降", "下修", "降至", "减至", "削减", "减少"),
    "support": ("支持", "赞成", "投赞成票", "赞同", "拥护"),
    "oppose": ("反对", "投反对票"),
    "approve": ("批准", "核准", "核定", "获批", "放行", "通过审批", "同意"),
    "reject": ("否决", "驳回", "拒绝", "不予批准", "不批准"),
    "abstain": ("弃权", "投弃权票"),
    "lift": ("解除", "取消", "撤销", "撤回", "废除", "豁免"),
    "impose": ("实施", "实行", "征收", "施加", "祭出", "启动", "宣布实施"),
    "resign": ("辞职", "下台", "请辞", "辞去", "卸任", "离职"),
    "stay": ("留任", "连任", "续任"),
    "win": ("胜出", "击败", "获胜", "夺金", "夺冠", "赢得", "战胜"),
    "lose": ("落败", "败给", "不敌", "输给", "出局"),
    "guilty": ("罪名成立", "定罪", "有罪", "裁定有罪"),
    "acquit": ("无罪", "罪名不成立", "脱罪", "无罪释放"),
    "qualify": ("合格", "符合资格", "有权参赛", "有资格", "获准参赛", "生来就是女性"),
    "disqualify": ("不合格", "不符合", "取消资格", "失格", "禁赛", "不符合规则"),
    "test": ("检测", "检查", "测试", "检验", "测验", "验"),
    "proceed": ("如期推进", "如期", "按计划", "推进", "落地", "建成", "实现", "成行", "顺利进行"),
    "fail": ("搁浅", "落空", "泡汤", "告吹", "流产", "夭折", "盖不成", "难产", "无疾而终"),
}  # fmt: skip
OPPOSITES: dict[str, frozenset[str]] = {
    "stop": frozenset({"go_on"}),
    "go_on": frozenset({"stop"}),
    "raise": frozenset({"lower"}),
    "lower": frozenset({"raise"}),
    "support": frozenset({"oppose", "abstain"}),
    "oppose": frozenset({"support", "abstain"}),
    "abstain": frozenset({"support", "oppose"}),
    "approve": frozenset({"reject"}),
    "reject": frozenset({"approve"}),
    "lift": frozenset({"impose"}),
    "impose": frozenset({"lift"}),
    "resign": frozenset({"stay"}),
    "stay": frozenset({"resign"}),
    "win": frozenset({"lose"}),
    "lose": frozenset({"win"}),
    "guilty": frozenset({"acquit"}),
    "acquit": frozenset({"guilty"}),
    "qualify": frozenset({"disqualify"}),
    "disqualify": frozenset({"qualify"}),
    "proceed": frozenset({"fail"}),
    "fail": frozenset({"proceed"}),
}
PREDICATE_OF: dict[str, str] = {w: c for c, words in PREDICATES.items() for w in words}
#: the question a predicate class answers (a class and its opposites share one)
QUESTION_OF: dict[str, str] = {
    klass: min({klass, *OPPOSITES.get(klass, frozenset())}) for klass in PREDICATES
}

#: evaluative words: +1 approves, -1 condemns (what is judged is the claim's object)
VERDICT: dict[str, int] = {
    **{w: 1 for w in (
        "公正", "公平", "合法", "合理", "正当", "正确", "必然要求", "依法", "赞扬", "称赞",
        "理所当然", "无可厚非", "有理有据", "值得肯定", "合情合理",
    )},
    **{w: -1 for w in (
        "批评", "谴责", "抨击", "不公", "不公平", "不公正", "违法", "非法", "荒谬", "错误",
        "政治动机", "政治迫害", "政治打压", "打压", "迫害", "缺乏理由", "缺乏充分", "理由不足",
        "倒退", "践踏", "无理", "不满", "遗憾", "质疑", "指责", "不合理", "站不住脚",
        "保护主义", "双重标准", "抹黑", "污蔑",
    )},
}  # fmt: skip

#: how big an effect is judged: +1 large, -1 small (影响有限 against 严重冲击); only
#: next to a word for an effect (:data:`EFFECTS`), so 大幅下跌 is no assessment
MAGNITUDE: dict[str, int] = {
    **{w: 1 for w in (
        "严重", "重大", "巨大", "深远", "转折点", "里程碑", "历史性", "突破性", "剧烈", "沉重",
        "重创", "致命", "空前",
    )},
    **{w: -1 for w in (
        "有限", "轻微", "不大", "象征性", "象征意义", "微乎其微", "不明显", "可控", "有名无实",
        "作秀", "姿态", "高估",
    )},
}  # fmt: skip
EFFECTS = ("影响", "冲击", "打击", "损害", "损失", "作用", "意义", "后果", "伤害", "破坏", "效果",
           "关系", "转折点", "里程碑", "姿态")  # fmt: skip

#: heads that name a distinct measure: two different ones never compare or merge
MEASURE_HEADS = frozenset({
    "死亡", "受伤", "失联", "市值", "身家", "股价", "负债", "税率", "回收率", "成本", "蓄水量",
    "高度", "赞成", "反对", "弃权",
})  # fmt: skip

ATTRIBUTION_VERBS: tuple[str, ...] = (
    "表示", "指出", "认为", "透露", "强调", "称", "说", "宣布", "声称", "坦言", "直言", "写道",
    "提到", "回应", "形容", "警告", "批评", "谴责", "分析", "估计", "预计", "引述", "报道", "报导",
    "披露", "证实", "否认", "重申", "补充", "解释", "介绍", "说明", "发文", "发表声明",
)  # fmt: skip
ATTRIBUTION_PREFIXES: tuple[str, ...] = ("据", "根据", "援引", "引述", "引用")

CALL_TO_ACTION = ("关注", "点赞", "转发", "订阅", "扫码", "点击", "分享到", "留言", "在看", "收藏")
DISCLAIMER = (
    "免责", "仅代表作者", "不代表本", "版权", "转载",
    "来源：", "编辑：", "责任编辑", "作者：", "译者",
)  # fmt: skip
LINKS = ("相关阅读", "延伸阅读", "相关新闻", "推荐阅读", "http", "www.", "参考资料")


def notion(word: str) -> str:
    """The key of ``word``'s notion group (``word`` itself outside every group)."""
    return NOTIONS.get(word, word)


def _verdicts_pattern() -> re.Pattern[str]:
    # longest first, as replacing them one by one would mask them
    long = sorted((w for w in VERDICT if len(w) > 2), key=lambda x: (-len(x), x))
    return re.compile("|".join(map(re.escape, long)) or "(?!)")


_LONG_VERDICTS = _verdicts_pattern()


def modality_of(text: str) -> str:
    """The strongest modality cue in ``text`` ("fact" without one); a cue inside
    an evaluative word (要求 in 必然要求) does not count."""
    text = _LONG_VERDICTS.sub(lambda m: "\0" * len(m.group()), text)
    for name in ("denied", "unconfirmed", "wished", "planned", "expected", "possible", "confirmed"):
        if any(cue in text for cue in MODALITY[name]):
            return name
    return "fact"
