"""Demo generator: draws the demo's photographs (portraits, the house, the family ride) with Pillow.

The pictures are drawn, not photographed, but each has its own composition so that a perceptual
hash tells them apart, while the judge's reference photo and her official portrait are the same
picture (resized, recompressed, slightly cropped), as they would be in a real audit.
Every drawing is deterministic: fixed seeds, no clock, no fonts that differ between machines.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

from PIL import ExifTags, Image, ImageDraw, ImageFilter
from PIL.TiffImagePlugin import IFDRational

RGB = tuple[int, int, int]


def _gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size)
    px = ImageDraw.Draw(img)
    for y in range(h):
        t = y / max(h - 1, 1)
        c = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        px.line([(0, y), (w, y)], fill=c)
    return img


def _noise(img: Image.Image, seed: int, amount: int = 6) -> Image.Image:
    """A little sensor-like grain so the JPEG looks photographic rather than flat."""
    rnd = random.Random(seed)
    w, h = img.size
    grain = Image.new("L", (w // 4, h // 4))
    grain.putdata([128 + rnd.randint(-amount, amount) for _ in range((w // 4) * (h // 4))])
    grain = grain.resize((w, h), Image.Resampling.BILINEAR)
    return Image.blend(img, Image.merge("RGB", (grain, grain, grain)), 0.06)


def jpeg(img: Image.Image, quality: int = 82, exif: bytes | None = None) -> bytes:
    """Encode as baseline JPEG (no timestamps, so the bytes are reproducible)."""
    buf = io.BytesIO()
    kw: dict[str, object] = {"quality": quality, "optimize": True}
    if exif is not None:
        kw["exif"] = exif
    img.save(buf, "JPEG", **kw)
    return buf.getvalue()


@dataclass(frozen=True)
class Sitter:
    """How one drawn portrait looks."""

    seed: int
    backdrop: tuple[RGB, RGB]
    skin: RGB
    hair: RGB
    hair_style: str
    """"bob", "short", "long" or "bald"."""
    clothes: RGB
    collar: RGB
    face_dx: int = 0
    """Horizontal offset of the face from the centre (px at 480 wide)."""
    prop: str = "flag"
    """What stands in the background: "flag", "books", "seal", "plain", "clinic"."""
    glasses: bool = False


JUDGE = Sitter(1968, ((58, 74, 104), (24, 30, 46)), (232, 190, 160), (150, 96, 70), "bob",
               (18, 18, 22), (240, 240, 240), face_dx=30, prop="flag")
OTHER_JUDGE_A = Sitter(1959, ((120, 92, 60), (60, 44, 30)), (170, 120, 90), (40, 36, 34),
                       "short", (20, 20, 26), (230, 230, 230), face_dx=-60, prop="books",
                       glasses=True)
OTHER_JUDGE_B = Sitter(1972, ((190, 196, 204), (140, 150, 160)), (240, 205, 180),
                       (200, 180, 120), "long", (28, 26, 40), (245, 245, 245), face_dx=0,
                       prop="seal")
DENTIST = Sitter(1995, ((60, 190, 190), (200, 240, 235)), (236, 200, 170), (60, 40, 30),
                 "long", (250, 250, 252), (120, 170, 200), face_dx=-20, prop="clinic")


def portrait(s: Sitter, size: tuple[int, int] = (480, 600)) -> Image.Image:
    """A head-and-shoulders studio portrait."""
    w, h = 480, 600
    img = _gradient((w, h), *s.backdrop)
    d = ImageDraw.Draw(img)
    rnd = random.Random(s.seed)
    if s.prop == "flag":
        # a furled flag on a pole at the left edge, as in official court portraits
        d.rectangle([20, 0, 26, h], fill=(170, 150, 90))
        for i in range(9):
            d.polygon([(27, 40 + i * 38), (120 - (i % 2) * 12, 55 + i * 38),
                       (120 - (i % 2) * 12, 74 + i * 38), (27, 59 + i * 38)],
                      fill=(178, 34, 52) if i % 2 == 0 else (236, 236, 236))
        d.rectangle([27, 30, 80, 150], fill=(40, 56, 120))
    elif s.prop == "books":
        x = 0
        while x < w:
            bw = rnd.randint(14, 30)
            for shelf in (20, 210, 400):
                col = (rnd.randint(60, 180), rnd.randint(30, 110), rnd.randint(20, 90))
                d.rectangle([x, shelf + rnd.randint(0, 30), x + bw - 2, shelf + 170], fill=col)
            x += bw
        for shelf in (190, 380, 570):
            d.rectangle([0, shelf, w, shelf + 12], fill=(70, 46, 28))
    elif s.prop == "seal":
        d.ellipse([w - 220, 30, w - 20, 230], outline=(150, 130, 70), width=10)
        d.ellipse([w - 190, 60, w - 50, 200], outline=(150, 130, 70), width=4)
    elif s.prop == "clinic":
        for i in range(6):
            d.rectangle([i * 90 - 10, 40, i * 90 + 50, 330], fill=(230, 250, 248))
        d.ellipse([300, 20, 470, 190], fill=(255, 255, 255))
    cx = w // 2 + s.face_dx
    # shoulders and robe
    d.ellipse([cx - 230, 430, cx + 230, 800], fill=s.clothes)
    d.polygon([(cx - 50, 430), (cx + 50, 430), (cx, 540)], fill=s.collar)
    # neck
    d.rectangle([cx - 38, 330, cx + 38, 450], fill=tuple(max(0, c - 18) for c in s.skin))
    # hair behind the head
    if s.hair_style in ("bob", "long"):
        drop = 470 if s.hair_style == "long" else 380
        d.rounded_rectangle([cx - 118, 120, cx + 118, drop], radius=70, fill=s.hair)
    # face
    d.ellipse([cx - 92, 140, cx + 92, 380], fill=s.skin)
    # hair on top
    if s.hair_style == "bob":
        d.chord([cx - 108, 110, cx + 108, 300], 180, 360, fill=s.hair)
        d.polygon([(cx - 100, 200), (cx - 20, 175), (cx - 95, 260)], fill=s.hair)
    elif s.hair_style == "short":
        d.chord([cx - 98, 118, cx + 98, 260], 185, 355, fill=s.hair)
    elif s.hair_style == "long":
        d.chord([cx - 112, 105, cx + 112, 290], 180, 360, fill=s.hair)
    # features
    eye_y = 250
    for ex in (cx - 38, cx + 38):
        d.ellipse([ex - 13, eye_y - 7, ex + 13, eye_y + 7], fill=(250, 250, 250))
        d.ellipse([ex - 6, eye_y - 6, ex + 6, eye_y + 6], fill=(70, 60, 50))
        d.line([ex - 18, eye_y - 20, ex + 16, eye_y - 23], fill=tuple(c // 2 for c in s.hair),
               width=5)
    if s.glasses:
        for ex in (cx - 38, cx + 38):
            d.rounded_rectangle([ex - 26, eye_y - 18, ex + 26, eye_y + 16], radius=8,
                                outline=(30, 30, 30), width=4)
        d.line([cx - 12, eye_y, cx + 12, eye_y], fill=(30, 30, 30), width=4)
    d.line([cx, eye_y + 10, cx - 8, eye_y + 55, cx + 6, eye_y + 58],
           fill=tuple(max(0, c - 45) for c in s.skin), width=4)
    d.arc([cx - 40, eye_y + 50, cx + 40, eye_y + 95], 20, 160, fill=(160, 70, 70), width=6)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    img = _noise(img, s.seed)
    return img.resize(size, Image.Resampling.LANCZOS) if size != (w, h) else img


def reference_copy(img: Image.Image) -> Image.Image:
    """The photo a court keeps on file: the same picture, slightly cropped and smaller."""
    w, h = img.size
    box = (int(w * 0.04), int(h * 0.03), int(w * 0.97), int(h * 0.98))
    return img.crop(box).resize((300, 372), Image.Resampling.LANCZOS)


def house() -> Image.Image:
    """Street view of a single-storey ranch house with a gable, garage, tree and driveway."""
    w, h = 640, 420
    img = _gradient((w, h), (150, 190, 230), (220, 232, 240))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 230), (180, 190), (380, 215), (640, 180), (640, 260), (0, 260)],
              fill=(110, 140, 100))
    d.rectangle([0, 260, w, h], fill=(96, 150, 70))
    # house body and roof
    d.rectangle([150, 190, 560, 330], fill=(214, 196, 160))
    d.polygon([(130, 195), (260, 120), (390, 195)], fill=(80, 80, 86))
    d.polygon([(380, 195), (380, 150), (580, 150), (600, 195)], fill=(90, 90, 96))
    # garage, door, windows
    d.rectangle([410, 230, 545, 330], fill=(236, 232, 222))
    for y in range(240, 330, 18):
        d.line([410, y, 545, y], fill=(200, 196, 186), width=2)
    d.rectangle([300, 245, 340, 330], fill=(150, 40, 40))
    for x in (180, 235):
        d.rectangle([x, 225, x + 45, 270], fill=(120, 150, 170), outline=(250, 250, 250), width=4)
    # driveway and walkway
    d.polygon([(410, 330), (545, 330), (620, h), (360, h)], fill=(170, 170, 165))
    d.polygon([(305, 330), (335, 330), (345, h), (290, h)], fill=(190, 186, 176))
    # oak tree
    d.rectangle([60, 200, 80, 320], fill=(90, 64, 40))
    for (x, y, r) in ((70, 170, 70), (30, 200, 45), (110, 200, 50), (70, 120, 45)):
        d.ellipse([x - r, y - r, x + r, y + r], fill=(60, 100, 50))
    # mailbox at the kerb
    d.rectangle([586, 330, 590, 380], fill=(60, 60, 60))
    d.rounded_rectangle([570, 315, 606, 336], radius=6, fill=(40, 40, 44))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    return _noise(img, 2417)


def family_ride() -> Image.Image:
    """Three cyclists on a country road at dawn, vineyards and hills behind."""
    w, h = 800, 533
    img = _gradient((w, h), (250, 170, 110), (120, 160, 210))
    d = ImageDraw.Draw(img)
    d.ellipse([560, 90, 640, 170], fill=(255, 226, 160))
    d.polygon([(0, 260), (150, 200), (320, 250), (500, 190), (800, 240), (800, 330), (0, 330)],
              fill=(88, 110, 80))
    d.rectangle([0, 320, w, h], fill=(150, 160, 90))
    for i in range(14):  # vine rows converging to the horizon
        x = -200 + i * 90
        d.line([x, h, 400 + (x - 400) * 0.2, 320], fill=(70, 100, 50), width=6)
    d.polygon([(330, 320), (470, 320), (760, h), (40, h)], fill=(96, 96, 100))
    d.line([400, 320, 400, h], fill=(230, 220, 120), width=4)
    riders = ((260, 420, 1.0, (200, 40, 50)), (420, 400, 0.85, (40, 90, 170)),
              (540, 380, 0.7, (240, 190, 40)))
    for (x, y, s, jersey) in riders:
        r = int(34 * s)
        for wx in (x - int(48 * s), x + int(48 * s)):
            d.ellipse([wx - r, y - r, wx + r, y + r], outline=(25, 25, 25), width=max(3, int(6 * s)))
        d.line([x - int(48 * s), y, x, y - int(40 * s), x + int(48 * s), y], fill=(30, 30, 30),
               width=4)
        d.line([x - int(10 * s), y - int(40 * s), x - int(10 * s), y - int(95 * s)],
               fill=jersey, width=int(22 * s))
        d.ellipse([x - int(22 * s), y - int(135 * s), x + int(8 * s), y - int(105 * s)],
                  fill=(230, 190, 160))
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    return _noise(img, 38448)


def vineyard() -> Image.Image:
    """Harvest in a vineyard: rows of vines, a tractor and a bin."""
    w, h = 720, 440
    img = _gradient((w, h), (200, 220, 240), (240, 240, 230))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 150), (250, 110), (720, 160), (720, 200), (0, 200)], fill=(120, 130, 110))
    d.rectangle([0, 190, w, h], fill=(160, 130, 80))
    for i in range(-6, 20):
        d.line([i * 60, h, 360 + (i * 60 - 360) * 0.1, 190], fill=(50, 110, 40), width=14)
    d.rectangle([480, 250, 620, 330], fill=(30, 110, 60))
    d.ellipse([470, 300, 530, 360], fill=(20, 20, 20))
    d.ellipse([580, 290, 650, 360], fill=(20, 20, 20))
    d.rectangle([380, 300, 460, 350], fill=(90, 40, 110))
    return _noise(img.filter(ImageFilter.GaussianBlur(0.8)), 7)


def civic_building(seed: int, wall: RGB, roof: RGB) -> Image.Image:
    """A civic building with columns or a fire station with bay doors, depending on the seed."""
    w, h = 720, 440
    img = _gradient((w, h), (120, 170, 220), (210, 225, 240))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 340, w, h], fill=(130, 130, 128))
    d.rectangle([90, 140, 630, 340], fill=wall)
    if seed % 2:
        d.polygon([(70, 145), (360, 60), (650, 145)], fill=roof)
        for i in range(8):
            x = 120 + i * 66
            d.rectangle([x, 160, x + 26, 330], fill=(240, 238, 230))
    else:
        d.rectangle([80, 120, 640, 150], fill=roof)
        for i in range(3):
            x = 130 + i * 170
            d.rectangle([x, 200, x + 130, 340], fill=(225, 225, 228))
            for y in range(210, 340, 20):
                d.line([x, y, x + 130, y], fill=(190, 190, 196), width=2)
    return _noise(img.filter(ImageFilter.GaussianBlur(0.8)), seed)


def lone_rider() -> Image.Image:
    """A club cyclist climbing between dry-stone walls under a grey sky."""
    w, h = 720, 440
    img = _gradient((w, h), (170, 176, 184), (120, 126, 120))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 180), (720, 120), (720, 260), (0, 300)], fill=(90, 120, 80))
    d.polygon([(200, h), (520, h), (380, 150), (350, 150)], fill=(70, 70, 74))
    for side in (-1, 1):
        for i in range(30):
            x = 360 + side * (40 + i * 9)
            y = 160 + i * 10
            d.rectangle([x - 6, y, x + 6, y + 12], fill=(150, 146, 136))
    d.ellipse([330, 300, 390, 360], outline=(20, 20, 20), width=5)
    d.line([360, 230, 360, 300], fill=(20, 80, 40), width=26)
    d.ellipse([346, 196, 374, 226], fill=(220, 180, 150))
    return _noise(img.filter(ImageFilter.GaussianBlur(0.8)), 113)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    v = abs(value)
    deg = int(v)
    minutes_f = (v - deg) * 60
    minutes = int(minutes_f)
    seconds = round((minutes_f - minutes) * 60 * 100)
    return IFDRational(deg, 1), IFDRational(minutes, 1), IFDRational(seconds, 100)


def phone_exif(lat: float, lon: float, taken: str, make: str = "Apple",
               model: str = "iPhone 13") -> bytes:
    """EXIF as a phone camera writes it: make, model, time taken and GPS position."""
    ex = Image.Exif()
    ex[ExifTags.Base.Make] = make
    ex[ExifTags.Base.Model] = model
    ex[ExifTags.Base.Software] = "17.6.1"
    sub = ex.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.DateTimeOriginal] = taken
    gps = ex.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
    gps[ExifTags.GPS.GPSLatitude] = _dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
    gps[ExifTags.GPS.GPSLongitude] = _dms(lon)
    gps[ExifTags.GPS.GPSAltitudeRef] = 0
    gps[ExifTags.GPS.GPSAltitude] = IFDRational(6120, 100)
    return ex.tobytes()


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (used to check the planted GPS offset)."""
    r = 6371000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))
