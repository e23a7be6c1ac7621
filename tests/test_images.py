"""Photo analysis: copies of a reference photo are recognised through resizing, recompression and
small crops, different pictures of similar colours are not; GPS tags (EXIF and XMP) are read and
measured against the profile's addresses; hostile or broken files are "not checked", never a crash.

Every image is drawn here with Pillow (no fixtures, no scikit-image)."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageDraw, ImageEnhance, ImageFile, ImageFilter
from PIL.TiffImagePlugin import IFDRational

from footprint.analyze import faces
from footprint.analyze.images import (
    CAND_TRIMS,
    DHASH_MAX,
    MAX_PIXELS,
    PHASH_MAX,
    REF_TRIMS,
    CropHashes,
    GeoTag,
    ReferencePhoto,
    ReferencePhotos,
    UnreadableImage,
    best_pair,
    crop_hashes,
    decode,
    haversine_m,
    nearest_address,
    read_gps,
)
from footprint.profile import Profile, load_profile

HOME = (38.4482, -122.6863)
PREVIOUS = (38.2324, -122.6367)
MOTHER_HOME = (38.4021, -122.8239)

# --- drawing ------------------------------------------------------------------------------------

PALETTE = [(135, 190, 235), (250, 235, 200), (30, 90, 160), (200, 160, 110), (240, 240, 240),
           (60, 60, 60)]


def scene(seed: int, palette: list[tuple[int, int, int]] = PALETTE,
          size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A photo-like picture: sky gradient, horizon, random shapes, a standing figure, grain.
    Every seed gives its own composition in the same colours."""
    rnd = random.Random(seed)
    w, h = size
    t = np.linspace(0, 1, h)[:, None, None]
    arr = np.array(palette[0], np.float32) * (1 - t) + np.array(palette[1], np.float32) * t
    img = Image.fromarray(np.broadcast_to(arr, (h, w, 3)).astype(np.uint8))
    d = ImageDraw.Draw(img)
    d.rectangle([0, int(h * rnd.uniform(0.45, 0.65)), w, h], fill=palette[2])
    for _ in range(22):
        c = rnd.choice(palette)
        x, y, r = rnd.randrange(w), rnd.randrange(h), rnd.randrange(10, max(11, w // 6))
        if rnd.random() < 0.5:
            d.ellipse([x - r, y - r // 2, x + r, y + r // 2], fill=c)
        else:
            d.polygon([(x, y), (x + r, y + rnd.randrange(-r, r)), (x + rnd.randrange(-r, r), y + r)],
                      fill=c)
    fx = int(w * rnd.uniform(0.3, 0.7))
    d.ellipse([fx - 32, h * 0.3 - 32, fx + 32, h * 0.3 + 32], fill=palette[3])
    d.rectangle([fx - 48, h * 0.3 + 32, fx + 48, h * 0.85], fill=palette[5])
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    noise = np.random.default_rng(seed).normal(0, 6, (h, w, 3))
    return Image.fromarray(np.clip(np.asarray(img, np.float32) + noise, 0, 255).astype(np.uint8))


def jpeg(img: Image.Image, quality: int = 90, exif: bytes | None = None, **kw: object) -> bytes:
    buf = io.BytesIO()
    if exif is not None:
        kw["exif"] = exif
    img.convert("RGB").save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def png(img: Image.Image, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", **kw)
    return buf.getvalue()


def crop(img: Image.Image, frac: float, where: str) -> Image.Image:
    w, h = img.size
    dx, dy = round(w * frac), round(h * frac)
    return img.crop({
        "corner": (dx, dy, w, h),
        "side": (0, 0, w - dx, h),
        "centre": (dx // 2, dy // 2, w - dx // 2, h - dy // 2),
    }[where])


def dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    v = abs(value)
    deg = int(v)
    minutes = int((v - deg) * 60)
    seconds = round(((v - deg) * 60 - minutes) * 60 * 1000)
    return IFDRational(deg, 1), IFDRational(minutes, 1), IFDRational(seconds, 1000)


def gps_exif(lat: float, lon: float, *, taken: str | None = "2024:05:18 08:12:40",
             altitude: float | None = 61.2) -> bytes:
    """EXIF as a phone writes it: capture time and a GPS position."""
    ex = Image.Exif()
    ex[ExifTags.Base.Make] = "Phone"
    if taken:
        ex.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    gps = ex.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
    gps[ExifTags.GPS.GPSLatitude] = dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
    gps[ExifTags.GPS.GPSLongitude] = dms(lon)
    if altitude is not None:
        gps[ExifTags.GPS.GPSAltitudeRef] = 0
        gps[ExifTags.GPS.GPSAltitude] = IFDRational(round(altitude * 100), 100)
    return ex.tobytes()


def offset(lat: float, lon: float, north_m: float, east_m: float = 0.0) -> tuple[float, float]:
    """A point `north_m` metres north and `east_m` east of (lat, lon)."""
    return (lat + north_m / 111_195.0,
            lon + east_m / (111_195.0 * np.cos(np.radians(lat))))


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height, with almost no pixel data (a bomb's shape)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


# --- a profile with reference photos --------------------------------------------------------------

PROFILE = f"""
[audit]
jurisdiction = "US-CA"

[consent]
authorized_by = "Hon. Eleanor Ruth Whitfield"
authorized_on = 2026-11-20
purpose = "self-audit"
statement = "I authorize a search of public sources for me and my listed relatives."

[subject]
id = "judge"
name = "Eleanor Ruth Whitfield"
aliases = ["Ellie Whitfield", "Eleanor Marsh"]
court = "Superior Court of California, County of Sonoma"
city = "Santa Rosa"
photos = ["photos/judge.jpg"]

  [[subject.addresses]]
  label = "home"
  street = "2417 Alderbrook Drive"
  city = "Santa Rosa"
  lat = {HOME[0]}
  lon = {HOME[1]}

  [[subject.addresses]]
  label = "previous"
  street = "88 Quarry Road"
  city = "Petaluma"
  lat = {PREVIOUS[0]}
  lon = {PREVIOUS[1]}

[[relatives]]
id = "spouse"
relation = "spouse"
name = "Daniel James Whitfield"
consent = true

[[relatives]]
id = "child"
relation = "child"
name = "Sophie Whitfield"
consent = true
minor = true
photos = ["photos/sophie.png"]

[[relatives]]
id = "son"
relation = "child"
name = "Lucas Whitfield"
consent = false
photos = ["photos/lucas.jpg"]

[[relatives]]
id = "mother"
relation = "parent"
name = "Margaret Ann Marsh"
consent = true

  [[relatives.addresses]]
  label = "home"
  street = "19 Vine Hill Court"
  city = "Sebastopol"
  lat = {MOTHER_HOME[0]}
  lon = {MOTHER_HOME[1]}

[probes]
enabled = ["images"]
"""

JUDGE_SEED, CHILD_SEED, SON_SEED = 11, 22, 33


def write_profile(folder: Path) -> Path:
    (folder / "photos").mkdir(parents=True, exist_ok=True)
    (folder / "photos" / "judge.jpg").write_bytes(jpeg(scene(JUDGE_SEED), 92))
    (folder / "photos" / "sophie.png").write_bytes(png(scene(CHILD_SEED)))
    (folder / "photos" / "lucas.jpg").write_bytes(jpeg(scene(SON_SEED), 92))
    path = folder / "profile.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return load_profile(write_profile(tmp_path_factory.mktemp("images-profile")))


@pytest.fixture(scope="module")
def refs(profile: Profile) -> ReferencePhotos:
    return ReferencePhotos.load(profile)


# --- matching ------------------------------------------------------------------------------------

COPIES = {
    "resized to 25 %": lambda im: jpeg(im.resize((160, 120), Image.Resampling.LANCZOS)),
    "resized to 50 %": lambda im: jpeg(im.resize((320, 240), Image.Resampling.BILINEAR)),
    "JPEG quality 20": lambda im: jpeg(im, 20),
    "JPEG quality 40": lambda im: jpeg(im, 40),
    "grayscale": lambda im: png(im.convert("L")),
    "cropped 3 % at a corner": lambda im: jpeg(crop(im, 0.03, "corner")),
    "cropped 5 % on one side": lambda im: jpeg(crop(im, 0.05, "side")),
    "cropped 8 % at a corner": lambda im: jpeg(crop(im, 0.08, "corner")),
    "cropped 8 % around": lambda im: jpeg(crop(im, 0.08, "centre")),
    "cropped 5 %, resized to 40 %, JPEG q25": lambda im: jpeg(
        crop(im, 0.05, "corner").resize((246, 184), Image.Resampling.LANCZOS), 25),
    "re-encoded as WebP": lambda im: _webp(im),
    "with a border added": lambda im: jpeg(_bordered(im, 0.04)),
}


def _webp(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "WEBP", quality=50)
    return buf.getvalue()


def _bordered(im: Image.Image, frac: float) -> Image.Image:
    """The reference inside a wider frame: the reference is a crop of the published picture."""
    w, h = im.size
    dx, dy = round(w * frac), round(h * frac)
    out = Image.new("RGB", (w + 2 * dx, h + 2 * dy), (245, 245, 245))
    out.paste(im, (dx, dy))
    return out


@pytest.mark.parametrize("edit", list(COPIES), ids=list(COPIES))
def test_a_copy_of_the_reference_photo_is_found(refs: ReferencePhotos, edit: str) -> None:
    matches = refs.match(COPIES[edit](scene(JUDGE_SEED)))
    assert [m.person for m in matches] == ["judge"]
    m = matches[0]
    assert m.method == "phash" and m.reference == "photos[0]"
    assert m.distance_phash is not None and m.distance_phash <= PHASH_MAX
    assert m.distance_second is not None and m.distance_second <= DHASH_MAX
    assert 0.5 <= m.confidence <= 0.98


def _frame(im: Image.Image, box: tuple[float, float, float, float],
           size: tuple[int, int]) -> Image.Image:
    """The part of `im` inside `box` (fractions: left, top, right, bottom), resized: a post's
    4:5 frame or a profile picture cut off-centre from the reference."""
    w, h = im.size
    cut = im.crop((round(w * box[0]), round(h * box[1]), round(w * box[2]), round(h * box[3])))
    return cut.resize(size, Image.Resampling.LANCZOS)


DEEP_CROPS = {
    "a 4:5 frame from the right, 60 % of the width": ((0.4, 0.0, 1.0, 1.0), (288, 360)),
    "a square off-centre, 70 % of the height": ((0.12, 0.18, 0.645, 0.88), (200, 200)),
    "three quarters, lower left, small": ((0.0, 0.25, 0.75, 1.0), (240, 180)),
    "the middle half": ((0.25, 0.25, 0.75, 0.75), (320, 240)),
}


@pytest.mark.parametrize("case", list(DEEP_CROPS), ids=list(DEEP_CROPS))
def test_a_deeper_crop_of_the_reference_is_located(refs: ReferencePhotos, case: str) -> None:
    """A copy cut far beyond the crop grid (a profile picture, a post's frame, 10–55 % of the
    picture gone, anywhere in it) is found where it lies in the reference, and marked so."""
    box, size = DEEP_CROPS[case]
    matches = refs.match(jpeg(_frame(scene(JUDGE_SEED), box, size), 80))
    assert [(m.person, m.cropped) for m in matches] == [("judge", True)], matches
    assert matches[0].confidence >= 0.86


@pytest.mark.parametrize("seed", [101, 202, 303, 404])
def test_a_deeper_crop_of_another_picture_is_not_a_match(refs: ReferencePhotos, seed: int) -> None:
    """The same cuts of other pictures in the reference's colours match nothing."""
    for box, size in DEEP_CROPS.values():
        assert refs.match(jpeg(_frame(scene(seed), box, size), 80)) == []


def test_an_exact_copy_is_most_confident(refs: ReferencePhotos) -> None:
    exact = refs.match(jpeg(scene(JUDGE_SEED), 92))[0]
    cropped = refs.match(COPIES["cropped 8 % at a corner"](scene(JUDGE_SEED)))[0]
    assert exact.confidence >= cropped.confidence
    assert exact.distance_phash == 0


def test_the_childs_photo_matches_the_child(refs: ReferencePhotos) -> None:
    matches = refs.match(jpeg(crop(scene(CHILD_SEED), 0.05, "side"), 35))
    assert [m.person for m in matches] == ["child"]


@pytest.mark.parametrize("seed", [101, 202, 303, 404, 505, 606, 707, 808])
def test_a_different_photo_of_similar_colours_is_not_a_match(refs: ReferencePhotos,
                                                              seed: int) -> None:
    assert refs.match(jpeg(scene(seed), 85)) == []


def test_a_photo_of_a_non_consenting_relative_is_never_matched(refs: ReferencePhotos) -> None:
    # Lucas's reference photo is in the profile folder, but he did not consent: never loaded.
    assert "son" not in refs.people
    assert refs.match(jpeg(scene(SON_SEED), 92)) == []


def test_reference_photos_are_loaded_once_per_person(refs: ReferencePhotos) -> None:
    assert refs.people == ("judge", "child")
    assert len(refs) == 2 and refs.skipped == ()


def test_a_mirrored_copy_is_not_claimed(refs: ReferencePhotos) -> None:
    mirrored = scene(JUDGE_SEED).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    assert refs.match(jpeg(mirrored)) == []


def test_exif_orientation_is_applied_before_hashing(tmp_path: Path) -> None:
    """A phone stores a portrait sideways with an orientation tag; the web copy is upright."""
    upright = scene(JUDGE_SEED).resize((480, 640))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the sensor wrote
    ex = Image.Exif()
    ex[ExifTags.Base.Orientation] = 6  # "rotate 90° clockwise to display"
    folder = tmp_path
    write_profile(folder)
    (folder / "photos" / "judge.jpg").write_bytes(jpeg(stored, 92, exif=ex.tobytes()))
    refs = ReferencePhotos.load(load_profile(folder / "profile.toml"))
    assert [m.person for m in refs.match(jpeg(upright.resize((240, 320)), 60))] == ["judge"]


def test_an_unreadable_reference_photo_is_listed_not_fatal(tmp_path: Path) -> None:
    write_profile(tmp_path)
    (tmp_path / "photos" / "judge.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    refs = ReferencePhotos.load(load_profile(tmp_path / "profile.toml"))
    assert refs.people == ("child",)
    [skip] = refs.skipped
    assert skip.person == "judge" and skip.probe == "images"
    assert skip.reason.startswith("not checked: unreadable image (")
    assert "judge.jpg" not in skip.source  # a file name may hold a name: referred to by index
    assert skip.source == "reference photo photos[0] of judge"


# --- hostile and broken files ------------------------------------------------------------------


def _truncated_jpeg() -> bytes:
    data = jpeg(scene(5))
    return data[: len(data) // 2]


def _flip_middle(data: bytes) -> bytes:
    """Invert a few bytes in the middle of the pixel data: the chunk checksum no longer holds."""
    mid = len(data) // 2
    return data[:mid] + bytes(b ^ 0xFF for b in data[mid:mid + 8]) + data[mid + 8:]


BROKEN = {
    "empty": (b"", "empty file"),
    "random bytes": (bytes(random.Random(1).randrange(256) for _ in range(4000)),
                     "not an image or an unsupported format"),
    "HTML": (b"<!doctype html><html><body>Not Found</body></html>",
             "not an image or an unsupported format"),
    "truncated JPEG": (_truncated_jpeg(), "corrupt or truncated"),
    "PNG with a broken checksum": (_flip_middle(png(scene(5))), "corrupt or truncated"),
    "PostScript (never decoded: would run Ghostscript)": (
        b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",
        "not an image or an unsupported format"),
    "PNG claiming 100000 x 100000": (png_header(100_000, 100_000), "megapixels"),
    "PNG just over the pixel limit": (png_header(8000, MAX_PIXELS // 8000 + 10), "megapixels"),
}


# footprint turns Pillow's bomb warning into an error process-wide; pytest resets warning filters
# for each test, so the tests that meet a bomb restore footprint's setting.
BOMB_IS_ERROR = pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")


@BOMB_IS_ERROR
@pytest.mark.parametrize("name", list(BROKEN), ids=list(BROKEN))
def test_broken_or_hostile_images_are_unreadable_not_a_crash(refs: ReferencePhotos,
                                                             name: str) -> None:
    data, why = BROKEN[name]
    with pytest.raises(UnreadableImage) as err:
        refs.match(data)
    assert why in err.value.reason
    assert read_gps(data) is None


def _encoded(fmt: str) -> bytes:
    buf = io.BytesIO()
    img = scene(5).resize((160, 120))
    (img.convert("P") if fmt == "GIF" else img).save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF"])
@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_a_cut_off_image_is_unreadable_even_when_pillow_is_told_to_pad_it(
        fmt: str, keep: float, monkeypatch: pytest.MonkeyPatch) -> None:
    # WeasyPrint (the PDF renderer) sets this process-wide when it is imported.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    whole = _encoded(fmt)
    assert decode(whole).format == fmt  # the whole file is fine
    with pytest.raises(UnreadableImage, match="corrupt or truncated"):
        decode(whole[: int(len(whole) * keep)])


def test_a_jpeg_with_a_thumbnail_and_a_cut_off_main_image_is_unreadable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    ex = Image.Exif()
    ex[ExifTags.Base.Make] = "Phone"
    thumb = jpeg(scene(5).resize((80, 60)))
    # A camera's EXIF block carries a complete JPEG thumbnail (with its own scan and end marker).
    whole = jpeg(scene(5), exif=ex.tobytes() + thumb)
    with pytest.raises(UnreadableImage, match="corrupt or truncated"):
        decode(whole[: len(whole) * 3 // 4])


def test_a_file_over_the_byte_cap_is_not_decoded() -> None:
    with pytest.raises(UnreadableImage, match="larger than 1 MB"):
        decode(b"\xff\xd8" + b"\x00" * 1_500_000, max_bytes=1_000_000)


@BOMB_IS_ERROR
def test_the_decompression_bomb_limit_is_set_deliberately() -> None:
    assert Image.MAX_IMAGE_PIXELS == MAX_PIXELS
    with pytest.raises(UnreadableImage, match="megapixels"):
        decode(png_header(MAX_PIXELS // 4000 + 5, 4000))


def test_large_photos_are_reduced_before_work() -> None:
    big = scene(3, size=(1600, 1200))
    img = decode(jpeg(big))
    assert (img.width, img.height) == (1600, 1200)
    assert max(img.image.size) <= 1024 and img.image.mode == "RGB"


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data:UserWarning")  # Pillow, on mutated EXIF
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_images_never_raise_anything_but_unreadable(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from([_SMALL_JPEG, _SMALL_PNG, _SMALL_GIF]))
    pos = data.draw(st.integers(0, len(base) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=16))
    cut = data.draw(st.booleans())
    mutated = base[:pos] + junk + (b"" if cut else base[pos + len(junk):])
    try:
        decode(mutated)
    except UnreadableImage:
        pass
    read_gps(mutated)  # never raises


_SMALL_JPEG = jpeg(scene(9).resize((96, 72)), exif=gps_exif(*HOME))
_SMALL_PNG = png(scene(9).resize((96, 72)))
def _gif(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.convert("P").save(buf, "GIF")
    return buf.getvalue()


_SMALL_GIF = _gif(scene(9).resize((64, 48)))


# --- GPS tags ----------------------------------------------------------------------------------


def test_exif_gps_is_read_with_altitude_and_capture_time() -> None:
    tag = read_gps(jpeg(scene(1), exif=gps_exif(*HOME)))
    assert tag is not None and tag.source == "exif"
    assert tag.lat == pytest.approx(HOME[0], abs=1e-6)
    assert tag.lon == pytest.approx(HOME[1], abs=1e-6)
    assert tag.altitude == pytest.approx(61.2)
    assert tag.taken_at == "2024-05-18T08:12:40"
    assert tag.value == "38.44820,-122.68630"


def test_southern_and_eastern_coordinates_keep_their_sign() -> None:
    tag = read_gps(jpeg(scene(1), exif=gps_exif(-33.8568, 151.2153)))
    assert tag is not None
    assert tag.lat == pytest.approx(-33.8568, abs=1e-6)
    assert tag.lon == pytest.approx(151.2153, abs=1e-6)


def test_gps_in_png_and_webp_exif_is_read() -> None:
    ex = gps_exif(*HOME)
    assert read_gps(png(scene(1), exif=ex)) is not None
    buf = io.BytesIO()
    scene(1).save(buf, "WEBP", exif=ex)
    assert read_gps(buf.getvalue()) is not None


def _exif_without_gps() -> bytes:
    ex = Image.Exif()
    ex[ExifTags.Base.Make] = "Camera"
    return ex.tobytes()


@pytest.mark.parametrize("exif", [None, _exif_without_gps()], ids=["no EXIF", "EXIF without GPS"])
def test_a_photo_without_gps_has_no_geotag(exif: bytes | None) -> None:
    assert read_gps(jpeg(scene(1), exif=exif)) is None


def test_a_zero_zero_position_is_ignored() -> None:
    # Broken writers fill an empty GPS block with 0,0 — a point in the ocean, not a place.
    assert read_gps(jpeg(scene(1), exif=gps_exif(0.0, 0.0))) is None


def _xmp(body: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f"{body}</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    ).encode()


XMP_CASES = {
    "attributes, degrees and decimal minutes": (
        '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" exif:GPSLatitude="38,26.892N" '
        'exif:GPSLongitude="122,41.178W" exif:GPSAltitude="6120/100" exif:GPSAltitudeRef="0" '
        'xmp:CreateDate="2024-05-18T08:12:40-07:00"/>',
        (38.4482, -122.6863, 61.2, "2024-05-18T08:12:40-07:00")),
    "elements, degrees minutes seconds, another prefix": (
        '<rdf:Description rdf:about="" xmlns:e="http://ns.adobe.com/exif/1.0/">'
        "<e:GPSLatitude>33,51,24.48S</e:GPSLatitude>"
        "<e:GPSLongitude>151,12,55.08E</e:GPSLongitude>"
        "<e:DateTimeOriginal>2023-01-02T10:00:00</e:DateTimeOriginal></rdf:Description>",
        (-33.8568, 151.2153, None, "2023-01-02T10:00:00")),
}


@pytest.mark.parametrize("case", list(XMP_CASES), ids=list(XMP_CASES))
def test_xmp_gps_is_parsed(case: str) -> None:
    body, (lat, lon, alt, taken) = XMP_CASES[case]
    tag = read_gps(jpeg(scene(1), xmp=_xmp(body)))
    assert tag is not None and tag.source == "xmp"
    assert tag.lat == pytest.approx(lat, abs=1e-5)
    assert tag.lon == pytest.approx(lon, abs=1e-5)
    assert tag.altitude == (pytest.approx(alt) if alt is not None else None)
    assert tag.taken_at == taken


def test_xmp_in_a_png_is_found_and_exif_wins_over_xmp() -> None:
    xmp = _xmp('<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
               'exif:GPSLatitude="10,0N" exif:GPSLongitude="20,0E"/>')
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode())
    tag = read_gps(png(scene(1), pnginfo=info))
    assert tag is not None and (tag.lat, tag.lon, tag.source) == (10.0, 20.0, "xmp")
    both = read_gps(jpeg(scene(1), exif=gps_exif(*HOME), xmp=xmp))
    assert both is not None and both.source == "exif"


def test_hostile_xmp_does_not_expand_entities() -> None:
    bomb = (
        b'<!DOCTYPE x [<!ENTITY a "38,26.892N"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="&a;" '
        b'exif:GPSLongitude="122,41.178W"/></rdf:RDF></x:xmpmeta>'
    )
    assert read_gps(b"\xff\xd8" + bomb) is None  # the entity is not resolved: no latitude


# --- distances ---------------------------------------------------------------------------------


def test_haversine_matches_known_distances() -> None:
    assert haversine_m(0, 0, 1, 0) == pytest.approx(111_195, rel=1e-4)  # one degree of latitude
    assert haversine_m(*HOME, *HOME) == 0
    assert haversine_m(90, 0, -90, 0) == pytest.approx(6_371_008.8 * np.pi)  # pole to pole
    assert haversine_m(*HOME, *offset(*HOME, 1000)) == pytest.approx(1000, rel=1e-3)


@pytest.mark.parametrize(
    ("north", "east", "near"),
    [(0, 0, True), (100, 40, True), (-180, -150, True), (260, 0, False), (0, -300, False),
     (5000, 0, False)],
)
def test_a_geotag_is_measured_against_the_home(profile: Profile, north: float, east: float,
                                               near: bool) -> None:
    lat, lon = offset(*HOME, north, east)
    tag = read_gps(jpeg(scene(2), exif=gps_exif(lat, lon)))
    assert tag is not None
    home = nearest_address(profile, profile.subject, tag, current_only=True)
    assert home is not None and home.label == "home" and home.identifier == "home"
    assert home.distance_m == pytest.approx(float(np.hypot(north, east)), abs=3)
    assert (home.distance_m <= 250) is near


def test_a_relative_inherits_the_judges_home_and_the_mother_has_her_own(profile: Profile) -> None:
    tag = GeoTag(*offset(*MOTHER_HOME, 50))
    mother = nearest_address(profile, profile.person("mother"), tag)
    assert mother is not None and mother.distance_m < 60 and mother.label == "home"
    spouse = nearest_address(profile, profile.person("spouse"), GeoTag(*HOME))
    assert spouse is not None and spouse.distance_m < 1 and spouse.identifier == "home"


def test_current_only_skips_a_previous_address(profile: Profile) -> None:
    tag = GeoTag(*PREVIOUS)
    anywhere = nearest_address(profile, profile.subject, tag)
    current = nearest_address(profile, profile.subject, tag, current_only=True)
    assert anywhere is not None and anywhere.label == "previous" and anywhere.distance_m < 1
    assert current is not None and current.label == "home" and current.distance_m > 20_000


# --- faces (optional extra) --------------------------------------------------------------------


def test_face_matching_availability_is_reported_honestly() -> None:
    ok, why = faces.available()
    try:
        import dlib  # noqa: F401
        has_dlib = faces.models_dir() is not None
    except ImportError:
        has_dlib = False
    assert ok is has_dlib
    if not ok:
        assert why.startswith("face matching not available: install it with `bash scripts/setup.sh --faces`")


def test_face_confidence_falls_with_distance() -> None:
    assert faces.face_confidence(0.2) == 0.9
    assert faces.face_confidence(0.45) > faces.face_confidence(0.55) > faces.face_confidence(0.6)
    assert faces.face_confidence(0.6) < 0.5  # at the threshold: a possible match for review


@pytest.mark.skipif(not faces.available()[0], reason="footprint[faces] not installed")
def test_dlib_finds_no_face_in_a_landscape() -> None:
    enc = faces.FaceEncoder()
    assert enc.encodings(scene(4)) == []


def _blend(a: bytes, b: bytes, weight: float) -> bytes:
    ia = Image.open(io.BytesIO(a)).convert("RGB")
    ib = Image.open(io.BytesIO(b)).convert("RGB").resize(ia.size)
    return jpeg(Image.blend(ia, ib, weight), 90)


def test_a_copy_belongs_to_one_person_only(refs: ReferencePhotos) -> None:
    """An image is a copy of one person's photo: never reported for two people at once, and
    an image halfway between two family photos is nobody's copy (rule photo_margin)."""
    judge, child = jpeg(scene(JUDGE_SEED), 92), jpeg(scene(CHILD_SEED), 92)
    assert [m.person for m in refs.match(judge)] == ["judge"]
    for w in (0.3, 0.5, 0.7):
        assert len(refs.match(_blend(judge, child, w))) <= 1
    assert refs.match(_blend(judge, child, 0.5)) == []


# --- colours ----------------------------------------------------------------------------------


def _hue(im: Image.Image, turn: int) -> Image.Image:
    """The same drawing in other colours (hue turned by turn/256 of the circle): a portrait drawn
    from one template for two people, another backdrop and shirt."""
    h, s, v = im.convert("RGB").convert("HSV").split()
    return Image.merge("HSV", (h.point(lambda x: (x + turn) % 256), s, v)).convert("RGB")


def _grey_only(h: CropHashes) -> CropHashes:
    return CropHashes(h.phash, h.dhash)


@pytest.mark.parametrize("turn", [48, 96, 128])
def test_the_same_drawing_in_other_colours_is_not_a_copy(refs: ReferencePhotos, turn: int) -> None:
    recoloured = jpeg(_hue(scene(JUDGE_SEED), turn), 90)
    ref = next(p.hashes for p in refs.photos if p.person == "judge")
    cand = crop_hashes(decode(recoloured).image, CAND_TRIMS)
    dp, dd = best_pair(_grey_only(ref), _grey_only(cand))
    assert dp <= PHASH_MAX and dd <= DHASH_MAX  # the grey hashes alone would call it a copy
    assert refs.match(recoloured) == []


COLOUR_EDITS = {
    "warm filter": lambda im: Image.fromarray(np.clip(
        np.asarray(im, np.float32) * np.array([1.08, 1.0, 0.92], np.float32), 0, 255
    ).astype(np.uint8)),
    "saturation halved": lambda im: ImageEnhance.Color(im).enhance(0.5),
    "saturation + 40 %": lambda im: ImageEnhance.Color(im).enhance(1.4),
    "brighter, more contrast": lambda im: ImageEnhance.Contrast(
        ImageEnhance.Brightness(im).enhance(1.15)).enhance(1.15),
}


@pytest.mark.parametrize("edit", list(COLOUR_EDITS), ids=list(COLOUR_EDITS))
def test_a_copy_through_a_colour_filter_is_still_found(refs: ReferencePhotos, edit: str) -> None:
    matches = refs.match(jpeg(COLOUR_EDITS[edit](scene(JUDGE_SEED)), 85))
    assert [m.person for m in matches] == ["judge"]


def test_colours_tell_apart_two_people_drawn_from_one_template() -> None:
    """Father and son photographed (or drawn) alike: the grey hashes of each one's photo are
    as close to the other's as to their own; the colours say whose it is."""
    father, son = scene(JUDGE_SEED), _hue(scene(JUDGE_SEED), 96)
    two = ReferencePhotos([
        ReferencePhoto("father", "photos[0]", crop_hashes(decode(jpeg(father, 92)).image, REF_TRIMS)),
        ReferencePhoto("son", "photos[0]", crop_hashes(decode(jpeg(son, 92)).image, REF_TRIMS)),
    ])
    assert [m.person for m in two.match(jpeg(crop(son, 0.05, "corner"), 60))] == ["son"]
    assert [m.person for m in two.match(jpeg(crop(father, 0.05, "corner"), 60))] == ["father"]
    # a grey copy has no colours to tell: nobody's (rule photo_margin), never the wrong one
    assert two.match(png(son.convert("L"))) == []


@pytest.mark.parametrize("where", [0.0, 1 / 3, 0.5])
def test_a_square_profile_picture_cut_from_the_portrait_is_found(refs: ReferencePhotos,
                                                                  where: float) -> None:
    """A GitHub or Instagram avatar is a square cut from the reference photo (a quarter of its
    width gone), shrunk: the reference's square crops find it."""
    im = scene(JUDGE_SEED)
    w, h = im.size
    x = round(where * (w - h))
    avatar = im.crop((x, 0, x + h, h)).resize((260, 260), Image.Resampling.LANCZOS)
    assert [m.person for m in refs.match(jpeg(avatar, 85))] == ["judge"]


# --- light and dark areas ---------------------------------------------------------------------


def _headshot(hair: tuple[int, int, int], backdrop: tuple[int, int, int]) -> Image.Image:
    """A headshot drawn from one template: the same pose and shapes, another head of hair and
    backdrop in low colours (a team's headshots against one studio backdrop)."""
    im = Image.new("RGB", (300, 375), backdrop)
    d = ImageDraw.Draw(im)
    d.rounded_rectangle((70, 60, 230, 280), 40, fill=hair)
    d.ellipse((95, 110, 205, 250), fill=(226, 196, 170))
    d.rectangle((130, 240, 170, 300), fill=(226, 196, 170))
    d.ellipse((30, 290, 270, 480), fill=(40, 44, 60))
    for x in (125, 175):
        d.ellipse((x - 6, 160, x + 6, 172), fill=(30, 30, 30))
    d.arc((125, 190, 175, 220), 20, 160, fill=(150, 60, 60), width=3)
    return im


def test_a_headshot_from_the_same_template_with_other_hair_is_not_a_copy(
        tmp_path: Path) -> None:
    """Grey hashes and faint colours agree, but the dark hair lies where the reference is mid
    grey: the light and dark areas tell them apart (LUMA_MAX); the reference itself brightened
    and with more contrast still is a copy."""
    from footprint.analyze.images import colours_agree, layouts_agree

    ref_img = _headshot((92, 64, 40), (200, 205, 215))
    ref = crop_hashes(decode(jpeg(ref_img, 92)).image, REF_TRIMS)
    other = crop_hashes(decode(jpeg(_headshot((20, 20, 22), (120, 124, 130)), 90)).image,
                        CAND_TRIMS)
    dp, dd = best_pair(_grey_only(ref), _grey_only(other))
    assert dp <= PHASH_MAX and dd <= DHASH_MAX  # the grey hashes alone would call it a copy
    assert colours_agree(ref, other).all()  # both nearly grey: colours are not compared
    dp, dd = best_pair(ref, other)
    assert dp > PHASH_MAX or dd > DHASH_MAX
    edited = ImageEnhance.Contrast(ImageEnhance.Brightness(ref_img).enhance(1.15)).enhance(1.15)
    copy = crop_hashes(decode(jpeg(edited, 85)).image, CAND_TRIMS)
    assert layouts_agree(ref, copy).any()
    dp, dd = best_pair(ref, copy)
    assert dp <= PHASH_MAX and dd <= DHASH_MAX


def test_roughly_alike_light_and_dark_areas_need_close_hashes_too() -> None:
    """Between LUMA_CLOSE and LUMA_MAX apart, a pair is a copy only when its hashes are within
    LUMA_CLOSE_BITS together: a template portrait 9–16 bits away is someone else's picture; a
    brightened copy a few bits away is still a copy."""
    from footprint.analyze.images import LUMA_CLOSE, LUMA_CLOSE_BITS, LUMA_MAX

    def hashes(bits: int, luma: float) -> CropHashes:
        ph = np.zeros((1, 64), dtype=bool)
        ph[0, : bits // 2] = True
        dh = np.zeros((1, 64), dtype=bool)
        dh[0, : bits - bits // 2] = True
        return CropHashes(ph, dh, None, np.full((1, 16), luma, dtype=np.float32))

    ref = hashes(0, 0.0)
    gap = (LUMA_CLOSE + LUMA_MAX) / 2
    far = best_pair(ref, hashes(LUMA_CLOSE_BITS + 2, gap))
    assert not (far[0] <= PHASH_MAX and far[1] <= DHASH_MAX)
    assert best_pair(ref, hashes(LUMA_CLOSE_BITS - 2, gap)) == (3, 3)
    assert best_pair(ref, hashes(LUMA_CLOSE_BITS + 2, LUMA_CLOSE / 2)) == (5, 5)
