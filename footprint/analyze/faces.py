"""Optional face matching for the images probe (extra `footprint[faces]`): finds OTHER photos of a
reference face, where perceptual hashes only find copies of the same picture.

dlib is called directly (HOG frontal-face detector, 5-point landmarks, the 128-d ResNet encoder
shipped by `face_recognition_models`); the `face_recognition` wrapper is avoided because it
imports `pkg_resources`, which setuptools ≥ 81 no longer has. Two encodings closer than
`THRESHOLD` (Euclidean, 0.6: dlib's own operating point) are the same face. Measured by the
research notes and re-checked here: the same face after resize, crop, grayscale or a mirror is at
0.0–0.35, a different face at ≥ 0.75. dlib is trained mostly on adults: children's faces are less
reliable, so a face match is a lead for human review more than proof, and its confidence says so
(`face_confidence`: 0.9 at ≤ 0.35, falling to 0.45 at the threshold).

Cost: the HOG detector takes ~0.02 s on a 512² image without upsampling and ~0.1 s with one
upsampling (which finds faces down to ~40 px); an encoding ~0.09 s per face.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

THRESHOLD = 0.6
"""Largest encoding distance accepted as the same face."""
INSTALL_HINT = ("face matching not available: install it with `bash scripts/setup.sh --faces` "
                "in footprint's folder")
"""The coverage line shown when the extra is missing."""
UPSAMPLE_BELOW = 700
"""Images whose longest edge is below this are upsampled once before detection (small faces)."""
MAX_FACES = 12
"""Faces encoded per image at most: a crowd photo should not stall the audit."""

_MODELS = ("shape_predictor_5_face_landmarks.dat", "dlib_face_recognition_resnet_model_v1.dat")


def models_dir() -> Path | None:
    """The folder holding dlib's model files, from the `face_recognition_models` package."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "models"


def available() -> tuple[bool, str]:
    """(True, "dlib <version>") when face matching can run, else (False, why)."""
    if importlib.util.find_spec("dlib") is None:
        return False, INSTALL_HINT
    folder = models_dir()
    if folder is None or not all((folder / m).is_file() for m in _MODELS):
        return False, INSTALL_HINT + " (face_recognition_models is missing)"
    try:
        import dlib
    except ImportError as e:  # a wheel for another platform, a missing shared library
        return False, f"face matching not available: dlib cannot be loaded ({type(e).__name__})"
    return True, f"dlib {getattr(dlib, '__version__', '?')}"


def face_confidence(distance: float) -> float:
    """Confidence that two encodings at `distance` are the same person."""
    return round(min(0.9, max(0.3, 0.9 - (distance - 0.35) * 1.8)), 2)


class FaceEncoder:
    """Detects faces in an image and encodes each as a 128-d vector. One per audit; thread-safe
    (dlib's objects are not documented as re-entrant, so calls are serialised)."""

    def __init__(self) -> None:
        ok, why = available()
        if not ok:
            raise RuntimeError(why)
        import dlib

        folder = models_dir()
        assert folder is not None
        self._detector: Any = dlib.get_frontal_face_detector()
        self._landmarks: Any = dlib.shape_predictor(str(folder / _MODELS[0]))
        self._encoder: Any = dlib.face_recognition_model_v1(str(folder / _MODELS[1]))
        self._lock = threading.Lock()

    def encodings(self, image: Image.Image) -> list[np.ndarray]:
        """128-d encodings of the faces in an RGB image, largest face first."""
        arr = np.asarray(image.convert("RGB"))
        upsample = 1 if max(image.size) < UPSAMPLE_BELOW else 0
        with self._lock:
            boxes = list(self._detector(arr, upsample))
            boxes.sort(key=lambda r: -(r.width() * r.height()))
            out = []
            for box in boxes[:MAX_FACES]:
                shape = self._landmarks(arr, box)
                out.append(np.array(self._encoder.compute_face_descriptor(arr, shape, 1)))
        return out
