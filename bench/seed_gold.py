"""Score a brief against the seed story's hand-made expectations (gold.json).

Usage:
    python bench/seed_gold.py [BRIEF.json]   # default: build the brief of examples/seed-story

Prints one line per check (PASS/FAIL, required or stretch) and a tally per part; writes
bench/results/seed_gold.json. ``check(brief, gold)`` is also used by the test suite.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "seed_gold.json"
SEED = ROOT / "examples" / "seed-story"


@dataclass(frozen=True)
class Check:
    part: str
    level: str  # "required" | "stretch"
    name: str
    passed: bool


def _has(text: str | None, word: str) -> bool:
    return text is not None and word.lower() in text.lower()


def _any(text: str, words: list[str]) -> bool:
    return any(_has(text, w) for w in words)


def _item_text(item: dict[str, Any]) -> str:
    parts = [item.get("text") or ""] + [e.get("text", "") for e in item.get("evidence", [])]
    return "\n".join(parts)


def check(brief: dict[str, Any], gold: dict[str, Any]) -> list[Check]:
    """Every gold check on a brief (JSON dict), in a stable order."""
    out: list[Check] = []
    by_input = {s["input"]: s for s in brief["sources"]}
    sid = {s["input"]: s["id"] for s in brief["sources"]}
    texts = [s["text"] for s in brief["sources"]]

    for level in ("required", "stretch"):
        for name, date in gold["published"][level].items():
            got = by_input.get(name, {}).get("published")
            out.append(Check("published", level, f"{name} = {date} (got {got})", got == date))
    for junk in gold["must_remove"]:
        out.append(Check("must_remove", "required", junk, not any(_has(t, junk) for t in texts)))
    for keep in gold["must_keep"]:
        out.append(Check("must_keep", "required", keep, any(_has(t, keep) for t in texts)))
    for level in ("required", "stretch"):
        for f in gold["flags"][level]:
            flags = by_input.get(f["source"], {}).get("flags", [])
            ok = any(
                g["kind"] == f["kind"]
                and ("evidence" not in f or _has(g["evidence"], f["evidence"]))
                for g in flags
            )
            out.append(
                Check("flags", level, f"{f['source']} {f['kind']} {f.get('evidence', '')}", ok)
            )
    out += _figure_checks(brief, gold["figures"])
    for level in ("required", "stretch"):
        for t in gold["timeline"][level]:
            ok = any(
                e["date"] == t["date"]
                and _any(_item_text(e), t["words"])
                and len(e["sources"]) >= t["min_sources"]
                for e in brief["timeline"]
            )
            out.append(
                Check("timeline", level, f"{t['date']} {t['words'][0]} >={t['min_sources']}", ok)
            )
    out += _entity_checks(brief, gold["entities"])
    for level in ("required", "stretch"):
        for q in gold["quotes"][level]:
            ok = any(
                _has(x.get("speaker"), q["speaker"])
                and _has(_item_text(x), q["text"])
                and len(x["sources"]) >= q.get("min_sources", 1)
                for x in brief["quotes"]
            )
            out.append(Check("quotes", level, f"{q['speaker']}: {q['text']}", ok))
    out += _summary_checks(brief, gold["summary"])
    for f in gold["facts"]["agreed_required"]:
        ok = any(
            x["status"] == "agreed"
            and all(_any(_item_text(x), words) for words in f["words"])
            and len(x["sources"]) >= f["min_sources"]
            for x in brief["facts"]
        )
        out.append(
            Check("facts", "required", f"agreed {f['words'][0][0]} >={f['min_sources']}", ok)
        )
    for f in gold["facts"]["single_required"]:
        ok = any(
            x["status"] == "single"
            and all(_any(_item_text(x), words) for words in f["words"])
            and x["sources"] == [sid.get(f["source"])]
            for x in brief["facts"]
        )
        out.append(Check("facts", "required", f"single {f['words'][0][0]} in {f['source']}", ok))
    for r in gold["removed_stretch"]:
        removed = by_input.get(r["source"], {}).get("removed", [])
        ok = any(_has(x["text"], r["text"]) and x["reason"] == r["reason"] for x in removed)
        out.append(Check("removed", "stretch", f"{r['reason']}: {r['text'][:40]}", ok))
    for d in gold["disputes_stretch"]:
        ok = any(
            all(any(_any(_item_text(c), words) for c in x["claims"]) for words in d["words"])
            for x in brief["disputes"]
        )
        out.append(Check("disputes", "stretch", d["about"][:60], ok))
    return out


def _figure_checks(brief: dict[str, Any], gold: dict[str, Any]) -> list[Check]:
    def matches(fig: dict[str, Any], alternatives: list[list[str]]) -> bool:
        texts = [v["text"] for v in fig["values"]]
        return all(any(_any(t, alt) for t in texts) for alt in alternatives)

    out = []
    for key, level, status in (
        ("conflict_required", "required", "conflict"),
        ("consistent_required", "required", "consistent"),
        ("conflict_stretch", "stretch", "conflict"),
    ):
        for g in gold.get(key, []):
            ok = any(f["status"] == status and matches(f, g["values"]) for f in brief["figures"])
            out.append(Check("figures", level, f"{status} {g['name']}", ok))
    return out


def _entity_checks(brief: dict[str, Any], gold: dict[str, Any]) -> list[Check]:
    names = [{n.lower() for n in [e["name"], *e["aliases"]]} for e in brief["entities"]]
    out = []
    for level in ("required", "stretch"):
        for group in gold.get(f"same_{level}", []):
            ok = any(all(g.lower() in n for g in group) for n in names)
            out.append(Check("entities", level, "same: " + " / ".join(group), ok))
    for a, b in gold.get("different_required", []):
        ok = not any(a.lower() in n and b.lower() in n for n in names)
        out.append(Check("entities", "required", f"different: {a} / {b}", ok))
    for name in gold.get("present_required", []):
        ok = any(name.lower() in n for n in names)
        out.append(Check("entities", "required", f"present: {name}", ok))
    return out


def _summary_checks(brief: dict[str, Any], gold: dict[str, Any]) -> list[Check]:
    items = brief["summary"]
    out = [
        Check(
            "summary",
            "required",
            f"{gold['min_items']}-{gold['max_items']} items",
            gold["min_items"] <= len(items) <= gold["max_items"],
        )
    ]
    first = _item_text(items[0]) if items else ""
    out.append(
        Check(
            "summary",
            "required",
            "first item is the main event",
            bool(items) and all(_any(first, words) for words in gold["first_item_words"]),
        )
    )
    for bad in gold["forbidden"]:
        ok = not any(_has(_item_text(i), bad) for i in items)
        out.append(Check("summary", "required", f"never: {bad}", ok))
    many = sum(1 for i in items if len(i["sources"]) >= 3)
    out.append(
        Check(
            "summary",
            "required",
            f">= {gold['min_items_with_3_sources']} items with 3 sources",
            many >= gold["min_items_with_3_sources"],
        )
    )
    return out


def evidence_problems(brief: dict[str, Any]) -> list[str]:
    """Evidence spans that are not exact substrings of their source's text."""
    texts = {s["id"]: s["text"] for s in brief["sources"]}
    problems = []
    for part in ("summary", "facts", "timeline", "quotes", "disputes", "figures"):
        for item in brief.get(part, []):
            for holder in item.get("values", item.get("claims", [item])):
                for ev in holder.get("evidence", []):
                    if ev["text"] not in texts.get(ev["source"], ""):
                        problems.append(f"{part}: {ev['source']}: {ev['text'][:60]!r}")
    return problems


def build_seed_brief() -> dict[str, Any]:
    """The JSON brief of the bundled example story."""
    from storyweave.pipeline import build_brief, read_story
    from storyweave.render.json_out import brief_json

    articles, rejected = read_story([SEED])
    return brief_json(build_brief(articles, rejected=rejected))


def main(argv: list[str]) -> int:
    brief = json.loads(Path(argv[0]).read_text()) if argv else build_seed_brief()
    gold = json.loads(GOLD.read_text())
    checks = check(brief, gold)
    for c in checks:
        print(f"{'PASS' if c.passed else 'FAIL'}  {c.level:8}  {c.part:11}  {c.name}")
    tally: dict[str, list[int]] = {}
    for c in checks:
        t = tally.setdefault(f"{c.part} ({c.level})", [0, 0])
        t[0] += c.passed
        t[1] += 1
    print("\n| part | passed |\n|---|---|")
    for k, (p, n) in tally.items():
        print(f"| {k} | {p}/{n} |")
    bad = evidence_problems(brief)
    print(f"\nevidence spans outside their source: {len(bad)}")
    result = {"checks": [c.__dict__ for c in checks], "tally": tally, "evidence_problems": bad}
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "seed_gold.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
