/* SPDX-License-Identifier: GPL-2.0-only */
/* A ladder drawn as a mirror: steps down the left, labels up the right, every goto of a symmetric ladder level. */
#ifndef CLONEFUZZ_CLI_PICTURE_H
#define CLONEFUZZ_CLI_PICTURE_H

#include <stdbool.h>

#define PIC_MAX_STEPS	160
#define PIC_MAX_LABELS	80
#define PIC_MAX_NOTES	24
#define PIC_TEXT	192

/* One goto: the step that fails and the label it jumps to. */
struct pic_step {
	char name[PIC_TEXT];	/* the step alone: "alloc_pid", "copy_fs" */
	char text[PIC_TEXT];	/* the words in its box */
	char detail[48];	/* right-aligned in the box: "ENOMEM", "line 237" */
	int line;		/* its source line, 0 for a model step */
	int label;		/* index into the labels */
	bool wrong;		/* its label does not undo what is held there */
};

/* One label, in source order (the top of the ladder first). */
struct pic_label {
	char name[96];
	char releases[PIC_TEXT * 2];
	bool ghost;		/* one the ladder lacks */
};

struct picture {
	char title[PIC_TEXT * 2];
	struct pic_step steps[PIC_MAX_STEPS];
	int nsteps;
	struct pic_label labels[PIC_MAX_LABELS];
	int nlabels;
	char notes[PIC_MAX_NOTES][PIC_TEXT * 4];	/* what is wrong, under the legend */
	int nnotes;
};

/* A new step (NULL when full) and a new label (-1 when full), at the end. */
struct pic_step *picture_step(struct picture *pic, const char *name, int label);
int picture_label(struct picture *pic, const char *name, const char *releases);

/* Insert a label the ladder lacks at source position @pos; the steps' labels follow. */
int picture_ghost(struct picture *pic, int pos, const char *name, const char *releases);

/* One line for the legend. */
void picture_note(struct picture *pic, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * picture_svg - @pic as SVG on stdout. A goto that no other marks wrong but
 * that would cross the ladder's order is marked wrong here, with a note.
 */
void picture_svg(struct picture *pic);

#endif
