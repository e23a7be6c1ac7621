"""Images probe: finds pictures of the judge and family (image search by name, and images embedded
in pages already judged about them), recognises copies of the profile's reference photos, and
reads the GPS tags that reveal where the family lives.

Who gets what: image search runs for every consenting person; only people with reference photos
(`photos` in the profile) get hash (and, with `footprint[faces]`, face) matching; the GPS tag of
every fetched image is read and measured against the profile's addresses. Images are examined in
memory: no exposure holds image bytes, only the image URL (`image_url`), so a report shows a
thumbnail only if its renderer fetches one into an encrypted output.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import SplitResult, urlsplit

from footprint.analyze import PageResult
from footprint.analyze import faces as faces_mod
from footprint.analyze.images import (
    MAX_IMAGE_BYTES,
    NEAR_HOME_M,
    GeoTag,
    PhotoMatch,
    ReferencePhotos,
    UnreadableImage,
    decode,
    gps_of,
    nearest_address,
)
from footprint.errors import ProfileError
from footprint.model import Category, Exposure, Hit, Lead, Query, Skipped, SourceKind
from footprint.planner import quoted
from footprint.profile import Address, Person
from footprint.sources import source_kind
from footprint.web.base import Response
from footprint.web.blocks import detect_block
from footprint.web.urls import host_of

from .base import Probe, ProbeContext

_INITIAL_FIRST = re.compile(r"^\w\.\s")
_SKIP_EXT = (".svg", ".svgz", ".ico")
_NOT_PHOTOS = ("image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon")
_OFFICIAL_WORDS = ("court", "judicia")


def _name_variants(person: Person) -> list[str]:
    try:
        from footprint.analyze.names import variants
    except ImportError:  # the names module is optional for a trimmed install
        return list(person.all_names())
    return variants(person) or list(person.all_names())


_STATE_US = re.compile(r"\.[a-z]{2}\.us$")  # US state and local government: co.sonoma.ca.us


def _looks_official(host: str) -> bool:
    """A host a court or government publishes on: court and judiciary sites, .gov (and .gov.xx),
    US state and local .xx.us. A family's own .us domain is not one."""
    return (
        host.endswith(".gov") or ".gov." in host or bool(_STATE_US.search(host))
        or any(w in host for w in _OFFICIAL_WORDS)
    )


