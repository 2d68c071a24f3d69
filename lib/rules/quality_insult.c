/*
 * quality_insult.c: rule 3's insults (see quality_int.h): a lexicon word
 * or an [insult] word aimed at someone (called out, said of a person or
 * office, exclaimed), or disguised; and a death wished on the one
 * addressed ("ko pi mati sa"), refused as a threat.
 */

#include "rules/quality_int.h"

#include <stddef.h>
#include <string.h>

/* Is the one addressed the subject of the predicate that starts at word
 * i: a [you] word before it in its clause, with only link words between
 * ("lu memang bodok sampe ...", "kamu itu maling uang rakyat")?  Said
 * to the face, it is aimed however the sentence goes on. */
static int
you_subject(const struct ctx *cx, size_t i)
{
  size_t k = i;

  while (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_LINK, k - 1))
    k--;
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_YOU, k - 1);
}

/* "maling uang rakyat", "pencuri dana BLT", "perampok beras bantuan":
 * after the predicate ending at word e, what it takes (a [loot] word,
 * then up to OBJECT_MAX - 1 more [loot], person or crowd words or names)
 * up to the end of its clause.  Returns the last word of that object, or
 * e when there is none ("itu maling masuk tadi malam" names no loot). */
#define OBJECT_MAX 3
static size_t
loot_after(const struct ctx *cx, size_t e)
{
  size_t k = e + 1;

  if (k >= cx->nm->n || starts_clause(cx, k) || !word_is(cx, WC_LOOT, k))
    return e;
  while (k + 1 < cx->nm->n && k + 1 <= e + OBJECT_MAX &&
         !starts_clause(cx, k + 1) &&
         (word_is(cx, WC_LOOT, k + 1) || word_is(cx, WC_PERSON, k + 1) ||
          word_is(cx, WC_CROWD, k + 1) ||
          (cx->nm->w[k + 1].flags & WORD_TITLE)))
    k++;
  return ends_clause(cx, k) ? k : e;
}

/* Is word p a [trait] word (bermental, berotak, berhati) after a person
 * or office named by person words and names ("Petugas BPN bermental")? */
static int
trait_of(const struct ctx *cx, size_t p)
{
  /* "Kepala sekolah itu berwajah setan": a link word may stand between. */
  return word_is(cx, WC_TRAIT, p) && subject_of(cx, p, SUBJ_PERSON) < p;
}

/* "macam", "seperti", "kayak", "sama dengan", "sama deng", "mirip
 * dengan": how many words of likeness start at word k in its clause, 0
 * when none.  "sama" alone is "with" or "to" ("bilang sama kades"), a
 * likeness only before "dengan". */
static size_t
likeness(const struct ctx *cx, size_t k)
{
  static const char *const like[] = {"macam", "seperti", "sperti", "kayak",
                                     "kyk", "kaya", "bagai", "bagaikan",
                                     "mirip", "serupa", NULL};
  static const char *const with[] = {"dengan", "deng", "dgn", NULL};
  size_t l;

  if (k >= cx->nm->n || starts_clause(cx, k))
    return 0;
  if (word_in(cx, k, like))
    l = 1;
  else if (word_text_is(cx, k, "sama") || word_text_is(cx, k, "persis"))
    l = 0;
  else
    return 0;
  if (k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
      word_in(cx, k + 1, with))
    return 2;
  return l;
}

/* Is word k a verb or noun of treating or regarding someone: one of the
 * stems below with a prefix of the verb (di-, me- and its nasal forms,
 * which drop the stem's first p, t, k or s: "memandang", "menyamakan")
 * and "-nya" or not ("diperlakukan", "menganggapnya", "perlakuan",
 * Kupang "bekin")? */
