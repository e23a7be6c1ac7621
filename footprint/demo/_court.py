"""Demo of `footprint court-accounts`: two fictitious courts' official accounts as their public
pages and APIs answer, recorded in a WARC. "Judecătoria Demo" keeps every rule; "Tribunalul
Demo-Nord" breaks six (name, handle pattern, picture, contact details, languages, content).
`court-truth.json` gives the verdict every automatic check must reach. Everything is invented.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

from PIL import Image, ImageDraw

from ._common import Resource, Web

ARTICLES = '''[manual]
title = "Demo Judicial Council, Manual for the Official Social-Media Accounts of Courts (fictitious)"
articles = { name = "Art. 4", handle = "Art. 5", picture = "Art. 6", contact = "Art. 7", bio_languages = "Art. 9", post_languages = "Art. 9", content = "Art. 11", auto_reply = "Art. 8", admins = "Art. 13", passwords = "Art. 14" }
'''


def _court_toml(cid: str, ro: str, en: str, logo: str, pattern: str, contact: dict[str, str],
                accounts: list[tuple[str, str]]) -> str:
    c = "\n".join(f'{k} = "{v}"' for k, v in contact.items())
    acc = "\n".join(f'[[accounts]]\nplatform = "{p}"\nhandle = "{h}"\n' for p, h in accounts)
    return f'''# footprint court-accounts demo — a FICTITIOUS court. Run: footprint demo --court-accounts
contact = "press-office@example.org"

[court]
id = "{cid}"
names = {{ ro = "{ro}", en = "{en}" }}
languages = ["ro", "en"]
logo = "{logo}"
handle_pattern = '{pattern}'
jurisdiction = "RO"

[court.contact]
{c}

{ARTICLES}
{acc}'''


def _logo(kind: str, size: int = 400) -> Image.Image:
    img = Image.new("RGB", (size, size), "white")
    d = ImageDraw.Draw(img)
    if kind == "demo":  # a blue disc with a white balance
        d.ellipse((20, 20, size - 20, size - 20), fill=(20, 60, 140))
        d.rectangle((195, 90, 205, 300), fill="white")
        d.rectangle((110, 120, 290, 132), fill="white")
        d.polygon([(110, 132), (80, 220), (140, 220)], fill="white")
        d.polygon([(290, 132), (260, 220), (320, 220)], fill="white")
        d.rectangle((150, 300, 250, 320), fill="white")
    elif kind == "nord":  # a green shield with a gold bar
        d.polygon([(60, 40), (340, 40), (340, 220), (200, 360), (60, 220)], fill=(20, 110, 60))
        d.rectangle((60, 150, 340, 190), fill=(220, 180, 40))
    else:  # not a logo: a holiday snapshot of a beach
        d.rectangle((0, 0, size, size // 2), fill=(120, 190, 240))
        d.rectangle((0, size // 2, size, size), fill=(230, 210, 150))
        d.ellipse((280, 40, 360, 120), fill=(250, 220, 60))
        d.polygon([(60, 320), (120, 140), (180, 320)], fill=(200, 40, 40))
    return img


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _jpeg(img: Image.Image, edge: int = 200) -> bytes:
    buf = io.BytesIO()
    img.resize((edge, edge), Image.Resampling.LANCZOS).save(buf, "JPEG", quality=70)
    return buf.getvalue()


def _og(web: Web, url: str, title: str, desc: str, image: str) -> None:
    web.page(url, f'<!doctype html><html><head><title>{html.escape(title)}</title>'
             f'<meta property="og:title" content="{html.escape(title)}">'
             f'<meta property="og:description" content="{html.escape(desc)}">'
             f'<meta property="og:image" content="{html.escape(image)}"></head><body></body></html>')


def _json(web: Web, url: str, data: object, status: int = 200) -> None:
    web.resources.append(Resource(url, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                                  "application/json; charset=utf-8", status))


def _img(web: Web, url: str, data: bytes) -> None:
    web.resources.append(Resource(url, data, "image/jpeg"))


BILINGUAL_POSTS = [
    "Judecătoria anunță programul de lucru cu publicul pentru perioada sărbătorilor de iarnă. "
    "The court announces its public opening hours for the winter holidays.",
    "Sesiunea de informare pentru cetățeni are loc joi la ora zece în sala mare. "
    "A public information session for citizens takes place on Thursday at ten in the main hall.",
    "Comunicat de presă privind digitalizarea dosarelor și accesul online la documente. "
    "Press release on the digitisation of case files and online access to documents.",
]
RO_ONLY_POSTS = [
    "Judecătoria anunță programul de lucru cu publicul pentru perioada sărbătorilor de iarnă.",
    "Comunicat de presă privind digitalizarea dosarelor și accesul online la documente.",
]
BAD_POSTS = [
    "Semnați petiția pentru un nou sediu al tribunalului, avem nevoie de mii de semnături! "
    "Sign the petition for a new court building, we need thousands of signatures!",
    "Sponsored: 20% off at the Central Café next to the court with the promo code TRIB20. "
    "Oferta speciala: cod de reducere TRIB20 la Cafeneaua Centrală.",
    *BILINGUAL_POSTS[:1],
]


def _accounts(web: Web, handle: str, names: tuple[str, str, str, str], bios: dict[str, str],
              avatars: dict[str, bytes], posts: dict[str, list[str]], yt_handle: str) -> None:
    """Facebook, YouTube, Mastodon, Bluesky, X and LinkedIn answers for one court."""
    fb_name, yt_name, m_name, b_name = names
    fb_img = f"https://scontent.xx.fbcdn.net/v/demo/{handle}.jpg"
    _og(web, f"https://www.facebook.com/{handle}", fb_name, bios["facebook"], fb_img)
    _img(web, fb_img, avatars["facebook"])
    yt_img = f"https://yt3.googleusercontent.com/demo-{handle}=s176"
    channel = "UC" + (handle + "0" * 22)[:22]
    web.page(f"https://www.youtube.com/@{yt_handle}",
             f'<!doctype html><html><head><title>{html.escape(yt_name)} - YouTube</title>'
             f'<meta property="og:title" content="{html.escape(yt_name)}">'
             f'<meta property="og:description" content="{html.escape(bios["youtube"])}">'
             f'<meta property="og:image" content="{yt_img}">'
             f'<link rel="alternate" type="application/rss+xml" title="RSS" '
             f'href="https://www.youtube.com/feeds/videos.xml?channel_id={channel}"></head><body></body></html>')
    _img(web, yt_img, avatars["youtube"])
    entries = "".join(
        f'<entry><id>yt:video:{handle[:6]}{i:05d}</id><title>{html.escape(t.split(". ")[0])}</title>'
        f'<link rel="alternate" href="https://www.youtube.com/watch?v={handle[:6]}{i:05d}"/>'
        f'<published>2026-10-{10 + i:02d}T09:00:00+00:00</published>'
        f'<media:group><media:description>{html.escape(t)}</media:description></media:group></entry>'
        for i, t in enumerate(posts["youtube"]))
    web.resources.append(Resource(
        f"https://www.youtube.com/feeds/videos.xml?channel_id={channel}",
        ('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
         'xmlns:media="http://search.yahoo.com/mrss/" xmlns:yt="http://www.youtube.com/xml/schemas/2015">'
         f'<title>{html.escape(yt_name)}</title>{entries}</feed>').encode(),
        "application/atom+xml; charset=utf-8"))
    base = "https://mastodon.social"
    mid = f"1100000000000{len(handle):05d}"
    m_avatar = f"https://files.mastodon.social/accounts/avatars/demo/{handle}.jpg"
    _json(web, f"{base}/api/v1/accounts/lookup?acct={handle}", {
        "id": mid, "username": handle, "acct": handle, "display_name": m_name,
        "url": f"{base}/@{handle}", "note": "<p>" + html.escape(bios["mastodon"]) + "</p>",
        "avatar": m_avatar, "avatar_static": m_avatar, "fields": []})
    _img(web, m_avatar, avatars["mastodon"])
    _json(web, f"{base}/api/v1/accounts/{mid}/statuses?limit=20&exclude_reblogs=true", [
        {"id": f"{mid}{i}", "created_at": f"2026-10-{10 + i:02d}T09:00:00.000Z",
         "url": f"{base}/@{handle}/{mid}{i}", "content": f"<p>{html.escape(t)}</p>",
         "spoiler_text": "", "reblog": None} for i, t in enumerate(posts["mastodon"])])
    bsky = f"{handle}.bsky.social"
    did = f"did:plc:demo{handle[:16]}"
    b_avatar = f"https://cdn.bsky.app/img/avatar/plain/{did}/demo@jpeg"
    app = "https://public.api.bsky.app/xrpc"
    _json(web, f"{app}/app.bsky.actor.getProfile?actor={bsky}", {
        "did": did, "handle": bsky, "displayName": b_name, "description": bios["bluesky"],
        "avatar": b_avatar})
    _img(web, b_avatar, avatars["bluesky"])
    _json(web, f"{app}/app.bsky.feed.getAuthorFeed?actor={bsky}&limit=20&filter=posts_with_replies", {
        "feed": [{"post": {"uri": f"at://{did}/app.bsky.feed.post/3lcourt{i}",
                           "author": {"did": did, "handle": bsky},
                           "record": {"text": t, "createdAt": f"2026-10-{10 + i:02d}T09:00:00Z"}}}
                 for i, t in enumerate(posts["bluesky"])]})
    # X serves a script-only page to anyone without a login; LinkedIn sends robots to a login wall
    web.page(f"https://x.com/{handle}", '<!doctype html><html><head><title>X</title></head>'
             '<body><noscript>JavaScript is not available.</noscript><script src="/main.js">'
             '</script></body></html>')
    wall = f"https://www.linkedin.com/authwall?sessionRedirect=company%2F{handle}"
    web.page(f"https://www.linkedin.com/company/{handle}/", "", status=302,
             headers=(("Location", wall),))
    web.page(wall, '<!doctype html><html><head><title>Sign Up | LinkedIn</title></head>'
             '<body><form action="/login"></form></body></html>')


def build(web: Web) -> tuple[dict[str, str], dict[str, dict[str, dict[str, str]]], dict[str, bytes]]:
    """Add both courts' accounts to `web`: (COURT.toml files, truth, logo files)."""
    demo, nord, other = _logo("demo"), _logo("nord"), _logo("beach")
    contact_ok = {"address": "Strada Exemplului 10, Demo", "postal_code": "010101",
                  "phone": "+40 21 555 0100", "email": "relatii.publice@judecatoriademo.example",
                  "website": "https://judecatoriademo.example"}
    line = ("Adresa / Address: Strada Exemplului 10, Demo 010101 · Tel. +40 21 555 0100 · "
            "relatii.publice@judecatoriademo.example · https://judecatoriademo.example")
    bio = ("Pagina oficială a Judecătoriei Demo, cu programul de lucru, informații despre dosare și "
           "comunicate de presă. The official page of the Demo District Court, with opening hours, "
           "case information and press releases.\n" + line)
    ro_name, en_name = "Judecătoria Demo", "Demo District Court"
    _accounts(web, "judecatoriademo", (ro_name, f"{ro_name} / {en_name}", ro_name, en_name),
              dict.fromkeys(("facebook", "youtube", "mastodon", "bluesky"), bio),
              dict.fromkeys(("facebook", "youtube", "mastodon", "bluesky"), _jpeg(demo)),
              dict.fromkeys(("youtube", "mastodon", "bluesky"), BILINGUAL_POSTS),
              "judecatoriademo")
    n_contact = {"address": "Bulevardul Nordului 5, Demo-Nord", "postal_code": "020202",
                 "phone": "+40 21 555 0177", "email": "presa@tribunaluldemonord.example",
                 "website": "https://tribunaluldemonord.example"}
    n_line = ("Adresa / Address: Bulevardul Nordului 5, Demo-Nord 020202 · Tel. +40 21 555 0177 · "
              "presa@tribunaluldemonord.example · https://tribunaluldemonord.example")
    n_bio = ("Pagina oficială a Tribunalului Demo-Nord, cu programul de lucru, informații despre "
             "dosare și comunicate de presă. The official page of the Demo-Nord County Court, with "
             "opening hours, case information and press releases.\n" + n_line)
    n_ro, n_en = "Tribunalul Demo-Nord", "Demo-Nord County Court"
    bios = {
        # contact: a different phone and no e-mail
        "facebook": n_bio.replace("+40 21 555 0177", "+40 21 555 0199").replace(
            " · presa@tribunaluldemonord.example", ""),
        "youtube": n_bio, "mastodon": n_bio,
        # languages: Romanian only
        "bluesky": ("Pagina oficială a Tribunalului Demo-Nord, cu programul de lucru, informații "
                    "despre dosare și comunicate de presă.\n" + n_line.replace("Adresa / Address", "Adresa")),
    }
    _accounts(web, "tribunaluldemonord",
              (f"{n_ro} - pagina fanilor", n_ro, n_ro, n_ro),       # name: a fan page's
              bios,
              {"facebook": _jpeg(nord), "youtube": _jpeg(nord), "mastodon": _jpeg(other),  # picture
               "bluesky": _jpeg(nord)},
              {"youtube": BILINGUAL_POSTS, "mastodon": BAD_POSTS,   # content
               "bluesky": RO_ONLY_POSTS},                            # post languages
              "TribDemoNordTV")                                      # handle pattern
    files = {
        "court-compliant.toml": _court_toml(
            "judecatoria-demo", ro_name, en_name, "logo.png", "^judecatoriademo$", contact_ok,
            [("facebook", "judecatoriademo"), ("youtube", "judecatoriademo"),
             ("mastodon", "@judecatoriademo@mastodon.social"), ("bluesky", "judecatoriademo.bsky.social"),
             ("x", "judecatoriademo"), ("linkedin", "judecatoriademo")]),
        "court-breaking.toml": _court_toml(
            "tribunalul-demo-nord", n_ro, n_en, "logo-nord.png", "^tribunaluldemonord$", n_contact,
            [("facebook", "tribunaluldemonord"), ("youtube", "TribDemoNordTV"),
             ("mastodon", "@tribunaluldemonord@mastodon.social"),
             ("bluesky", "tribunaluldemonord.bsky.social"), ("x", "tribunaluldemonord"),
             ("linkedin", "tribunaluldemonord")]),
    }
    p, f, nc = "pass", "fail", "not checkable"
    full = {"name": p, "handle": p, "picture": p, "contact": p, "bio_languages": p,
            "post_languages": p, "content": p}
    no_posts = {**full, "post_languages": nc, "content": nc}
    outside = {k: (p if k == "handle" else nc) for k in full}
    truth = {
        "court-compliant.toml": {
            "facebook judecatoriademo": no_posts, "youtube judecatoriademo": full,
            "mastodon judecatoriademo@mastodon.social": full,
            "bluesky judecatoriademo.bsky.social": full,
            "x judecatoriademo": outside, "linkedin judecatoriademo": outside},
        "court-breaking.toml": {
            "facebook tribunaluldemonord": {**no_posts, "name": f, "contact": f},
            "youtube TribDemoNordTV": {**full, "handle": f},
            "mastodon tribunaluldemonord@mastodon.social": {**full, "picture": f, "content": f},
            "bluesky tribunaluldemonord.bsky.social": {**full, "bio_languages": f, "post_languages": f},
            "x tribunaluldemonord": outside, "linkedin tribunaluldemonord": outside},
    }
    return files, truth, {"logo.png": _png(demo), "logo-nord.png": _png(nord)}


def generate(out: Path) -> None:
    """Write both COURT.toml files, the logos, court.warc.gz and court-truth.json into `out`."""
    from .generate import _mkdir, _write, write_warc

    web = Web()
    files, truth, logos = build(web)
    _mkdir(out)
    buf = io.BytesIO()
    write_warc(web, buf)
    _write(out / "court.warc.gz", buf.getvalue())
    for name, data in logos.items():
        _write(out / name, data)
    for name, text in files.items():
        _write(out / name, text.encode("utf-8"))
    _write(out / "court-truth.json", (json.dumps(truth, indent=2, ensure_ascii=False) + "\n").encode())
