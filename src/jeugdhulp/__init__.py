"""jeugdhulp: the open-source platform with which a Dutch municipality runs its youth care."""

__version__ = "0.1.0"
