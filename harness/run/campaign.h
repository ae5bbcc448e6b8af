/* SPDX-License-Identifier: GPL-2.0-only */
/* A fuzzing campaign's directory as scripts/fuzz.sh lays it out: what ran, its progress over time, its corpus and findings. */
#ifndef CLONEFUZZ_CAMPAIGN_H
#define CLONEFUZZ_CAMPAIGN_H

#include <stdbool.h>
#include <stddef.h>

#define CAMPAIGN_MAX_SERIES 16

enum campaign_engine { CAMPAIGN_AFL, CAMPAIGN_LIBFUZZER };

/* One point of a fuzzer's progress; a value it did not report is negative. */
struct sample {
	double t;		/* seconds since the fuzzer started */
	double execs, eps, corpus, cov, crashes;
};

/* One fuzzer instance: an AFL++ sync directory, or libFuzzer's log. */
struct series {
	char name[64];		/* "main", "sec1", "libfuzzer" */
	char source[1024];	/* the file its samples come from */
	char *stats;		/* AFL++'s final fuzzer_stats, or NULL */
	struct sample *s;
	size_t n, cap;
};

/*
 * The campaign: OUT/campaign (what fuzz.sh records: the command, target,
 * seeds, builds; may be absent), the engine's own records, the files of
 * its final corpus and the inputs it saved as crashes.
 */
struct campaign {
	char dir[512];
	int engine;		/* enum campaign_engine */
	char *meta;		/* OUT/campaign, or NULL */
	struct series series[CAMPAIGN_MAX_SERIES];
	size_t nr_series;
	char **corpus, **crashes;	/* file paths */
	size_t nr_corpus, nr_crashes;
};

/*
 * campaign_open - read @dir: an AFL++ campaign has sync/NAME/ directories
 * with a fuzzer_stats or plot_data, a libFuzzer one libfuzzer.log. -1 with
 * the reason in @err when @dir is none of them.
 */
int campaign_open(struct campaign *c, const char *dir, char *err, size_t errlen);
void campaign_free(struct campaign *c);

/*
 * kv_get - the value of "KEY : value" lines (fuzzer_stats, OUT/campaign)
 * in @text, trimmed, into @buf; the @nth such line (0-based). NULL if absent.
 */
const char *kv_get(const char *text, const char *key, int nth, char *buf, size_t len);

/* The campaign file's value of @key, or @def. */
const char *campaign_meta(const struct campaign *c, const char *key, char *buf, size_t len,
			  const char *def);

/* The last sample of @sr, or NULL. */
const struct sample *series_last(const struct series *sr);

#endif
