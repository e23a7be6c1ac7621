"""Photo analysis for the images probe: decode untrusted images safely, recognise copies of the
profile's reference photos by perceptual hash, and read the GPS tags (EXIF and XMP) that place a
photo at a family's door.

Decoding. Every image — a reference photo or one fetched from the web — goes through `decode`:
a byte cap (`MAX_IMAGE_BYTES`), an allow-list of raster formats (Pillow's EPS plugin would run
Ghostscript, PDF/PSD/FITS and friends are not photos), Pillow's decompression-bomb limit set
deliberately (`Image.MAX_IMAGE_PIXELS = MAX_PIXELS`, `DecompressionBombWarning` turned into an
error, and our own width × height check before any pixel is decoded, which holds even when
something resets the warning filters), then `verify()`, a completeness check of our own (WeasyPrint
turns Pillow's "image file is truncated" error off process-wide when it is imported) and a full
`load()` on a fresh handle, so a truncated or corrupt file fails here, not later.
Anything that fails raises `UnreadableImage`; the probe reports it as
"not checked: unreadable image (…)". The image is then turned upright (EXIF orientation: a phone
portrait and its web copy must hash alike) and reduced to at most `WORK_EDGE` pixels.

Matching. pHash (DCT of a 32×32 grey image) is the primary hash, dHash (gradient of a 9×8 image)
the second; both are 64 bits and compared by Hamming distance. A crop shifts the content under a
global hash, so each reference photo is hashed at 81 crops (every side trimmed by 0, 4 or 8 % of
its length, `REF_TRIMS`) and each candidate at 16 (every side trimmed by 0 or 6 %, `CAND_TRIMS`):
a web copy cropped up to ~8 % on any sides, or a reference that is itself a tighter crop of the
published picture, then has a crop pair that lines up. An oblong reference is also hashed at its
square crops (`SQUARES`, 16 each): a profile picture (GitHub, Instagram, X) is a square cut from a
portrait, 20 % or more of its height gone. A copy cut deeper than that (a post's 4:5 frame, an
avatar keeping half the picture, off-centre) is located first (`locate`: normalised
cross-correlation of 64-pixel grey thumbnails over every offset and twelve scales); where it
correlates at `ALIGN_MIN_CORRELATION` or more the reference is cut there and hashed again, and
the pair must be within `ALIGN_MAX_BITS` bits together. A candidate matches a reference when some
pair of crops is within BOTH `PHASH_MAX` and `DHASH_MAX` bits and its colours agree: both hashes
read a grey picture, so two portraits made from one template in other colours (another backdrop,
another shirt: a namesake's photo, or a father's and a son's) hash alike. Each crop also keeps the
average chroma of a 4 × 4 grid; the reference's is scaled to the candidate's (a copy may be more
or less saturated) and the mean distance must be at most `COLOUR_MAX`, unless either picture is
grey (a black-and-white copy is still a copy). The blind scenarios' copies were within 4.6 of
their references; other pictures that passed the grey hashes were 13.8 or more apart.

Measured with `benchmarks/photos.py` (16 drawn scenes and 25 real photographs; distances of the
best crop pair, worst case per row; full table in benchmarks/RESULTS-photos.md):

    edit of the reference                        pHash  dHash   matched
    resize to 25 % / 50 %                        ≤ 4    ≤ 3     41/41
    JPEG quality 20 / 40                         ≤ 6    ≤ 6     41/41
    grayscale                                    ≤ 2    ≤ 1     41/41
    crop 3 / 5 / 8 % (one side, corner, centre)  ≤ 8    ≤ 9     all but one texture (brick)
    crop 5 % + resize 40 % + JPEG q25            ≤ 8    ≤ 8     41/41
    reference is a 5 % / 8 % crop of the copy    ≤ 12   ≤ 13    81/82
    square profile picture (upper middle)                        40/41
    crop 10 %                                    ≤ 16   ≤ 14    117/123
    warm cast, saturation −50 % / +40 %,
      brightness and contrast +15 %              colour gap ≤ 10.5  164/164
    different scene, same kind and palette       best pair ≥ 15 bits in sum    0/96
    same drawing, hue turned 90°                 colour gap ≥ 14    0/26 in colour
    different picture, any                       best pair ≥ 27 bits in sum    0/1040

so a copy cropped up to ~8 % is found and no different picture matched; at 10/10 bits one drawn
near-clone (same backdrop, pose, colours and hair; pHash 6, dHash 9) would have. What a hash cannot
tell apart: a second shot of the same sitting (subject moved 5 %: 15/16 match) and a stereo pair —
the same scene, which for a photo of a person is the same exposure. A mirrored copy is not
recognised (pHash ~24): mirrors are rare for re-posted photos and accepting them would double the
false-match surface. Confidence falls with distance: 0.98 − 0.02 × (pHash + dHash), i.e. 0.98 for
an exact copy and 0.66 at the limits. Hashes find copies of the same picture; finding OTHER
pictures of the same face is the optional face matcher's job (`faces.py`). Cost: ~140 ms to hash a
reference photo once, ~30 ms to decode and match a fetched image.

GPS. `read_gps` reads the EXIF GPS IFD (0x8825) and, failing that, `exif:GPSLatitude` /
`exif:GPSLongitude` in the XMP packet (which survives in files whose EXIF was rewritten), with
altitude and capture time; `gps_of` also says when a GPS block the image declares cannot be
read (reported as not checked, never as "no position"). `nearest_address` measures the
great-circle (haversine) distance to each profile address that has coordinates; within
`NEAR_HOME_M` (250 m) of a home the exposure is critical by the rubric (the risk module applies
it; we only set the attrs).
"""

from __future__ import annotations

import io
import itertools
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from struct import error as struct_error
from typing import TYPE_CHECKING, Protocol

import imagehash
import numpy as np
from PIL import ExifTags, Image, ImageOps

from ..errors import ProbeError
from ..model import Skipped

