"""The catalog: Seoul's projects and the shared reference data, loaded and indexed."""

from matchmaker.catalog.loader import Catalog, load_catalog

__all__ = ["Catalog", "load_catalog"]
