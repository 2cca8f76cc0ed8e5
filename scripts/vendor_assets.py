"""Copy front-end assets from node_modules (installed from the npm registry by `make vendor`) into the
repository, with their licences and a provenance file. The copies are committed, so `make demo` needs no Node."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
STATIC = ROOT / "src" / "jeugdhulp" / "web" / "static" / "vendor"
TEST_VENDOR = ROOT / "tests" / "browser" / "vendor"

# package -> (destination folder, [files relative to the package])
ASSETS = {
    "@utrecht/component-library-css": (STATIC / "utrecht", ["dist/index.css", "LICENSE.md"]),
    "@utrecht/design-tokens": (STATIC / "utrecht-tokens", ["dist/theme.css", "LICENSE.md"]),
    "htmx.org": (STATIC / "htmx", ["dist/htmx.min.js", "LICENSE"]),
    # Charts of the monitor (Vega-Lite), each with its data table next to it
    "vega": (STATIC / "vega", ["build/vega.min.js", "LICENSE"]),
    "vega-lite": (STATIC / "vega-lite", ["build/vega-lite.min.js", "LICENSE"]),
    "vega-embed": (STATIC / "vega-embed", ["build/vega-embed.min.js", "LICENSE"]),
    "axe-core": (TEST_VENDOR / "axe-core", ["axe.min.js", "LICENSE"]),
}


def main() -> None:
    lines = [
        "# Vendored front-end assets",
        "",
        "Installed from the npm registry with `npm install` (see `package.json`, `package-lock.json`) and copied",
        "here by `make vendor` (`scripts/vendor_assets.py`). Nothing is loaded from a CDN at run time.",
        "",
        "| Package | Version | Licence | Files |",
        "|---|---|---|---|",
    ]
    for package, (dest, files) in ASSETS.items():
        src = NODE / package
        meta = json.loads((src / "package.json").read_text())
        dest.mkdir(parents=True, exist_ok=True)
        copied = []
        for rel in files:
            source = src / rel
            if not source.exists():
                continue
            shutil.copy2(source, dest / source.name)
            copied.append(source.name)
        lines.append(
            f"| `{package}` | {meta['version']} | {meta.get('license', '?')} | "
            f"`{dest.relative_to(ROOT)}/`: {', '.join(copied)} |"
        )
    (STATIC / "VENDORED.md").write_text("\n".join(lines) + "\n")
    (TEST_VENDOR / "VENDORED.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
