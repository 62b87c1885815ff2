<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop_chat/ui/composer.py" line="60"/>
        <source>Type a prompt — Ctrl+Enter sends, Esc stops an answer</source>
        <translation>输入提示 — Ctrl+Enter 发送，Esc 停止回答</translation>
    </message>
</context>
<context>
    <name>FanOutDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/turn_dialogs.py" line="125"/>
        <source>Persona…</source>
        <translation>角色…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="126"/>
        <location filename="../../desktop_chat/ui/main_window.py" line="947"/>
        <source>New conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="138"/>
        <source>Conversation tree — select any answer to continue from it</source>
        <translation>对话树 — 选择任意回答即可从那里继续</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="162"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="164"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="166"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="168"/>
        <source>Stop the answer (Esc); what arrived is kept</source>
        <translation>停止回答 (Esc)；已收到的内容会保留</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="171"/>
        <location filename="../../desktop_chat/ui/main_window.py" line="953"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="174"/>
        <source>Ask again with the selected prompt: a new sibling answer (Ctrl+R)</source>
        <translation>用所选提示重新提问：生成新的同级回答 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="210"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="231"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="233"/>
        <source>&amp;New conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="237"/>
        <source>&amp;Open response by id…</source>
        <translation>按 ID 打开响应(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="243"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="244"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="246"/>
        <source>All conversations (JSON)…</source>
        <translation>所有对话 (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="250"/>
        <source>This branch (Markdown)…</source>
        <translation>此分支 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="258"/>
        <source>This whole tree (Markdown)…</source>
        <translation>整棵树 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="265"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="267"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="268"/>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="269"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="270"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="272"/>
        <source>&amp;Regenerate / retry</source>
        <translation>重新生成 / 重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="274"/>
        <source>Regenerate &amp;with…</source>
        <translation>用其他设置重新生成(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="279"/>
        <source>&amp;Edit prompt and resend…</source>
        <translation>编辑提示并重新发送(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="280"/>
        <source>&amp;Fan out variants…</source>
        <translation>同时生成多个变体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="282"/>
        <source>&amp;Compare with siblings</source>
        <translation>与同级回答比较(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="285"/>
        <source>Co&amp;mpact branch</source>
        <translation>压缩分支(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="292"/>
        <source>&amp;Delete turn and what follows…</source>
        <translation>删除此轮及其后续(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="308"/>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="310"/>
        <source>&amp;Parent</source>
        <translation>父节点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="313"/>
        <source>&amp;First child</source>
        <translation>第一个子节点(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="317"/>
        <source>P&amp;revious sibling</source>
        <translation>上一个同级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="325"/>
        <source>&amp;Next sibling</source>
        <translation>下一个同级(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="332"/>
        <source>Focus &amp;composer</source>
        <translation>聚焦输入框(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="336"/>
        <source>&amp;Search all conversations</source>
        <translation>搜索所有对话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="340"/>
        <source>&amp;Graph / outline</source>
        <translation>图形 / 大纲(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="343"/>
        <source>&amp;Persona</source>
        <translation>角色(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="347"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="348"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="349"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="351"/>
        <location filename="../../desktop_chat/ui/main_window.py" line="360"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="351"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="351"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="366"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="368"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="511"/>
        <source>The language changes the next time desktop_chat starts.</source>
        <translation>语言将在下次启动 desktop_chat 时更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="520"/>
        <source>No persona (default instructions)</source>
        <translation>无角色（默认指令）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="531"/>
        <source>Manage personas…</source>
        <translation>管理角色…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="547"/>
        <source>no persona</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="548"/>
        <source>Persona: %s</source>
        <translation>角色：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="573"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="576"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="576"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="661"/>
        <source>An answer is still streaming: stop it (Esc) or wait before sending.</source>
        <translation>回答仍在流式输出：请先停止（Esc）或等待完成后再发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="718"/>
        <source>Still connecting to the server — try again in a moment.</source>
        <translation>仍在连接服务器 — 请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="930"/>
        <source>Model: %s</source>
        <translation>模型：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="936"/>
        <source>Last answer: %1 in · %2 out</source>
        <translation>上次回答：输入 %1 · 输出 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="953"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="956"/>
        <source>Replying after: “%1” (%2)</source>
        <translation>接续回复：“%1” (%2)</translation>
    </message>
</context>
<context>
    <name>PersonasDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="27"/>
        <source>Personas</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="38"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="40"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="57"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="59"/>
        <source>Instructions (sent as the system prompt)</source>
        <translation>指令（作为系统提示发送）</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="86"/>
        <source>New persona</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="121"/>
        <source>Every persona needs a name.</source>
        <translation>每个角色都需要名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="123"/>
        <source>Two personas have the same name.</source>
        <translation>有两个角色同名。</translation>
    </message>
</context>
</TS>
