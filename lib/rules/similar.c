/*
 * similar.c: the duplicate-report index (see similar.h).  It owns the
 * text normalisation that turns a report into a set of word features,
 * the similarity measure, and the in-memory inverted index over open
 * tickets.
 *
 * DESIGN NOTES
 *
 * 1. Features.  A text is cut into words: ASCII letters are lower-cased,
 *    letters of other scripts (U+00C0..U+1FFF, U+3040..U+D7FF) are kept
 *    (Latin-1 capitals folded), and everything else separates words:
 *    punctuation, symbols, emoji, controls and bytes that are not
 *    well-formed UTF-8.  Letters and digits do not share a word
 *    ("Rp150.000" is "rp" and "150000": a dot or comma between digits is
 *    dropped).  One-letter words carry no meaning and are dropped; numbers
 *    are kept, since amounts and dates tell stories apart.  Common SMS
 *    spellings are spelt out ("yg" "yang", "tgl" "tanggal", "bpk"
 *    "bapak").  Words of ASCII letters then lose one particle (-nya -lah
 *    -kah), one prefix (meng- ... ke-) and one suffix (-kan -an -i), in
 *    that order, as long as four letters remain, and a stem of four letters or more
 *    loses a first m, n, p, s, t, k, ny or ng: the prefixes me(N)- and
 *    pe(N)- turn a root's p, t, s, k into m, n, ny, ng, and rather than
 *    guess which root was meant, both sides drop that letter.  So
 *    "meminta", "diminta", "permintaan" and "minta" are one word, and so
 *    are "memungut", "dipungut" and "pungutan".  This is far from a real
 *    Indonesian stemmer and merges a few unrelated words, but it is
 *    applied alike to both sides, which is all a comparison needs.  Each
 *    resulting word is hashed with 64-bit FNV-1a; a text is the sorted
 *    set of its hashes (collisions at 64 bits are negligible).  Inside
 *    the index a feature is the 32-bit id of its posting list, which
 *    stands for exactly one hash: a set of ids is half the size of the
 *    set of hashes, and shares with another exactly what the hashes
 *    share.
 *
 * 2. Measure: Jaccard similarity |A n B| / |A u B| of the two sets.
 *    Containment (|A n B| / min(|A|, |B|)) would call a short draft a
 *    duplicate of any long ticket that happens to use all its words; a
 *    false duplicate turns a citizen away, while a missed one costs an
 *    operator one "ditolak duplikat", so the stricter measure wins.
 *
 *    Why single words and not 2-word shingles or character trigrams: on
 *    22 realistic reports (8 stories each told twice by one person, and
 *    223 pairs of different stories, many about pungli with the same
 *    generic words "petugas", "dinas", "uang", "bayar"), these features
 *    score the retellings 0.40..0.81 (7 of 8 at 0.5 or more) and no pair
 *    of different stories reaches 0.30 (highest 0.29).  Adding word
 *    bigrams drops the retellings to 0.24..0.61 (3 of 8 at 0.5): a
 *    retelling changes word order, and each change breaks two bigrams.
 *    Character trigrams lift different stories in the same language to
 *    0.36 (14 pairs at 0.30 or more).  Stop words are kept: dropping
 *    them put 3 pairs of different stories at 0.30 or more.
 *
 * 3. Index.  Documents (tickets) live in a slot array.  Hash maps take a
 *    ticket id to its slot, a feature's hash to its posting list (the
 *    slots of the documents that have it; the list's index is the
 *    feature's id), and a reporter id to a singly linked list of that
 *    reporter's slots (newest first).  Slots and posting lists are recycled through free
 *    lists.  A posting list is unordered: removal finds the
 *    slot by a linear scan and swaps the last entry into the hole, so
 *    closing a ticket costs the total length of its features' lists
 *    (about 0.1 ms at 10 000 tickets and 0.7 ms at 100 000 with the lists
 *    stored as in note 5; closing is rare).
 *
 * 4. Search.  Rule (a) scores each of the reporter's own open tickets
 *    (a reporter has few, and each costs one merge).  Rule (b) scans
 *    posting lists with prefix filtering, which is exact: if
 *    J(q, d) >= t then |q n d| >= t * max(|q|, |d|) >= o = ceil(t * |q|),
 *    so d shares at least one of ANY |q| - o + 1 features of q.  The
 *    query's features are sorted by posting length and only the lists of
 *    the first |q| - o + 1 (the rarest) are read to collect candidates;
 *    at t = 0.85 that is the rarest sixth, and the common words that
 *    appear in thousands of tickets ("yang", "uang", "dinas") are never
 *    read.  This is the "skip uninformative features" rule made safe: it
 *    can never miss a ticket that reaches the threshold.  Each candidate
 *    is then bounded (features seen in the prefix plus the rest of q,
 *    against the overlap its threshold needs) and, if it can still
 *    qualify, scored by merging the two sorted sets, a merge that stops
 *    as soon as the overlap needed is out of reach.
 *
 * 5. Memory.  The index holds each feature of each ticket twice: once
 *    in the ticket's set of ids and once in the feature's posting list,
 *    each a byte or two: ascending ids stored as their distances (see
 *    overlap()), slots as signed steps from the slot before (see
 *    list_step(); at start-up the lists are laid out in slot order, so
 *    the steps are short).  Neither is a malloc of its own: the sets
 *    live one after another in one array and the lists in another (an
 *    arena each).  A set that goes, or a full list that moves to the end
 *    with twice the room, leaves dead space behind; when an arena needs
 *    room and more than a third of it is dead, its live contents are
 *    copied to a fresh array instead of growing it (lists keep their
 *    order).  At start-up the daemon loads the open tickets in one go
 *    (similar_load_begin()): the sets are stored and the lists only
 *    counted, then each list is laid out at its exact size and filled in
 *    one pass over the sets, in the order single adds would have given
 *    (the order matters: it decides between candidates that tie).
 *    A query allocates two arrays of one 32-bit word per slot; nothing
 *    is cached between queries, so similar_find() is a pure read of the
 *    index.
 */
#include "rules/similar.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/utf8.h"

#define NONE UINT32_MAX       /* empty map slot, end of a free list */
#define WORD_MAX 48           /* longer words are hashed as they are */
#define STEM_MIN 4            /* letters a stripped word keeps at least */
#define BOUND_EPS 1e-9        /* slack of the integer bounds of §4 */

/* ------------------------------------------------------------------ */
/* Word features                                                       */
/* ------------------------------------------------------------------ */

/* SMS spellings and their standard words, as reporters type them. */
struct abbrev {
  const char *from;
  const char *to;
  size_t nfrom;
  size_t nto;
};

#define AB(f, t) {f, t, sizeof(f) - 1, sizeof(t) - 1}

/* Sorted by `from` (bytewise, a prefix first): expand_abbrev() searches
 * it by halves.  Besides SMS shorthand, Kupang Malay and the shorthand of
 * offices, as a retelling by another reporter writes what a formal report
 * spells out ("sonde", "beta", "pkm", "capil"); a head by the office
 * headed ("kepsek" the school, "kades" the village, "kabid" the
 * bidang). */
static const struct abbrev abbrevs[] = {
  AB("admin", "administrasi"), AB("aja", "saja"), AB("aku", "saya"),
  AB("ambe", "ambil"),
  AB("ame", "ambil"), AB("ana", "anak"), AB("bae", "baik"),
  AB("bekin", "buat"), AB("beta", "saya"), AB("bikin", "buat"),
  AB("bini", "istri"), AB("blm", "belum"), AB("bln", "bulan"),
  AB("blum", "belum"), AB("bpk", "bapak"), AB("bs", "bisa"), AB("bu", "ibu"),
  AB("byr", "bayar"), AB("capil", "dukcapil"), AB("dah", "sudah"),
  AB("dapa", "dapat"), AB("dg", "dengan"), AB("dgn", "dengan"),
  AB("disuru", "suruh"), AB("doi", "uang"), AB("dpt", "dapat"),
  AB("dr", "dari"), AB("duit", "uang"), AB("enggak", "tidak"),
  AB("ga", "tidak"), AB("gak", "tidak"), AB("gk", "tidak"),
  AB("gue", "saya"), AB("gw", "saya"), AB("honor", "honorer"),
  AB("hrs", "harus"), AB("jg", "juga"), AB("jt", "juta"), AB("jta", "juta"),
  AB("kab", "kabupaten"), AB("kabid", "bidang"), AB("kades", "desa"),
  AB("kalo", "kalau"),
  AB("karna", "karena"),
  AB("kase", "kasih"), AB("kasi", "kasih"), AB("kec", "kecamatan"),
  AB("kel", "kelurahan"), AB("kemaren", "kemarin"), AB("kepsek", "sekolah"),
  AB("kl", "kalau"), AB("klo", "kalau"), AB("kmrn", "kemarin"),
  AB("kpd", "kepada"), AB("krn", "karena"), AB("ktr", "kantor"),
  AB("lg", "lagi"), AB("lia", "lihat"), AB("lu", "kamu"), AB("mo", "mau"),
  AB("mrk", "mereka"), AB("nene", "nenek"), AB("ngga", "tidak"),
  AB("nggak", "tidak"), AB("org", "orang"), AB("ortu", "orang"),
  AB("oto", "mobil"), AB("pak", "bapak"), AB("pake", "pakai"),
  AB("pd", "pada"), AB("pkm", "puskesmas"), AB("polantas", "polisi"),
  AB("pung", "punya"), AB("rb", "ribu"), AB("rbu", "ribu"),
  AB("sampe", "sampai"), AB("sbg", "sebagai"), AB("sdh", "sudah"),
  AB("sj", "saja"), AB("skola", "sekolah"), AB("skrg", "sekarang"),
  AB("sm", "sama"), AB("smt", "semester"), AB("snd", "tidak"),
  AB("son", "tidak"),
  AB("sonde", "tidak"), AB("spt", "seperti"), AB("su", "sudah"),
  AB("suru", "suruh"), AB("sy", "saya"), AB("tak", "tidak"),
  AB("tapi", "tetapi"), AB("tdk", "tidak"), AB("tgl", "tanggal"),
  AB("thn", "tahun"), AB("thp", "tahap"), AB("tp", "tetapi"),
  AB("tpi", "tetapi"), AB("trs", "terus"), AB("trus", "terus"),
  AB("tsb", "tersebut"), AB("tw", "triwulan"),
  AB("udah", "sudah"), AB("udh", "sudah"), AB("untk", "untuk"),
  AB("utk", "untuk"), AB("yg", "yang"),
};

