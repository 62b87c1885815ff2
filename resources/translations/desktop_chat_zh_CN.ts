<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="79"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="80"/>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="81"/>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="82"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="83"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="84"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="88"/>
        <source>&amp;New conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="90"/>
        <source>&amp;Rename conversation</source>
        <translation>重命名对话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="92"/>
        <source>&amp;Delete conversation…</source>
        <translation>删除对话(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="94"/>
        <source>&amp;Open response by id…</source>
        <translation>按 ID 打开响应(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="96"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="98"/>
        <source>All conversations (JSON)…</source>
        <translation>所有对话 (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="100"/>
        <source>This branch (Markdown)…</source>
        <translation>此分支 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="102"/>
        <source>This whole tree (Markdown)…</source>
        <translation>整棵树 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="104"/>
        <source>&amp;Providers…</source>
        <translation>提供商(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="106"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="108"/>
        <source>&amp;MCP servers…</source>
        <translation>&amp;MCP 服务器…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="110"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="112"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="114"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="115"/>
        <source>&amp;Regenerate / retry</source>
        <translation>重新生成 / 重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="117"/>
        <source>Regenerate &amp;with…</source>
        <translation>用其他设置重新生成(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="119"/>
        <source>&amp;Edit prompt</source>
        <translation>编辑提示词(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="121"/>
        <source>&amp;Fan out variants…</source>
        <translation>同时生成多个变体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="123"/>
        <source>&amp;Compare with siblings</source>
        <translation>与同级回答比较(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="125"/>
        <source>Context &amp;inspector…</source>
        <translation>上下文检查器(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="127"/>
        <source>Co&amp;mpact branch</source>
        <translation>压缩分支(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="129"/>
        <source>&amp;Delete turn and what follows…</source>
        <translation>删除此轮及其后续(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="131"/>
        <source>&amp;Parent</source>
        <translation>父节点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="133"/>
        <source>&amp;First child</source>
        <translation>第一个子节点(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="135"/>
        <source>P&amp;revious sibling</source>
        <translation>上一个同级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="137"/>
        <source>&amp;Next sibling</source>
        <translation>下一个同级(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="139"/>
        <source>Focus &amp;composer</source>
        <translation>聚焦输入框(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="141"/>
        <source>&amp;Search all conversations</source>
        <translation>搜索所有对话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="143"/>
        <source>&amp;Graph / outline</source>
        <translation>图形 / 大纲(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="145"/>
        <source>Zoom graph &amp;in</source>
        <translation>放大图(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="147"/>
        <source>Zoom graph &amp;out</source>
        <translation>缩小图(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="149"/>
        <source>&amp;Fit graph to view</source>
        <translation>图适应视图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="151"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="171"/>
        <source>Attach…</source>
        <translation>附加…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="173"/>
        <source>Attach images (PNG, JPEG, WEBP, GIF) or PDFs — or drop or paste them</source>
        <translation>附加图片（PNG、JPEG、WEBP、GIF）或 PDF — 也可拖放或粘贴</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="175"/>
        <source>Image detail</source>
        <translation>图片精度</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="176"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="176"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="176"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="180"/>
        <source>Image detail sent to the model: low is cheaper, high reads fine print</source>
        <translation>发送给模型的图片精度：“低”更便宜，“高”能看清小字</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="182"/>
        <source>Image URL</source>
        <translation>图片 URL</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="183"/>
        <source>Image URL (https://…), Enter adds it</source>
        <translation>图片 URL (https://…)，按 Enter 添加</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="184"/>
        <source>Image URL…</source>
        <translation>图片 URL…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="185"/>
        <source>Attach an image by its web address</source>
        <translation>通过网址附加图片</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="186"/>
        <source>Detail:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="255"/>
        <source>The image is no longer in the attachment folder.</source>
        <translation>该图像已不在附件文件夹中。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="269"/>
        <source>Pasted image %1</source>
        <translation>粘贴的图片 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="308"/>
        <source>Images and PDFs (%1);;All files (*)</source>
        <translation>图片和 PDF (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="309"/>
        <source>Attach images or PDFs</source>
        <translation>附加图片或 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="323"/>
        <source>“%1” would bring this prompt&apos;s attachments to %2; at most %3 can be sent at once. Nothing was attached.</source>
        <translation>添加“%1”后，此提示词的附件将达到 %2；一次最多只能发送 %3。未附加任何内容。</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="85"/>
        <source>linked</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="89"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="33"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="35"/>
        <source>max tokens</source>
        <translation>最大令牌数</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="40"/>
        <source>server defaults</source>
        <translation>服务器默认值</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="46"/>
        <source>instructions: %1</source>
        <translation>指令：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="52"/>
        <source>%1 in / %2 out tokens</source>
        <translation>输入 %1 / 输出 %2 令牌</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="109"/>
        <source>Compare answers</source>
        <translation>比较回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="110"/>
        <source>Stop all</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="111"/>
        <source>Stop every answer that is still streaming (Esc)</source>
        <translation>停止所有仍在输出的回答 (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="137"/>
        <source>Continue from this one</source>
        <translation>从这个回答继续</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="139"/>
        <source>Select this answer in the main window and write the next prompt</source>
        <translation>在主窗口中选中此回答并编写下一条提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="159"/>
        <source>reference</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="169"/>
        <source>Similarity to the first: %1</source>
        <translation>与第一个回答的相似度：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="173"/>
        <source> — %1 still streaming</source>
        <translation> — %1 个仍在输出</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="63"/>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="92"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="101"/>
        <source>Type a prompt — Enter sends, Shift+Enter makes a new line, Esc stops an answer</source>
        <translation>输入提示词 — Enter 发送，Shift+Enter 换行，Esc 停止回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="104"/>
        <source>Type a prompt — Ctrl+Enter sends, Esc stops an answer</source>
        <translation>输入提示词 — Ctrl+Enter 发送，Esc 停止回答</translation>
    </message>
</context>
<context>
    <name>ComposerPane</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="95"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="97"/>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="137"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="99"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="100"/>
        <source>Stop the answer (Esc); what arrived is kept</source>
        <translation>停止回答 (Esc)；已收到的内容会保留</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="67"/>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="173"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="102"/>
        <source>Ask again with the selected prompt: a new sibling answer (Ctrl+R)</source>
        <translation>用所选提示词重新提问：生成新的同级回答 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="97"/>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="137"/>
        <source>Send (Enter)</source>
        <translation>发送 (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="168"/>
        <source>New conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="173"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="178"/>
        <source>New branch — the selected turn has no answer to continue from</source>
        <translation>新分支 — 所选轮次没有可接续的回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="185"/>
        <source>Replying after: “%1”</source>
        <translation>接续回复：“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="187"/>
        <source>Replying after: “%1” — the selected turn has no answer to continue from</source>
        <translation>接续回复：“%1” — 所选轮次没有可接续的回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="207"/>
        <source>Draft: %1 tokens · request ≈ %2</source>
        <translation>草稿：%1 个令牌 · 请求 ≈ %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="210"/>
        <source>The next request carries the draft plus the context of the selected branch (estimate).</source>
        <translation>下一个请求包含草稿以及所选分支的上下文（估算）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="240"/>
        <source>The image is no longer in the attachment folder.</source>
        <translation>该图像已不在附件文件夹中。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="242"/>
        <source>Save image</source>
        <translation>保存图像</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="247"/>
        <source>The image could not be saved: %1</source>
        <translation>无法保存图像：%1</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="93"/>
        <source>The demo uses the built-in emulator</source>
        <translation>演示使用内置模拟器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="96"/>
        <source>Fixed by --base-url on the command line</source>
        <translation>已由命令行的 --base-url 固定</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="341"/>
        <source>DEMO — local emulator</source>
        <translation>演示 — 本地模拟器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="343"/>
        <source>key from the keyring</source>
        <translation>密钥来自钥匙串</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="344"/>
        <source>key from the environment</source>
        <translation>密钥来自环境变量</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="345"/>
        <source>key from this session</source>
        <translation>仅本次会话的密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="347"/>
        <source>no key</source>
        <translation>无密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="267"/>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="270"/>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="302"/>
        <source>No system keyring is available (%1). The key will be used for this session only; set OPENAI_API_KEY in the environment to avoid typing it each time.</source>
        <translation>没有可用的系统密钥环（%1）。此密钥仅在本次会话中使用；在环境变量中设置 OPENAI_API_KEY 即可免去每次输入。</translation>
    </message>
</context>
<context>
    <name>ContextIndicator</name>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="58"/>
        <source>History on server</source>
        <translation>历史：保存在服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="61"/>
        <source>The server keeps this conversation: each request sends only your new prompt and names the answer it follows, so earlier turns are not sent again.</source>
        <translation>服务器保存此对话：每个请求只发送你的新提示词并指明所接续的回答，之前的轮次不会再次发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="66"/>
        <source>History sent in full</source>
        <translation>历史：每次完整发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="69"/>
        <source>Each request sends the whole branch from this computer: this server keeps no conversations, the branch was started elsewhere, or turns were left out of it.</source>
        <translation>每个请求都从这台电脑发送整个分支：此服务器不保存对话、分支始于别处，或其中有轮次被排除。</translation>
    </message>
</context>
<context>
    <name>ContextInspector</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="56"/>
        <source>Context of the next request</source>
        <translation>下一个请求的上下文</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="71"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="71"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="71"/>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="81"/>
        <source>Let the server drop the oldest items if the context is too long (truncation: auto)</source>
        <translation>上下文过长时允许服务器丢弃最早的项目 (truncation: auto)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="86"/>
        <source>Count exactly</source>
        <translation>精确计数</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="89"/>
        <source>Ask the server for the exact input token count (responses/input_tokens)</source>
        <translation>向服务器查询精确的输入令牌数 (responses/input_tokens)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="151"/>
        <source>Server chain: only the new input is sent, with previous_response_id.</source>
        <translation>服务器链：只发送新输入，并附带 previous_response_id。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="153"/>
        <source>A new conversation: only the new input is sent.</source>
        <translation>新对话：只发送新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="155"/>
        <source>Local replay: the path is sent again from the local history.</source>
        <translation>本地重放：从本地历史重新发送整条路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="158"/>
        <source>%1 turn(s) excluded.</source>
        <translation>已排除 %1 轮。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="162"/>
        <source>About %1 input tokens (estimate).</source>
        <translation>约 %1 个输入令牌（估算）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="189"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="196"/>
        <source>The server could not count: %1</source>
        <translation>服务器无法计数：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="199"/>
        <source>Server count: %1 input tokens</source>
        <translation>服务器计数：%1 个输入令牌</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="201"/>
        <source>This server cannot count tokens.</source>
        <translation>此服务器无法计算令牌数。</translation>
    </message>
</context>
<context>
    <name>ConversationGraphView</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_view.py" line="77"/>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="65"/>
        <source>Conversation graph</source>
        <translation>对话图</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversation_list.py" line="174"/>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
</context>
<context>
    <name>ConversationTreeModel</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="134"/>
        <source>Prompt: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="135"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="136"/>
        <source>Tokens: %1 in · %2 out</source>
        <translation>令牌：输入 %1 · 输出 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="137"/>
        <source>%1 cached</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="138"/>
        <source>%1 reasoning</source>
        <translation>推理 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="139"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="140"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="141"/>
        <source>Response id: %1</source>
        <translation>响应 ID：%1</translation>
    </message>
</context>
<context>
    <name>ConversationTreeView</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="62"/>
        <location filename="../../desktop_chat/ui/tree/tree_view.py" line="60"/>
        <source>Conversation tree</source>
        <translation>对话树</translation>
    </message>
</context>
<context>
    <name>ConversationsPane</name>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="67"/>
        <source>New conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="116"/>
        <source>Open a conversation to rename it.</source>
        <translation>请先打开要重命名的对话。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="130"/>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="132"/>
        <source>Delete “%1” and all its branches from this computer? This cannot be undone.

Responses stored on the server are not deleted.</source>
        <translation>要从这台电脑删除“%1”及其所有分支吗？此操作无法撤销。

服务器上存储的响应不会被删除。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="44"/>
        <source>What would you like to ask?</source>
        <translation>你想问什么？</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="47"/>
        <source>Type below, or try one of these. Every answer can be branched: ask again or edit a prompt and the tree on the left keeps both.</source>
        <translation>在下方输入，或试试下面这些。每个回答都可以分支：重新提问或修改提示词，左侧的树会保留两者。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="53"/>
        <source>Send this prompt</source>
        <translation>发送此提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="62"/>
        <source>Explain recursion with a short Python example</source>
        <translation>用一个简短的 Python 示例解释递归</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="63"/>
        <source>Compare three sorting algorithms in a table</source>
        <translation>用表格比较三种排序算法</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="64"/>
        <source>Why is e^(iπ) + 1 = 0? Show the math</source>
        <translation>为什么 e^(iπ) + 1 = 0？请给出推导</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="65"/>
        <source>Write a polite email asking to move a meeting</source>
        <translation>写一封礼貌的邮件，请求改期会议</translation>
    </message>
</context>
<context>
    <name>ErrorKind</name>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="26"/>
        <source>The server rejected the API key or denied access. Open Settings and enter a valid key.</source>
        <translation>服务器拒绝了 API 密钥或访问。请打开设置检查密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="29"/>
        <source>The model was not found on this server. Pick another model next to the prompt.</source>
        <translation>此服务器上找不到该模型。请在提示词旁选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="32"/>
        <source>Too many requests or quota reached.</source>
        <translation>请求过多或已达到配额。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="33"/>
        <source>The server had an error while answering. Try again in a moment.</source>
        <translation>服务器在回答时出错。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="36"/>
        <source>The conversation is too long for this model&apos;s context window. Start a new branch from an earlier turn, or pick a model with a larger context.</source>
        <translation>对话超出了此模型的上下文窗口。请从更早的轮次开始新分支，或选择上下文更大的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="41"/>
        <source>The server no longer has the earlier answer this branch continues from.</source>
        <translation>服务器已不再保存此分支所接续的先前回答。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="44"/>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="45"/>
        <source>The connection to the server failed or dropped. What arrived is kept; check the network or the server address and press Retry (Ctrl+R).</source>
        <translation>与服务器的连接失败或中断。已保留收到的内容；请检查网络或服务器地址，然后按重试（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="50"/>
        <source>The server stopped sending (timed out). What arrived is kept; press Retry (Ctrl+R).</source>
        <translation>服务器停止发送（超时）。已保留收到的内容；请按重试（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="53"/>
        <source>The server reported an error.</source>
        <translation>服务器报告了错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="54"/>
        <source>The server sent data the app could not read.</source>
        <translation>服务器发送了应用无法读取的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="55"/>
        <source>Unexpected error.</source>
        <translation>意外错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="58"/>
        <source>The answer was cut off at the max output tokens limit (raise it in Settings).</source>
        <translation>回答在最大输出令牌数处被截断（请在设置中调高）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="61"/>
        <source>The answer was stopped by the server&apos;s content filter.</source>
        <translation>回答被服务器的内容过滤器停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="65"/>
        <source>The server ended the answer early (%1).</source>
        <translation>服务器提前结束了回答（%1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="66"/>
        <source>%1 (%2) is not supported with the model %3. Turn it off in Settings or pick a model that supports it.</source>
        <translation>模型 %3 不支持%1（%2）。请在设置中关闭它，或选择支持它的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="71"/>
        <location filename="../../desktop_chat/ui/error_text.py" line="72"/>
        <source>Web search</source>
        <translation>网页搜索</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="73"/>
        <source>File search</source>
        <translation>文件搜索</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="74"/>
        <source>Code interpreter</source>
        <translation>代码解释器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="76"/>
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="77"/>
        <source>The server asks to wait %1 s.</source>
        <translation>服务器要求等待 %1 秒。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="78"/>
        <source>(Server: %1)</source>
        <translation>（服务器：%1）</translation>
    </message>
</context>
<context>
    <name>FanOutDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="42"/>
        <source>Regenerate with other settings</source>
        <translation>使用其他设置重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="44"/>
        <source>Fan out: several answers at once</source>
        <translation>同时生成多个回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="56"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="57"/>
        <source>Temperature (empty = default)</source>
        <translation>温度（留空 = 默认）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="58"/>
        <source>Instructions / persona</source>
        <translation>指令 / 角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="73"/>
        <source>Send all</source>
        <translation>全部发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="73"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="80"/>
        <source>The prompt is asked again with these settings; the new answer becomes a sibling and the old one stays.</source>
        <translation>用这些设置再次发送提示词；新回答成为同级回答，原回答保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="84"/>
        <source>Each variant becomes a sibling answer; they stream side by side. Esc stops all.</source>
        <translation>每个变体都会成为一个同级回答，并排输出。按 Esc 全部停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="91"/>
        <source>Variants:</source>
        <translation>变体数：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="118"/>
        <source>Persona…</source>
        <translation>角色…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="166"/>
        <source>Temperatures must be numbers between 0 and 2 (or empty for the default).</source>
        <translation>温度必须是 0 到 2 之间的数字（留空则使用默认值）。</translation>
    </message>
</context>
<context>
    <name>GenerationForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="23"/>
        <source>&amp;Generate images (the image_generation tool)</source>
        <translation>生成图像(&amp;G)（image_generation 工具）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="27"/>
        <source>How long and detailed answers are (gpt-5 models)</source>
        <translation>回答的长度和详细程度（gpt-5 模型）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="29"/>
        <source>flex: slower and cheaper; priority: faster and dearer</source>
        <translation>flex：更慢更便宜；priority：更快更贵</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="30"/>
        <source>&amp;Keep answers on the server (previous_response_id)</source>
        <translation>在服务器上保留回答(&amp;K)（previous_response_id）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="35"/>
        <source>Without keeping answers on the server (zero data retention), every turn sends the conversation from this computer, and reasoning models get their earlier reasoning back encrypted.</source>
        <translation>不在服务器上保留回答（零数据保留）时，每一轮都会从本机发送整个对话，推理模型会以加密形式取回之前的推理。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="43"/>
        <source>&amp;Verbosity:</source>
        <translation>详细程度(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="44"/>
        <source>Service &amp;tier:</source>
        <translation>服务等级(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="48"/>
        <source>Verbosity</source>
        <translation>详细程度</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="49"/>
        <source>Service tier</source>
        <translation>服务等级</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="56"/>
        <source>server default</source>
        <translation>服务器默认值</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="58"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="59"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="60"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="61"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="62"/>
        <source>default</source>
        <comment>the standard service tier</comment>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>GraphLegend</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_overlays.py" line="73"/>
        <source>Card colours: the status of each answer</source>
        <translation>卡片颜色：每个回答的状态</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_items.py" line="47"/>
        <source>(no text)</source>
        <translation>（无文本）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_items.py" line="55"/>
        <source>%1→%2 tok</source>
        <translation>%1→%2 令牌</translation>
    </message>
</context>
<context>
    <name>ImageTools</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="102"/>
        <source>The image could not be encoded: %1.</source>
        <translation>无法编码图片：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="129"/>
        <source>“%1” is not a PNG, JPEG, WEBP or GIF image, or a PDF. Nothing was attached.</source>
        <translation>“%1”不是 PNG、JPEG、WEBP 或 GIF 图片，也不是 PDF。未附加任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="137"/>
        <source>“%1” is animated (%2 frames); only still images can be attached. Nothing was attached.</source>
        <translation>“%1”是动图（%2 帧）；只能附加静态图片。未附加任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="154"/>
        <source>the file ends too early</source>
        <translation>文件提前结束</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="155"/>
        <source>“%1” could not be read as an image (%2); it may be damaged. Nothing was attached.</source>
        <translation>无法将“%1”读取为图片（%2）；文件可能已损坏。未附加任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="169"/>
        <source>“%1” is not a PNG, JPEG, WEBP or GIF image (judged by its content). Nothing was attached.</source>
        <translation>“%1”不是 PNG、JPEG、WEBP 或 GIF 图片（根据内容判断）。未附加任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="185"/>
        <source>“%1” holds no image. Nothing was attached.</source>
        <translation>“%1”中没有图片。未附加任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="99"/>
        <source>Importing conversations</source>
        <translation>正在导入对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="100"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="115"/>
        <source>Imported %1 conversation(s) from %2…</source>
        <translation>已从 %2 导入 %1 个对话…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="117"/>
        <source>%1 already here (skipped)</source>
        <translation>%1 个已存在（已跳过）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="122"/>
        <source>Cancelling… (the conversation being read is finished first)</source>
        <translation>正在取消…（会先完成正在读取的对话）</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="106"/>
        <source>Edit prompt</source>
        <translation>编辑提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="108"/>
        <source>Ctrl+Enter sends it as a new version; the original stays. Esc cancels.</source>
        <translation>Ctrl+Enter 将其作为新版本发送，原提示词保留。Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="110"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="112"/>
        <source>Save without sending</source>
        <translation>保存但不发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="114"/>
        <source>Keep the edited prompt as a new version, to send later</source>
        <translation>将编辑后的提示词保留为新版本，稍后再发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="115"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="116"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="117"/>
        <source>Send it as a new version; the original stays</source>
        <translation>作为新版本发送，原提示词保留</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="33"/>
        <source>The base URL must be an http:// or https:// address, e.g. http://localhost:8000/v1</source>
        <translation>基础 URL 必须是 http:// 或 https:// 地址，例如 http://localhost:8000/v1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="57"/>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="61"/>
        <source>Enter your OpenAI API key. It is stored in the system keyring (never in a file) and used only to talk to the server below.

For an OpenAI-compatible server, enter its base URL as well; a local server (e.g. http://localhost:8000/v1) usually needs no key.</source>
        <translation>请输入你的 OpenAI API 密钥。密钥保存在系统密钥环中（绝不写入文件），仅用于与下方服务器通信。

如果使用 OpenAI 兼容服务器，请同时输入其基础 URL；本地服务器（例如 http://localhost:8000/v1）通常不需要密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="69"/>
        <source>Where keys come from: an OpenAI key is created on the API keys page of your account at platform.openai.com. Any OpenAI-compatible server (a local one, a gateway) works with its URL and, if it asks for one, its own key.</source>
        <translation>密钥从哪里来：OpenAI 密钥在 platform.openai.com 账户的 API 密钥页面创建。任何 OpenAI 兼容服务器（本地服务器、网关）只需填写其 URL，如有需要再填写它自己的密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="88"/>
        <source>optional: empty = OpenAI (https://api.openai.com/v1)</source>
        <translation>可选：留空 = OpenAI (https://api.openai.com/v1)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="102"/>
        <source>Try the &amp;demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="105"/>
        <source>A built-in local emulator answers: no key, nothing leaves this computer</source>
        <translation>由内置的本地模拟器回答：无需密钥，数据不会离开这台电脑</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="110"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="111"/>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="141"/>
        <source>The key must not contain spaces or line breaks.</source>
        <translation>密钥不能包含空格或换行。</translation>
    </message>
</context>
<context>
    <name>LogprobsDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/logprobs_view.py" line="127"/>
        <source>Token probabilities</source>
        <translation>令牌概率</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/logprobs_view.py" line="131"/>
        <source>%1 tokens · mean probability %2 · hover a token for its alternatives</source>
        <translation>%1 个令牌 · 平均概率 %2 · 将鼠标悬停在令牌上可查看候选项</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/logprobs_view.py" line="135"/>
        <source>This answer has no token probabilities (turn on top_logprobs in Settings).</source>
        <translation>此回答没有令牌概率（请在设置中开启 top_logprobs）。</translation>
    </message>
</context>
<context>
    <name>LongPrompt</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="23"/>
        <source>… %1 more characters.</source>
        <translation>… 还有 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="24"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="25"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="26"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>LookMenus</name>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="42"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="43"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="44"/>
        <location filename="../../desktop_chat/ui/look_menu.py" line="48"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="44"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="44"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="49"/>
        <source>&amp;Enter sends (Shift+Enter: new line)</source>
        <translation>Enter 发送(&amp;E)（Shift+Enter：换行）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="50"/>
        <source>Off: Ctrl+Enter sends and Enter makes a new line</source>
        <translation>关闭时：Ctrl+Enter 发送，Enter 换行</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="138"/>
        <source>Welcome to the demo! A small server inside the app answers, so nothing leaves this computer and no key is needed. Its answers show what the app can do (tables, code, math, branches) and end with a grey line naming the context they received.</source>
        <translation>欢迎试用演示！由应用内置的小型服务器回答，因此不会有任何内容离开这台电脑，也不需要密钥。回答会展示应用的功能（表格、代码、数学公式、分支），最后一行灰色文字说明它收到的上下文。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="236"/>
        <source>&amp;Persona</source>
        <translation>角色(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="400"/>
        <source> — DEMO (local emulator, no key needed)</source>
        <translation> — 演示（本地模拟器，无需密钥）</translation>
    </message>
</context>
<context>
    <name>McpServerEditor</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="66"/>
        <source>MCP server</source>
        <translation>MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="71"/>
        <source>e.g. npx -y @modelcontextprotocol/server-everything</source>
        <translation>例如 npx -y @modelcontextprotocol/server-everything</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="74"/>
        <source>or a Streamable HTTP address, e.g. http://127.0.0.1:8000/mcp</source>
        <translation>或 Streamable HTTP 地址，例如 http://127.0.0.1:8000/mcp</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="75"/>
        <source>The &amp;provider connects to it (the Responses API&apos;s hosted mcp tool)</source>
        <translation>由提供方连接(&amp;P)（Responses API 的托管 mcp 工具）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="80"/>
        <source>For a URL the provider&apos;s servers can reach. Unchecked, this app connects to it and offers its tools as functions (works with any provider).</source>
        <translation>用于提供方服务器可以访问的 URL。不勾选时，由本应用连接并把其工具作为函数提供（适用于任何提供方）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="89"/>
        <source>NAME=value, one a line: environment variables for a command, headers for a URL</source>
        <translation>名称=值，每行一个：命令用作环境变量，URL 用作请求标头</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="97"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="98"/>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="99"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="101"/>
        <source>&amp;Secrets:</source>
        <translation>机密(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="108"/>
        <source>Secret values are kept in the system keyring, never in a file; leave a value empty to keep the one saved before.</source>
        <translation>机密值只保存在系统密钥环中，绝不写入文件；值留空则保留之前保存的值。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="131"/>
        <source>The command line is not complete: %1</source>
        <translation>命令行不完整：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="133"/>
        <source>Not NAME=value: %1</source>
        <translation>不是 名称=值 格式：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="153"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>McpServersDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="166"/>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="176"/>
        <source>MCP servers</source>
        <translation>MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="169"/>
        <source>Checked servers offer their tools to the model in this conversation (or in the next new one). The app starts them when a question needs them and asks you before each call.</source>
        <translation>勾选的服务器会在此对话（或下一个新对话）中向模型提供工具。应用会在问题需要时启动它们，并在每次调用前询问你。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="177"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="179"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="181"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="209"/>
        <source>(through the provider)</source>
        <translation>（通过提供方）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="257"/>
        <source>Remove MCP server</source>
        <translation>移除 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="258"/>
        <source>Remove “%1” and its saved secrets?</source>
        <translation>移除“%1”及其保存的机密吗？</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="42"/>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="62"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="43"/>
        <source>Copy answer as Markdown</source>
        <translation>将回答复制为 Markdown</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="44"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="45"/>
        <source>Copy answer as plain text</source>
        <translation>将回答复制为纯文本</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="46"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="47"/>
        <source>Regenerate: ask again, keeping this answer as a version</source>
        <translation>重新生成：再问一次，此回答保留为一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="48"/>
        <source>Regenerate with…</source>
        <translation>使用其他设置重新生成…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="49"/>
        <source>Regenerate with another model, temperature or persona…</source>
        <translation>使用其他模型、温度或角色重新生成…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="50"/>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="51"/>
        <source>Branch into a new conversation from this answer</source>
        <translation>从此回答分支到新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="52"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="53"/>
        <source>Continue: ask the model to go on from where it stopped</source>
        <translation>继续：让模型从停止处接着写</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="54"/>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="64"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="55"/>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="65"/>
        <source>Delete this turn and what follows…</source>
        <translation>删除此轮及其后的所有内容…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="58"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="59"/>
        <source>Edit prompt (the original stays)</source>
        <translation>编辑提示词（原提示词保留）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="60"/>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="61"/>
        <source>Send this edited prompt now</source>
        <translation>立即发送这条已编辑的提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="63"/>
        <source>Copy prompt</source>
        <translation>复制提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="67"/>
        <source>Actions for this message</source>
        <translation>此消息的操作</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="229"/>
        <source>Next message in the transcript</source>
        <translation>对话中的下一条消息</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="230"/>
        <source>Previous message in the transcript</source>
        <translation>对话中的上一条消息</translation>
    </message>
</context>
<context>
    <name>MessageControls</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="27"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="26"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="29"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="30"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="31"/>
        <source>edited prompt</source>
        <translation>已编辑的提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="32"/>
        <source>regenerated</source>
        <translation>已重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="33"/>
        <source>temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="34"/>
        <source>other persona</source>
        <translation>其他角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="35"/>
        <source>Version %1 of %2</source>
        <translation>第 %1 个版本，共 %2 个</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_overlays.py" line="131"/>
        <source>Overview: click or drag to move the graph</source>
        <translation>概览：单击或拖动以移动图</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="65"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="66"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="68"/>
        <source>The model this conversation is sent to (%1); type any name the server knows</source>
        <translation>此对话发送到的模型（%1）；可输入服务器认识的任何名称</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="75"/>
        <source>&amp;Reasoning:</source>
        <translation>推理(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="76"/>
        <source>Reasoning effort</source>
        <translation>推理强度</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="77"/>
        <source>How much the model thinks before it answers</source>
        <translation>模型回答前思考的程度</translation>
    </message>
</context>
<context>
    <name>NodeStatus</name>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="46"/>
        <source>streaming</source>
        <translation>输出中</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="48"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="50"/>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="52"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="54"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="56"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="58"/>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="65"/>
        <source>Settings need attention</source>
        <translation>设置需要修改</translation>
    </message>
</context>
<context>
    <name>OpenByIdDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="112"/>
        <source>Open a response by id</source>
        <translation>按 ID 打开响应</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="117"/>
        <source>Response id</source>
        <translation>响应 ID</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="124"/>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="155"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="138"/>
        <source>Paste the id of a response stored on the server. It opens as a new conversation that continues from that response.</source>
        <translation>粘贴服务器上存储的响应 ID。它会作为从该响应继续的新对话打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="155"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
</context>
<context>
    <name>ParamsForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="110"/>
        <source>server default (0 to 2)</source>
        <translation>服务器默认值（0 到 2）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="111"/>
        <source>server default (0 to 1)</source>
        <translation>服务器默认值（0 到 1）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="112"/>
        <source>server default (16 to 1,000,000)</source>
        <translation>服务器默认值（16 到 1,000,000）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="114"/>
        <source>System instructions (a persona), sent with every turn</source>
        <translation>系统指令（角色），每轮都会发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="119"/>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="126"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="125"/>
        <source>server default</source>
        <translation>服务器默认值</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="127"/>
        <source>Empty: use the default instructions</source>
        <translation>留空：使用默认指令</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="133"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="135"/>
        <source>Ask the server which models it offers</source>
        <translation>向服务器查询可用的模型</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="139"/>
        <source>Values for this conversation only. Empty fields use the defaults.</source>
        <translation>仅适用于此对话的值。留空的字段使用默认值。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="142"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="145"/>
        <source>&amp;Temperature:</source>
        <translation>温度(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="146"/>
        <source>Top &amp;p:</source>
        <translation>Top &amp;p：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="147"/>
        <source>Max output &amp;tokens:</source>
        <translation>最大输出令牌数(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="148"/>
        <source>&amp;Instructions:</source>
        <translation>指令(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="158"/>
        <source>Reasoning models (o-series, gpt-5) take no temperature or top_p; requests leave them out.</source>
        <translation>推理模型（o 系列、gpt-5）不接受 temperature 和 top_p；请求中会省略它们。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="191"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="193"/>
        <source>Max output tokens</source>
        <translation>最大输出令牌数</translation>
    </message>
</context>
<context>
    <name>PersonaMenu</name>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="49"/>
        <source>no persona</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="50"/>
        <source>Persona: %s</source>
        <translation>角色：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="62"/>
        <source>No persona (default instructions)</source>
        <translation>无角色（默认指令）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="73"/>
        <source>Manage personas…</source>
        <translation>管理角色…</translation>
    </message>
</context>
<context>
    <name>PersonasDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="28"/>
        <source>Personas</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="39"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="41"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="58"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="60"/>
        <source>Instructions (sent as the system prompt)</source>
        <translation>指令（作为系统提示词发送）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="87"/>
        <source>New persona</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="122"/>
        <source>Every persona needs a name.</source>
        <translation>每个角色都需要名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="124"/>
        <source>Two personas have the same name.</source>
        <translation>有两个角色同名。</translation>
    </message>
</context>
<context>
    <name>PricesForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="390"/>
        <source>Model (prefix)</source>
        <translation>模型（前缀）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="391"/>
        <source>Input $/1M</source>
        <translation>输入 $/1M</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="392"/>
        <source>Cached input $/1M</source>
        <translation>缓存输入 $/1M</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="393"/>
        <source>Output $/1M</source>
        <translation>输出 $/1M</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="399"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="402"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="405"/>
        <source>USD per million tokens. A model uses the longest prefix that matches its id.</source>
        <translation>单位：美元/百万令牌。模型使用与其 ID 匹配的最长前缀的价格。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="435"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="436"/>
        <source>Price of %1</source>
        <translation>%1 的价格</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="447"/>
        <source>Prices row %1: a model and input/output prices ≥ 0 are needed.</source>
        <translation>价格第 %1 行：需要模型以及 ≥ 0 的输入/输出价格。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="60"/>
        <source>Edit profile</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="60"/>
        <source>Add profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="67"/>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 兼容</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="74"/>
        <source>e.g. 2025-04-01-preview; empty = the /openai/v1/ form</source>
        <translation>例如 2025-04-01-preview；留空 = /openai/v1/ 形式</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="84"/>
        <source>a listed model, or type any name (Azure: the deployment)</source>
        <translation>列表中的模型，或输入任意名称（Azure：部署名称）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="89"/>
        <source>saved in the keyring — leave empty to keep it</source>
        <translation>已保存在密钥环中 — 留空则保留</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="91"/>
        <source>sk-… (stored in the keyring)</source>
        <translation>sk-…（保存在密钥环中）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="93"/>
        <source>Forget the saved key</source>
        <translation>忘记已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="109"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="110"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="111"/>
        <source>&amp;URL / endpoint:</source>
        <translation>URL / 端点(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="112"/>
        <source>API &amp;version:</source>
        <translation>API 版本(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="113"/>
        <source>&amp;Organization:</source>
        <translation>组织(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="114"/>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="115"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="119"/>
        <source>Automatic (Responses; Chat Completions where the server has none)</source>
        <translation>自动（Responses；服务器没有时用 Chat Completions）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="120"/>
        <source>Responses API</source>
        <translation>Responses API</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="121"/>
        <source>Chat Completions</source>
        <translation>Chat Completions</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="125"/>
        <source>A&amp;PI:</source>
        <translation>API(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="126"/>
        <source>&amp;Stream answers as they are written</source>
        <translation>边生成边流式显示回答(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="131"/>
        <source>Off: each answer is asked for whole and shown when ready (for servers that fail to stream).</source>
        <translation>关闭：每个回答整体请求，准备好后显示（用于流式传输失败的服务器）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="135"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="184"/>
        <source>The key must not contain spaces or line breaks.</source>
        <translation>密钥不能包含空格或换行。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="191"/>
        <source>https://NAME.openai.azure.com (or …/openai/v1)</source>
        <translation>https://NAME.openai.azure.com（或 …/openai/v1）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="193"/>
        <source>e.g. http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio)</source>
        <translation>例如 http://localhost:11434/v1 (Ollama)、http://localhost:1234/v1 (LM Studio)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="194"/>
        <source>optional: empty = https://api.openai.com/v1</source>
        <translation>可选：留空 = https://api.openai.com/v1</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="210"/>
        <source>Providers</source>
        <translation>提供商</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="219"/>
        <source>Select a profile and press Test connection to see what its server supports.</source>
        <translation>选择一个配置并点击“测试连接”，即可查看其服务器支持的功能。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="227"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="228"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="229"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="230"/>
        <source>&amp;Use for new chats</source>
        <translation>用于新对话(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="231"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="239"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="328"/>
        <source>Delete the profile “%1” and its saved key?</source>
        <translation>要删除配置“%1”及其已保存的密钥吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="347"/>
        <source>Testing “%1”…</source>
        <translation>正在测试“%1”…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="372"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
</context>
<context>
    <name>ProviderPicker</name>
    <message>
        <location filename="../../desktop_chat/ui/status/provider_picker.py" line="33"/>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/provider_picker.py" line="34"/>
        <source>The provider this conversation is sent to</source>
        <translation>此对话发送到的提供商</translation>
    </message>
</context>
<context>
    <name>ReasoningEffort</name>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="63"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="64"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="65"/>
        <source>minimal</source>
        <translation>最少</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="66"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="67"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="68"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="69"/>
        <source>xhigh</source>
        <translation>极高</translation>
    </message>
</context>
<context>
    <name>RichForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="238"/>
        <source>&amp;Web search</source>
        <translation>网页搜索(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="240"/>
        <source>Code &amp;interpreter</source>
        <translation>代码解释器(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="244"/>
        <source>vector store ids for file search (empty: off)</source>
        <translation>用于文件搜索的向量存储 ID（留空：关闭）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="263"/>
        <source>Only for reasoning models (o-series, gpt-5); empty = not sent</source>
        <translation>仅适用于推理模型（o 系列、gpt-5）；留空 = 不发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="267"/>
        <source>Show a reasoning &amp;summary</source>
        <translation>显示推理摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="271"/>
        <source>off (0 to 20 alternatives per token)</source>
        <translation>关闭（每个令牌 0 到 20 个候选）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="274"/>
        <source>off (e.g. 100000 tokens)</source>
        <translation>关闭（例如 100000 个令牌）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="276"/>
        <source>context_management compaction: past this many tokens the server compacts the context.</source>
        <translation>context_management 压缩：超过此令牌数时，服务器会压缩上下文。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="280"/>
        <source>truncation: auto (deprecated: the server drops the oldest items)</source>
        <translation>truncation: auto（已弃用：服务器丢弃最早的条目）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="284"/>
        <source>&amp;Background mode (resumable answers)</source>
        <translation>后台模式（可续传的回答）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="288"/>
        <source>The server makes each answer on its own: a dropped connection resumes the answer where it stopped, Stop cancels it on the server, and an answer still running when the app closes is picked up when it opens again. The server keeps the answer&apos;s data for about 10 minutes, so this is not for accounts with zero data retention.</source>
        <translation>服务器独立生成每个回答：连接中断后会从中断处继续接收回答，“停止”会同时在服务器上取消，关闭应用时仍在进行的回答会在再次打开时继续接收。服务器会保留回答数据约 10 分钟，因此不适用于零数据保留（zero data retention）的账户。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="306"/>
        <source>Hosted tools:</source>
        <translation>托管工具：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="307"/>
        <source>&amp;File search:</source>
        <translation>文件搜索(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="308"/>
        <source>Text &amp;format:</source>
        <translation>文本格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="309"/>
        <source>JSON sc&amp;hema:</source>
        <translation>JSON 架构(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="311"/>
        <source>Reasoning &amp;effort:</source>
        <translation>推理强度(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="313"/>
        <source>Top &amp;logprobs:</source>
        <translation>Top &amp;logprobs：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="314"/>
        <source>&amp;Compact past:</source>
        <translation>压缩阈值(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="335"/>
        <source>✓ Valid schema</source>
        <translation>✓ 架构有效</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="338"/>
        <source>Enter a schema to use json_schema output.</source>
        <translation>要使用 json_schema 输出，请输入架构。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="362"/>
        <source>JSON schema output needs a schema.</source>
        <translation>JSON 架构输出需要一个架构。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="364"/>
        <source>Top logprobs</source>
        <translation>Top logprobs</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="371"/>
        <source>Compact past</source>
        <translation>压缩阈值</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="155"/>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="156"/>
        <source>Search all conversations</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="157"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="170"/>
        <source>You</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="170"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="170"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="171"/>
        <source>%1: %2</source>
        <comment>a search result: where the text matched (You, Answer) and the text</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="183"/>
        <source>No matches</source>
        <translation>无匹配结果</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="186"/>
        <source>%1 match</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="186"/>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="46"/>
        <source>%1: “%2” is not a number.</source>
        <translation>%1：“%2”不是数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="49"/>
        <source>%1: “%2” is not a finite number.</source>
        <translation>%1：“%2”不是有限数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="61"/>
        <source>%1: “%2” is not a whole number.</source>
        <translation>%1：“%2”不是整数。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="78"/>
        <source>Base URL must be an http:// or https:// address with a host (got “%1”).</source>
        <translation>基础 URL 必须是带主机名的 http:// 或 https:// 地址（当前为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="83"/>
        <source>Base URL must not contain spaces.</source>
        <translation>基础 URL 不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="226"/>
        <source>JSON schema: not valid JSON (%1).</source>
        <translation>JSON 架构：不是有效的 JSON（%1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="85"/>
        <source>&amp;Defaults</source>
        <translation>默认值(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="86"/>
        <source>no conversation open</source>
        <translation>未打开对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="87"/>
        <source>This &amp;conversation</source>
        <translation>此对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="88"/>
        <source>Settings for “%1” only</source>
        <translation>仅适用于“%1”的设置</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="91"/>
        <source>Tools &amp;&amp; &amp;output</source>
        <translation>工具和输出(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="93"/>
        <source>&amp;Generation</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="95"/>
        <source>&amp;Prices</source>
        <translation>价格(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="96"/>
        <source>Co&amp;nnection</source>
        <translation>连接(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="124"/>
        <source>empty: OpenAI (https://api.openai.com/v1)</source>
        <translation>留空：OpenAI (https://api.openai.com/v1)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="128"/>
        <source>stored in the system keyring — empty keeps the current key</source>
        <translation>保存在系统密钥环中 — 留空则保留当前密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="131"/>
        <source>The base URL points the app at any OpenAI-compatible server. The API key is kept in the system keyring, never in a file.</source>
        <translation>通过基础 URL 可以连接任何 OpenAI 兼容服务器。API 密钥保存在系统密钥环中，绝不写入文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="138"/>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="139"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="170"/>
        <source>Defaults: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="175"/>
        <source>This conversation: %1</source>
        <translation>此对话：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="177"/>
        <source>Tools &amp; output: %1</source>
        <translation>工具和输出：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="187"/>
        <source>The API key must not contain spaces or line breaks.</source>
        <translation>API 密钥不能包含空格或换行。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="59"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="73"/>
        <source>Filter by action or key…</source>
        <translation>按操作或按键筛选…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="77"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="77"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="162"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="168"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="197"/>
        <source>Last answer: %1 in · %2 out</source>
        <translation>上次回答：输入 %1 · 输出 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="200"/>
        <source>%1 reasoning</source>
        <translation>推理 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="202"/>
        <source>conversation %s</source>
        <translation>对话 %s</translation>
    </message>
</context>
<context>
    <name>StoreCheck</name>
    <message>
        <location filename="../../desktop_chat/ui/status/store_check.py" line="44"/>
        <source>The conversation database is damaged (SQLite&apos;s check failed). Export what you can now (File &gt; Export); at the next start a copy is kept and a new database is started.</source>
        <translation>对话数据库已损坏（SQLite 检查失败）。请立即导出能导出的内容（文件 &gt; 导出）；下次启动时会保留一份副本并新建数据库。</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="92"/>
        <source>Transcript</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="95"/>
        <source>The conversation. Ctrl+Down and Ctrl+Up choose a message, Enter reaches its actions (edit, copy, regenerate, branch, delete), the Menu key lists them; Tab moves through the links.</source>
        <translation>对话内容。Ctrl+Down 和 Ctrl+Up 选择消息，Enter 进入其操作（编辑、复制、重新生成、分支、删除），菜单键列出这些操作；Tab 在链接之间移动。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="52"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="149"/>
        <source>Running in the background · %1</source>
        <translation>正在后台运行 · %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="197"/>
        <source>%1 (branch)</source>
        <translation>%1（分支）</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="129"/>
        <source>%1 in / %2 out tokens</source>
        <translation>输入 %1 / 输出 %2 个令牌</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="130"/>
        <source>%1 cached</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="131"/>
        <source>%1 reasoning</source>
        <translation>推理 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="132"/>
        <source>Stopped — partial answer kept</source>
        <translation>已停止 — 已保留部分回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="133"/>
        <source>Interrupted — the app closed while this answer was streaming</source>
        <translation>已中断 — 接收此回答时应用已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="123"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript.py" line="118"/>
        <location filename="../../desktop_chat/ui/transcript/transcript.py" line="409"/>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="82"/>
        <source>Show %1 earlier messages</source>
        <translation>显示更早的 %1 条消息</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="124"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="125"/>
        <source>↳ continued</source>
        <translation>↳ 续写</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="126"/>
        <source>Not sent yet: an edited prompt kept to send later.</source>
        <translation>尚未发送：这是留待稍后发送的已编辑提示词。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="127"/>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="128"/>
        <source>Copy LaTeX</source>
        <translation>复制 LaTeX</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="134"/>
        <source>[image: %1]</source>
        <translation>[图片：%1]</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="135"/>
        <source>%1: expected %2</source>
        <translation>%1：应为 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="136"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="137"/>
        <source>%1: not one of %2</source>
        <translation>%1：不是 %2 之一</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="138"/>
        <source>%1: missing “%2”</source>
        <translation>%1：缺少“%2”</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="139"/>
        <source>%1: unexpected “%2”</source>
        <translation>%1：多余的“%2”</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="140"/>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="141"/>
        <source>(%1 tokens)</source>
        <translation>（%1 个令牌）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="142"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="143"/>
        <source>Searched the web</source>
        <translation>已搜索网页</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="144"/>
        <source>Searched files</source>
        <translation>已搜索文件</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="145"/>
        <source>Ran code</source>
        <translation>已运行代码</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="146"/>
        <source>Token probabilities</source>
        <translation>令牌概率</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="147"/>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="148"/>
        <source>⚠ Not valid JSON: %1</source>
        <translation>⚠ 不是有效的 JSON：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="149"/>
        <source>⚠ Valid JSON, but it does not match the schema: %1</source>
        <translation>⚠ JSON 有效，但不符合架构：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="150"/>
        <source>✓ Valid JSON, matches the schema</source>
        <translation>✓ JSON 有效，符合架构</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="151"/>
        <source>✓ Valid JSON</source>
        <translation>✓ JSON 有效</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="152"/>
        <source>Incomplete: %1</source>
        <translation>不完整：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="153"/>
        <source>the server ended the answer early</source>
        <translation>服务器提前结束了回答</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="26"/>
        <source>Tool %1 of %2</source>
        <translation>%2 的工具 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="27"/>
        <source>Allow this call?</source>
        <translation>允许此次调用吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="28"/>
        <source>Allow once</source>
        <translation>允许一次</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="29"/>
        <source>Always allow %1</source>
        <translation>始终允许 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="30"/>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="31"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="32"/>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="33"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="34"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="35"/>
        <source>… %1 more characters</source>
        <translation>… 还有 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="36"/>
        <source>Not run (the turn ended first)</source>
        <translation>未运行（本轮先结束了）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="37"/>
        <source>Tools of %1: %2</source>
        <translation>%1 的工具：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="25"/>
        <source>Generated image</source>
        <translation>生成的图像</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="26"/>
        <source>Use in the next prompt</source>
        <translation>用于下一个提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="27"/>
        <source>Save image…</source>
        <translation>保存图像…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="28"/>
        <source>Generating the image… (partial image %1)</source>
        <translation>正在生成图像…（部分图像 %1）</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="38"/>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="40"/>
        <source>ChatGPT export or desktop_chat JSON (*.json *.zip);;All files (*)</source>
        <translation>ChatGPT 导出或 desktop_chat JSON (*.json *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="50"/>
        <source>An import is already running; wait for it or cancel it first.</source>
        <translation>已有导入正在进行；请等待其完成或先取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="74"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="84"/>
        <source>Export all conversations</source>
        <translation>导出所有对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="95"/>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="119"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="111"/>
        <source>Export as Markdown</source>
        <translation>导出为 Markdown</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="120"/>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>TreeActions</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="56"/>
        <source>opening a response</source>
        <translation>打开响应</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="57"/>
        <source>deleting</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="58"/>
        <source>compacting</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="73"/>
        <source>Already busy: %1. Wait for it to finish.</source>
        <translation>正在进行：%1。请等待其完成。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="86"/>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="194"/>
        <source>1 turn</source>
        <translation>1 轮</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="196"/>
        <source>%1 turns</source>
        <translation>%1 轮</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="199"/>
        <source>Deleted %1 locally. The server&apos;s copies were not deleted: %2</source>
        <translation>已在本地删除 %1。服务器上的副本未删除：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="204"/>
        <source>Deleted %1 locally.</source>
        <translation>已在本地删除 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="208"/>
        <source>Deleted %1 locally and %2 stored response(s) on the server.</source>
        <translation>已在本地删除 %1，并在服务器上删除 %2 个已存储的响应。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="214"/>
        <source> (and %1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="218"/>
        <source>Deleted %1 locally. %2 of %3 stored response(s) could not be deleted on the server — %4</source>
        <translation>已在本地删除 %1。服务器上 %3 个已存储的响应中有 %2 个无法删除 — %4</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="235"/>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="294"/>
        <source>Select a turn to delete.</source>
        <translation>请选择要删除的轮次。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="251"/>
        <source>Delete turns</source>
        <translation>删除轮次</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="254"/>
        <source>Delete this turn and the %1 turn(s) that follow from it?</source>
        <translation>要删除此轮及其后续的 %1 轮吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="258"/>
        <source>Delete this turn?</source>
        <translation>要删除此轮吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="261"/>
        <source>%1 of them are stored on the server as responses (kept there for 30 days).</source>
        <translation>其中 %1 轮作为响应存储在服务器上（保留 30 天）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="265"/>
        <source>Not connected to a server: they can only be deleted locally now.</source>
        <translation>未连接到服务器：现在只能在本地删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="270"/>
        <source>None of them is stored on the server.</source>
        <translation>其中没有任何内容存储在服务器上。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="273"/>
        <source>Delete locally</source>
        <translation>在本地删除</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="277"/>
        <source>Delete locally and on the server</source>
        <translation>在本地和服务器上删除</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="318"/>
        <source>Select the answer whose branch you want to compact.</source>
        <translation>请选择要压缩的分支中的回答。</translation>
    </message>
</context>
<context>
    <name>TreeLabels</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="54"/>
        <source>● streaming</source>
        <translation>● 输出中</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="55"/>
        <source>■ stopped</source>
        <translation>■ 已停止</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="56"/>
        <source>⚠ failed</source>
        <translation>⚠ 失败</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="57"/>
        <source>… interrupted</source>
        <translation>… 已中断</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="58"/>
        <source>◐ incomplete</source>
        <translation>◐ 不完整</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="59"/>
        <source>✎ not sent</source>
        <translation>✎ 未发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="61"/>
        <source>(no text)</source>
        <translation>（无文本）</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="58"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="59"/>
        <source>Graph</source>
        <translation>图形</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="60"/>
        <source>Conversation tree — select any answer to continue from it</source>
        <translation>对话树 — 选择任意回答即可从那里继续</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <location filename="../../desktop_chat/ui/status/upgrade.py" line="35"/>
        <source>Updating the conversation database for this version (once; large histories take a while)…</source>
        <translation>正在为此版本更新对话数据库（仅一次；历史记录多时需要一些时间）…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/upgrade.py" line="44"/>
        <source>Database update progress</source>
        <translation>数据库更新进度</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="139"/>
        <source>Choose a model.</source>
        <translation>请选择一个模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="143"/>
        <source>Temperature must be between 0 and 2 (got %1).</source>
        <translation>Temperature 必须介于 0 和 2 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="149"/>
        <source>top_p must be between 0 and 1 (got %1).</source>
        <translation>top_p 必须介于 0 和 1 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="154"/>
        <source>Max output tokens must be between 16 and 1,000,000 (got %1).</source>
        <translation>最大输出令牌数必须介于 16 和 1,000,000 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="160"/>
        <source>Reasoning effort must be one of %1 (got %2).</source>
        <translation>推理强度必须是 %1 之一（当前为 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="163"/>
        <source>Verbosity must be one of %1 (got %2).</source>
        <translation>详细程度必须是 %1 之一（收到 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="166"/>
        <source>The service tier must be one of %1 (got %2).</source>
        <translation>服务等级必须是 %1 之一（收到 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="169"/>
        <source>Text format must be one of %1 (got %2).</source>
        <translation>文本格式必须是 %1 之一（当前为 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="174"/>
        <source>The compaction threshold must be at least 1,000 tokens (got %1).</source>
        <translation>压缩阈值必须至少为 1,000 个令牌（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="179"/>
        <source>top_logprobs must be between 0 and 20 (got %1).</source>
        <translation>top_logprobs 必须介于 0 和 20 之间（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="183"/>
        <source>A vector store id must be one word (got “%1”).</source>
        <translation>向量存储 ID 必须是不含空格的一个词（当前为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="222"/>
        <source>JSON schema output needs a schema (a JSON object).</source>
        <translation>JSON 模式输出需要一个模式（JSON 对象）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="225"/>
        <source>The JSON schema&apos;s “schema” must be a JSON object.</source>
        <translation>JSON 模式中的“schema”必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="228"/>
        <source>The JSON schema&apos;s name must be letters, digits, _ or - (got %1).</source>
        <translation>JSON 模式的名称只能包含字母、数字、_ 或 -（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="234"/>
        <source>The JSON schema&apos;s top level must be an object (got type %1).</source>
        <translation>JSON 模式的顶层必须是 object（当前 type 为 %1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="238"/>
        <source>The JSON schema&apos;s “properties” must be a JSON object.</source>
        <translation>JSON 模式中的“properties”必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/personas.py" line="95"/>
        <source>Every persona needs a name.</source>
        <translation>每个角色都需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/personas.py" line="97"/>
        <source>Two personas have the same name.</source>
        <translation>有两个角色的名称相同。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="111"/>
        <source>Give the profile a name.</source>
        <translation>请为配置命名。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="117"/>
        <source>An Azure OpenAI profile needs its endpoint, e.g. https://NAME.openai.azure.com.</source>
        <translation>Azure OpenAI 配置需要填写终结点，例如 https://NAME.openai.azure.com。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="122"/>
        <source>An OpenAI-compatible profile needs the server&apos;s URL, e.g. http://localhost:11434/v1.</source>
        <translation>OpenAI 兼容配置需要填写服务器 URL，例如 http://localhost:11434/v1。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="187"/>
        <source>The default profile cannot be deleted.</source>
        <translation>默认配置不能删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="33"/>
        <source>The server URL must be an http:// or https:// address (got “%1”).</source>
        <translation>服务器 URL 必须是 http:// 或 https:// 地址（当前为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="40"/>
        <source>The server URL has an invalid port (got “%1”).</source>
        <translation>服务器 URL 的端口无效（当前为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="88"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="90"/>
        <source>“%1” is not a finite number.</source>
        <translation>“%1”不是有限的数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="102"/>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/errors.py" line="31"/>
        <source>Still connecting to the server — try again in a moment.</source>
        <translation>仍在连接服务器 — 请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="276"/>
        <source>The new title could not be saved: %1</source>
        <translation>无法保存新标题：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="286"/>
        <source>Stop the answer that is streaming before deleting its conversation.</source>
        <translation>删除对话前，请先停止正在输出的回答。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="298"/>
        <source>The conversation could not be deleted: %1</source>
        <translation>无法删除对话：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/branching.py" line="73"/>
        <source>This turn was sent already.</source>
        <translation>此轮已发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="418"/>
        <source>Select a turn first.</source>
        <translation>请先选择一个轮次。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="434"/>
        <source>An answer is still streaming: stop it (Esc) or wait before sending.</source>
        <translation>回答仍在流式输出：请先停止（Esc）或等待完成后再发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="454"/>
        <source>The turn to continue from is gone.</source>
        <translation>要继续的轮次已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="525"/>
        <source>Sending failed: %1</source>
        <translation>发送失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="106"/>
        <source>An answer in this branch is still streaming: stop it (Esc) before deleting.</source>
        <translation>此分支中的回答仍在输出：请先停止（Esc）再删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="132"/>
        <source>not connected to a server.</source>
        <translation>未连接到服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="134"/>
        <source>Deleted %1 turn(s) locally; deleting on the server…</source>
        <translation>已在本地删除 %1 轮；正在从服务器删除…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="153"/>
        <source>Wait for the answer to finish (or stop it) before compacting.</source>
        <translation>压缩前请等待回答完成（或停止它）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="158"/>
        <source>Nothing new to compact on this branch.</source>
        <translation>此分支上没有新的内容可压缩。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="164"/>
        <source>Compacting %1 turn(s)…</source>
        <translation>正在压缩 %1 轮…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="178"/>
        <source>Compacting failed: %1</source>
        <translation>压缩失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="181"/>
        <source>The branch was deleted or closed while compacting; nothing was added.</source>
        <translation>压缩期间分支已被删除或关闭；未添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/stall.py" line="24"/>
        <source>Waiting for the server…</source>
        <translation>正在等待服务器…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/stall.py" line="27"/>
        <source>The server sent nothing for %1 s, so the answer was stopped. What arrived is kept; press Retry (Ctrl+R) to ask again.</source>
        <translation>服务器 %1 秒内没有发送任何内容，因此回答已停止。已收到的内容会保留；按“重试”(Ctrl+R) 可再次提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/api/providers/adaptive.py" line="80"/>
        <source>This server has no Responses API (%1), so answers come through Chat Completions from now on; conversations are sent from the local history.</source>
        <translation>此服务器没有 Responses API（%1），今后回答将通过 Chat Completions 获取；对话从本地历史发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/api/providers/adaptive.py" line="89"/>
        <source>Streaming failed on this server (%1), so the answer was asked for whole; answers from this model now come whole when they are ready.</source>
        <translation>此服务器上流式传输失败（%1），因此改为一次性请求回答；此模型的回答今后将在就绪后一次性显示。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/api/providers/adaptive.py" line="98"/>
        <source>The model %1 does not take %2 on this server, so it was sent again without it.</source>
        <translation>此服务器上的模型 %1 不接受 %2，因此已去掉该参数重新发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="61"/>
        <source>The server no longer had the earlier answer this branch continues from, so the conversation was sent again from the local history.</source>
        <translation>服务器上已没有此分支所接续的先前回答，因此已从本地历史重新发送对话。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="68"/>
        <source>This server accepted the earlier answer&apos;s id but did not use it (it keeps no conversation state), so the question was sent again with the whole conversation from the local history; this model on this server is sent that way from now on.</source>
        <translation>此服务器接受了先前回答的 ID 但未使用它（它不保存对话状态），因此已连同本地历史中的完整对话重新发送问题；今后此服务器上的此模型都将这样发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="76"/>
        <source>This server does not take previous_response_id, so the conversation was sent again from the local history; this model on this server is sent that way from now on.</source>
        <translation>此服务器不接受 previous_response_id，因此已从本地历史重新发送对话；今后此服务器上的此模型都将这样发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="89"/>
        <source>The connection dropped: resuming the answer where it stopped (%1 of %2)…</source>
        <translation>连接已中断：正在从中断处继续接收回答（第 %1 次，共 %2 次）…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="96"/>
        <source>The answer&apos;s stream could not be resumed after %1 tries (%2). What arrived is kept; press Retry (Ctrl+R) to ask again.</source>
        <translation>尝试 %1 次后仍无法继续接收回答流（%2）。已收到的内容已保留；按“重试”(Ctrl+R) 重新提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/unsaved.py" line="28"/>
        <source>The answer could not be saved: %1 It goes on here and can be copied; it is saved as soon as there is room again.</source>
        <translation>无法保存回答：%1 回答会在这里继续，并且可以复制；一旦有空间就会保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/unsaved.py" line="38"/>
        <source>%1 The answer is shown but could not be saved yet.</source>
        <translation>%1 回答已显示，但尚未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/unsaved.py" line="41"/>
        <source>The answer that could not be saved is saved now.</source>
        <translation>之前无法保存的回答现已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/branching.py" line="85"/>
        <source>The edited prompt is empty.</source>
        <translation>编辑后的提示词为空。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/branching.py" line="118"/>
        <source>Wait for the answer to finish before branching from it.</source>
        <translation>请等回答完成后再从它分支。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/tool_rounds.py" line="39"/>
        <source>The model kept calling tools; the app stopped after %1 rounds. Ask again to go on.</source>
        <translation>模型不断调用工具，应用在 %1 轮后停止。请再次提问以继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="87"/>
        <source>Give the MCP server a name.</source>
        <translation>请为 MCP 服务器命名。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="90"/>
        <source>An MCP server needs either a command or a URL (not both).</source>
        <translation>MCP 服务器需要命令或 URL 之一（不能同时设置）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="93"/>
        <source>The MCP server URL must start with http:// or https:// (got “%1”).</source>
        <translation>MCP 服务器 URL 必须以 http:// 或 https:// 开头（收到“%1”）。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="99"/>
        <source>Only a server with a URL can be reached by the provider.</source>
        <translation>提供方只能连接带 URL 的服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="103"/>
        <source>“%1” is not a valid variable or header name.</source>
        <translation>“%1”不是有效的变量名或标头名。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="172"/>
        <source>The MCP server “%1” could not start: %2</source>
        <translation>MCP 服务器“%1”无法启动：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="174"/>
        <source>The MCP server “%1” stopped: %2</source>
        <translation>MCP 服务器“%1”已停止：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="188"/>
        <source>The MCP server “%1” did not answer within %2 s.</source>
        <translation>MCP 服务器“%1”在 %2 秒内没有响应。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="293"/>
        <source>The MCP server “%1” did not start within %2 s.</source>
        <translation>MCP 服务器“%1”在 %2 秒内没有启动。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="299"/>
        <source>That MCP server is not running.</source>
        <translation>该 MCP 服务器未在运行。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/toolbox.py" line="42"/>
        <source>%1 The question was sent without its tools.</source>
        <translation>%1 问题已在没有这些工具的情况下发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="21"/>
        <source>Searching the web…</source>
        <translation>正在搜索网页…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="22"/>
        <source>Searching files…</source>
        <translation>正在搜索文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="23"/>
        <source>Running code…</source>
        <translation>正在运行代码…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="24"/>
        <source>Starting the MCP servers…</source>
        <translation>正在启动 MCP 服务器…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="25"/>
        <source>Generating an image…</source>
        <translation>正在生成图像…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="154"/>
        <source>file search</source>
        <translation>文件搜索</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="155"/>
        <source>file made by the code interpreter</source>
        <translation>代码解释器生成的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="156"/>
        <source>Ran code</source>
        <translation>已运行代码</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="157"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="158"/>
        <source>(no output)</source>
        <translation>（无输出）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="159"/>
        <source>%1 image output(s), not shown</source>
        <translation>%1 个图像输出（未显示）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="161"/>
        <source>… %1 more characters</source>
        <translation>… 还有 %1 个字符</translation>
    </message>
</context>
</TS>
