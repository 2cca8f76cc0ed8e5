from django.db import models


class DemoBouw(models.Model):
    """Marks that this database holds a demo municipality, and how it was built (so a re-run is a no-op)."""

    seed = models.IntegerField()
    schaal = models.CharField(max_length=20)
    peildatum = models.DateField()
    gebouwd_op = models.DateTimeField(auto_now_add=True)
    aantallen = models.JSONField(default=dict)

    class Meta:
        verbose_name = "demo-opbouw"
        verbose_name_plural = "demo-opbouw"

    def __str__(self) -> str:
        return f"demo seed={self.seed} schaal={self.schaal} peildatum={self.peildatum}"
