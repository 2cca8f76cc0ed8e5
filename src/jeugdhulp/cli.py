"""The ``jeugdhulp`` command.

``jeugdhulp ijw …`` runs the iJw tools (validate, regels-doc, import); ``validate`` and ``regels-doc`` work without a
database or Django.
Every other command is handed to Django's ``manage.py`` (``jeugdhulp migrate``, ``jeugdhulp runserver`` …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["ijw"] and argv[1:2] in (["validate"], ["regels-doc"]):
        from jeugdhulp.berichten.ijw.cli import main as ijw_main

        return ijw_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdhulp.conf.settings")
    from django.core.management import execute_from_command_line

    if argv[:1] == ["ijw"]:  # `jeugdhulp ijw import …` and friends are management commands
        argv = [f"ijw_{argv[1]}", *argv[2:]] if len(argv) > 1 else ["help", "ijw_import"]
    execute_from_command_line(["jeugdhulp", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