if TYPE_CHECKING:
    from ..profile import Address, Person, Profile

MAX_PIXELS = 50_000_000
"""Largest image (width × height) we decode: a 50-megapixel camera frame still passes; a PNG header
claiming 100 000 × 100 000 does not."""
MAX_IMAGE_BYTES = 20_000_000
"""Largest encoded image we look at."""
WORK_EDGE = 1024
"""Decoded images are reduced to this longest edge: enough for hashing and face detection."""
HASH_EDGE = 512
"""Longest edge of the image the hash crops are cut from (pHash resizes to 32×32 anyway)."""
Image.init()
SAFE_FORMATS = tuple(
    f for f in ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "AVIF") if f in Image.OPEN
)
"""Formats we let Pillow decode: the raster formats photos are published in (JPEG includes its
multi-picture MPO variant; AVIF when this Pillow was built with it)."""

REF_TRIMS = (0.0, 0.04, 0.08)
"""Per-side trims (fraction of the side) at which reference photos are hashed: 3⁴ = 81 crops."""
CAND_TRIMS = (0.0, 0.06)
"""Per-side trims at which a candidate image is hashed: 2⁴ = 16 crops."""
SQUARES = (0.0, 0.25, 0.5)
"""Where along an oblong reference photo's long side its square crops are taken (top, upper
middle, centre): a profile picture (GitHub, Instagram, X) is a square cut from a portrait."""
SQUARE_TRIMS = (0.0, 0.05)
"""Per-side trims of each square crop: 2⁴ = 16 crops per square."""
PHASH_MAX = 8
"""A candidate matches when a crop pair is within this pHash distance (bits of 64) …"""
DHASH_MAX = 8
"""… and within this dHash distance (see the module docstring for the measurements)."""
COLOUR_MAX = 10.0
"""A crop pair within the hash limits is a copy only when its colours agree as well: the mean,
over a 4 × 4 grid of the two crops, of the distance between the cells' average chroma (Cb, Cr of
YCbCr, 0–255 scale) is at most this. Both hashes see a grey picture only, so a portrait drawn
from the same template in other colours (another backdrop, another shirt) hashes like a copy."""
SATURATION = (0.4, 2.5)
"""How much less or more saturated than the reference a copy may be."""
GREY_CHROMA = 4.0
"""An image whose average chroma (same scale) is below this is grey — a black-and-white copy, or
a grey reference — and its colours are not compared."""
LUMA_MAX = 0.2
"""… and when its light and dark areas lie alike: the mean, over the same 4 × 4 grid, of the
difference between the cells' brightness, each crop's brightness less its mean and over its
spread (so that a brighter, darker, more or less contrasted copy compares equal), is at most
this. Both hashes keep only which half of the picture is lighter, so a team's headshots taken
against one backdrop, or portraits drawn from one template with a black and a brown head of
hair, hash alike; a grey picture's colours say nothing either. The blind scenarios' copies were
within 0.12 of their references and `benchmarks/photos.py`'s edits within 0.16 (brightness and
contrast + 15 %, where light areas clip); other pictures that passed the hashes and colours were
0.13 to 1.1 apart, most of them above 0.3."""
LUMA_CLOSE = 0.12
LUMA_CLOSE_BITS = 8
"""A pair between `LUMA_CLOSE` and `LUMA_MAX` apart is a copy only when its pHash and dHash
distances add up to `LUMA_CLOSE_BITS` or less: every blind copy was within 0.12, and the edits
that move a copy further (brightness and contrast + 15 %: 0.16) leave its hashes within a few
bits; the portraits drawn from one template that came within 0.2 were 9 to 16 bits apart."""
LUMA_SPREAD = 8.0
"""The least spread (standard deviation, 0–255 scale) a crop's brightness is divided by: a
flat crop's noise is not magnified into a pattern."""
PHOTO_MARGIN = 3
ALIGN_EDGE = 64
"""Longest edge of the grey thumbnails a cropped copy is located on (`locate`)."""
ALIGN_SCALES = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)
"""How much of the reference's width or height (whichever it keeps more of) a deeper crop may
keep: a profile picture or a post's 4:5 frame cut from a portrait keeps half of it or more,
often its whole height."""
ALIGN_MIN_CORRELATION = 0.95
"""A crop is located where the candidate's thumbnail correlates with the reference's at least
this much (normalised cross-correlation, 1 = the same pixels)."""
ALIGN_MAX_BITS = 6
"""… and the reference cut at that place must then be within this many bits (pHash + dHash
together) of the candidate, its colours and light and dark areas agreeing as for any copy:
with the crop's offset gone only a resize and a recompression remain, so the limit is tighter
than `PHASH_MAX` + `DHASH_MAX`."""
ALIGN_TRIMS = (0.0, 0.02, 0.04)
"""Trims of the located crop (after a margin of `ALIGN_MARGIN` around it): the thumbnail places
it only to a pixel or two of 64."""
ALIGN_MARGIN = 0.02
"""Bits (pHash + dHash) by which an image must be closer to one person's reference photos than
to every other person's before it counts as a copy of that person's photo."""
NEAR_HOME_M = 250.0
"""A geotag this close to a home address locates the home (critical by the rubric)."""

# Deliberate, process-wide: a decompression bomb is an error in footprint, never just a warning.
# (A process-wide filter, not `warnings.catch_warnings()`, because images are examined in worker
# threads and catch_warnings is not thread-safe.)
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
# Pillow warns on stderr about corrupt EXIF ("Corrupt EXIF data. Expecting to read 12 bytes…").
# The warning says nothing a user can act on; what matters — a GPS block that cannot be read —
# is reported by `gps_of` as a coverage problem instead.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.TiffImagePlugin")


class UnreadableImage(ProbeError):
    """An image that cannot be checked: corrupt, truncated, unsupported, too big or a bomb.
    The reason names the problem, never the image's content."""

    def __init__(self, reason: str, source: str = "image") -> None:
        super().__init__(source, reason)


