#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Detection benchmark statistics: medians and Kaplan-Meier restricted means (95% interval) as Markdown, and a matplotlib SVG of the curves and detections.

usage: /usr/bin/python3 scripts/detect_stats.py RESULTS.tsv REPORT.md PLOT.svg
(Debian's interpreter, which has python3-matplotlib; the report is written first)."""
import math
import sys
from collections import defaultdict


def km_rmst(times, budget, censor=None):
    """Restricted mean time to detection up to the budget; censored trials have time -1
    and are censored at their censor time (default: the budget)."""
    censor = censor or [budget] * len(times)
    events = sorted((t, 1) if t >= 0 else (min(c, budget), 0) for t, c in zip(times, censor))
    n = len(events)
    surv, last_t, area, steps = 1.0, 0.0, 0.0, []
    at_risk = n
    i = 0
    while i < n:
        t = events[i][0]
        d = c = 0
        while i < n and events[i][0] == t:
            d += events[i][1]
            c += 1 - events[i][1]
            i += 1
        area += surv * (min(t, budget) - last_t)
        last_t = min(t, budget)
        if d:
            steps.append((t, d, at_risk, surv))
            surv *= 1.0 - d / at_risk
        at_risk -= d + c
    area += surv * (budget - last_t)
    # Greenwood-type variance of the restricted mean
    var = 0.0
    for j, (t, d, r, s_before) in enumerate(steps):
        # area under S after t_j up to the budget
        a, s, prev = 0.0, s_before * (1 - d / r), t
        for (t2, d2, r2, _s2) in steps[j + 1:]:
            a += s * (t2 - prev)
            s *= 1 - d2 / r2
            prev = t2
        a += s * (budget - prev)
        if r - d > 0:
            var += a * a * d / (r * (r - d))
    half = 1.96 * math.sqrt(var)
    return area, max(0.0, area - half), min(budget, area + half)


def median(times, budget):
    done = sorted(t for t in times if t >= 0)
    if len(done) * 2 <= len(times):
        return None
    k = len(times) // 2
    return done[k] if len(times) % 2 else (done[k - 1] + done[k]) / 2


def fmt(v):
    return "-" if v is None else ("%.1f" % v)

ENGINES = {"afl": ("AFL++", "#c62828"), "libfuzzer": ("libFuzzer", "#1f5fbf")}


def km_curve(times, censor):
    """Kaplan-Meier fraction detected, 1 - S(t), as the points of a step curve
    from (0, 0); censored trials (time -1) leave the risk set at their censor
    time.  Also returns the censor times, each with the fraction at it."""
    events = sorted((t, 1) if t >= 0 else (c, 0) for t, c in zip(times, censor))
    at_risk, surv = len(events), 1.0
    xs, ys, cens = [0.0], [0.0], []
    for t in sorted({e[0] for e in events}):
        d = sum(1 for e in events if e == (t, 1))
        c = sum(1 for e in events if e == (t, 0))
        if d:
            surv *= 1.0 - d / at_risk
            xs.append(t)
            ys.append(1.0 - surv)
        if c:
            cens.append((t, 1.0 - surv))
        at_risk -= d + c
    return xs, ys, cens


def plot(rows, budget, svg):
    """One figure: the Kaplan-Meier curve of every engine and corpus over all
    their trials, on a log time axis, and per bug the fraction of trials each
    engine and corpus detected (false alarms hatched)."""
    try:
        import matplotlib
    except ImportError:
        sys.exit("detect_stats.py: no matplotlib in %s (Debian's python3-matplotlib, for /usr/bin/python3): "
                 "no %s" % (sys.executable, svg))
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

    matplotlib.rcParams.update({"svg.hashsalt": "clonefuzz-detect", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans", "font.size": 9})
    series = sorted({(k[1], k[2]) for k in rows}, key=lambda s: (s[0], s[1] != "seeds", s[1]))
    corpora = sorted({s[1] for s in series}, key=lambda c: (c != "seeds", c))
    bugs = sorted({k[0] for k in rows})
    both = len(corpora) > 1

    def name(s):
        return ENGINES.get(s[0], (s[0],))[0] + (", " + s[1] if both else "")

    def color(s):
        return ENGINES.get(s[0], (None, "#555555"))[1]

    def shade(s):
        # with both corpora, the empty corpus's bars are the lighter ones
        return 0.55 if both and s[1] != "seeds" else 1.0

    top = max(budget.values(), default=1.0)
    # the time axis starts at the power of ten below the first detection (times
    # are in hundredths); a detection at 0 s is drawn there
    found = [x[2] for r in rows.values() for x in r if x[2] > 0]
    lo = max(0.01, 10 ** math.floor(math.log10(min(found)))) if found else 0.1
    bar_h = 0.16 * len(series) + 0.12
    fig = plt.figure(figsize=(11, 4.6 + bar_h * max(3, len(bugs))), layout="constrained")
    grid = fig.add_gridspec(2, 1, height_ratios=[3.4, bar_h * max(3, len(bugs))])
    trials = sorted({len(r) for r in rows.values()}) or [0]
    fig.suptitle("Time to detect the seeded bugs, %s: %s\n%d bugs, %s trials of %g s per bug and engine" % (
        "corpora" if both else "corpus", " and ".join(corpora) or "none", len(bugs),
        "%d-%d" % (trials[0], trials[-1]) if len(trials) > 1 else trials[0], top), fontsize=11)

    km = fig.add_subplot(grid[0])
    for s in series:
        r = [(x, budget[k]) for k in sorted(rows) if (k[1], k[2]) == s for x in rows[k]]
        det = [x[2] for x, _b in r]
        xs, ys, cens = km_curve(det, [x[3] if x[3] >= 0 else b for x, b in r])
        xs = [max(t, lo) for t in xs]
        style = "--" if s[1] != "seeds" and both else "-"
        km.step(xs + [top], ys + [ys[-1]], where="post", color=color(s), linestyle=style, linewidth=1.8,
                label="%s: %d/%d trials detected" % (name(s), sum(1 for t in det if t >= 0), len(det)))
        if cens:
            km.plot([max(t, lo) for t, _y in cens], [y for _t, y in cens], "|", color=color(s),
                    markersize=10, markeredgewidth=1.5, clip_on=False)
    km.plot([], [], "|", color="#555555", markersize=9, markeredgewidth=1.5,
            label="censored: budget reached or false alarm")
    km.set_xscale("log")
    km.set_xlim(lo, top)
    ticks = [10.0 ** e for e in range(round(math.log10(lo)), 6) if 10.0 ** e < top * 0.7] + [top]
    km.xaxis.set_major_locator(FixedLocator(ticks))
    km.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: "%g" % v))
    km.xaxis.set_minor_formatter(NullFormatter())
    km.set_ylim(-0.02, 1.02)
    km.set_xlabel("seconds from the start of the trial (log scale)")
    km.set_ylabel("fraction of trials detected")
    km.set_title("Kaplan-Meier estimate over every bug's trials, per engine", fontsize=10)
    km.grid(True, which="major", color="#dddddd", linewidth=0.6)
    km.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)

    bars = fig.add_subplot(grid[1])
    h = 0.8 / max(1, len(series))
    alarms = False
    for j, s in enumerate(series):
        for i, bug in enumerate(bugs):
            r = rows.get((bug,) + s)
            if not r:
                continue
            y = i + (j - (len(series) - 1) / 2) * h
            k = sum(1 for x in r if x[2] >= 0)
            fa = sum(1 for x in r if x[2] < 0 and x[3] >= 0)
            bars.barh(y, k / len(r), height=h * 0.9, color=color(s), alpha=shade(s))
            if fa:
                alarms = True
                bars.barh(y, fa / len(r), left=k / len(r), height=h * 0.9, color="#ffffff",
                          edgecolor="#555555", hatch="////", linewidth=0.5)
            bars.text((k + fa) / len(r) + 0.01, y, "%d/%d%s" % (k, len(r), " + %d false alarm" % fa if fa else ""),
                      va="center", fontsize=7, color="#333333")
    bars.set_yticks(range(len(bugs)))
    bars.set_yticklabels(bugs, fontsize=8)
    bars.set_ylim(len(bugs) - 0.5, -0.5)
    bars.set_xlim(0, 1.25)
    bars.set_xticks([0, 0.25, 0.5, 0.75, 1])
    bars.set_xlabel("fraction of the bug's trials detected within the budget")
    bars.set_title("Detected per bug and engine", fontsize=10)
    bars.grid(True, axis="x", color="#dddddd", linewidth=0.6)
    bars.set_axisbelow(True)
    handles = [Patch(color=color(s), alpha=shade(s), label=name(s))
               for s in series]
    if alarms:
        handles.append(Patch(facecolor="#ffffff", edgecolor="#555555", hatch="////", label="false alarm"))
    bars.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)


