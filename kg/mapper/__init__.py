"""The mapper: one article's text → :class:`kg.facts.ArticleFacts`, every fact traced to its sentence.

Stages (each a small pure function over the previous stage's output): ``text`` (noise, sentences) →
``mentions`` → ``coref`` → ``meetings`` → ``agreements`` → ``statements``, wired by ``pipeline``.
Reference data and trigger lists live in ``kg/data/*.yaml``.
"""

from __future__ import annotations

from kg.mapper.pipeline import map_article

MAPPER_VERSION = "0.1.0"

__all__ = ["MAPPER_VERSION", "map_article"]
