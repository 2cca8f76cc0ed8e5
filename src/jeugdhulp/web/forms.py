"""Forms render with NL Design System (Utrecht) classes on every widget, so no template fiddles with them."""

from django import forms

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.CheckboxInput: "utrecht-checkbox",
    forms.RadioSelect: "utrecht-radio-button",
}


class UtrechtFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next((c for cls, c in WIDGET_CLASSES.items() if isinstance(widget, cls)), "utrecht-textbox")
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