def main(tsv, md, svg):
    rows = defaultdict(list)
    budget = {}
    with open(tsv) as f:
        # the column names, then a line per trial; lines starting with # are comments
        lines = [line for line in f if not line.startswith("#")][1:]
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            bug, engine, corpus, _trial, b, reach, trig, det = cols[:8]
            # a false alarm (an oracle that fires on the faithful model too) ends the
            # trial: it is censored there
            alarm = float(cols[8]) if len(cols) > 8 else -1.0
            key = (bug, engine, corpus)
            rows[key].append((float(reach), float(trig), float(det), alarm))
            budget[key] = float(b)
    out = ["| bug | engine | corpus | detected | reach median (s) | trigger median (s) | detect median (s) | detect restricted mean (s) [95% CI] |",
           "|---|---|---|---|---|---|---|---|"]
    missed = []
    alarms = []
    for key in sorted(rows):
        b = budget[key]
        r = rows[key]
        det = [x[2] for x in r]
        mean, lo, hi = km_rmst(det, b, [x[3] if x[3] >= 0 else b for x in r])
        k = sum(1 for t in det if t >= 0)
        fa = sum(1 for x in r if x[2] < 0 and x[3] >= 0)
        if not k:
            missed.append(key)
        if fa:
            alarms.append(key + (fa,))
        out.append("| %s | %s | %s | %d/%d%s | %s | %s | %s | %.1f [%.1f, %.1f] |" % (
            key[0], key[1], key[2], k, len(r), " (%d false alarm)" % fa if fa else "",
            fmt(median([x[0] for x in r], b)),
            fmt(median([x[1] for x in r], b)), fmt(median(det, b)), mean, lo, hi))
    if missed:
        out.append("")
        out.append("Not detected within the budget: " + ", ".join("%s (%s, %s)" % m for m in missed))
    if alarms:
        out.append("")
        out.append("False alarms (an oracle fired on the faithful model too; the trial stopped and is "
                   "censored there): " + ", ".join("%s (%s, %s): %d" % a for a in alarms))
    # the summary: per engine and corpus, how many bugs every, some or no trial detected
    summary = ["| engine | corpus | bugs | detected in every trial | in some | in none | median of the bugs' detect medians (s) |",
               "|---|---|---|---|---|---|---|"]
    for engine, corpus in sorted({(k[1], k[2]) for k in rows}):
        keys = [k for k in rows if k[1] == engine and k[2] == corpus]
        every = some = none = 0
        meds = []
        for k in keys:
            det = [x[2] for x in rows[k]]
            hit = sum(1 for t in det if t >= 0)
            every += hit == len(det)
            some += 0 < hit < len(det)
            none += hit == 0
            meds.append(median(det, budget[k]))
        # a bug without a median (detected in half its trials or fewer) ranks
        # above the budget; the middle of the ranking is the summary
        ranked = sorted(math.inf if m is None else m for m in meds)
        n = len(ranked)
        mid = ranked[n // 2] if n % 2 else (ranked[n // 2 - 1] + ranked[n // 2]) / 2
        summary.append("| %s | %s | %d | %d | %d | %d | %s |" % (
            engine, corpus, len(keys), every, some, none,
            fmt(mid) if mid != math.inf else "> budget"))
    out = summary + [""] + out
    with open(md, "w") as f:
        f.write("\n".join(out) + "\n")
    plot(rows, budget, svg)

if __name__ == "__main__":
    if len(sys.argv) != 4:
        print("usage: detect_stats.py RESULTS.tsv REPORT.md PLOT.svg", file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
