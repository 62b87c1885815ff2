"""Keep translations when UI code moves: a string that lupdate now finds in a new context (a class was
renamed or code moved to another class) takes the translation it had in its old context, finished.

Usage: carry_translations.py OLD.ts [OLD2.ts…] NEW.ts — OLD is the file before lupdate ran (several:
e.g. both sides of a merge), NEW the file after; NEW is rewritten with the carried translations (run
lupdate again afterwards to restore its layout).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter


def translations(paths: list[str]) -> dict[str, str]:
    """source -> its most frequent finished translation in the first file that has one."""
    known: dict[str, str] = {}
    for path in reversed(paths):  # an earlier file wins
        seen: dict[str, Counter[str]] = {}
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            if translation.text:
                seen.setdefault(source, Counter())[translation.text] += 1
        known.update({source: counts.most_common(1)[0][0] for source, counts in seen.items()})
    return known


def main(*paths: str) -> int:
    *olds, new = paths
    known = translations(olds)
    tree = ET.parse(new)
    carried = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue  # (lupdate may have guessed a text from a same-source message: still unfinished)
        if source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            carried += 1
    tree.write(new, encoding="utf-8", xml_declaration=True)
    print(f"{new}: carried {carried} translation(s) to new contexts")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