static int
treating(const struct ctx *cx, size_t k)
{
  static const char *const stems[] = {
      "perlakukan", "perlakuan", "anggap", "jadikan", "samakan", "pandang",
      "layani", "bekin", "bikin", "hargai", NULL};
  static const char *const prefixes[] = {"",    "di",   "me",  "mem", "men",
                                         "meng", "meny", "ter", NULL};
  const struct word *w = &cx->nm->w[k];
  const char *t = cx->nm->text + w->off;
  size_t len = w->len, pl, sl, drop;
  const char *const *s, *const *pre;

  if (owned_nya(cx, k))
    len -= 3;
  for (s = stems; *s != NULL; s++)
    for (pre = prefixes; *pre != NULL; pre++) {
      pl = strlen(*pre);
      sl = strlen(*s);
      if (pl > len || memcmp(t, *pre, pl) != 0)
        continue;
      if (pl + sl == len && memcmp(t + pl, *s, sl) == 0)
        return 1;
      /* The nasal drops the stem's first letter: "memandang". */
      drop = pl > 2 && strchr("ptks", (*s)[0]) != NULL;
      if (drop && pl + sl - 1 == len && memcmp(t + pl, *s + 1, sl - 1) == 0)
        return 1;
    }
  return 0;
}

/* "memperlakukan kami seperti binatang", "kami diperlakukan macam
 * sampah", "dong bekin botong kayak binatang": the likeness starting at
 * word p follows a verb of treating or regarding (treating) at most
 * CTX_BEFORE words before it in its clause.  What is likened is the one
 * treated, and the text tells how an official treated them: no insult of
 * the reporter's.  Said of the official before the verb ("kades itu
 * seperti binatang, memperlakukan kami ...") it is not this. */
static int
treated_like(const struct ctx *cx, size_t p)
{
  size_t k;

  if (p == 0 || likeness(cx, p) == 0)
    return 0;
  for (k = p; k > 0 && p - k < CTX_BEFORE && !starts_clause(cx, k); k--)
    if (treating(cx, k - 1))
      return 1;
  return 0;
}

/* "otak keledai", "berotak kerbau", "otaknya (ditaruh) di dengkul",
 * "muka macam babi": a [mind] or [trait] word at word i, then a [beast]
 * right after it or after words of likeness (likeness: "macam",
 * "kayak", "sama dengan"), a [low] word after it or after such words
 * ("otak dengkul", "otak kosong"), an [insult] word after such words,
 * or "di"/"ke" and a [low] place at most MIND_GAP words on in
 * its clause.  Returns the last word of that idiom, or i when there is
 * none ("otak pelaku", "gegar otak", "otak saya pusing", "otak macam mau
 * pecah").  An [insult] word right after a [mind] word an official owns
 * ("camat pung otak bodoh") is such an idiom too. */
#define MIND_GAP 3
static int mind_owned(const struct ctx *cx, size_t i);

static size_t
low_mind(const struct ctx *cx, size_t i)
{
  size_t k, l, n = cx->nm->n;

  if (!word_is(cx, WC_MIND, i) && !word_is(cx, WC_TRAIT, i))
    return i;
  /* Likened, the face is a person's: not an animal's before it in its
   * clause ("anak sapi itu mukanya seperti kerbau").  Likened, it may be
   * to a low place or an [insult] thing too ("muka kaya pantat kuali",
   * "otak macam dengkul"). */
  l = likeness(cx, i + 1);
  if (l > 0 && class_before(cx, WC_BEAST, i, CTX_BEFORE))
    l = 0;
  k = i + 1 + l;
  if (k < n && !starts_clause(cx, k) &&
      (word_is(cx, WC_BEAST, k) || word_is(cx, WC_LOW, k) ||
       (l > 0 && word_is(cx, WC_INSULT, k))))
    return k;
  /* "dia pung otak bodo": a [mind] word called stupid right after it, as
   * low a mind as an animal's; only owned by an official (mind_owned)
   * is it an insult, "otak perampok" is the mastermind. */
  if (l == 0 && k < n && !starts_clause(cx, k) && word_is(cx, WC_MIND, i) &&
      word_is(cx, WC_INSULT, k) && mind_owned(cx, i))
    return k;
  for (k = i + 1; k + 1 < n && k <= i + MIND_GAP; k++) {
    if (starts_clause(cx, k) || starts_clause(cx, k + 1))
      return i;
    if ((word_text_is(cx, k, "di") || word_text_is(cx, k, "ke")) &&
        word_is(cx, WC_LOW, k + 1))
      return k + 1;
  }
  return i;
}

