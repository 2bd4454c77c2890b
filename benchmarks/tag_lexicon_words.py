"""Which development documents each word of the extractors' word lists decides (one-off
tagging for leave-one-source-out).

Run:  .venv/bin/python benchmarks/tag_lexicon_words.py [--corpus ../shared/corpus]

For every word of the lists below, the word is taken out of its list, the 27 documents are
extracted again, and the documents whose records change are printed as a ``SOURCED`` entry
("LIST:word": stems). The lists were read off the corpus's misses without a record of which
document motivated each word; the documents where a word changes the answer include the one
that motivated it. A word that changes nothing alone (another word of the lists covers the
same names) is tagged, by the rule of the first tagging (lexicon.SOURCED), with the
documents whose text holds it when they are at most two. A word that decides answers in, or
occurs in, three or more documents is genre vocabulary and gets no tag.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = ("PUBLIC_WORDS", "NOT_PLATFORM_WORDS", "NOT_FIRM_ENDS", "NOT_PROJECT_WORDS",
         "ZONE_CUT_WORDS", "NOT_INDUSTRY_OPENERS", "NOT_INDUSTRY_PARTS", "NOT_INDUSTRY_WHOLE")
MOST = 2  # a word deciding answers in more documents than this is genre vocabulary


def records(paths: list) -> dict:
    """Stem → the document's records as JSON lines."""
    from kg.loaders.documents import extract_records
    return {p.stem.split("_")[0]: [json.dumps(r, ensure_ascii=False, sort_keys=True)
                                   for r in extract_records(p)] for p in paths}


def changed_by(name: str, word: str, paths: list, base: dict) -> tuple:
    """Stems of the documents whose records change when ``word`` leaves list ``name``."""
    from kg.loaders import lexicon
    words = getattr(lexicon, name)
    at = words.index(word)
    del words[at]
    for hook in lexicon._FOLD_HOOKS:
        hook()
    try:
        now = records(paths)
    finally:
        words.insert(at, word)
        for hook in lexicon._FOLD_HOOKS:
            hook()
    return tuple(stem for stem in base if now[stem] != base[stem])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--lists", nargs="*", default=LISTS, help="lexicon lists to tag")
    parser.add_argument("--words", nargs="*", help="only these words of the lists")
    args = parser.parse_args()
    from kg.loaders import lexicon
    paths = sorted((args.corpus / "docs").glob("*.txt"))
    base = records(paths)
    texts = {p.stem.split("_")[0]: p.read_text(encoding="utf-8") for p in paths}
    for name in args.lists:
        for word in list(getattr(lexicon, name)):
            if args.words and word not in args.words:
                continue
            stems = changed_by(name, word, paths, base)
            how = "changes"
            if not stems:
                how = "occurs in"
                stems = tuple(stem for stem, text in texts.items() if word in text)
            note = "" if 0 < len(stems) <= MOST else "  # untagged"
            print(f'"{name}:{word}": {stems!r},  # {how} {len(stems)}{note}', flush=True)


if __name__ == "__main__":
    main()
