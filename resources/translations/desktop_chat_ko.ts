<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop_chat/ui/composer.py" line="60"/>
        <source>Type a prompt — Ctrl+Enter sends, Esc stops an answer</source>
        <translation>프롬프트를 입력하세요 — Ctrl+Enter로 보내기, Esc로 답변 중지</translation>
    </message>
</context>
<context>
    <name>FanOutDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/turn_dialogs.py" line="125"/>
        <source>Persona…</source>
        <translation>페르소나…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="126"/>
        <location filename="../../desktop_chat/ui/main_window.py" line="947"/>
        <source>New conversation</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="138"/>
        <source>Conversation tree — select any answer to continue from it</source>
        <translation>대화 트리 — 어느 답변이든 선택해 거기서 이어가세요</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="162"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="164"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>보내기 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="166"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="168"/>
        <source>Stop the answer (Esc); what arrived is kept</source>
        <translation>답변 중지 (Esc) — 받은 내용은 유지됩니다</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="171"/>
        <location filename="../../desktop_chat/ui/main_window.py" line="953"/>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="174"/>
        <source>Ask again with the selected prompt: a new sibling answer (Ctrl+R)</source>
        <translation>선택한 프롬프트로 다시 묻기: 새 형제 답변 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="210"/>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="231"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="233"/>
        <source>&amp;New conversation</source>
        <translation>새 대화(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="237"/>
        <source>&amp;Open response by id…</source>
        <translation>응답 ID로 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="243"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="244"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="246"/>
        <source>All conversations (JSON)…</source>
        <translation>모든 대화 (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="250"/>
        <source>This branch (Markdown)…</source>
        <translation>이 브랜치 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="258"/>
        <source>This whole tree (Markdown)…</source>
        <translation>트리 전체 (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="265"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="267"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="268"/>
        <source>&amp;Chat</source>
        <translation>대화(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="269"/>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="270"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="272"/>
        <source>&amp;Regenerate / retry</source>
        <translation>다시 생성 / 재시도(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="274"/>
        <source>Regenerate &amp;with…</source>
        <translation>다른 설정으로 다시 생성(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="279"/>
        <source>&amp;Edit prompt and resend…</source>
        <translation>프롬프트 수정 후 다시 보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="280"/>
        <source>&amp;Fan out variants…</source>
        <translation>여러 변형 동시 생성(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="282"/>
        <source>&amp;Compare with siblings</source>
        <translation>형제 답변과 비교(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="285"/>
        <source>Co&amp;mpact branch</source>
        <translation>브랜치 압축(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="292"/>
        <source>&amp;Delete turn and what follows…</source>
        <translation>이 턴과 이후 모두 삭제(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="308"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="310"/>
        <source>&amp;Parent</source>
        <translation>부모(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="313"/>
        <source>&amp;First child</source>
        <translation>첫 번째 자식(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="317"/>
        <source>P&amp;revious sibling</source>
        <translation>이전 형제(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="325"/>
        <source>&amp;Next sibling</source>
        <translation>다음 형제(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="332"/>
        <source>Focus &amp;composer</source>
        <translation>입력창으로 이동(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="336"/>
        <source>&amp;Search all conversations</source>
        <translation>모든 대화 검색(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="340"/>
        <source>&amp;Graph / outline</source>
        <translation>그래프 / 개요(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="343"/>
        <source>&amp;Persona</source>
        <translation>페르소나(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="347"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="348"/>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="349"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="351"/>
        <location filename="../../desktop_chat/ui/main_window.py" line="360"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="351"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="351"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="366"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="368"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="511"/>
        <source>The language changes the next time desktop_chat starts.</source>
        <translation>언어는 desktop_chat을 다음에 시작할 때 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="520"/>
        <source>No persona (default instructions)</source>
        <translation>페르소나 없음 (기본 지시문)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="531"/>
        <source>Manage personas…</source>
        <translation>페르소나 관리…</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="547"/>
        <source>no persona</source>
        <translation>페르소나 없음</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="548"/>
        <source>Persona: %s</source>
        <translation>페르소나: %s</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="573"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="576"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="576"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="661"/>
        <source>An answer is still streaming: stop it (Esc) or wait before sending.</source>
        <translation>답변이 아직 스트리밍 중입니다. 중지(Esc)하거나 끝날 때까지 기다린 뒤 보내세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="718"/>
        <source>Still connecting to the server — try again in a moment.</source>
        <translation>아직 서버에 연결 중입니다 — 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="930"/>
        <source>Model: %s</source>
        <translation>모델: %s</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="936"/>
        <source>Last answer: %1 in · %2 out</source>
        <translation>마지막 답변: 입력 %1 · 출력 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="953"/>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/main_window.py" line="956"/>
        <source>Replying after: “%1” (%2)</source>
        <translation>이어서 답장: “%1” (%2)</translation>
    </message>
</context>
<context>
    <name>PersonasDialog</name>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="27"/>
        <source>Personas</source>
        <translation>페르소나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="38"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="40"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="57"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="59"/>
        <source>Instructions (sent as the system prompt)</source>
        <translation>지시문 (시스템 프롬프트로 전송)</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="86"/>
        <source>New persona</source>
        <translation>새 페르소나</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="121"/>
        <source>Every persona needs a name.</source>
        <translation>모든 페르소나에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop_chat/ui/personas_dialog.py" line="123"/>
        <source>Two personas have the same name.</source>
        <translation>두 페르소나의 이름이 같습니다.</translation>
    </message>
</context>
</TS>
