"""`footprint court-accounts`: a court's official social-media accounts checked against the rules
a judicial council's social-media manual sets for them (name, handle pattern, logo as the picture,
official contact details, required languages, no political content, advertising or petitions),
from what the accounts' public pages show; what cannot be seen from outside (automatic replies,
admin roles, password holders) is listed for the court's officer to check by hand.

COURT.toml (see docs/court-accounts.md and footprint/demo/data/court/court-compliant.toml):

    contact = "press@court.example"            # optional: in the User-Agent of live requests
    [court]
    names = { ro = "Judecătoria Demo", en = "Demo District Court" }   # legal name per language
    languages = ["ro", "en"]                   # languages the accounts must use
    logo = "logo.png"                          # the official logo, relative to this file
    handle_pattern = "^judecatoriademo$"       # a regular expression every handle must match
    [court.contact]                            # what every account must show, and show equal
    address = "…"; postal_code = "…"; phone = "…"; email = "…"; website = "https://…"
    [manual]                                   # optional: the manual's title and article numbers
    title = "…"; articles = { name = "Art. 5", … }
    [[accounts]]
    platform = "facebook" | "x" | "youtube" | "linkedin" | "mastodon" | "bluesky"
    handle = "…"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit

import phonenumbers
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import ProbeError, UsageError
from ..masking import fold
from ..posts import platforms
from ..posts.rules import COURT_RULES, TITLES, Lexicons, sentences
from ..web.base import Fetcher

CHECKS = ("name", "handle", "picture", "contact", "bio_languages", "post_languages", "content")
"""The automatic checks, in report order (stable ids: court-accounts.json uses them)."""
CHECK_TITLES = {
    "name": "The account's name is the court's legal name",
    "handle": "The handle follows the court's pattern",
    "picture": "The profile picture is the official logo",
    "contact": "Official address, postal code, phone, e-mail and web page shown, and equal",
    "bio_languages": "The bio is in every required language",
    "post_languages": "Recent posts are in every required language",
    "content": "No political content, third-party advertising or petitions",
}
MANUAL_ITEMS = {
    "auto_reply": "Private messages are answered with the court's standard automatic reply",
    "admins": "Only the officers the court named hold admin roles on the account",
    "passwords": "Only the named officers hold the password; two-factor authentication is on",
}
"""What cannot be checked from outside: the officer's checklist, per account."""
PLATFORMS = ("facebook", "x", "youtube", "linkedin", "mastodon", "bluesky")
LANGUAGE_POOL = ("en", "de", "fr", "es", "it", "pt", "nl", "cs", "sk", "pl", "ro", "hu", "sq",
                 "sr", "hr", "bs", "sl", "bg", "mk", "ru", "uk", "tr", "el")
"""Languages a bio or post is told apart among (the required ones are added): a closed set makes
short texts reliable without letting a required language win by default."""
MAX_POSTS = 20
MAX_COURT_BYTES = 1_000_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Contact(_Strict):
    address: str | None = Field(default=None, max_length=300)
    postal_code: str | None = Field(default=None, max_length=20)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    website: str | None = Field(default=None, max_length=500, pattern=r"^https?://[^\s/]+")


