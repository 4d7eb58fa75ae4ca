"""A folder of small wire stories, generated: several developing stories told over days by
different publishers, with syndicated copies, so that a run fills every table linking fills
(copies, stories, merged events, claims)."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from wirewatch.model import Document

PUBLISHERS = ("Reuters", "Associated Press", "Agence France-Presse", "Al Jazeera",
              "Daily Nation", "The Hindu", "Kyodo News", "Yonhap News Agency")


@dataclass(frozen=True, slots=True)
class Story:
    """One developing story: its sentences, with ``{n}`` a figure and ``{day}`` the weekday
    before publication."""

    dateline: str
    leads: tuple[str, ...]
    details: tuple[str, ...]
    figures: tuple[int, int]


STORIES = (
    Story("KHARTOUM", (
        "At least {n} Sudanese troops have been deployed to the border with Chad, a senior "
        "army officer said on {day}.",
        "Sudan sent {n} more soldiers to the frontier with Chad on {day}, the defence "
        "minister said.",
        "Chad's foreign minister said on {day} that {n} Sudanese troops near Adre were a "
        "threat to regional stability."),
        ("The deployment follows clashes near the town of Adre last week, the officer told "
         "reporters.",
         "Chad's government urged Khartoum to pull its forces back from the frontier.",
         "Aid groups say millions of people have fled their homes in Darfur.",
         "Sudan's army has fought the Rapid Support Forces since April 2023.",
         "The United Nations warned that the fighting could spread across the region.",
         "Chad has closed several crossings and reinforced its own positions near the "
         "frontier."),
        (2000, 6000)),
    Story("SAO PAULO", (
        "Brazilian police arrested {n} people in Sao Paulo on {day} over a fuel smuggling "
        "scheme, officials said.",
        "Police in Sao Paulo detained {n} suspects on {day} in a raid on fuel smugglers, "
        "prosecutors said."),
        ("The suspects face charges of fraud and tax evasion.",
         "Prosecutors said more arrests could follow in Rio de Janeiro.",
         "Investigators said the network sold stolen fuel to hundreds of petrol stations.",
         "The scheme cost the state millions of reais in lost taxes, the tax agency said.",
         "Police seized trucks, cash and weapons during the raids."),
        (8, 40)),
    Story("MANILA", (
        "Japanese Prime Minister Shigeru Ishiba met Philippine President Ferdinand Marcos "
        "in Manila on {day} to discuss defence ties, officials said.",
        "Japan and the Philippines agreed on {day} to hold {n} joint military exercises "
        "this year, the Philippine defence ministry said."),
        ("The two leaders discussed maritime security in the South China Sea.",
         "China's foreign ministry criticised the talks, a spokesperson said.",
         "The agreement allows Japanese troops to train in the Philippines.",
         "Manila has accused Chinese coast guard vessels of harassing its fishermen.",
         "Tokyo pledged to supply coastal radar systems to the Philippine navy."),
        (2, 12)),
    Story("NAIROBI", (
        "Thousands of Kenyan protesters rallied in Nairobi on {day} against new taxes, and "
        "police arrested {n} people, officials said.",
        "Kenyan police fired tear gas at protesters in Nairobi on {day} and detained {n} "
        "demonstrators, witnesses said."),
        ("Protesters demanded that President William Ruto withdraw the finance bill.",
         "Rights groups condemned the arrests and called for calm.",
         "Shops in the city centre stayed closed as riot police patrolled the streets.",
         "The government said the taxes were needed to reduce the public debt.",
         "Opposition leaders vowed to continue the demonstrations next week."),
        (15, 120)),
    Story("KYIV", (
        "Russian drones struck Kharkiv on {day}, killing {n} people, Ukrainian officials "
        "said.",
        "Russia attacked Kharkiv with {n} drones overnight into {day}, the Ukrainian air "
        "force said."),
        ("Ukrainian President Volodymyr Zelenskyy called on allies to send more air "
         "defence systems.",
         "Russia's defence ministry said it had targeted military facilities.",
         "Rescue workers searched the rubble of a damaged apartment building.",
         "The regional governor said power was cut to thousands of homes.",
         "Ukraine's air force said most of the drones were shot down."),
        (3, 30)),
    Story("BRUSSELS", (
        "The European Union imposed sanctions on {n} Iranian officials on {day} over the "
        "crackdown on protesters, the bloc said.",
        "EU foreign ministers agreed on {day} to sanction {n} Iranian individuals, "
        "diplomats said."),
        ("Iran's foreign ministry condemned the decision and vowed to respond.",
         "The sanctions freeze assets and ban travel to the European Union.",
         "Germany and France pushed for the measures after the execution of protesters.",
         "Tehran summoned European ambassadors to protest the decision.",
         "The bloc has now listed more than 200 Iranian individuals and entities."),
        (5, 30)),
)


def _article(story: Story, rng: random.Random, published: date) -> str:
    day = (published - timedelta(days=1)).strftime("%A")
    lead = rng.choice(story.leads).format(n=f"{rng.randint(*story.figures):,}", day=day)
    details = rng.sample(story.details, k=4)
    return "\n\n".join([lead, *details]) + "\n"


def _copy_of(text: str, dateline: str, published: date, publisher: str) -> str:
    """A syndicated copy: the same report under a dateline and credit, its last paragraph
    lightly edited."""
    stamp = published.strftime("%B %-d")
    head, _, last = text.rstrip("\n").rpartition("\n\n")
    last = re.sub(r"\bsaid\b", "told reporters", last, count=1)
    return f"{dateline}, {stamp} ({publisher}) - {head}\n\n{last}\n"


def write_news_corpus(folder: Path, count: int = 40, seed: int = 0) -> list[Path]:
    """``count`` articles as ``NNN.txt`` files with ``.meta.json`` sidecars (publisher and
    date) in ``folder``; about one in five is a copy of an earlier one. The same seed writes
    the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2025, 3, 3)
    written: list[tuple[str, date, Story]] = []
    paths = []
    for i in range(count):
        if written and i % 5 == 4:
            text, published, story = rng.choice(written)
            publisher = rng.choice(PUBLISHERS)
            text = _copy_of(text, story.dateline, published, publisher)
        else:
            story = STORIES[i % len(STORIES)]
            published = start + timedelta(days=i // len(STORIES) + rng.randint(0, 1))
            publisher = rng.choice(PUBLISHERS)
            text = _article(story, rng, published)
            written.append((text, published, story))
        path = folder / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        meta = {"published": published.isoformat(), "source": publisher}
        path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths


def extract_news_corpus(folder: Path, count: int, seed: int) -> list[Document]:
    """The Documents of a generated corpus, each with its sidecar's publisher and date, for
    tests that store them directly rather than through ``ingest``."""
    import wirewatch

    docs = []
    for path in write_news_corpus(folder, count, seed=seed):
        meta = json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))
        docs.append(wirewatch.extract(path.read_text(encoding="utf-8"), **meta))
    return docs
