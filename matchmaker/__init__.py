"""matchmaker: match regions' demand proposals to Seoul's inter-regional cooperation projects."""

__version__ = "0.1.0"
