"""Probe plugins: one module per kind of source. See `base.py` for the interface and `registry.py`
for how probes are found (entry-point group `footprint.probes`)."""