@dataclass(frozen=True)
class DecodedImage:
    """A safely decoded image, upright and reduced to at most `WORK_EDGE` pixels."""

    image: Image.Image = field(compare=False)
    """The pixels, RGB."""
    format: str
    """Pillow's name of the encoded format ("JPEG", "PNG", …)."""
    width: int
    """Width of the encoded image, before reduction."""
    height: int
    """Height of the encoded image, before reduction."""


def decode(data: bytes, *, max_bytes: int = MAX_IMAGE_BYTES) -> DecodedImage:
    """Decode untrusted image bytes under the limits above. Raises `UnreadableImage`."""
    if not data:
        raise UnreadableImage("empty file")
    if len(data) > max_bytes:
        raise UnreadableImage(f"larger than {max_bytes / 1e6:g} MB")
    try:
        with Image.open(io.BytesIO(data), formats=SAFE_FORMATS) as probe:
            _check_size(probe.size)
            probe.verify()
        img: Image.Image = Image.open(io.BytesIO(data), formats=SAFE_FORMATS)
        fmt = img.format or "unknown"
        width, height = img.size
        _check_size(img.size)
        if fmt == "JPEG":
            # Let libjpeg decode at a reduced scale: a 24 MP photo decodes 8× faster.
            img.draft("RGB", (WORK_EDGE, WORK_EDGE))
        if _truncated(data, img):
            raise UnreadableImage("corrupt or truncated (data ends early)")
        img.load()
        img = ImageOps.exif_transpose(img) or img
        img = img.convert("RGB")
        img.thumbnail((WORK_EDGE, WORK_EDGE), Image.Resampling.LANCZOS)
    except UnreadableImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableImage(f"more than {MAX_PIXELS // 1_000_000} megapixels") from None
    except Image.UnidentifiedImageError:
        raise UnreadableImage("not an image or an unsupported format") from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, struct_error,
            MemoryError, ZeroDivisionError) as e:
        # Pillow's plugins raise all of these on malformed input (SyntaxError for bad headers,
        # struct.error for short ones); the type name is enough for the coverage line.
        raise UnreadableImage(f"corrupt or truncated ({type(e).__name__})") from None
    return DecodedImage(img, fmt, width, height)


def _truncated(data: bytes, img: Image.Image) -> bool:
    """True when the encoded data ends before the picture does. Pillow cannot be relied on for
    this: WeasyPrint sets `ImageFile.LOAD_TRUNCATED_IMAGES = True` process-wide when it is
    imported, after which Pillow pads a cut-off JPEG, GIF, BMP or TIFF with grey instead of
    failing (PNG, WebP and AVIF still fail on their own)."""
    fmt = img.format
    if fmt in ("JPEG", "MPO"):
        # Entropy-coded data never holds FF D9 or FF DA (0xFF is stuffed), so the last scan
        # must be followed by the end-of-image marker.
        return data.rfind(b"\xff\xd9") < data.rfind(b"\xff\xda")
    if fmt == "GIF":
        return not data.rstrip(b"\x00").endswith(b"\x3b")  # the trailer byte
    if fmt == "BMP" and len(data) >= 34:
        file_size = int.from_bytes(data[2:6], "little")
        if file_size and file_size > len(data):
            return True
        offset = int.from_bytes(data[10:14], "little")
        bits = int.from_bytes(data[28:30], "little")
        compression = int.from_bytes(data[30:34], "little")
        if compression == 0 and bits:
            stride = (bits * img.width + 31) // 32 * 4
            return offset + stride * img.height > len(data)
        return False
    if fmt == "TIFF":
        tags = getattr(img, "tag_v2", {})
        offsets = tags.get(273) or tags.get(324)
        counts = tags.get(279) or tags.get(325)
        if offsets is None or counts is None:
            return False
        offsets = offsets if isinstance(offsets, tuple) else (offsets,)
        counts = counts if isinstance(counts, tuple) else (counts,)
        return max((int(o) + int(c) for o, c in zip(offsets, counts, strict=False)), default=0) > len(data)
    return False


def _check_size(size: tuple[int, int]) -> None:
    w, h = size
    if w <= 0 or h <= 0:
        raise UnreadableImage("empty image")
    if w * h > MAX_PIXELS:
        raise UnreadableImage(f"more than {MAX_PIXELS // 1_000_000} megapixels")


# --- perceptual hashes -------------------------------------------------------------------------


@dataclass(frozen=True)
class CropHashes:
    """pHash and dHash of a set of crops of one image, as bit matrices (one row per crop), and
    each crop's colours on a 4 × 4 grid."""

    phash: np.ndarray = field(compare=False)
    """Shape (crops, 64), bool."""
    dhash: np.ndarray = field(compare=False)
    """Shape (crops, 64), bool."""
    colour: np.ndarray | None = field(default=None, compare=False)
    """Shape (crops, 16, 2), float32: the average chroma (Cb − 128, Cr − 128) of each cell of a
    4 × 4 grid over the crop; None when unknown (colours are then not compared)."""
    luma: np.ndarray | None = field(default=None, compare=False)
    """Shape (crops, 16), float32: the average brightness of each cell of the same grid, less
    the crop's mean and over its spread (`LUMA_SPREAD` at least); None when unknown."""


