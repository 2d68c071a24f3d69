/*
 * quality_ctx.c: the clause machinery of rule 3 (see quality_int.h): the
 * word classes of a normalised text, clauses and sentences, who a
 * predicate is said of (subject_of) and whether the reporter is the
 * agent of a verb (self_agent, remote_agent).
 */

#include "rules/quality_int.h"

#include <stddef.h>
#include <string.h>

#define CTX_ORIGIN 3     /* words naming where a crowd comes from */

/* Is c a lower-case vowel? */
static int
is_vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Is t[0..n) the entry h with vowels left out, its first letter kept
 * and one of them at least between two letters kept ("hbsi" of
 * "habisi", "bnuh" of "bunuh"; "habis" is a word of its own, not
 * "habisi" short)? */
static int
vowels_dropped(const char *t, size_t n, const char *h)
{
  size_t k = 0;
  int inside = 0;

  if (*h != *t)
    return 0;
  for (; *h != '\0'; h++)
    if (k < n && *h == t[k])
      k++;
    else if (!is_vowel(*h))
      return 0;
    else if (k > 0 && k < n)
      inside = 1;
  return k == n && inside;
}

/* Does an entry of list l longer than t[0..n) give t with vowels left
 * out (vowels_dropped)? */
static int
skeleton_of(const struct wordlist *l, const char *t, size_t n)
{
  size_t k;

  for (k = 0; k < l->n; k++)
    if (l->v[k].tlen > n && vowels_dropped(t, n, l->v[k].text))
      return 1;
  return 0;
}

/* Is word i an entry of list l written SMS-style with vowels left out
 * ("bkr" for "bakar", "kpl sklh" for "kepala sekolah", "siapkn" for
 * "siapkan"): at least SMS_MIN letters, not before a number ("pkul 9" is
 * the time), not a stop word itself, and not a common word written so
 * as well (a stop word: "srng" is "sering", "srt" is "surat")? */
#define SMS_MIN 3
int
sms_form(const struct ctx *cx, const struct wordlist *l, size_t i)
{
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;

  if (w->len < SMS_MIN || !is_letter(t[0]) ||
      (i + 1 < cx->nm->n && is_digit(cx->nm->text[cx->nm->w[i + 1].off])))
    return 0;
  return skeleton_of(l, t, w->len) &&
         list_find(&cx->q->stop, KEY_TEXT, t, w->len) == NULL &&
         !skeleton_of(&cx->q->stop, t, w->len);
}

/* The classes whose words are also read written SMS-style without their
 * vowels (sms_form): who and what a threat is aimed at, the verbs of
 * readying a weapon, and of waiting ("tnggu", "lht").  Function words
 * have SMS forms of their own in the lists ("utk", "sdh", "tdk"). */
static int
sms_class(enum word_class c)
{
  return c == WC_PERSON || c == WC_TARGET || c == WC_ARM || c == WC_WAIT;
}

/* The classes of each word of nm into out[0..nm->n): those it is in as
 * written, squeezed, or with a suffix off (kantornya, lehernya). */
void
word_classes(const struct quality *q, const struct norm *nm,
             struct wordbits_set *out)
{
  const struct word *w;
  const char *t;
  size_t i, k, n;

  for (i = 0; i < nm->n; i++) {
    w = &nm->w[i];
    t = nm->text + w->off;
    memset(&out[i], 0, sizeof(out[i]));
    wordbits_or(&q->classes, t, w->len, &out[i]);
    wordbits_or(&q->classes, nm->sq + w->soff, w->slen, &out[i]);
    for (k = 0; k < NSUFFIXES; k++) {
      n = strlen(suffixes[k]);
      if (w->len >= n + SUFFIX_MIN_STEM &&
          memcmp(t + w->len - n, suffixes[k], n) == 0)
        wordbits_or(&q->classes, t, w->len - n, &out[i]);
    }
  }
}

/* Is word i (a valid index) a member of class c: as written, squeezed,
 * with a suffix off (word_classes, found when the text was opened), or
 * for some classes written without its vowels (sms_class)? */
int
word_is(const struct ctx *cx, enum word_class c, size_t i)
{
  if (i >= cx->nm->n)
    return 0;
  if (wordbits_has(&cx->cls[i], (unsigned)c))
    return 1;
  return sms_class(c) && sms_form(cx, &cx->q->cls[c], i);
}

/* Word i with a prefix of n letters p taken off is in class c. */
int
prefixed(const struct ctx *cx, enum word_class c, size_t i, const char *p)
{
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  size_t n = strlen(p);

  return w->len >= n + SUFFIX_MIN_STEM && memcmp(t, p, n) == 0 &&
         list_find(&cx->q->cls[c], KEY_TEXT, t + n, w->len - n) != NULL;
}

/* Does a sentence end before word i (or is i the first)? */
int
starts_sentence(const struct ctx *cx, size_t i)
{
  return i == 0 || (cx->nm->w[i].flags & WORD_STOP);
}

/* Does a clause (sentence, part after a comma, or a quotation) start at
 * word i? */
int
starts_clause(const struct ctx *cx, size_t i)
{
  return i == 0 || (cx->nm->w[i].flags & (WORD_STOP | WORD_COMMA)) ||
         ((cx->nm->w[i].flags & WORD_QUOTED) &&
          !(cx->nm->w[i - 1].flags & WORD_QUOTED));
}

/* Does a clause end after word i? */
int
ends_clause(const struct ctx *cx, size_t i)
{
  return i + 1 >= cx->nm->n || starts_clause(cx, i + 1);
}

