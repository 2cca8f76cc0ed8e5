"""A small HTTP load generator for loopback benchmarks: keep-alive client threads that fetch URLs for a while.

Run on its own (``python bench/laadgenerator.py [--uniek] PORT SECONDEN CLIENTS PAD [PAD …]``) so that its CPU use
is not counted against the server's process; prints one JSON line with the number of good and failed answers and the
latency percentiles. ``--uniek`` makes every URL unique (an extra ``&r=N``), so no rendered page is served from a
cache. Standard library only.
"""

from __future__ import annotations

import http.client
import json
import statistics
import sys
import threading
import time


class Client:
    """One keep-alive connection; reconnects when the server closes it or an error occurs."""

    def __init__(self, port: int):
        self.port = port
        self.verbinding = self._verbind()

    def _verbind(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def opnieuw(self) -> None:
        self.verbinding.close()
        self.verbinding = self._verbind()

    def haal(self, pad: str) -> int:
        self.verbinding.request("GET", pad)
        antwoord = self.verbinding.getresponse()
        antwoord.read()
        if antwoord.getheader("Connection", "").lower() == "close":
            self.opnieuw()
        return antwoord.status


def belast(port: int, seconden: float, clients: int, paden: list[str], uniek: bool = False) -> dict:
    """Let ``clients`` threads fetch ``paden`` round-robin for ``seconden`` seconds; count and time the answers."""
    eind = time.monotonic() + seconden
    goed = [0] * clients
    fout = [0] * clients
    duur: list[list[float]] = [[] for _ in range(clients)]

    def werk(n: int) -> None:
        client = Client(port)
        i = n
        while time.monotonic() < eind:
            pad = paden[i % len(paden)]
            if uniek:
                pad += f"&r={n}-{i}"
            i += 1
            begin = time.perf_counter()
            try:
                status = client.haal(pad)
            except (OSError, http.client.HTTPException):
                fout[n] += 1
                client.opnieuw()
                continue
            duur[n].append((time.perf_counter() - begin) * 1000)
            if status == 200:
                goed[n] += 1
            else:
                fout[n] += 1

    threads = [threading.Thread(target=werk, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    alle = sorted(d for lijst in duur for d in lijst)
    percentielen = statistics.quantiles(alle, n=100) if len(alle) > 1 else [0.0] * 99
    return {
        "goed": sum(goed),
        "fout": sum(fout),
        "seconden": seconden,
        "p50_ms": percentielen[49],
        "p95_ms": percentielen[94],
    }


def main(argv: list[str]) -> None:
    uniek = "--uniek" in argv
    port, seconden, clients, *paden = [a for a in argv if a != "--uniek"]
    print(json.dumps(belast(int(port), float(seconden), int(clients), paden, uniek)))


if __name__ == "__main__":
    main(sys.argv[1:])
