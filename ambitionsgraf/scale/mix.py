"""The shape of a synthetic national data set: which organisations, of what type, where and how
large. Pure functions with a seeded random generator, so the same seed gives the same country.

About 4,000 Swedish bodies procure under the procurement acts. At full size the mix is: the
290 municipalities (each county with its real number of them), the 21 regions (one per
county), about 340 state agencies (half of them in Stockholm), about 2,150 municipal and
regional companies and about 1,200 other procuring bodies (federations of municipalities,
foundations, associations), the last two spread over the counties like the municipalities.
A smaller data set keeps the proportions, with at least one of each type.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ambitionsgraf.demo.seed import org_number

FULL_SIZE = 4000
TYPE_COUNTS = {"municipality": 290, "region": 21, "state_agency": 340, "company": 2150,
               "other": 1199}  # fmt: skip
MUNICIPALITIES = {
    "stockholm": 26, "uppsala": 8, "sodermanland": 9, "ostergotland": 13, "jonkoping": 13,
    "kronoberg": 8, "kalmar": 12, "gotland": 1, "blekinge": 5, "skane": 33, "halland": 6,
    "vastra_gotaland": 49, "varmland": 16, "orebro": 12, "vastmanland": 10, "dalarna": 15,
    "gavleborg": 10, "vasternorrland": 7, "jamtland": 8, "vasterbotten": 15, "norrbotten": 14,
}  # fmt: skip
# Employees bands (fewer than 500 ... 20,000 or more) and how common each is per type.
BANDS = ("lt500", "500-1999", "2000-4999", "5000-19999", "20000+")
BAND_WEIGHTS = {
    "municipality": (10, 45, 25, 17, 3),
    "region": (0, 0, 10, 75, 15),
    "state_agency": (58, 26, 10, 5, 1),
    "company": (88, 10, 2, 0, 0),
    "other": (93, 6, 1, 0, 0),
}
VOLUMES = ("lt100m", "100m-499m", "500m-1999m", "2bn-9bn", "10bn+")
SETUPS = ("centralised", "decentralised", "mixed")
SETUP_WEIGHTS = {"municipality": (5, 1, 4), "region": (6, 1, 3), "state_agency": (6, 2, 2),
                 "company": (4, 4, 2), "other": (4, 4, 2)}  # fmt: skip
# Organisation number prefixes (public bodies begin with 2; companies are limited companies),
# chosen apart from the demo seeds' so both can live in one database.
PREFIXES = {"municipality": "2129", "region": "2329", "state_agency": "2029", "company": "5569",
            "other": "2229"}  # fmt: skip
CONSENT = 0.85  # share of organisations that agree to be counted in national statistics

STEMS = ("Norr", "Sö", "Öster", "Väster", "Ek", "Björk", "Lind", "Sten", "Sjö", "Berg",
         "Dal", "Ås", "Hag", "Löv", "Al", "Gran", "Tall", "Fjäll", "Å", "Kvarn", "Bro", "Holm",
         "Mark", "Myr", "Ny", "Gammel", "Ros", "Sand", "Sol", "Strand", "Vall", "Mo", "Hed",
         "Lid")  # fmt: skip
ENDINGS = ("vik", "by", "köping", "hamn", "ås", "fors", "dal", "berg", "sjö", "holm", "torp",
           "näs", "ryd", "hult", "stad", "tuna", "lunda", "bo", "mark", "ed")  # fmt: skip
AGENCY_KINDS = ("Myndigheten för", "Statens institut för", "Verket för", "Nämnden för",
                "Rådet för")  # fmt: skip
AGENCY_TOPICS = (
    "vattenvägar", "kartläggning", "digital service", "kulturarv", "provning", "kustbevakning",
    "yrkesutbildning", "fastigheter", "folkbildning", "samhällsplanering", "livsmedel",
    "skogsvård", "arbetsmiljö", "läkemedel", "strålskydd", "energi", "sjöfart", "luftfart",
    "järnvägar", "vägar", "statistik", "tull", "skatter", "pensioner", "försäkring", "migration",
    "polisväsende", "kriminalvård", "domstolar", "åklagare", "forskning", "högskolor", "skolor",
    "bibliotek", "museer", "konst", "musik", "idrott", "folkhälsa", "smittskydd", "tandvård",
    "socialtjänst", "konsumenter", "konkurrens", "upphandling", "finanstillsyn", "handel",
    "jordbruk", "fiske", "miljö", "klimat", "naturvård", "meteorologi", "geologi", "rymden",
    "försvar", "krisberedskap", "räddning", "säkerhet", "post och tele", "lotterier", "spel",
    "jämställdhet", "diskriminering", "ungdomsfrågor", "funktionshinder", "äldrefrågor",
    "bostäder", "lantmäteri", "bolag",
)  # fmt: skip
COMPANY_KINDS = ("Energi", "Bostäder", "Vatten", "Fastigheter", "Hamn", "Trafik", "Avfall",
                 "Parkering", "Näringsliv", "Stadsnät")  # fmt: skip
OTHER_KINDS = ("kommunalförbund", "räddningstjänstförbund", "samordningsförbund", "miljöförbund",
               "gymnasieförbund", "stiftelse")  # fmt: skip


@dataclass(frozen=True)
class Profile:
    """One synthetic organisation."""

    name: str
    org_number: str
    type: str
    county: str
    employees_band: str
    volume_band: str
    procurement_setup: str
    consent: bool


def type_counts(total: int) -> dict[str, int]:
    """The full-size mix scaled to ``total`` (largest remainders), at least one of each type
    from five organisations up."""
    if total < 1:
        raise ValueError("At least one organisation")
    exact = {kind: count * total / FULL_SIZE for kind, count in TYPE_COUNTS.items()}
    counts = {kind: int(value) for kind, value in exact.items()}
    for kind in sorted(exact, key=lambda k: counts[k] - exact[k])[: total - sum(counts.values())]:
        counts[kind] += 1
    if total >= len(TYPE_COUNTS):
        for kind in TYPE_COUNTS:
            if counts[kind] == 0:
                counts[max(counts, key=counts.get)] -= 1
                counts[kind] = 1
    return counts


def _counties(rng: random.Random, kind: str, count: int) -> list[str]:
    if kind == "municipality" and count == TYPE_COUNTS[kind]:
        return [county for county, n in MUNICIPALITIES.items() for _ in range(n)]
    if kind == "region" and count == len(MUNICIPALITIES):
        return list(MUNICIPALITIES)
    weights = dict(MUNICIPALITIES)
    if kind == "state_agency":  # half of them in the capital
        weights["stockholm"] = sum(weights.values()) - weights["stockholm"]
    if kind == "region":
        weights = dict.fromkeys(MUNICIPALITIES, 1)
    return rng.choices(list(weights), weights=list(weights.values()), k=count)


def _name(rng: random.Random, kind: str, serial: int) -> str:
    place = STEMS[serial % len(STEMS)] + ENDINGS[(serial // len(STEMS)) % len(ENDINGS)]
    if kind == "municipality":
        return f"{place}s kommun"
    if kind == "region":
        return f"Region {place}"
    if kind == "state_agency":
        kind_of = AGENCY_KINDS[(serial // len(AGENCY_TOPICS)) % len(AGENCY_KINDS)]
        return f"{kind_of} {AGENCY_TOPICS[serial % len(AGENCY_TOPICS)]}"
    if kind == "company":
        return f"{place}s {rng.choice(COMPANY_KINDS)} AB"
    return f"{place}s {rng.choice(OTHER_KINDS)}"


def _volume(rng: random.Random, band: str) -> str:
    """Purchasing grows with size; a step up or down now and then."""
    position = min(len(VOLUMES) - 1, BANDS.index(band) + 1) + rng.choice((-1, 0, 0, 0, 1))
    return VOLUMES[max(0, min(len(VOLUMES) - 1, position))]


def organisations(total: int = FULL_SIZE, seed: int = 1) -> list[Profile]:
    """``total`` organisations with the mix above, the same for the same seed."""
    rng = random.Random(seed)
    made = []
    for kind, count in type_counts(total).items():
        for serial, county in enumerate(_counties(rng, kind, count)):
            band = rng.choices(BANDS, weights=BAND_WEIGHTS[kind])[0]
            made.append(
                Profile(
                    name=_name(rng, kind, serial),
                    org_number=org_number(f"{PREFIXES[kind]}{serial:04d}"),
                    type=kind,
                    county=county,
                    employees_band=band,
                    volume_band=_volume(rng, band),
                    procurement_setup=rng.choices(SETUPS, weights=SETUP_WEIGHTS[kind])[0],
                    consent=rng.random() < CONSENT,
                )
            )
    return made