/* The first word of the clause that holds word i. */
size_t
clause_start(const struct ctx *cx, size_t i)
{
  while (i > 0 && !starts_clause(cx, i))
    i--;
  return i;
}

/* The first word of the sentence that holds word i. */
size_t
sentence_start(const struct ctx *cx, size_t i)
{
  while (!starts_sentence(cx, i))
    i--;
  return i;
}

/* Is an exclamation mark right after word i? */
int
exclaimed(const struct ctx *cx, size_t i)
{
  return i + 1 >= cx->nm->n ? (cx->nm->end & WORD_EXCL) != 0
                            : (cx->nm->w[i + 1].flags & WORD_EXCL) != 0;
}

/* Is there a word of class c among the up to `back` words before i in
 * its sentence (i itself not counted)? */
int
class_before(const struct ctx *cx, enum word_class c, size_t i, size_t back)
{
  size_t k;

  for (k = i; k > 0 && i - k < back && !starts_sentence(cx, k); k--)
    if (word_is(cx, c, k - 1))
      return 1;
  return 0;
}

/* Is word i the word w? */
int
word_text_is(const struct ctx *cx, size_t i, const char *w)
{
  size_t n = strlen(w);

  return i < cx->nm->n && cx->nm->w[i].len == n &&
         memcmp(cx->nm->text + cx->nm->w[i].off, w, n) == 0;
}

/* Does word k end in "-nya" (someone's)? */
int
owned_nya(const struct ctx *cx, size_t k)
{
  const struct word *w = &cx->nm->w[k];

  return w->len > 3 &&
         memcmp(cx->nm->text + w->off + w->len - 3, "nya", 3) == 0;
}

/* Is word k all digits? */
int
number_at(const struct ctx *cx, size_t k)
{
  const struct word *w = &cx->nm->w[k];
  size_t j;

  for (j = 0; j < w->len; j++)
    if (!is_digit(cx->nm->text[w->off + j]))
      return 0;
  return w->len > 0;
}

/* Is word k a count: all digits or a small number in words ("lima",
 * "beberapa")? */
int
count_word(const struct ctx *cx, size_t k)
{
  static const char *const counts[] = {"satu", "dua", "tiga", "empat",
                                       "lima", "enam", "tujuh", "delapan",
                                       "sembilan", "sepuluh", "beberapa",
                                       NULL};

  return number_at(cx, k) || word_in(cx, k, counts);
}

/* Is word i one of the words of the NULL-terminated list? */
int
word_in(const struct ctx *cx, size_t i, const char *const *list)
{
  for (; *list != NULL; list++)
    if (word_text_is(cx, i, *list))
      return 1;
  return 0;
}

/* Is word i a word of owning between owner and thing, Kupang "pung" or
 * "punya" ("beta pung parang", "kades punya otak")? */
int
owning(const struct ctx *cx, size_t i)
{
  static const char *const own[] = {"pung", "punya", NULL};

  return word_in(cx, i, own);
}

/* The first of the words right before word k, in its clause and at most
 * max of them, that are person or office words or carry one of flags
 * (names: WORD_TITLE, WORD_CAPS); k when word k - 1 is none. */
size_t
name_run(const struct ctx *cx, size_t k, size_t max, unsigned flags)
{
  size_t m;

  for (m = k; m > 0 && k - m < max && !starts_clause(cx, m) &&
              ((cx->nm->w[m - 1].flags & flags) ||
               word_is(cx, WC_PERSON, m - 1));
       m--)
    ;
  return m;
}

/* May word j open a group of the reporter's named after the reporter's
 * word: a [band], [crowd] or [role] word or "tim" ("kami pemuda ...",
 * "kami nelayan ...")? */
static int
group_word(const struct ctx *cx, size_t j)
{
  return word_is(cx, WC_BAND, j) || word_is(cx, WC_CROWD, j) ||
         word_is(cx, WC_ROLE, j) || word_text_is(cx, j, "tim");
}

/* "kami warga Desa Noelbaki ...", "kami pemuda Kelurahan Manumutin
 * ...": the words before word k are a name or office words (at most
 * CTX_ORIGIN of them, names capitalised) after a group word
 * (group_word), the place the crowd comes from.  Returns the index of
 * the group word, or k when there is none. */
static size_t
crowd_origin(const struct ctx *cx, size_t k)
{
  size_t m = name_run(cx, k, CTX_ORIGIN, WORD_TITLE);

  if (m == k || m == 0 || starts_clause(cx, m) || !group_word(cx, m - 1))
    return k;
  return m - 1;
}

/*
 * Who is the predicate that starts at word i said of?  Walking back in
 * its clause, as `how` allows: "pung"/"punya" (SUBJ_OWNED), a word that
 * generalises after a link word (SUBJ_GENERAL), a link word (required
 * with SUBJ_LINK, never taken with SUBJ_BARE or SUBJ_OWNED, else
 * optional), then the subject: a run of names and person or office words
 * (name_run), or the one word there (SUBJ_ONE).  The reporter's own word
 * is never the subject.  Returns the subject's first word, or i when the
 * predicate is said of no one found so.
 */