/* "dasar orang kampung bodoh", "hei pegawai kantor maling", "lu kepala
 * dusun bodoh": a [vocative] or [you] word opens the clause of word i, a
 * person or [grouphead] word right after it, at most CTX_NAMED words
 * before word i, and the predicate ends the clause (last).  "Dasar
 * aturan ... sampah" calls no one. */
static int
called_by_phrase(const struct ctx *cx, size_t i, int last)
{
  size_t c = clause_start(cx, i);

  return last && c + 1 < i && i - c <= CTX_NAMED + 1 &&
         (word_is(cx, WC_VOCATIVE, c) || word_is(cx, WC_YOU, c)) &&
         (word_is(cx, WC_PERSON, c + 1) || word_is(cx, WC_GROUPHEAD, c + 1));
}

/* "Kapus Oesao itu tikus kantor", "Yosef Bria itu lintah desa": the
 * predicate at words i..end (an animal) takes the office it preys on (a
 * person word) and ends its clause there, after a link word, and the
 * subject before the link opens the clause and is only names and person
 * words.  The office word makes the animal a person, so an unknown name
 * is a person too.  "tikus di kantor" takes no office. */
static int
office_pest(const struct ctx *cx, size_t i, size_t end)
{
  size_t o = end + 1;

  return o < cx->nm->n && !starts_clause(cx, o) && ends_clause(cx, o) &&
         word_is(cx, WC_PERSON, o) && !word_is(cx, WC_THEY, o) &&
         subject_of(cx, i, SUBJ_LINK | SUBJ_OPENS) < i;
}

/* "Anggota DPRD dapil Sikka semua tikus got", "Kepala dinas pendidikan
 * itu tikus got": the predicate at words i..end with one word of its own
 * after it that ends the clause (what kind of rat or thief it is), right
 * after a link word or a word that generalises, in a clause that a person
 * or office word opens at most CTX_BEFORE words before: said of that
 * official, whatever words name the office.  Not with the predicate's
 * literal sense beside it ("ke kandang itu babi semua mati"). */
static int
qualified(const struct ctx *cx, size_t i, size_t end)
{
  size_t c = clause_start(cx, i), q = end + 1;

  if (c + 1 >= i || i - c > CTX_BEFORE + 1 || q >= cx->nm->n ||
      starts_clause(cx, q) || !ends_clause(cx, q))
    return 0;
  if (!word_is(cx, WC_LINK, i - 1) &&
      !(word_is(cx, WC_GENERAL, i - 1) && word_is(cx, WC_INTENS, i - 1)))
    return 0;
  return word_is(cx, WC_PERSON, c) && !word_is(cx, WC_SELF, c) &&
         !literal_cue(cx, i, q);
}

/* "Kantor desa itu tikus banyak", "Puskesmas itu sampah berserakan",
 * "Kantor desa itu tikus semua": is the animal or thing ([beast] or
 * [harmless]) at words i..e told as what is there: a word of amount or
 * spread right after it, then only intensifiers to the end of its clause
 * or to "di" (a place), or "semua" ending the clause when a building opens
 * it?  Said of people ("pegawai ... itu sampah semua") or going on ("tikus
 * banyak makan uang"), it is still the official's predicate. */
static int
told_there(const struct ctx *cx, size_t i, size_t e)
{
  static const char *const plenty[] = {
      "banyak", "byk", "bnyk", "berserakan", "menumpuk", "numpuk",
      "bertumpuk", "bertebaran", "berkeliaran", "berceceran", "berhamburan",
      NULL};
  static const char *const building[] = {
      "kantor", "gedung", "rumah", "balai", "gudang", "ruang", "ruangan",
      "pasar", "puskesmas", "pustu", "posyandu", "sekolah", "kamar", "dapur",
      "halaman", "toilet", "wc", "aula", "kios", "toko", NULL};
  size_t q = e + 1, end, n = cx->nm->n;

  if (!(word_is(cx, WC_BEAST, i) || word_is(cx, WC_HARMLESS, i)) || q >= n ||
      starts_clause(cx, q))
    return 0;
  if (word_in(cx, q, plenty)) {
    end = skip_intensifiers(cx, q);
    return ends_clause(cx, end) ||
           (end + 1 < n && !starts_clause(cx, end + 1) &&
            word_text_is(cx, end + 1, "di"));
  }
  return word_is(cx, WC_GENERAL, q) && word_is(cx, WC_INTENS, q) &&
         ends_clause(cx, skip_intensifiers(cx, q)) &&
         word_in(cx, clause_start(cx, i), building);
}

