"""Ask the policy from a template, so a menu shows only what the role may use.

``{% load monitor_rechten %}{% mag "budget" "wijzigen" as mag_budget %}{% if mag_budget %}…{% endif %}``
"""

from django import template

from jeugdhulp.permissions import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def mag(context, resource: str, actie: str = policy.Actie.BEKIJKEN) -> bool:
    return policy.mag(context.get("user"), policy.Resource(resource), policy.Actie(actie))
