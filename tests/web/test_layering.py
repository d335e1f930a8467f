"""The core never imports Flask: the executor, the checks and the SPARQL helpers run without a web stack."""

from __future__ import annotations

import subprocess
import sys

from webhelpers import PROJECT_ROOT

CORE = ["kg.executor", "kg.safety", "kg.sparql", "kg.queries", "kg.store", "kg.config", "kg.errors",
        "kg.web.service", "kg.web.negotiation", "kg.web.describe"]


def test_core_modules_do_not_import_flask() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE)
            + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug', 'jinja2'))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)
    assert out.stdout.strip() == ""


def test_importing_the_web_package_does_no_work() -> None:
    code = "import kg.web, kg.web.server, sys; print('kg.executor' in sys.modules and 'waitress' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)
    assert out.stdout.strip() == "False"