/* "Polisi lalu lintas di simpang Oebobo itu ...", "Pegawai loket di
 * kantor Samsat Kota Kupang itu ...": is the link word at p the end of a
 * subject that a person or office word (not the reporter's, not "dong")
 * opens its clause with, where they work between: "di" or "dari" at
 * most CTX_BEFORE words before p, at most CTX_BEFORE words after the
 * person word, with no word of the reporter's after it?  The place
 * makes the subject longer than a name, not another person's. */
static int
placed_subject(const struct ctx *cx, size_t p)
{
  size_t c, k;

  if (p == 0 || starts_clause(cx, p) || !word_is(cx, WC_LINK, p))
    return 0;
  c = clause_start(cx, p);
  if (!word_is(cx, WC_PERSON, c) || word_is(cx, WC_SELF, c) ||
      word_is(cx, WC_THEY, c))
    return 0;
  for (k = p - 1; k > c && p - k <= CTX_BEFORE; k--) {
    if (word_is(cx, WC_SELF, k))
      return 0;
    if (word_text_is(cx, k, "di") || word_text_is(cx, k, "dari"))
      return k - c <= CTX_BEFORE;
  }
  return 0;
}

/* "Itu camat bodok sonde tau kerja", "Ini kepala dinas maling ...": in
 * Kupang order the demonstrative opens the clause and the subject
 * follows it, "itu X bodok" for "X itu bodok".  Is the predicate at word
 * i right after such a subject: a demonstrative opening the clause, then
 * at most CTX_BEFORE person or office words and names, the first a
 * person or office word and none the reporter's?  Like official_subject,
 * what follows the predicate (ending at word e) does not take the aim
 * away, unless it is a new subject, a pronoun: "Itu guru babi dia jual
 * ..." puts the teacher's pig first, what he sold. */
static int
fronted_subject(const struct ctx *cx, size_t i, size_t e)
{
  static const char *const demonstrative[] = {"itu", "ini", "tu", "ni",
                                              "tuh", "nih", NULL};
  static const char *const he[] = {"dia", "ia", "de", "beliau", NULL};
  size_t c = clause_start(cx, i), k, nx = e + 1;

  if (c + 2 > i || i - c - 1 > CTX_BEFORE || !word_in(cx, c, demonstrative) ||
      !word_is(cx, WC_PERSON, c + 1))
    return 0;
  if (nx < cx->nm->n && !starts_clause(cx, nx) &&
      (word_in(cx, nx, he) || word_is(cx, WC_THEY, nx) ||
       word_is(cx, WC_SELF, nx) || word_is(cx, WC_YOU, nx)))
    return 0;
  for (k = c + 1; k < i; k++)
    if (word_is(cx, WC_SELF, k) ||
        !(word_is(cx, WC_PERSON, k) ||
          (cx->nm->w[k].flags & (WORD_TITLE | WORD_CAPS))))
      return 0;
  return 1;
}

/* Is the [self] word at p the owner of the person or office named right
 * before it ("kepala desa kami", "kades beta")? */
static int
owned_by_self(const struct ctx *cx, size_t p)
{
  return p > 0 && !starts_clause(cx, p) &&
         (word_is(cx, WC_PERSON, p - 1) ||
          (cx->nm->w[p - 1].flags & WORD_TITLE));
}

/*
 * Is the word or phrase at words i..e aimed at someone: called out
 * ("dasar maling", "hei bodoh", "anjing kau", "kau babi", "lu memang
 * bodok sampe ..."), said of a
 * person or office ("kepala dinas itu anjing", "bapak camat babi",
 * "pejabat babi itu"), or exclaimed on its own ("anjing!", "Bangsat,
 * ...")?
 */
