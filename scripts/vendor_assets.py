"""Copy front-end assets from node_modules (installed from the npm registry by `make vendor`) into the
repository, with their licences and a provenance file. The copies are committed, so `make demo` needs no Node.

Then build ``jeugdhulp/utrecht.css``: only the NL Design System (Utrecht) rules and design tokens that the
templates use (a page would otherwise download ~500 KB of CSS it never applies). Rebuild it after using a new
``utrecht-*`` class: ``python scripts/vendor_assets.py --css`` (no Node needed; a test says when it is stale).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
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
    # Evaluates Vega expressions without the Function constructor, so the charts run under a CSP without
    # 'unsafe-eval'. Shipped as an ES module only: wrapped into a classic script below (``_als_script``).
    "vega-interpreter": (STATIC / "vega-interpreter", ["build/vega-interpreter.js", "LICENSE"]),
    "axe-core": (TEST_VENDOR / "axe-core", ["axe.min.js", "LICENSE"]),
}


SRC = ROOT / "src" / "jeugdhulp"
SUBSET = ROOT / "src" / "jeugdhulp" / "web" / "static" / "jeugdhulp" / "utrecht.css"
OWN_CSS = [SRC / "web" / "static" / "jeugdhulp" / "site.css", SRC / "publiek" / "static" / "publiek" / "publiek.css"]
_CLASS = re.compile(r"utrecht-[a-z0-9_-]+")
_VAR = re.compile(r"var\(\s*(--[a-zA-Z0-9_-]+)")


def used_classes() -> tuple[set[str], tuple[str, ...]]:
    """Every ``utrecht-*`` class named in a template or in Python (forms, navigation). A name cut off by template
    syntax (``utrecht-alert--{{ soort }}``) counts as a prefix: all its variants are kept."""
    names: set[str] = set()
    for path in sorted(SRC.rglob("*")):
        if path.suffix in {".html", ".py", ".txt"} and "static" not in path.parts and "migrations" not in path.parts:
            names.update(_CLASS.findall(path.read_text(encoding="utf-8")))
    prefixes = tuple(sorted(n for n in names if n.endswith("-")))
    return {n for n in names if not n.endswith("-")}, prefixes


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return [p for p in parts if p]


def _subset_rules(rules, keep_class) -> list[str]:
    import tinycss2

    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                sel
                for sel in _split_selectors(tinycss2.serialize(rule.prelude))
                if all(keep_class(c) for c in re.findall(r"\.(utrecht-[a-zA-Z0-9_-]+)", sel))
            ]
            if selectors:
                body = _compact(tinycss2.serialize(rule.content))
                out.append(f"{','.join(selectors)}{{{body}}}")
        elif rule.type == "at-rule" and rule.content is not None:
            prelude = _compact(tinycss2.serialize(rule.prelude))
            if rule.lower_at_keyword in {"media", "supports", "container", "layer"}:
                inner = _subset_rules(tinycss2.parse_rule_list(rule.content, True, True), keep_class)
                if inner:
                    out.append(f"@{rule.at_keyword} {prelude}{{{''.join(inner)}}}")
            else:  # @keyframes and the like: kept whole
                out.append(f"@{rule.at_keyword} {prelude}{{{_compact(tinycss2.serialize(rule.content))}}}")
    return out


def _compact(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tokens(theme_css: str, needed: set[str]) -> str:
    """The theme's custom properties that some kept rule needs, following var() references transitively."""
    import tinycss2

    out = []
    for rule in tinycss2.parse_stylesheet(theme_css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        declarations = [
            d
            for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"
        ]
        values = {d.name: _compact(tinycss2.serialize(d.value)) for d in declarations}
        todo, seen = [n for n in needed if n in values], set()
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            todo.extend(v for v in _VAR.findall(values[name]) if v in values)
        kept = [f"{name}:{values[name]}" for name in values if name in seen]
        if kept:
            out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{';'.join(kept)}}}")
    return "\n".join(out)


def build_css_subset() -> str:
    """The Utrecht components and tokens the templates use, as one stylesheet (deterministic)."""
    import tinycss2

    names, prefixes = used_classes()

    def keep_class(name: str) -> bool:
        return name in names or name.startswith(prefixes) or name in {"utrecht-theme", "utrecht-document"}

    components = STATIC / "utrecht" / "index.css"
    rules = tinycss2.parse_stylesheet(components.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    kept = "\n".join(_subset_rules(rules, keep_class))
    needed = set(_VAR.findall(kept))
    for own in OWN_CSS:
        needed.update(_VAR.findall(own.read_text(encoding="utf-8")))
    tokens = _tokens((STATIC / "utrecht-tokens" / "theme.css").read_text(encoding="utf-8"), needed)
    header = (
        "/* Generated by scripts/vendor_assets.py from vendor/utrecht-tokens/theme.css and vendor/utrecht/index.css"
        " (EUPL-1.2): only what the templates use. Do not edit; run `python scripts/vendor_assets.py --css`. */"
    )
    return f"{header}\n{tokens}\n{kept}\n"


def write_css_subset() -> None:
    css = build_css_subset()
    SUBSET.write_text(css, encoding="utf-8")
    print(f"{SUBSET.relative_to(ROOT)}: {len(css.encode()):,} bytes")


def _als_script(path: Path, meta: dict) -> None:
    """vega-interpreter's ES module as a classic script: its imports come from the global ``vega`` (which re-exports
    vega-util) and its export becomes ``vega.expressionInterpreter``, as in Vega's own documentation."""
    text = path.read_text()
    imports = re.search(r"^import \{([^}]*)\} from 'vega-util';\n", text, re.M)
    export = re.search(r"^export \{ (\w+) as expressionInterpreter \};\n", text, re.M)
    body = text[imports.end() : export.start()]
    path.write_text(
        f"// {meta['name']} {meta['version']} ({meta['license']}), wrapped as a classic script by "
        "scripts/vendor_assets.py\n"
        f"(function (vega) {{\nconst {{{imports[1]}}} = vega;\n{body}vega.expressionInterpreter = {export[1]};\n"
        "})(window.vega);\n"
    )


def main() -> None:
    if "--css" in sys.argv[1:]:
        write_css_subset()
        return
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
            if package == "vega-interpreter" and source.suffix == ".js":
                _als_script(dest / source.name, meta)
            copied.append(source.name)
        lines.append(
            f"| `{package}` | {meta['version']} | {meta.get('license', '?')} | "
            f"`{dest.relative_to(ROOT)}/`: {', '.join(copied)} |"
        )
    (STATIC / "VENDORED.md").write_text("\n".join(lines) + "\n")
    (TEST_VENDOR / "VENDORED.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    write_css_subset()


if __name__ == "__main__":
    main()
