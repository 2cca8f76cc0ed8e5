"""Forms render with NL Design System (Utrecht) classes on every widget, so no template fiddles with them.

Native inputs carry the ``--html-input`` modifier (the Utrecht CSS styles ``:checked``, ``:hover``, ``:focus`` and
``:disabled`` on it), and checkboxes the ``--custom`` look, which draws a tick. Multiple choice is a checkbox, never a
radio button. This is the one place that decides how a widget looks, for the public site and staff alike.
"""

from django import forms

CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"

# Most specific first: CheckboxSelectMultiple is a subclass of RadioSelect in Django.
WIDGET_CLASSES = {
    forms.CheckboxSelectMultiple: CHECKBOX,
    forms.CheckboxInput: CHECKBOX,
    forms.RadioSelect: RADIO,
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def utrecht_class(widget: forms.Widget) -> str:
    return next((c for cls, c in WIDGET_CLASSES.items() if isinstance(widget, cls)), TEXTBOX)


class UtrechtFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {utrecht_class(widget)}".strip()
