/*
 * units.h: lengths of time that several modules count in.
 *
 * A leaf header (it includes nothing), so that any module can use it
 * without pulling in another module's interface.
 */
#ifndef ADUAN_UNITS_H
#define ADUAN_UNITS_H

/* A day in milliseconds (a civil day: WITA has no daylight saving). */
#define DAY_MS (24LL * 60 * 60 * 1000)

#endif
