#!/usr/bin/python3
"""Generate synthetic AI-answer documents in the shape evgraph reads (see graphs/men-peer-support).

Each file is a run of answer blocks: prose lines ending in citation markers ([n], [n][m], ...),
then a `Citations:` list of `[n] url` lines. Sources come from one shared pool, so they recur
across blocks and files. Some blocks carry the quirks real answers have: a number defined twice,
entries never cited, two definitions on one line, flattened superscripts (`.2579[5]`, `.57912`),
uncited sentences and commentary. Output is a pure function of the arguments (seeded).

    generate_answers.py --claims 100000 --documents 100 --out /tmp/corpus [--seed 1]
"""
import argparse
import hashlib
import os
import random

POPULATIONS = [
    "veterans", "military veterans", "students", "high school students", "university students",
    "Indigenous communities", "Indigenous men", "older men", "older adults", "young men", "fathers",
    "farmers", "LGBTQ+ men", "ethnic minority men", "refugees", "men with serious mental illness",
    "carers", "prisoners", "homeless men", "unemployed men", "divorced men", "bereaved fathers",
    "suicide attempt survivors", "men who use drugs", "men with cancer", "first responders",
    "healthcare workers", "construction workers", "athletes", "men with low socioeconomic status",
]
INTERVENTIONS = [
    "peer support groups", "support groups", "peer-led groups", "peer support workers",
    "online support groups", "family wellbeing programs", "arts-based peer groups",
    "suicide prevention programmes", "men's sheds", "men’s sheds", "talking therapy", "CBT",
    "mindfulness-based interventions", "exercise", "community-based programmes", "psychoeducation",
    "mental health first aid training", "social prescribing", "mental health apps",
    "self-management programmes", "outdoor activities", "parenting programmes", "helplines",
    "workplace interventions", "mutual aid groups", "sports-based programmes",
]
OUTCOMES = [
    "self-esteem", "isolation", "social isolation", "feelings of isolation",
    "psychological distress", "mental distress", "depressive symptoms", "anxiety",
    "suicidal ideation", "self-harm", "wellbeing", "emotion regulation", "self-expression",
    "help-seeking", "sense of purpose", "mental health management", "recovery", "empathy",
    "stigma", "quality of life", "resilience", "social connectedness", "social support",
    "coping skills", "perceived stress", "PTSD symptoms", "substance use", "self-efficacy",
    "empowerment", "self-care", "hopefulness", "mental health literacy", "sleep quality",
    "return to work", "loneliness", "shared understanding",
]
DESIGNS = ["A randomised controlled trial", "A qualitative study", "A mixed-methods evaluation",
           "A cohort study", "A systematic review", "A cross-sectional survey", "A pilot study",
           "An interview study", "A meta-analysis", "A community evaluation", "This report",
           "A longitudinal study", "A realist review", "This study"]
PLACES = ["in Australia", "in rural Canada", "in the UK", "in New Zealand", "in Ireland",
          "in Scotland", "across the United States", "in Norway", "in South Africa", "in Japan",
          "in urban clinics", "in primary care", "in community settings", "online", "in prisons"]
VERBS = ["improved", "reduced", "was associated with lower", "was associated with higher",
         "did not significantly change", "strengthened", "modestly improved", "lowered"]

TEMPLATES = [
    "{Design} of {n} {pop} {place} found that {intv} {verb} {out} over {months} months.",
    "For {pop}, taking part in {intv} {verb} {out} and {out2}.",
    "{Design} reported that {pop} who joined {intv} described less {out} and more {out2}.",
    "{Intv} gave {pop} a safe space to talk, which {verb} {out} (n={n}).",
    "Among {pop} {place}, {intv} {verb} {out}; effects on {out2} were smaller.",
    "{Design} {place} suggests {intv} may help {pop} with {out}, though follow-up was {months} months.",
    "Participants in {intv} valued shared experience, and {pop} reported gains in {out}.",
    "{Design} found {pct}% of {pop} in {intv} reported better {out} after {months} months.",
    "{Intv} for {pop} {verb} {out}, particularly when sessions were peer-facilitated.",
    "Reaching out to {intv} is one way {pop} rebuild {out2} after major life events.",
    "Compared with usual care, {intv} {verb} {out} among {n} {pop} {place}.",
]
COMMENTARY = [
    "The other search results provide some relevant context on {out} and {out2}, "
    "but do not directly address {intv} for {pop}.",
    "While the other results discuss {out} more broadly, the benefits of {intv} for {pop} "
    "are most directly highlighted in the studies cited above.",
]


