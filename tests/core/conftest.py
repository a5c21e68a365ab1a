"""Shared material for the core import tests.

Every sentence here was written for these tests (a made-up city story about
a tram line); none comes from the seed articles. Test modules reach this
material through the fixtures only (``conftest`` is not imported by name:
another conftest may sit higher up).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from duizhao.core.ingest import parse
from duizhao.core.library import ParsedDocument

#: A headline: short, no closing punctuation.
TITLE = "滨江新城电车线路今日试运行"
TITLE_TRADITIONAL = "濱江新城電車線路今日試運行"

#: Body paragraphs in Simplified script: long, prose, ending in 。
PARAGRAPHS = (
    "今天上午，滨江新城的第一条有轨电车线路开始试运行，沿线居民早早来到站台，想要第一批体验新的出行方式。",
    "负责运营的公司介绍说，这条线路全长十四公里，共设十九座车站，高峰时段每隔六分钟发出一班车。",
    "在试运行期间，乘客可以免费乘坐，工作人员会在车厢里收集意见，用来调整发车时间和站台设施。",
    "一位住在河边小区的退休教师说，以前去市中心要换两次公交车，现在坐电车二十分钟就能到达。",
    "城市规划部门表示，电车线路与正在建设的河滨公园连接在一起，将来还会延伸到北边的高铁站。",
    "也有居民提出担心，认为电车经过老街时可能带来噪音，希望有关部门在夜间适当减少班次。",
    "项目负责人回应称，车辆采用了新的减震技术，噪音比普通公交车更低，并会继续听取各方建议。",
    "按照计划，正式运营将在下个月开始，届时票价为两元，持学生卡和老年卡的乘客可以享受优惠。",
)

#: The same kind of prose in Traditional script.
PARAGRAPHS_TRADITIONAL = (
    "今天上午，濱江新城的第一條有軌電車線路開始試運行，沿線居民早早來到月臺，想要第一批體驗新的出行方式。",
    "負責營運的公司介紹說，這條線路全長十四公里，共設十九座車站，尖峰時段每隔六分鐘發出一班車。",
    "在試運行期間，乘客可以免費乘坐，工作人員會在車廂裡收集意見，用來調整發車時間和月臺設施。",
    "一位住在河邊社區的退休教師說，以前去市中心要換兩次公車，現在坐電車二十分鐘就能到達。",
    "城市規劃部門表示，電車線路與正在興建的河濱公園連接在一起，將來還會延伸到北邊的高鐵站。",
    "按照計畫，正式營運將在下個月開始，屆時票價為兩元，持學生卡和敬老卡的乘客可以享受優惠。",
)


def article(*parts: str, title: str | None = TITLE) -> str:
    """An article: the title line, then ``parts`` (default: all paragraphs), one per line."""
    body = parts or PARAGRAPHS
    lines = [title] if title else []
    lines.extend(body)
    return "\n".join(lines) + "\n"


@pytest.fixture
def title() -> str:
    return TITLE


@pytest.fixture
def paragraphs() -> tuple[str, ...]:
    return PARAGRAPHS


@pytest.fixture
def paragraphs_traditional() -> tuple[str, ...]:
    return PARAGRAPHS_TRADITIONAL


@pytest.fixture
def parse_text() -> Callable[..., ParsedDocument]:
    """``parse`` for a str: UTF-8 encoded, named ``article.txt`` unless told."""

    def _parse(text: str, name: str = "article.txt", **kwargs: object) -> ParsedDocument:
        return parse(text.encode("utf-8"), name, **kwargs)  # type: ignore[arg-type]

    return _parse


@pytest.fixture
def make_article() -> Callable[..., str]:
    return article