size_t
subject_of(const struct ctx *cx, size_t i, unsigned how)
{
  size_t k = i, s;

  if (i == 0 || starts_clause(cx, i))
    return i;
  if (how & SUBJ_OWNED) {
    if (k < 2 || starts_clause(cx, k - 1) || !owning(cx, k - 1))
      return i;
    k--;
  }
  /* "Pegawai Dukcapil itu semua tikus ...". */
  if ((how & SUBJ_GENERAL) && k > 2 && word_is(cx, WC_GENERAL, k - 1) &&
      word_is(cx, WC_INTENS, k - 1) && word_is(cx, WC_LINK, k - 2)) {
    k--;
    if (starts_clause(cx, k))
      return i;
  }
  if (!(how & (SUBJ_BARE | SUBJ_OWNED)) && k > 1 &&
      !starts_clause(cx, k - 1) && word_is(cx, WC_LINK, k - 1))
    k--;
  else if (how & SUBJ_LINK)
    return i;
  s = (how & SUBJ_ONE) ? k - 1
                       : name_run(cx, k, CTX_BEFORE, WORD_TITLE | WORD_CAPS);
  if (s == k || word_is(cx, WC_SELF, s) ||
      ((how & SUBJ_OPENS) && !starts_clause(cx, s)) ||
      ((how & (SUBJ_PERSON | SUBJ_ONE)) && !word_is(cx, WC_PERSON, s)))
    return i;
  return s;
}

static size_t subject_party(const struct ctx *cx, size_t c, size_t i);

/* "beta sendiri yang ...", "kami yang ...": is word k "yang" after the
 * reporter's word (and "sendiri") that opens its clause, or after the
 * reporter with their people (subject_party: "beta deng beta pung om
 * dong sendiri yang ...")?  The one "who" does it is then the reporter;
 * "anak saya yang ..." is the child. */
static int
cleft_self(const struct ctx *cx, size_t k)
{
  size_t m, c;

  if (k == 0 || starts_clause(cx, k) ||
      !(word_text_is(cx, k, "yang") || word_text_is(cx, k, "yg")))
    return 0;
  m = k - 1;
  if (m > 0 && !starts_clause(cx, m) && word_text_is(cx, m, "sendiri"))
    m--;
  c = clause_start(cx, k);
  if (c < m && word_is(cx, WC_SELF, c) && subject_party(cx, c, k) == m + 1)
    return 1;   /* "beta deng beta pung om dong sendiri yang ..." */
  /* ", dan saya sendiri yang ...": "dan" may open the clause first. */
  return word_is(cx, WC_SELF, m) &&
         (starts_clause(cx, m) ||
          (m > 0 && starts_clause(cx, m - 1) && word_text_is(cx, m - 1, "dan")));
}

/* May word j be one of the reporter's companions: a band, kin or person
 * word ("kawan", "keluarga", "adik", "ana")? */
static int
companion_word(const struct ctx *cx, size_t j)
{
  return word_is(cx, WC_BAND, j) || word_is(cx, WC_KIN, j) ||
         (word_is(cx, WC_PERSON, j) && !word_is(cx, WC_SELF, j));
}

/* The reporter's people right before word k, in its clause, who do with
 * the reporter what the verb after them says:
 *  - a group in apposition: a group word (group_word) right after the
 *    reporter's word, one more word after it or not ("kami tim sukses
 *    akan ...", "kami pemuda desa siap ...");
 *  - companions (companion_word, at most CTX_COMPANY of them) joined to
 *    the reporter's word by a [join] word or owned by it ("pung",
 *    "punya"): "saya dan adik-adik", "kami dengan keluarga", "beta deng
 *    beta pung kawan2", "beta pung ana2".
 * Returns the index of that reporter's word, or k when there is none. */
#define CTX_COMPANY 4
static size_t
self_company(const struct ctx *cx, size_t k)
{
  static const char *const join[] = {"dan", "dengan", "deng", "dgn",
                                     "bersama", NULL};
  size_t f;

  for (f = k; f > 1 && k - f < 2 && !starts_clause(cx, f - 1); f--)
    if (group_word(cx, f - 1) && word_is(cx, WC_SELF, f - 2))
      return f - 2;
  for (f = k; f > 0 && k - f < CTX_COMPANY && !starts_clause(cx, f) &&
              companion_word(cx, f - 1);
       f--)
    ;
  if (f == k || f < 2 || starts_clause(cx, f) || starts_clause(cx, f - 1) ||
      !word_is(cx, WC_SELF, f - 2))
    return k;
  return word_in(cx, f - 1, join) || owning(cx, f - 1) ? f - 2 : k;
}

/* "ke rumah kami", "di kantor saya", "dari oto beta": the reporter's
 * word at m right after a [target] word that a word of place ("ke",
 * "di", "dari") puts in a phrase of its own: the reporter owns the place
 * the verb's subject goes to or acts in, and is no agent. */
static int
place_owner(const struct ctx *cx, size_t m)
{
  static const char *const at[] = {"ke", "di", "dari", "dr", NULL};

  return m >= 2 && !starts_clause(cx, m) && !starts_clause(cx, m - 1) &&
         word_is(cx, WC_SELF, m) && word_is(cx, WC_TARGET, m - 1) &&
         word_in(cx, m - 2, at);
}

/* "Polisi yang menangkap kakak saya memukul dia ...", "Oknum TNI yang
 * kuasai tanah kami berkata ...": is the [self] word at m, or the thing
 * or person right before it that it owns, the object of a relative
 * clause (its verb and object after "yang", at most RELATIVE_VERBS + 1
 * words before m, after the one it tells of, not the reporter nor the
 * one addressed)?  Then the one the clause
 * tells of acts next, not the reporter. */
