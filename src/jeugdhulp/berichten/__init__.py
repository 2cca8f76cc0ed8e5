"""iJw 3.2 berichtenverkeer.

The iJw library in this package (the ``xsd`` data and the modules that do not import Django) can be used
without the web application. Django parts (models, views) live in their own modules.
"""
