"""How Zotero reads a COinS span into an item: the rules of its OpenURL reader
(`parseContextObject` in zotero/utilities, openurl.js, which the COinS translator in
zotero/translators calls for every `span.Z3988`), restated for the keys a digest
site writes, so that tests check cards against what Zotero will make of them.

Restated, not copied: item type from `rft_val_fmt` (journal -> journalArticle, book ->
book and its genres, dissertation -> thesis, patent -> patent, dc -> webpage), then a
Dublin Core `rft.type` naming a Zotero item type replaces it; `rft.genre` never
changes a journal record's type. Fields: `rft_id` `info:doi/...` -> DOI, `http(s)://`
-> url; `rft.atitle` (journal, book section, conference) and `rft.title` (any other
type) -> title; `rft.jtitle` -> publicationTitle (journal); `rft.au` -> an author;
`rft.date` -> date; `rft.publisher` -> publisher (a preprint's "repository");
`rft.language` -> language. Values are form-decoded (`+` is a space).
"""

from __future__ import annotations

from urllib.parse import unquote

# Zotero's item types a record may name (a subset: the ones near ours).
ITEM_TYPES = frozenset(
    {"journalArticle", "preprint", "webpage", "book", "report", "thesis", "conferencePaper"}
)
_FORMATS = {
    "info:ofi/fmt:kev:mtx:journal": "journalArticle",
    "info:ofi/fmt:kev:mtx:book": "book",
    "info:ofi/fmt:kev:mtx:dissertation": "thesis",
    "info:ofi/fmt:kev:mtx:patent": "patent",
    "info:ofi/fmt:kev:mtx:dc": "webpage",
}
_CONTAINER_TITLED = ("journalArticle", "bookSection", "conferencePaper")


def zotero_item(context_object: str) -> dict[str, object] | None:
    pairs = []
    for part in context_object.split("&"):
        key, _, value = part.partition("=")
        pairs.append((key, unquote(value.replace("+", " "))))
    formats = [_FORMATS.get(v) for k, v in pairs if k == "rft_val_fmt"]
    item_type = next((f for f in formats if f), None)
    if item_type is None:
        return None
    item: dict[str, object] = {"itemType": item_type, "creators": []}
    for key, value in pairs:
        if not value:
            continue
        if key == "rft_id":
            if value[:8].lower() == "info:doi":
                item["DOI"] = value[9:]
            elif value.startswith(("http://", "https://")):
                item["url"] = value
        elif key == "rft.atitle" and item["itemType"] in _CONTAINER_TITLED:
            item["title"] = value
        elif key == "rft.jtitle" and item["itemType"] == "journalArticle":
            item["publicationTitle"] = value
        elif key == "rft.title":
            field = "publicationTitle" if item["itemType"] in _CONTAINER_TITLED else "title"
            item[field] = value
        elif key == "rft.date":
            item["date"] = value
        elif key == "rft.au":
            item["creators"].append(value)  # type: ignore[attr-defined]
        elif key in ("rft.pub", "rft.publisher"):
            item["publisher"] = value
        elif key == "rft.language":
            item["language"] = value
        elif key == "rft.type" and value in ITEM_TYPES:
            item["itemType"] = value
    return item