#define RELATIVE_VERBS 2
static int
relative_object(const struct ctx *cx, size_t m)
{
  size_t k;

  /* "yang akan saya habisi", "yang sudah kami pukul", "yang pertama kami
   * racun": the reporter acts in the clause itself. */
  if (m < 3 || starts_clause(cx, m) || starts_clause(cx, m - 1) ||
      word_is(cx, WC_MODAL, m - 1) || word_is(cx, WC_INTENT, m - 1) ||
      word_is(cx, WC_PAST, m - 1) || word_is(cx, WC_LINK, m - 1) ||
      word_text_is(cx, m - 2, "yang"))
    return 0;
  for (k = m - 1; k > 1 && m - 1 - k < RELATIVE_VERBS + 1 &&
                  !starts_clause(cx, k);
       k--) {
    /* "Kades yang tipu kami akan kami bakar": the clause's object came
     * already; this one is a new subject. */
    if (word_is(cx, WC_SELF, k))
      return 0;
    if (word_text_is(cx, k - 1, "yang"))
      return k - 1 > 0 && !starts_clause(cx, k - 1) &&
             !word_is(cx, WC_SELF, k - 2) && !word_is(cx, WC_YOU, k - 2);
  }
  return 0;
}

/* "Polisi di Polsek Maurole menahan adik saya ... dan memukulinya",
 * "Petugas menangkap kakak saya lalu menghajarnya": is the [self] word at
 * m the owner of the [band] or [kin] word before it ("adik"), in a
 * clause that opens with a person other than the reporter and has a word
 * other than person, office, name or link words between that person and
 * the owned one (the verb that takes it)?  Then the reporter's people
 * are the object, and the person the clause opens with acts next.  "Camat
 * itu adik saya akan pukul" (the object put first, no verb between) is
 * not this. */
static int
owned_object(const struct ctx *cx, size_t m)
{
  size_t c, k;

  if (m < 3 || starts_clause(cx, m) || starts_clause(cx, m - 1) ||
      (!word_is(cx, WC_BAND, m - 1) && !word_is(cx, WC_KIN, m - 1)))
    return 0;
  c = clause_subject(cx, m);
  if (c + 2 > m - 1 || !word_is(cx, WC_PERSON, c) || word_is(cx, WC_SELF, c))
    return 0;
  for (k = c + 1; k < m - 1; k++)
    if (word_is(cx, WC_SELF, k) || word_is(cx, WC_YOU, k))
      return 0;
  for (k = c + 1; k < m - 1; k++)
    if (!word_is(cx, WC_PERSON, k) && !word_is(cx, WC_TARGET, k) &&
        !word_is(cx, WC_LINK, k) &&
        !(cx->nm->w[k].flags & (WORD_TITLE | WORD_CAPS)))
      return 1;
  return 0;
}

/* "datang ke kantornya", "pi ke rumah kades Borik": a place gone to
 * that ends right before word k, in its clause: "ke", then at most two
 * [target] words and a run of person words and names (name_run), after
 * a modal word of going ("datang", "pergi").  Returns the index of that
 * "ke", or k when there is none. */
#define DEST_MAX 4
static size_t
destination_before(const struct ctx *cx, size_t k)
{
  size_t m = name_run(cx, k, DEST_MAX, WORD_TITLE | WORD_CAPS);

  while (m > 0 && k - m < DEST_MAX && !starts_clause(cx, m) &&
         word_is(cx, WC_TARGET, m - 1))
    m--;
  if (m == k || m < 2 || starts_clause(cx, m) || starts_clause(cx, m - 1) ||
      !word_text_is(cx, m - 1, "ke") || !word_is(cx, WC_MODAL, m - 2))
    return k;
  return m - 1;
}

/* Is the agent of the verb at word i the reporter: a first-person word
 * before it, with only modal, arming and weapon words between (or the
 * thing an arming word takes: "beta ambil batu lempar ..."), the
 * place gone to (destination_before: "saya datang ke kantornya membawa
 * senapan"), the place a crowd of the reporter's comes from
 * (crowd_origin), a count and its measure ("lima botol") and "satu"
 * or "se-" with its noun ("kami satu kampung", "kami se-desa"), within
 * CTX_BEFORE words (a word said twice, "satu" and "dan" not counted), or
 * with a group or companions (self_company: "kami tim sukses akan bakar",
 * "saya dan adik-adik datang bakar")?
 * Not when "dan" joins the verb to that word: "tendang jualan saya dan
 * pukul kepala saya" tells what was done to the reporter, nor when the
 * word owns a place (place_owner: "kades datang ke rumah kami membawa
 * parang"). */
/* A reluctance denied right before word k ("tidak segan", "tak ragu",
 * "sonde takut"; "tidak akan segan", a [will] word between): the index
 * of the [not] word, or k when there is none. */
static size_t
unhesitating_before(const struct ctx *cx, size_t k)
{
  static const char *const loath[] = {"segan", "ragu", "takut", "sungkan",
                                      "gentar", NULL};
  size_t m;

  if (k < 2 || starts_clause(cx, k - 1) || !word_in(cx, k - 1, loath))
    return k;
  m = k - 2;
  if (m > 0 && word_is(cx, WC_WILL, m) && !starts_clause(cx, m + 1) &&
      !starts_clause(cx, m))
    m--;
  if (starts_clause(cx, m + 1) || !word_is(cx, WC_NOT, m))
    return k;
  return m;
}

