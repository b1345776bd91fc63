"""Vietnamese publishers (``-a publisher=vn`` crawls them all). One module each; see ``../base.py``."""
