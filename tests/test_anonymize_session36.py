"""Issue 11, session 36: shapes a tuning round by eight new authors (qi-qp, scored unread first, then read) showed
leaking or over-redacted, each a class with a closed trigger: a radiographer named after her role's field label
('MTRA: ...', 'Radiographer: ...'); a club by a listed place's adjective and its letters without a founding year
('Karlsruher SC'); a hospital or home named '<saint>stift'; and the other way, a listed eponym after the word for its
finding ('asymmetric Moro'), a German weekday and a German side adjective opening a sentence ('Linker SC ...') that
the wider name lists also hold as surnames; then (second round qq-qv) a town that is also a word at its state's comma
('Vail, Colorado') and a famous large town the place list lacked ('am Flughafen Zürich'); then (fourth round qz-rc) a
ground or a Latin-named school or museum no list knows ('Auestadion', 'Fridericianum'). Every example is our own
(none taken from an evaluation corpus); on the rules before the change (e077532) every removal and every guard marked
'over-redacted before' fails, the other guards pass."""

from __future__ import annotations

import pytest

from tests.test_anonymize_session24 import test_a_session24_shape_goes as check_rules


@pytest.mark.parametrize("text,leaks,kept", [
    # the radiographer after her role's field label, a given name no list holds
    ("Befund freigegeben.\nMTRA: Gülsüm Yıldız", ["Gülsüm", "Yıldız"], ["Befund freigegeben"]),
    ("Radiographer: Ilknur Sahin\nReported by: Dr P. Quinn", ["Ilknur", "Sahin"], ["Reported by"]),
    # a club by a listed place's adjective and its letters
    ("Anamnese: Torwart beim Karlsruher SC, Sturz im Training.", ["Karlsruher SC"], ["Sturz im Training"]),
    ("Anamnese: Jugendspieler Bochumer VfL, Sturz im Spiel.", ["Bochumer VfL"], ["Sturz im Spiel"]),
    # guard: a side adjective before the sternoclavicular joint's letters is no club (over-redacted before)
    ("Linker SC unauffällig. Rechter SC-Gelenkspalt normal.", [], ["Linker SC", "Rechter SC"]),
    # a hospital or home named for its saint; guard: a pin is a 'Gewindestift'
    ("Nachbehandlung im Elisabethenstift geplant.", ["Elisabethenstift"], ["Nachbehandlung"]),
    ("Befund: Gewindestift in situ, keine Lockerung.", [], ["Gewindestift"]),
    # a listed sign or reflex by its finding stays (over-redacted before)
    ("INDICATION: Mother reports an asymmetric Moro. Evaluate for fracture.", [], ["asymmetric Moro"]),
    # German weekdays outside a zone stay (over-redacted before)
    ("Anamnese: Sturz am Samstag beim Fussball, Schmerzen.", [], ["Samstag"]),
    ("Klinische Angaben: Sturz vom Rad am Sonntag.", [], ["Sonntag"]),
    # (second round qq-qv) the town at its state's comma even when it is a word too; a verb before it stays
    ("Anamnese: Skiunfall in Vail, Colorado (USA), dort versorgt.", ["Vail"], ["Skiunfall", "dort versorgt"]),
    ("History: skiing accident near Hope, Arkansas.", ["Hope"], ["skiing accident"]),
    # a famous large town that is no word, after a generic noun
    ("Anamnese: Sturz beim Umsteigen am Bahnhof Stuttgart, Schmerzen.", ["Stuttgart"], ["Sturz beim Umsteigen"]),
    ("Anamnese: Sturz auf dem Weg zum Flughafen Zürich.", ["Zürich"], ["Sturz auf dem Weg"]),
    # (fourth round qz-rc) a ground or a Latin-named school or museum no list knows; guard: a clinical Latin word
    ("Anamnese: Distorsion beim Fußball (Weserauenstadion), Skidaumen?", ["Weserauenstadion"], ["Skidaumen"]),
    ("Anamnese: Lehrer am Augustinianum, Sturz im Treppenhaus.", ["Augustinianum"], ["Sturz im Treppenhaus"]),
    ("Befund: Mediastinum mittelständig, Lungenspitzen frei.", [], ["Mediastinum"]),
])
def test_a_session36_shape_goes(text, leaks, kept):
    check_rules(text, leaks, kept)


def test_no_new_name_becomes_a_safe_word_through_the_labeler_lexicons():
    """Every word of a rule lexicon is a safe word of the anonymizer (anon_lexicon._template_words: the labeler must
    read what it needs), so a lexicon pattern that spells out a name ('brad nails', tried in session 36) would keep
    that name in every report. The names the lexicons hold today are eponyms and English or German words the labeler
    reads; a new one must be added here on purpose."""
    from fedrad.client.anon_engine import default_anonymizer
    from fedrad.client.anon_lexicon import _template_words

    a = default_anonymizer()
    held = sorted(w for w in _template_words() if w in a.other_names or w in a.known_names or w in a.first_names)
    assert held == ["art", "barton", "bennett", "colles", "gross", "hahn", "harris", "hill", "johnston", "klein",
                    "long", "lorenz", "mason", "max", "may", "ray", "smith", "weber", "will", "wood"]