int
self_agent(const struct ctx *cx, size_t i)
{
  size_t k, m, spare = 0;

  for (k = i; k > 0 && i - k < CTX_BEFORE + spare && !starts_sentence(cx, k);
       k--) {
    if (word_is(cx, WC_SELF, k - 1))
      return !word_text_is(cx, k, "dan") && !place_owner(cx, k - 1) &&
             !relative_object(cx, k - 1) && !owned_object(cx, k - 1);
    if (self_company(cx, k) < k)
      return 1;
    /* "kami akan datang dengan parang": the weapon brought */
    if (k == i && word_is(cx, WC_WEAPON, i) && !starts_clause(cx, k) &&
        word_is(cx, WC_TO, k - 1) && !word_text_is(cx, k - 1, "ke"))
      continue;
    /* "datang ramai-ramai dan membakar": a word said twice, and "dan"
     * between verbs, do not take the reporter further away. */
    spare += word_text_is(cx, k - 1, "dan") ||
             (k >= 2 && !starts_clause(cx, k - 1) && same_word(cx, k - 2, k - 1));
    /* "saya datang ke kantornya membawa senapan": the place gone to */
    m = destination_before(cx, k);
    if (m < k) {
      spare += k - m;
      k = m + 1;   /* after k--, word k - 1 is the modal of going */
      continue;
    }
    m = crowd_origin(cx, k);
    if (m < k) {
      k = m + 2;   /* after k--, word k - 1 is the [crowd] word */
      continue;
    }
    /* "saya tidak akan segan menganiaya", "kami tak ragu membakar":
     * reluctance denied is a will, so the [not] word and the reluctance
     * are passed like modal words. */
    m = unhesitating_before(cx, k);
    if (m < k) {
      spare += k - m;
      k = m + 1;   /* after k--, word k - 1 is the one before the [not] */
      continue;
    }
    /* "kami satu kampung datang ...": the many the reporter brings
     * ("se-kampung" is "satu kampung"). */
    if (k >= 2 && !starts_clause(cx, k - 1) &&
        (word_text_is(cx, k - 2, "satu") || word_text_is(cx, k - 2, "se"))) {
      k--;
      spare++;
      continue;
    }
    /* "saya datang untuk bakar", "beta pi ko pukul": a [purpose] word
     * after a modal word ("datang", "pi") is the errand's "to". */
    /* "saya siapkan lima botol bom": a count and its measure */
    if (k >= 2 && !starts_clause(cx, k - 1) &&
        (count_word(cx, k - 1) || count_word(cx, k - 2)))
      continue;
    if (!word_is(cx, WC_MODAL, k - 1) && !word_is(cx, WC_ARM, k - 1) &&
        !word_is(cx, WC_WEAPON, k - 1) && !word_is(cx, WC_CAUSE, k - 1) &&
        !cleft_self(cx, k - 1) &&
        !(k >= 2 && !starts_clause(cx, k - 1) &&
          word_is(cx, WC_PURPOSE, k - 1) && word_is(cx, WC_MODAL, k - 2)) &&
        !(k >= 2 && !starts_clause(cx, k - 1) && word_is(cx, WC_ARM, k - 2)))
      return 0;
  }
  return 0;
}

/* "Kami sudah siapkan bensin, tinggal tunggu perintah untuk bakar kantor
 * Samsat": the verb at word i right after a [purpose] word, and earlier
 * in its sentence (no [turn] word between) a verb of arming whose agent
 * is the reporter.  Readied by the reporter, the violence is theirs
 * however far the verb stands from them. */
int
armed_for(const struct ctx *cx, size_t i)
{
  size_t k;

  if (i == 0 || starts_clause(cx, i) || !word_is(cx, WC_PURPOSE, i - 1))
    return 0;
  for (k = i - 1; k > 0 && !starts_sentence(cx, k); k--) {
    if (word_is(cx, WC_TURN, k - 1))
      return 0;
    if (word_is(cx, WC_ARM, k - 1) && self_agent(cx, k - 1))
      return 1;
  }
  return 0;
}

/* May the person at word k be a new subject in a chain of verbs ("...
 * lalu polisi datang dan pukul")?  Right after a noun of a building or
 * office it is the owner in an object ("cegat mobil dinas camat dan
 * gulingkan"). */
static int
new_subject(const struct ctx *cx, size_t k)
{
  return k == 0 || starts_clause(cx, k) ||
         !(word_is(cx, WC_TARGET, k - 1) || word_is(cx, WC_PERSON, k - 1));
}

/* The first word of the clause of word i past the condition and intent
 * words that open it ("kalau ...", "besok ..."), at most i. */
size_t
clause_subject(const struct ctx *cx, size_t i)
{
  size_t c = clause_start(cx, i);

  while (c < i && (word_is(cx, WC_IF, c) || word_is(cx, WC_INTENT, c)))
    c++;
  return c;
}

/* May word j head a party of the reporter's: a [band] or [kin] word
 * ("orang", "teman", "adik", "sodara")?  Person words are not: "kepala
 * sekolah saya" is an official. */
static int
party_head(const struct ctx *cx, size_t j)
{
  return word_is(cx, WC_BAND, j) || word_is(cx, WC_KIN, j);
}

/* "teman-teman", "kawan-kawan": a [band] word at c said twice, not
 * "orang-orang" (people at large) nor "preman-preman" (thugs): the
 * reporter's fellows, owner or not. */
static int
fellows(const struct ctx *cx, size_t c)
{
  static const char *const others[] = {"orang", "preman", NULL};

  return c + 1 < cx->nm->n && word_is(cx, WC_BAND, c) &&
         !word_in(cx, c, others) && !starts_clause(cx, c + 1) &&
         same_word(cx, c, c + 1);
}

/* Is word k word j said again, "-nya" after it or not ("teman-temannya",
 * "kawan-kawan")? */
static int
fellow_again(const struct ctx *cx, size_t j, size_t k)
{
  const struct word *x = &cx->nm->w[j], *y = &cx->nm->w[k];

  return same_word(cx, j, k) ||
         (y->len == x->len + 3 && owned_nya(cx, k) &&
          memcmp(cx->nm->text + x->off, cx->nm->text + y->off, x->len) == 0);
}

