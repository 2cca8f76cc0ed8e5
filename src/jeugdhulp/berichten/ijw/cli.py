"""``jeugdhulp ijw validate FILE… [--json]``: validate iJw files without Django or a database.
``jeugdhulp ijw regels-doc`` regenerates ``docs/ijw-rules.md`` from the rule table and the registry.

Prints per file the message type, valid/invalid and every finding (retourcode, rule, meaning, location).
Exit status 1 when any file is invalid or unreadable, 2 on usage errors, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jeugdhulp.berichten.ijw.validatie import Resultaat, validate


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jeugdhulp ijw validate", description="Valideer iJw 3.2-berichten.")
    p.add_argument("bestanden", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-leesbare uitvoer (JSON)")
    return p


def _tekst(pad: Path, r: Resultaat) -> str:
    regels = [f"{pad}: {r.berichtsoort or 'onbekend'} {'geldig' if r.geldig else 'ONGELDIG'}"]
    for b in r.bevindingen:
        plek = " ".join(x for x in (b.xpath, f"regel {b.line}" if b.line else None) if x)
        regels.append(f"  {b.retourcode} {b.regel} [{b.berichtklasse}] {b.betekenis}" + (f" @ {plek}" if plek else ""))
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["regels-doc"]:  # regenerate docs/ijw-rules.md from the rule table and the registry
        from jeugdhulp.berichten.ijw.regeldoc import schrijf

        print(f"geschreven: {schrijf()}")
        return 0
    if argv[:1] == ["validate"]:
        argv = argv[1:]
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    uitvoer, ok = [], True
    for pad in args.bestanden:
        try:
            data = pad.read_bytes()
        except OSError as exc:
            ok = False
            uitvoer.append({"bestand": str(pad), "fout": str(exc)} if args.json else f"{pad}: niet te lezen: {exc}")
            continue
        r = validate(data)
        ok &= r.geldig
        uitvoer.append({"bestand": str(pad), **r.als_dict()} if args.json else _tekst(pad, r))
    if args.json:
        print(json.dumps(uitvoer, ensure_ascii=False, indent=2))
    else:
        print("\n".join(uitvoer))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