static int
aimed(const struct ctx *cx, size_t i, size_t e)
{
  size_t end = skip_intensifiers(cx, e);
  int first, last;
  size_t p = i - 1, nx;
  int general = 0;

  /* "anjing bodok", "babi sial sekali": an animal with an [insult] word
   * after it is one predicate, not the reporter's own animal ("kasi
   * kami babi sial"). */
  if (word_is(cx, WC_BEAST, e) && end + 1 < cx->nm->n &&
      !starts_clause(cx, end + 1) && word_is(cx, WC_INSULT, end + 1) &&
      !(i > 0 && word_is(cx, WC_SELF, i - 1)))
    end = skip_intensifiers(cx, end + 1);
  first = starts_clause(cx, i);
  last = ends_clause(cx, end);

  if (told_there(cx, i, e))
    return 0;
  /* "kantor itu sarang maling": the den's owner is the one aimed at. */
  if (!first && p > 0 && word_is(cx, WC_COLLECTIVE, p) &&
      !starts_clause(cx, p))
    p--;
  /* "petugas bermental tikus", "kades berotak maling": a word of
   * character right before it, said of a person or office. */
  if (!first && trait_of(cx, p))
    return 1;
  /* "tu sama deng monyet", "itu seperti dengan tikus": "dengan" after a
   * link word of likeness belongs to it; the link word is then right
   * before the predicate as in "itu seperti tikus". */
  if (!first && p > 0 && !starts_clause(cx, p) && likeness(cx, p - 1) == 2 &&
      word_is(cx, WC_LINK, p - 1))
    p--;
  /* "diperlakukan seperti binatang": said of the one treated. */
  if (!first && treated_like(cx, p))
    return 0;
  /* "dong semua pencuri", "dia memang maling": a word that generalises
   * stands between the subject and its predicate. */
  if (!first && p > 0 && !starts_clause(cx, p) &&
      word_is(cx, WC_INTENS, p) && word_is(cx, WC_GENERAL, p)) {
    p--;
    general = 1;
  }
  /* "camat itu bodoh dan tidak tahu kerja", "petugas semua bodoh dan
   * malas": the predicate, after a link word or a word that generalises
   * a person, goes on ("kepala babi dan uang" is a pig's head). */
  if (!last && !first &&
      (word_is(cx, WC_LINK, p) ||
       (general && subject_of(cx, p + 1, SUBJ_BARE | SUBJ_ONE) == p)) &&
      word_text_is(cx, end + 1, "dan") && !starts_clause(cx, end + 1))
    last = 1;

  if (!first && (word_is(cx, WC_VOCATIVE, p) || you_subject(cx, i)))
    return 1;
  if (!first && called_by_phrase(cx, i, last))
    return 1;
  /* "anjing kau", "tai lah kau", "babi sekali kau": an intensifier or
   * a particle may stand before the one addressed. */
  nx = end + 1;
  if (nx < cx->nm->n && !starts_sentence(cx, nx) &&
      word_is(cx, WC_YOU, nx) &&
      (ends_clause(cx, nx) || word_is(cx, WC_PERSON, nx + 1) ||
       word_is(cx, WC_YOU, nx + 1) || word_is(cx, WC_INTENS, nx + 1)))
    return 1;
  if ((first && last) || exclaimed(cx, end))
    return 1;
  /* "..., bendahara sonde tau malu, pencuri uang rakyat.": the word and
   * what it takes (loot_after) are the whole clause, an epithet as much
   * as the word alone. */
  if (first)
    return loot_after(cx, end) > end;
  if (qualified(cx, i, end))
    return 1;
  /* "kades bodoh sekali ...": an intensifier after it makes it the
   * predicate of the official right before it. */
  if (end > e && subject_of(cx, p + 1, SUBJ_BARE | SUBJ_ONE) == p)
    return 1;
  if ((official_subject(cx, i) || fronted_subject(cx, i, e)) &&
      !literal_cue(cx, i, e))
    return 1;
  if (office_pest(cx, i, end) && !literal_cue(cx, i, e))
    return 1;
  /* "itu tikus kantor", "itu maling desa": the predicate with the
   * office it preys on still ends its clause. */
  if (!last && end + 1 < cx->nm->n && !starts_clause(cx, end + 1) &&
      word_is(cx, WC_PERSON, end + 1) && ends_clause(cx, end + 1))
    last = 1;
  if (!last && loot_after(cx, end) > end)
    last = 1;
  /* "kades kami tolol": a [self] word owns the official before it;
   * "kades anggap beta bodoh" is the reporter the word is said of, by
   * the official, not the reporter's insult. */
  if (last && (word_is(cx, WC_YOU, p) ||
               ((word_is(cx, WC_LINK, p) || word_is(cx, WC_PERSON, p) ||
                 (word_is(cx, WC_SELF, p) && owned_by_self(cx, p)) ||
                 (cx->nm->w[p].flags & WORD_TITLE)) &&
                (word_is(cx, WC_PERSON, p) ||
                 class_before(cx, WC_PERSON, i, CTX_BEFORE))) ||
               placed_subject(cx, p)))
    return 1;
  /* An epithet: "pejabat babi itu ...", "kades anjing yang ...". */
  return subject_of(cx, p + 1, SUBJ_BARE | SUBJ_ONE) == p &&
         nx < cx->nm->n && !starts_clause(cx, nx) && word_is(cx, WC_LINK, nx);
}