/* The reporter's own people opening at word c, a noun phrase the
 * reporter owns in any order: a party head (party_head) then at most
 * PARTY_MOD plain words and the reporter's word ("orang kami", "adik
 * laki-laki saya", "teman-teman ojek saya"), the head with "-ku"
 * ("kakakku"), or the reporter's word, "pung"/"punya" and the head
 * ("beta pung sodara"); the head may be said twice ("om-om saya",
 * "paman-paman kami", "beta pung kaka-kaka"); fellows said twice need
 * no owner ("teman-teman ojek di terminal", fellows); a word for "they"
 * may follow ("sodara dong"), and those joined to them by "dan",
 * "bersama" ("om saya dan teman-temannya").
 * Returns the index of the word after the party, or c when there is
 * none. */
#define PARTY_MOD 2
static size_t
own_party(const struct ctx *cx, size_t c)
{
  static const char *const join[] = {"dan", "dengan", "deng", "dgn",
                                     "bersama", NULL};
  const struct word *w;
  size_t k, n = cx->nm->n;

  if (c >= n)
    return c;
  w = &cx->nm->w[c];
  if (c + 2 < n && word_is(cx, WC_SELF, c) && owning(cx, c + 1) &&
      !starts_clause(cx, c + 1) && !starts_clause(cx, c + 2) &&
      party_head(cx, c + 2)) {
    k = c + 3;
    if (k < n && !starts_clause(cx, k) && same_word(cx, c + 2, k))
      k++;   /* "beta pung kaka-kaka": the head said twice */
  } else if (!party_head(cx, c))
    return c;
  else if (w->len > 2 + SUFFIX_MIN_STEM &&
           memcmp(cx->nm->text + w->off + w->len - 2, "ku", 2) == 0)
    k = c + 1;
  else {
    k = c + 1;
    if (k < n && !starts_clause(cx, k) && same_word(cx, c, k))
      k++;   /* "om-om saya": the head said twice */
    for (; k < n && k - c <= PARTY_MOD + 1 && !starts_clause(cx, k) &&
           !word_is(cx, WC_SELF, k);
         k++) {
      /* "teman-teman ojek di ...", "teman-teman sudah ...": fellows
       * need no owner; a place or a modal word ends them. */
      if (fellows(cx, c) &&
          (word_text_is(cx, k, "di") || word_text_is(cx, k, "dari") ||
           word_is(cx, WC_MODAL, k)))
        return k;
      if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_LINK, k) ||
          word_is(cx, WC_MODAL, k))
        return c;
    }
    if (k >= n || starts_clause(cx, k) || !word_is(cx, WC_SELF, k))
      return c;
    k++;
  }
  if (k < n && !starts_clause(cx, k) && word_is(cx, WC_THEY, k))
    k++;
  /* "om saya dan teman-temannya", "adik saya bersama keluarga": those
   * who come with them are the party too. */
  if (k + 1 < n && !starts_clause(cx, k) && !starts_clause(cx, k + 1) &&
      word_in(cx, k, join) && party_head(cx, k + 1)) {
    k += 2;
    if (k < n && !starts_clause(cx, k) && fellow_again(cx, k - 1, k))
      k++;   /* "teman-temannya": the head said twice */
  }
  return k;
}

/* "Beta pung kaka-kaka su siap, kalau ..., dong pukul dia": is the
 * first clause of the sentence of word c opened by the reporter's own
 * people (own_party), so that a word for "they" at c, in a later
 * clause, is they? */
static int
party_before(const struct ctx *cx, size_t c)
{
  size_t s = clause_subject(cx, sentence_start(cx, c));

  return s < c && own_party(cx, s) > s;
}

/* "Orang kami di sana bisa habisi dia", "adik laki-laki saya dari
 * Adonara siap ...": the clause of the verb at word i opens (after
 * condition or intent words) with the reporter's own people (own_party),
 * then only a place ("di"/"dari" and a word) and modal or intensifying
 * words before the verb; or a [they] word stands right before the verb
 * (modal words between) later in a sentence the party opened.  The
 * reporter's people act for the reporter;
 * "kepala sekolah saya" is an official, not one of them. */
static int
band_agent(const struct ctx *cx, size_t i)
{
  size_t k, c = clause_subject(cx, i), p = own_party(cx, c);

  if (p == c && word_is(cx, WC_THEY, c) && !starts_sentence(cx, c))
    p = party_before(cx, c) ? c + 1 : c;
  /* "..., tinggal beta kasih tanda sa na dong pukul ...", "... lalu
   * mereka hajar ...": "they" right before the verb (modal words
   * between) in the sentence the party opened, past the reporter's
   * signal. */
  for (k = i; k > c && (word_is(cx, WC_MODAL, k - 1) ||
                        word_is(cx, WC_INTENS, k - 1));
       k--)
    ;
  if (k > c && k - 1 > c && word_is(cx, WC_THEY, k - 1) &&
      !word_is(cx, WC_PERSON, k - 2) && !word_is(cx, WC_CROWD, k - 2) &&
      !word_is(cx, WC_BAND, k - 2) && party_before(cx, k - 1))
    return 1;   /* not "petugas dong pukul": their plural */
  if (p == c || p > i)
    return 0;
  for (k = p; k < i; k++) {
    if ((word_text_is(cx, k, "di") || word_text_is(cx, k, "dari")) &&
        k + 1 < i) {
      k++;
      /* "di terminal Kefamenanu": the place's name after it */
      while (k + 2 < i && (cx->nm->w[k + 1].flags & (WORD_TITLE | WORD_CAPS)))
        k++;
      continue;
    }
    if (!word_is(cx, WC_MODAL, k) && !word_is(cx, WC_INTENS, k))
      return 0;
  }
  return 1;
}

