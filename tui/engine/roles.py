"""What happened to what a count counts, read from its sentence: "43 people
died" counts the dead, "96 were rescued" the rescued. Two counts of one
thing with different roles are two quantities (``compare``), and counts
with one role are one kind of evidence however they name their thing
("the toll rose to 93", "killing 95 people", "93 dead"; ``evidence``).
"""

from __future__ import annotations

import re

from .figures import Figure, plural_noun

# What happened to the people or things a count counts: "43 people died" and
# "96 were rescued" are two quantities, though both count people.
ROLES = {
    role: frozenset(words.split())
    for role, words in {
        "dead": "killed kill kills killing died die dies dying dead death deaths toll fatalities perished "
                "drowned bodies lives",
        "injured": "injured injuring injures wounded wounding hurt injuries",
        "hospitalised": "hospitalised hospitalized",
        "missing": "missing unaccounted",
        "rescued": "rescued rescuing saved survivors survived pulled",
        "displaced": "evacuated evacuating evacuate evacuation displaced displacing fled fleeing homeless evacuees",
        "arrested": "arrested arresting detained detaining",
        "destroyed": "destroyed destroying razed levelled leveled flattened",
        "damaged": "damaged damaging",
        "cancelled": "cancelled canceled cancelling canceling scrapped cancellations",
        "diverted": "diverted diverting rerouted diversions",
        "delayed": "delayed delaying",
    }.items()
}
ROLE_OF = {word: role for role, words in ROLES.items() for word in words}
ROLE_TOKEN = re.compile(r"[^\W_]+(?:['’][a-z]+)?|[,;:()]")
ROLE_REACH = 5  # words either side of the figure looked at for its role
# Words that open another clause or phrase: a role word past them is another count's.
CLAUSE_WORDS = frozenset("""
and but or when after before while as because since though although if unless until who whom which that where
whereas among including
""".split())
_RELATIVE_PRONOUNS = frozenset("who whom whose".split())
_NEGATIONS = frozenset("no not none nobody never neither nor without n't".split())
SCOPE_PREPOSITIONS = frozenset("in across from throughout into within inside".split())
_DESTINATION_PREPOSITIONS = frozenset("to at for with on onto towards toward".split())
SCOPE_DETERMINERS = frozenset("the a an its their his her these those all".split())


def figure_role(sentence: str, start: int, end: int, *, names_thing: bool = False) -> str | None:
    """The role of the count at sentence[start:end]: the nearest role word
    in its clause, after it ("43 people died", "96 were rescued") or before
    it ("killing at least 45 people", "evacuated 2,000 residents"), with no
    other number between ("12 of the 40 protesters" were not all arrested).
    None when the clause is negated ("none of the 30 workers were hurt").
    ``names_thing``: the figure says what it counts ("3 hospitals"), so "to"
    before it is where, not what a verb moved a count to."""
    after = _in_hospital(_clause_words(ROLE_TOKEN.findall(sentence, end), relative_ok=True))
    tokens_before = ROLE_TOKEN.findall(sentence, 0, start)[::-1]
    before = _clause_words(tokens_before)
    if any(w in _NEGATIONS or w.endswith(("n't", "n’t")) for w in after + before):
        return None
    first_before = next((w for w in before if w not in SCOPE_DETERMINERS), None)
    if first_before in SCOPE_PREPOSITIONS:
        return None  # "the toll in the two countries", "died in 10 provinces": where, not whom
    describing = {m["word"].lower() for m in _DESCRIBING.finditer(sentence)
                  if m["noun"].lower() not in _NOT_NOUNS}
    subject = _subject_words(tokens_before, objects=not names_thing)
    if subject:
        roles = [ROLE_OF[w] for w in subject if w in ROLE_OF and w not in describing]
        if roles:
            # the subject's head comes first: "the number of people killed in buildings destroyed by ..."
            return roles[-1]
        before = subject
    if names_thing and first_before in _DESTINATION_PREPOSITIONS:
        before = []  # "brought the survivors to 3 hospitals": where they went, not who
    found = [(i, 0, w) for i, w in enumerate(after) if w in ROLE_OF and w not in describing]
    found += [(i, 1, w) for i, w in enumerate(before) if w in ROLE_OF and w not in describing]
    if not found:
        return None
    word = min(found)[2]
    either = {w.lower() for m in _EITHER_OR.finditer(sentence) if _two_roles(m[1], m[2]) for w in (m[1], m[2])}
    return None if word in either else ROLE_OF[word]


# "the delayed train", "a cancelled match": what happened to another thing
# than the count's
_DESCRIBING = re.compile(
    r"\b(?i:the|a|an|its|their|these|those|his|her)\s+(?P<word>(?i:cancell?ed|diverted|delayed))"
    r"\s+(?P<noun>[^\W\d_]+)")
_NOT_NOUNS = frozenset("were was are is be been had has have will would could and or by to at in on for".split())
# "killed or injured", "damaged or destroyed": one count of two fates
_EITHER_OR = re.compile(r"([^\W\d_]+)\s+(?:or|and/or)\s+([^\W\d_]+)")


def _two_roles(a: str, b: str) -> bool:
    ra, rb = ROLE_OF.get(a.lower()), ROLE_OF.get(b.lower())
    return ra is not None and rb is not None and ra != rb


# A figure a count has grown to ("the death toll ... climbed past 11,700", "the
# number of citizens who lost their lives ... rose to 8,574") counts what the
# verb's subject names, however long the subject is.
_CHANGE_VERBS = frozenset("""
rose risen rise rises climbed climb climbs passed pass passes reached reach reaches topped top tops hit hits
exceeded exceed exceeds surpassed surpass surpasses stood stand stands jumped jump jumps increased increase
increases grew grow grows grown crossed cross crosses neared near nears soared soar soars mounted mounts
is was are were
""".split())
_TOWARDS = frozenset("to past above over beyond at least nearly almost around about more than some roughly "
                     "approximately close upwards of".split())
