"""Background work: the task queue, the worker, the schedule of periodic jobs, and outgoing mail.

* ``mail``: ``in_wachtrij()`` queues a mail as a task; the worker sends it, retries with backoff, then gives up
  visibly. The mail row keeps no body or address once sent; logs name the kind of mail, never its content.
* ``jobs``: the periodic jobs (iJw outbox, deadline reminders, sociale kaart check links, retention list), each
  idempotent and safe on two workers at once.
* ``planning``: the schedule in code; one ``Planrun`` row per job and time slot, so each run is enqueued once.
* ``worker``: ``jeugdhulp worker`` = django-tasks-db's worker + heartbeat + recovery of tasks of dead workers +
  the schedule. ``draai_eenmaal()`` does all of that once, for tests and for cron-style use.
* ``views``: the functioneel beheerder's queue page (waiting, running, failed with retry, recent mail).
"""
