"""Business rules (layer 2: field-level, layer 3: against history), one small function per rule.

Importing this package registers every rule in ``kern.REGISTER``; ``kern.toets`` runs the applicable ones.
Module per area: ``header``, ``client``, ``datums`` (dates against the Dagtekening), ``codelijst`` (CBS/JZ21),
``toewijzing`` (JW301), ``regie`` (JW305/JW307), ``verzoek`` (JW315/JW317/JW319), ``declaratie`` (JW323/JW325);
cross-message rules live in the ``historie_*`` modules. Which rule applies to which message: ``regeltabel``.
"""

from jeugdhulp.berichten.ijw.regels import (  # noqa: F401  (registration side effect)
    client,
    codelijst,
    datums,
    declaratie,
    dubbel,
    header,
    historie_declaratie,
    historie_header,
    historie_regie,
    historie_toewijzing,
    historie_verzoek,
    regie,
    toewijzing,
    verzoek,
)
from jeugdhulp.berichten.ijw.regels.kern import REGISTER, Context, Regel, regel, toets

__all__ = ["REGISTER", "Context", "Regel", "regel", "toets"]
