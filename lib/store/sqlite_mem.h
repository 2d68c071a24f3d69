/*
 * sqlite_mem.h: the memory SQLite allocates through, installed by the
 * SQLite backend (store_sqlite.c) before SQLite starts; nothing else in
 * libaduan uses it.
 *
 * SQLite as Debian builds it has no lookaside (SQLITE_OMIT_LOOKASIDE):
 * every cursor a statement opens and every record or text register it
 * builds is a malloc() and, when the statement ends, a free(), about a
 * hundred pairs a message, most of them missing glibc's per-thread cache
 * (more of one size than it keeps, or more than 1 KiB); and every
 * request's savepoint journal is one block of the spill size
 * (store_sqlite.c) allocated at its first page and freed at its release.
 * These methods keep the blocks of up to SQLITE_MEM_SMALL bytes that the
 * owning thread frees, a few of each size class, and the last larger
 * one, and hand them out again to that thread; every other block, and
 * every block of any other thread, is glibc's.  The owner is the first
 * thread that asks for the methods (the daemon's loop, which opens the
 * store).
 */
#ifndef ADUAN_SQLITE_MEM_H
#define ADUAN_SQLITE_MEM_H

#include <stddef.h>

struct sqlite3_mem_methods;

/* The largest block kept for reuse, and the step of the size classes. */
#define SQLITE_MEM_SMALL 2048
#define SQLITE_MEM_STEP 64
/* Freed small blocks kept per size class (at most about 528 KiB in
 * all). */
#define SQLITE_MEM_KEEP 16
/* The largest of the larger blocks kept (a savepoint's journal is 1 MiB,
 * store_sqlite.c): a bigger one, freed once in a while, is not held for
 * good. */
#define SQLITE_MEM_BIG (2 * 1024 * 1024)

/* The methods, for sqlite3_config(SQLITE_CONFIG_MALLOC, ...); the caller
 * becomes the owner of the kept blocks. */
const struct sqlite3_mem_methods *sqlite_mem_methods(void);

/* Give every kept block back to glibc (only on the owner's thread; a
 * call from any other does nothing). */
void sqlite_mem_drain(void);

/* The blocks kept now (for the tests). */
size_t sqlite_mem_kept(void);

#endif
