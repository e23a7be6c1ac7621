"""One-off helper (not shipped): merge numbered translations into a language's catalog."""
import sys
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
lang, snap, *tsvs = sys.argv[1:]
ids = {}
for line in Path(snap).read_text(encoding="utf-8").splitlines():
    if "|" not in line:
        continue
    n, rest = line.split("|", 1)
    if rest.startswith("P|"):
        ctx, body = rest[2:].split("|", 1)
        ids[int(n)] = (ctx or None, tuple(body.split("|||")))
    else:
        ctx, body = rest.split("|", 1)
        ids[int(n)] = (ctx or None, body)
tr = {}
for t in tsvs:
    for line in Path(t).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        n, *forms = line.split("\t")
        tr[int(n)] = forms
pot = read_po((ROOT / "footprint/locale/footprint.pot").open("rb"))
po_path = ROOT / f"footprint/locale/{lang}/LC_MESSAGES/footprint.po"
if po_path.exists():
    cat = read_po(po_path.open("rb"))
    cat.update(pot, update_header_comment=False)
else:
    cat = pot
    cat.locale = Locale.parse(lang)
    cat.revision_date = cat.creation_date
missing = 0
for n, (ctx, mid) in ids.items():
    msg = cat.get(mid, context=ctx)
    if msg is None:
        continue
    if n not in tr:
        missing += 1
        continue
    forms = tr[n]
    msg.string = tuple(forms) if isinstance(mid, tuple) else forms[0]
    msg.flags.discard("fuzzy")
po_path.parent.mkdir(parents=True, exist_ok=True)
cat.obsolete.clear()
with po_path.open("wb") as fh:
    write_po(fh, cat, width=100, include_lineno=False)
print(lang, "translated", len(tr), "missing", missing)
