"""`footprint posts`: the judge's own public posts, read where platforms offer them without a
login, plus the copies a public web archive keeps (deleted is not gone), each post checked
against named rules (`rules.py`), with the sentence that triggered each flag.

The result is the judge's private section: it is written to its own folder, masked like every
output, and never stored with the audits, so no roster or security report can include it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ProbeError
from ..profile import OTHER_PLATFORMS, Account, Profile
from ..web.base import Fetcher
from . import platforms, wayback
from .platforms import Post
from .rules import (
    POST_RULES,
    FamilyTerm,
    Lexicons,
    Rule,
    RuleHit,
    family_hits,
    family_terms,
    sentences,
)

DEFAULT_MAX_POSTS = 200
"""Posts read per account (newest first)."""
DEFAULT_MAX_ARCHIVED = 40
"""Archived posts read per account."""


@dataclass
class AccountResult:
    """One of the judge's accounts: read or not, and what the archive holds of it."""

    account: Account
    label: str
    """"platform:name" as the profile gives it."""
    checked: bool
    """True when its public posts were read."""
    reason: str
    """Why not checked, or what was read ("37 posts read")."""
    posts: int = 0
    truncated: bool = False
    archive: wayback.ArchiveRead | None = None
    archive_reason: str = ""
    """Why the archive was not checked, or ""."""


@dataclass(frozen=True)
class ReviewedPost:
    """A post and the rules it broke (none: reviewed, nothing to flag)."""

    post: Post
    hits: tuple[RuleHit, ...]


@dataclass
class PostsResult:
    accounts: list[AccountResult] = field(default_factory=list)
    posts: list[ReviewedPost] = field(default_factory=list)

    @property
    def flagged(self) -> list[ReviewedPost]:
        return [p for p in self.posts if p.hits]


def label_of(a: Account) -> str:
    return f"{a.platform}:{a.name}"


def review(post: Post, lex: Lexicons, terms: list[FamilyTerm]) -> ReviewedPost:
    """Every rule `post` breaks, each with the first sentence that triggered it."""
    hits: dict[Rule, RuleHit] = {}
    for s in sentences(post.text):
        for rule, _src in lex.check(s, POST_RULES):
            hits.setdefault(rule, RuleHit(rule, s, "lexicon"))
        if Rule.LOCATES_FAMILY not in hits:
            kinds = family_hits(s, terms)
            if kinds:
                hits[Rule.LOCATES_FAMILY] = RuleHit(Rule.LOCATES_FAMILY, s,
                                                    "profile: " + ", ".join(kinds))
    if post.geotag is not None and Rule.LOCATES_FAMILY not in hits:
        hits[Rule.LOCATES_FAMILY] = RuleHit(Rule.LOCATES_FAMILY, "(the post carries a geotag)",
                                            "geotag")
    order = {r: i for i, r in enumerate(POST_RULES)}
    return ReviewedPost(post, tuple(sorted(hits.values(), key=lambda h: order[h.rule])))


def read_account(fetcher: Fetcher, a: Account, limit: int) -> platforms.Read:
    label = label_of(a)
    if a.platform == "mastodon":
        return platforms.mastodon(fetcher, a.name, label, limit)
    if a.platform == "bluesky":
        return platforms.bluesky(fetcher, a.name, label, limit)
    if a.platform == "reddit":
        return platforms.reddit(fetcher, a.name, label, limit)
    if a.platform == "blog":
        return platforms.blog(fetcher, a.name, label, limit)
    raise ProbeError(a.platform, "not checked: no public reading without a login")


def run(profile: Profile, fetcher: Fetcher, lexicons: Lexicons, *,
        max_posts: int = DEFAULT_MAX_POSTS, max_archived: int = DEFAULT_MAX_ARCHIVED,
        use_archive: bool = True) -> PostsResult:
    """Read the judge's accounts, look them up in the archive, and review every post."""
    result = PostsResult()
    terms = family_terms(profile)
    for a in profile.subject.accounts:
        label = label_of(a)
        if a.platform in OTHER_PLATFORMS:
            result.accounts.append(AccountResult(
                a, label, False, f"not checked: {a.platform} shows posts only after a login "
                "(review them yourself)"))
            continue
        ar = AccountResult(a, label, False, "")
        live: list[Post] = []
        page_url = ""
        try:
            read = read_account(fetcher, a, max_posts)
            live, page_url = read.posts, read.profile.page_url
            ar.checked, ar.posts, ar.truncated = True, len(live), read.truncated
            ar.reason = f"{len(live)} posts read" + (f" (the newest {max_posts})"
                                                     if read.truncated else "")
        except ProbeError as e:
            ar.reason = f"{e.source}: {e.reason}"
        if use_archive:
            try:
                ar.archive = wayback.archived(
                    fetcher, a.platform, a.name, label,
                    page_url or _default_page(a), {p.url for p in live}, max_archived)
            except ProbeError as e:
                ar.archive_reason = f"{e.source}: {e.reason}"
        result.accounts.append(ar)
        result.posts.extend(review(p, lexicons, terms) for p in live)
        if ar.archive is not None:
            result.posts.extend(review(p, lexicons, terms) for p in ar.archive.posts)
    return result


def _default_page(a: Account) -> str:
    if a.platform == "mastodon":
        user, _, host = a.name.partition("@")
        return f"https://{host}/@{user}"
    if a.platform == "bluesky":
        return f"https://bsky.app/profile/{a.name}"
    if a.platform == "reddit":
        return f"https://www.reddit.com/user/{a.name}/"
    return a.name
