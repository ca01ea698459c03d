"""Write a benchmark archive: N unique letters made from samples/, with the sizes of real letters (4-40 KB).

    python benchmarks/make_archive.py OUT_DIR [--letters 2000] [--seed 7]

Each letter is one of the markdown or text samples with its date, kenmerk and numbers varied, and its
body grown with paragraphs recombined from the sentences of every sample, until it reaches a size
drawn log-uniformly between 4 and 40 KB (real ministry letters: one to ten pages). Letters go into
year/NN folders, as an archive would hold them. The same seed gives the same archive.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
SENTENCE = re.compile(r"[A-Z][^.!?\n]{30,300}[.!?]")
CLOSING = re.compile(r"^(Hoogachtend|Met vriendelijke groet|De (Staats)?[Ss]ecretaris|De Minister|DE MINISTER)",
                     re.MULTILINE)


def _sources() -> list[tuple[str, str]]:
    return [(p.suffix, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples").iterdir())
            if p.suffix in (".md", ".txt")]


def _grow(text: str, target: int, sentences: list[str], rng: random.Random, i: int) -> str:
    """Insert recombined paragraphs before the closing until the letter is about `target` bytes."""
    m = CLOSING.search(text)
    at = m.start() if m else len(text)
    paragraphs: list[str] = []
    size = len(text.encode("utf-8"))
    while size < target:
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(3, 7)))
        para = " ".join(picked).replace("2024", str(rng.randint(2015, 2030)))
        para += f" Dit betreft kenmerk {i}-{len(paragraphs)}."
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    return text[:at] + "\n\n".join(paragraphs) + ("\n\n" if paragraphs else "") + text[at:]


def make_archive(root: Path, n: int, seed: int = 7) -> int:
    """Write n letters under root; returns the total number of bytes written."""
    texts = _sources()
    sentences = sorted({s for _, t in texts for s in SENTENCE.findall(t)})
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        suffix, text = texts[i % len(texts)]
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1995, 2024)
        text = text.replace("2024", str(year)).replace("maart", month).replace("14 ", f"{day} ", 1)
        text = text.replace("118204", f"{i:06d}")
        target = int(math.exp(rng.uniform(math.log(4096), math.log(40960))))
        text = _grow(text, target, sentences, rng, i)
        folder = root / f"{year}" / f"{i % 7:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"brief-{i:06d}{suffix}").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--letters", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t0 = time.perf_counter()
    total = make_archive(args.out, args.letters, args.seed)
    print(f"{args.letters} letters, {total / 1024 / 1024:.1f} MB (mean {total / args.letters / 1024:.1f} KB) "
          f"in {args.out}, made in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
