/* SPDX-License-Identifier: GPL-2.0-only */
/* The binary scenario format the fuzz targets read: total decoding, fixed-width fields, one encoder. */
#ifndef CLONEFUZZ_CODEC_H
#define CLONEFUZZ_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"

/*
 * Format 2, all integers little-endian:
 *
 *   header   0  u8   format version (2)
 *            1  u8   profile, index into profiles[] modulo their number
 *            2  u32  caller/world booleans, bit i = the i-th CK_BOOL key of
 *                    config_keys[]
 *            6  u8   the LSM hook's return: 0 allows; an errno's number
 *                    refuses with it (unknown numbers: 0); from
 *                    CODEC_LSM_POSITIVE up the positive value b - 0xef
 *                    (1 to 16; 0 where the profile has no BPF LSM)
 *            7  u64  caller capabilities (bits without a name dropped; all
 *                    named bits set means caps=all)
 *           15  u32  each CK_INT key of config_keys[], in table order:
 *                    min + value % (max - min + 1)
 *   ops      each CODEC_OP_SIZE bytes, up to MAX_OPS; a shorter tail is ignored
 *            0  u8   kind % 3: clone, exit, clone3 (clone where the profile
 *                    has no clone3)
 *            1  u8   task: clone: % (clones so far + 1); exit: 1 + % clones so
 *                    far (an exit before any clone is dropped)
 *            2  u8   fail: SITE_* id; ids the profile lacks mean none
 *            3  u8   signal: SITE_* id of one of the profile's signal points
 *            4  u16  fail_nth (0: none)
 *            6  u8   pointers, 2 bits each from bit 0: pidfd, child_tid,
 *                    parent_tid, set_tid (0 null, 1 and 3 valid, 2 bad)
 *            7  u8   bits 0-1 the clone_args pointer (as above), bit 2 a
 *                    non-zero byte past the struct
 *            8  u64  flags (clone: CSIGNAL byte included)
 *           16  u64  tls
 *           24  u64  exit_signal (clone3)
 *           32  u64  stack
 *           40  u64  stack_size (clone3)
 *           48  u16  size (clone3)
 *           50  u8   set_tid_size (clone3)
 *           51  u8   unused
 *           52  u32  cgroup (clone3)
 *           56  4 x s32  the first set_tid entries (later ones are 0)
 *
 * Every byte string of at least CODEC_HEADER_SIZE bytes whose first byte is
 * the version decodes to a valid scenario; anything else is rejected.
 * encode(decode(x)) is x with its fields made canonical.
 */
#define CODEC_VERSION		2
#define CODEC_LSM_POSITIVE	0xf0	/* header byte 6: a positive LSM return */
#define CODEC_NR_INTS		14	/* CK_INT keys of config_keys[] */
#define CODEC_NR_BOOLS		17	/* CK_BOOL keys of config_keys[] (at most 32) */
#define CODEC_INTS_AT		15
#define CODEC_HEADER_SIZE	(CODEC_INTS_AT + 4 * CODEC_NR_INTS)
#define CODEC_OP_SIZE		72
#define CODEC_OP_FLAGS_AT	8	/* an operation's flags */
#define CODEC_SET_TID_VALS	4
#define CODEC_MAX_SIZE		(CODEC_HEADER_SIZE + MAX_OPS * CODEC_OP_SIZE)

/*
 * When set, every decoded input runs on this profile, whatever its header
 * says (CLONEFUZZ_PROFILE: a campaign on one version, a source profile's).
 */
extern const struct profile *codec_profile;

/* codec_profile from $CLONEFUZZ_PROFILE, if set; -1 (said on stderr) if it names no profile. */
int codec_profile_from_env(void);

/* Whether inputs can run on @p: every profile, or the one codec_profile names. */
static inline bool codec_runs_on(const struct profile *p)
{
	return !codec_profile || p == codec_profile;
}

/* Decode @len bytes at @data into @s; on rejection fill @err and return -1. */
int scenario_decode(const uint8_t *data, size_t len, struct scenario *s,
		    char *err, size_t errlen);

/* Encode @s into @buf (CODEC_MAX_SIZE bytes); return the length. */
size_t scenario_encode(const struct scenario *s, uint8_t *buf);

/*
 * The whole operations a fuzzer is handed (the dictionaries' op_* entries,
 * the libFuzzer mutator's pool), built by the encoder: at most @max into
 * @out; returns how many there are.
 */
struct codec_whole_op {
	char name[40];
	uint8_t op[CODEC_OP_SIZE];
};
#define CODEC_MAX_WHOLE_OPS	32
size_t codec_whole_ops(struct codec_whole_op *out, size_t max);

/*
 * A mutation that keeps the format's shape (a header where there is none; a
 * whole operation inserted, replaced, deleted, duplicated or copied at an
 * operation boundary), for a fuzzer's custom mutator: the new size, at most
 * @max, or 0 when it has nothing to do. Deterministic in @seed.
 */
size_t codec_mutate_ops(uint8_t *data, size_t size, size_t max, uint64_t seed);

/* The args format (codec_args.c): profile, caller bits, flags and tls of one clone. */
#define ARGS_MIN_SIZE	10
#define ARGS_MAX_SIZE	51
int args_decode(const uint8_t *data, size_t len, struct scenario *s,
		char *err, size_t errlen);
long args_encode(const struct scenario *s, uint8_t *buf, char *err, size_t errlen);

#endif