def crop_hashes(img: Image.Image, trims: Sequence[float], squares: bool = False) -> CropHashes:
    """Hash `img` at every combination of per-side trims (left, top, right, bottom); with
    `squares`, also the square crops a profile picture makes of an oblong photo (`SQUARES`),
    each at the trims of `SQUARE_TRIMS`."""
    grey = img.convert("L")
    grey.thumbnail((HASH_EDGE, HASH_EDGE), Image.Resampling.LANCZOS)
    chroma = img.convert("RGB").convert("YCbCr")
    chroma.thumbnail((HASH_EDGE, HASH_EDGE), Image.Resampling.BOX)
    w, h = grey.size
    cw, ch = chroma.size
    # crop boxes as fractions of the image: (left, top, right, bottom) trimmed off each side
    boxes = list(itertools.product(trims, repeat=4))
    if squares and abs(w - h) > 0.1 * max(w, h):
        for where in SQUARES:
            for t in itertools.product(SQUARE_TRIMS, repeat=4):
                boxes.append(_square(w, h, where, t))
    ph, dh, col, lum = [], [], [], []
    for left, top, right, bottom in boxes:
        box = (round(w * left), round(h * top), w - round(w * right), h - round(h * bottom))
        crop = grey.crop(box)
        ph.append(imagehash.phash(crop).hash.flatten())
        dh.append(imagehash.dhash(crop).hash.flatten())
        lc = np.asarray(crop.resize((4, 4), Image.Resampling.BOX), dtype=np.float32).reshape(16)
        lum.append((lc - lc.mean()) / max(float(lc.std()), LUMA_SPREAD))
        cbox = (round(cw * left), round(ch * top), cw - round(cw * right), ch - round(ch * bottom))
        cells = chroma.crop(cbox).resize((4, 4), Image.Resampling.BOX)
        col.append(np.asarray(cells, dtype=np.float32)[:, :, 1:].reshape(16, 2) - 128.0)
    return CropHashes(np.array(ph, dtype=bool), np.array(dh, dtype=bool),
                      np.array(col, dtype=np.float32), np.array(lum, dtype=np.float32))


def _square(w: int, h: int, where: float, t: tuple[float, ...]) -> tuple[float, float, float, float]:
    """Trims of the square crop of a w × h image placed `where` (0 = top or left, 0.5 =
    centre) along its long side, then trimmed by `t` of the square's side on each side."""
    side = min(w, h)
    lt = [t[0] * side / w, t[1] * side / h, t[2] * side / w, t[3] * side / h]
    if h > w:
        top = where * (h - side) / h
        return (lt[0], top + lt[1], lt[2], (1 - top - side / h) + lt[3])
    left = where * (w - side) / w
    return (left + lt[0], lt[1], (1 - left - side / w) + lt[2], lt[3])


def reduced(img: Image.Image) -> Image.Image:
    """A copy of `img` at most `HASH_EDGE` pixels (what a located crop is cut from)."""
    out = img.copy()
    out.thumbnail((HASH_EDGE, HASH_EDGE), Image.Resampling.LANCZOS)
    return out


def _grey(img: Image.Image, size: tuple[int, int]) -> np.ndarray:
    return np.asarray(img.convert("L").resize(size, Image.Resampling.BOX), dtype=np.float64)