def source_url(i, variant):
    """URL of pool source i; `variant` picks an equivalent spelling of the same source."""
    h = hashlib.sha1(b"evgraph-bench-%d" % i).hexdigest()
    kind = int(h[:2], 16) % 10
    if kind < 3:
        pmc = 1000000 + int(h[2:9], 16) % 9000000
        return [f"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC{pmc}/",
                f"https://pmc.ncbi.nlm.nih.gov/articles/PMC{pmc}/"][variant % 2]
    if kind < 5:
        return f"https://pubmed.ncbi.nlm.nih.gov/{10000000 + int(h[2:9], 16) % 30000000}/"
    if kind < 8:
        return f"https://www.semanticscholar.org/paper/{h}"
    if kind < 9:
        doi = f"10.{1000 + int(h[2:5], 16) % 9000}/{h[5:9]}.{int(h[9:13], 16)}"
        return [f"https://doi.org/{doi}", f"https://dx.doi.org/{doi.upper()}"][variant % 2]
    site = ["www.meld.community", "www.beyondblue.org.au", "www.mind.org.uk", "menshealthforum.org.uk"]
    return f"https://{site[int(h[2:4], 16) % 4]}/articles/{h[4:12]}"


def claim_text(rng):
    pop, intv = rng.choice(POPULATIONS), rng.choice(INTERVENTIONS)
    out, out2 = rng.sample(OUTCOMES, 2)
    text = rng.choice(TEMPLATES).format(
        Design=rng.choice(DESIGNS), pop=pop, place=rng.choice(PLACES), intv=intv,
        Intv=intv[0].upper() + intv[1:], verb=rng.choice(VERBS), out=out, out2=out2,
        n=rng.randint(12, 4000), months=rng.choice([3, 6, 12, 18, 24, 36, 72]),
        pct=rng.randint(8, 92))
    if rng.random() < 0.3:  # a second sentence, as in the seed's multi-sentence claims
        text += " " + rng.choice(TEMPLATES).format(
            Design="Another study", pop=pop, place=rng.choice(PLACES), intv=intv,
            Intv=intv[0].upper() + intv[1:], verb=rng.choice(VERBS), out=out2,
            out2=rng.choice(OUTCOMES), n=rng.randint(12, 4000), months=rng.choice([6, 12]),
            pct=rng.randint(8, 92))
    return text


def markers(rng, k, first):
    r = rng.random()
    count = 1 if r < 0.72 else 2 if r < 0.93 else 3
    nums = sorted({first, *rng.sample(range(1, k + 1), min(count, k) - 1)})
    if len(nums) > 1 and rng.random() < 0.1:
        return "[" + ", ".join(map(str, nums)) + "]"
    return "".join(f"[{n}]" for n in nums)


def block(rng, pool, quota):
    """One answer block of at most `quota` claims; returns (text, claims written)."""
    n_claims = min(quota, rng.randint(3, 9))
    k = min(n_claims, rng.randint(3, 8))       # distinct sources in this block's list
    firsts = rng.sample(range(1, k + 1), k) + [rng.randint(1, k) for _ in range(n_claims - k)]
    lines = []
    for first in firsts:                       # every listed number is cited at least once ...
        r = rng.random()
        if r < 0.03:                           # commentary with a flattened superscript
            text = rng.choice(COMMENTARY).format(
                out=rng.choice(OUTCOMES), out2=rng.choice(OUTCOMES),
                intv=rng.choice(INTERVENTIONS), pop=rng.choice(POPULATIONS))
            glued = "".join(map(str, sorted(rng.sample(range(1, 10), 4))))
            lines.append(text[:-1] + "." + glued + (f"[{rng.randint(1, k)}]" if r < 0.015 else ""))
        elif r < 0.05:                         # uncited sentence
            lines.append(claim_text(rng))
        else:
            lines.append(claim_text(rng) + markers(rng, k, first))  # ... unless a quirk took its turn
    ids = [int(pool * rng.random() ** 2) for _ in range(k)]   # skewed: popular sources recur
    entries = [f"[{n}] {source_url(i, rng.randint(0, 9) == 0)}" for n, i in enumerate(ids, 1)]
    if rng.random() < 0.05:                    # duplicate definition of an existing number
        entries.insert(rng.randint(1, k), f"[{rng.randint(1, k)}] {source_url(int(pool * rng.random()), 0)}")
    if rng.random() < 0.08:                    # listed but never cited
        entries.append(f"[{k + rng.randint(1, 9)}] {source_url(int(pool * rng.random()), 0)}")
    out, i = [], 0
    while i < len(entries):                    # sometimes two definitions share a line
        if i + 1 < len(entries) and rng.random() < 0.07:
            out.append(entries[i] + " " + entries[i + 1])
            i += 2
        else:
            out.append(entries[i])
            i += 1
    return "\n".join(lines + ["Citations:"] + out) + "\n", n_claims


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, required=True, help="total claims, about")
    ap.add_argument("--documents", type=int, default=1)
    ap.add_argument("--out", required=True, help="directory to write answer-NNNNNN.txt into")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pool = max(50, args.claims // 4)           # ~1.3 cites per claim => each source cited ~5x
    for d in range(args.documents):
        rng = random.Random(f"{args.seed}:{d}")  # per-file streams: any file can be regenerated alone
        quota = args.claims // args.documents + (d < args.claims % args.documents)
        parts = []
        while quota > 0:
            text, n = block(rng, pool, quota)
            parts.append(text)
            quota -= n
        with open(os.path.join(args.out, f"answer-{d:06d}.txt"), "w", encoding="utf-8") as f:
            f.write("".join(parts))


if __name__ == "__main__":
    main()
