"""Issue 15 §7: ``jeugdhulp ijw import`` exits non-zero when a message was not (fully) processed (exit codes in
the command's docstring and docs/operations.md)."""

from __future__ import annotations

from unittest import mock

from jeugdhulp import cli
from jeugdhulp.berichten.ijw import build
from jeugdhulp.berichten.models import Bericht, Richting, Status
from tests.berichten import voorbeelden as vb


def _importeer(*paden) -> int:
    # The command line closes every database connection when it ends (Django's run_from_argv); on PostgreSQL that
    # would close the test's own connection, inside its transaction. Keep it open: the test checks the exit code.
    with mock.patch("django.core.management.base.connections.close_all"):
        try:
            return cli.main(["ijw", "import", *map(str, paden)])
        except SystemExit as exc:  # how a management command reports its exit code
            return exc.code


def test_all_processed_exits_0(ijw, tmp_path):
    (tmp_path / "vot.xml").write_bytes(build(vb.jw315_bericht()))
    assert _importeer(tmp_path) == 0
    assert Bericht.objects.get(richting=Richting.IN).status == Status.VERWERKT


def test_a_rejected_message_exits_1_and_the_others_are_still_processed(ijw, tmp_path, capsys):
    (tmp_path / "a_goed.xml").write_bytes(build(vb.jw315_bericht()))
    (tmp_path / "b_kapot.xml").write_bytes(b"dit is geen xml")
    assert _importeer(tmp_path) == 1
    assert "1 bericht(en) niet (volledig) verwerkt" in capsys.readouterr().err
    statussen = sorted(Bericht.objects.filter(richting=Richting.IN).values_list("status", flat=True))
    assert statussen == [Status.QUARANTAINE, Status.VERWERKT]  # unreadable: no retour possible


def test_an_unreadable_file_exits_1(ijw, tmp_path):
    assert _importeer(tmp_path / "bestaat-niet.xml") == 1


def test_wrong_use_exits_2(ijw, capsys):
    assert _importeer() == 2
