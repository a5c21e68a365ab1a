"""A pane's entity sidebar: the article's entities grouped by type, with counts.

:func:`group_entities` (plain Python) folds an article's entity occurrences
into :class:`EntityGroup` rows: one per linked entity (``entity_id``), with its
canonical name, how often it occurs, the surface forms it was written as and
where. :class:`EntitySidebar` shows them in a :class:`QTreeView` over a
:class:`QStandardItemModel`: top level the types (colour swatch, label,
count), below them the entities, most frequent first.

Names as written
    each entity is shown as the pane's view writes it — the form its
    occurrences take in that view's text (:meth:`EntitySidebar.set_view`), so
    a Taiwan article's sidebar says 川普 where a mainland one says 特朗普, and
    a name keeps the form the view gives it (于麗娜 in 臺灣). The tooltip
    lists the other ways this article writes it and the names the gazetteer
    links to it (特朗普 · 川普 · Donald Trump), in the script of the view.
    Without a view (before one is shown) the canonical name is converted to
    the view's script (:meth:`EntitySidebar.set_name_view`).

Clicking or pressing Enter on an entity emits ``entity_activated``, which
lights every linked occurrence whatever its name; the context menu offers
"Search the library for 「X」", which emits ``search_requested`` with
:func:`entity_query` — the canonical name, or every way the article writes
the entity joined with OR, so that linked names (特朗普, 川普) are all
searched for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QStyle, QTreeView, QVBoxLayout, QWidget

from duizhao.core.entities import default_gazetteer
from duizhao.core.library import ENTITY_TYPES as TYPES
from duizhao.core.library import Entity
from duizhao.core.text import Script, View, convert, name_text, view_config
from duizhao.ui.reader.colors import swatch, type_label

ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_TYPE_ROLE = Qt.ItemDataRole.UserRole + 2
QUERY_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(slots=True)
class EntityGroup:
    entity_id: str
    type: str
    canonical: str
    count: int = 0
    surfaces: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # original offsets, in order


def group_entities(entities: Iterable[Entity]) -> dict[str, list[EntityGroup]]:
    """Entities by type (in :data:`TYPES` order, unknown types after), each
    type's linked entities most frequent first."""
    groups: dict[str, EntityGroup] = {}
    for entity in entities:
        group = groups.get(entity.entity_id)
        if group is None:
            group = groups[entity.entity_id] = EntityGroup(
                entity.entity_id, entity.type, entity.canonical or entity.text
            )
        group.count += 1
        group.spans.append((entity.start, entity.end))
        if entity.text and entity.text not in group.surfaces:
            group.surfaces.append(entity.text)
    by_type: dict[str, list[EntityGroup]] = {}
    for group in groups.values():
        by_type.setdefault(group.type, []).append(group)
    order = {name: k for k, name in enumerate(TYPES)}
    return {
        name: sorted(by_type[name], key=lambda g: (-g.count, g.canonical))
        for name in sorted(by_type, key=lambda n: (order.get(n, len(order)), n))
    }


def written_forms(group: EntityGroup, view: View) -> list[str]:
    """How ``view`` writes the group's occurrences, most frequent first (the
    first written breaks a tie)."""
    forms: Counter[str] = Counter()
    for start, end in group.spans:
        if 0 <= start < end <= len(view.original):
            first, last = view.to_view(start, end)
            form = view.text[first:last].strip()
            if form:
                forms[form] += 1
    order = {form: k for k, form in enumerate(forms)}
    return sorted(forms, key=lambda form: (-forms[form], order[form]))


def entity_query(canonical: str, surfaces: Iterable[str] = ()) -> str:
    """A library query for an entity: its canonical name, or all its names OR-ed."""
    names: list[str] = []
    for name in (canonical, *surfaces):
        cleaned = " ".join(name.replace('"', " ").split())
        if cleaned and cleaned not in names:
            names.append(cleaned)
    if len(names) <= 1:
        return names[0] if names else ""
    return " OR ".join(f'"{name}"' for name in names)


