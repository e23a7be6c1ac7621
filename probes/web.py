"""Web search probe: runs the planner's queries through the search backend and hands every result
page to the analyzer. The shortest probe: copy it to write a new one."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from footprint.errors import ProbeError
from footprint.model import Hit, Lead, Query
from footprint.planner import plan
from footprint.sources import source_kind

from .base import Probe

MAX_RESULTS = 20
"""Results read per search: a name query's OR group matches more pages than one phrase would."""


class WebProbe(Probe):
    name = "web"
    description = "Web search for names, phones, e-mails, addresses and usernames"
    uses = ("name", "aliases", "city", "region", "court", "phones", "emails", "addresses",
            "usernames", "relatives", "school", "employer")

    def plan(self) -> list[Query]:
        bound = int(self.ctx.options.get("max_queries_per_person", 0)) or None
        return plan(self.ctx.profile, probe=self.name, max_per_person=bound)

    def run(self, query: Query) -> Iterable[Hit]:
        max_results = int(self.ctx.options.get("max_results", MAX_RESULTS))
        for r in self.ctx.search.search(query.text, kind="web", max_results=max_results):
            yield Hit(
                url=r.url,
                probe=self.name,
                person=query.person,
                reason=f"web search: {query.identifier}",
                source=source_kind(r.url),
                query=query.key,
            )

    def follow(self, lead: Lead) -> Iterable[Hit]:
        """Pages of a person's own site or account, found from a page of it that was judged to
        be theirs (their blog's posts, the photos of their account): read them as theirs. A
        "page" lead is one linked page; a "site" lead (a site of its own, such as a blog) is
        listed by one `site:` search."""
        if lead.kind == "page":
            return (Hit(url=lead.value, probe=self.name, person=lead.person, kind="owned",
                        reason="own site: linked from a page of it",
                        source=source_kind(lead.value), meta=(("owner", lead.person),)),)
        if lead.kind not in ("site", "site?"):
            return ()
        # "site": the site is the person's (read every page as theirs); "site?": the person is
        # named on it but not yet confirmed (read its pages on their own merits)
        owned = lead.kind == "site"
        host = urlsplit(lead.value).hostname or ""
        if not host:
            return ()
        max_results = int(self.ctx.options.get("max_results", MAX_RESULTS))
        try:
            results = self.ctx.search.search(f"site:{host}", kind="web", max_results=max_results)
        except ProbeError:
            raise
        return [Hit(url=r.url, probe=self.name, person=lead.person,
                    kind="owned" if owned else "page",
                    reason="own site: listed by a site search", source=source_kind(r.url),
                    meta=(("owner", lead.person),) if owned else ()) for r in results]