def locate(ref: Image.Image, cand: Image.Image) -> tuple[float, float, float, float] | None:
    """Where `cand` lies inside `ref` when it is a crop keeping 45–100 % of its width or height
    (`ALIGN_SCALES`): the (left, top, right, bottom) trims, as fractions, of the place where
    their grey thumbnails correlate best, if that reaches `ALIGN_MIN_CORRELATION`; else None.
    Normalised cross-correlation over every offset, by FFT (scipy), on `ALIGN_EDGE` thumbnails."""
    from scipy.signal import fftconvolve

    scale = ALIGN_EDGE / max(ref.size)
    rw, rh = max(1, round(ref.width * scale)), max(1, round(ref.height * scale))
    big = _grey(ref, (rw, rh))
    # window sums of the reference and of its square, from integral images
    ii = np.pad(big.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    ii2 = np.pad((big * big).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    small = cand.copy()
    small.thumbnail((4 * ALIGN_EDGE, 4 * ALIGN_EDGE), Image.Resampling.BOX)
    aspect = cand.height / cand.width
    best: tuple[float, tuple[float, float, float, float]] | None = None
    for f in ALIGN_SCALES:
        tw = round(rw * f)
        th = round(tw * aspect)
        if th > rh * f + 0.5:
            th = round(rh * f)
            tw = round(th / aspect)
        if tw < 12 or th < 12 or tw > rw or th > rh:
            continue
        t = _grey(small, (tw, th))
        t = t - t.mean()
        norm = float(np.sqrt((t * t).sum()))
        if norm < 1e-6:
            return None  # a flat picture: nothing to place
        num = fftconvolve(big, t[::-1, ::-1], mode="valid")
        n = tw * th
        s1 = ii[th:, tw:] - ii[:-th, tw:] - ii[th:, :-tw] + ii[:-th, :-tw]
        s2 = ii2[th:, tw:] - ii2[:-th, tw:] - ii2[th:, :-tw] + ii2[:-th, :-tw]
        var = np.maximum(s2 - s1 * s1 / n, 0.0)
        # (a flat stretch of the reference correlates with nothing)
        ncc = np.where(var / n >= 4.0, num / (np.sqrt(var) * norm + 1e-9), -1.0)
        y, x = np.unravel_index(int(ncc.argmax()), ncc.shape)
        score = float(ncc[y, x])
        if best is None or score > best[0]:
            best = (score, (x / rw, y / rh, (rw - x - tw) / rw, (rh - y - th) / rh))
    if best is None or best[0] < ALIGN_MIN_CORRELATION:
        return None
    return best[1]


def cut_hashes(ref: Image.Image, trims: tuple[float, float, float, float]) -> CropHashes:
    """Hashes of the reference cut where `locate` placed a copy (with `ALIGN_MARGIN` around
    it, at the trims of `ALIGN_TRIMS`)."""
    w, h = ref.size
    left, top, right, bottom = (max(0.0, t - ALIGN_MARGIN) for t in trims)
    box = (round(w * left), round(h * top), w - round(w * right), h - round(h * bottom))
    return crop_hashes(ref.crop(box), ALIGN_TRIMS)


def colours_agree(ref: CropHashes, cand: CropHashes) -> np.ndarray:
    """(ref crops × candidate crops) bool: whether each crop pair's colours agree
    (`COLOUR_MAX`). All true when either image is grey or its colours are unknown."""
    shape = (ref.phash.shape[0], cand.phash.shape[0])
    if ref.colour is None or cand.colour is None:
        return np.ones(shape, dtype=bool)
    if min(_chroma(ref.colour[0]), _chroma(cand.colour[0])) < GREY_CHROMA:
        return np.ones(shape, dtype=bool)
    r, c = ref.colour[:, None, :, :], cand.colour[None, :, :, :]
    # a copy may be more or less saturated than the reference (a filter, a faded scan): scale
    # the reference's chroma to the copy's before comparing (least squares, within SATURATION)
    scale = (r * c).sum((-1, -2)) / np.maximum((r * r).sum((-1, -2)), 1e-6)
    scale = np.clip(scale, *SATURATION)[:, :, None, None]
    diff = np.linalg.norm(r * scale - c, axis=-1)
    return np.asarray(diff.mean(-1) <= COLOUR_MAX)


def layout_gaps(ref: CropHashes, cand: CropHashes) -> np.ndarray:
    """(ref crops × candidate crops): how far apart each crop pair's light and dark areas lie
    (mean difference of the normalised brightness grids); zeros when either is unknown."""
    if ref.luma is None or cand.luma is None:
        return np.zeros((ref.phash.shape[0], cand.phash.shape[0]), dtype=np.float32)
    return np.asarray(np.abs(ref.luma[:, None, :] - cand.luma[None, :, :]).mean(-1))


def layouts_agree(ref: CropHashes, cand: CropHashes) -> np.ndarray:
    """(ref crops × candidate crops) bool: whether each crop pair's light and dark areas lie
    alike (`LUMA_MAX`). All true when either's brightness grid is unknown."""
    return np.asarray(layout_gaps(ref, cand) <= LUMA_MAX)


def _chroma(cells: np.ndarray) -> float:
    return float(np.linalg.norm(cells, axis=-1).mean())


def best_pair(
    ref: CropHashes, cand: CropHashes, phash_max: int = PHASH_MAX, dhash_max: int = DHASH_MAX
) -> tuple[int, int]:
    """(pHash, dHash) distance of the crop pair that matches best: among pairs within both
    limits whose colours and light and dark areas agree, the one with the smallest sum; when
    none is, the smallest sum among the pairs that agree so — a pair in other colours or
    another layout is another picture however alike its grey hashes are — and (64, 64) when no
    pair agrees."""
    dp = (ref.phash[:, None, :] != cand.phash[None, :, :]).sum(-1)
    dd = (ref.dhash[:, None, :] != cand.dhash[None, :, :]).sum(-1)
    total = dp + dd
    gaps = layout_gaps(ref, cand)
    # a pair whose light and dark areas are only roughly alike must be close in its hashes too
    same = colours_agree(ref, cand) & (gaps <= LUMA_MAX) & (
        (gaps <= LUMA_CLOSE) | (total <= LUMA_CLOSE_BITS))
    if not same.any():
        return 64, 64
    ok = (dp <= phash_max) & (dd <= dhash_max) & same
    total = np.where(ok if ok.any() else same, total, np.iinfo(total.dtype).max)
    i = np.unravel_index(int(total.argmin()), total.shape)
    return int(dp[i]), int(dd[i])


def hash_confidence(d_phash: int, d_second: int) -> float:
    """Confidence that a hash match is a copy of the reference photo."""
    return round(max(0.5, 0.98 - 0.02 * (d_phash + d_second)), 2)


@dataclass(frozen=True)
class PhotoMatch:
    """A fetched image recognised as a photo of a consenting person."""

    person: str
    """Profile id of the person in the reference photo."""
    distance_phash: int | None
    """pHash Hamming distance of the best crop pair (None for a face match)."""
    distance_second: int | None
    """dHash Hamming distance of the same pair (None for a face match)."""
    method: str
    """"phash" (a copy of the reference picture) or "face" (the same face in another picture)."""
    reference: str = ""
    """Which reference photo matched, by reference: "photos[0]"."""
    face_distance: float | None = None
    """Euclidean distance of the 128-d face encodings, for a face match."""
    confidence: float = 0.0
    """0–1: how sure the match is."""
    cropped: bool = False
    """Whether the image is a deeper crop of the reference, found by `locate`."""


@dataclass(frozen=True)
class ReferencePhoto:
    """One reference photo of a person, hashed once per audit."""

    person: str
    """Profile id of the person it shows."""
    identifier: str
    """Its place in the profile: "photos[0]"."""
    hashes: CropHashes
    """Hashes of its 81 crops."""
    faces: tuple[np.ndarray, ...] = field(default=(), compare=False)
    """The 128-d encoding of its largest face (empty without the faces extra, or no face)."""
    picture: Image.Image | None = field(default=None, compare=False, repr=False)
    """The photo itself, at most `HASH_EDGE` pixels (in memory only, never cached): where a
    deeper crop of it is located and cut (`locate`); None when not at hand."""


class ReferencePhotos:
    """The profile's reference photos, hashed once, and the matcher that compares images to them.

    Thread-safe: `match` only reads; the optional face encoder serialises itself."""

    def __init__(
        self,
        photos: Sequence[ReferencePhoto] = (),
        skipped: Sequence[Skipped] = (),
        face_encoder: FaceEncoderLike | None = None,
        max_bytes: int = MAX_IMAGE_BYTES,
    ) -> None:
        self.photos = tuple(photos)
        """Reference photos that could be read."""
        self.skipped = tuple(skipped)
        """Reference photos that could not be read, as coverage entries."""
        self.face_encoder = face_encoder
        """Face encoder when face matching is on, else None."""
        self.max_bytes = max_bytes

    @classmethod
    def load(
        cls,
        profile: Profile,
        *,
        face_encoder: FaceEncoderLike | None = None,
        max_bytes: int = MAX_IMAGE_BYTES,
    ) -> ReferencePhotos:
        """Read and hash every consenting person's `photos` (and encode their faces when a face
        encoder is given). An unreadable photo becomes a `Skipped`, never an exception."""
        photos: list[ReferencePhoto] = []
        skipped: list[Skipped] = []
        for person in profile.people:
            for i, path in enumerate(profile.photo_paths(person)):
                ident = f"photos[{i}]"
                # The file name may hold a name: coverage names the photo by reference only.
                where = f"reference photo {ident} of {person.id}"
                try:
                    if path.stat().st_size > max_bytes:
                        raise UnreadableImage(f"larger than {max_bytes / 1e6:g} MB")
                    img = decode(path.read_bytes(), max_bytes=max_bytes)
                except UnreadableImage as e:
                    skipped.append(Skipped(where, f"not checked: unreadable image ({e.reason})",
                                           "images", person.id))
                    continue
                except OSError as e:
                    skipped.append(Skipped(where, f"not checked: cannot read the file "
                                                  f"({e.strerror or type(e).__name__})",
                                           "images", person.id))
                    continue
                encodings: tuple[np.ndarray, ...] = ()
                if face_encoder is not None:
                    # Only the largest face: a reference photo shows its person in front; other
                    # faces in it (a relative, a passer-by, a false detection) are not them.
                    try:
                        encodings = tuple(face_encoder.encodings(img.image)[:1])
                    except (RuntimeError, ValueError, MemoryError) as e:
                        # dlib raises RuntimeError on images it cannot handle: this photo is
                        # still matched by hash, and the report says its face was not.
                        skipped.append(Skipped(
                            where, f"face matching not checked: the face could not be encoded "
                                   f"({type(e).__name__})", "images", person.id))
                photos.append(ReferencePhoto(person.id, ident,
                                             crop_hashes(img.image, REF_TRIMS, squares=True),
                                             encodings, reduced(img.image)))
        return cls(photos, skipped, face_encoder, max_bytes)

    def __len__(self) -> int:
        return len(self.photos)

    @property
    def people(self) -> tuple[str, ...]:
        """Ids of the people who have at least one readable reference photo."""
        return tuple(dict.fromkeys(p.person for p in self.photos))

    def match(self, image_bytes: bytes) -> list[PhotoMatch]:
        """Decode `image_bytes` and compare it to every reference photo. Raises
        `UnreadableImage` when the bytes are not a readable image."""
        return self.match_image(decode(image_bytes, max_bytes=self.max_bytes))

    def match_image(self, img: DecodedImage) -> list[PhotoMatch]:
        """Matches of an already decoded image: at most one per person, best first."""
        if not self.photos:
            return []
        best: dict[str, PhotoMatch] = {}
        cand = crop_hashes(img.image, CAND_TRIMS)
        nearest: dict[str, int] = {}  # person → smallest pHash + dHash distance to their photos
        for ref in self.photos:
            dp, dd = best_pair(ref.hashes, cand)
            nearest[ref.person] = min(nearest.get(ref.person, 10**6), dp + dd)
            cropped = False
            if not (dp <= PHASH_MAX and dd <= DHASH_MAX) and ref.picture is not None:
                # a deeper crop than the grid reaches (a profile picture, a post's frame): find
                # where it lies in the reference, cut the reference there and hash again
                hit = locate(ref.picture, img.image)
                if hit is not None:
                    adp, add = best_pair(cut_hashes(ref.picture, hit), cand)
                    nearest[ref.person] = min(nearest[ref.person], adp + add)
                    if adp + add <= ALIGN_MAX_BITS:
                        dp, dd, cropped = adp, add, True
            if dp <= PHASH_MAX and dd <= DHASH_MAX:
                m = PhotoMatch(ref.person, dp, dd, "phash", ref.identifier,
                               confidence=hash_confidence(dp, dd), cropped=cropped)
                if ref.person not in best or m.confidence > best[ref.person].confidence:
                    best[ref.person] = m
        if best and len(nearest) > 1:
            # A copy is a copy of ONE person's photo: keep the closest person, and only when
            # the next person's photos are clearly farther (an image that resembles several
            # family photos alike — a similar portrait — is nobody's copy). Rule photo_margin.
            winner = min(best, key=lambda pid: (nearest[pid], pid))
            runner_up = min((d for pid, d in nearest.items() if pid != winner), default=10**6)
            if runner_up - nearest[winner] < PHOTO_MARGIN:
                best = {}
            else:
                best = {winner: best[winner]}
        if self.face_encoder is not None and any(r.faces for r in self.photos):
            for m in self._face_matches(img):
                if m.person not in best:  # a copy of the reference says more than a look-alike
                    best[m.person] = m
        return sorted(best.values(), key=lambda m: (-m.confidence, m.person))

    def _face_matches(self, img: DecodedImage) -> list[PhotoMatch]:
        from .faces import THRESHOLD, face_confidence

        assert self.face_encoder is not None
        found = self.face_encoder.encodings(img.image)
        out: dict[str, PhotoMatch] = {}
        for enc in found:
            for ref in self.photos:
                for ref_enc in ref.faces:
                    dist = float(np.linalg.norm(ref_enc - enc))
                    if dist > THRESHOLD:
                        continue
                    m = PhotoMatch(ref.person, None, None, "face", ref.identifier,
                                   face_distance=round(dist, 3),
                                   confidence=face_confidence(dist))
                    cur = out.get(ref.person)
                    if cur is None or (cur.face_distance or 1.0) > dist:
                        out[ref.person] = m
        return list(out.values())


class FaceEncoderLike(Protocol):
    """What the matcher needs from a face encoder (`faces.FaceEncoder`, or a fake in tests)."""

    def encodings(self, image: Image.Image) -> list[np.ndarray]:
        """128-d encodings of the faces found in an RGB image."""
        ...


# --- GPS tags ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeoTag:
    """Where (and when) a photo says it was taken."""

    lat: float
    """Latitude, decimal degrees, north positive."""
    lon: float
    """Longitude, decimal degrees, east positive."""
    altitude: float | None = None
    """Metres above sea level, when tagged."""
    taken_at: str | None = None
    """Capture time, ISO-8601 (with offset or Z when the file says), when tagged."""
    source: str = "exif"
    """"exif" or "xmp": which metadata block held the coordinates."""

    @property
    def value(self) -> str:
        """"lat,lon" with five decimals (about a metre)."""
        return f"{self.lat:.5f},{self.lon:.5f}"


_GPS_IFD = ExifTags.IFD.GPSInfo
_EXIF_IFD = ExifTags.IFD.Exif
_XMP_START = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?xmpmeta\b")
_XMP_END = re.compile(rb"</(?:[A-Za-z0-9_-]+:)?xmpmeta\s*>")
_XMP_MAX = 1_000_000
NS_EXIF = "http://ns.adobe.com/exif/1.0/"
NS_XMP = "http://ns.adobe.com/xap/1.0/"
NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"


@dataclass(frozen=True)
class GpsReading:
    """What the metadata of one image says about where it was taken."""

    tag: GeoTag | None
    """The position, when the image carries a readable one."""
    problem: str | None = None
    """Why a position the image declares could not be read ("the EXIF GPS block is
    unreadable"), or None. An image without GPS metadata has no problem: it has no position."""


def read_gps(image_bytes: bytes, *, max_bytes: int = MAX_IMAGE_BYTES) -> GeoTag | None:
    """The GPS position a photo carries (EXIF first, then XMP), or None. Never raises on bad
    input; `gps_of` also says when declared GPS metadata could not be read."""
    return gps_of(image_bytes, max_bytes=max_bytes).tag


def gps_of(image_bytes: bytes, *, max_bytes: int = MAX_IMAGE_BYTES) -> GpsReading:
    """The GPS position of a photo (EXIF first, then XMP) and, when the image declares GPS
    metadata that cannot be read, the reason: a damaged GPS block may still be read by another
    tool, so the images probe reports it as not checked instead of as "no position"."""
    if not image_bytes or len(image_bytes) > max_bytes:
        return GpsReading(None)
    tag, problem = _exif_gps(image_bytes)
    if tag is not None:
        return GpsReading(tag)
    xtag, xproblem = _xmp_gps(image_bytes)
    if xtag is not None:
        return GpsReading(xtag)
    return GpsReading(None, problem or xproblem)


_GPS_COORD_KEYS = (1, 2, 3, 4)
"""GPSLatitudeRef, GPSLatitude, GPSLongitudeRef, GPSLongitude."""


def _exif_gps(data: bytes) -> tuple[GeoTag | None, str | None]:
    try:
        with Image.open(io.BytesIO(data), formats=SAFE_FORMATS) as img:
            _check_size(img.size)
            exif = img.getexif()
            declared = _GPS_IFD in exif
            gps = dict(exif.get_ifd(_GPS_IFD))
            sub = dict(exif.get_ifd(_EXIF_IFD))
            ifd0_time = exif.get(0x0132)
    except (UnreadableImage, Image.DecompressionBombError, Image.DecompressionBombWarning,
            Image.UnidentifiedImageError):
        return None, None  # not an image we read: `decode` reports that on its own
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, KeyError,
            struct_error, ZeroDivisionError) as e:
        return None, f"the EXIF metadata is unreadable ({type(e).__name__})"
    if not gps:
        return None, ("the EXIF GPS block is unreadable" if declared else None)
    lat = _dms(gps.get(2), gps.get(1))
    lon = _dms(gps.get(4), gps.get(3))
    if lat is None or lon is None:
        # A GPS block without coordinates (a phone with location off keeps the time) is no
        # position; coordinates that are there but cannot be read are a problem.
        given = any(k in gps for k in _GPS_COORD_KEYS)
        return None, ("the EXIF GPS position is unreadable" if given else None)
    if not _plausible(lat, lon):
        out_of_range = not (-90 <= lat <= 90 and -180 <= lon <= 180)
        return None, ("the EXIF GPS position is out of range" if out_of_range else None)
    altitude = _num(gps.get(6))
    if altitude is not None and _ref(gps.get(5)) in ("1", "\x01"):
        altitude = -altitude
    taken = _exif_time(sub.get(0x9003), sub.get(0x9011)) or _gps_time(gps.get(29), gps.get(7)) \
        or _exif_time(ifd0_time, None)
    return GeoTag(round(lat, 7), round(lon, 7), altitude, taken, "exif"), None


def _num(v: object) -> float | None:
    """A number from an EXIF rational (IFDRational, tuple, float, "num/den")."""
    try:
        if isinstance(v, tuple) and len(v) == 2:
            return float(v[0]) / float(v[1])
        if isinstance(v, (bytes, str)):
            s = v.decode("ascii", "replace") if isinstance(v, bytes) else v
            if "/" in s:
                a, b = s.split("/", 1)
                return float(a) / float(b)
            return float(s)
        if v is None:
            return None
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return f if math.isfinite(f) else None


def _ref(v: object) -> str:
    if isinstance(v, bytes):
        v = v.decode("ascii", "replace")
    return str(v or "").strip("\x00 ").upper()


def _dms(value: object, ref: object) -> float | None:
    """Degrees from EXIF (degrees, minutes, seconds) rationals and an N/S/E/W reference."""
    if value is None:
        return None
    parts = list(value) if isinstance(value, (tuple, list)) else [value]
    nums = [_num(p) for p in parts[:3]]
    if not nums or any(n is None for n in nums):
        return None
    deg = sum(n / 60**i for i, n in enumerate(nums))  # type: ignore[operator]
    return -deg if _ref(ref) in ("S", "W") else deg


def _plausible(lat: float, lon: float) -> bool:
    # (0, 0) is what broken writers put in an empty GPS block, not a place in the Gulf of Guinea.
    return -90 <= lat <= 90 and -180 <= lon <= 180 and not (abs(lat) < 1e-6 and abs(lon) < 1e-6)


_EXIF_TIME = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


def _exif_time(value: object, offset: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    m = _EXIF_TIME.match(value.strip())
    if not m or m.group(1) == "0000":
        return None
    y, mo, d, h, mi, s = m.groups()
    iso = f"{y}-{mo}-{d}T{h}:{mi}:{s}"
    if isinstance(offset, str) and re.fullmatch(r"[+-]\d{2}:\d{2}", offset.strip()):
        iso += offset.strip()
    return iso


def _gps_time(date: object, time: object) -> str | None:
    if isinstance(date, bytes):
        date = date.decode("ascii", "replace")
    if not isinstance(date, str) or not re.fullmatch(r"\d{4}:\d{2}:\d{2}", date.strip("\x00 ")):
        return None
    iso = date.strip("\x00 ").replace(":", "-")
    if isinstance(time, (tuple, list)) and len(time) == 3:
        hms = [_num(x) for x in time]
        if all(x is not None for x in hms):
            h, m, s = (int(x) for x in hms)  # type: ignore[arg-type]
            return f"{iso}T{h:02d}:{m:02d}:{s:02d}Z"
    return iso


def _xmp_packet(data: bytes) -> bytes | None:
    m = _XMP_START.search(data)
    if not m:
        return None
    end = _XMP_END.search(data, m.start(), m.start() + _XMP_MAX)
    if not end:
        return None
    return data[m.start():end.end()]


def _xmp_gps(data: bytes) -> tuple[GeoTag | None, str | None]:
    packet = _xmp_packet(data)
    if packet is None:
        return None, None
    from lxml import etree

    # No entity expansion, no network, libxml2's amplification limits on: the packet is hostile.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False, load_dtd=False)
    unreadable = ("the XMP GPS position is unreadable" if b"GPSLatitude" in packet else None)
    try:
        root = etree.fromstring(packet, parser)
    except etree.XMLSyntaxError:
        return None, unreadable
    if root is None:
        return None, unreadable
    props: dict[tuple[str, str], str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        for k, v in el.attrib.items():
            qn = etree.QName(k)
            props.setdefault((qn.namespace or "", qn.localname), v)
        qn = etree.QName(el)
        if el.text and el.text.strip() and len(el) == 0:
            props.setdefault((qn.namespace or "", qn.localname), el.text.strip())
    raw_lat, raw_lon = props.get((NS_EXIF, "GPSLatitude")), props.get((NS_EXIF, "GPSLongitude"))
    lat, lon = _xmp_coord(raw_lat), _xmp_coord(raw_lon)
    if lat is None or lon is None:
        given = raw_lat is not None or raw_lon is not None
        return None, ("the XMP GPS position is unreadable" if given else None)
    if not _plausible(lat, lon):
        out_of_range = not (-90 <= lat <= 90 and -180 <= lon <= 180)
        return None, ("the XMP GPS position is out of range" if out_of_range else None)
    altitude = _num(props.get((NS_EXIF, "GPSAltitude")))
    if altitude is not None and props.get((NS_EXIF, "GPSAltitudeRef"), "0").strip() == "1":
        altitude = -altitude
    taken = None
    for key in ((NS_EXIF, "DateTimeOriginal"), (NS_PHOTOSHOP, "DateCreated"),
                (NS_XMP, "CreateDate"), (NS_EXIF, "GPSTimeStamp")):
        v = props.get(key)
        if v and re.match(r"^\d{4}-\d{2}-\d{2}", v):
            taken = v
            break
    return GeoTag(round(lat, 7), round(lon, 7), altitude, taken, "xmp"), None


_XMP_COORD = re.compile(
    r"^\s*(\d{1,3}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])?\s*$",
    re.I,
)


def _xmp_coord(v: str | None) -> float | None:
    """XMP GPS coordinate: "DDD,MM,SSk" or "DDD,MM.mmk" (k = N/S/E/W); signed decimals too."""
    if not v:
        return None
    v = v.strip()
    sign = 1.0
    if v.startswith("-"):
        sign, v = -1.0, v[1:]
    m = _XMP_COORD.match(v)
    if not m:
        return None
    deg = float(m.group(1)) + float(m.group(2) or 0) / 60 + float(m.group(3) or 0) / 3600
    if (m.group(4) or "").upper() in ("S", "W"):
        sign = -sign
    return sign * deg


# --- distance to the profile's addresses -------------------------------------------------------


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (mean Earth radius 6 371 008.8 m)."""
    r = 6_371_008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class NearAddress:
    """The profile address closest to a geotag."""

    person: str
    """Profile id of the person whose address it is (for an inherited home: the person asked)."""
    identifier: str
    """The address by reference: its label when unique ("home"), else "addresses[i]"."""
    label: str
    """The address label: home | secondary | previous | work."""
    distance_m: float
    """Great-circle distance from the geotag."""
    address: Address = field(compare=False, repr=False)
    """The address itself (secret; never logged)."""


def address_identifier(addresses: Sequence[Address], i: int) -> str:
    """How a finding refers to the i-th address: its label when no other address shares it."""
    label = addresses[i].label
    return label if sum(a.label == label for a in addresses) == 1 else f"addresses[{i}]"


def nearest_address(
    profile: Profile, person: Person, tag: GeoTag, *, current_only: bool = False
) -> NearAddress | None:
    """The closest of `person`'s addresses (own, or the inherited home) that has coordinates;
    with `current_only`, only home and secondary residences (what the rubric's 250 m is about)."""
    addrs = profile.matching_addresses(person)
    best: NearAddress | None = None
    for i, a in enumerate(addrs):
        if a.lat is None or a.lon is None or (current_only and not a.is_current):
            continue
        d = haversine_m(tag.lat, tag.lon, a.lat, a.lon)
        if best is None or d < best.distance_m:
            best = NearAddress(person.id, address_identifier(addrs, i), a.label, d, a)
    return best