/* Is the person at word k an object with only a place or a chain word
 * (list) after it before word i: its person words and names, at most one
 * plain word ("kepala dinas perhubungan"), then "di", "ke", "dari" or a
 * chain word? */
static int
object_then_place(const struct ctx *cx, size_t k, size_t i,
                  const char *const *chain)
{
  static const char *const place[] = {"di", "ke", "dari", "dekat", NULL};
  size_t m;

  if (k >= i || !word_is(cx, WC_PERSON, k))
    return 0;
  for (m = k + 1; m < i && !starts_clause(cx, m) &&
                  (word_is(cx, WC_PERSON, m) ||
                   (cx->nm->w[m].flags & (WORD_TITLE | WORD_CAPS)));
       m++)
    ;
  if (m < i && !starts_clause(cx, m) && !word_in(cx, m, place) &&
      !word_in(cx, m, chain) && !word_is(cx, WC_MODAL, m) &&
      !word_is(cx, WC_LINK, m) && m + 1 < i && !starts_clause(cx, m + 1) &&
      word_in(cx, m + 1, place))
    m++;
  return m < i && !starts_clause(cx, m) &&
         (word_in(cx, m, place) || word_in(cx, m, chain));
}

/* The reporter behind the verb of violence at word i from further off:
 *  - through others ordered or raised: an [order] word whose agent is
 *    the reporter, at most CTX_BEFORE words before it in its clause
 *    ("beta suruh anak muda kampung pukul ...", "kami kerahkan massa
 *    untuk membakar ...");
 *  - as the subject of a chain of verbs: "dan", "lalu", "terus" (Kupang
 *    "deng") right before it, and the clause opened by the reporter's
 *    word (after a condition word; with companions: subject_party) with
 *    no other person named between ("kami blokir
 *    jalan lalu serbu dan bakar ..."; "kami blokir jalan lalu polisi
 *    datang dan pukul ..." is the police, and what the reporter saw or
 *    heard has a subject of its own: "saya lihat air turun dan
 *    hancurkan rumah");
 *  - through the reporter's people (band_agent);
 *  - as the second verb of a chain whose first verb, past its object,
 *    has the reporter's people, ordered or ready, as agent (chain_verb:
 *    "teman-teman sudah saya suruh mencegat pegawai itu dan
 *    menghajarnya");
 *  - as the outcome of a causative (a [broken], [outcome] or [finish]
 *    word right after a [cause] word), through its [cause] word: "...
 *    dan kasih patah dia punya kaki", "dong mau kasi mati dia". */
/* "beta deng beta pung adik-adik datang ...", "saya dan adik-adik
 * ...": the reporter's word at c, a [join] word and the reporter's own
 * people (own_party) or companions (companion_word) before word i.
 * Returns the index of the word after them, or own_party's answer when
 * the party opens at c itself. */
static size_t
subject_party(const struct ctx *cx, size_t c, size_t i)
{
  static const char *const join[] = {"dan", "dengan", "deng", "dgn",
                                     "bersama", NULL};
  size_t k, p = own_party(cx, c);

  if (p > c || !word_is(cx, WC_SELF, c) || c + 2 >= i ||
      starts_clause(cx, c + 1) || starts_clause(cx, c + 2) ||
      !word_in(cx, c + 1, join))
    return p;
  k = own_party(cx, c + 2);
  if (k > c + 2)
    return k;
  for (k = c + 2; k < i && !starts_clause(cx, k) && companion_word(cx, k);
       k++)
    ;
  return k > c + 2 ? k : c;
}

/* Is word k a [purpose] word right after a modal one ("datang untuk",
 * Kupang "datang ko"): the errand's "to"? */
static int
errand_to(const struct ctx *cx, size_t k)
{
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_PURPOSE, k) &&
         word_is(cx, WC_MODAL, k - 1);
}

/* "Kami minta bupati potong gaji ...": "minta"/"meminta" at word k
 * with an official or office right after it (a person word that is no
 * pronoun) is a plea to those in charge, not an order to the reporter's
 * own ("saya minta dia bacok ..."). */
static int
plea_to_office(const struct ctx *cx, size_t k)
{
  static const char *const plea[] = {"minta", "meminta", NULL};
  static const char *const pronoun[] = {"dia", "ia", "mereka", "dorang",
                                        "dong", NULL};

  return word_in(cx, k, plea) && k + 1 < cx->nm->n &&
         !starts_clause(cx, k + 1) && word_is(cx, WC_PERSON, k + 1) &&
         !word_in(cx, k + 1, pronoun);
}

/* The verb that a chain word right before word i joins the verb at i
 * to, past that verb's object: person, office and building words,
 * names, link words, a time ("malam ini", "besok") and a place ("di
 * jalan").  "mencegat pegawai Dishub itu dan menghajarnya",
 * "mengepung rumah kepala desa malam ini dan memukulinya".  Returns its
 * index, or i when there is none (no chain word, no object, the clause
 * opens first). */