#define ABBREV_MAX 8  /* the longest "from" above */

/* Affixes, each with its length. */
struct affix {
  const char *s;
  size_t n;
};

#define AF(s) {s, sizeof(s) - 1}

/* "-nya" only: "-lah" and "-kah" end more roots of reports than they
 * are particles there ("sekolah", "nikah", "langkah", "salah"), and
 * stripped they part "menikah" from "nikah". */
static const struct affix particles[] = {AF("nya")};
static const struct affix suffixes[] = {AF("kan"), AF("an"), AF("i")};
/* Longest first, so that "meng" is tried before "me". */
static const struct affix prefixes[] = {
  AF("meng"), AF("meny"), AF("mem"), AF("men"), AF("me"), AF("peng"),
  AF("peny"), AF("per"), AF("pem"), AF("pen"), AF("pe"), AF("ber"),
  AF("ter"), AF("di"), AF("ke"),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Words of the complaint domain that reporters use for one another, as
 * their stems (after word_hash()'s stripping) and the stem they count as,
 * so that a retelling in other words shares the word: a visit to a
 * prisoner ("besuk", "kunjungi", "jenguk"), a prisoner ("napi",
 * "narapidana"), a soldier ("TNI", "tentara", "prajurit"), a bribe
 * ("suap", "sogok", "amplop"), a seizure ("sita", "rampas"), goods for
 * sale ("jualan", "dagangan"), a phone ("HP", "hape", "handphone",
 * "ponsel"), a receipt ("kwitansi", "kuitansi"), broken ("rusak",
 * "hancur", Kupang "pica"), cut ("potong", "pangkas"); and of village
 * administration: its staff ("perangkat", "aparat", both the stem
 * "angkat") and their selection ("seleksi", "tes"); a teacher's
 * professional allowance by its acronym ("TPG") or by the certification
 * it is paid for ("sertifikasi"); the electronic identity card ("KTP
 * elektronik", "KTP-el", "eKTP").  Sorted by stem
 * (bytewise), looked up as abbrevs[] are (word_map_find()). */
static const struct abbrev synonyms[] = {
  AB("amplop", "uap"),   AB("angkas", "otong"), AB("aparat", "angkat"),
  AB("arapidana", "api"), AB("dagang", "jual"), AB("ektp", "ktp"),
  AB("el", "elektronik"), AB("entara", "tni"),   AB("ertifikas", "tpg"),
  AB("hancur", "rusak"), AB("handphone", "hp"), AB("hape", "hp"),
  AB("ica", "rusak"),    AB("jenguk", "besuk"), AB("ogok", "uap"),
  AB("onsel", "hp"),     AB("rajurit", "tni"),  AB("rampas", "ita"),
  AB("tes", "eleks"),    AB("test", "eleks"),   AB("uitans", "witans"),
  AB("unjung", "besuk"), AB("yita", "ita"),     AB("yuap", "uap"),
};

/* Order of the word w[0..n) against abbreviation a, as abbrevs[] is
 * sorted: <0, 0 or >0. */
static int
abbrev_cmp(const char *w, size_t n, const struct abbrev *a)
{
  size_t i;

  for (i = 0; i < n && i < a->nfrom; i++)
    if (w[i] != a->from[i])
      return (unsigned char)w[i] - (unsigned char)a->from[i];
  return (n > a->nfrom) - (n < a->nfrom);
}

/* The entry of the sorted map[0..count) whose "from" is w[0..n), or
 * NULL. */
static const struct abbrev *
word_map_find(const struct abbrev *map, size_t count, const char *w,
              size_t n)
{
  size_t lo = 0, hi = count, mid;
  int c;

  while (lo < hi) {
    mid = lo + (hi - lo) / 2;
    c = abbrev_cmp(w, n, &map[mid]);
    if (c == 0)
      return &map[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

/*
 * Spell out an abbreviation in w[0..*len) (room for WORD_MAX bytes) in
 * place.
 */
static void
expand_abbrev(char *w, size_t *len)
{
  const struct abbrev *a;

  if (*len > ABBREV_MAX ||
      (a = word_map_find(abbrevs, COUNT(abbrevs), w, *len)) == NULL)
    return;
  memcpy(w, a->to, a->nto);
  *len = a->nto;
}

/* The stem w[0..*len) stands for (synonyms[]), or w itself; its length
 * in *len. */
static const char *
synonym_of(const char *w, size_t *len)
{
  const struct abbrev *a = word_map_find(synonyms, COUNT(synonyms), w,
                                         *len);

  if (a == NULL)
    return w;
  *len = a->nto;
  return a->to;
}

/* Do the n bytes at a and b agree?  memcmp() for the few bytes of an
 * affix, without the call. */
static int
same_bytes(const char *a, const char *b, size_t n)
{
  while (n > 0 && *a == *b) {
    a++;
    b++;
    n--;
  }
  return n == 0;
}

/* Strip one affix of the list from the end (at_end) or the start of
 * w[*start..*end), keeping at least STEM_MIN letters. */
static void
strip_one(const char *w, size_t *start, size_t *end,
          const struct affix *list, size_t count, int at_end)
{
  size_t i, n, len = *end - *start;

  for (i = 0; i < count; i++) {
    n = list[i].n;
    if (len < n + STEM_MIN)
      continue;
    if (at_end && same_bytes(w + *end - n, list[i].s, n)) {
      *end -= n;
      return;
    }
    if (!at_end && same_bytes(w + *start, list[i].s, n)) {
      *start += n;
      return;
    }
  }
}

/* Is c a consonant that me(N)- and pe(N)- assimilate (or the m, n they
 * turn it into)? */
static int
assimilated(char c)
{
  return c == 'm' || c == 'n' || c == 'p' || c == 's' || c == 't' ||
         c == 'k';
}

/*
 * The hash of the ASCII word w[0..len) (lower case, len <= WORD_MAX)
 * after abbreviations and light stemming (design note 1).
 */
static uint64_t
word_hash(char *w, size_t len)
{
  size_t start = 0, end;
  const char *stem;

  expand_abbrev(w, &len);
  end = len;
  if (len > STEM_MIN) {
    /* The prefix before the suffix: "dicuri" taken as "dicur" + "-i"
     * would keep its "di-" (too short to strip) and never meet "curi". */
    strip_one(w, &start, &end, particles, COUNT(particles), 1);
    strip_one(w, &start, &end, prefixes, COUNT(prefixes), 0);
    strip_one(w, &start, &end, suffixes, COUNT(suffixes), 1);
  }
  /* The consonant that me(N)- and pe(N)- assimilate: "memungut" and
   * "pungut" both become "ungut", "meminta" and "minta" both "inta". */
  if (end - start >= STEM_MIN) {
    if (w[start] == 'n' && (w[start + 1] == 'y' || w[start + 1] == 'g'))
      start += 2;
    else if (assimilated(w[start]))
      start++;
  }
  len = end - start;
  stem = synonym_of(w + start, &len);
  return hash_fnv1a(HASH_FNV_OFFSET, stem, len);
}

uint64_t
similar_word_key(const char *w, size_t n)
{
  char buf[WORD_MAX];
  size_t i;

  if (n > WORD_MAX)
    return hash_fnv1a(HASH_FNV_OFFSET, w, n);
  for (i = 0; i < n; i++)
    buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
  return word_hash(buf, n);
}

/* A growable array of feature hashes. */
struct fvec {
  uint64_t *v;
  size_t len;
  size_t cap;
};

/* Room for at least want hashes in f.  Returns 0 or -ENOMEM. */
static int
fvec_reserve(struct fvec *f, size_t want)
{
  uint64_t *p;
  size_t cap = f->cap ? f->cap : 64;

  if (want <= f->cap)
    return 0;
  while (cap < want) {
    if (cap > SIZE_MAX / 2 / sizeof(*p))
      return -ENOMEM;
    cap *= 2;
  }
  p = realloc(f->v, cap * sizeof(*p));
  if (p == NULL)
    return -ENOMEM;
  f->v = p;
  f->cap = cap;
  return 0;
}

static int
fvec_push(struct fvec *f, uint64_t h)
{
  if (f->len == f->cap && fvec_reserve(f, f->len + 1) != 0)
    return -ENOMEM;
  f->v[f->len++] = h;
  return 0;
}

enum { TOK_NONE, TOK_ALPHA, TOK_DIGIT };

/* The word being read. */
struct tok {
  char buf[WORD_MAX];   /* its first WORD_MAX bytes */
  size_t len;           /* its length in bytes, may exceed WORD_MAX */
  size_t chars;         /* its length in characters */
  uint64_t hash;        /* FNV-1a of all its bytes */
  int cls;              /* TOK_NONE while empty */
  int ascii;            /* 1 while it is ASCII letters only */
};

static void
tok_reset(struct tok *t)
{
  t->len = 0;
  t->chars = 0;
  t->hash = HASH_FNV_OFFSET;
  t->cls = TOK_NONE;
  t->ascii = 1;
}

/* Append one character, n bytes of UTF-8 at p, of class cls. */
static void
tok_append(struct tok *t, const char *p, size_t n, int cls)
{
  size_t i;

  for (i = 0; i < n; i++) {
    if (t->len < WORD_MAX)
      t->buf[t->len] = p[i];
    t->len++;
    if ((unsigned char)p[i] >= 0x80)
      t->ascii = 0;
  }
  if (cls == TOK_DIGIT)
    t->ascii = 0;
  t->chars++;
  t->hash = hash_fnv1a(t->hash, p, n);
  t->cls = cls;
}

/*
 * Words met lately and their features, for similar_add(): a few thousand
 * words make up most reports, and finding one here costs less than
 * stemming it again.  Direct-mapped by the hash of the word as written;
 * an entry holds the word itself, so a hit is exact.  Longer words than
 * WCACHE_WORD are stemmed each time.
 */
#define WCACHE_SIZE 4096   /* entries, a power of two */
#define WCACHE_WORD 15

struct wcache {
  uint64_t key;            /* word_hash() of w[0..len) */
  unsigned char len;       /* 0 while empty */
  char w[WCACHE_WORD];
};

/* word_hash() of the word t holds (ASCII letters, at most WORD_MAX),
 * through the cache c[WCACHE_SIZE] (NULL for none). */
static uint64_t
tok_word_hash(struct tok *t, struct wcache *c)
{
  struct wcache *e;

  if (c == NULL || t->len > WCACHE_WORD)
    return word_hash(t->buf, t->len);
  e = &c[(t->hash * 0x9e3779b97f4a7c15ULL) >> 52 & (WCACHE_SIZE - 1)];
  if (e->len == t->len && same_bytes(e->w, t->buf, t->len))
    return e->key;
  /* Copied first: word_hash() spells out abbreviations in place. */
  memcpy(e->w, t->buf, t->len);
  e->len = (unsigned char)t->len;
  e->key = word_hash(t->buf, t->len);
  return e->key;
}

/* End the current word: turn it into a feature unless it is a single
 * letter (c: the word cache, or NULL).  Returns 0 or -ENOMEM. */
static int
tok_flush(struct tok *t, struct fvec *f, struct wcache *c)
{
  uint64_t h;
  int rc = 0;

  if (t->cls == TOK_NONE)
    return 0;
  if (t->chars >= 2 || t->cls == TOK_DIGIT) {
    if (t->ascii && t->len <= WORD_MAX)
      h = tok_word_hash(t, c);
    else
      h = t->hash;
    rc = fvec_push(f, h);
  }
  tok_reset(t);
  return rc;
}

/* Letters of other scripts that words are made of (design note 1). */
static int
is_letter(uint32_t cp)
{
  if (cp >= 0xC0 && cp <= 0x1FFF)
    return cp != 0xD7 && cp != 0xF7;
  return cp >= 0x3040 && cp <= 0xD7FF;
}

/* UTF-8 of cp (below U+D800, as every letter of is_letter()) into out;
 * returns its length. */
static size_t
encode_bmp(uint32_t cp, char out[3])
{
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  out[0] = (char)(0xE0 | (cp >> 12));
  out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[2] = (char)(0x80 | (cp & 0x3F));
  return 3;
}

static int
cmp_u64(const void *a, const void *b)
{
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

  return (x > y) - (x < y);
}

#define SORT_SHORT 16   /* runs this short are insertion-sorted */
#define SORT_DEPTH 48   /* quicksort levels before qsort() takes over */

static void
insertion_u64(uint64_t *v, size_t n)
{
  size_t i, j;
  uint64_t x;

  for (i = 1; i < n; i++) {
    x = v[i];
    for (j = i; j > 0 && v[j - 1] > x; j--)
      v[j] = v[j - 1];
    v[j] = x;
  }
}

/*
 * Sort v[0..n) ascending.  A text has tens of features, so the sort is
 * inline: quicksort on the median of three with insertion sort for
 * short runs, the smaller side first so that the stack stays shallow.
 * Only a crafted input drives it past SORT_DEPTH levels; qsort() then
 * finishes, so that the worst case stays n log n.
 */
static void
sort_u64(uint64_t *v, size_t n)
{
  int depth = SORT_DEPTH;
  size_t i, j, mid;
  uint64_t p, x;

  while (n > SORT_SHORT) {
    if (depth-- == 0) {
      qsort(v, n, sizeof(*v), cmp_u64);
      return;
    }
    /* v[0] <= v[mid] <= v[n - 1]: both scans below stop in bounds, and
     * the split j is in [0, n - 2], so both sides shrink. */
    mid = n / 2;
    if (v[mid] < v[0])
      x = v[mid], v[mid] = v[0], v[0] = x;
    if (v[n - 1] < v[mid])
      x = v[n - 1], v[n - 1] = v[mid], v[mid] = x;
    if (v[mid] < v[0])
      x = v[mid], v[mid] = v[0], v[0] = x;
    p = v[mid];
    for (i = 0, j = n - 1;; i++, j--) {
      while (v[i] < p)
        i++;
      while (v[j] > p)
        j--;
      if (i >= j)
        break;
      x = v[i], v[i] = v[j], v[j] = x;
    }
    if (j + 1 < n - j - 1) {
      sort_u64(v, j + 1);
      v += j + 1;
      n -= j + 1;
    } else {
      sort_u64(v + j + 1, n - j - 1);
      n = j + 1;
    }
  }
  insertion_u64(v, n);
}

/*
 * Sort v[0..n), each at most max, ascending by their bytes from the
 * lowest (LSD radix sort), through tmp[0..n): as many passes as max has
 * bytes.  The feature ids of one text are tens of numbers below the
 * number of features the index knows, two or three passes of n steps,
 * where a comparison sort would take n log n unpredictable branches.
 */
static void
sort_ids(uint64_t *v, uint64_t *tmp, size_t n, uint32_t max)
{
  size_t count[256], i, sum, c;
  uint64_t *from = v, *to = tmp, *swap;
  unsigned shift;

  if (n <= SORT_SHORT) {
    insertion_u64(v, n);
    return;
  }
  for (shift = 0; shift < 32 && (max >> shift) != 0; shift += 8) {
    memset(count, 0, sizeof(count));
    for (i = 0; i < n; i++)
      count[(from[i] >> shift) & 0xff]++;
    for (i = 0, sum = 0; i < 256; i++) {
      c = count[i];
      count[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++)
      to[count[(from[i] >> shift) & 0xff]++] = from[i];
    swap = from;
    from = to;
    to = swap;
  }
  if (from != v)
    memcpy(v, from, n * sizeof(*v));
}

/* Drop the repeats of the sorted v[0..n); returns how many are left. */
static size_t
drop_repeats(uint64_t *v, size_t n)
{
  size_t i, j;

  if (n == 0)
    return 0;
  for (i = 1, j = 1; i < n; i++)
    if (v[i] != v[j - 1])
      v[j++] = v[i];
  return j;
}

/* Sort v[0..n) and drop repeats; returns how many are left. */
static size_t
sort_unique(uint64_t *v, size_t n)
{
  sort_u64(v, n);
  return drop_repeats(v, n);
}

/*
 * The word hashes of text (NULL counts as ""), in text order with
 * repeats, into f->v[0..f->len), through the word cache wc (NULL for
 * none).  f may hold an array from an earlier call (it is reused) or
 * none; the caller frees f->v.  Returns 0 or -ENOMEM.
 */
static int
text_words(const char *text, struct fvec *f, struct wcache *wc)
{
  struct tok t;
  size_t len, i = 0, step, elen;
  unsigned char c;
  uint32_t cp;
  char enc[3];
  int cls, rc = 0;

  f->len = 0;
  if (text == NULL)
    text = "";
  len = strnlen(text, SIMILAR_TEXT_MAX);
  tok_reset(&t);
  while (i < len && rc == 0) {
    c = (unsigned char)text[i];
    cls = TOK_NONE;
    step = 1;
    elen = 1;
    if (c >= 'A' && c <= 'Z') {
      enc[0] = (char)(c - 'A' + 'a');
      cls = TOK_ALPHA;
    } else if (c >= 'a' && c <= 'z') {
      enc[0] = (char)c;
      cls = TOK_ALPHA;
    } else if (c >= '0' && c <= '9') {
      enc[0] = (char)c;
      cls = TOK_DIGIT;
    } else if ((c == '.' || c == ',') && t.cls == TOK_DIGIT && i + 1 < len &&
               text[i + 1] >= '0' && text[i + 1] <= '9') {
      /* A thousands separator or decimal mark: the number goes on. */
      i++;
      continue;
    } else if (c >= 0x80) {
      step = (size_t)utf8_decode(text + i, len - i, &cp);
      if (step == 0) {
        step = 1;  /* not UTF-8: a separator, one byte at a time */
      } else if (is_letter(cp)) {
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
          cp += 0x20;  /* Latin-1 capital to small */
        elen = encode_bmp(cp, enc);
        cls = TOK_ALPHA;
      }
    }
    if (cls != t.cls)
      rc = tok_flush(&t, f, wc);
    if (cls != TOK_NONE && rc == 0)
      tok_append(&t, enc, elen, cls);
    i += step;
  }
  if (rc == 0)
    rc = tok_flush(&t, f, wc);
  return rc;
}

/* The feature set of text: its word hashes as text_words() reads them,
 * sorted, without repeats. */
static int
text_features(const char *text, struct fvec *f)
{
  int rc = text_words(text, f, NULL);

  if (rc == 0)
    f->len = sort_unique(f->v, f->len);
  return rc;
}

/*
 * A set of feature ids (ascending, no repeats) is stored as the first id
 * and then each id's distance from the one before, each in LEB128 (seven
 * bits a byte, low bits first, the top bit set on all but the last
 * byte): the ids of one text are close to each other, so most take one
 * or two bytes instead of four.
 */

/* The bytes of x in LEB128. */
static size_t
varint_len(uint64_t x)
{
  size_t n = 1;

  while (x >= 0x80) {
    x >>= 7;
    n++;
  }
  return n;
}

/* Write x in LEB128 at out; returns the bytes written. */
static size_t
varint_put(unsigned char *out, uint64_t x)
{
  size_t n = 0;

  while (x >= 0x80) {
    out[n++] = (unsigned char)(x | 0x80);
    x >>= 7;
  }
  out[n++] = (unsigned char)x;
  return n;
}

/* The number in LEB128 at *p, which moves past it. */
static uint64_t
varint_get(const unsigned char **p)
{
  uint64_t x = 0;
  unsigned shift = 0;
  unsigned char c;

  do {
    c = *(*p)++;
    x |= (uint64_t)(c & 0x7f) << shift;
    shift += 7;
  } while (c & 0x80);
  return x;
}

/* The id after prev (0 before the first) read from a set at *p, which
 * moves past it. */
static uint32_t
set_next(const unsigned char **p, uint32_t prev)
{
  return prev + (uint32_t)varint_get(p);
}

/*
 * A posting list is stored likewise, in its own order (design note 3:
 * not sorted), as each slot's signed distance from the one before (from
 * 0 for the first), folded so that small distances either way are small
 * numbers (0, -1, 1, -2 ... as 0, 1, 2, 3 ...).  Lists laid out at
 * start-up are in slot order, so most distances take a byte.
 */
static uint64_t
list_step(uint32_t from, uint32_t to)
{
  return to >= from ? 2 * (uint64_t)(to - from)
                    : 2 * (uint64_t)(from - to) - 1;
}

/* The slot after prev (0 before the first) read from a list at *p,
 * which moves past it. */
static uint32_t
list_next(const unsigned char **p, uint32_t prev)
{
  uint64_t x = varint_get(p);

  return x & 1 ? prev - (uint32_t)((x + 1) / 2) : prev + (uint32_t)(x / 2);
}

/*
 * The number of ids the sorted array a[0..na) and the stored set b of nb
 * ids share, or some number below need as soon as what is left of
 * either cannot bring the count up to need (0 asks for the exact count).
 */
static uint32_t
overlap(const uint32_t *a, uint32_t na, const unsigned char *b, uint32_t nb,
        uint32_t need)
{
  uint32_t i = 0, j = 0, o = 0, x;

  if (nb == 0)
    return 0;
  x = set_next(&b, 0);
  while (i < na && j < nb) {
    if (o + (na - i < nb - j ? na - i : nb - j) < need)
      return o;
    if (a[i] < x) {
      i++;
      continue;
    }
    if (a[i] == x) {
      o++;
      i++;
    }
    if (++j < nb)
      x = set_next(&b, x);
  }
  return o;
}

/* Jaccard similarity from set sizes and their overlap; one formula for
 * similar_score() and similar_find(), so that both agree to the bit. */
static double
jaccard(uint32_t o, uint32_t na, uint32_t nb)
{
  if (o == 0)
    return 0.0;
  return (double)o / (double)((uint64_t)na + nb - o);
}

/* The number of hashes two sorted sets share. */
static uint32_t
shared_hashes(const struct fvec *a, const struct fvec *b)
{
  size_t i = 0, j = 0;
  uint32_t o = 0;

  while (i < a->len && j < b->len) {
    if (a->v[i] < b->v[j]) {
      i++;
    } else if (a->v[i] > b->v[j]) {
      j++;
    } else {
      o++;
      i++;
      j++;
    }
  }
  return o;
}

int
similar_words_read(const char *text, struct similar_words *w)
{
  struct fvec f = {NULL, 0, 0};
  int rc = text_features(text, &f);

  if (rc != 0) {
    free(f.v);
    f.v = NULL;
    f.len = 0;
  }
  w->v = f.v;
  w->len = f.len;
  return rc;
}

void
similar_words_free(struct similar_words *w)
{
  if (w == NULL)
    return;
  free(w->v);
  w->v = NULL;
  w->len = 0;
}

double
similar_score_words(const struct similar_words *a, const char *b)
{
  struct fvec fa = {a->v, a->len, a->len}, fb = {NULL, 0, 0};
  double score = -1.0;

  if (text_features(b, &fb) == 0)
    score = jaccard(shared_hashes(&fa, &fb), (uint32_t)fa.len,
                    (uint32_t)fb.len);
  free(fb.v);
  return score;
}

double
similar_score(const char *a, const char *b)
{
  struct similar_words wa;
  double score = -1.0;

  if (similar_words_read(a, &wa) == 0)
    score = similar_score_words(&wa, b);
  similar_words_free(&wa);
  return score;
}

/* ------------------------------------------------------------------ */
/* Hash map from 64-bit keys to slot numbers                           */
/* ------------------------------------------------------------------ */

/*
 * Open addressing with linear probing; a slot whose value is NONE is
 * empty.  Deletion shifts the rest of the probe run back, so there are no
 * tombstones and lookups never slow down with churn.  A slot holds the
 * value only, four bytes: each value's key is found where the value
 * points (a ticket's id in its document, a feature's hash in its posting
 * list), by key_of.
 *
 * The load stays at most three quarters, and a map that grows is made
 * twice the size of what it holds, so it is between half and three
 * quarters full whatever its size: the capacity is any number (a key's
 * home is its hash scaled to it), not a power of two, which at one half
 * at most left 100 000 tickets in 262 144 slots.  At three quarters a
 * lookup of a present key reads 2.5 slots on average, 8.5 for an absent
 * one.
 */
struct map {
  uint32_t *val;
  size_t cap;  /* 0, or 16 to UINT32_MAX */
  size_t len;
  uint64_t (*key_of)(const struct similar *s, uint32_t val);
  const struct similar *s;  /* key_of's index */
};

/* Spread the bits of a key (FNV-1a hashes and ticket ids are both poor in
 * their low bits) and scale the top 32 to the capacity. */
static size_t
map_home(const struct map *m, uint64_t key)
{
  key ^= key >> 30;
  key *= 0xbf58476d1ce4e5b9ULL;
  key ^= key >> 27;
  key *= 0x94d049bb133111ebULL;
  key ^= key >> 31;
  return (size_t)(((key >> 32) * (uint64_t)m->cap) >> 32);
}

/* The slot after i, around the end. */
static size_t
map_next(const struct map *m, size_t i)
{
  return i + 1 < m->cap ? i + 1 : 0;
}

/* Is key present?  Its slot into *at if so. */
static int
map_find(const struct map *m, uint64_t key, size_t *at)
{
  size_t i;

  if (m->cap == 0)
    return 0;
  for (i = map_home(m, key); m->val[i] != NONE; i = map_next(m, i)) {
    if (m->key_of(m->s, m->val[i]) == key) {
      *at = i;
      return 1;
    }
  }
  return 0;
}

static uint32_t
map_get(const struct map *m, uint64_t key)
{
  size_t i;

  return map_find(m, key, &i) ? m->val[i] : NONE;
}

/* Insert val, whose key is key, without growing; there is room. */
static void
map_insert(struct map *m, uint64_t key, uint32_t val)
{
  size_t i = map_home(m, key);

  while (m->val[i] != NONE)
    i = map_next(m, i);
  m->val[i] = val;
  m->len++;
}

/* Room for one more key: twice as many slots as keys, after it. */
static int
map_grow(struct map *m)
{
  struct map old = *m;
  size_t i, cap = (m->len + 1) * 2;

  if (cap < 16)
    cap = 16;
  if (cap > UINT32_MAX)
    return -ENOMEM;
  m->val = malloc(cap * sizeof(*m->val));
  if (m->val == NULL) {
    *m = old;
    return -ENOMEM;
  }
  m->cap = cap;
  m->len = 0;
  for (i = 0; i < cap; i++)
    m->val[i] = NONE;
  for (i = 0; i < old.cap; i++)
    if (old.val[i] != NONE)
      map_insert(m, m->key_of(m->s, old.val[i]), old.val[i]);
  free(old.val);
  return 0;
}

/* Set key to val (key_of(val) must be key from now on).  Replacing the
 * value of a present key never allocates.  Returns 0 or -ENOMEM (then the
 * map is unchanged). */
static int
map_put(struct map *m, uint64_t key, uint32_t val)
{
  size_t i;

  if (map_find(m, key, &i)) {
    m->val[i] = val;
    return 0;
  }
  if ((m->len + 1) * 4 > m->cap * 3 && map_grow(m) != 0)
    return -ENOMEM;
  map_insert(m, key, val);
  return 0;
}

/* Remove key; the value it had must still lead to it (key_of). */
static void
map_del(struct map *m, uint64_t key)
{
  size_t hole, j, home;

  if (!map_find(m, key, &hole))
    return;
  /* Move back each later member of the run whose home is not in
   * (hole, j] cyclically: the hole would otherwise cut it off. */
  for (j = map_next(m, hole); m->val[j] != NONE; j = map_next(m, j)) {
    home = map_home(m, m->key_of(m->s, m->val[j]));
    if (hole <= j ? (hole < home && home <= j) : (hole < home || home <= j))
      continue;
    m->val[hole] = m->val[j];
    hole = j;
  }
  m->val[hole] = NONE;
  m->len--;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

/*
 * A growable array that many lists live in, one after
 * another (design note 5): v[0..len) is taken, `live` elements of it
 * belong to a list, the rest is dead space left by lists that moved or
 * went.  Positions in it are 32-bit, so it never holds more than
 * UINT32_MAX elements.
 */
struct arena {
  void *v;
  size_t len;          /* these four in elements */
  size_t cap;
  size_t live;
  size_t elem;         /* bytes of an element */
};

struct doc {
  int64_t ticket_id;
  int64_t reporter_id;
  uint32_t feat;       /* its set of feature ids (overlap()), in the */
  uint32_t nbytes;     /* bytes fset.v[feat .. feat + nbytes) */
  uint32_t nfeat;      /* the number of ids */
  uint32_t rep_next;   /* the reporter's next ticket, or NONE; while the
                          slot is unused, the next free slot */
};

struct posting {
  uint64_t key;        /* the feature's hash */
  uint32_t at;         /* the slots of the documents that have it, as */
  uint32_t used;       /* list_step()s: bytes pool.v[at .. at + used), */
  uint32_t cap;        /* room for cap */
  uint32_t len;        /* the number of documents */
  uint32_t last;       /* the last of them, 0 when there is none */
  uint32_t next_free;  /* free-list link while unused */
};

struct similar {
  struct doc *doc;          /* slots 0..ndoc-1, used or on the free list */
  uint32_t ndoc;
  uint32_t doc_cap;
  uint32_t doc_free;        /* head of the free list, or NONE */
  struct posting *post;     /* a posting's index is its feature's id */
  uint32_t npost;
  uint32_t post_cap;
  uint32_t post_free;
  struct arena fset;        /* the documents' feature sets */
  struct arena pool;        /* the posting lists */
  struct fvec scratch;      /* similar_add()'s hashes, kept for the next */
  struct wcache *wcache;    /* similar_add()'s words, or NULL */
  int loading;              /* between similar_load_begin() and _end() */
  struct map by_ticket;     /* ticket id -> doc slot */
  struct map by_feat;       /* feature hash -> posting */
  struct map by_reporter;   /* reporter id -> first of its doc slots */
  int count;                /* documents in the index */
};

/* The keys of the maps' values (struct map). */
static uint64_t
ticket_of(const struct similar *s, uint32_t slot)
{
  return (uint64_t)s->doc[slot].ticket_id;
}

static uint64_t
reporter_of(const struct similar *s, uint32_t slot)
{
  return (uint64_t)s->doc[slot].reporter_id;
}

static uint64_t
feature_of(const struct similar *s, uint32_t pi)
{
  return s->post[pi].key;
}

int
similar_new(struct similar **out)
{
  struct similar *s = calloc(1, sizeof(*s));

  *out = s;
  if (s == NULL)
    return -ENOMEM;
  s->doc_free = NONE;
  s->post_free = NONE;
  s->fset.elem = 1;
  s->pool.elem = 1;
  s->by_ticket.key_of = ticket_of;
  s->by_feat.key_of = feature_of;
  s->by_reporter.key_of = reporter_of;
  s->by_ticket.s = s->by_feat.s = s->by_reporter.s = s;
  return 0;
}

void
similar_free(struct similar *s)
{
  if (s == NULL)
    return;
  free(s->doc);
  free(s->post);
  free(s->fset.v);
  free(s->pool.v);
  free(s->scratch.v);
  free(s->wcache);
  free(s->by_ticket.val);
  free(s->by_feat.val);
  free(s->by_reporter.val);
  free(s);
}

int
similar_count(const struct similar *s)
{
  return s->count;
}

/* The stored feature set of document d (NULL when it has none). */
static const unsigned char *
doc_feat(const struct similar *s, const struct doc *d)
{
  return d->nfeat > 0 ? (const unsigned char *)s->fset.v + d->feat : NULL;
}

/* The bytes of posting list pi. */
static unsigned char *
post_bytes(const struct similar *s, uint32_t pi)
{
  return (unsigned char *)s->pool.v + s->post[pi].at;
}

/*
 * Grow an array of elements of size elem with capacity *cap (in
 * elements) so that it holds at least one more than *cap; never past
 * NONE - 1 elements.  Returns 0 or -ENOMEM.
 */
static int
grow_array(void **arr, uint32_t *cap, size_t elem)
{
  uint32_t want = *cap ? *cap : 8;
  void *p;

  if (*cap >= NONE / 2)
    return -ENOMEM;
  if (*cap != 0)
    want = *cap * 2;
  if ((size_t)want > SIZE_MAX / elem)
    return -ENOMEM;
  p = realloc(*arr, (size_t)want * elem);
  if (p == NULL)
    return -ENOMEM;
  *arr = p;
  *cap = want;
  return 0;
}

/* Room for n more elements at the end of a, by doubling.  Returns 0 or
 * -ENOMEM (then a is unchanged). */
static int
arena_grow(struct arena *a, size_t n)
{
  size_t cap = a->cap ? a->cap : 256;
  void *v;

  if (n > UINT32_MAX - a->len)
    return -ENOMEM;
  if (a->len + n <= a->cap)
    return 0;
  while (cap < a->len + n)
    cap *= 2;
  if (cap > UINT32_MAX)
    cap = UINT32_MAX;
  v = realloc(a->v, cap * a->elem);
  if (v == NULL)
    return -ENOMEM;
  a->v = v;
  a->cap = cap;
  return 0;
}

/* A new array for the live elements of a with room for n more and half
 * as much again, into *v and *cap.  Returns 0 or -ENOMEM. */
static int
arena_fresh(const struct arena *a, size_t n, void **v, size_t *cap)
{
  *cap = a->live + a->live / 2 + n;
  if (*cap > UINT32_MAX)
    *cap = UINT32_MAX;
  if (n > *cap - a->live)
    return -ENOMEM;
  *v = malloc(*cap * a->elem);
  return *v == NULL ? -ENOMEM : 0;
}

/* Copy the live feature sets to a fresh array with room for n more, in
 * slot order, leaving the dead space behind.  Returns 0 or -ENOMEM (then
 * nothing moved). */
static int
fset_compact(struct similar *s, size_t n)
{
  struct arena *a = &s->fset;
  size_t cap, len = 0;
  unsigned char *v;
  void *fresh;
  uint32_t i;
  struct doc *d;

  if (arena_fresh(a, n, &fresh, &cap) != 0)
    return -ENOMEM;
  v = fresh;
  for (i = 0; i < s->ndoc; i++) {
    d = &s->doc[i];
    if (d->nfeat == 0)
      continue;
    memcpy(v + len, doc_feat(s, d), d->nbytes);
    d->feat = (uint32_t)len;
    len += d->nbytes;
  }
  free(a->v);
  a->v = v;
  a->len = len;
  a->cap = cap;
  return 0;
}

/* Copy the posting lists to a fresh array with room for n more, each
 * with its room and its order, leaving the dead space behind.  Returns 0
 * or -ENOMEM (then nothing moved). */
static int
pool_compact(struct similar *s, size_t n)
{
  struct arena *a = &s->pool;
  size_t cap, len = 0;
  unsigned char *v;
  uint32_t i;
  void *fresh;
  struct posting *p;

  if (arena_fresh(a, n, &fresh, &cap) != 0)
    return -ENOMEM;
  v = fresh;
  for (i = 0; i < s->npost; i++) {
    p = &s->post[i];
    if (p->cap == 0)
      continue;
    if (p->used > 0)
      memcpy(v + len, post_bytes(s, i), p->used);
    p->at = (uint32_t)len;
    len += p->cap;
  }
  free(a->v);
  a->v = v;
  a->len = len;
  a->cap = cap;
  return 0;
}

/* Room for n more words at the end of arena a of s: first by dropping
 * its dead space when that is more than half what is live (compact is
 * a's compaction), else by growing it.  Returns 0 or -ENOMEM. */
static int
arena_room(struct similar *s, struct arena *a, size_t n,
           int (*compact)(struct similar *, size_t))
{
  if (a->len + n <= a->cap)
    return 0;
  if (a->len - a->live > a->live / 2 && compact(s, n) == 0)
    return 0;
  return arena_grow(a, n);
}

/* A free document slot with no features into *slot.  Returns 0 or
 * -ENOMEM. */
static int
doc_alloc(struct similar *s, uint32_t *slot)
{
  void *arr = s->doc;

  if (s->doc_free != NONE) {
    *slot = s->doc_free;
    s->doc_free = s->doc[*slot].rep_next;
    return 0;
  }
  if (s->ndoc == s->doc_cap) {
    if (grow_array(&arr, &s->doc_cap, sizeof(*s->doc)) != 0)
      return -ENOMEM;
    s->doc = arr;
  }
  *slot = s->ndoc++;
  s->doc[*slot].nfeat = 0;
  s->doc[*slot].nbytes = 0;
  return 0;
}

/* Leave a document's features as dead space and put its slot on the
 * free list. */
static void
doc_release(struct similar *s, uint32_t slot)
{
  struct doc *d = &s->doc[slot];

  s->fset.live -= d->nbytes;
  d->nfeat = 0;
  d->nbytes = 0;
  d->rep_next = s->doc_free;
  s->doc_free = slot;
}

/* Store the feature ids ids[0..n) (ascending) as document slot's set.
 * Returns 0 or -ENOMEM (then nothing changed). */
static int
doc_set_features(struct similar *s, uint32_t slot, const uint64_t *ids,
                 uint32_t n)
{
  struct arena *a = &s->fset;
  unsigned char *out;
  size_t bytes = 0;
  uint32_t i;

  for (i = 0; i < n; i++)
    bytes += varint_len((uint32_t)ids[i] - (i ? (uint32_t)ids[i - 1] : 0));
  if (arena_room(s, a, bytes, fset_compact) != 0)
    return -ENOMEM;
  out = (unsigned char *)a->v + a->len;
  for (i = 0; i < n; i++)
    out += varint_put(out, (uint32_t)ids[i] - (i ? (uint32_t)ids[i - 1] : 0));
  s->doc[slot].feat = (uint32_t)a->len;
  s->doc[slot].nbytes = (uint32_t)bytes;
  s->doc[slot].nfeat = n;
  a->len += bytes;
  a->live += bytes;
  return 0;
}

/* A free, empty posting list for feature key into *pi.  Returns 0 or
 * -ENOMEM. */
static int
post_alloc(struct similar *s, uint64_t key, uint32_t *pi)
{
  void *arr = s->post;

  if (s->post_free != NONE) {
    *pi = s->post_free;
    s->post_free = s->post[*pi].next_free;
  } else {
    if (s->npost == s->post_cap) {
      if (grow_array(&arr, &s->post_cap, sizeof(*s->post)) != 0)
        return -ENOMEM;
      s->post = arr;
    }
    *pi = s->npost++;
  }
  s->post[*pi].key = key;
  s->post[*pi].at = 0;
  s->post[*pi].used = 0;
  s->post[*pi].cap = 0;
  s->post[*pi].len = 0;
  s->post[*pi].last = 0;
  return 0;
}

/* Forget an empty posting list: its feature leaves the map, its room
 * becomes dead space, its id goes on the free list. */
static void
post_release(struct similar *s, uint32_t pi)
{
  struct posting *p = &s->post[pi];

  map_del(&s->by_feat, p->key);
  s->pool.live -= p->cap;
  p->cap = 0;
  p->next_free = s->post_free;
  s->post_free = pi;
}

/* Release posting list pi if feature_ids() made it for an add that
 * failed: it is still empty and in the map (a repeat may name it twice). */
static void
post_forget(struct similar *s, uint32_t pi)
{
  if (s->post[pi].len == 0 && map_get(&s->by_feat, s->post[pi].key) == pi)
    post_release(s, pi);
}

/*
 * The ids of the hashes f->v[0..f->len) (any order, repeats allowed) in
 * place, ascending and without repeats, f->len their number; a new empty
 * posting list is made for each hash the index lacks.  Returns 0 or
 * -ENOMEM (then the new lists are gone again and f->v is spoilt).
 */
static int
feature_ids(struct similar *s, struct fvec *f)
{
  uint64_t *h;
  uint32_t i, pi, n = (uint32_t)f->len;

  /* The radix sort's second half. */
  if (fvec_reserve(f, 2 * (size_t)n) != 0)
    return -ENOMEM;
  h = f->v;

  for (i = 0; i < n; i++) {
    pi = map_get(&s->by_feat, h[i]);
    if (pi == NONE) {
      if (post_alloc(s, h[i], &pi) != 0)
        goto undo;
      if (map_put(&s->by_feat, h[i], pi) != 0) {
        post_release(s, pi);
        goto undo;
      }
    }
    h[i] = pi;
  }
  sort_ids(h, h + n, n, s->npost - 1);
  f->len = drop_repeats(h, n);
  return 0;

undo:
  while (i-- > 0)
    post_forget(s, (uint32_t)h[i]);
  return -ENOMEM;
}

/* Room for need more bytes in posting list pi: a list short of it
 * moves to the end of the pool with twice its room (or what it needs).
 * Returns 0 or -ENOMEM (then nothing changed). */
static int
posting_room(struct similar *s, uint32_t pi, size_t need)
{
  struct posting *p = &s->post[pi];
  size_t cap = (size_t)p->cap * 2;

  if (p->used + need <= p->cap)
    return 0;
  if (cap < p->used + need)
    cap = p->used + need;
  if (cap < 8)
    cap = 8;
  if (cap > UINT32_MAX ||
      arena_room(s, &s->pool, cap, pool_compact) != 0)
    return -ENOMEM;
  if (p->used > 0)
    memcpy((unsigned char *)s->pool.v + s->pool.len, post_bytes(s, pi),
           p->used);
  p->at = (uint32_t)s->pool.len;
  s->pool.len += cap;
  s->pool.live += cap - p->cap;
  p->cap = (uint32_t)cap;
  return 0;
}

/* Record that document slot has feature pi; while loading, only count
 * it.  Returns 0 or -ENOMEM (then nothing changed). */
static int
posting_add(struct similar *s, uint32_t pi, uint32_t slot)
{
  struct posting *p = &s->post[pi];
  uint64_t step = list_step(p->last, slot);

  if (!s->loading) {
    if (posting_room(s, pi, varint_len(step)) != 0)
      return -ENOMEM;
    p->used += (uint32_t)varint_put(post_bytes(s, pi) + p->used, step);
    p->last = slot;
  }
  p->len++;
  return 0;
}

/* Where a slot is in a list, and what is around it. */
struct list_pos {
  size_t at;          /* its step's bytes start here */
  size_t after;       /* the next step's start here */
  uint32_t slot;      /* the slot */
  uint32_t before;    /* the slot before it, 0 for the first */
};

/* The position of slot in posting list pi into *pos.  Returns 1, or 0
 * when it is not there. */
static int
list_find(const struct similar *s, uint32_t pi, uint32_t slot,
          struct list_pos *pos)
{
  const unsigned char *b = post_bytes(s, pi), *r = b, *at;
  const unsigned char *end = b + s->post[pi].used;
  uint32_t v = 0, before;

  while (r < end) {
    at = r;
    before = v;
    if (*r < 0x80) {   /* most steps are a byte: list_next() inline */
      v = *r & 1 ? v - (uint32_t)((*r + 1) / 2) : v + (uint32_t)(*r / 2);
      r++;
    } else {
      v = list_next(&r, v);
    }
    if (v == slot) {
      pos->at = (size_t)(at - b);
      pos->after = (size_t)(r - b);
      pos->before = before;
      pos->slot = slot;
      return 1;
    }
  }
  return 0;
}

/* The hole at pos closed by moving the slots after it up: one step,
 * from the slot before the hole to next, in place of the hole's step and
 * next's, which is never longer (mid_at: where the steps after next's
 * start). */
static void
list_close_up(struct similar *s, uint32_t pi, const struct list_pos *pos,
              uint32_t next, size_t mid_at)
{
  struct posting *p = &s->post[pi];
  unsigned char *b = post_bytes(s, pi), step[10];
  size_t n = varint_put(step, list_step(pos->before, next));

  memmove(b + pos->at + n, b + mid_at, p->used - mid_at);
  memcpy(b + pos->at, step, n);
  p->used = (uint32_t)(pos->at + n + (p->used - mid_at));
  p->len--;
}

/*
 * Take the slot at pos out of posting list pi as single removals always
 * have: the last slot moves into its place (the order decides between
 * tied candidates).  The two steps around the hole are written anew and
 * the last step goes; that may take a few bytes more than the list has
 * room for.  Should the list then fail to move for want of memory, the
 * slots after the hole move up instead, which keeps the same documents
 * in another order.
 */
static void
list_cut(struct similar *s, uint32_t pi, const struct list_pos *pos)
{
  struct posting *p = &s->post[pi];
  const unsigned char *b = post_bytes(s, pi), *r = b + pos->after;
  uint32_t next, v, pen;
  size_t mid_at, last_at, a, c, used;
  unsigned char *w;

  if (pos->after == p->used) {       /* the last slot: cut it off */
    p->used = (uint32_t)pos->at;
    p->last = pos->before;
    p->len--;
    return;
  }
  next = list_next(&r, pos->slot);
  mid_at = (size_t)(r - b);
  if (mid_at == p->used) {           /* next is the last: it moves up */
    list_close_up(s, pi, pos, next, mid_at);
    return;
  }
  /* The last step's place (the byte after the end of the step before
   * it: only a step's last byte has its top bit clear), and pen, the
   * slot before the last. */
  for (last_at = p->used - 1; last_at > mid_at && b[last_at - 1] & 0x80;)
    last_at--;
  r = b + last_at;
  v = list_next(&r, 0);
  pen = p->last - v;
  a = varint_len(list_step(pos->before, p->last));
  c = varint_len(list_step(p->last, next));
  used = pos->at + a + c + (last_at - mid_at);
  if (used > p->cap && posting_room(s, pi, used - p->used) != 0) {
    list_close_up(s, pi, pos, next, mid_at);
    return;
  }
  w = post_bytes(s, pi);
  memmove(w + pos->at + a + c, w + mid_at, last_at - mid_at);
  varint_put(w + pos->at, list_step(pos->before, p->last));
  varint_put(w + pos->at + a, list_step(p->last, next));
  p->used = (uint32_t)used;
  p->last = pen;
  p->len--;
}

/* Forget that document slot has feature pi; a list left empty goes. */
static void
posting_del(struct similar *s, uint32_t pi, uint32_t slot)
{
  struct posting *p = &s->post[pi];
  struct list_pos pos;

  if (s->loading)
    p->len--;
  else if (list_find(s, pi, slot, &pos))
    list_cut(s, pi, &pos);
  if (p->len == 0)
    post_release(s, pi);
}

/* Put document slot at the head of its reporter's list.  Returns 0 or
 * -ENOMEM (then nothing changed). */
static int
reporter_link(struct similar *s, uint32_t slot)
{
  struct doc *d = &s->doc[slot];
  uint32_t head = map_get(&s->by_reporter, (uint64_t)d->reporter_id);

  if (map_put(&s->by_reporter, (uint64_t)d->reporter_id, slot) != 0)
    return -ENOMEM;
  d->rep_next = head;
  return 0;
}

/* Take document slot out of its reporter's list; never allocates.  The
 * list is singly linked (a reporter has few open tickets, and a link
 * back would cost every ticket four bytes): the one before slot is
 * found from the head. */
static void
reporter_unlink(struct similar *s, uint32_t slot)
{
  struct doc *d = &s->doc[slot];
  uint32_t c;
  size_t at;

  if (!map_find(&s->by_reporter, (uint64_t)d->reporter_id, &at))
    return;
  c = s->by_reporter.val[at];
  if (c == slot) {
    if (d->rep_next == NONE)
      map_del(&s->by_reporter, (uint64_t)d->reporter_id);
    else
      s->by_reporter.val[at] = d->rep_next;
    return;
  }
  while (c != NONE && s->doc[c].rep_next != slot)
    c = s->doc[c].rep_next;
  if (c != NONE)
    s->doc[c].rep_next = d->rep_next;
}

/* Take a document out of its reporter's list and every posting list,
 * and free its slot. */
static void
doc_drop(struct similar *s, uint32_t slot)
{
  const struct doc *d = &s->doc[slot];
  const unsigned char *p = doc_feat(s, d);
  uint32_t i, id = 0;

  reporter_unlink(s, slot);
  for (i = 0; i < d->nfeat; i++) {
    id = set_next(&p, id);
    posting_del(s, id, slot);
  }
  doc_release(s, slot);
}

int
similar_load_begin(struct similar *s)
{
  if (s->ndoc != 0 || s->npost != 0)
    return -EINVAL;
  s->loading = 1;
  return 0;
}

/* Each slot in each of its lists, in slot order, as single adds would
 * append it: the bytes each list needs when out is 0, else the steps
 * themselves, written at each list's place in out (posting.used and
 * .last start from 0 either way). */
static void
lists_walk(struct similar *s, unsigned char *out)
{
  const unsigned char *f;
  struct posting *p;
  const struct doc *d;
  uint32_t i, k, id;
  uint64_t step;

  for (i = 0; i < s->npost; i++) {
    s->post[i].used = 0;
    s->post[i].last = 0;
  }
  for (i = 0; i < s->ndoc; i++) {
    d = &s->doc[i];
    f = doc_feat(s, d);
    for (k = 0, id = 0; k < d->nfeat; k++) {
      id = set_next(&f, id);
      p = &s->post[id];
      step = list_step(p->last, i);
      p->used += (uint32_t)(out != NULL ? varint_put(out + p->at + p->used, step)
                                       : varint_len(step));
      p->last = i;
    }
  }
}

/*
 * Measure, allocate, fill: each list gets the bytes it needs, in one
 * array, and the documents are walked in slot order, which is the order
 * they were added in (the index was empty and nothing left it), so each
 * list holds them as similar_add() would have appended them.
 */
int
similar_load_end(struct similar *s)
{
  size_t total = 0;
  unsigned char *v = NULL;
  uint32_t i;
  void *shrunk;

  if (!s->loading)
    return 0;
  /* The sets and the slots grew by doubling: give back what the load
   * did not use before the lists take their room. */
  if (s->fset.len > 0 && s->fset.len < s->fset.cap &&
      (shrunk = realloc(s->fset.v, s->fset.len)) != NULL) {
    s->fset.v = shrunk;
    s->fset.cap = s->fset.len;
  }
  if (s->ndoc > 0 && s->ndoc < s->doc_cap &&
      (shrunk = realloc(s->doc, (size_t)s->ndoc * sizeof(*s->doc))) != NULL) {
    s->doc = shrunk;
    s->doc_cap = s->ndoc;
  }
  lists_walk(s, NULL);
  for (i = 0; i < s->npost; i++) {
    s->post[i].at = (uint32_t)total;
    s->post[i].cap = s->post[i].used;
    total += s->post[i].used;
    if (total > UINT32_MAX)
      return -ENOMEM;
  }
  if (total > 0 && (v = malloc(total)) == NULL)
    return -ENOMEM;
  if (v != NULL)
    lists_walk(s, v);
  free(s->pool.v);
  s->pool.v = v;
  s->pool.len = s->pool.cap = s->pool.live = total;
  s->loading = 0;
  return 0;
}

/* Undo the first `added` posting_add()s of slot to the lists ids[0..n),
 * and drop the lists feature_ids() made that are still empty. */
static void
postings_undo(struct similar *s, const uint64_t *ids, uint32_t n,
              uint32_t added, uint32_t slot)
{
  uint32_t i;

  for (i = 0; i < n; i++) {
    if (i < added)
      posting_del(s, (uint32_t)ids[i], slot);
    else
      post_forget(s, (uint32_t)ids[i]);
  }
}

/*
 * The new text goes into a fresh slot while the old one (if any) is
 * still indexed, and the ticket map is switched over last: every step
 * that can fail comes before anything is lost, and each is undone on
 * failure.  A replacement ends a load first, so that the lists keep the
 * order similar_add() alone would give them.
 */
int
similar_add(struct similar *s, int64_t ticket_id, int64_t reporter_id,
            const char *text)
{
  uint64_t *ids;
  uint32_t nfeat, slot, old, i = 0;
  struct doc *d;
  int rc;

  old = map_get(&s->by_ticket, (uint64_t)ticket_id);
  if (old == NONE && s->count == INT_MAX)
    return -ENOMEM;
  if (old != NONE && (rc = similar_load_end(s)) != 0)
    return rc;
  if (s->wcache == NULL)
    s->wcache = calloc(WCACHE_SIZE, sizeof(*s->wcache));  /* or go without */
  rc = text_words(text, &s->scratch, s->wcache);
  if (rc != 0)
    return rc;
  if (feature_ids(s, &s->scratch) != 0)
    return -ENOMEM;
  ids = s->scratch.v;
  nfeat = (uint32_t)s->scratch.len;
  if (doc_alloc(s, &slot) != 0)
    goto undo_ids;
  if (doc_set_features(s, slot, ids, nfeat) != 0)
    goto undo_slot;
  d = &s->doc[slot];
  d->ticket_id = ticket_id;
  d->reporter_id = reporter_id;
  for (i = 0; i < nfeat; i++)
    if (posting_add(s, (uint32_t)ids[i], slot) != 0)
      goto undo_slot;
  if (reporter_link(s, slot) != 0)
    goto undo_slot;
  if (map_put(&s->by_ticket, (uint64_t)ticket_id, slot) != 0)
    goto undo_reporter;
  if (old != NONE)
    doc_drop(s, old);
  else
    s->count++;
  return 0;

undo_reporter:
  reporter_unlink(s, slot);
undo_slot:
  doc_release(s, slot);
undo_ids:
  postings_undo(s, ids, nfeat, i, slot);
  return -ENOMEM;
}

void
similar_remove(struct similar *s, int64_t ticket_id)
{
  uint32_t slot = map_get(&s->by_ticket, (uint64_t)ticket_id);

  if (slot == NONE)
    return;
  /* A removal ends a load, as a replacement does.  Should memory run
   * out for that, the load goes on: the counts drop now, and the lists
   * will hold the same documents in slot order. */
  (void)similar_load_end(s);
  doc_drop(s, slot);
  map_del(&s->by_ticket, (uint64_t)ticket_id);
  s->count--;
}

/* A threshold as the search uses it: NaN and anything above 1 turn the
 * rule off (2.0 stands for "off"), anything below 0 is 0. */
static double
threshold_norm(double t)
{
  if (!(t <= 1.0))
    return 2.0;
  return t < 0.0 ? 0.0 : t;
}

/* The least overlap a set of size n must share for Jaccard >= t (at
 * least 1: sharing nothing never qualifies).  t is in [0, 1]. */
static uint32_t
overlap_needed(double t, uint32_t n)
{
  double x = t * (double)n - BOUND_EPS;
  uint32_t o;

  if (x <= 1.0)
    return 1;
  o = (uint32_t)x;
  return (double)o < x ? o + 1 : o;
}

/* A query feature and the length of its posting list. */
struct qfeat {
  uint32_t len;
  uint32_t post;  /* NONE when no ticket has it */
};

static int
cmp_qfeat(const void *a, const void *b)
{
  uint32_t x = ((const struct qfeat *)a)->len;
  uint32_t y = ((const struct qfeat *)b)->len;

  return (x > y) - (x < y);
}

/* A text to look up, as the index knows its features. */
struct query {
  struct fvec f;       /* its hashes, then scratch for its ids */
  uint32_t n;          /* its features, whether any ticket has them or not */
  struct qfeat *qf;    /* each of them and its list, in hash order */
  uint32_t *id;        /* those some ticket has, as ids, ascending */
  uint32_t nid;
};

/*
 * The query of text into *q: q->n == 0 when the text has no features.
 * A feature no ticket has counts in the sizes of the measure but cannot
 * be shared, so only the others are merged.  Returns 0 or -ENOMEM; the
 * caller frees *q with query_free() either way.
 */
static int
query_make(const struct similar *s, const char *text, struct query *q)
{
  uint32_t i;
  int rc;

  memset(q, 0, sizeof(*q));
  rc = text_features(text, &q->f);
  if (rc != 0 || q->f.len == 0)
    return rc;
  q->n = (uint32_t)q->f.len;
  q->qf = malloc(q->n * sizeof(*q->qf));
  q->id = malloc(q->n * sizeof(*q->id));
  if (q->qf == NULL || q->id == NULL)
    return -ENOMEM;
  for (i = 0; i < q->n; i++) {
    q->qf[i].post = map_get(&s->by_feat, q->f.v[i]);
    q->qf[i].len = q->qf[i].post == NONE ? 0 : s->post[q->qf[i].post].len;
    if (q->qf[i].post != NONE)
      q->f.v[q->nid++] = q->qf[i].post;  /* never ahead of i */
  }
  sort_u64(q->f.v, q->nid);
  for (i = 0; i < q->nid; i++)
    q->id[i] = (uint32_t)q->f.v[i];
  return 0;
}

static void
query_free(struct query *q)
{
  free(q->f.v);
  free(q->qf);
  free(q->id);
}


/* Is (score, same, id) a better hit than *best (found says whether there
 * is one yet)?  The order of similar.h: score, own ticket, lower id. */
static int
better(double score, int same, int64_t id, int found,
       const struct similar_hit *best)
{
  if (!found || score > best->score)
    return 1;
  if (score < best->score)
    return 0;
  if (same != best->same_reporter)
    return same > best->same_reporter;
  return id < best->ticket_id;
}

/* The running best hit of a search. */
struct best {
  struct similar_hit hit;
  int found;
};

/*
 * Score document d against the query q with threshold t, and keep it in
 * *b if it qualifies and beats what is there.  seen is how many of the
 * first `read` features of q (in q->qf's order) d is known to share (0
 * and 0 when nothing is known): it bounds the overlap before the merge
 * is paid for.
 */
static void
consider(const struct similar *s, const struct doc *d, const struct query *q,
         double t, int same, uint32_t seen, uint32_t read, struct best *b)
{
  uint32_t need, bound, o, nq = q->n;
  double score;

  need = overlap_needed(t, nq > d->nfeat ? nq : d->nfeat);
  bound = seen + (nq - read);
  if (bound > d->nfeat)
    bound = d->nfeat;
  if (bound < need)
    return;
  o = overlap(q->id, q->nid, doc_feat(s, d), d->nfeat, need);
  if (o < need)
    return;
  score = jaccard(o, nq, d->nfeat);
  if (score < t || !better(score, same, d->ticket_id, b->found, &b->hit))
    return;
  b->hit.ticket_id = d->ticket_id;
  b->hit.score = score;
  b->hit.same_reporter = same;
  b->found = 1;
}

/*
 * Rule (a) looks at each of the reporter's own tickets: there are few.
 * Rule (b) looks at everyone else's through the posting lists, reading
 * only the rarest features its high threshold leaves (design note 4).
 */
int
similar_find(const struct similar *s, const char *text, int64_t reporter_id,
             double threshold_same, double threshold_any,
             struct similar_hit *hit)
{
  double t_any = threshold_norm(threshold_any);
  double t_same = threshold_norm(threshold_same);
  uint32_t *count = NULL, *cand = NULL;
  uint32_t ncand = 0, prefix, i, j, c, pi;
  const unsigned char *r;
  struct query q;
  struct best best;
  int rc;

  if (s->loading)
    return -EINVAL;
  memset(&best, 0, sizeof(best));
  /* Rule (b) covers the reporter's own tickets as well. */
  if (t_any < t_same)
    t_same = t_any;
  if (t_same > 1.0 || s->count == 0)
    return 0;
  rc = query_make(s, text, &q);
  if (rc != 0 || q.n == 0)
    goto out;

  for (c = map_get(&s->by_reporter, (uint64_t)reporter_id); c != NONE;
       c = s->doc[c].rep_next)
    consider(s, &s->doc[c], &q, t_same, 1, 0, 0, &best);

  if (t_any <= 1.0) {
    count = calloc(s->ndoc, sizeof(*count));
    cand = malloc(s->ndoc * sizeof(*cand));
    if (count == NULL || cand == NULL) {
      rc = -ENOMEM;
      goto out;
    }
    qsort(q.qf, q.n, sizeof(*q.qf), cmp_qfeat);
    prefix = q.n - overlap_needed(t_any, q.n) + 1;
    for (i = 0; i < prefix; i++) {
      pi = q.qf[i].post;
      if (pi == NONE)
        continue;
      r = post_bytes(s, pi);
      for (j = 0, c = 0; j < q.qf[i].len; j++) {
        c = list_next(&r, c);
        if (count[c] == 0)
          cand[ncand++] = c;
        count[c]++;
      }
    }
    for (i = 0; i < ncand; i++) {
      c = cand[i];
      if (s->doc[c].reporter_id != reporter_id)
        consider(s, &s->doc[c], &q, t_any, 0, count[c], prefix, &best);
    }
  }
  rc = best.found;
  if (best.found && hit != NULL)
    *hit = best.hit;

out:
  query_free(&q);
  free(count);
  free(cand);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Candidates for the incident check                                   */
/* ------------------------------------------------------------------ */

/* Put hit h into hits[0..*n) (at most max, best first by better()). */
static void
hits_insert(struct similar_hit *hits, int *n, int max,
            const struct similar_hit *h)
{
  int i;

  for (i = 0; i < *n; i++)
    if (hits[i].ticket_id == h->ticket_id)
      return;
  /* A full list takes h in place of its last only when h is better. */
  if (*n < max)
    i = (*n)++;
  else if (better(h->score, h->same_reporter, h->ticket_id, 1,
                  &hits[max - 1]))
    i = max - 1;
  else
    return;
  while (i > 0 && better(h->score, h->same_reporter, h->ticket_id, 1,
                         &hits[i - 1])) {
    hits[i] = hits[i - 1];
    i--;
  }
  hits[i] = *h;
}

/* Score document slot c against q and keep it in hits when it reaches t. */
static void
score_into(const struct similar *s, uint32_t c, const struct query *q,
           double t, int same, struct similar_hit *hits, int *n, int max)
{
  const struct doc *d = &s->doc[c];
  struct similar_hit h;

  h.score = jaccard(overlap(q->id, q->nid, doc_feat(s, d), d->nfeat, 0),
                    q->n, d->nfeat);
  if (h.score <= 0.0 || h.score < t)
    return;
  h.ticket_id = d->ticket_id;
  h.same_reporter = same;
  hits_insert(hits, n, max, &h);
}

/* The SIMILAR_CANDIDATES documents of other reporters than reporter_id
 * with the highest counts among cand[0..ncand), into top; returns how
 * many. */
static uint32_t
top_candidates(const struct similar *s, const uint32_t *cand, uint32_t ncand,
               const uint32_t *count, int64_t reporter_id, uint32_t *top)
{
  uint32_t i, j, c, ntop = 0;

  for (i = 0; i < ncand; i++) {
    c = cand[i];
    if (s->doc[c].reporter_id == reporter_id)
      continue;
    if (ntop < SIMILAR_CANDIDATES)
      j = ntop++;
    else if (count[c] <= count[top[SIMILAR_CANDIDATES - 1]])
      continue;
    else
      j = SIMILAR_CANDIDATES - 1;
    for (; j > 0 && count[top[j - 1]] < count[c]; j--)
      top[j] = top[j - 1];
    top[j] = c;
  }
  return ntop;
}

/* The candidates of other reporters: the documents sharing most of q's
 * rare features (similar.h), each scored against floor. */
static int
rare_candidates(const struct similar *s, struct query *q, int64_t reporter_id,
                double floor, struct similar_hit *hits, int *n, int max)
{
  uint32_t *count = calloc(s->ndoc, sizeof(*count));
  uint32_t *cand = malloc(s->ndoc * sizeof(*cand));
  uint32_t cap = (uint32_t)(s->count * SIMILAR_RARE_SHARE), i, j, c;
  uint32_t ncand = 0, top[SIMILAR_CANDIDATES], ntop, k;
  const unsigned char *r;
  int rc = 0;

  if (count == NULL || cand == NULL) {
    rc = -ENOMEM;
    goto out;
  }
  if (cap < 64)
    cap = 64;
  qsort(q->qf, q->n, sizeof(*q->qf), cmp_qfeat);
  for (i = 0, k = 0; i < q->n && k < SIMILAR_RARE_FEATURES; i++) {
    if (q->qf[i].post == NONE)
      continue;
    if (q->qf[i].len > cap)
      break;
    k++;
    r = post_bytes(s, q->qf[i].post);
    for (j = 0, c = 0; j < q->qf[i].len; j++) {
      c = list_next(&r, c);
      if (count[c]++ == 0)
        cand[ncand++] = c;
    }
  }
  ntop = top_candidates(s, cand, ncand, count, reporter_id, top);
  for (i = 0; i < ntop; i++)
    score_into(s, top[i], q, floor, 0, hits, n, max);
out:
  free(count);
  free(cand);
  return rc;
}

int
similar_candidates(const struct similar *s, const char *text,
                   int64_t reporter_id, double floor_same, double floor_any,
                   struct similar_hit *hits, int max)
{
  struct query q;
  uint32_t c;
  int rc, n = 0;

  if (s->loading)
    return -EINVAL;
  if (max <= 0 || s->count == 0)
    return 0;
  rc = query_make(s, text, &q);
  if (rc != 0 || q.n == 0) {
    query_free(&q);
    return rc;
  }
  for (c = map_get(&s->by_reporter, (uint64_t)reporter_id); c != NONE;
       c = s->doc[c].rep_next)
    score_into(s, c, &q, threshold_norm(floor_same), 1, hits, &n, max);
  if (threshold_norm(floor_any) <= 1.0)
    rc = rare_candidates(s, &q, reporter_id, threshold_norm(floor_any),
                         hits, &n, max);
  query_free(&q);
  return rc != 0 ? rc : n;
}

int
similar_keep_low(struct similar_hit *hits, int n, double floor_same,
                 double floor_any, int max_low)
{
  int i, kept = 0, low = 0;
  double floor;

  for (i = 0; i < n; i++) {
    floor = hits[i].same_reporter ? floor_same : floor_any;
    if (hits[i].score < floor && low++ >= max_low)
      continue;
    hits[kept++] = hits[i];
  }
  return kept;
}
