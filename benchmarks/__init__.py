"""Side-by-side benchmarks of our generic extractor and trafilatura.

Run ``python -m benchmarks --help``; results land in ``benchmarks/results/``.
"""