class EntitySidebar(QWidget):
    """The entity tree of one pane; see the module docstring."""

    entity_activated = Signal(str)
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitySidebar")
        self._dark = False
        self._names_config: str | None = None  # OpenCC config the names are shown in
        self._view: View | None = None  # the pane's view, whose text names are read from
        self._groups: dict[str, list[EntityGroup]] = {}
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Entity 实体"), "#"])
        self.tree = QTreeView(self)
        self.tree.setObjectName("entityTree")
        self.tree.setAccessibleName(self.tr("Entities of this article"))
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.tree.activated.connect(self._on_activated)  # Enter, and a click in some styles
        single = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not self.tree.style().styleHint(single, None, self.tree):
            self.tree.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)

    # -- content -----------------------------------------------------------------

    def set_entities(self, entities: Iterable[Entity]) -> None:
        self._groups = group_entities(entities)
        self._rebuild()

    def clear(self) -> None:
        self.set_entities(())

    def set_name_view(self, view: str, script: Script) -> None:
        """Show the names in the script of the pane's ``view`` (canonical names are
        Simplified; 原文 of a Traditional article shows them in Traditional)."""
        if view == "original":
            view = "traditional" if script is Script.TRADITIONAL else "simplified"
        config = view_config(Script.SIMPLIFIED, view)
        if config != self._names_config:
            self._names_config = config
            self._rebuild()

    def set_view(self, view: View | None) -> None:
        """Read the names from ``view``'s text (the pane's current view)."""
        if view is not self._view:
            self._view = view
            self._rebuild()

    def display_name(self, canonical: str) -> str:
        """A name the view does not write (a canonical or linked name) in its script."""
        if not self._names_config:
            return canonical
        return name_text(canonical, self._names_config, convert)

    def tooltip_of(self, entity_id: str) -> str:
        """:meth:`tooltip` of the entity with ``entity_id`` ("" when it is not listed)."""
        for groups in self._groups.values():
            for group in groups:
                if group.entity_id == entity_id:
                    return self.tooltip(group)
        return ""

    def shown_name(self, group: EntityGroup) -> str:
        """The entity as the pane's view writes it (its most frequent form there)."""
        if self._view is not None:
            forms = written_forms(group, self._view)
            if forms:
                return forms[0]
        return self.display_name(group.canonical)

    def tooltip(self, group: EntityGroup) -> str:
        """The name shown, the other ways the article writes it, and the linked names."""
        shown = self.shown_name(group)
        written = written_forms(group, self._view) if self._view is not None else []
        lines = [shown]
        others = [form for form in written if form != shown]
        if others:
            lines.append(self.tr("也写作 also written: {names}").format(names="、".join(others)))
        linked: list[str] = []
        entry = default_gazetteer().entry(group.entity_id)
        for name in (group.canonical, *(entry.surfaces if entry is not None else ())):
            name = self.display_name(name)
            if name not in linked and name != shown and name not in others:
                linked.append(name)
        if linked:
            lines.append(self.tr("关联名称 linked: {names}").format(names=" · ".join(linked)))
        return "\n".join(lines)

    def set_dark(self, dark: bool) -> None:
        if dark != self._dark:
            self._dark = dark
            self._rebuild()

    def groups(self) -> dict[str, list[EntityGroup]]:
        return self._groups

    def _rebuild(self) -> None:
        expanded = {
            self.model.item(row).data(ENTITY_TYPE_ROLE)
            for row in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(row, 0))
        }
        first_time = self.model.rowCount() == 0
        self.model.removeRows(0, self.model.rowCount())
        for entity_type, groups in self._groups.items():
            total = sum(group.count for group in groups)
            head = QStandardItem(QIcon(swatch(entity_type, self._dark)), type_label(entity_type))
            head.setData(entity_type, ENTITY_TYPE_ROLE)
            head.setToolTip(
                self.tr("{type}: {entities} entities, {mentions} mentions").format(
                    type=type_label(entity_type), entities=len(groups), mentions=total
                )
            )
            head_count = QStandardItem(str(total))
            head_count.setData(entity_type, ENTITY_TYPE_ROLE)
            for item in (head, head_count):
                item.setEditable(False)
            for group in groups:
                name = QStandardItem(self.shown_name(group))
                count = QStandardItem(str(group.count))
                query = entity_query(group.canonical, group.surfaces)
                tip = self.tooltip(group)
                for item in (name, count):
                    item.setEditable(False)
                    item.setData(group.entity_id, ENTITY_ID_ROLE)
                    item.setData(entity_type, ENTITY_TYPE_ROLE)
                    item.setData(query, QUERY_ROLE)
                    item.setToolTip(tip)
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                head.appendRow([name, count])
            self.model.appendRow([head, head_count])
            if first_time or entity_type in expanded:
                self.tree.expand(head.index())

    # -- selection ---------------------------------------------------------------

    def index_of(self, entity_id: str) -> QModelIndex:
        for row in range(self.model.rowCount()):
            head = self.model.item(row)
            for child in range(head.rowCount()):
                item = head.child(child)
                if item.data(ENTITY_ID_ROLE) == entity_id:
                    return item.index()
        return QModelIndex()

    def set_selected(self, entity_id: str | None) -> None:
        """Select (and show) the entity's row, or clear the selection."""
        index = self.index_of(entity_id) if entity_id else QModelIndex()
        selection = self.tree.selectionModel()
        if not index.isValid():
            selection.clearSelection()
            return
        selection.setCurrentIndex(
            index,
            selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        entity_id = index.data(ENTITY_ID_ROLE)
        if entity_id:
            self.entity_activated.emit(str(entity_id))

    # -- context menu ------------------------------------------------------------

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu for the row at ``index`` (None above a type row or nothing)."""
        query = index.data(QUERY_ROLE) if index.isValid() else None
        if not query:
            return None
        menu = QMenu(self)
        name = str(index.siblingAtColumn(0).data(Qt.ItemDataRole.DisplayRole))
        search = menu.addAction(self.tr("Search the library for 「{text}」").format(text=name))
        search.setObjectName("searchEntity")
        search.triggered.connect(lambda _checked=False, q=str(query): self.search_requested.emit(q))
        show = menu.addAction(self.tr("Highlight all occurrences"))
        show.setObjectName("selectEntity")
        entity_id = str(index.data(ENTITY_ID_ROLE))
        show.triggered.connect(lambda _checked=False, e=entity_id: self.entity_activated.emit(e))
        return menu

    @Slot(QPoint)
    def _on_context_menu(self, point: QPoint) -> None:
        menu = self.context_menu(self.tree.indexAt(point))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(point))
            menu.deleteLater()
