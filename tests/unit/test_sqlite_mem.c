/*
 * test_sqlite_mem.c: SQLite's allocator with the owner's freed blocks
 * kept for reuse (lib/store/sqlite_mem.c).
 */
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_mem.h"
#include "testutil.h"

/* The methods, this thread their owner, nothing kept yet. */
static const sqlite3_mem_methods *
methods(void)
{
  const sqlite3_mem_methods *m = sqlite_mem_methods();

  sqlite_mem_drain();
  ck_assert_uint_eq(sqlite_mem_kept(), 0);
  return m;
}

/* A small block freed is kept and serves the next request of its size
 * class, whatever the exact size; one of another class does not get it. */
START_TEST(small_block_reused_within_class)
{
  const sqlite3_mem_methods *m = methods();
  char *p, *q, *r;

  p = m->xMalloc(100);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(m->xSize(p), 128);
  ck_assert_int_eq(m->xRoundup(100), 128);
  ck_assert_uint_eq((uintptr_t)p % 16, 0);
  memset(p, 'x', 128);
  m->xFree(p);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  r = m->xMalloc(200);                 /* another class: a new block */
  ck_assert_ptr_ne(r, p);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  q = m->xMalloc(65);
  ck_assert_ptr_eq(q, p);
  ck_assert_int_eq(m->xSize(q), 128);
  ck_assert_uint_eq(sqlite_mem_kept(), 0);
  m->xFree(q);
  m->xFree(r);
  ck_assert_uint_eq(sqlite_mem_kept(), 2);
  sqlite_mem_drain();
  ck_assert_uint_eq(sqlite_mem_kept(), 0);
}
END_TEST

/* No more than SQLITE_MEM_KEEP blocks of a class are kept; the rest go
 * back to glibc at once. */
START_TEST(kept_blocks_bounded)
{
  const sqlite3_mem_methods *m = methods();
  void *v[SQLITE_MEM_KEEP + 5];
  size_t i;

  for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
    v[i] = m->xMalloc(SQLITE_MEM_SMALL);
    ck_assert_ptr_nonnull(v[i]);
  }
  for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
    m->xFree(v[i]);
  ck_assert_uint_eq(sqlite_mem_kept(), SQLITE_MEM_KEEP);
  sqlite_mem_drain();
  ck_assert_uint_eq(sqlite_mem_kept(), 0);
}
END_TEST

/* Of the larger blocks only the last one freed is kept, and it serves
 * only a request of its own size. */
START_TEST(large_block_last_kept)
{
  const sqlite3_mem_methods *m = methods();
  char *a, *b, *c;

  a = m->xMalloc(1 << 20);
  b = m->xMalloc(SQLITE_MEM_SMALL + 1);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_int_ge(m->xSize(b), SQLITE_MEM_SMALL + 1);
  m->xFree(b);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  m->xFree(a);                         /* takes b's place */
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  c = m->xMalloc(SQLITE_MEM_SMALL + 1);
  ck_assert_ptr_ne(c, a);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  b = m->xMalloc(1 << 20);
  ck_assert_ptr_eq(b, a);
  ck_assert_uint_eq(sqlite_mem_kept(), 0);
  memset(b, 'y', 1 << 20);
  m->xFree(b);
  m->xFree(c);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  sqlite_mem_drain();
}
END_TEST

/* A block larger than SQLITE_MEM_BIG is never kept: the one kept before
 * it stays. */
START_TEST(huge_block_not_kept)
{
  const sqlite3_mem_methods *m = methods();
  char *a, *h;

  a = m->xMalloc(1 << 20);
  h = m->xMalloc(SQLITE_MEM_BIG + 1);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(h);
  m->xFree(a);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  m->xFree(h);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  h = m->xMalloc(1 << 20);
  ck_assert_ptr_eq(h, a);
  m->xFree(h);
  sqlite_mem_drain();
}
END_TEST