def _split(url: str) -> SplitResult | None:
    """urlsplit, or None for a URL it cannot parse ("http://[::1/x.jpg"): image URLs come from
    search results and hostile pages, and one of them must not cost the rest of the query."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - raises ValueError on a broken IPv6 host
    except ValueError:
        return None
    return parts


def _source_kind(url: str) -> str:
    """`source_kind`, with an unparsable URL counted as a plain web page."""
    return source_kind(url) if _split(url) is not None else SourceKind.WEB.value


def _address_key(a: Address) -> tuple[object, ...]:
    return (a.street.lower(), (a.city or "").lower(), a.lat, a.lon)


class ImagesProbe(Probe):
    name = "images"
    description = "Image search for photos of the family, reference-photo matching and GPS tags"
    uses = ("name", "aliases", "city", "court", "photos", "addresses")

    def __init__(self, ctx: ProbeContext) -> None:
        super().__init__(ctx)
        self._lock = threading.Lock()
        self._refs: ReferencePhotos | None = None
        self._face_note: str | None = None
        self._per_page: dict[str, int] = {}

    # -- options ------------------------------------------------------------------------------

    def _opt_int(self, key: str, default: int) -> int:
        value = self.ctx.options.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ProfileError(f"probes.images.{key}: expected a whole number of at least 1")
        return value

    @property
    def max_bytes(self) -> int:
        return self._opt_int("max_image_bytes", MAX_IMAGE_BYTES)

    def _faces_wanted(self) -> bool:
        on = self.ctx.options.get("faces", True)
        if not isinstance(on, bool):
            raise ProfileError("probes.images.faces: expected true or false")
        return on and any(p.photos for p in self.ctx.profile.people)

    # -- planning -----------------------------------------------------------------------------

    def plan(self) -> list[Query]:
        bound = self._opt_int("max_queries_per_person", 4)
        out: list[Query] = []
        for person in self.ctx.profile.people:
            out.extend(self._person_queries(person)[:bound])
        return out

    def _city(self, person: Person) -> str | None:
        if person.city:
            return person.city
        for a in self.ctx.profile.matching_addresses(person):
            if a.is_current and a.city:
                return a.city
        return self.ctx.profile.subject.city

    def _person_queries(self, person: Person) -> list[Query]:
        """Image queries for one person, most precise first: first+last name with the city, the
        judge's name with "judge", then the other name forms (aliases, nicknames) with the city.
        Forms that differ only by a middle name or initial are searched once; initial-only forms
        ("E. Doe") are too vague for image search."""
        city = self._city(person)
        forms: dict[tuple[str, str], tuple[str, str]] = {}  # (first, last) → (identifier, name)
        for v in _name_variants(person):
            if _INITIAL_FIRST.match(v):
                continue
            words = v.split()
            key = (words[0].lower(), words[-1].lower())
            ident = f"aliases[{person.aliases.index(v)}]" if v in person.aliases else "name"
            cur = forms.get(key)
            # one query per first+last pair, in its shortest form: captions say "Jane Doe"
            if cur is None or len(words) < len(cur[1].split()):
                forms[key] = (ident, v)
        names = list(forms.values())
        # The first+last form is the one captions and alt texts use.
        names.sort(key=lambda x: 0 if x[1].split()[0] == person.name.split()[0]
                   and x[1].split()[-1] == person.name.split()[-1] else 1)
        qs: list[Query] = []

        def add(identifier: str, text: str) -> None:
            if all(q.text != text for q in qs):
                qs.append(Query(person=person.id, identifier=identifier, text=text, kind="image",
                                probe=self.name))

        if not names:
            names = [("name", person.name)]
        ident, main = names[0]
        add("city" if city else ident, f"{quoted(main)} {city}" if city else quoted(main))
        if person.court:
            add("court", f"{quoted(main)} judge")
        for ident, n in names[1:]:
            add(ident, f"{quoted(n)} {city}" if city else quoted(n))
        if city:
            add(names[0][0], quoted(main))
        return qs

    def skipped_in_plan(self) -> list[Skipped]:
        out: list[Skipped] = []
        refs = self.references()
        if self._face_note:
            out.append(Skipped("face matching", self._face_note, self.name))
        out.extend(refs.skipped)
        return out

    # -- reference photos ---------------------------------------------------------------------

    def make_face_encoder(self) -> faces_mod.FaceEncoder | None:
        """The face encoder, or None when the extra is missing (noted for coverage)."""
        ok, why = faces_mod.available()
        if not ok:
            self._face_note = why
            return None
        try:
            return faces_mod.FaceEncoder()
        except (RuntimeError, OSError) as e:  # a model file that does not load
            self._face_note = f"face matching not available: {type(e).__name__}"
            return None

    def references(self) -> ReferencePhotos:
        """The profile's reference photos, loaded and hashed once per audit (thread-safe);
        without face matching, their hashes come from the cache of photos already hashed
        (by file content: footprint/photocache.py)."""
        with self._lock:
            if self._refs is None:
                encoder = self.make_face_encoder() if self._faces_wanted() else None
                if encoder is None:
                    from footprint.photocache import load_references

                    self._refs = load_references(self.ctx.profile, max_bytes=self.max_bytes,
                                                 data_dir=self.ctx.data_dir)
                else:
                    self._refs = ReferencePhotos.load(self.ctx.profile, face_encoder=encoder,
                                                      max_bytes=self.max_bytes)
            return self._refs

    # -- searching and following --------------------------------------------------------------

    def run(self, query: Query) -> Iterable[Hit]:
        max_results = self._opt_int("max_results", 10)
        seen: set[str] = set()
        for r in self.ctx.search.search(query.text, kind="image", max_results=max_results):
            image = r.image_url or (r.url if self._image_like(r.url) else None)
            if not image or image in seen or not self._fetchable(image):
                continue
            seen.add(image)
            page = r.url if r.url and r.url != image else image
            yield Hit(
                url=image,
                probe=self.name,
                person=query.person,
                reason=f"image search: {query.identifier}",
                kind="image",
                source=_source_kind(page),
                query=query.key,
                meta=(("origin", "search"), ("page", page)),
            )

    def follow(self, lead: Lead) -> Iterable[Hit]:
        if lead.kind != "image" or not self._fetchable(lead.value):
            return ()
        if lead.person not in {p.id for p in self.ctx.profile.people}:
            return ()
        limit = self._opt_int("max_images_per_page", 20)
        count = self._per_page.get(lead.found_on, 0)
        if count >= limit:
            return ()
        self._per_page[lead.found_on] = count + 1
        caption = lead.platform == "caption"
        return (
            Hit(
                url=lead.value,
                probe=self.name,
                person=lead.person,
                reason=("image captioned with the person's first name" if caption
                        else "image on a page about the person"),
                kind="image",
                source=_source_kind(lead.found_on),
                # a caption's first name does not make the picture the person's: only a copy
                # of their reference photo is reported from it (never its GPS tag)
                meta=(("origin", "caption" if caption else "lead"), ("page", lead.found_on)),
            ),
        )

    @staticmethod
    def _image_like(url: str) -> bool:
        parts = _split(url)
        return parts is not None and parts.path.lower().endswith(
            (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif", ".heic"))

    @staticmethod
    def _fetchable(url: str) -> bool:
        parts = _split(url)
        return parts is not None and parts.scheme in ("http", "https") and \
            bool(parts.hostname) and not parts.path.lower().endswith(_SKIP_EXT)

    # -- examining ----------------------------------------------------------------------------

    def examine(self, hit: Hit, response: Response) -> PageResult:
        if hit.kind != "image":
            return super().examine(hit, response)

        def skip(reason: str) -> PageResult:
            return PageResult(skipped=(Skipped(hit.url, reason, self.name, hit.person),))

        if response.status in (404, 410):
            return PageResult()  # the image is gone: checked, nothing exposed
        ctype = response.content_type
        if response.status >= 400:
            return skip(detect_block(response) or f"not checked: HTTP {response.status}")
        if response.is_html or ctype.startswith("text/"):
            # An HTML answer where an image was expected: a block page, a login wall, a 200 "soft"
            # error. Only text answers are scanned for block markers (pixel bytes could match).
            return skip(detect_block(response) or f"not checked: not an image ({ctype})")
        if ctype in _NOT_PHOTOS:
            return PageResult()  # a vector logo or an icon: checked, it cannot be a photo
        body = response.body
        if len(body) > self.max_bytes:
            return skip(f"not checked: image too large (over {self.max_bytes / 1e6:g} MB)")

        exposures: list[Exposure] = []
        skipped: list[Skipped] = []
        matches: list[PhotoMatch] = []
        unreadable = False
        try:
            img = decode(body, max_bytes=self.max_bytes)
        except UnreadableImage as e:
            unreadable = True
            skipped.append(Skipped(hit.url, f"not checked: unreadable image ({e.reason})",
                                   self.name, hit.person))
        else:
            try:
                matches = self.references().match_image(img)
            except (RuntimeError, MemoryError) as e:  # dlib on an image it cannot handle
                skipped.append(Skipped(hit.url, f"not checked: photo matching failed "
                                                f"({type(e).__name__})", self.name, hit.person))
        page = hit.get("page") or hit.url
        for m in matches:
            exposures.append(self._photo_exposure(hit, page, m))
        gps = gps_of(body, max_bytes=self.max_bytes)
        if hit.get("origin") == "caption" and not any(m.confidence >= 0.5 for m in matches):
            # followed only for a first name in its caption: unless it is a copy of a reference
            # photo it is nobody's of ours, nor is the place it was taken (the same picture on
            # a page about someone is read again as theirs)
            gps = dataclasses.replace(gps, tag=None, problem=None)
        if gps.tag is not None:
            exposures.extend(self._geolocation(hit, page, gps.tag, matches))
        elif gps.problem and not unreadable:
            # The image says where it was taken but we cannot read it: "no position" would be a
            # guess (an unreadable image is already reported as a whole).
            skipped.append(Skipped(hit.url, f"GPS tag not checked: {gps.problem}",
                                   self.name, hit.person))
        about = tuple(dict.fromkeys(m.person for m in matches if m.confidence >= 0.5))
        return PageResult(exposures=tuple(exposures), skipped=tuple(skipped), about=about)

    def _official(self, page: str, person: Person) -> bool:
        """An official portrait: the judge's photo on a court or government host. Relatives have
        no official duties, so their photos never count as official."""
        if person.id != self.ctx.profile.subject.id:
            return False
        host = host_of(page)
        return _source_kind(page) == SourceKind.GOVERNMENT.value or _looks_official(host)

    def _photo_exposure(self, hit: Hit, page: str, m: PhotoMatch) -> Exposure:
        person = self.ctx.profile.person(m.person)
        attrs: list[tuple[str, str]] = [("method", m.method)]
        if person.minor:
            attrs.append(("minor", "1"))
        if self._official(page, person):
            attrs.append(("official", "1"))
        if m.method == "phash":
            attrs += [("dhash", str(m.distance_second)), ("phash", str(m.distance_phash))]
            if m.cropped:
                attrs.append(("cropped", "1"))
        elif m.face_distance is not None:
            attrs.append(("face_distance", f"{m.face_distance:.2f}"))
        return Exposure(
            person=m.person,
            category=Category.PHOTO,
            url=page,
            value=hit.url,
            confidence=m.confidence,
            identifier=m.reference or None,
            context=f"{m.method} match to reference {m.reference}",
            rules=(f"photo:{m.method}",),
            source=hit.source,
            probe=self.name,
            image_url=hit.url,
            attrs=tuple(sorted(attrs)),
        )

    def _geolocation(
        self, hit: Hit, page: str, tag: GeoTag, matches: list[PhotoMatch]
    ) -> list[Exposure]:
        """Geolocation exposures of a geotagged image: one for the person the image is about (the
        lead's person, else the best-matched person, else the person searched for), and one for
        any other consenting person whose own home (not one already reported) it locates."""
        profile = self.ctx.profile
        consenting = [p.id for p in profile.people]
        if hit.get("origin") == "lead" or not matches:
            primary = hit.person
        else:
            primary = matches[0].person
        if primary not in consenting:
            return []
        matched = {m.person: m for m in matches}
        done: set[tuple[object, ...]] = set()
        out: list[Exposure] = []
        for pid in [primary, *[p for p in consenting if p != primary]]:
            person = profile.person(pid)
            home = nearest_address(profile, person, tag, current_only=True)
            near_home = home is not None and home.distance_m <= NEAR_HOME_M
            if pid != primary and (
                home is None or not near_home or _address_key(home.address) in done
            ):
                continue  # not their home, or a shared home already reported for the household
            anywhere = nearest_address(profile, person, tag)
            attrs: list[tuple[str, str]] = [("source", tag.source)]
            rules = ["geotag"]
            if home is not None:
                attrs += [("distance_m", str(int(round(home.distance_m)))), ("label", home.label)]
            if anywhere is not None and (home is None or anywhere.distance_m < home.distance_m):
                attrs += [("nearest_label", anywhere.label),
                          ("nearest_m", str(int(round(anywhere.distance_m))))]
            if person.minor:
                attrs.append(("minor", "1"))
            confidence = 0.35  # an image found by a name search alone: for human review
            if near_home:
                rules.append("geotag:near-home")
                confidence = 0.9  # the place itself corroborates the name search
            if pid == hit.person and hit.get("origin") == "lead":
                rules.append("page-about-person")
                confidence = max(confidence, 0.75)
            if pid in matched:
                rules.append(f"photo:{matched[pid].method}")
                confidence = max(confidence, matched[pid].confidence)
            ident = home.identifier if home is not None and near_home else None
            if home is not None and near_home:
                done.add(_address_key(home.address))
            when = f", taken {tag.taken_at}" if tag.taken_at else ""
            out.append(Exposure(
                person=pid,
                category=Category.GEOLOCATION,
                url=page,
                value=tag.value,
                confidence=round(confidence, 2),
                identifier=ident,
                context=f"GPS tag ({tag.source}){when}",
                rules=tuple(rules),
                source=hit.source,
                probe=self.name,
                image_url=hit.url,
                attrs=tuple(sorted(attrs)),
            ))
        if out and "geotag:near-home" not in out[0].rules and primary not in matched and any(
                "geotag:near-home" in e.rules for e in out[1:]):
            # taken at another family member's home (the grandmother's garden, on her blog),
            # not a photo of the person the page was searched for: it locates the relative;
            # the searched person's copy stays for review only (a possible match)
            out[0] = replace(out[0], confidence=min(out[0].confidence, 0.35),
                             rules=(*out[0].rules, "geotag:relatives-home"))
        return out
