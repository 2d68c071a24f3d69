/*
 * sqlite_mem.c: SQLite's allocator, with the owner's small blocks kept
 * for reuse (see sqlite_mem.h).
 *
 * Every block is one glibc block with a head of 16 bytes before its
 * room, which the head records; a small block's room is its request
 * rounded up to its size class, so that any block of a class serves any
 * request of that class.  Kept blocks are chained through their heads,
 * one list a class, and one large block beside them.  Only the owner's
 * thread reads or writes what is kept, so no lock is taken; a block
 * freed on another thread goes to glibc, wherever it came from (glibc's
 * free() takes any thread's block).
 */
#include "store/sqlite_mem.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A kept block's room is out of bounds to the sanitizer and to
 * valgrind's memcheck, as a freed block would be to them: a read or
 * write of SQLite memory after SQLite let it go (a column's text kept
 * past its statement's reset) is still reported.  Memcheck is told only
 * in a build with assertions (the one the tests run under valgrind): its
 * requests cost about 15 instructions each, also outside valgrind. */
#if defined(__SANITIZE_ADDRESS__)
#define SM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SM_ASAN 1
#endif
#endif
#if defined(SM_ASAN)
#include <sanitizer/asan_interface.h>
#define SM_HIDE(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define SM_SHOW(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif !defined(NDEBUG) && defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define SM_HIDE(p, n) VALGRIND_MAKE_MEM_NOACCESS((p), (n))
#define SM_SHOW(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#endif
#endif
#ifndef SM_HIDE
#define SM_HIDE(p, n) ((void)(p), (void)(n))
#define SM_SHOW(p, n) ((void)(p), (void)(n))
#endif

/* The head before each block: its room, and while it is kept the next
 * kept block of its list.  16 bytes, so that the room keeps the 16-byte
 * alignment glibc gives.  The lists hold the heads, where glibc's blocks
 * start: a leak checker sees them reachable. */
struct sm_head {
  size_t room;
  struct sm_head *next;
};

#define SM_CLASSES (SQLITE_MEM_SMALL / SQLITE_MEM_STEP)

static struct {
  pthread_once_t once;
  struct sm_head *kept[SM_CLASSES];
  int nkept[SM_CLASSES];
  struct sm_head *big;                 /* the last large block freed */
} sm = { .once = PTHREAD_ONCE_INIT };

/* 1 on the owner's thread only (cheaper to read than pthread_self()
 * is to call, twice a block). */
static _Thread_local int sm_owner;

/* The room a request of n bytes gets. */
static size_t
sm_room(size_t n)
{
  if (n <= SQLITE_MEM_SMALL)
    return n == 0 ? SQLITE_MEM_STEP
                  : (n + SQLITE_MEM_STEP - 1) / SQLITE_MEM_STEP * SQLITE_MEM_STEP;
  return (n + 7) & ~(size_t)7;
}

static struct sm_head *
sm_head(void *p)
{
  return (struct sm_head *)(void *)((char *)p - sizeof(struct sm_head));
}

static void *
sm_body(struct sm_head *h)
{
  return (char *)h + sizeof(*h);
}

static int
sm_mine(void)
{
  return sm_owner;
}

static void *
sm_malloc(int n)
{
  size_t room = sm_room(n > 0 ? (size_t)n : 0);
  struct sm_head *h = NULL;

  if (sm_mine()) {
    if (room <= SQLITE_MEM_SMALL) {
      int c = (int)(room / SQLITE_MEM_STEP) - 1;

      h = sm.kept[c];
      if (h != NULL) {
        sm.kept[c] = h->next;
        sm.nkept[c]--;
      }
    } else if (sm.big != NULL && sm.big->room == room) {
      h = sm.big;
      sm.big = NULL;
    }
    if (h != NULL) {
      SM_SHOW(sm_body(h), room);
      return sm_body(h);
    }
  }
  h = malloc(sizeof(*h) + room);
  if (h == NULL)
    return NULL;
  h->room = room;
  return sm_body(h);
}

/* Give h and the blocks chained after it back to glibc. */
static void
sm_release(struct sm_head *h)
{
  while (h != NULL) {
    struct sm_head *next = h->next;

    SM_SHOW(sm_body(h), h->room);
    free(h);
    h = next;
  }
}

static void
sm_free(void *p)
{
  struct sm_head *h, *drop = NULL;

  if (p == NULL)
    return;
  h = sm_head(p);
  if (!sm_mine() || h->room > SQLITE_MEM_BIG) {
    free(h);
    return;
  }
  if (h->room <= SQLITE_MEM_SMALL) {
    int c = (int)(h->room / SQLITE_MEM_STEP) - 1;

    if (sm.nkept[c] >= SQLITE_MEM_KEEP) {
      free(h);
      return;
    }
    h->next = sm.kept[c];
    sm.kept[c] = h;
    sm.nkept[c]++;
  } else {
    /* One large block is kept, the latest: a savepoint's journal, which
     * SQLite allocates whole (the spill size, store_sqlite.c) for every
     * request and frees at its release. */
    drop = sm.big;
    h->next = NULL;
    sm.big = h;
  }
  SM_HIDE(p, h->room);
  sm_release(drop);
}

/* A block whose room changes is glibc's realloc() with the new room in
 * its head; it never comes from or goes to the kept blocks. */
static void *
sm_realloc(void *p, int n)
{
  size_t room = sm_room(n > 0 ? (size_t)n : 0);
  struct sm_head *h;

  if (p == NULL)
    return sm_malloc(n);
  h = sm_head(p);
  if (h->room == room)
    return p;
  h = realloc(h, sizeof(*h) + room);
  if (h == NULL)
    return NULL;
  h->room = room;
  return sm_body(h);
}

static int
sm_size(void *p)
{
  return p != NULL ? (int)sm_head(p)->room : 0;
}

static int
sm_roundup(int n)
{
  size_t room = sm_room(n > 0 ? (size_t)n : 0);

  return room > INT32_MAX ? n : (int)room;
}

static int
sm_init(void *arg)
{
  (void)arg;
  return SQLITE_OK;
}

static void
sm_shutdown(void *arg)
{
  (void)arg;
  sqlite_mem_drain();
}

static const struct sqlite3_mem_methods sm_methods = {
  sm_malloc, sm_free, sm_realloc, sm_size, sm_roundup, sm_init,
  sm_shutdown, NULL,
};

static void
sm_own(void)
{
  sm_owner = 1;
}

const struct sqlite3_mem_methods *
sqlite_mem_methods(void)
{
  pthread_once(&sm.once, sm_own);
  return &sm_methods;
}

void
sqlite_mem_drain(void)
{
  int c;

  if (!sm_mine())
    return;
  for (c = 0; c < SM_CLASSES; c++) {
    sm_release(sm.kept[c]);
    sm.kept[c] = NULL;
    sm.nkept[c] = 0;
  }
  sm_release(sm.big);
  sm.big = NULL;
}

size_t
sqlite_mem_kept(void)
{
  size_t n = sm.big != NULL;
  int c;

  for (c = 0; c < SM_CLASSES; c++)
    n += (size_t)sm.nkept[c];
  return n;
}