_SUBORDINATORS = frozenset("as when while after before because since though although if unless until whereas".split())
_SUBJECT_REACH = 20
_DETERMINERS = SCOPE_DETERMINERS - {"all"} | {"this", "our"}  # that open a noun phrase: "that the ..."
_SPEECH_VERBS = frozenset("said says say told tells reported reports announced announces stated states added adds "
                          "noted notes confirmed confirms estimated estimates warned warns".split())


def _subject_words(tokens: list[str], *, objects: bool = True) -> list[str]:
    """The words of the subject of a change verb just before the figure, back
    to the start of its clause or the next number, nearest first; none without
    such a verb."""
    words = [t.lower() for t in tokens]
    i = 0
    while i < len(words) and words[i] in _TOWARDS:
        i += 1
    if objects and i < len(words) and words[i] not in _CHANGE_VERBS and i and words[i - 1] in ("to", "at"):
        return _object_words(words, i)
    if i == len(words) or words[i] not in _CHANGE_VERBS:
        return []
    subject: list[str] = []
    for j in range(i, len(words)):
        word = words[j]
        if word in ",;:()" or word in _SUBORDINATORS or word[0].isdigit() \
                or (word in _SPEECH_VERBS and words[j - 1] != "by") \
                or (word == "that" and words[j - 1] in _DETERMINERS):
            break  # "doctors treating the injured said (that) the death toll rose"; not "deaths reported by ..."
        if word in ("and", "or") and not (j + 1 < len(words) and tokens[j - 1][0].isupper() and tokens[j + 1][0].isupper()):
            break  # another clause ("killed dozens and hit 30 buildings"), not a name's pair ("Turkey and Syria")
        subject.append(word)
        if len(subject) == _SUBJECT_REACH:
            break
    return subject


# "raised the death toll from last week's attack on a concert hall to 143":
# a count a verb has moved its object to counts what the object names.
_OBJECT_CHANGE_VERBS = frozenset("""
raised raise raises revised revise revises put puts lifted lift lifts increased increase increases brought bring
brings pushed push pushes pegged peg pegs set sets lowered lower lowers cut cuts
""".split())


def _object_words(words: list[str], i: int) -> list[str]:
    """The object between such a verb and "to"/"at" before the figure, nearest
    the figure first; none without such a verb in the clause."""
    for j in range(i, min(len(words), i + _SUBJECT_REACH)):
        word = words[j]
        if word in _OBJECT_CHANGE_VERBS:
            return words[i:j]
        if word in ",;:()" or word in _SUBORDINATORS or word[0].isdigit() or word in _SPEECH_VERBS \
                or word in _CHANGE_VERBS:
            return []
    return []


# Verbs that say what a count is "as": "are listed as missing", "were registered as displaced".
_LABELLING_VERBS = frozenset("""
listed classed classified confirmed counted registered recorded reported declared identified presumed treated
described regarded considered
""".split())


def _clause_words(tokens: list[str], *, relative_ok: bool = False) -> list[str]:
    """Up to ``ROLE_REACH`` lower-cased words from the figure outwards, to the
    end of its clause or the next number. With ``relative_ok``, a clause on who
    is counted goes on ("300 people whose homes were destroyed"), and so does
    what they are listed as ("47 people are listed as missing")."""
    words: list[str] = []
    for n, token in enumerate(tokens):
        word = token.lower()
        if relative_ok and word in _RELATIVE_PRONOUNS:
            continue
        if relative_ok and word == "as" and words and words[-1] in _LABELLING_VERBS \
                and n + 1 < len(tokens) and tokens[n + 1].lower() in ROLE_OF:
            continue  # "listed as missing", "confirmed as dead": what they are, not another clause
        if word in ",;:()" or word in CLAUSE_WORDS or word[0].isdigit():
            break
        words.append(word)
        if len(words) == ROLE_REACH:
            break
    return words


def count_role(text: str, start: int, end: int, fig: Figure) -> str | None:
    """The role of count ``fig`` in the sentence text[start:end]; None for a
    figure its thing names just before it, which is a label and not the count
    ("the magnitude 7.6 quake has killed ...")."""
    if fig.kind != "count":
        return None
    if fig.thing and text[start:fig.start].rstrip().lower().endswith(fig.thing.lower()):
        return None
    # a thing named right after the figure ("to 3 hospitals"), not one it took from before ("the number of
    # structures ... at more than 2,200")
    names_thing = bool(fig.thing) and re.match(
        r"[\s\-]+(?:[\w\-]+\s+){0,2}" + re.escape((fig.thing or "")[:4]), text[fig.end:end], re.IGNORECASE) is not None
    role = figure_role(text[start:end], fig.start - start, fig.end - start, names_thing=names_thing)
    if role is None and fig.thing:
        role = role_of_word(fig.thing)  # "Of the dead, 202 were in the region"
    return role


def role_of_word(word: str) -> str | None:
    """The role a noun names ("deaths", "the dead", "a survivor"), if any."""
    word = word.lower()
    return ROLE_OF.get(word) or ROLE_OF.get(plural_noun(word))


def _in_hospital(words: list[str]) -> list[str]:
    """ "were in hospital", "taken to hospital": those in hospital, as
    "hospitalised" says; not "3 hospitals", whose noun is what is counted."""
    return [("hospitalised" if w in ("hospital", "hospitals") and i and words[i - 1] in ("in", "to") else w)
            for i, w in enumerate(words)]
