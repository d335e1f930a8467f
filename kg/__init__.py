"""diplomacy-kg: a knowledge graph of diplomatic events built from news articles."""

__version__ = "0.1.0"