class CourtInfo(_Strict):
    id: str = Field(default="court", pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    names: dict[str, str] = Field(min_length=1)
    """Legal name per language code."""
    languages: tuple[str, ...] = Field(default=(), max_length=10)
    logo: str | None = None
    handle_pattern: str | None = Field(default=None, max_length=300)
    jurisdiction: str = Field(default="", max_length=10)
    """ISO 3166 code, for reading national phone numbers (defaults to the phone's own prefix)."""
    contact: Contact = Contact()

    @field_validator("languages")
    @classmethod
    def _langs(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for i, x in enumerate(v):
            if not re.fullmatch(r"[a-z]{2}", x):
                raise ValueError(f"item {i}: expected a two-letter language code such as \"ro\"")
        return v

    @field_validator("names")
    @classmethod
    def _names(cls, v: dict[str, str]) -> dict[str, str]:
        for k, name in v.items():
            if not re.fullmatch(r"[a-z]{2}", k):
                raise ValueError("keys are two-letter language codes, e.g. names = { en = \"…\" }")
            if not name.strip() or len(name) > 300:
                raise ValueError(f"names.{k}: expected the court's legal name (1-300 characters)")
        return v

    @field_validator("handle_pattern")
    @classmethod
    def _pattern(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as e:
                raise ValueError(f"not a valid regular expression ({e.msg})") from None
        return v


class Manual(_Strict):
    title: str = Field(default="the court's social-media manual", max_length=300)
    articles: dict[str, str] = Field(default_factory=dict)

    @field_validator("articles")
    @classmethod
    def _keys(cls, v: dict[str, str]) -> dict[str, str]:
        known = (*CHECKS, *MANUAL_ITEMS)
        for k in v:
            if k not in known:
                raise ValueError(f"unknown item {k} (expected one of {', '.join(known)})")
        return v


class OfficialAccount(_Strict):
    platform: Literal["facebook", "x", "youtube", "linkedin", "mastodon", "bluesky"]
    handle: str = Field(min_length=1, max_length=200)

    @field_validator("handle")
    @classmethod
    def _handle(cls, v: str) -> str:
        if "://" in v or "/" in v or v.lower().startswith("www."):
            raise ValueError("a handle, not an address (e.g. \"judecatoriademo\", "
                             "\"@press@mastodon.example\", \"court.bsky.social\")")
        if not re.fullmatch(r"@?[A-Za-z0-9._-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?", v):
            raise ValueError("not a handle: expected letters, digits, '.', '_' or '-' "
                             "(Mastodon: @name@instance)")
        return v.lstrip("@")


class CourtFile(_Strict):
    contact: str | None = Field(default=None, max_length=200, pattern=r"^[\x21-\x7e]+$")
    court: CourtInfo
    manual: Manual = Manual()
    accounts: tuple[OfficialAccount, ...] = Field(min_length=1, max_length=50)


@dataclass(frozen=True)
class Court:
    path: Path
    contact: str | None
    info: CourtInfo
    manual: Manual
    accounts: tuple[OfficialAccount, ...]

    @property
    def logo_path(self) -> Path | None:
        return (self.path.parent / self.info.logo) if self.info.logo else None


def load_court(path: Path) -> Court:
    """Read and validate COURT.toml; every problem is one `UsageError` line naming the key."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_COURT_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder (expected a COURT.toml file)") from None
    except OSError as e:
        raise UsageError(f"{path}: cannot read the file ({e.strerror})") from None
    if len(raw) > MAX_COURT_BYTES:
        raise UsageError(f"{path}: larger than 1 MB (is this the right file?)")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: not valid TOML: {e}") from None
    try:
        cf = CourtFile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(x) if not isinstance(x, int) else f"[{x}]" for x in err["loc"]
                       ).replace(".[", "[")
        typ = err["type"]
        if typ == "literal_error":
            what = f"expected one of {err.get('ctx', {}).get('expected', '')}"
        elif typ == "extra_forbidden":
            what = "unknown key (see docs/court-accounts.md)"
        elif typ == "value_error":
            what = str(err.get("ctx", {}).get("error", err["msg"]))
        elif typ == "missing":
            what = "missing"
        elif typ == "string_pattern_mismatch":
            what = "not in the expected form (see docs/court-accounts.md)"
        else:
            what = err["msg"]
        raise UsageError(f"{path}: {loc or 'file'}: {what}") from None
    court = Court(path, cf.contact, cf.court, cf.manual, cf.accounts)
    logo = court.logo_path
    if logo is not None and not logo.is_file():
        raise UsageError(f"{path}: court.logo: file not found (relative to COURT.toml)")
    return court


# --- checks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    check: str
    """One of CHECKS."""
    verdict: str
    """"pass", "fail" or "not checkable"."""
    detail: str
    """What was seen (or why it could not be checked)."""
    article: str = ""
    """The manual's article for this rule, when COURT.toml gives it."""


@dataclass
class AccountCheck:
    account: OfficialAccount
    page_url: str = ""
    read_error: str = ""
    verdicts: list[Verdict] = field(default_factory=list)


@dataclass
class CourtResult:
    court: Court
    accounts: list[AccountCheck] = field(default_factory=list)


def _user(a: OfficialAccount) -> str:
    if a.platform == "mastodon":
        return a.handle.split("@")[0]
    if a.platform == "bluesky":
        return a.handle.split(".")[0]
    return a.handle


def read_official(fetcher: Fetcher, a: OfficialAccount) -> platforms.Read:
    """The account's public profile and recent posts (posts only where a platform shows them)."""
    if a.platform == "mastodon":
        return platforms.mastodon(fetcher, a.handle, a.handle, MAX_POSTS)
    if a.platform == "bluesky":
        return platforms.bluesky(fetcher, a.handle, a.handle, MAX_POSTS)
    if a.platform == "youtube":
        return platforms.youtube(fetcher, a.handle, a.handle, MAX_POSTS)
    url = {"facebook": f"https://www.facebook.com/{quote(a.handle)}",
           "x": f"https://x.com/{quote(a.handle)}",
           "linkedin": f"https://www.linkedin.com/company/{quote(a.handle)}/"}[a.platform]
    prof, _resp = platforms.og_page(fetcher, url, a.platform)
    return platforms.Read(prof)


class _Langid:
    def __init__(self, required: tuple[str, ...]) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

        # the model ships inside the package: nothing is downloaded
        self.ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self.ident.set_languages(sorted(set(LANGUAGE_POOL) | set(required)))

    def languages(self, text: str) -> set[str]:
        """The languages of `text`, judged per sentence (or line) of at least four words."""
        found = set()
        for s in sentences(text):
            if len(re.findall(r"[^\W\d_]{2,}", s)) < 4:
                continue
            lang, prob = self.ident.classify(s)
            if prob >= 0.5:
                found.add(str(lang))
        return found


def _norm_name(s: str) -> str:
    return " ".join(s.casefold().split())


def check_name(info: CourtInfo, name: str) -> tuple[str, str]:
    legal = {_norm_name(n) for n in info.names.values()}
    parts = [p for p in re.split(r"\s+[/|–—-]\s+|\s*\n\s*", name) if p.strip()]
    if name and all(_norm_name(p) in legal for p in parts):
        return "pass", "the name is the legal name"
    return "fail", "the name shown is not the court's legal name in any of its languages"


def check_contact(c: Contact, text: str, links: tuple[str, ...], region: str) -> tuple[str, str]:
    given = {k: v for k, v in c.model_dump().items() if v}
    if not given:
        return "not checkable", "COURT.toml gives no [court.contact] details"
    blob = "\n".join([text, *links])
    folded = fold(blob)
    missing, differs = [], []
    if c.phone:
        want = _phone(c.phone, region)
        seen = set()
        for m in phonenumbers.PhoneNumberMatcher(blob.replace("tel:", " "), region or "ZZ"):
            seen.add(phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164))
        if want in seen:
            pass
        elif seen:
            differs.append("phone")
        else:
            missing.append("phone")
    if c.email:
        seen_mail = {m.lower() for m in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", blob)}
        if c.email.lower() in seen_mail:
            pass
        elif seen_mail:
            differs.append("e-mail")
        else:
            missing.append("e-mail")
    if c.website:
        host = (urlsplit(c.website).hostname or "").removeprefix("www.")
        hosts = {(urlsplit(u if "://" in u else "https://" + u).hostname or "").removeprefix("www.")
                 for u in re.findall(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?", blob)
                 if "@" not in u}
        if host not in hosts:
            missing.append("web page")
    if c.postal_code:
        pc = re.sub(r"\s", "", c.postal_code)
        if pc not in re.sub(r"(?<=\d)\s(?=\d)", "", blob):
            missing.append("postal code")
    if c.address:
        words = [w for w in re.findall(r"[^\W_]{3,}", fold(c.address))]
        if not words or not all(re.search(rf"\b{re.escape(w)}\b", folded) for w in words):
            missing.append("address")
    if not missing and not differs:
        return "pass", "shown: " + ", ".join(k.replace("_", " ") for k in given)
    parts = []
    if missing:
        parts.append("missing: " + ", ".join(missing))
    if differs:
        parts.append("different from COURT.toml: " + ", ".join(differs))
    return "fail", "; ".join(parts)


def _phone(value: str, region: str) -> str:
    try:
        return phonenumbers.format_number(phonenumbers.parse(value, region or None),
                                          phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return value


class _Logo:
    def __init__(self, path: Path | None) -> None:
        self.hashes = None
        if path is not None:
            from ..analyze.images import REF_TRIMS, UnreadableImage, crop_hashes, decode

            try:
                self.hashes = crop_hashes(decode(path.read_bytes()).image, REF_TRIMS)
            except (UnreadableImage, OSError) as e:
                raise UsageError(f"court.logo: the logo cannot be read ({e})") from None

    def compare(self, data: bytes) -> tuple[str, str]:
        from ..analyze.images import (
            CAND_TRIMS,
            DHASH_MAX,
            PHASH_MAX,
            UnreadableImage,
            best_pair,
            crop_hashes,
            decode,
        )

        if self.hashes is None:
            return "not checkable", "COURT.toml gives no logo"
        try:
            cand = crop_hashes(decode(data).image, CAND_TRIMS)
        except UnreadableImage as e:
            return "not checkable", f"the picture cannot be read ({e.reason})"
        dp, dd = best_pair(self.hashes, cand)
        if dp <= PHASH_MAX and dd <= DHASH_MAX:
            return "pass", f"the picture is the logo (perceptual hash distance {dp}/{dd} bits)"
        return "fail", f"the picture is not the logo (perceptual hash distance {dp}/{dd} bits)"


def check_court(court: Court, fetcher: Fetcher, lexicons: Lexicons) -> CourtResult:
    """Every automatic check on every account; a check the public page cannot answer is
    "not checkable", never "pass"."""
    info = court.info
    logo = _Logo(court.logo_path)
    langid = _Langid(info.languages)
    region = info.jurisdiction[:2].upper() if info.jurisdiction else ""
    art = court.manual.articles
    result = CourtResult(court)
    for a in court.accounts:
        ac = AccountCheck(a)
        verdicts: dict[str, tuple[str, str]] = {}
        if info.handle_pattern:
            ok = re.fullmatch(info.handle_pattern, _user(a)) is not None
            verdicts["handle"] = ("pass", "the handle matches the pattern") if ok else (
                "fail", "the handle does not match the court's pattern")
        else:
            verdicts["handle"] = ("not checkable", "COURT.toml gives no handle_pattern")
        try:
            read = read_official(fetcher, a)
        except ProbeError as e:
            ac.read_error = f"{e.source}: {e.reason}"
            for c in CHECKS:
                verdicts.setdefault(c, ("not checkable", ac.read_error))
        else:
            prof = read.profile
            ac.page_url = prof.page_url
            verdicts["name"] = check_name(info, prof.name)
            if prof.avatar_url:
                try:
                    resp = platforms.get(fetcher, prof.avatar_url, f"{a.platform} picture")
                    verdicts["picture"] = logo.compare(resp.body)
                except ProbeError as e:
                    verdicts["picture"] = ("not checkable", e.reason)
            else:
                verdicts["picture"] = ("not checkable", "the public page shows no picture")
            verdicts["contact"] = check_contact(info.contact, prof.bio, prof.links, region)
            if not info.languages:
                verdicts["bio_languages"] = verdicts["post_languages"] = (
                    "not checkable", "COURT.toml gives no required languages")
            else:
                found = langid.languages(prof.bio)
                miss = [x for x in info.languages if x not in found]
                verdicts["bio_languages"] = ("fail", "the bio is empty") if not prof.bio.strip() \
                    else ("pass", "bio in " + ", ".join(sorted(found))) if not miss \
                    else ("fail", "not in the bio: " + ", ".join(miss) + (
                        f" (found: {', '.join(sorted(found))})" if found else ""))
                if read.posts:
                    per: dict[str, int] = {}
                    for p in read.posts:
                        for lang in langid.languages(p.text):
                            per[lang] = per.get(lang, 0) + 1
                    miss = [x for x in info.languages if x not in per]
                    shown = ", ".join(f"{k}: {v}" for k, v in sorted(per.items()))
                    verdicts["post_languages"] = (
                        "pass", f"{len(read.posts)} recent posts; {shown}") if not miss else (
                        "fail", f"{len(read.posts)} recent posts, none in: {', '.join(miss)}"
                        + (f" ({shown})" if shown else ""))
                else:
                    verdicts["post_languages"] = ("not checkable", f"{a.platform}'s public page "
                                                  "shows no recent posts without a login")
            texts = [prof.bio, *(p.text for p in read.posts)]
            hits = []
            for t in texts:
                for s in sentences(t):
                    for rule, _src in lexicons.check(s, COURT_RULES):
                        hits.append(f"{TITLES[rule]}: “{s[:200]}”")
            if hits:
                verdicts["content"] = ("fail", "; ".join(dict.fromkeys(hits)))
            elif read.posts:
                verdicts["content"] = ("pass", f"bio and {len(read.posts)} recent posts read")
            else:
                verdicts["content"] = ("not checkable", "no recent posts readable from outside "
                                       "(only the bio was read)")
        ac.verdicts = [Verdict(c, *verdicts[c], article=art.get(c, "")) for c in CHECKS]
        result.accounts.append(ac)
    return result