/* A block that grows or shrinks keeps what it holds, across classes and
 * past the largest class. */
START_TEST(realloc_keeps_content)
{
  const sqlite3_mem_methods *m = methods();
  char *p, want[40];

  memset(want, 'a', sizeof(want));
  p = m->xMalloc((int)sizeof(want));
  ck_assert_ptr_nonnull(p);
  memcpy(p, want, sizeof(want));
  ck_assert_ptr_eq(m->xRealloc(p, 60), p);     /* the same class */
  p = m->xRealloc(p, 3000);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_ge(m->xSize(p), 3000);
  ck_assert_mem_eq(p, want, sizeof(want));
  p = m->xRealloc(p, 300);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(m->xSize(p), 320);
  ck_assert_mem_eq(p, want, sizeof(want));
  m->xFree(p);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  sqlite_mem_drain();
}
END_TEST

struct other {
  const sqlite3_mem_methods *m;
  void *theirs;          /* allocated by the other thread */
  void *ours;            /* the owner's, freed by the other thread */
};

static void *
other_thread(void *arg)
{
  struct other *o = arg;
  void *p = o->m->xMalloc(100);

  o->m->xFree(p);                      /* not kept: not the owner */
  o->m->xFree(o->ours);
  o->theirs = o->m->xMalloc(100);
  sqlite_mem_drain();                  /* does nothing here */
  return NULL;
}

/* Another thread's blocks, and the owner's that another thread frees,
 * go to glibc: the kept lists are the owner's alone. */
START_TEST(other_threads_keep_nothing)
{
  struct other o = { .m = methods() };
  pthread_t t;

  o.ours = o.m->xMalloc(100);
  o.m->xFree(o.m->xMalloc(500));
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  ck_assert_int_eq(pthread_create(&t, NULL, other_thread, &o), 0);
  ck_assert_int_eq(pthread_join(t, NULL), 0);
  ck_assert_uint_eq(sqlite_mem_kept(), 1);
  ck_assert_ptr_nonnull(o.theirs);
  o.m->xFree(o.theirs);                /* the owner keeps it now */
  ck_assert_uint_eq(sqlite_mem_kept(), 2);
  sqlite_mem_drain();
}
END_TEST

/* Installed before SQLite starts, SQLite runs on it: statements work and
 * leave blocks kept for the next ones. */
START_TEST(sqlite_runs_on_it)
{
  sqlite3_mem_methods mem = *methods();
  sqlite3_stmt *stmt;
  sqlite3 *db;
  size_t kept;
  int i;

  ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_MALLOC, &mem), SQLITE_OK);
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (a TEXT);"
                                "CREATE INDEX t_a ON t(a);", NULL, NULL,
                                NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1)", -1,
                                      &stmt, NULL), SQLITE_OK);
  for (i = 0; i < 200; i++) {
    char text[64];

    snprintf(text, sizeof(text), "row %d of some length to copy", i);
    sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  kept = sqlite_mem_kept();
  ck_assert_uint_gt(kept, 0);
  ck_assert_int_eq(tu_sql_int(db, "SELECT count(*) FROM t WHERE a LIKE "
                              "'row 1%'", 0), 111);
  ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_shutdown(), SQLITE_OK);
  ck_assert_uint_eq(sqlite_mem_kept(), 0);     /* drained at shutdown */
}
END_TEST

static Suite *
sqlite_mem_suite(void)
{
  Suite *s = suite_create("sqlite_mem");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, small_block_reused_within_class);
  tcase_add_test(tc, kept_blocks_bounded);
  tcase_add_test(tc, large_block_last_kept);
  tcase_add_test(tc, huge_block_not_kept);
  tcase_add_test(tc, realloc_keeps_content);
  tcase_add_test(tc, other_threads_keep_nothing);
  tcase_add_test(tc, sqlite_runs_on_it);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(sqlite_mem_suite)