/* The lexicon entry at word i, as quality_abusive() finds it, ignoring
 * the allow-list: its last word in *e and whether only a squeezed double
 * letter found it. */
static const struct entry *
lexicon_at(const struct ctx *cx, size_t i, size_t *e, int *squeezed)
{
  const struct entry *hit;
  size_t k, maxk = 1, n = cx->nm->n;

  if (may_start_phrase(&cx->q->lexicon, cx->nm, i))
    maxk = n - i < QUALITY_MAX_ENTRY_WORDS ? n - i : QUALITY_MAX_ENTRY_WORDS;
  for (k = maxk; k >= 1; k--) {
    if (!(cx->q->lexicon.counts & (1u << (k - 1))))
      continue;
    hit = match_span(cx->q, cx->nm, i, k, squeezed);
    if (hit != NULL) {
      *e = i + k - 1;
      return hit;
    }
  }
  return NULL;
}

/* Is any of words i..e covered by the allow-list? */
static int
span_allowed(const struct ctx *cx, size_t i, size_t e)
{
  for (; i <= e; i++)
    if (cx->allowed[i])
      return 1;
  return 0;
}

/* Is a slur of race or religion among words i..e ("cina babi", "kafir")? */
static int
span_sara(const struct ctx *cx, size_t i, size_t e)
{
  for (; i <= e; i++)
    if (word_is(cx, WC_GROUP, i) || word_is(cx, WC_SLUR, i))
      return 1;
  return 0;
}

/* "bodo-bodo", "maling maling": word e said again right after it in its
 * clause is the same predicate; the last of the two, or e.  The second
 * is still judged on its own too. */
static size_t
said_twice(const struct ctx *cx, size_t e)
{
  return e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
                 same_word(cx, e, e + 1)
             ? e + 1
             : e;
}

/* "sekdes menyebut para janda sebagai sampah", "saya sebut dia sebagai
 * maling": word i right after "sebagai", with a verb of saying at most
 * CTX_BEFORE words before that in its sentence, is what someone was
 * called.
 * Said by someone else it is reported (found() flags it), by the
 * reporter an insult. */
static int
named_as(const struct ctx *cx, size_t i)
{
  return i > 1 && !starts_clause(cx, i) &&
         word_text_is(cx, i - 1, "sebagai") && !starts_clause(cx, i - 1) &&
         class_before(cx, WC_SAY, i - 1, CTX_BEFORE);
}

