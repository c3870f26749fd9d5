"""Every addon that ships a translation template is translated into French, Spanish
and Russian, completely and without breaking its placeholders or markup.

For each addon with ``i18n/<addon>.pot``, each of ``fr.po``, ``es.po`` and ``ru.po``
must exist, have a usable header, give a non-empty ``msgstr`` for every ``msgid`` of
the template, keep the placeholders (``%(name)s``, ``%s``, ``%d``, ``{name}``) and the
HTML/XML tag names of each ``msgid``, and hold no ``msgid`` the template no longer has.

The ``.po`` files are read with the small parser below (standard library only), so
that this check runs without Odoo and without polib. Tests are parametrized per addon
and language; a failure lists the offending messages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from addon_files import ADDONS_DIR

LANGS = ("fr", "es", "ru")
NPLURALS = {"fr": 2, "es": 2, "ru": 3}

# %(name)s / %(name)d, bare %s / %d, and {name} (str.format / f-string style).
PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
TAG_RE = re.compile(r"</?([A-Za-z][\w:.-]*)(?=[\s/>])")
KEYWORD_RE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$')
ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}


# ---------------------------------------------------------------------------
# A small .po/.pot parser
# ---------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    line: int = 0
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is not None:
            return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)]
        return [self.msgstr]

    def label(self) -> str:
        text = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + "..."
        return f"line {self.line}: {text!r}"


def _unquote(token: str, path: str, lineno: int) -> str:
    if len(token) < 2 or not (token.startswith('"') and token.endswith('"')):
        raise ValueError(f"{path}:{lineno}: malformed string {token!r}")
    body = token[1:-1]
    out = []
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            if i + 1 >= len(body):
                raise ValueError(f"{path}:{lineno}: dangling backslash")
            nxt = body[i + 1]
            if nxt not in ESCAPES:
                raise ValueError(f"{path}:{lineno}: unknown escape \\{nxt}")
            out.append(ESCAPES[nxt])
            i += 2
        elif char == '"':
            raise ValueError(f"{path}:{lineno}: unescaped quote in {token!r}")
        else:
            out.append(char)
            i += 1
    return "".join(out)


def parse_po(text: str, path: str = "<string>") -> list[Entry]:
    """Return the entries of a .po/.pot file, the header (msgid "") included.

    Handles comments, multi-line strings, escaped characters, msgctxt, plural forms and
    obsolete (``#~``) entries, which are returned with ``obsolete=True``.
    """
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None  # the field continuation lines extend
    seen_msgstr = False

    def finish():
        nonlocal current, target, seen_msgstr
        if current is not None:
            if not seen_msgstr:
                raise ValueError(f"{path}:{current.line}: msgid without msgstr")
            entries.append(current)
        current, target, seen_msgstr = None, None, False

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].strip()
            if line.startswith("|"):  # previous msgid of an obsolete entry
                continue
        elif line.startswith("#") or not line:
            if current is not None and seen_msgstr:
                finish()
            continue

        match = KEYWORD_RE.match(line)
        if match:
            keyword, index, token = match.groups()
            value = _unquote(token, path, lineno)
            if keyword in ("msgctxt", "msgid"):
                if current is not None and seen_msgstr:
                    finish()  # a new entry follows the previous one without a blank line
                if current is None:
                    current = Entry(line=lineno, obsolete=obsolete)
                elif keyword == "msgctxt" or target != ("msgctxt", None):
                    raise ValueError(f"{path}:{lineno}: {keyword} inside an unfinished entry")
            if current is None:
                raise ValueError(f"{path}:{lineno}: {keyword} before msgid")
            if keyword == "msgctxt":
                current.msgctxt = value
                target = ("msgctxt", None)
            elif keyword == "msgid":
                current.msgid = value
                current.line = lineno
                target = ("msgid", None)
            elif keyword == "msgid_plural":
                current.msgid_plural = value
                target = ("msgid_plural", None)
            elif index is not None:
                current.msgstr_plural[int(index)] = value
                target = ("msgstr_plural", int(index))
                seen_msgstr = True
            else:
                current.msgstr = value
                target = ("msgstr", None)
                seen_msgstr = True
            continue

        if line.startswith('"'):
            if current is None or target is None:
                raise ValueError(f"{path}:{lineno}: string outside an entry")
            value = _unquote(line, path, lineno)
            name, index = target
            if name == "msgstr_plural":
                current.msgstr_plural[index] += value
            else:
                setattr(current, name, getattr(current, name) + value)
            continue

        raise ValueError(f"{path}:{lineno}: cannot parse {raw!r}")

    finish()
    return entries


def read_po(path: Path) -> tuple[dict[str, str], list[Entry]]:
    """Return (header metadata, live entries without the header) of a .po/.pot file."""
    entries = [e for e in parse_po(path.read_text(encoding="utf-8"), str(path)) if not e.obsolete]
    header = {}
    messages = []
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            for item in entry.msgstr.splitlines():
                name, sep, value = item.partition(":")
                if sep:
                    header[name.strip()] = value.strip()
        else:
            messages.append(entry)
    return header, messages


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER_RE.findall(text.replace("%%", "")))


def tag_names(text: str) -> set[str]:
    return set(TAG_RE.findall(text))


# ---------------------------------------------------------------------------
# What is checked
# ---------------------------------------------------------------------------


def addons_with_template() -> list[str]:
    if not ADDONS_DIR.is_dir():
        return []
    return sorted(
        path.name
        for path in ADDONS_DIR.iterdir()
        if path.is_dir() and (path / "i18n" / f"{path.name}.pot").is_file()
    )


CASES = [(addon, lang) for addon in addons_with_template() for lang in LANGS]
ADDONS = sorted(p.parent.name for p in ADDONS_DIR.glob("*/__manifest__.py"))


@pytest.mark.parametrize("addon", ADDONS)
def test_every_addon_ships_a_template(addon):
    # Without a template, the checks below would not look at the addon at all.
    pot = ADDONS_DIR / addon / "i18n" / f"{addon}.pot"
    assert pot.is_file(), f"{pot} is missing: export it with odoo --i18n-export"


def _case_id(case):
    return f"{case[0]}-{case[1]}"


def _template(addon: str) -> list[Entry]:
    return read_po(ADDONS_DIR / addon / "i18n" / f"{addon}.pot")[1]


def _translation(addon: str, lang: str) -> tuple[dict[str, str], list[Entry]]:
    path = ADDONS_DIR / addon / "i18n" / f"{lang}.po"
    if not path.is_file():
        pytest.fail(f"{addon}: i18n/{lang}.po is missing (the addon ships {addon}.pot)")
    return read_po(path)


def _report(addon: str, lang: str, problem: str, items: list[str]) -> str:
    shown = "\n  ".join(items[:40])
    more = f"\n  ... and {len(items) - 40} more" if len(items) > 40 else ""
    return f"{addon}/i18n/{lang}.po: {len(items)} {problem}:\n  {shown}{more}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_po_file_and_header(case):
    addon, lang = case
    header, _messages = _translation(addon, lang)
    problems = []
    if header.get("Language", "").split("_")[0] != lang:
        problems.append(f"Language is {header.get('Language')!r}, expected {lang!r}")
    if "charset=utf-8" not in header.get("Content-Type", "").lower().replace(" ", ""):
        problems.append(f"Content-Type is {header.get('Content-Type')!r}, expected UTF-8")
    plural = header.get("Plural-Forms", "")
    if f"nplurals={NPLURALS[lang]};" not in plural.replace(" ", ""):
        problems.append(f"Plural-Forms is {plural!r}, expected nplurals={NPLURALS[lang]}")
    assert not problems, _report(addon, lang, "header problems", problems)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_every_msgid_is_translated(case):
    addon, lang = case
    _header, messages = _translation(addon, lang)
    translated = {e.key: e for e in messages}
    missing = []
    empty = []
    for entry in _template(addon):
        found = translated.get(entry.key)
        if found is None:
            missing.append(entry.label())
        elif not all(text.strip() for text in found.translations):
            empty.append(found.label())
    assert not missing, _report(addon, lang, "msgids of the .pot missing from the .po", missing)
    assert not empty, _report(addon, lang, "msgids with an empty msgstr", empty)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_stale_msgid(case):
    addon, lang = case
    _header, messages = _translation(addon, lang)
    known = {e.key for e in _template(addon)}
    stale = [e.label() for e in messages if e.key not in known]
    assert not stale, _report(addon, lang, "msgids no longer in the .pot (stale)", stale)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_placeholders_are_kept(case):
    addon, lang = case
    _header, messages = _translation(addon, lang)
    problems = []
    for entry in messages:
        expected = placeholders(entry.msgid)
        for text in entry.translations:
            if text and placeholders(text) != expected:
                got = placeholders(text)
                lost = sorted((expected - got).elements())
                extra = sorted((got - expected).elements())
                problems.append(f"{entry.label()} lost {lost} added {extra}")
    assert not problems, _report(addon, lang, "msgstrs with changed placeholders", problems)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_markup_tags_are_kept(case):
    addon, lang = case
    _header, messages = _translation(addon, lang)
    problems = []
    for entry in messages:
        expected = tag_names(entry.msgid)
        for text in entry.translations:
            lost = sorted(expected - tag_names(text)) if text else []
            if lost:
                problems.append(f"{entry.label()} lost tags {lost}")
    assert not problems, _report(addon, lang, "msgstrs with missing HTML/XML tags", problems)


# ---------------------------------------------------------------------------
# The parser itself
# ---------------------------------------------------------------------------

SAMPLE = r"""# header comment
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. module: demo
#: model:ir.ui.view,arch_db:demo.view
msgid ""
"A long message that goes on"
" over \"two\" lines\n"
"and a newline."
msgstr ""
"Un long message qui continue"
" sur \"deux\" lignes\n"
"et un saut de ligne."

#, python-format
msgid "%(name)s has %s {count} <b>items</b> at 100%%"
msgstr "%(name)s a %s {count} <b>articles</b> à 100%%"

msgctxt "button"
msgid "Open"
msgstr "Ouvrir"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "Un fichier"
msgstr[1] "%d fichiers"

#~ msgid "Old"
#~ msgstr "Ancien"
"""


def test_parser_reads_multiline_escapes_context_and_plurals(tmp_path):
    path = tmp_path / "fr.po"
    path.write_text(SAMPLE, encoding="utf-8")
    header, messages = read_po(path)
    assert header["Language"] == "fr"
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert [e.msgid for e in messages] == [
        'A long message that goes on over "two" lines\nand a newline.',
        "%(name)s has %s {count} <b>items</b> at 100%%",
        "Open",
        "One file",
    ]
    assert messages[0].msgstr == (
        'Un long message qui continue sur "deux" lignes\net un saut de ligne.'
    )
    assert messages[2].key == ("button", "Open")
    assert messages[3].translations == ["Un fichier", "%d fichiers"]
    obsolete = [e for e in parse_po(SAMPLE) if e.obsolete]
    assert [e.msgid for e in obsolete] == ["Old"]


def test_placeholder_and_tag_extraction():
    text = "%(name)s has %s {count} <b>items</b> at 100%% <br/> %d"
    assert placeholders(text) == Counter({"%(name)s": 1, "%s": 1, "{count}": 1, "%d": 1})
    assert tag_names(text) == {"b", "br"}
    assert placeholders("100%% sure") == Counter()
    assert tag_names("country &gt; region") == set()