#define CHAIN_OBJECT 8
static size_t
chain_verb(const struct ctx *cx, size_t i, const char *const *chain)
{
  static const char *const at[] = {"di", "ke", "dari", "dekat", NULL};
  static const char *const when[] = {"malam", "mlm", "pagi", "siang",
                                     "sore", "besok", "nanti", "hari",
                                     NULL};
  size_t k;

  if (i < 3 || starts_clause(cx, i) || starts_clause(cx, i - 1) ||
      !word_in(cx, i - 1, chain))
    return i;
  for (k = i - 1; k > 1 && i - 1 - k < CHAIN_OBJECT && !starts_clause(cx, k);
       k--) {
    if (word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_TARGET, k - 1) ||
        word_is(cx, WC_LINK, k - 1) || word_in(cx, k - 1, when) ||
        word_in(cx, k - 1, at) ||
        (k >= 2 && !starts_clause(cx, k - 1) && word_in(cx, k - 2, at)) ||
        (cx->nm->w[k - 1].flags & (WORD_TITLE | WORD_CAPS)))
      continue;
    /* the verb: a word of none of those, with its object after it */
    if (k == i - 1 || word_is(cx, WC_SELF, k - 1) ||
        word_is(cx, WC_YOU, k - 1) || word_is(cx, WC_MODAL, k - 1) ||
        word_in(cx, k, at))
      return i;
    return k - 1;
  }
  return i;
}

int
remote_agent(const struct ctx *cx, size_t i)
{
  static const char *const chain[] = {"dan", "lalu", "terus", "kemudian",
                                      "deng", NULL};
  static const char *const that[] = {"itu", "ini", NULL};
  size_t k, c, p, v, o;

  /* "... dan kasih patah dia punya kaki", "dan kasi mati": the outcome
   * of a causative shares the agent of its [cause] word. */
  if (i > 0 && !starts_clause(cx, i) && word_is(cx, WC_CAUSE, i - 1) &&
      (word_is(cx, WC_BROKEN, i) || word_is(cx, WC_OUTCOME, i) ||
       word_is(cx, WC_FINISH, i)) &&
      remote_agent(cx, i - 1))
    return 1;
  for (k = i; k > 0 && i - k < CTX_BEFORE && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_ORDER, k - 1) && self_agent(cx, k - 1) &&
        !plea_to_office(cx, k - 1))
      return 1;
  if (band_agent(cx, i))
    return 1;
  /* A verb joined to an earlier one of the reporter's people, ordered
   * or ready, shares its agent. */
  v = chain_verb(cx, i, chain);
  if (v < i && (remote_agent(cx, v) || armed_for(cx, v)))
    return 1;
  if (i == 0 || starts_clause(cx, i) || !word_in(cx, i - 1, chain))
    return 0;
  c = clause_subject(cx, i);
  p = subject_party(cx, c, i);
  if (p == c && !word_is(cx, WC_SELF, c))
    return 0;
  /* The subject's first verb, past modal words and an errand's "to": a
   * person right after it (Kupang "itu" first or not: "cegat itu kepala
   * desa") is its object when a place or the chain follows ("kami akan
   * cegat kepala dinas perhubungan di jalan dan pukul"); one with a verb
   * of its own is a new subject ("saya dengar polisi datang dan
   * pukul"). */
  for (v = p > c ? p : c + 1;
       v < i && (word_is(cx, WC_MODAL, v) || errand_to(cx, v)); v++)
    ;
  o = v + 1;
  if (o + 1 < i && !starts_clause(cx, o) && word_in(cx, o, that))
    o++;
  if (!object_then_place(cx, o, i, chain))
    o = i;
  for (k = p > c ? p : c + 1; k < i; k++)
    if (((word_is(cx, WC_PERSON, k) ||
          (word_is(cx, WC_YOU, k) && !errand_to(cx, k)) ||
          word_is(cx, WC_CROWD, k)) && k != o && new_subject(cx, k)) ||
        word_is(cx, WC_SELF, k) || word_is(cx, WC_WAIT, k) ||
        word_is(cx, WC_SAY, k))
      return 0;
  return 1;
}

/* Words that may follow a predicate in its clause (semua, sekali): the
 * last word of the predicate that starts at e's end. */
size_t
skip_intensifiers(const struct ctx *cx, size_t e)
{
  while (e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
         word_is(cx, WC_INTENS, e + 1))
    e++;
  return e;
}

/* "Lurah Oebobo itu tikus ...", "Kadis PUPR Sikka itu perampok ...": a
 * link word right before word i, and before it, opening the clause, an
 * official named by person and office words and names only (at most
 * CTX_BEFORE words).  What stands after the predicate (an object, a
 * relative clause, "berkedok ...") does not take the aim away. */
int
official_subject(const struct ctx *cx, size_t i)
{
  /* "Pegawai Dukcapil itu semua tikus ...": a word that generalises
   * may follow the link word. */
  return subject_of(cx, i, SUBJ_LINK | SUBJ_GENERAL | SUBJ_OPENS |
                               SUBJ_PERSON) < i;
}

/* Record what was found at word i: an offence of kind v (kept when it is
 * graver than the one found so far), or the mark it earns when reported. */
void
found(struct ctx *cx, size_t i, enum quality_verdict v, const char *term)
{
  if (cx->reported[i]) {
    cx->j->marks |= QUALITY_MARK_QUOTED;
    return;
  }
  if (v > cx->j->verdict) {
    cx->j->verdict = v;
    cx->j->term = term;
  }
}

/* Are words i and k (valid indexes) the same word ("cina-cina")? */
int
same_word(const struct ctx *cx, size_t i, size_t k)
{
  const struct word *x = &cx->nm->w[i], *y = &cx->nm->w[k];

  return x->len == y->len &&
         memcmp(cx->nm->text + x->off, cx->nm->text + y->off, x->len) == 0;
}

/* Does word k name a person or office other than the reporter's own
 * ("pak lurah", not "ibu saya")? */
int
other_person(const struct ctx *cx, size_t k)
{
  return k < cx->nm->n && word_is(cx, WC_PERSON, k) &&
         !word_is(cx, WC_SELF, k + 1);
}