/* "Camat berteriak bahwa kami ini orang kampung bodoh yang ...", "Kepsek
 * mengatakan bahwa guru honor itu semua sampah": word i reported, right
 * after a verb of saying ("bahwa" between or not) stands the subject of
 * the reported clause (the reporter, the one addressed, a person or
 * "mereka"), and between it and word i only link words, words that
 * generalise, "orang" and at most two other words (a name, a kind of
 * people: "orang kampung", "guru honor"), a link word or "orang" among
 * them and no [modal] word.  What the subject is called is the
 * official's words.  "Camat bilang kami harus lapor pencuri ..."
 * calls no one. */
static int
said_of(const struct ctx *cx, size_t i)
{
  size_t m, s;
  int other = 0, linked = 0;

  if (!cx->reported[i] || i < 2 || starts_clause(cx, i))
    return 0;
  for (s = i - 1; s > 0 && i - s <= CTX_BEFORE + 1; s--) {
    if (word_is(cx, WC_SAY, s - 1))
      break;
    if (starts_sentence(cx, s))
      return 0;
  }
  if (s == 0 || !word_is(cx, WC_SAY, s - 1))
    return 0;
  if (word_text_is(cx, s, "bahwa") || word_text_is(cx, s, "bhw"))
    s++;
  if (s >= i || !(word_is(cx, WC_SELF, s) || word_is(cx, WC_YOU, s) ||
                  word_is(cx, WC_PERSON, s) || word_is(cx, WC_THEY, s)))
    return 0;
  for (m = s + 1; m < i; m++) {
    if (starts_clause(cx, m) || word_is(cx, WC_MODAL, m))
      return 0;
    if (word_is(cx, WC_LINK, m) || word_text_is(cx, m, "orang"))
      linked = 1;
    else if (!word_is(cx, WC_GENERAL, m) && ++other > 2)
      return 0;
  }
  return linked;
}

/* "camat pung muka badak", "kades punya otak kerbau", "lu pung otak
 * macam kerbau", "Kades Oelbiteno pung otak", "polisi di pos Tenau pung
 * muka": the [mind] word at word i owned ("pung"/"punya") by a person or
 * office or by the one addressed, at most CTX_BEFORE words before "pung"
 * in its clause (a name or a place may follow the office), with no word
 * of the reporter between ("anak saya pung muka"). */
static int
mind_owned(const struct ctx *cx, size_t i)
{
  size_t m;

  if (!word_is(cx, WC_MIND, i))
    return 0;
  if (i < 2 || starts_clause(cx, i) || starts_clause(cx, i - 1) ||
      !owning(cx, i - 1))
    return 0;
  for (m = i - 2; i - 2 - m < CTX_BEFORE; m--) {
    if (word_is(cx, WC_SELF, m))
      return 0;
    if (word_is(cx, WC_YOU, m) || word_is(cx, WC_PERSON, m))
      return 1;
    if (starts_clause(cx, m))
      return 0;
  }
  return 0;
}

/* "Satpol PP Kota Kupang itu kerbau semua, ...": the [beast] at word i
 * as the predicate of an official or office (official_subject), a word
 * that generalises ("semua") right after it ending the clause, or of an
 * official named with where they work (placed_subject): the whole
 * office called animals.  Livestock counted ("ternak ... itu kerbau
 * semua") has no official as subject. */
static int
beast_of_all(const struct ctx *cx, size_t i)
{
  size_t g = i + 1;

  return word_is(cx, WC_BEAST, i) && g < cx->nm->n && !starts_clause(cx, g) &&
         word_is(cx, WC_GENERAL, g) && word_is(cx, WC_INTENS, g) &&
         ends_clause(cx, g) &&
         (official_subject(cx, i) || (i > 0 && placed_subject(cx, i - 1))) &&
         !literal_cue(cx, i, g) && !told_there(cx, i, i);
}

/* "Dasar kadal buntung, ...", "hei kerbau", "Kepala Dinas PU itu
 * keledai, ...": the [beast] at word i called out (a vocative word right
 * before it) or the predicate of an official or office right before it
 * (official_subject, "itu" between), with no word beside it that shows a
 * literal sense.  Livestock told of ("ternak ... itu kerbau semua",
 * "mukanya seperti kerbau" of a calf) has no official as subject. */
