<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="79"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="80"/>
        <source>&amp;Chat</source>
        <translation>대화(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="81"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="82"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="83"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="84"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="88"/>
        <source>&amp;New conversation</source>
        <translation>새 대화(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="90"/>
        <source>&amp;Rename conversation</source>
        <translation>대화 이름 바꾸기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="92"/>
        <source>&amp;Delete conversation…</source>
        <translation>대화 삭제(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="94"/>
        <source>&amp;Open response by id…</source>
        <translation>응답 ID로 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="96"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="98"/>
        <source>All conversations (JSON)…</source>
        <translation>모든 대화 (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="100"/>
        <source>This branch (Markdown)…</source>
        <translation>이 브랜치 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="102"/>
        <source>This whole tree (Markdown)…</source>
        <translation>트리 전체 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="104"/>
        <source>&amp;Providers…</source>
        <translation>제공자(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="106"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="108"/>
        <source>&amp;MCP servers…</source>
        <translation>&amp;MCP 서버…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="110"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="112"/>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="114"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="115"/>
        <source>&amp;Regenerate / retry</source>
        <translation>다시 생성 / 재시도(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="117"/>
        <source>Regenerate &amp;with…</source>
        <translation>다른 설정으로 다시 생성(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="119"/>
        <source>&amp;Edit prompt</source>
        <translation>프롬프트 편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="121"/>
        <source>&amp;Fan out variants…</source>
        <translation>여러 변형 동시 생성(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="123"/>
        <source>&amp;Compare with siblings</source>
        <translation>형제 답변과 비교(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="125"/>
        <source>Context &amp;inspector…</source>
        <translation>컨텍스트 검사기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="127"/>
        <source>Co&amp;mpact branch</source>
        <translation>브랜치 압축(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="129"/>
        <source>&amp;Delete turn and what follows…</source>
        <translation>이 턴과 이후 모두 삭제(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="131"/>
        <source>&amp;Parent</source>
        <translation>부모(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="133"/>
        <source>&amp;First child</source>
        <translation>첫 번째 자식(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="135"/>
        <source>P&amp;revious sibling</source>
        <translation>이전 형제(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="137"/>
        <source>&amp;Next sibling</source>
        <translation>다음 형제(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="139"/>
        <source>Focus &amp;composer</source>
        <translation>입력창으로 이동(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="141"/>
        <source>&amp;Search all conversations</source>
        <translation>모든 대화 검색(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="143"/>
        <source>&amp;Graph / outline</source>
        <translation>그래프 / 개요(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="145"/>
        <source>Zoom graph &amp;in</source>
        <translation>그래프 확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="147"/>
        <source>Zoom graph &amp;out</source>
        <translation>그래프 축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="149"/>
        <source>&amp;Fit graph to view</source>
        <translation>그래프를 화면에 맞춤(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/actions.py" line="151"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="171"/>
        <source>Attach…</source>
        <translation>첨부…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="173"/>
        <source>Attach images (PNG, JPEG, WEBP, GIF) or PDFs — or drop or paste them</source>
        <translation>이미지(PNG, JPEG, WEBP, GIF)나 PDF 첨부 — 끌어다 놓거나 붙여 넣어도 됩니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="175"/>
        <source>Image detail</source>
        <translation>이미지 해상도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="176"/>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="176"/>
        <source>low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="176"/>
        <source>high</source>
        <translation>높음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="180"/>
        <source>Image detail sent to the model: low is cheaper, high reads fine print</source>
        <translation>모델에 보내는 이미지 해상도: 낮음은 저렴하고, 높음은 작은 글씨까지 읽습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="182"/>
        <source>Image URL</source>
        <translation>이미지 URL</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="183"/>
        <source>Image URL (https://…), Enter adds it</source>
        <translation>이미지 URL (https://…), Enter로 추가</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="184"/>
        <source>Image URL…</source>
        <translation>이미지 URL…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="185"/>
        <source>Attach an image by its web address</source>
        <translation>웹 주소로 이미지 첨부</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="186"/>
        <source>Detail:</source>
        <translation>해상도:</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="255"/>
        <source>The image is no longer in the attachment folder.</source>
        <translation>이미지가 더 이상 첨부 파일 폴더에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="269"/>
        <source>Pasted image %1</source>
        <translation>붙여 넣은 이미지 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="308"/>
        <source>Images and PDFs (%1);;All files (*)</source>
        <translation>이미지 및 PDF (%1);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="309"/>
        <source>Attach images or PDFs</source>
        <translation>이미지 또는 PDF 첨부</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="323"/>
        <source>“%1” would bring this prompt&apos;s attachments to %2; at most %3 can be sent at once. Nothing was attached.</source>
        <translation>“%1”을(를) 추가하면 이 프롬프트의 첨부 파일이 %2가 됩니다. 한 번에 최대 %3까지 보낼 수 있습니다. 아무것도 첨부하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="85"/>
        <source>linked</source>
        <translation>링크</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/attachment_bar.py" line="89"/>
        <source>Remove %1</source>
        <translation>%1 제거</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="33"/>
        <source>temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="35"/>
        <source>max tokens</source>
        <translation>최대 토큰</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="40"/>
        <source>server defaults</source>
        <translation>서버 기본값</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="46"/>
        <source>instructions: %1</source>
        <translation>지시문: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="52"/>
        <source>%1 in / %2 out tokens</source>
        <translation>입력 %1 / 출력 %2 토큰</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="109"/>
        <source>Compare answers</source>
        <translation>답변 비교</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="110"/>
        <source>Stop all</source>
        <translation>모두 중지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="111"/>
        <source>Stop every answer that is still streaming (Esc)</source>
        <translation>아직 스트리밍 중인 모든 답변 중지 (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="137"/>
        <source>Continue from this one</source>
        <translation>이 답변에서 계속</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="139"/>
        <source>Select this answer in the main window and write the next prompt</source>
        <translation>주 창에서 이 답변을 선택하고 다음 프롬프트를 씁니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="159"/>
        <source>reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="169"/>
        <source>Similarity to the first: %1</source>
        <translation>첫 번째 답변과의 유사도: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/compare_view.py" line="173"/>
        <source> — %1 still streaming</source>
        <translation> — %1개 스트리밍 중</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="63"/>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="92"/>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="101"/>
        <source>Type a prompt — Enter sends, Shift+Enter makes a new line, Esc stops an answer</source>
        <translation>프롬프트를 입력하세요 — Enter로 보내기, Shift+Enter로 줄 바꿈, Esc로 답변 중지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer.py" line="104"/>
        <source>Type a prompt — Ctrl+Enter sends, Esc stops an answer</source>
        <translation>프롬프트를 입력하세요 — Ctrl+Enter로 보내기, Esc로 답변 중지</translation>
    </message>
</context>
<context>
    <name>ComposerPane</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="95"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="97"/>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="137"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>보내기 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="99"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="100"/>
        <source>Stop the answer (Esc); what arrived is kept</source>
        <translation>답변 중지 (Esc) — 받은 내용은 유지됩니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="67"/>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="173"/>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="102"/>
        <source>Ask again with the selected prompt: a new sibling answer (Ctrl+R)</source>
        <translation>선택한 프롬프트로 다시 묻기: 새 형제 답변 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="97"/>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="137"/>
        <source>Send (Enter)</source>
        <translation>보내기 (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="168"/>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="173"/>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="178"/>
        <source>New branch — the selected turn has no answer to continue from</source>
        <translation>새 브랜치 — 선택한 턴에는 이어 갈 답변이 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="185"/>
        <source>Replying after: “%1”</source>
        <translation>이어서 답장: “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="187"/>
        <source>Replying after: “%1” — the selected turn has no answer to continue from</source>
        <translation>이어서 답장: “%1” — 선택한 턴에는 이어 갈 답변이 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="207"/>
        <source>Draft: %1 tokens · request ≈ %2</source>
        <translation>초안: 토큰 %1개 · 요청 ≈ %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="210"/>
        <source>The next request carries the draft plus the context of the selected branch (estimate).</source>
        <translation>다음 요청에는 초안과 선택한 브랜치의 컨텍스트가 함께 들어갑니다 (추정).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="240"/>
        <source>The image is no longer in the attachment folder.</source>
        <translation>이미지가 더 이상 첨부 파일 폴더에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="242"/>
        <source>Save image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/composer_pane.py" line="247"/>
        <source>The image could not be saved: %1</source>
        <translation>이미지를 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="93"/>
        <source>The demo uses the built-in emulator</source>
        <translation>데모는 내장 에뮬레이터를 사용합니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="96"/>
        <source>Fixed by --base-url on the command line</source>
        <translation>명령줄의 --base-url로 고정됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="341"/>
        <source>DEMO — local emulator</source>
        <translation>데모 — 로컬 에뮬레이터</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="343"/>
        <source>key from the keyring</source>
        <translation>키링의 키</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="344"/>
        <source>key from the environment</source>
        <translation>환경 변수의 키</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="345"/>
        <source>key from this session</source>
        <translation>이번 세션의 키</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="347"/>
        <source>no key</source>
        <translation>키 없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="267"/>
        <source>the server</source>
        <translation>서버</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="270"/>
        <source>Could not connect to %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/connector.py" line="302"/>
        <source>No system keyring is available (%1). The key will be used for this session only; set OPENAI_API_KEY in the environment to avoid typing it each time.</source>
        <translation>시스템 키링을 사용할 수 없습니다(%1). 키는 이번 세션에서만 사용됩니다. 매번 입력하지 않으려면 환경 변수 OPENAI_API_KEY를 설정하세요.</translation>
    </message>
</context>
<context>
    <name>ContextIndicator</name>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="58"/>
        <source>History on server</source>
        <translation>기록: 서버에 보관</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="61"/>
        <source>The server keeps this conversation: each request sends only your new prompt and names the answer it follows, so earlier turns are not sent again.</source>
        <translation>서버가 이 대화를 보관합니다. 각 요청은 새 프롬프트만 보내고 이어지는 답변을 지정하므로, 이전 턴은 다시 보내지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="66"/>
        <source>History sent in full</source>
        <translation>기록: 매번 전체 전송</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/context_indicator.py" line="69"/>
        <source>Each request sends the whole branch from this computer: this server keeps no conversations, the branch was started elsewhere, or turns were left out of it.</source>
        <translation>각 요청이 이 컴퓨터에서 브랜치 전체를 보냅니다. 이 서버가 대화를 보관하지 않거나, 브랜치가 다른 곳에서 시작되었거나, 일부 턴이 제외되었기 때문입니다.</translation>
    </message>
</context>
<context>
    <name>ContextInspector</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="56"/>
        <source>Context of the next request</source>
        <translation>다음 요청의 컨텍스트</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="71"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="71"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="71"/>
        <source>Tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="81"/>
        <source>Let the server drop the oldest items if the context is too long (truncation: auto)</source>
        <translation>컨텍스트가 너무 길면 서버가 가장 오래된 항목을 버리도록 허용 (truncation: auto)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="86"/>
        <source>Count exactly</source>
        <translation>정확히 세기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="89"/>
        <source>Ask the server for the exact input token count (responses/input_tokens)</source>
        <translation>서버에 정확한 입력 토큰 수를 요청합니다 (responses/input_tokens)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="151"/>
        <source>Server chain: only the new input is sent, with previous_response_id.</source>
        <translation>서버 체인: 새 입력만 previous_response_id와 함께 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="153"/>
        <source>A new conversation: only the new input is sent.</source>
        <translation>새 대화: 새 입력만 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="155"/>
        <source>Local replay: the path is sent again from the local history.</source>
        <translation>로컬 재생: 로컬 기록에서 경로 전체를 다시 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="158"/>
        <source>%1 turn(s) excluded.</source>
        <translation>턴 %1개 제외됨.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="162"/>
        <source>About %1 input tokens (estimate).</source>
        <translation>입력 토큰 약 %1개 (추정).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="189"/>
        <source>Counting…</source>
        <translation>세는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="196"/>
        <source>The server could not count: %1</source>
        <translation>서버가 토큰을 세지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="199"/>
        <source>Server count: %1 input tokens</source>
        <translation>서버 집계: 입력 토큰 %1개</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/context_inspector.py" line="201"/>
        <source>This server cannot count tokens.</source>
        <translation>이 서버는 토큰 수를 셀 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ConversationGraphView</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_view.py" line="77"/>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="65"/>
        <source>Conversation graph</source>
        <translation>대화 그래프</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversation_list.py" line="174"/>
        <source>Conversations</source>
        <translation>대화 목록</translation>
    </message>
</context>
<context>
    <name>ConversationTreeModel</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="134"/>
        <source>Prompt: %1</source>
        <translation>프롬프트: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="135"/>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="136"/>
        <source>Tokens: %1 in · %2 out</source>
        <translation>토큰: 입력 %1 · 출력 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="137"/>
        <source>%1 cached</source>
        <translation>캐시 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="138"/>
        <source>%1 reasoning</source>
        <translation>추론 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="139"/>
        <source>Status: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="140"/>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="141"/>
        <source>Response id: %1</source>
        <translation>응답 ID: %1</translation>
    </message>
</context>
<context>
    <name>ConversationTreeView</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="62"/>
        <location filename="../../desktop_chat/ui/tree/tree_view.py" line="60"/>
        <source>Conversation tree</source>
        <translation>대화 트리</translation>
    </message>
</context>
<context>
    <name>ConversationsPane</name>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="67"/>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="116"/>
        <source>Open a conversation to rename it.</source>
        <translation>이름을 바꿀 대화를 여세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="130"/>
        <source>Delete conversation</source>
        <translation>대화 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/conversations_pane.py" line="132"/>
        <source>Delete “%1” and all its branches from this computer? This cannot be undone.

Responses stored on the server are not deleted.</source>
        <translation>“%1”과(와) 모든 브랜치를 이 컴퓨터에서 삭제할까요? 되돌릴 수 없습니다.

서버에 저장된 응답은 삭제되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="44"/>
        <source>What would you like to ask?</source>
        <translation>무엇을 물어볼까요?</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="47"/>
        <source>Type below, or try one of these. Every answer can be branched: ask again or edit a prompt and the tree on the left keeps both.</source>
        <translation>아래에 입력하거나 다음 중 하나를 눌러 보세요. 모든 답변은 가지를 칠 수 있습니다. 다시 묻거나 프롬프트를 고치면 왼쪽 트리에 둘 다 남습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="53"/>
        <source>Send this prompt</source>
        <translation>이 프롬프트 보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="62"/>
        <source>Explain recursion with a short Python example</source>
        <translation>짧은 파이썬 예제로 재귀를 설명해 줘</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="63"/>
        <source>Compare three sorting algorithms in a table</source>
        <translation>정렬 알고리즘 세 가지를 표로 비교해 줘</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="64"/>
        <source>Why is e^(iπ) + 1 = 0? Show the math</source>
        <translation>왜 e^(iπ) + 1 = 0 인가요? 수식으로 보여 줘</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/empty_state.py" line="65"/>
        <source>Write a polite email asking to move a meeting</source>
        <translation>회의 일정을 옮겨 달라는 정중한 이메일을 써 줘</translation>
    </message>
</context>
<context>
    <name>ErrorKind</name>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="26"/>
        <source>The server rejected the API key or denied access. Open Settings and enter a valid key.</source>
        <translation>서버가 API 키 또는 접근을 거부했습니다. 설정을 열어 키를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="29"/>
        <source>The model was not found on this server. Pick another model next to the prompt.</source>
        <translation>이 서버에서 모델을 찾을 수 없습니다. 프롬프트 옆에서 다른 모델을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="32"/>
        <source>Too many requests or quota reached.</source>
        <translation>요청이 너무 많거나 사용 한도에 도달했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="33"/>
        <source>The server had an error while answering. Try again in a moment.</source>
        <translation>서버가 답변하는 중 오류가 발생했습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="36"/>
        <source>The conversation is too long for this model&apos;s context window. Start a new branch from an earlier turn, or pick a model with a larger context.</source>
        <translation>대화가 이 모델의 컨텍스트 창에 비해 너무 깁니다. 이전 턴에서 새 브랜치를 시작하거나 컨텍스트가 더 큰 모델을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="41"/>
        <source>The server no longer has the earlier answer this branch continues from.</source>
        <translation>이 브랜치가 이어지는 이전 답변을 서버가 더 이상 가지고 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="44"/>
        <source>The server refused the request.</source>
        <translation>서버가 요청을 거부했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="45"/>
        <source>The connection to the server failed or dropped. What arrived is kept; check the network or the server address and press Retry (Ctrl+R).</source>
        <translation>서버 연결에 실패했거나 끊어졌습니다. 받은 부분은 보관됩니다. 네트워크나 서버 주소를 확인하고 재시도(Ctrl+R)를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="50"/>
        <source>The server stopped sending (timed out). What arrived is kept; press Retry (Ctrl+R).</source>
        <translation>서버가 전송을 멈췄습니다(시간 초과). 받은 부분은 보관됩니다. 재시도(Ctrl+R)를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="53"/>
        <source>The server reported an error.</source>
        <translation>서버가 오류를 알렸습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="54"/>
        <source>The server sent data the app could not read.</source>
        <translation>서버가 앱이 읽을 수 없는 데이터를 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="55"/>
        <source>Unexpected error.</source>
        <translation>예상치 못한 오류입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="58"/>
        <source>The answer was cut off at the max output tokens limit (raise it in Settings).</source>
        <translation>답변이 최대 출력 토큰 한도에서 잘렸습니다(설정에서 늘리세요).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="61"/>
        <source>The answer was stopped by the server&apos;s content filter.</source>
        <translation>서버의 콘텐츠 필터가 답변을 중단했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="65"/>
        <source>The server ended the answer early (%1).</source>
        <translation>서버가 답변을 일찍 끝냈습니다(%1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="66"/>
        <source>%1 (%2) is not supported with the model %3. Turn it off in Settings or pick a model that supports it.</source>
        <translation>%1(%2)은(는) 모델 %3에서 지원되지 않습니다. 설정에서 끄거나 지원하는 모델을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="71"/>
        <location filename="../../desktop_chat/ui/error_text.py" line="72"/>
        <source>Web search</source>
        <translation>웹 검색</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="73"/>
        <source>File search</source>
        <translation>파일 검색</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="74"/>
        <source>Code interpreter</source>
        <translation>코드 인터프리터</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="76"/>
        <source>The answer failed.</source>
        <translation>답변에 실패했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="77"/>
        <source>The server asks to wait %1 s.</source>
        <translation>서버가 %1초 기다리라고 요청합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/error_text.py" line="78"/>
        <source>(Server: %1)</source>
        <translation>(서버: %1)</translation>
    </message>
</context>
<context>
    <name>FanOutDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="42"/>
        <source>Regenerate with other settings</source>
        <translation>다른 설정으로 다시 생성</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="44"/>
        <source>Fan out: several answers at once</source>
        <translation>여러 답변 동시 생성</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="56"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="57"/>
        <source>Temperature (empty = default)</source>
        <translation>온도 (비우면 기본값)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="58"/>
        <source>Instructions / persona</source>
        <translation>지시문 / 페르소나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="73"/>
        <source>Send all</source>
        <translation>모두 보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="73"/>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="80"/>
        <source>The prompt is asked again with these settings; the new answer becomes a sibling and the old one stays.</source>
        <translation>이 설정으로 프롬프트를 다시 보냅니다. 새 답변은 형제 답변이 되고 이전 답변은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="84"/>
        <source>Each variant becomes a sibling answer; they stream side by side. Esc stops all.</source>
        <translation>각 변형은 형제 답변이 되어 나란히 스트리밍됩니다. Esc를 누르면 모두 중지합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="91"/>
        <source>Variants:</source>
        <translation>변형 수:</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="118"/>
        <source>Persona…</source>
        <translation>페르소나…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/turn_dialogs.py" line="166"/>
        <source>Temperatures must be numbers between 0 and 2 (or empty for the default).</source>
        <translation>온도는 0에서 2 사이의 숫자여야 합니다 (비우면 기본값).</translation>
    </message>
</context>
<context>
    <name>GenerationForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="23"/>
        <source>&amp;Generate images (the image_generation tool)</source>
        <translation>이미지 생성(&amp;G) (image_generation 도구)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="27"/>
        <source>How long and detailed answers are (gpt-5 models)</source>
        <translation>답변의 길이와 자세함 (gpt-5 모델)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="29"/>
        <source>flex: slower and cheaper; priority: faster and dearer</source>
        <translation>flex: 더 느리고 저렴함, priority: 더 빠르고 비쌈</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="30"/>
        <source>&amp;Keep answers on the server (previous_response_id)</source>
        <translation>답변을 서버에 보관(&amp;K) (previous_response_id)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="35"/>
        <source>Without keeping answers on the server (zero data retention), every turn sends the conversation from this computer, and reasoning models get their earlier reasoning back encrypted.</source>
        <translation>답변을 서버에 보관하지 않으면(데이터 무보존), 매 턴마다 이 컴퓨터에서 대화 전체를 보내고, 추론 모델은 이전 추론을 암호화된 형태로 돌려받습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="43"/>
        <source>&amp;Verbosity:</source>
        <translation>답변 길이(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="44"/>
        <source>Service &amp;tier:</source>
        <translation>서비스 등급(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="48"/>
        <source>Verbosity</source>
        <translation>답변 길이</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="49"/>
        <source>Service tier</source>
        <translation>서비스 등급</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="56"/>
        <source>server default</source>
        <translation>서버 기본값</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="58"/>
        <source>low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="59"/>
        <source>medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="60"/>
        <source>high</source>
        <translation>높음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="61"/>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/generation_form.py" line="62"/>
        <source>default</source>
        <comment>the standard service tier</comment>
        <translation>기본</translation>
    </message>
</context>
<context>
    <name>GraphLegend</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_overlays.py" line="73"/>
        <source>Card colours: the status of each answer</source>
        <translation>카드 색: 각 답변의 상태</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_items.py" line="47"/>
        <source>(no text)</source>
        <translation>(텍스트 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_items.py" line="55"/>
        <source>%1→%2 tok</source>
        <translation>%1→%2 토큰</translation>
    </message>
</context>
<context>
    <name>ImageTools</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="102"/>
        <source>The image could not be encoded: %1.</source>
        <translation>이미지를 인코딩할 수 없습니다: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="129"/>
        <source>“%1” is not a PNG, JPEG, WEBP or GIF image, or a PDF. Nothing was attached.</source>
        <translation>“%1”은(는) PNG, JPEG, WEBP, GIF 이미지나 PDF가 아닙니다. 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="137"/>
        <source>“%1” is animated (%2 frames); only still images can be attached. Nothing was attached.</source>
        <translation>“%1”은(는) 애니메이션입니다(%2프레임). 정지 이미지만 첨부할 수 있습니다. 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="154"/>
        <source>the file ends too early</source>
        <translation>파일이 중간에 끝남</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="155"/>
        <source>“%1” could not be read as an image (%2); it may be damaged. Nothing was attached.</source>
        <translation>“%1”을(를) 이미지로 읽을 수 없습니다(%2). 파일이 손상되었을 수 있습니다. 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="169"/>
        <source>“%1” is not a PNG, JPEG, WEBP or GIF image (judged by its content). Nothing was attached.</source>
        <translation>“%1”은(는) PNG, JPEG, WEBP, GIF 이미지가 아닙니다(내용으로 판단). 아무것도 첨부하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/image_tools.py" line="185"/>
        <source>“%1” holds no image. Nothing was attached.</source>
        <translation>“%1”에 이미지가 없습니다. 아무것도 첨부하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="99"/>
        <source>Importing conversations</source>
        <translation>대화 가져오는 중</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="100"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="101"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="115"/>
        <source>Imported %1 conversation(s) from %2…</source>
        <translation>%2에서 대화 %1개를 가져왔습니다…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="117"/>
        <source>%1 already here (skipped)</source>
        <translation>%1개는 이미 있음(건너뜀)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/import_progress.py" line="122"/>
        <source>Cancelling… (the conversation being read is finished first)</source>
        <translation>취소하는 중… (읽고 있는 대화는 먼저 마칩니다)</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="106"/>
        <source>Edit prompt</source>
        <translation>프롬프트 편집</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="108"/>
        <source>Ctrl+Enter sends it as a new version; the original stays. Esc cancels.</source>
        <translation>Ctrl+Enter를 누르면 새 버전으로 보냅니다. 원래 프롬프트는 그대로 남습니다. Esc는 취소합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="110"/>
        <source>Cancel (Esc)</source>
        <translation>취소 (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="111"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="112"/>
        <source>Save without sending</source>
        <translation>보내지 않고 저장</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="114"/>
        <source>Keep the edited prompt as a new version, to send later</source>
        <translation>편집한 프롬프트를 새 버전으로 남겨 두고 나중에 보냅니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="115"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>보내기 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="116"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/inline_editor.py" line="117"/>
        <source>Send it as a new version; the original stays</source>
        <translation>새 버전으로 보냅니다. 원래 프롬프트는 그대로 남습니다</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="33"/>
        <source>The base URL must be an http:// or https:// address, e.g. http://localhost:8000/v1</source>
        <translation>기본 URL은 http:// 또는 https:// 주소여야 합니다. 예: http://localhost:8000/v1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="57"/>
        <source>Connect to a server</source>
        <translation>서버에 연결</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="61"/>
        <source>Enter your OpenAI API key. It is stored in the system keyring (never in a file) and used only to talk to the server below.

For an OpenAI-compatible server, enter its base URL as well; a local server (e.g. http://localhost:8000/v1) usually needs no key.</source>
        <translation>OpenAI API 키를 입력하세요. 키는 시스템 키링에 저장되며(파일에는 저장하지 않음) 아래 서버와 통신할 때만 사용됩니다.

OpenAI 호환 서버라면 기본 URL도 입력하세요. 로컬 서버(예: http://localhost:8000/v1)는 보통 키가 필요 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="69"/>
        <source>Where keys come from: an OpenAI key is created on the API keys page of your account at platform.openai.com. Any OpenAI-compatible server (a local one, a gateway) works with its URL and, if it asks for one, its own key.</source>
        <translation>키를 얻는 곳: OpenAI 키는 platform.openai.com 계정의 API 키 페이지에서 만듭니다. OpenAI 호환 서버(로컬 서버, 게이트웨이)는 그 URL과, 필요하다면 그 서버의 키로 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="88"/>
        <source>optional: empty = OpenAI (https://api.openai.com/v1)</source>
        <translation>선택 사항: 비우면 OpenAI (https://api.openai.com/v1)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="102"/>
        <source>Try the &amp;demo</source>
        <translation>데모 사용해 보기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="105"/>
        <source>A built-in local emulator answers: no key, nothing leaves this computer</source>
        <translation>내장 로컬 에뮬레이터가 답합니다. 키가 필요 없고 이 컴퓨터 밖으로 나가는 것은 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="110"/>
        <source>API &amp;key:</source>
        <translation>API 키(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="111"/>
        <source>&amp;Base URL:</source>
        <translation>기본 URL(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/key_dialog.py" line="141"/>
        <source>The key must not contain spaces or line breaks.</source>
        <translation>키에 공백이나 줄바꿈이 있으면 안 됩니다.</translation>
    </message>
</context>
<context>
    <name>LogprobsDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/logprobs_view.py" line="127"/>
        <source>Token probabilities</source>
        <translation>토큰 확률</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/logprobs_view.py" line="131"/>
        <source>%1 tokens · mean probability %2 · hover a token for its alternatives</source>
        <translation>토큰 %1개 · 평균 확률 %2 · 토큰에 마우스를 올리면 대안이 보입니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/logprobs_view.py" line="135"/>
        <source>This answer has no token probabilities (turn on top_logprobs in Settings).</source>
        <translation>이 답변에는 토큰 확률이 없습니다 (설정에서 top_logprobs를 켜세요).</translation>
    </message>
</context>
<context>
    <name>LongPrompt</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="23"/>
        <source>… %1 more characters.</source>
        <translation>… 나머지 %1자.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="24"/>
        <source>Show all</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="25"/>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/long_prompt.py" line="26"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>LookMenus</name>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="42"/>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="43"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="44"/>
        <location filename="../../desktop_chat/ui/look_menu.py" line="48"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="44"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="44"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="49"/>
        <source>&amp;Enter sends (Shift+Enter: new line)</source>
        <translation>Enter로 보내기(&amp;E) (Shift+Enter: 줄 바꿈)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/look_menu.py" line="50"/>
        <source>Off: Ctrl+Enter sends and Enter makes a new line</source>
        <translation>끄면: Ctrl+Enter로 보내고 Enter는 줄 바꿈</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="138"/>
        <source>Welcome to the demo! A small server inside the app answers, so nothing leaves this computer and no key is needed. Its answers show what the app can do (tables, code, math, branches) and end with a grey line naming the context they received.</source>
        <translation>데모에 오신 것을 환영합니다! 앱 안의 작은 서버가 답하므로 아무것도 이 컴퓨터 밖으로 나가지 않고 키도 필요 없습니다. 답변은 앱이 할 수 있는 것(표, 코드, 수식, 브랜치)을 보여 주며, 끝의 회색 줄에 받은 컨텍스트가 적혀 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="236"/>
        <source>&amp;Persona</source>
        <translation>페르소나(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="400"/>
        <source> — DEMO (local emulator, no key needed)</source>
        <translation> — 데모 (로컬 에뮬레이터, 키 불필요)</translation>
    </message>
</context>
<context>
    <name>McpServerEditor</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="66"/>
        <source>MCP server</source>
        <translation>MCP 서버</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="71"/>
        <source>e.g. npx -y @modelcontextprotocol/server-everything</source>
        <translation>예: npx -y @modelcontextprotocol/server-everything</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="74"/>
        <source>or a Streamable HTTP address, e.g. http://127.0.0.1:8000/mcp</source>
        <translation>또는 Streamable HTTP 주소, 예: http://127.0.0.1:8000/mcp</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="75"/>
        <source>The &amp;provider connects to it (the Responses API&apos;s hosted mcp tool)</source>
        <translation>제공자가 직접 연결(&amp;P) (Responses API의 호스팅 mcp 도구)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="80"/>
        <source>For a URL the provider&apos;s servers can reach. Unchecked, this app connects to it and offers its tools as functions (works with any provider).</source>
        <translation>제공자의 서버가 접근할 수 있는 URL에 사용합니다. 체크하지 않으면 이 앱이 직접 연결해 도구를 함수로 제공합니다(어느 제공자에서나 동작).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="89"/>
        <source>NAME=value, one a line: environment variables for a command, headers for a URL</source>
        <translation>이름=값, 한 줄에 하나씩: 명령이면 환경 변수, URL이면 헤더</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="97"/>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="98"/>
        <source>&amp;Command:</source>
        <translation>명령(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="99"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="101"/>
        <source>&amp;Secrets:</source>
        <translation>비밀 값(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="108"/>
        <source>Secret values are kept in the system keyring, never in a file; leave a value empty to keep the one saved before.</source>
        <translation>비밀 값은 파일이 아니라 시스템 키링에만 저장됩니다. 값을 비워 두면 전에 저장한 값을 그대로 씁니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="131"/>
        <source>The command line is not complete: %1</source>
        <translation>명령줄이 완전하지 않습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="133"/>
        <source>Not NAME=value: %1</source>
        <translation>이름=값 형식이 아닙니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="153"/>
        <source>Not saved: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>McpServersDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="166"/>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="176"/>
        <source>MCP servers</source>
        <translation>MCP 서버</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="169"/>
        <source>Checked servers offer their tools to the model in this conversation (or in the next new one). The app starts them when a question needs them and asks you before each call.</source>
        <translation>체크한 서버는 이 대화(또는 다음 새 대화)에서 모델에 도구를 제공합니다. 앱은 질문에 필요할 때 서버를 시작하고, 호출할 때마다 먼저 묻습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="177"/>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="179"/>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="181"/>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="209"/>
        <source>(through the provider)</source>
        <translation>(제공자를 통해)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="257"/>
        <source>Remove MCP server</source>
        <translation>MCP 서버 제거</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/mcp_dialog.py" line="258"/>
        <source>Remove “%1” and its saved secrets?</source>
        <translation>“%1”과(와) 저장된 비밀 값을 제거할까요?</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="42"/>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="62"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="43"/>
        <source>Copy answer as Markdown</source>
        <translation>답변을 Markdown으로 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="44"/>
        <source>Copy text</source>
        <translation>텍스트 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="45"/>
        <source>Copy answer as plain text</source>
        <translation>답변을 일반 텍스트로 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="46"/>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="47"/>
        <source>Regenerate: ask again, keeping this answer as a version</source>
        <translation>다시 생성: 이 답변은 한 버전으로 남기고 다시 묻습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="48"/>
        <source>Regenerate with…</source>
        <translation>다른 설정으로 다시 생성…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="49"/>
        <source>Regenerate with another model, temperature or persona…</source>
        <translation>다른 모델, 온도 또는 페르소나로 다시 생성…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="50"/>
        <source>Branch</source>
        <translation>브랜치</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="51"/>
        <source>Branch into a new conversation from this answer</source>
        <translation>이 답변까지를 새 대화로 브랜치</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="52"/>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="53"/>
        <source>Continue: ask the model to go on from where it stopped</source>
        <translation>계속: 멈춘 곳에서 이어 쓰도록 모델에 요청</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="54"/>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="64"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="55"/>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="65"/>
        <source>Delete this turn and what follows…</source>
        <translation>이 턴과 이후 모두 삭제…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="58"/>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="59"/>
        <source>Edit prompt (the original stays)</source>
        <translation>프롬프트 편집 (원래 프롬프트는 남음)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="60"/>
        <source>Send now</source>
        <translation>지금 보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="61"/>
        <source>Send this edited prompt now</source>
        <translation>편집한 이 프롬프트를 지금 보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="63"/>
        <source>Copy prompt</source>
        <translation>프롬프트 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="67"/>
        <source>Actions for this message</source>
        <translation>이 메시지의 작업</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="229"/>
        <source>Next message in the transcript</source>
        <translation>대화 내용에서 다음 메시지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_actions.py" line="230"/>
        <source>Previous message in the transcript</source>
        <translation>대화 내용에서 이전 메시지</translation>
    </message>
</context>
<context>
    <name>MessageControls</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="27"/>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="26"/>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="29"/>
        <source>Previous version</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="30"/>
        <source>Next version</source>
        <translation>다음 버전</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="31"/>
        <source>edited prompt</source>
        <translation>수정된 프롬프트</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="32"/>
        <source>regenerated</source>
        <translation>다시 생성됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="33"/>
        <source>temperature %1</source>
        <translation>온도 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="34"/>
        <source>other persona</source>
        <translation>다른 페르소나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_controls.py" line="35"/>
        <source>Version %1 of %2</source>
        <translation>%2개 중 %1번째 버전</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/graph_overlays.py" line="131"/>
        <source>Overview: click or drag to move the graph</source>
        <translation>개요: 클릭하거나 끌어서 그래프를 이동</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="65"/>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="66"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="68"/>
        <source>The model this conversation is sent to (%1); type any name the server knows</source>
        <translation>이 대화를 보낼 모델 (%1). 서버가 아는 어떤 이름이든 입력할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="75"/>
        <source>&amp;Reasoning:</source>
        <translation>추론(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="76"/>
        <source>Reasoning effort</source>
        <translation>추론 강도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/composer/model_picker.py" line="77"/>
        <source>How much the model thinks before it answers</source>
        <translation>모델이 답하기 전에 얼마나 생각할지</translation>
    </message>
</context>
<context>
    <name>NodeStatus</name>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="46"/>
        <source>streaming</source>
        <translation>스트리밍 중</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="48"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="50"/>
        <source>incomplete</source>
        <translation>불완전</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="52"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="54"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="56"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="58"/>
        <source>not sent</source>
        <translation>보내지 않음</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="65"/>
        <source>Settings need attention</source>
        <translation>설정을 확인해 주세요</translation>
    </message>
</context>
<context>
    <name>OpenByIdDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="112"/>
        <source>Open a response by id</source>
        <translation>ID로 응답 열기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="117"/>
        <source>Response id</source>
        <translation>응답 ID</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="124"/>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="155"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="138"/>
        <source>Paste the id of a response stored on the server. It opens as a new conversation that continues from that response.</source>
        <translation>서버에 저장된 응답의 ID를 붙여 넣으세요. 그 응답에서 이어지는 새 대화로 열립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="155"/>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
</context>
<context>
    <name>ParamsForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="110"/>
        <source>server default (0 to 2)</source>
        <translation>서버 기본값 (0~2)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="111"/>
        <source>server default (0 to 1)</source>
        <translation>서버 기본값 (0~1)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="112"/>
        <source>server default (16 to 1,000,000)</source>
        <translation>서버 기본값 (16~1,000,000)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="114"/>
        <source>System instructions (a persona), sent with every turn</source>
        <translation>시스템 지시문(페르소나), 매 턴마다 전송</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="119"/>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="126"/>
        <source>default: %1</source>
        <translation>기본값: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="125"/>
        <source>server default</source>
        <translation>서버 기본값</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="127"/>
        <source>Empty: use the default instructions</source>
        <translation>비우면 기본 지시문 사용</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="133"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="135"/>
        <source>Ask the server which models it offers</source>
        <translation>서버에서 제공하는 모델 목록 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="139"/>
        <source>Values for this conversation only. Empty fields use the defaults.</source>
        <translation>이 대화에만 적용되는 값입니다. 빈 칸은 기본값을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="142"/>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="145"/>
        <source>&amp;Temperature:</source>
        <translation>온도(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="146"/>
        <source>Top &amp;p:</source>
        <translation>Top &amp;p:</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="147"/>
        <source>Max output &amp;tokens:</source>
        <translation>최대 출력 토큰(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="148"/>
        <source>&amp;Instructions:</source>
        <translation>지시문(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="158"/>
        <source>Reasoning models (o-series, gpt-5) take no temperature or top_p; requests leave them out.</source>
        <translation>추론 모델(o 시리즈, gpt-5)은 temperature와 top_p를 받지 않으므로 요청에서 뺍니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="191"/>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="193"/>
        <source>Max output tokens</source>
        <translation>최대 출력 토큰</translation>
    </message>
</context>
<context>
    <name>PersonaMenu</name>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="49"/>
        <source>no persona</source>
        <translation>페르소나 없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="50"/>
        <source>Persona: %s</source>
        <translation>페르소나: %s</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="62"/>
        <source>No persona (default instructions)</source>
        <translation>페르소나 없음 (기본 지시문)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/persona_menu.py" line="73"/>
        <source>Manage personas…</source>
        <translation>페르소나 관리…</translation>
    </message>
</context>
<context>
    <name>PersonasDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="28"/>
        <source>Personas</source>
        <translation>페르소나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="39"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="41"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="58"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="60"/>
        <source>Instructions (sent as the system prompt)</source>
        <translation>지시문 (시스템 프롬프트로 전송)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="87"/>
        <source>New persona</source>
        <translation>새 페르소나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="122"/>
        <source>Every persona needs a name.</source>
        <translation>모든 페르소나에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/personas_dialog.py" line="124"/>
        <source>Two personas have the same name.</source>
        <translation>두 페르소나의 이름이 같습니다.</translation>
    </message>
</context>
<context>
    <name>PricesForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="390"/>
        <source>Model (prefix)</source>
        <translation>모델 (접두사)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="391"/>
        <source>Input $/1M</source>
        <translation>입력 $/1M</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="392"/>
        <source>Cached input $/1M</source>
        <translation>캐시된 입력 $/1M</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="393"/>
        <source>Output $/1M</source>
        <translation>출력 $/1M</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="399"/>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="402"/>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="405"/>
        <source>USD per million tokens. A model uses the longest prefix that matches its id.</source>
        <translation>100만 토큰당 USD. 모델에는 ID와 일치하는 가장 긴 접두사의 가격이 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="435"/>
        <source>row %1</source>
        <translation>%1행</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="436"/>
        <source>Price of %1</source>
        <translation>%1 가격</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="447"/>
        <source>Prices row %1: a model and input/output prices ≥ 0 are needed.</source>
        <translation>가격 %1행: 모델과 0 이상의 입력/출력 가격이 필요합니다.</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="60"/>
        <source>Edit profile</source>
        <translation>프로필 편집</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="60"/>
        <source>Add profile</source>
        <translation>프로필 추가</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="67"/>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 호환</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="74"/>
        <source>e.g. 2025-04-01-preview; empty = the /openai/v1/ form</source>
        <translation>예: 2025-04-01-preview (비우면 /openai/v1/ 형식)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="84"/>
        <source>a listed model, or type any name (Azure: the deployment)</source>
        <translation>목록의 모델 또는 직접 입력 (Azure: 배포 이름)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="89"/>
        <source>saved in the keyring — leave empty to keep it</source>
        <translation>키링에 저장됨 — 비워 두면 그대로 유지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="91"/>
        <source>sk-… (stored in the keyring)</source>
        <translation>sk-… (키링에 저장)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="93"/>
        <source>Forget the saved key</source>
        <translation>저장된 키 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="109"/>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="110"/>
        <source>&amp;Kind:</source>
        <translation>종류(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="111"/>
        <source>&amp;URL / endpoint:</source>
        <translation>URL / 엔드포인트(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="112"/>
        <source>API &amp;version:</source>
        <translation>API 버전(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="113"/>
        <source>&amp;Organization:</source>
        <translation>조직(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="114"/>
        <source>&amp;Project:</source>
        <translation>프로젝트(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="115"/>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="119"/>
        <source>Automatic (Responses; Chat Completions where the server has none)</source>
        <translation>자동 (Responses; 서버에 없으면 Chat Completions)</translation>
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
        <translation>API(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="126"/>
        <source>&amp;Stream answers as they are written</source>
        <translation>답변을 쓰는 대로 스트리밍(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="131"/>
        <source>Off: each answer is asked for whole and shown when ready (for servers that fail to stream).</source>
        <translation>끄면: 답변을 한 번에 받아 준비되면 보여 줍니다 (스트리밍이 실패하는 서버용).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="135"/>
        <source>API &amp;key:</source>
        <translation>API 키(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="184"/>
        <source>The key must not contain spaces or line breaks.</source>
        <translation>키에 공백이나 줄바꿈이 있으면 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="191"/>
        <source>https://NAME.openai.azure.com (or …/openai/v1)</source>
        <translation>https://NAME.openai.azure.com (또는 …/openai/v1)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="193"/>
        <source>e.g. http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio)</source>
        <translation>예: http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="194"/>
        <source>optional: empty = https://api.openai.com/v1</source>
        <translation>선택 사항: 비우면 https://api.openai.com/v1</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="210"/>
        <source>Providers</source>
        <translation>제공자</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="219"/>
        <source>Select a profile and press Test connection to see what its server supports.</source>
        <translation>프로필을 선택하고 연결 테스트를 누르면 서버가 지원하는 기능을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="227"/>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="228"/>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="229"/>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="230"/>
        <source>&amp;Use for new chats</source>
        <translation>새 대화에 사용(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="231"/>
        <source>&amp;Test connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="239"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="328"/>
        <source>Delete the profile “%1” and its saved key?</source>
        <translation>“%1” 프로필과 저장된 키를 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="347"/>
        <source>Testing “%1”…</source>
        <translation>“%1” 테스트 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/profiles_dialog.py" line="372"/>
        <source>Delete profile</source>
        <translation>프로필 삭제</translation>
    </message>
</context>
<context>
    <name>ProviderPicker</name>
    <message>
        <location filename="../../desktop_chat/ui/status/provider_picker.py" line="33"/>
        <source>Provider</source>
        <translation>제공자</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/provider_picker.py" line="34"/>
        <source>The provider this conversation is sent to</source>
        <translation>이 대화를 보낼 제공자</translation>
    </message>
</context>
<context>
    <name>ReasoningEffort</name>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="63"/>
        <source>default</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="64"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="65"/>
        <source>minimal</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="66"/>
        <source>low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="67"/>
        <source>medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="68"/>
        <source>high</source>
        <translation>높음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/i18n.py" line="69"/>
        <source>xhigh</source>
        <translation>매우 높음</translation>
    </message>
</context>
<context>
    <name>RichForm</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="238"/>
        <source>&amp;Web search</source>
        <translation>웹 검색(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="240"/>
        <source>Code &amp;interpreter</source>
        <translation>코드 인터프리터(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="244"/>
        <source>vector store ids for file search (empty: off)</source>
        <translation>파일 검색용 벡터 스토어 ID (비우면 끔)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="263"/>
        <source>Only for reasoning models (o-series, gpt-5); empty = not sent</source>
        <translation>추론 모델(o 시리즈, gpt-5) 전용. 비우면 보내지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="267"/>
        <source>Show a reasoning &amp;summary</source>
        <translation>추론 요약 표시(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="271"/>
        <source>off (0 to 20 alternatives per token)</source>
        <translation>끔 (토큰당 대안 0~20개)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="274"/>
        <source>off (e.g. 100000 tokens)</source>
        <translation>끔 (예: 100000 토큰)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="276"/>
        <source>context_management compaction: past this many tokens the server compacts the context.</source>
        <translation>context_management 압축: 이 토큰 수를 넘으면 서버가 컨텍스트를 압축합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="280"/>
        <source>truncation: auto (deprecated: the server drops the oldest items)</source>
        <translation>truncation: auto (사용 중단됨: 서버가 가장 오래된 항목을 버림)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="284"/>
        <source>&amp;Background mode (resumable answers)</source>
        <translation>백그라운드 모드(이어받을 수 있는 답변)(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="288"/>
        <source>The server makes each answer on its own: a dropped connection resumes the answer where it stopped, Stop cancels it on the server, and an answer still running when the app closes is picked up when it opens again. The server keeps the answer&apos;s data for about 10 minutes, so this is not for accounts with zero data retention.</source>
        <translation>서버가 답변을 독립적으로 만듭니다. 연결이 끊기면 멈춘 곳부터 답변을 이어받고, 중지하면 서버에서도 취소되며, 앱을 닫을 때 아직 진행 중인 답변은 다시 열면 이어서 받습니다. 서버는 답변 데이터를 약 10분간 보관하므로 데이터 무보존(zero data retention) 계정에는 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="306"/>
        <source>Hosted tools:</source>
        <translation>호스팅 도구:</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="307"/>
        <source>&amp;File search:</source>
        <translation>파일 검색(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="308"/>
        <source>Text &amp;format:</source>
        <translation>텍스트 형식(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="309"/>
        <source>JSON sc&amp;hema:</source>
        <translation>JSON 스키마(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="311"/>
        <source>Reasoning &amp;effort:</source>
        <translation>추론 강도(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="313"/>
        <source>Top &amp;logprobs:</source>
        <translation>Top &amp;logprobs:</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="314"/>
        <source>&amp;Compact past:</source>
        <translation>압축 기준(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="335"/>
        <source>✓ Valid schema</source>
        <translation>✓ 올바른 스키마</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="338"/>
        <source>Enter a schema to use json_schema output.</source>
        <translation>json_schema 출력을 쓰려면 스키마를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="362"/>
        <source>JSON schema output needs a schema.</source>
        <translation>JSON 스키마 출력에는 스키마가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="364"/>
        <source>Top logprobs</source>
        <translation>Top logprobs</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="371"/>
        <source>Compact past</source>
        <translation>압축 기준</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="155"/>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="156"/>
        <source>Search all conversations</source>
        <translation>모든 대화 검색</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="157"/>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="170"/>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="170"/>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="170"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="171"/>
        <source>%1: %2</source>
        <comment>a search result: where the text matched (You, Answer) and the text</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="183"/>
        <source>No matches</source>
        <translation>일치하는 항목 없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="186"/>
        <source>%1 match</source>
        <translation>%1개 일치</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/conversations/search_panel.py" line="186"/>
        <source>%1 matches</source>
        <translation>%1개 일치</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="46"/>
        <source>%1: “%2” is not a number.</source>
        <translation>%1: “%2”은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="49"/>
        <source>%1: “%2” is not a finite number.</source>
        <translation>%1: “%2”은(는) 유한한 숫자가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="61"/>
        <source>%1: “%2” is not a whole number.</source>
        <translation>%1: “%2”은(는) 정수가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="78"/>
        <source>Base URL must be an http:// or https:// address with a host (got “%1”).</source>
        <translation>기본 URL은 호스트가 있는 http:// 또는 https:// 주소여야 합니다 (입력: “%1”).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="83"/>
        <source>Base URL must not contain spaces.</source>
        <translation>기본 URL에 공백이 있으면 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_forms.py" line="226"/>
        <source>JSON schema: not valid JSON (%1).</source>
        <translation>JSON 스키마: 올바른 JSON이 아닙니다 (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="85"/>
        <source>&amp;Defaults</source>
        <translation>기본값(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="86"/>
        <source>no conversation open</source>
        <translation>열린 대화 없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="87"/>
        <source>This &amp;conversation</source>
        <translation>이 대화(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="88"/>
        <source>Settings for “%1” only</source>
        <translation>“%1”에만 적용되는 설정</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="91"/>
        <source>Tools &amp;&amp; &amp;output</source>
        <translation>도구 및 출력(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="93"/>
        <source>&amp;Generation</source>
        <translation>생성(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="95"/>
        <source>&amp;Prices</source>
        <translation>가격(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="96"/>
        <source>Co&amp;nnection</source>
        <translation>연결(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="124"/>
        <source>empty: OpenAI (https://api.openai.com/v1)</source>
        <translation>비우면 OpenAI (https://api.openai.com/v1)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="128"/>
        <source>stored in the system keyring — empty keeps the current key</source>
        <translation>시스템 키링에 저장 — 비워 두면 현재 키 유지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="131"/>
        <source>The base URL points the app at any OpenAI-compatible server. The API key is kept in the system keyring, never in a file.</source>
        <translation>기본 URL을 바꾸면 OpenAI 호환 서버 어디에나 연결할 수 있습니다. API 키는 파일이 아닌 시스템 키링에 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="138"/>
        <source>&amp;Base URL:</source>
        <translation>기본 URL(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="139"/>
        <source>API &amp;key:</source>
        <translation>API 키(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="170"/>
        <source>Defaults: %1</source>
        <translation>기본값: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="175"/>
        <source>This conversation: %1</source>
        <translation>이 대화: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="177"/>
        <source>Tools &amp; output: %1</source>
        <translation>도구 및 출력: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/settings_dialog.py" line="187"/>
        <source>The API key must not contain spaces or line breaks.</source>
        <translation>API 키에 공백이나 줄바꿈이 있으면 안 됩니다.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="59"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="73"/>
        <source>Filter by action or key…</source>
        <translation>동작 또는 키로 필터…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="77"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/shortcuts_dialog.py" line="77"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="162"/>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="168"/>
        <source>Not connected</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="197"/>
        <source>Last answer: %1 in · %2 out</source>
        <translation>마지막 답변: 입력 %1 · 출력 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="200"/>
        <source>%1 reasoning</source>
        <translation>추론 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/status_bar.py" line="202"/>
        <source>conversation %s</source>
        <translation>대화 %s</translation>
    </message>
</context>
<context>
    <name>StoreCheck</name>
    <message>
        <location filename="../../desktop_chat/ui/status/store_check.py" line="44"/>
        <source>The conversation database is damaged (SQLite&apos;s check failed). Export what you can now (File &gt; Export); at the next start a copy is kept and a new database is started.</source>
        <translation>대화 데이터베이스가 손상되었습니다(SQLite 검사 실패). 지금 가능한 것을 내보내세요(파일 &gt; 내보내기). 다음 시작 때 사본을 보관하고 새 데이터베이스를 시작합니다.</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="92"/>
        <source>Transcript</source>
        <translation>대화 내용</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="95"/>
        <source>The conversation. Ctrl+Down and Ctrl+Up choose a message, Enter reaches its actions (edit, copy, regenerate, branch, delete), the Menu key lists them; Tab moves through the links.</source>
        <translation>대화 내용입니다. Ctrl+Down과 Ctrl+Up으로 메시지를 고르고, Enter로 그 메시지의 작업(편집, 복사, 다시 생성, 브랜치, 삭제)으로 이동하며, 메뉴 키로 작업 목록을 엽니다. Tab은 링크 사이를 이동합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="52"/>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="149"/>
        <source>Running in the background · %1</source>
        <translation>백그라운드에서 진행 중 · %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript_pane.py" line="197"/>
        <source>%1 (branch)</source>
        <translation>%1 (브랜치)</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="129"/>
        <source>%1 in / %2 out tokens</source>
        <translation>입력 %1 / 출력 %2 토큰</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="130"/>
        <source>%1 cached</source>
        <translation>캐시 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="131"/>
        <source>%1 reasoning</source>
        <translation>추론 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="132"/>
        <source>Stopped — partial answer kept</source>
        <translation>중지됨 — 받은 부분 답변은 보관됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="133"/>
        <source>Interrupted — the app closed while this answer was streaming</source>
        <translation>중단됨 — 답변을 받는 중에 앱이 종료됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="123"/>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/transcript.py" line="118"/>
        <location filename="../../desktop_chat/ui/transcript/transcript.py" line="409"/>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="82"/>
        <source>Show %1 earlier messages</source>
        <translation>이전 메시지 %1개 보기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="124"/>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="125"/>
        <source>↳ continued</source>
        <translation>↳ 이어서</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="126"/>
        <source>Not sent yet: an edited prompt kept to send later.</source>
        <translation>아직 보내지 않음: 나중에 보내려고 남겨 둔 편집된 프롬프트입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="127"/>
        <source>Send now</source>
        <translation>지금 보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="128"/>
        <source>Copy LaTeX</source>
        <translation>LaTeX 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="134"/>
        <source>[image: %1]</source>
        <translation>[이미지: %1]</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="135"/>
        <source>%1: expected %2</source>
        <translation>%1: %2이(가) 와야 합니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="136"/>
        <source> or </source>
        <translation> 또는 </translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="137"/>
        <source>%1: not one of %2</source>
        <translation>%1: %2 중 하나가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="138"/>
        <source>%1: missing “%2”</source>
        <translation>%1: “%2” 없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="139"/>
        <source>%1: unexpected “%2”</source>
        <translation>%1: 예상치 못한 “%2”</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="140"/>
        <source>Reasoning</source>
        <translation>추론</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="141"/>
        <source>(%1 tokens)</source>
        <translation>(토큰 %1개)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="142"/>
        <source>Sources</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="143"/>
        <source>Searched the web</source>
        <translation>웹 검색함</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="144"/>
        <source>Searched files</source>
        <translation>파일 검색함</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="145"/>
        <source>Ran code</source>
        <translation>코드 실행함</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="146"/>
        <source>Token probabilities</source>
        <translation>토큰 확률</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="147"/>
        <source>Copy JSON</source>
        <translation>JSON 복사</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="148"/>
        <source>⚠ Not valid JSON: %1</source>
        <translation>⚠ 올바른 JSON이 아닙니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="149"/>
        <source>⚠ Valid JSON, but it does not match the schema: %1</source>
        <translation>⚠ 올바른 JSON이지만 스키마와 맞지 않습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="150"/>
        <source>✓ Valid JSON, matches the schema</source>
        <translation>✓ 올바른 JSON, 스키마와 일치</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="151"/>
        <source>✓ Valid JSON</source>
        <translation>✓ 올바른 JSON</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="152"/>
        <source>Incomplete: %1</source>
        <translation>불완전: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/message_html.py" line="153"/>
        <source>the server ended the answer early</source>
        <translation>서버가 답변을 일찍 끝냈습니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="26"/>
        <source>Tool %1 of %2</source>
        <translation>%2의 도구 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="27"/>
        <source>Allow this call?</source>
        <translation>이 호출을 허용할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="28"/>
        <source>Allow once</source>
        <translation>한 번 허용</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="29"/>
        <source>Always allow %1</source>
        <translation>%1 항상 허용</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="30"/>
        <source>Deny</source>
        <translation>거부</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="31"/>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="32"/>
        <source>Denied</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="33"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="34"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="35"/>
        <source>… %1 more characters</source>
        <translation>… %1자 더 있음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="36"/>
        <source>Not run (the turn ended first)</source>
        <translation>실행되지 않음(턴이 먼저 끝남)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/tool_calls_html.py" line="37"/>
        <source>Tools of %1: %2</source>
        <translation>%1의 도구: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="25"/>
        <source>Generated image</source>
        <translation>생성된 이미지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="26"/>
        <source>Use in the next prompt</source>
        <translation>다음 프롬프트에 사용</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="27"/>
        <source>Save image…</source>
        <translation>이미지 저장…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/transcript/image_html.py" line="28"/>
        <source>Generating the image… (partial image %1)</source>
        <translation>이미지를 만드는 중… (부분 이미지 %1)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="38"/>
        <source>Import conversations</source>
        <translation>대화 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="40"/>
        <source>ChatGPT export or desktop_chat JSON (*.json *.zip);;All files (*)</source>
        <translation>ChatGPT 내보내기 또는 desktop_chat JSON (*.json *.zip);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="50"/>
        <source>An import is already running; wait for it or cancel it first.</source>
        <translation>이미 가져오기가 진행 중입니다. 끝날 때까지 기다리거나 먼저 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="74"/>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="84"/>
        <source>Export all conversations</source>
        <translation>모든 대화 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="95"/>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="119"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="111"/>
        <source>Export as Markdown</source>
        <translation>Markdown으로 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/dialogs/transfer.py" line="120"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TreeActions</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="56"/>
        <source>opening a response</source>
        <translation>응답 열기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="57"/>
        <source>deleting</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="58"/>
        <source>compacting</source>
        <translation>압축</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="73"/>
        <source>Already busy: %1. Wait for it to finish.</source>
        <translation>이미 진행 중: %1. 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="86"/>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="194"/>
        <source>1 turn</source>
        <translation>턴 1개</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="196"/>
        <source>%1 turns</source>
        <translation>턴 %1개</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="199"/>
        <source>Deleted %1 locally. The server&apos;s copies were not deleted: %2</source>
        <translation>로컬에서 %1를 삭제했습니다. 서버의 사본은 삭제하지 않았습니다: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="204"/>
        <source>Deleted %1 locally.</source>
        <translation>로컬에서 %1를 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="208"/>
        <source>Deleted %1 locally and %2 stored response(s) on the server.</source>
        <translation>로컬에서 %1를, 서버에서 저장된 응답 %2개를 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="214"/>
        <source> (and %1 more)</source>
        <translation> (외 %1개)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="218"/>
        <source>Deleted %1 locally. %2 of %3 stored response(s) could not be deleted on the server — %4</source>
        <translation>로컬에서 %1를 삭제했습니다. 서버에 저장된 응답 %3개 중 %2개를 삭제하지 못했습니다 — %4</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="235"/>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="294"/>
        <source>Select a turn to delete.</source>
        <translation>삭제할 턴을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="251"/>
        <source>Delete turns</source>
        <translation>턴 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="254"/>
        <source>Delete this turn and the %1 turn(s) that follow from it?</source>
        <translation>이 턴과 그 뒤에 이어지는 턴 %1개를 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="258"/>
        <source>Delete this turn?</source>
        <translation>이 턴을 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="261"/>
        <source>%1 of them are stored on the server as responses (kept there for 30 days).</source>
        <translation>그중 %1개는 서버에 응답으로 저장되어 있습니다 (30일간 보관).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="265"/>
        <source>Not connected to a server: they can only be deleted locally now.</source>
        <translation>서버에 연결되어 있지 않아 지금은 로컬에서만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="270"/>
        <source>None of them is stored on the server.</source>
        <translation>서버에 저장된 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="273"/>
        <source>Delete locally</source>
        <translation>로컬에서 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="277"/>
        <source>Delete locally and on the server</source>
        <translation>로컬과 서버에서 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_actions.py" line="318"/>
        <source>Select the answer whose branch you want to compact.</source>
        <translation>압축할 브랜치의 답변을 선택하세요.</translation>
    </message>
</context>
<context>
    <name>TreeLabels</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="54"/>
        <source>● streaming</source>
        <translation>● 스트리밍 중</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="55"/>
        <source>■ stopped</source>
        <translation>■ 중지됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="56"/>
        <source>⚠ failed</source>
        <translation>⚠ 실패</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="57"/>
        <source>… interrupted</source>
        <translation>… 중단됨</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="58"/>
        <source>◐ incomplete</source>
        <translation>◐ 불완전</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="59"/>
        <source>✎ not sent</source>
        <translation>✎ 보내지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_model.py" line="61"/>
        <source>(no text)</source>
        <translation>(텍스트 없음)</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="58"/>
        <source>Outline</source>
        <translation>개요</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="59"/>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/tree/tree_pane.py" line="60"/>
        <source>Conversation tree — select any answer to continue from it</source>
        <translation>대화 트리 — 어느 답변이든 선택해 거기서 이어가세요</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <location filename="../../desktop_chat/ui/status/upgrade.py" line="35"/>
        <source>Updating the conversation database for this version (once; large histories take a while)…</source>
        <translation>이 버전에 맞게 대화 데이터베이스를 업데이트하는 중입니다(한 번만, 기록이 많으면 시간이 걸립니다)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/status/upgrade.py" line="44"/>
        <source>Database update progress</source>
        <translation>데이터베이스 업데이트 진행률</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="139"/>
        <source>Choose a model.</source>
        <translation>모델을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="143"/>
        <source>Temperature must be between 0 and 2 (got %1).</source>
        <translation>Temperature는 0에서 2 사이여야 합니다(입력값: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="149"/>
        <source>top_p must be between 0 and 1 (got %1).</source>
        <translation>top_p는 0에서 1 사이여야 합니다(입력값: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="154"/>
        <source>Max output tokens must be between 16 and 1,000,000 (got %1).</source>
        <translation>최대 출력 토큰은 16에서 1,000,000 사이여야 합니다(입력값: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="160"/>
        <source>Reasoning effort must be one of %1 (got %2).</source>
        <translation>추론 강도는 %1 중 하나여야 합니다(입력값: %2).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="163"/>
        <source>Verbosity must be one of %1 (got %2).</source>
        <translation>답변 길이는 %1 중 하나여야 합니다(입력값: %2).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="166"/>
        <source>The service tier must be one of %1 (got %2).</source>
        <translation>서비스 등급은 %1 중 하나여야 합니다(입력값: %2).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="169"/>
        <source>Text format must be one of %1 (got %2).</source>
        <translation>텍스트 형식은 %1 중 하나여야 합니다(입력값: %2).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="174"/>
        <source>The compaction threshold must be at least 1,000 tokens (got %1).</source>
        <translation>압축 임계값은 1,000 토큰 이상이어야 합니다(입력값: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="179"/>
        <source>top_logprobs must be between 0 and 20 (got %1).</source>
        <translation>top_logprobs는 0에서 20 사이여야 합니다(입력값: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="183"/>
        <source>A vector store id must be one word (got “%1”).</source>
        <translation>벡터 스토어 ID는 공백 없는 한 단어여야 합니다(입력값: “%1”).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="222"/>
        <source>JSON schema output needs a schema (a JSON object).</source>
        <translation>JSON 스키마 출력에는 스키마(JSON 객체)가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="225"/>
        <source>The JSON schema&apos;s “schema” must be a JSON object.</source>
        <translation>JSON 스키마의 “schema”는 JSON 객체여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="228"/>
        <source>The JSON schema&apos;s name must be letters, digits, _ or - (got %1).</source>
        <translation>JSON 스키마의 이름은 영문자, 숫자, _ 또는 -로만 이루어져야 합니다(입력값: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="234"/>
        <source>The JSON schema&apos;s top level must be an object (got type %1).</source>
        <translation>JSON 스키마의 최상위는 object여야 합니다(입력된 type: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/conversation/model.py" line="238"/>
        <source>The JSON schema&apos;s “properties” must be a JSON object.</source>
        <translation>JSON 스키마의 “properties”는 JSON 객체여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/personas.py" line="95"/>
        <source>Every persona needs a name.</source>
        <translation>모든 페르소나에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/personas.py" line="97"/>
        <source>Two personas have the same name.</source>
        <translation>두 페르소나의 이름이 같습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="111"/>
        <source>Give the profile a name.</source>
        <translation>프로필 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="117"/>
        <source>An Azure OpenAI profile needs its endpoint, e.g. https://NAME.openai.azure.com.</source>
        <translation>Azure OpenAI 프로필에는 엔드포인트가 필요합니다. 예: https://NAME.openai.azure.com</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="122"/>
        <source>An OpenAI-compatible profile needs the server&apos;s URL, e.g. http://localhost:11434/v1.</source>
        <translation>OpenAI 호환 프로필에는 서버 URL이 필요합니다. 예: http://localhost:11434/v1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/profiles.py" line="187"/>
        <source>The default profile cannot be deleted.</source>
        <translation>기본 프로필은 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="33"/>
        <source>The server URL must be an http:// or https:// address (got “%1”).</source>
        <translation>서버 URL은 http:// 또는 https:// 주소여야 합니다(입력값: “%1”).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="40"/>
        <source>The server URL has an invalid port (got “%1”).</source>
        <translation>서버 URL의 포트가 올바르지 않습니다(입력값: “%1”).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="88"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="90"/>
        <source>“%1” is not a finite number.</source>
        <translation>“%1”은(는) 유한한 숫자가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/config/settings.py" line="102"/>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”은(는) 정수가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/errors.py" line="31"/>
        <source>Still connecting to the server — try again in a moment.</source>
        <translation>아직 서버에 연결 중입니다 — 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="276"/>
        <source>The new title could not be saved: %1</source>
        <translation>새 제목을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="286"/>
        <source>Stop the answer that is streaming before deleting its conversation.</source>
        <translation>대화를 삭제하기 전에 스트리밍 중인 답변을 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="298"/>
        <source>The conversation could not be deleted: %1</source>
        <translation>대화를 삭제할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/branching.py" line="73"/>
        <source>This turn was sent already.</source>
        <translation>이 턴은 이미 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="418"/>
        <source>Select a turn first.</source>
        <translation>먼저 턴을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="434"/>
        <source>An answer is still streaming: stop it (Esc) or wait before sending.</source>
        <translation>답변이 아직 스트리밍 중입니다. 중지(Esc)하거나 끝날 때까지 기다린 뒤 보내세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="454"/>
        <source>The turn to continue from is gone.</source>
        <translation>이어 갈 턴이 더 이상 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/service.py" line="525"/>
        <source>Sending failed: %1</source>
        <translation>보내기 실패: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="106"/>
        <source>An answer in this branch is still streaming: stop it (Esc) before deleting.</source>
        <translation>이 브랜치의 답변이 아직 스트리밍 중입니다. 삭제하기 전에 중지(Esc)하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="132"/>
        <source>not connected to a server.</source>
        <translation>서버에 연결되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="134"/>
        <source>Deleted %1 turn(s) locally; deleting on the server…</source>
        <translation>로컬에서 턴 %1개를 삭제했습니다. 서버에서 삭제하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="153"/>
        <source>Wait for the answer to finish (or stop it) before compacting.</source>
        <translation>압축하기 전에 답변이 끝날 때까지 기다리거나 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="158"/>
        <source>Nothing new to compact on this branch.</source>
        <translation>이 브랜치에는 새로 압축할 내용이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="164"/>
        <source>Compacting %1 turn(s)…</source>
        <translation>턴 %1개를 압축하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="178"/>
        <source>Compacting failed: %1</source>
        <translation>압축 실패: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/remote_actions.py" line="181"/>
        <source>The branch was deleted or closed while compacting; nothing was added.</source>
        <translation>압축하는 동안 브랜치가 삭제되었거나 닫혔습니다. 아무것도 추가하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/stall.py" line="24"/>
        <source>Waiting for the server…</source>
        <translation>서버를 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/stall.py" line="27"/>
        <source>The server sent nothing for %1 s, so the answer was stopped. What arrived is kept; press Retry (Ctrl+R) to ask again.</source>
        <translation>서버가 %1초 동안 아무것도 보내지 않아 답변을 중단했습니다. 받은 내용은 보존됩니다. 다시 요청하려면 재시도(Ctrl+R)를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/api/providers/adaptive.py" line="80"/>
        <source>This server has no Responses API (%1), so answers come through Chat Completions from now on; conversations are sent from the local history.</source>
        <translation>이 서버에는 Responses API가 없습니다(%1). 이제부터 답변은 Chat Completions로 받으며, 대화는 로컬 기록에서 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/api/providers/adaptive.py" line="89"/>
        <source>Streaming failed on this server (%1), so the answer was asked for whole; answers from this model now come whole when they are ready.</source>
        <translation>이 서버에서 스트리밍이 실패하여(%1) 답변을 한 번에 요청했습니다. 이제 이 모델의 답변은 준비되면 한꺼번에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/api/providers/adaptive.py" line="98"/>
        <source>The model %1 does not take %2 on this server, so it was sent again without it.</source>
        <translation>이 서버에서 모델 %1은(는) %2을(를) 받지 않아 그것을 빼고 다시 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="61"/>
        <source>The server no longer had the earlier answer this branch continues from, so the conversation was sent again from the local history.</source>
        <translation>이 가지가 이어지는 이전 답변이 서버에 더 이상 없어서 대화를 로컬 기록에서 다시 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="68"/>
        <source>This server accepted the earlier answer&apos;s id but did not use it (it keeps no conversation state), so the question was sent again with the whole conversation from the local history; this model on this server is sent that way from now on.</source>
        <translation>이 서버는 이전 답변의 ID를 받았지만 사용하지 않았습니다(대화 상태를 보관하지 않음). 그래서 질문을 로컬 기록의 전체 대화와 함께 다시 보냈으며, 이제부터 이 서버의 이 모델에는 그렇게 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="76"/>
        <source>This server does not take previous_response_id, so the conversation was sent again from the local history; this model on this server is sent that way from now on.</source>
        <translation>이 서버는 previous_response_id를 받지 않아 대화를 로컬 기록에서 다시 보냈습니다. 이제부터 이 서버의 이 모델에는 그렇게 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="89"/>
        <source>The connection dropped: resuming the answer where it stopped (%1 of %2)…</source>
        <translation>연결이 끊겼습니다. 멈춘 곳부터 답변을 이어받는 중(%2번 중 %1번째)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/turns.py" line="96"/>
        <source>The answer&apos;s stream could not be resumed after %1 tries (%2). What arrived is kept; press Retry (Ctrl+R) to ask again.</source>
        <translation>%1번 시도했지만 답변 스트림을 이어받지 못했습니다(%2). 받은 내용은 보존됩니다. 다시 요청하려면 재시도(Ctrl+R)를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/unsaved.py" line="28"/>
        <source>The answer could not be saved: %1 It goes on here and can be copied; it is saved as soon as there is room again.</source>
        <translation>답변을 저장할 수 없습니다: %1 답변은 여기에서 계속되며 복사할 수 있습니다. 공간이 다시 생기면 바로 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/unsaved.py" line="38"/>
        <source>%1 The answer is shown but could not be saved yet.</source>
        <translation>%1 답변은 표시되지만 아직 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/unsaved.py" line="41"/>
        <source>The answer that could not be saved is saved now.</source>
        <translation>저장하지 못했던 답변이 이제 저장되었습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/branching.py" line="85"/>
        <source>The edited prompt is empty.</source>
        <translation>편집한 프롬프트가 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/branching.py" line="118"/>
        <source>Wait for the answer to finish before branching from it.</source>
        <translation>답변이 끝난 뒤에 브랜치하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/session/tool_rounds.py" line="39"/>
        <source>The model kept calling tools; the app stopped after %1 rounds. Ask again to go on.</source>
        <translation>모델이 도구를 계속 호출해서 앱이 %1번째 라운드 후에 멈췄습니다. 계속하려면 다시 물어보세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="87"/>
        <source>Give the MCP server a name.</source>
        <translation>MCP 서버의 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="90"/>
        <source>An MCP server needs either a command or a URL (not both).</source>
        <translation>MCP 서버에는 명령 또는 URL 중 하나가 필요합니다(둘 다는 안 됨).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="93"/>
        <source>The MCP server URL must start with http:// or https:// (got “%1”).</source>
        <translation>MCP 서버 URL은 http:// 또는 https://로 시작해야 합니다(입력값: “%1”).</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="99"/>
        <source>Only a server with a URL can be reached by the provider.</source>
        <translation>제공자는 URL이 있는 서버에만 연결할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_config.py" line="103"/>
        <source>“%1” is not a valid variable or header name.</source>
        <translation>“%1”은(는) 올바른 변수 또는 헤더 이름이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="172"/>
        <source>The MCP server “%1” could not start: %2</source>
        <translation>MCP 서버 “%1”을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="174"/>
        <source>The MCP server “%1” stopped: %2</source>
        <translation>MCP 서버 “%1”이(가) 멈췄습니다: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="188"/>
        <source>The MCP server “%1” did not answer within %2 s.</source>
        <translation>MCP 서버 “%1”이(가) %2초 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="293"/>
        <source>The MCP server “%1” did not start within %2 s.</source>
        <translation>MCP 서버 “%1”이(가) %2초 안에 시작되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/mcp_host.py" line="299"/>
        <source>That MCP server is not running.</source>
        <translation>그 MCP 서버는 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/tools/toolbox.py" line="42"/>
        <source>%1 The question was sent without its tools.</source>
        <translation>%1 질문은 해당 도구 없이 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="21"/>
        <source>Searching the web…</source>
        <translation>웹 검색 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="22"/>
        <source>Searching files…</source>
        <translation>파일 검색 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="23"/>
        <source>Running code…</source>
        <translation>코드 실행 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="24"/>
        <source>Starting the MCP servers…</source>
        <translation>MCP 서버를 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="25"/>
        <source>Generating an image…</source>
        <translation>이미지를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="154"/>
        <source>file search</source>
        <translation>파일 검색</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="155"/>
        <source>file made by the code interpreter</source>
        <translation>코드 인터프리터가 만든 파일</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="156"/>
        <source>Ran code</source>
        <translation>코드 실행함</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="157"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="158"/>
        <source>(no output)</source>
        <translation>(출력 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="159"/>
        <source>%1 image output(s), not shown</source>
        <translation>이미지 출력 %1개(표시 안 함)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/core/content/output_items.py" line="161"/>
        <source>… %1 more characters</source>
        <translation>… %1자 더 있음</translation>
    </message>
</context>
</TS>
