/*
 * manual.h: the command lines of aduand and aduanctl, described once.
 *
 * `aduand -h`, `aduanctl -h` and the man pages aduand(8) and aduanctl(8)
 * are all rendered from these descriptions (base/manpage.h); the third
 * page, aduand.conf(5), comes from the config's directive table
 * (config_manual()).
 */
#ifndef ADUAN_MANUAL_H
#define ADUAN_MANUAL_H

#include "base/manpage.h"

extern const struct manpage manual_aduand;
extern const struct manpage manual_aduanctl;

#endif