static int
beast_called(const struct ctx *cx, size_t i)
{
  if (!word_is(cx, WC_BEAST, i) || i == 0 || starts_clause(cx, i))
    return 0;
  if (word_is(cx, WC_VOCATIVE, i - 1) &&
      (i == 1 || starts_clause(cx, i - 1)))
    return 1;
  return word_is(cx, WC_LINK, i - 1) && official_subject(cx, i) &&
         ends_clause(cx, skip_intensifiers(cx, i)) && !literal_cue(cx, i, i) &&
         !told_there(cx, i, i);
}

/* An [insult] word or a low_mind idiom at words i..e: an insult when
 * aimed at someone (or `trait`: "petugas berotak kerbau"), or reported
 * (quoted, named right after a verb of saying: "dibilang bodoh", or said
 * of the reported clause's subject: said_of). */
static int
insult_if_aimed(struct ctx *cx, size_t i, size_t e, int trait)
{
  if (!(trait || aimed(cx, i, e) || named_as(cx, i) || said_of(cx, i) ||
        (cx->reported[i] && ((cx->nm->w[i].flags & WORD_QUOTED) ||
                             class_before(cx, WC_SAY, i, CTX_NAMED)))))
    return 0;
  found(cx, i, QUALITY_INSULT, "insult");
  return 1;
}

/* "DPRD kabupaten itu kandang babi", "Kantor dinas itu sarang monyet":
 * are words i..e right after a [collective] word (a pen, a den, a band
 * of them) that follows a link word, in a clause a person or office
 * opens, and aimed at it (aimed)?  The office is then called the den,
 * though the allow-list keeps the phrase literal elsewhere ("kandang
 * babi" of livestock, "bantuan kandang babi dari dinas"). */
static int
den_of(const struct ctx *cx, size_t i, size_t e)
{
  size_t d = i - 1, c;

  if (i < 2 || starts_clause(cx, i) || starts_clause(cx, d) ||
      !word_is(cx, WC_COLLECTIVE, d) || !word_is(cx, WC_LINK, d - 1))
    return 0;
  c = clause_start(cx, d);
  return c < d - 1 && word_is(cx, WC_PERSON, c) && !word_is(cx, WC_SELF, c) &&
         aimed(cx, i, e);
}

/*
 * The lexicon and the insulting words at word i; returns the last word
 * looked at.  An allowed word, or a word beside one that shows its
 * literal sense, is literal; a '~' word (an animal) insults only aimed
 * at someone or disguised; the words of [insult] (maling, bodoh) only
 * aimed at someone; every other entry wherever it stands.
 */
size_t
judge_words(struct ctx *cx, size_t i, int caps_text)
{
  const struct entry *hit;
  size_t e = i;
  int squeezed, insult;

  hit = lexicon_at(cx, i, &e, &squeezed);
  if (hit == NULL) {
    /* A low mind found aimed covers its animal: "muka macam babi" is
     * not also a pig in its literal sense. */
    e = low_mind(cx, i);
    if (e > i)
      return insult_if_aimed(cx, i, e, trait_of(cx, i) || mind_owned(cx, i))
                 ? e
                 : i;
    else if (word_is(cx, WC_INSULT, i))
      insult_if_aimed(cx, i, said_twice(cx, i), 0);
    else if (beast_of_all(cx, i))
      insult_if_aimed(cx, i, i + 1, 1);
    else if (beast_called(cx, i))
      insult_if_aimed(cx, i, i, 1);
    return i;
  }
  if (span_allowed(cx, i, e) && !den_of(cx, i, e)) {
    cx->j->marks |= QUALITY_MARK_LITERAL;
    return e;
  }
  if (hit->plain_word)
    insult = squeezed || span_disguised(cx->nm, i, e - i + 1, caps_text);
  else
    insult = !literal_cue(cx, i, e);
  insult |= aimed(cx, i, e == i ? said_twice(cx, i) : e);
  if (!insult && !cx->reported[i]) {
    cx->j->marks |= QUALITY_MARK_LITERAL;
    return e;
  }
  found(cx, i, span_sara(cx, i, e) ? QUALITY_SARA : QUALITY_INSULT,
        hit->text);
  return e;
}
