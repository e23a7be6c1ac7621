"""Benchmark: how far perceptual-hash distances move under the edits a re-posted photo goes through,
and how close different pictures come — the measurements behind the thresholds in
`footprint/analyze/images.py`. Also times reference loading and matching.

    .venv/bin/python benchmarks/photos.py [--scenes 16] [--photos DIR] [--out FILE]

Scenes are drawn with Pillow from fixed seeds (deterministic, no data files): outdoor scenes with a
horizon and a standing figure, and head-and-shoulders portraits, each in several palettes. "Different
image, similar" means a scene of the same kind and palette drawn from another seed: same colours,
same layout, different details — the hardest negatives a hash sees. `--photos DIR` adds every
JPEG/PNG in DIR as further references (real photographs make the "different image" row honest;
the recorded run used the 25 sample photographs shipped inside the scikit-image wheel:
`pip download scikit-image --no-deps` and unzip `skimage/data/*`).
Every image goes through the module's real path: encoded bytes → `decode` → `crop_hashes` →
`best_pair`, the same code the probe runs.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint.analyze.images import (  # noqa: E402
    ALIGN_EDGE,
    ALIGN_MAX_BITS,
    ALIGN_MIN_CORRELATION,
    ALIGN_SCALES,
    CAND_TRIMS,
    COLOUR_MAX,
    DHASH_MAX,
    GREY_CHROMA,
    LUMA_MAX,
    PHASH_MAX,
    REF_TRIMS,
    SATURATION,
    ReferencePhoto,
    ReferencePhotos,
    best_pair,
    crop_hashes,
    decode,
    reduced,
)

PALETTES = {
    "coast": [(135, 190, 235), (250, 235, 200), (30, 90, 160), (200, 160, 110), (240, 240, 240),
              (60, 60, 60)],
    "forest": [(120, 160, 110), (40, 80, 40), (150, 120, 80), (200, 210, 190), (90, 60, 40),
               (230, 220, 180)],
    "dusk": [(250, 170, 110), (120, 160, 210), (88, 110, 80), (230, 190, 160), (40, 40, 60),
             (200, 40, 50)],
    "studio": [(58, 74, 104), (24, 30, 46), (232, 190, 160), (150, 96, 70), (18, 18, 22),
               (240, 240, 240)],
}


def _backdrop(pal: list[tuple[int, int, int]], size: tuple[int, int]) -> Image.Image:
    w, h = size
    t = np.linspace(0, 1, h)[:, None, None]
    arr = np.array(pal[0], np.float32) * (1 - t) + np.array(pal[1], np.float32) * t
    return Image.fromarray(np.broadcast_to(arr, (h, w, 3)).astype(np.uint8))


def outdoor(seed: int, palette: str, size: tuple[int, int] = (800, 600), shift: float = 0.0
            ) -> Image.Image:
    """A horizon, random shapes and a standing figure. `shift` moves the figure only (a burst
    shot of the same scene)."""
    rnd = random.Random(seed)
    pal = PALETTES[palette]
    w, h = size
    img = _backdrop(pal, size)
    d = ImageDraw.Draw(img)
    d.rectangle([0, int(h * rnd.uniform(0.45, 0.65)), w, h], fill=pal[2])
    for _ in range(25):
        c = rnd.choice(pal)
        x, y, r = rnd.randrange(w), rnd.randrange(h), rnd.randrange(10, w // 6)
        k = rnd.random()
        if k < 0.4:
            d.ellipse([x - r, y - r // 2, x + r, y + r // 2], fill=c)
        elif k < 0.7:
            d.rectangle([x, y, x + r, y + r // 3], fill=c)
        else:
            d.polygon([(x, y), (x + r, y + rnd.randrange(-r, r)), (x + rnd.randrange(-r, r), y + r)],
                      fill=c)
    fx = int(w * (rnd.uniform(0.3, 0.7) + shift))
    fy = h * rnd.uniform(0.25, 0.35)
    d.ellipse([fx - 40, fy - 40, fx + 40, fy + 40], fill=pal[3])
    d.rectangle([fx - 60, fy + 40, fx + 60, h * 0.85], fill=pal[5])
    return _grain(img.filter(ImageFilter.GaussianBlur(2)), seed)


def portrait(seed: int, palette: str, size: tuple[int, int] = (480, 600), shift: float = 0.0
             ) -> Image.Image:
    """A head-and-shoulders portrait against a backdrop: a different sitter for every seed
    (position, head size, hair, props), in the palette's colours — the composition of an
    official portrait series. `shift` moves the sitter only (a second shot of the same sitting)."""
    rnd = random.Random(seed)
    pal = PALETTES[palette]
    w, h = size
    img = _backdrop(pal, size)
    d = ImageDraw.Draw(img)
    prop = rnd.choice(("flag", "books", "seal", "plain"))
    if prop == "flag":
        x = rnd.choice((20, w - 120))
        d.rectangle([x, 0, x + 6, h], fill=pal[3])
        for i in range(9):
            d.polygon([(x + 7, 40 + i * 38), (x + 100, 55 + i * 38), (x + 100, 74 + i * 38),
                       (x + 7, 59 + i * 38)], fill=pal[5] if i % 2 else pal[4])
    elif prop == "books":
        x = 0
        while x < w:
            bw = rnd.randint(14, 30)
            d.rectangle([x, 40 + rnd.randint(0, 30), x + bw - 2, 220], fill=rnd.choice(pal))
            x += bw
    elif prop == "seal":
        sx = rnd.randrange(w - 230, w - 20)
        d.ellipse([sx - 200, 30, sx, 230], outline=pal[3], width=10)
    s = rnd.uniform(0.8, 1.2)
    cx = int(w * (0.5 + rnd.uniform(-0.15, 0.15) + shift))
    top = int(rnd.uniform(100, 170))
    skin, hair, clothes = rnd.sample([pal[2], pal[3], pal[4], pal[5]], 3)

    def sc(v: float) -> int:
        return int(v * s)

    d.ellipse([cx - sc(230), top + sc(310), cx + sc(230), top + sc(680)], fill=clothes)
    d.polygon([(cx - sc(50), top + sc(310)), (cx + sc(50), top + sc(310)),
               (cx, top + sc(420))], fill=rnd.choice(pal))
    d.rectangle([cx - sc(38), top + sc(210), cx + sc(38), top + sc(330)], fill=skin)
    style = rnd.choice(("bob", "long", "short", "bald"))
    if style in ("bob", "long"):
        drop = sc(350) if style == "long" else sc(260)
        d.rounded_rectangle([cx - sc(118), top, cx + sc(118), top + drop], radius=sc(70),
                            fill=hair)
    d.ellipse([cx - sc(92), top + sc(20), cx + sc(92), top + sc(260)], fill=skin)
    if style != "bald":
        d.chord([cx - sc(108), top - sc(10), cx + sc(108), top + sc(rnd.uniform(120, 190))],
                180, 360, fill=hair)
    ey = top + sc(130)
    for ex in (cx - sc(38), cx + sc(38)):
        d.ellipse([ex - sc(13), ey - sc(7), ex + sc(13), ey + sc(7)], fill=(250, 250, 250))
        d.ellipse([ex - sc(6), ey - sc(6), ex + sc(6), ey + sc(6)], fill=(70, 60, 50))
    d.arc([cx - sc(40), ey + sc(50), cx + sc(40), ey + sc(95)], 20, 160, fill=(160, 70, 70),
          width=6)
    return _grain(img.filter(ImageFilter.GaussianBlur(1.2)), seed)


def _grain(img: Image.Image, seed: int) -> Image.Image:
    noise = np.random.default_rng(seed).normal(0, 6, (img.height, img.width, 3))
    return Image.fromarray(np.clip(np.asarray(img, np.float32) + noise, 0, 255).astype(np.uint8))


def encode(img: Image.Image, fmt: str = "JPEG", quality: int = 90) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.convert("RGB").save(buf, "JPEG", quality=quality)
    else:
        img.save(buf, fmt)
    return buf.getvalue()


def crop(img: Image.Image, frac: float, where: str) -> Image.Image:
    w, h = img.size
    dx, dy = round(w * frac), round(h * frac)
    boxes = {
        "centre": (dx // 2, dy // 2, w - (dx - dx // 2), h - (dy - dy // 2)),
        "side": (dx, 0, w, h),
        "corner": (dx, dy, w, h),
    }
    return img.crop(boxes[where])


def transforms() -> dict[str, Callable[[Image.Image], bytes]]:
    """Edits of the reference, as the bytes a site would serve."""
    t: dict[str, Callable[[Image.Image], bytes]] = {}
    for s in (25, 50):
        t[f"resize {s} %"] = lambda im, s=s: encode(
            im.resize((im.width * s // 100, im.height * s // 100), Image.Resampling.LANCZOS))
    for q in (20, 40):
        t[f"JPEG quality {q}"] = lambda im, q=q: encode(im, quality=q)
    t["grayscale"] = lambda im: encode(im.convert("L"), "PNG")
    for f in (3, 5, 8, 10):
        for where in ("side", "corner", "centre"):
            t[f"crop {f} % ({where})"] = lambda im, f=f, w=where: encode(crop(im, f / 100, w))
    t["crop 5 % + resize 40 % + JPEG q25"] = lambda im: encode(
        crop(im, 0.05, "corner").resize((im.width * 2 // 5, im.height * 2 // 5)), quality=25)
    t["square profile picture (upper middle, 260 px)"] = lambda im: encode(_square_pic(im))
    t["warm cast (red × 1.08, blue × 0.92)"] = lambda im: encode(_channels(im, 1.08, 1.0, 0.92))
    t["saturation + 40 %"] = lambda im: encode(ImageEnhance.Color(im.convert("RGB")).enhance(1.4))
    t["saturation − 50 %"] = lambda im: encode(ImageEnhance.Color(im.convert("RGB")).enhance(0.5))
    t["brightness and contrast + 15 %"] = lambda im: encode(ImageEnhance.Contrast(
        ImageEnhance.Brightness(im.convert("RGB")).enhance(1.15)).enhance(1.15))
    t["mirrored (not expected to match)"] = lambda im: encode(
        im.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    t["hue turned 90° (not expected to match)"] = lambda im: encode(_hue(im, 64))
    return t


def _square_pic(im: Image.Image) -> Image.Image:
    """An avatar: the square cut a third of the way along the long side, at 260 × 260."""
    w, h = im.size
    side = min(w, h)
    x, y = (w - side) // 3, (h - side) // 3
    return im.crop((x, y, x + side, y + side)).resize((260, 260), Image.Resampling.LANCZOS)


def _channels(im: Image.Image, r: float, g: float, b: float) -> Image.Image:
    arr = np.asarray(im.convert("RGB"), np.float32) * np.array([r, g, b], np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _hue(im: Image.Image, turn: int) -> Image.Image:
    """The same drawing in other colours: hue turned by `turn`/256 of the circle."""
    h, s_, v = im.convert("RGB").convert("HSV").split()
    h = h.point(lambda x: (x + turn) % 256)
    return Image.merge("HSV", (h, s_, v)).convert("RGB")


def colour_gap(ref, cand) -> float | None:  # type: ignore[no-untyped-def]
    """Mean chroma distance (the module's colour test) of the crop pair whose GREY hashes match
    best, and None when either image is grey (`GREY_CHROMA`: colours not compared)."""
    if ref.colour is None or cand.colour is None:
        return None
    chroma = [float(np.linalg.norm(c[0], axis=-1).mean()) for c in (ref.colour, cand.colour)]
    if min(chroma) < GREY_CHROMA:
        return None
    dp = (ref.phash[:, None, :] != cand.phash[None, :, :]).sum(-1)
    dd = (ref.dhash[:, None, :] != cand.dhash[None, :, :]).sum(-1)
    total = dp + dd
    ok = (dp <= PHASH_MAX) & (dd <= DHASH_MAX)
    if ok.any():
        total = np.where(ok, total, 10**6)
    i, j = np.unravel_index(int(total.argmin()), total.shape)
    r, c = ref.colour[i], cand.colour[j]
    k = float(np.clip((r * c).sum() / max(float((r * r).sum()), 1e-6), *SATURATION))
    return float(np.linalg.norm(r * k - c, axis=-1).mean())


def hashes_of(data: bytes, trims: tuple[float, ...]):  # type: ignore[no-untyped-def]
    # references get their square crops too, as ReferencePhotos.load hashes them
    return crop_hashes(decode(data).image, trims, squares=trims == REF_TRIMS)


def single(data_a: bytes, data_b: bytes) -> tuple[int, int]:
    """Plain pHash/dHash distance of the whole images (no crop grid), for comparison."""
    a, b = decode(data_a).image, decode(data_b).image
    return (imagehash.phash(a) - imagehash.phash(b), imagehash.dhash(a) - imagehash.dhash(b))


ALTERNATIVES = ((6, 6), (8, 8), (10, 10), (12, 12))
"""Other (pHash, dHash) limits whose match counts are shown next to the module's."""


def measure(ref, cand) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Best crop pair under the module's limits and under each alternative, and the colour gap
    of the best grey pair (key "colour")."""
    out: dict = {(PHASH_MAX, DHASH_MAX): best_pair(ref, cand)}  # type: ignore[type-arg]
    for lim in ALTERNATIVES:
        out[lim] = best_pair(ref, cand, *lim)
    out["colour"] = colour_gap(ref, cand)
    return out


def row(name: str, got: list[dict[tuple[int, int], tuple[int, int]]],
        plain: list[tuple[int, int]]) -> str:
    pairs = [g[(PHASH_MAX, DHASH_MAX)] for g in got]
    ps, ds = [p for p, _ in pairs], [d for _, d in pairs]
    sums = [p + d for p, d in pairs]
    pp = [p for p, _ in plain]
    counts = []
    for lim in ALTERNATIVES:
        n = sum(g[lim][0] <= lim[0] and g[lim][1] <= lim[1] for g in got)
        cell = f"{n}/{len(got)}"
        counts.append(f"**{cell}**" if lim == (PHASH_MAX, DHASH_MAX) else cell)
    gaps = [g["colour"] for g in got if g["colour"] is not None]
    gap = (f"{min(gaps):.1f}–{max(gaps):.1f} (med {statistics.median(gaps):.1f}; "
           f"{len(got) - len(gaps)} grey)" if gaps else f"— ({len(got)} grey)")
    return (f"| {name} | {len(got)} | {min(ps)}–{max(ps)} (med {statistics.median(ps):g}) | "
            f"{min(ds)}–{max(ds)} (med {statistics.median(ds):g}) | {min(sums)}–{max(sums)} | "
            f"{min(pp)}–{max(pp)} | {gap} | " + " | ".join(counts) + " |")


DEEP_CUTS = {
    "right part, 60 % of the width": ((0.4, 0.0, 1.0, 1.0), 288),
    "off-centre, 70 % of the height": ((0.12, 0.18, 0.645, 0.88), 200),
    "three quarters, lower left": ((0.0, 0.25, 0.75, 1.0), 240),
    "the middle half": ((0.25, 0.25, 0.75, 0.75), 320),
    "85 %, upper right, JPEG q40": ((0.15, 0.0, 1.0, 0.85), 400),
}
"""Crops deeper than the crop grid reaches, as (left, top, right, bottom) fractions kept and the
width served (the cut's own proportions kept)."""


def _cut(im: Image.Image, box: tuple[float, float, float, float], width: int) -> Image.Image:
    w, h = im.size
    part = im.crop((round(w * box[0]), round(h * box[1]), round(w * box[2]), round(h * box[3])))
    return part.resize((width, max(1, round(width * part.height / part.width))),
                       Image.Resampling.LANCZOS)


def deep_crop_section(refs: list[tuple[str, Image.Image, Callable[..., Image.Image] | None]]
                      ) -> list[str]:
    """End to end through `ReferencePhotos.match_image`: each reference's deeper crops (found
    only by `locate`), and the same cuts of every other reference and of the drawn look-alikes
    (same kind and palette): how many match, and the CPU time per candidate."""
    found: dict[str, list[bool]] = {k: [] for k in DEEP_CUTS}
    wrong: dict[str, list[bool]] = {"other reference, same cuts": [],
                                    "look-alike (same kind and palette), same cuts": []}
    cpu: list[float] = []
    pairs: list[str] = []
    for r_i, (name, ref, similar) in enumerate(refs):
        img = decode(encode(ref, quality=92)).image
        one = ReferencePhotos([ReferencePhoto("ref", "photos[0]",
                                              crop_hashes(img, REF_TRIMS, squares=True), (),
                                              reduced(img))])
        for label, (box, width) in DEEP_CUTS.items():
            q = 40 if "q40" in label else 85
            t0 = time.process_time()
            got = one.match_image(decode(encode(_cut(ref, box, width), quality=q)))
            cpu.append(time.process_time() - t0)
            found[label].append(bool(got))
        others = [(n, o) for o_i, (n, o, _s) in enumerate(refs) if o_i != r_i]
        if similar is not None:
            others_sim = [("look-alike", similar(20_000 * (j + 1) + r_i)) for j in range(3)]
        else:
            others_sim = []
        for key, pics in (("other reference, same cuts", others),
                          ("look-alike (same kind and palette), same cuts", others_sim)):
            for o_name, o in pics:
                for label, (box, width) in DEEP_CUTS.items():
                    t0 = time.process_time()
                    got = one.match_image(decode(encode(_cut(o, box, width), quality=85)))
                    cpu.append(time.process_time() - t0)
                    wrong[key].append(bool(got))
                    if got:
                        pairs.append(f"{name} ~ {o_name} ({label})")
    out = ["## Deeper crops", "",
           f"A copy cut deeper than the crop grid reaches is located in the reference (grey "
           f"thumbnails of {ALIGN_EDGE} px, normalised cross-correlation ≥ "
           f"{ALIGN_MIN_CORRELATION:g} over {len(ALIGN_SCALES)} scales), the reference is cut "
           f"there and hashed again, and the pair must be within {ALIGN_MAX_BITS} bits (pHash + "
           "dHash) with agreeing colours and light and dark areas. Measured end to end "
           "(`ReferencePhotos.match_image`).", "",
           "| candidate | n | matched |", "|---|---|---|"]
    out += [f"| {k} | {len(v)} | {sum(v)}/{len(v)} |" for k, v in found.items()]
    out += [f"| {k} (not expected to match) | {len(v)} | {sum(v)}/{len(v)} |"
            for k, v in wrong.items()]
    out += ["", "Cuts of other pictures that matched: "
            + ("; ".join(pairs) if pairs else "none") + "."]
    out += ["", f"CPU time per candidate, the crop search included: "
                f"{statistics.median(cpu) * 1000:.0f} ms median (process time)."]
    return out


def face_section(real: list[tuple[str, Image.Image]]) -> list[str]:
    """Face-encoding distances between the largest face of each real photo and the faces found
    in its edited copies (same person) and in the other photos (different people)."""
    from footprint.analyze import faces

    ok, why = faces.available()
    if not ok:
        return ["## Faces", "", f"Not measured: {why}."]
    enc = faces.FaceEncoder()
    edits = {
        "resize 50 %": lambda im: im.resize((im.width // 2, im.height // 2)),
        "JPEG quality 20": lambda im: decode(encode(im, quality=20)).image,
        "grayscale": lambda im: im.convert("L").convert("RGB"),
        "crop 10 % (corner)": lambda im: crop(im, 0.10, "corner"),
        "mirrored": lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    }
    out = ["## Faces", "",
           f"dlib HOG detector + 5-point landmarks + ResNet encoder ({why}); threshold "
           f"{faces.THRESHOLD}. Distance from the largest face of each photo to the nearest face "
           "found in the edited copy; 'other faces' are every other face detected in the photo "
           "set (including false detections).", "",
           "| photo | edit | distance | faces found | time |", "|---|---|---|---|---|"]
    refs: dict[str, np.ndarray] = {}
    for name, im in real:
        t0 = time.perf_counter()
        found = enc.encodings(decode(encode(im, quality=92)).image)
        if not found:
            continue
        refs[name] = found[0]
        out.append(f"| {name} | original | 0 | {len(found)} | "
                   f"{(time.perf_counter() - t0) * 1000:.0f} ms |")
        for label, edit in edits.items():
            t0 = time.perf_counter()
            got = enc.encodings(decode(encode(edit(im), quality=90)).image)
            dist = min((float(np.linalg.norm(g - found[0])) for g in got), default=float("nan"))
            out.append(f"| {name} | {label} | {dist:.3f} | {len(got)} | "
                       f"{(time.perf_counter() - t0) * 1000:.0f} ms |")
    others = []
    for name, im in real:
        for g in enc.encodings(decode(encode(im, quality=92)).image)[1:] if name in refs else \
                enc.encodings(decode(encode(im, quality=92)).image):
            others += [float(np.linalg.norm(g - r)) for r in refs.values()]
    out += ["", f"Other faces: {len(others)} distances, min "
            + (f"{min(others):.3f}" if others else "n/a") + "."]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenes", type=int, default=16, help="drawn reference scenes (default 16)")
    ap.add_argument("--photos", type=Path, help="folder of real JPEG/PNG photos to add")
    ap.add_argument("--out", type=Path, help="write the Markdown table here")
    ap.add_argument("--faces", action="store_true",
                    help="also measure face-encoding distances (needs footprint[faces] and "
                         "--photos with at least one face)")
    args = ap.parse_args(argv)

    kinds = [("outdoor", outdoor), ("portrait", portrait)]
    pals = list(PALETTES)
    refs: list[tuple[str, Image.Image, Callable[..., Image.Image] | None]] = []
    for i in range(args.scenes):
        kind, draw = kinds[i % 2]
        pal = pals[(i // 2) % len(pals)]
        refs.append((f"{kind}/{pal}/{i}", draw(i, pal),
                     lambda seed, shift=0.0, draw=draw, pal=pal: draw(seed, pal, shift=shift)))
    real: list[tuple[str, Image.Image]] = []
    if args.photos:
        for p in sorted(args.photos.iterdir()):
            if p.suffix.lower() in (".jpg", ".jpeg", ".png"):
                im = Image.open(p).convert("RGB")
                if min(im.size) >= 128:
                    real.append((p.name, im))
        refs += [(n, im, None) for n, im in real]

    results: dict[str, list[dict[tuple[int, int], tuple[int, int]]]] = {}
    matched_pairs: list[str] = []
    plain: dict[str, list[tuple[int, int]]] = {}
    ref_times, match_times = [], []
    tf = transforms()
    for r_i, (name, ref, similar) in enumerate(refs):
        ref_bytes = encode(ref, quality=92)
        t0 = time.perf_counter()
        rh = hashes_of(ref_bytes, REF_TRIMS)
        ref_times.append(time.perf_counter() - t0)
        cands: list[tuple[str, bytes]] = [(k, f(ref)) for k, f in tf.items()]
        # The reference is itself a tighter crop of the published picture (a court's file copy).
        for f in (5, 8):
            cands.append((f"reference is a {f} % crop of it", ref_bytes))
        for label, data in cands:
            rr = rh
            if label.startswith("reference is a"):
                frac = int(label.split()[3]) / 100
                small = encode(crop(ref, frac, "corner"), quality=92)
                rr = hashes_of(small, REF_TRIMS)
                plain.setdefault(label, []).append(single(small, data))
            else:
                plain.setdefault(label, []).append(single(ref_bytes, data))
            t0 = time.perf_counter()
            ch = hashes_of(data, CAND_TRIMS)
            results.setdefault(label, []).append(measure(rr, ch))
            match_times.append(time.perf_counter() - t0)
        if similar is not None:
            results.setdefault("same scene, subject moved 5 % (burst shot)", []).append(
                measure(rh, hashes_of(encode(similar(r_i, 0.05), quality=85), CAND_TRIMS)))
            plain.setdefault("same scene, subject moved 5 % (burst shot)", []).append(
                single(ref_bytes, encode(similar(r_i, 0.05), quality=85)))
            for j in range(6):
                other = encode(similar(10_000 * (j + 1) + r_i), quality=85)
                results.setdefault("different image, same kind and palette", []).append(
                    measure(rh, hashes_of(other, CAND_TRIMS)))
                plain.setdefault("different image, same kind and palette", []).append(
                    single(ref_bytes, other))
            label = "same drawing, another palette (not expected to match)"
            draw = outdoor if name.startswith("outdoor/") else portrait
            for pal in (p for p in PALETTES if p != name.split("/")[1]):
                recol = encode(draw(r_i, pal), quality=85)
                results.setdefault(label, []).append(measure(rh, hashes_of(recol, CAND_TRIMS)))
                plain.setdefault(label, []).append(single(ref_bytes, recol))
        # every other reference is a different picture too
        for o_i, (_, other_im, _) in enumerate(refs):
            if o_i == r_i:
                continue
            other = encode(other_im, quality=85)
            label = ("different real photo" if similar is None and refs[o_i][2] is None
                     else "different image, any")
            got = measure(rh, hashes_of(other, CAND_TRIMS))
            results.setdefault(label, []).append(got)
            p, d = got[(PHASH_MAX, DHASH_MAX)]
            if p <= PHASH_MAX and d <= DHASH_MAX and o_i > r_i:
                matched_pairs.append(f"{name} ~ {refs[o_i][0]} (pHash {p}, dHash {d})")
            plain.setdefault(label, []).append(single(ref_bytes, other))

    lines = [
        "# Photo matching: measured hash distances",
        "",
        "Command: `.venv/bin/python benchmarks/photos.py"
        + (f" --scenes {args.scenes}" if args.scenes != 16 else "")
        + (" --photos DIR" if args.photos else "") + (" --faces" if args.faces else "") + "`"
        + (f" ({len(real)} real photos in DIR)" if args.photos else ""),
        "",
        f"References: {args.scenes} drawn scenes (outdoor and portrait, {len(PALETTES)} palettes)"
        + (f" + {len(real)} real photographs ({', '.join(n for n, _ in real)})" if real else "")
        + f". Reference crops: trims {REF_TRIMS} per side (81); candidate crops: trims "
        f"{CAND_TRIMS} per side (16). Distances are Hamming bits of 64 for the best crop pair; "
        f"'plain pHash' is the whole-image distance without crops. Match rule: pHash ≤ {PHASH_MAX} "
        f"and dHash ≤ {DHASH_MAX} for some crop pair whose colours agree (mean chroma distance "
        f"over a 4 × 4 grid ≤ {COLOUR_MAX:g}; not compared when either image is grey, chroma < "
        f"{GREY_CHROMA:g}) and whose light and dark areas lie alike (mean distance of the "
        f"brightness grids, each less its mean and over its spread, ≤ {LUMA_MAX:g}). 'colour "
        "gap' is the colour distance for the best grey-hash pair: the matched counts include "
        "both tests.",
        "",
        "| candidate | n | pHash (best pair) | dHash (best pair) | pHash+dHash "
        "| plain pHash | colour gap | " + " | ".join(f"matched ≤{a}/{b}" for a, b in ALTERNATIVES)
        + " |",
        "|---|---|---|---|---|---|---|" + "---|" * len(ALTERNATIVES),
    ]
    for k, v in results.items():
        lines.append(row(k, v, plain[k]))
    lines += [
        "",
        "Pairs of different references that matched under the module's limits: "
        + ("; ".join(matched_pairs) if matched_pairs else "none") + ".",
        "",
        f"Time: hashing a reference photo (81 crops, and 48 square ones when it is oblong) "
        f"{statistics.median(ref_times) * 1000:.0f} ms "
        f"median; matching a candidate (decode + 16 crops + compare) "
        f"{statistics.median(match_times) * 1000:.0f} ms median (shared 2-core machine).",
    ]
    lines += ["", *deep_crop_section(refs)]
    if args.faces:
        lines += ["", *face_section(real)]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
