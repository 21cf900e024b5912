"""Section names: one vocabulary for the data, the command line and the templates.

A briefing section is named as the data names the facts it shows
(``business_environment``); its template file may keep an older name
(``business.md.j2``). A data section the default briefing shows inside another
(``industry`` in ``overview``) names that section. Old names on the command line still
work, with a warning.

>>> section_template("business_environment"), section_template("overview")
('business', 'overview')
>>> canonical_section("overview")
'overview'
"""

from __future__ import annotations

import warnings

#: Sections whose template file keeps another name.
TEMPLATE_NAMES: dict[str, str] = {"business_environment": "business"}
#: Old section names still accepted, and the name to use instead.
DEPRECATED_NAMES: dict[str, str] = {"business": "business_environment"}
#: The data's sections that the default briefing shows inside another section.
GROUPED: dict[str, str] = {
    "industry": "overview",
    "investment": "projects",
    "governance": "business_environment",
}


def section_template(section: str) -> str:
    """The template (file stem) that renders ``section``."""
    return TEMPLATE_NAMES.get(section, section)


def canonical_section(name: str) -> str:
    """The briefing section of a name: a section, a data section it shows (``industry``
    is shown in ``overview``), or an old name, which warns and is translated.

    >>> canonical_section("industry"), canonical_section("governance")
    ('overview', 'business_environment')

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     canonical_section("business")
    'business_environment'
    >>> str(caught[0].message).startswith("section 'business' is now called 'business_environment'")
    True
    """
    if name in GROUPED:
        return GROUPED[name]
    new = DEPRECATED_NAMES.get(name)
    if new is None:
        return name
    warnings.warn(
        f"section '{name}' is now called '{new}' (the data's name); the old name will go",
        DeprecationWarning,
        stacklevel=2,
    )
    return new
