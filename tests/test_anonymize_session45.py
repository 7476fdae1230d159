"""Issue 11, session 45: shapes read from this session's tuning data (the adversarial tuning round zc, zd): a view
named by the joint it shows after its author ('Sattelgelenk nach <Author>': an eponym, kept), a health district by
its letters ('<Name> DHB', '<Name> LHD', '<Name> HHS'), and a name written in camel case whose second capital a rule
took for the name's start ('Mid<Name> DHB'). Every example is our own (none taken from an evaluation corpus); on the
rules before the change (d5aa45d) every removal and the kept eponym fail and the guard passes; the letters alone
after a name in passing ('films from <Name> LHD') those rules removed already."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    ("Daumen re. in 2 Ebenen, Sattelgelenk nach Robert – Untersuchung vom 03.11.2025\n\nBefund: Keine Fraktur.", [],
     ["Sattelgelenk nach Robert"]),
    ("Conclusion: Undisplaced fracture.\n\nT. Lindqvist\nRadiology, Whakatipu DHB", ["Whakatipu"],
     ["Conclusion: Undisplaced fracture.", "Radiology,"]),
    ("Conclusion: No fracture.\n\nT. Lindqvist\nRadiology, SouthCentral DHB", ["SouthCentral", "Central"],
     ["Radiology,"]),
    # guards: the words the clinical text shares with them stay
    ("Findings: Fracture of the radial head, Mason I. The capitellum is intact.", [],
     ["Fracture of the radial head, Mason I", "The capitellum is intact."]),
])
def test_session45_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)
