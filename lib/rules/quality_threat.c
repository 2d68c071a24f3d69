/*
 * quality_threat.c: rule 3's threats of violence (see quality_int.h): a
 * verb of violence whose agent is the reporter with a person, office or
 * building as its target, and the phrase-shaped threats (a death
 * promised, a warning veiled, a family named, an ultimatum).
 */

#include "rules/quality_int.h"

#include <stddef.h>
#include <string.h>

/* May word k stand between a verb of violence and its object: a link,
 * modal or intensifying word, an outcome ("tembak mati dia"), a word for
 * "to" ("lempar ke kantor"), a second verb of violence ("serbu dan
 * hancurkan kantor") or a life owned by the one after it ("habisi nyawa
 * camat")?  Any other word is the object itself: "racun hama dari dinas",
 * "bakar sampah di depan kantor" name a thing, not the office. */
static int
object_skip(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_LINK, k) || word_is(cx, WC_MODAL, k) ||
         word_is(cx, WC_INTENS, k) || word_is(cx, WC_OUTCOME, k) ||
         word_is(cx, WC_TO, k) || word_is(cx, WC_HARM, k) ||
         word_is(cx, WC_LIFE, k);
}

/* "bakar itu loket Samsat", "racuni sumur rumah sekdes", "bakar oto
 * kades pung": the thing at word k (the verb's object) owned by
 * a person, office or building named right after it in its clause, with
 * "pung"/"punya"/"milik" or one more plain word (a noun of the thing:
 * "gudang beras Bulog") between.  A preposition, a link or a function
 * word ends the thing: "kayu di belakang rumah kades" is no one's.  A
 * [strict] verb takes no such object (has_target). */
#define OWNER_GAP 1
static int
owned_by(const struct ctx *cx, size_t k)
{
  static const char *const stop[] = {"di", "dari", "dekat", "yang", "yg",
                                     "dan", "atau", "lalu", NULL};
  size_t m;

  for (m = k + 1; m < cx->nm->n && m <= k + 1 + OWNER_GAP &&
                  !starts_clause(cx, m); m++) {
    if (word_is(cx, WC_PERSON, m) || word_is(cx, WC_TARGET, m))
      return !word_is(cx, WC_SELF, m);
    if (owning(cx, m) || word_text_is(cx, m, "milik"))
      continue;
    if (object_skip(cx, m) || word_is(cx, WC_PURPOSE, m) ||
        word_is(cx, WC_IF, m) || word_is(cx, WC_BECAUSE, m) ||
        word_is(cx, WC_SELF, m) || word_is(cx, WC_HARM, m) ||
        word_in(cx, m, stop))
      return 0;
  }
  return 0;
}

/* "dia pung kopi", "kades punya umur": at word k a person, then
 * "pung"/"punya" (owning) and the thing owned, in one clause: the Kupang
 * order of "kopi pak kades". */
static int
kupang_owner(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && !starts_clause(cx, k + 1) &&
         !starts_clause(cx, k + 2) && word_is(cx, WC_PERSON, k) &&
         owning(cx, k + 1);
}

/* "bakar gardu dan kantornya", "hancurkan pagar atau rumah mandor": the
 * thing at word k (the verb's object) with a person, office or building
 * (not the reporter's) joined to it by "dan", "atau" or "serta" right
 * after it in its clause: the verb reaches that one too. */
static int
second_object(const struct ctx *cx, size_t k)
{
  static const char *const join[] = {"dan", "atau", "serta", "deng", NULL};

  return k + 2 < cx->nm->n && !starts_clause(cx, k + 1) &&
         !starts_clause(cx, k + 2) && word_in(cx, k + 1, join) &&
         (word_is(cx, WC_PERSON, k + 2) || word_is(cx, WC_TARGET, k + 2)) &&
         !word_is(cx, WC_SELF, k + 2);
}

/* "..., kades datang marah-marah", "..., itu kepala desa datang minta
 * uang": does the clause opening at word k (past link words) have a
 * person, office or building as its subject, with a story of its own: no
 * must, intent or time, condition, wait, warning, denial, violence or
 * outcome in it ("..., kepala desa harus keluar", "..., kades besok
 * jangan lewat sini" are aimed)? */
static int
story_subject(const struct ctx *cx, size_t k)
{
  static const enum word_class aim[] = {
    WC_MUST, WC_INTENT, WC_IF, WC_WAIT, WC_WARN, WC_DENY, WC_HARM,
    WC_OUTCOME, WC_BEFALL, WC_FINISH};
  size_t m, c, n = cx->nm->n;

  if (!starts_clause(cx, k))
    return 0;
  for (m = k; m < n && word_is(cx, WC_LINK, m) &&
              (m == k || !starts_clause(cx, m));
       m++)
    ;
  if (m >= n || (m > k && starts_clause(cx, m)) ||
      !(word_is(cx, WC_PERSON, m) || word_is(cx, WC_TARGET, m)) ||
      word_is(cx, WC_SELF, m) || word_is(cx, WC_YOU, m))
    return 0;
  for (m = k; m < n && (m == k || !starts_clause(cx, m)); m++)
    for (c = 0; c < sizeof(aim) / sizeof(aim[0]); c++)
      if (word_is(cx, aim[c], m))
        return 0;
  return 1;
}

/* Is a person, office or building the target of the verb at word i:
 * within CTX_AFTER words in its clause, link words not counted ("tunggu
 * itu kades lewat"); right after a [strict] verb, whose everyday sense
 * takes a thing ("gantung spanduk di kantor", "patahkan alasan
 * camat")?  Past a comma the story goes on ("kami sudah potong padi,
 * tapi kepala desa ..."), but a weapon, or a
 * verb of readying one, may name its target in the next clause ("beta su
 * siap parang, tinggal tunggu dia lewat"), where the reporter's own and
 * modal words do not count ("..., besok beta cari itu kepala dusun"),
 * unless the official opens it with a story of their own (story_subject:
 * "beta bawa parang, kades datang marah-marah").  A reason ends the search
 * as well: "kami potong sendiri karena dinas tidak datang". */
static int
has_target(const struct ctx *cx, size_t i)
{
  size_t k, seen = 0;
  size_t limit = word_is(cx, WC_STRICT, i) ? 1 : CTX_AFTER;
  int weapon = word_is(cx, WC_WEAPON, i) || word_is(cx, WC_ARM, i);

  for (k = i + 1; k < cx->nm->n && seen < limit &&
                  !(weapon ? starts_sentence(cx, k) : starts_clause(cx, k)) &&
                  !word_is(cx, WC_BECAUSE, k);
       k++) {
    if (weapon && story_subject(cx, k))
      return 0;
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k) ||
        word_is(cx, WC_TARGET, k))
      return 1;
    if (!weapon && !object_skip(cx, k))
      return limit > 1 && (owned_by(cx, k) || second_object(cx, k));
    if (!word_is(cx, WC_LINK, k) &&
        !(weapon && (word_is(cx, WC_SELF, k) || word_is(cx, WC_MODAL, k))))
      seen++;
  }
  return 0;
}

/* "siram bensin", "menyiram air keras": a [douse] verb at word i with a
 * [fuel] or "air keras" right after it in its clause.  Water poured on
 * plants or a street is none. */
static int
douse_fuel(const struct ctx *cx, size_t i)
{
  size_t k = i + 1;

  if (!word_is(cx, WC_DOUSE, i) || k >= cx->nm->n || starts_clause(cx, k))
    return 0;
  if (word_is(cx, WC_FUEL, k))
    return 1;
  return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
         word_text_is(cx, k, "air") && word_text_is(cx, k + 1, "keras");
}

/* Is word i a [harm] verb written SMS-style with vowels left out ("bkr"
 * for "bakar", "hbisi" for "habisi"): sms_form of the [harm] list. */
#define WORD_STEM_MAX 32 /* longest affixed verb looked at */
static int
sms_harm(const struct ctx *cx, size_t i)
{
  return sms_form(cx, &cx->q->cls[WC_HARM], i);
}

/* Is stem t[0..n), with -kan or -i taken off or not ("pukuli",
 * "tembakkan"), an entry of list l?  With bare unset, only with one of
 * them taken off. */
static int
stem_in(const struct wordlist *l, const char *t, size_t n, int bare)
{
  return (bare && list_find(l, KEY_TEXT, t, n) != NULL) ||
         (n >= SUFFIX_MIN_STEM + 3 && memcmp(t + n - 3, "kan", 3) == 0 &&
          list_find(l, KEY_TEXT, t, n - 3) != NULL) ||
         (n >= SUFFIX_MIN_STEM + 2 && t[n - 1] == 'i' &&
          list_find(l, KEY_TEXT, t, n - 1) != NULL);
}

/* Is stem t[0..n) a verb of violence (stem_in the [harm] list), or a
 * verb made from a weapon's name ("parangi", "golokkan"; with affixed
 * set, the me- form alone: "menombak" from "tombak")?  A weapon's bare
 * name is a weapon (harm_word), not a verb. */
static int
harm_stem(const struct ctx *cx, const char *t, size_t n, int affixed)
{
  return stem_in(&cx->q->cls[WC_HARM], t, n, 1) ||
         stem_in(&cx->q->cls[WC_WEAPON], t, n, affixed);
}

/* Is word i a verb of violence in an affixed form the [harm] list need
 * not spell out: the active me- form with its nasal ("mencekik" from
 * "cekik", "memukul" from "pukul", "menikam" from "tikam", "menyeret"
 * from "seret", "menghajar" from "hajar"), and -kan or -i
 * after it or after the bare stem ("memukuli", "pukuli"), or the same
 * forms of a weapon's name (harm_stem: "parangi", "menombak")?  The list
 * holds stems; a Kupang form ("bunu") is a stem of its own. */
static int
harm_affixed(const struct ctx *cx, size_t i)
{
  static const struct {
    const char *prefix, *first; /* prefix to drop, letter it replaced */
  } nasal[] = {{"meny", "s"}, {"meng", "k"}, {"meng", ""}, {"mem", "p"},
               {"mem", ""}, {"men", "t"}, {"men", ""}, {"me", ""}};
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  char stem[WORD_STEM_MAX];
  size_t k, p, f, len = w->len;

  /* "memukulinya", "pukulinya": the one it is done to ("-nya") after
   * the -i or -kan. */
  if (owned_nya(cx, i) && len >= 3 + SUFFIX_MIN_STEM + 1)
    len -= 3;
  if (harm_stem(cx, t, len, 0))
    return 1;
  for (k = 0; k < sizeof(nasal) / sizeof(nasal[0]); k++) {
    p = strlen(nasal[k].prefix);
    f = strlen(nasal[k].first);
    if (len < p + SUFFIX_MIN_STEM || len - p + f > sizeof(stem) ||
        memcmp(t, nasal[k].prefix, p) != 0)
      continue;
    memcpy(stem, nasal[k].first, f);
    memcpy(stem + f, t + p, len - p);
    if (harm_stem(cx, stem, len - p + f, 1))
      return 1;
  }
  return 0;
}

/* "beta bekin lu mati", "saya buat dia mati", "bikin kepala desa itu
 * mati": a [cause] word at i, then in its clause the one who dies (a
 * person or "you", with a title or link words after it) and the death
 * ([outcome]) right after them: the causing word is the verb of
 * violence, its target the one named after it (has_target). */
#define CAUSEE_MAX 4
static int
caused_death(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  if (!word_is(cx, WC_CAUSE, i) || i + 2 >= n || starts_clause(cx, i + 1) ||
      !(word_is(cx, WC_PERSON, i + 1) || word_is(cx, WC_YOU, i + 1)))
    return 0;
  for (k = i + 2; k < n && k <= i + 1 + CAUSEE_MAX && !starts_clause(cx, k);
       k++) {
    if (word_is(cx, WC_OUTCOME, k))
      return 1;
    if (!word_is(cx, WC_PERSON, k) && !word_is(cx, WC_LINK, k))
      return 0;
  }
  return 0;
}

/* "saya ratakan dengan tanah", "kami meratakan dengan tanah": at word i
 * a verb made with -kan from a [ruin] word, its me- form too, and
 * "dengan tanah" right after it: a building razed.  "rata" alone is a
 * share or an average; "dibagi rata" is none. */
static int
razed(const struct ctx *cx, size_t i)
{
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  size_t n = w->len;

  if (i + 2 >= cx->nm->n || starts_clause(cx, i + 1) ||
      starts_clause(cx, i + 2) || !word_text_is(cx, i + 1, "dengan") ||
      !word_text_is(cx, i + 2, "tanah"))
    return 0;
  if (n > 2 && memcmp(t, "me", 2) == 0) {
    t += 2;
    n -= 2;
  }
  return stem_in(&cx->q->cls[WC_RUIN], t, n, 0);
}

/* "kami kubur hidup-hidup", "mengubur kepala desa itu hidup-hidup": at
 * word i a verb of burying (a [grave] stem, bare or with -kan, or its
 * me- form) with "hidup" after it in its clause: a killing.  "kubur
 * jenazah" buries the dead; "terkubur hidup-hidup" is an accident. */
static int
buried_alive(const struct ctx *cx, size_t i)
{
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  size_t k, n = w->len;
  char stem[WORD_STEM_MAX];

  if (n > 4 + SUFFIX_MIN_STEM && n - 3 < sizeof(stem) &&
      memcmp(t, "meng", 4) == 0) {
    stem[0] = 'k';   /* "mengubur" from "kubur" */
    memcpy(stem + 1, t + 4, n - 4);
    t = stem;
    n -= 3;
  }
  if (!stem_in(&cx->q->cls[WC_GRAVE], t, n, 1))
    return 0;
  for (k = i + 1; k < cx->nm->n && !starts_clause(cx, k); k++)
    if (word_text_is(cx, k, "hidup"))
      return 1;
  return 0;
}

/* "kantor BPN itu bisa kami kirimi satu" after "bom ikan", "kami kirim
 * bom ke rumah kades": at word i an active verb of sending, with a
 * weapon named in its sentence outside reported speech: the weapon
 * delivered.  "kami kirimi surat" sends a letter. */
static int
weapon_sent(const struct ctx *cx, size_t i)
{
  static const char *const send[] = {"kirim", "kirimi", "kirimkan",
                                     "mengirim", "mengirimi", "mengirimkan",
                                     "antar", "antarkan", NULL};
  size_t k, s;

  if (!word_in(cx, i, send) || cx->reported[i])
    return 0;
  s = sentence_start(cx, i);
  for (k = s; k < cx->nm->n && (k == s || !starts_sentence(cx, k)); k++)
    if (word_is(cx, WC_WEAPON, k) && !cx->reported[k])
      return 1;
  return 0;
}

static int victim_at(const struct ctx *cx, size_t m);

/* "kasih patah dia punya kaki", "bikin patah tangannya": a [broken] word
 * at word i right after a [cause] word, with someone else's body part
 * right after it (victim_at), or owned the Kupang way after its owner
 * ("dia punya kaki"): breaking it done to them.  "kasih patah ranting"
 * breaks a branch. */
static int
caused_break(const struct ctx *cx, size_t i)
{
  size_t n = cx->nm->n;

  if (i == 0 || starts_clause(cx, i) || !word_is(cx, WC_BROKEN, i) ||
      !word_is(cx, WC_CAUSE, i - 1) || i + 1 >= n || starts_clause(cx, i + 1))
    return 0;
  return victim_at(cx, i + 1) ||
         (i + 3 < n && !starts_clause(cx, i + 2) && !starts_clause(cx, i + 3) &&
          owning(cx, i + 2) && victim_at(cx, i + 3));
}

/* Is word k someone a harm may be aimed at: a person, an office or
 * building ([target]), or "you"? */
static int
someone_at(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k) ||
         word_is(cx, WC_YOU, k);
}

static int harmless_at(const struct ctx *cx, size_t k);

/* "Saya yang bawa parang waktu kerja bakti", "kami bawa parang ke
 * kebun", "saya pegang parang waktu potong kayu": a [weapon] at word i
 * right after an [arm] word, then in its clause a word of [work] or a
 * thing nobody owns (harmless_at: a field, wood, grass) before any
 * person, office, building or "you": a tool carried for work.  Everyone
 * in NTT carries one; an official named later in the sentence is no
 * target of it.  "bawa parang ke kebun kades" goes to someone's. */
static int
work_tool(const struct ctx *cx, size_t i)
{
  size_t k;

  if (i == 0 || starts_clause(cx, i) || !word_is(cx, WC_WEAPON, i) ||
      !word_is(cx, WC_ARM, i - 1))
    return 0;
  for (k = i + 1; k < cx->nm->n && !starts_clause(cx, k); k++) {
    if (someone_at(cx, k))
      return 0;
    if (word_is(cx, WC_WORK, k) || harmless_at(cx, k))
      return 1;
  }
  return 0;
}

/* Is word i a verb of violence or a weapon (or a fuel poured:
 * douse_fuel, a building razed: razed, someone buried alive:
 * buried_alive, a weapon sent: weapon_sent, a limb broken on purpose:
 * caused_break, or a verb without its vowels: sms_harm)?  *self is set
 * when it carries the reporter as its agent ("kubunuh").  A tool carried
 * for work (work_tool) is none. */
static int
harm_word(const struct ctx *cx, size_t i, int *self)
{
  *self = 0;
  if (work_tool(cx, i))
    return 0;
  if (word_is(cx, WC_HARM, i) || word_is(cx, WC_WEAPON, i) ||
      harm_affixed(cx, i) || douse_fuel(cx, i) || razed(cx, i) ||
      buried_alive(cx, i) || weapon_sent(cx, i) || sms_harm(cx, i) ||
      caused_break(cx, i))
    return 1;
  if (prefixed(cx, WC_HARM, i, "ku")) {
    *self = 1;
    return 1;
  }
  /* "kasi mati", "bikin mati", "pukul mati"; "kasi habis" */
  if (i > 0 && !starts_clause(cx, i) &&
      (word_is(cx, WC_OUTCOME, i) || word_is(cx, WC_FINISH, i)) &&
      word_is(cx, WC_CAUSE, i - 1))
    return 1;
  return caused_death(cx, i);
}

/* Does an outcome (mati, hancur) follow the verb at word i within two
 * words of its clause ("saya pukul sampai mati", "beta tembak mati")? */
static int
outcome_after(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i + 1; k <= i + 2 && k < cx->nm->n && !starts_clause(cx, k); k++)
    if (word_is(cx, WC_OUTCOME, k))
      return 1;
  return 0;
}

/* "Petugas Dukcapil yang minta uang itu ...", "Petugas PLN yang putus
 * listrik kami ...": a noun phrase ending at word m, closed by a link
 * word (closed) or holding a relative clause ("yang"), whose head opens
 * its clause (within NP_MAX words; a demonstrative may stand before it)
 * as a person, office or building. */
#define NP_MAX 8
static int
np_head(const struct ctx *cx, size_t m, int closed)
{
  size_t c = m;

  while (c > 0 && m - c < NP_MAX && !starts_clause(cx, c)) {
    closed |= word_text_is(cx, c, "yang") || word_text_is(cx, c, "yg");
    c--;
  }
  if (!starts_clause(cx, c))
    return 0;
  /* "Itu mandor proyek ...": a demonstrative before the head. */
  if (c < m && word_is(cx, WC_LINK, c) && !word_is(cx, WC_PERSON, c))
    c++;
  return closed && (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c));
}

/* Is word j inside a phrase that modifies the head of its clause: after
 * "yang" or a word of place ("di depan rumah", "dekat kantor") in the
 * same clause?  Then the head, not j, is what was put first. */
static int
modifier_word(const struct ctx *cx, size_t j)
{
  static const char *const before[] = {
    "yang", "yg", "di", "ke", "dari", "dekat", "depan", "belakang",
    "samping", "sebelah", "dalam", NULL,
  };
  size_t k;

  for (k = j; k > 0 && !starts_clause(cx, k); k--)
    if (word_in(cx, k - 1, before))
      return 1;
  return 0;
}

/* "... kami hajar sampai babak belur", "... sa pukul sampe pingsan": a
 * result ("sampai" and what follows) right after word e ends the verb's
 * phrase as much as the end of its clause. */
static int
result_after(const struct ctx *cx, size_t e)
{
  return e + 2 < cx->nm->n && !starts_clause(cx, e + 1) &&
         !starts_clause(cx, e + 2) &&
         (word_text_is(cx, e + 1, "sampai") ||
          word_text_is(cx, e + 1, "sampe"));
}

/* "... saya tusuk pakai pisau", "... kami habisi satu per satu": an
 * instrument ("pakai", "dengan" and a word) or a manner ("satu per
 * satu") right after word e ends the verb's phrase as much as the end
 * of its clause. */
static int
means_after(const struct ctx *cx, size_t e)
{
  static const char *const means[] = {"pakai", "pake", "pakei", "dengan",
                                      "dgn", "deng", "menggunakan", NULL};

  if (e + 2 >= cx->nm->n || starts_clause(cx, e + 1) ||
      starts_clause(cx, e + 2))
    return 0;
  if (word_text_is(cx, e + 1, "satu"))
    return word_text_is(cx, e + 2, "per") || word_text_is(cx, e + 2, "demi");
  return word_in(cx, e + 1, means);
}

/* "... saya bakar malam ini", "... sy bkr mlm ini", "... kami hajar
 * nanti sore": a time ahead right after word e (a part of the day or a
 * span with "ini" or "depan" after it, or after "nanti"/"besok" at e)
 * ends the verb's phrase as much as the end of its clause.  Returns the
 * last word of it, or e when there is none. */
static size_t
time_after(const struct ctx *cx, size_t e)
{
  static const char *const part[] = {"malam", "mlm", "pagi", "siang",
                                     "sore", "minggu", "mgg", "bulan",
                                     "bln", "tahun", "thn", NULL};
  static const char *const near[] = {"ini", "ni", "depan", "dpn", NULL};
  size_t k = e + 1, n = cx->nm->n;

  if (k >= n || starts_clause(cx, k) || !word_in(cx, k, part))
    return e;
  if (k + 1 < n && !starts_clause(cx, k + 1) && word_in(cx, k + 1, near))
    return k + 1;
  return word_is(cx, WC_INTENT, e) ? k : e;
}

/*
 * The object put first: "kepala camat itu saya penggal", "kantornya beta
 * bakar saja", "petugas yang minta uang itu sy tikam" (np_head).  The
 * verb at word i, with the reporter as agent, ends its clause (but for
 * modal words and intensifiers, the verb said twice, a time ahead
 * (time_after: "... saya bakar malam ini"), or a condition,
 * purpose, place, result, instrument or manner after it: "... bakar saja
 * kalau ...", "... kami bom biar ...", "... saya gantung di pohon",
 * result_after, means_after), and right before the reporter's
 * word (but for link and modal words) stands a person, office or
 * building of the same clause: its head, or one after "yang" or a word of
 * place when the head opening the clause is one too (modifier_word,
 * np_head).
 */
static int
fronted_target(const struct ctx *cx, size_t i)
{
  static const char *const one[] = {"satu", "sebuah", "sebiji", NULL};
  size_t k = i, e = i;

  while (e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
         !word_is(cx, WC_IF, e + 1) &&
         (word_is(cx, WC_MODAL, e + 1) || word_is(cx, WC_INTENS, e + 1) ||
          (e == i && same_word(cx, i, e + 1)) ||
          (e == i && weapon_sent(cx, i) && word_in(cx, e + 1, one))))
    e++;   /* "... kami kirimi satu": the weapon sent, counted */
  e = time_after(cx, e);
  if (!ends_clause(cx, e) && !word_is(cx, WC_IF, e + 1) &&
      !word_text_is(cx, e + 1, "di") && !result_after(cx, e) &&
      !means_after(cx, e))
    return 0;
  while (k > 0 && !starts_clause(cx, k) && !word_is(cx, WC_SELF, k - 1))
    k--;
  if (k == 0 || starts_clause(cx, k))
    return 0;
  for (k--; k > 0 && !starts_clause(cx, k); k--) {
    if (word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_TARGET, k - 1))
      return !modifier_word(cx, k - 1) || np_head(cx, k - 1, 1);
    if (!word_is(cx, WC_LINK, k - 1) && !word_is(cx, WC_MODAL, k - 1))
      return np_head(cx, k - 1, 1);
  }
  return 0;
}

/* "Sekali lagi petugas minta uang, ...": "sekali lagi" at word c, a
 * repeated offence as a condition. */
static int
repeat_if(const struct ctx *cx, size_t c)
{
  return c + 1 < cx->nm->n && !starts_clause(cx, c + 1) &&
         word_text_is(cx, c, "sekali") && word_text_is(cx, c + 1, "lagi");
}

/*
 * The object left out, named as the subject of an earlier clause: "Kalau
 * kades datang lagi, kami hajar."  The verb at word i ends its clause
 * (but for modal words and intensifiers, or a place: "saya tikam di
 * tempat"), the reporter's word opens that clause (modal and arming words
 * between), and an earlier clause of the sentence starts (after a
 * condition word, or a repeated offence: repeat_if) with a person or
 * office.
 */
static int
elided_target(const struct ctx *cx, size_t i)
{
  size_t k = i, e = i, c;

  while (e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
         (word_is(cx, WC_MODAL, e + 1) || word_is(cx, WC_INTENS, e + 1)))
    e++;
  if (!ends_clause(cx, e) && !word_text_is(cx, e + 1, "di"))
    return 0;
  while (k > 0 && !starts_clause(cx, k) &&
         (word_is(cx, WC_MODAL, k - 1) || word_is(cx, WC_ARM, k - 1)))
    k--;
  if (k == 0 || !word_is(cx, WC_SELF, k - 1) || !starts_clause(cx, k - 1))
    return 0;
  for (c = k - 1; c > 0 && !starts_sentence(cx, c); c--) {
    if (!starts_clause(cx, c - 1))
      continue;
    if (repeat_if(cx, c - 1) && c + 1 < k - 1 &&
        word_is(cx, WC_PERSON, c + 1))
      return 1;
    if (word_is(cx, WC_IF, c - 1) && c < k - 1 &&
        word_is(cx, WC_PERSON, c))
      return 1;
    if (word_is(cx, WC_PERSON, c - 1))
      return 1;
  }
  return 0;
}

/* Is the first person, office or building after word v in its clause a
 * vehicle or a machine ("mobil", "oto", "motor", "kendaraan", "genset")?
 */
static int
vehicle_next(const struct ctx *cx, size_t v)
{
  static const char *const vehicle[] = {"mobil", "oto", "motor",
                                        "kendaraan", "genset", NULL};
  size_t k;

  for (k = v + 1; k < cx->nm->n && !starts_clause(cx, k); k++)
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k) ||
        word_in(cx, k, vehicle))
      return word_in(cx, k, vehicle);
  return 0;
}

/* A weapon put first, readied by the reporter for someone: "parang sudah
 * saya asah untuk kepala dusun".  The reporter's word follows the weapon
 * at word i within CTX_AFTER words, then a verb of arming or violence
 * with a person, office or building after it.  A verb of violence that
 * opens its clause so is a means named as a thing: "Racun tikus sudah sy
 * siapkan untuk kopi pak sekdes".  Fuel is readied so for arson ("dua
 * jeriken bensin sudah saya siapkan untuk kantor desa"), but not for a
 * vehicle (vehicle_next: "bensin ... untuk motor dinas" is fuelling it). */
static int
fronted_weapon(const struct ctx *cx, size_t i)
{
  size_t k, v;
  int fuel = word_is(cx, WC_FUEL, i);

  if (!word_is(cx, WC_WEAPON, i) && !fuel &&
      !(word_is(cx, WC_HARM, i) && starts_clause(cx, i)))
    return 0;
  for (k = i + 1; k < cx->nm->n && k <= i + CTX_AFTER &&
                  !starts_clause(cx, k); k++) {
    if (!word_is(cx, WC_SELF, k))
      continue;
    for (v = k + 1; v < cx->nm->n && !starts_clause(cx, v) &&
                    word_is(cx, WC_MODAL, v); v++)
      ;
    return v < cx->nm->n && !starts_clause(cx, v) &&
           (word_is(cx, WC_ARM, v) || word_is(cx, WC_HARM, v)) &&
           has_target(cx, v) && !(fuel && vehicle_next(cx, v));
  }
  return 0;
}

/* Is word i a verb of the active me- form ("memotong", "membakar")?  It
 * tells what someone does; a call to violence takes the bare form
 * ("potong", "bakar"), so "Desa X, memotong dana BLT" calls for nothing. */
static int
active_form(const struct ctx *cx, size_t i)
{
  const struct word *w = &cx->nm->w[i];

  return w->len > 4 && memcmp(cx->nm->text + w->off, "me", 2) == 0;
}

static int ruin_of(const struct ctx *cx, size_t k);

/* "... bisa tidak sampai rumah", "... nanti tidak pulang": a [not] word
 * at m, then "pulang" or "sampai (di) rumah": someone not coming home. */
static int
no_return(const struct ctx *cx, size_t m)
{
  size_t k = m + 1;

  if (!word_is(cx, WC_NOT, m) || k >= cx->nm->n || starts_clause(cx, k))
    return 0;
  if (word_text_is(cx, k, "pulang"))
    return 1;
  if (!word_text_is(cx, k, "sampai") && !word_text_is(cx, k, "sampe"))
    return 0;
  if (k + 1 < cx->nm->n && word_text_is(cx, k + 1, "di"))
    k++;
  return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
         word_text_is(cx, k + 1, "rumah");
}

/* "Bendahara itu lebih baik hati-hati", "kades itu sebaiknya awas": the
 * first word of the advice ("lebih baik", "sebaiknya") right before the
 * [warn] word at i, or i when there is none. */
static size_t
advised(const struct ctx *cx, size_t i)
{
  if (i > 0 && !starts_clause(cx, i) && word_text_is(cx, i - 1, "sebaiknya"))
    return i - 1;
  if (i > 1 && !starts_clause(cx, i) && !starts_clause(cx, i - 1) &&
      word_text_is(cx, i - 1, "baik") && word_text_is(cx, i - 2, "lebih"))
    return i - 2;
  return i;
}

/* "... apa yang bisa terjadi sama dia": "terjadi" at word k, a [to] word
 * and a person or "you" right after it: something happening to someone.
 * "kecelakaan bisa terjadi sama kita" is the reporter's own risk. */
static int
befalls_on(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && word_text_is(cx, k, "terjadi") &&
         !starts_clause(cx, k + 1) && !starts_clause(cx, k + 2) &&
         word_is(cx, WC_TO, k + 1) &&
         (other_person(cx, k + 2) || word_is(cx, WC_YOU, k + 2));
}

/* "jalan ke rumahnya gelap", "jalan pulang sepi": "gelap" or "sepi"
 * (lonely) at word k with "jalan" before it in its clause.  Said after a warning to an official, the way home is
 * menace; a dark road complained of is judged by no one's warning. */
static int
dark_road(const struct ctx *cx, size_t k)
{
  size_t c;

  if (!word_text_is(cx, k, "gelap") && !word_text_is(cx, k, "sepi"))
    return 0;
  for (c = clause_start(cx, k); c < k; c++)
    if (word_text_is(cx, c, "jalan"))
      return 1;
  return 0;
}

/* "... Itu saja pesan saya.": the first word of a later sentence (within
 * two after the one of word i) that opens with "itu"/"ini" and holds a
 * [message] word with the reporter's word right after it: the reporter
 * closing what came before as their message; the number of words when
 * there is none. */
static size_t
message_tag(const struct ctx *cx, size_t i)
{
  size_t k, s = 0, n = cx->nm->n;

  for (k = i + 1; k + 1 < n; k++) {
    if (starts_sentence(cx, k) && ++s > 2)
      break;
    if (s > 0 && word_is(cx, WC_MESSAGE, k) && !starts_clause(cx, k + 1) &&
        word_is(cx, WC_SELF, k + 1) &&
        (word_text_is(cx, sentence_start(cx, k), "itu") ||
         word_text_is(cx, sentence_start(cx, k), "ini")))
      return sentence_start(cx, k);
  }
  return n;
}

/* "Awas pak camat, ... nanti mati": a [warn] word opening a clause (said
 * twice or not: "hati-hati"), a person or "you" within two words after
 * it, past "sa"/"saja" and "itu" ("Awas sa itu guru ..."; or an official
 * named before it: "pak lurah tu awas sa, ...",
 * "bendahara itu lebih baik hati-hati, ...": advised, or opening the
 * clause of the warning: "sekdes itu kalau pulang malam hati-hati
 * saja"), and later in the sentence harm befalling people or someone
 * not coming home after a modal word ("bisa celaka", "bisa tidak sampai
 * rumah", "apa yang bisa terjadi sama dia": befalls_on), ruin ("jadi
 * abu") or a dark way home ("jalan ke rumahnya gelap": dark_road),
 * up to the reporter's closing "Itu saja pesan saya" (message_tag) when
 * there is one, with darkness anywhere before it.  A warning about a
 * bridge that "bisa hancur" is none. */
static int
veiled_warning(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, m, e, n = cx->nm->n;

  if (!word_is(cx, WC_WARN, i))
    return 0;
  if (k < n && !starts_sentence(cx, k) && same_word(cx, i, k))
    k++;
  /* "Awas sa itu guru ...": "sa"/"saja" and "itu" before the one warned */
  while (k < n && !starts_clause(cx, k) &&
         (word_is(cx, WC_INTENS, k) || word_text_is(cx, k, "itu") ||
          word_text_is(cx, k, "ini")) &&
         !word_is(cx, WC_PERSON, k))
    k++;
  if (official_subject(cx, advised(cx, i)) ||
      (other_person(cx, sentence_start(cx, i)) &&
       clause_start(cx, i) == sentence_start(cx, i))) {
    m = i;   /* "pak lurah tu awas sa, ...": named before the warning */
  } else {
    if (!starts_clause(cx, i))
      return 0;
    for (m = k; m < n && m < k + 2 && !starts_sentence(cx, m); m++)
      if (word_is(cx, WC_PERSON, m) || word_is(cx, WC_YOU, m))
        break;
    if (m >= n || m >= k + 2 || starts_sentence(cx, m))
      return 0;
  }
  /* "... lewat jalan kebun. Di sana gelap ... Itu saja pesan saya.": a
   * warning the reporter closes as a message (message_tag) runs to it,
   * and darkness anywhere in it is the way home. */
  e = message_tag(cx, i);
  for (m++; m < n && (e < n ? m < e : !starts_sentence(cx, m)); m++)
    if ((word_is(cx, WC_MODAL, m - 1) &&
         (word_is(cx, WC_BEFALL, m) || no_return(cx, m) ||
          befalls_on(cx, m))) ||
        ruin_of(cx, m) || dark_road(cx, m) ||
        (e < n && word_text_is(cx, m, "gelap")))
      return 1;
  return 0;
}

/* "saya punya senapan rakitan", "beta pung parang", "sa simpan pisau",
 * "parang saya sudah tajam": is word i a [weapon] the reporter has
 * ("punya", "pung", "simpan", "pegang" right before it after the
 * reporter's word, the reporter's word right after it opening its
 * clause, or readied by them: an [arm] word with the reporter as
 * agent)? */
static int
owned_weapon(const struct ctx *cx, size_t i)
{
  static const char *const hold[] = {"simpan", "pegang", NULL};

  if (word_is(cx, WC_WEAPON, i) && starts_clause(cx, i) &&
      i + 1 < cx->nm->n && !starts_clause(cx, i + 1) &&
      word_is(cx, WC_SELF, i + 1))
    return 1;
  if (i < 2 || !word_is(cx, WC_WEAPON, i) || starts_clause(cx, i))
    return 0;
  if (owning(cx, i - 1) || word_in(cx, i - 1, hold))
    return !starts_clause(cx, i - 1) && word_is(cx, WC_SELF, i - 2);
  return word_is(cx, WC_ARM, i - 1) && self_agent(cx, i - 1);
}

/* The "mana" of "di mana"/"dimana" after word i in its sentence, once
 * the reporter knows it ("tahu"/"tau" right after the reporter's word,
 * modal words between, past word i + 1): "... saya tahu di mana dia
 * tinggal", "kami tahu rumahnya di mana", SMS "sy tau rmh km di mn",
 * "dmn"; the number of words when there is none. */
static size_t
knows_where(const struct ctx *cx, size_t i)
{
  static const char *const where[] = {"dimana", "dmn", "dmana", "dimn",
                                      NULL};
  size_t m, s, n = cx->nm->n;
  int knows = 0;

  for (m = i + 1; m < n && !starts_sentence(cx, m); m++) {
    if (word_text_is(cx, m, "tahu") || word_text_is(cx, m, "tau")) {
      for (s = m; s > i + 1 && !starts_clause(cx, s) &&
                  word_is(cx, WC_MODAL, s - 1); s--)
        ;
      knows |= s > i + 1 && !starts_clause(cx, s) &&
               word_is(cx, WC_SELF, s - 1);
    }
    if (knows && (word_in(cx, m, where) ||
                  ((word_text_is(cx, m, "mana") ||
                    word_text_is(cx, m, "mn")) &&
                   word_text_is(cx, m - 1, "di"))))
      return m;
  }
  return n;
}

/* "Awas saja, saya tahu rumah bapak di mana": a [warn] word opening a
 * clause at word i (or a weapon the reporter has: owned_weapon, when a
 * person is named right after "di mana": "saya punya senapan ... dan
 * saya tahu di mana bendahara desa itu tinggal"), then in its sentence
 * the reporter knowing where (knows_where) someone lives or their
 * children are.  "kami tidak tahu kantor di mana" is a question, not
 * menace. */
static int
know_where(const struct ctx *cx, size_t i)
{
  size_t m, n = cx->nm->n;
  int armed = owned_weapon(cx, i);

  if (!armed && (!word_is(cx, WC_WARN, i) || !starts_clause(cx, i)))
    return 0;
  m = knows_where(cx, i);
  return m < n && (!armed || other_person(cx, m + 1) ||
                   (m + 2 < n && other_person(cx, m + 2)));
}

/* "pulang tinggal nama" at word k: coming home dead, in name only.  Said
 * of a migrant worker it is a death reported; after "jangan salahkan
 * kami kalau" it is one threatened. */
static int
home_dead(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && word_text_is(cx, k, "pulang") &&
         !starts_clause(cx, k + 1) && !starts_clause(cx, k + 2) &&
         word_text_is(cx, k + 1, "tinggal") && word_text_is(cx, k + 2, "nama");
}

/* "darah tumpah", "darah akan tumpah": a [blood] word at k and a [spill]
 * word after it, only modal words (and "yang") between.  With will set, a [will] word
 * must stand between ("darah akan tumpah ... kalau" is promised). */
static int
blood_spilt(const struct ctx *cx, size_t k, int will)
{
  size_t m;
  int promised = 0;

  if (!word_is(cx, WC_BLOOD, k))
    return 0;
  for (m = k + 1; m < cx->nm->n && m <= k + 3 && !starts_clause(cx, m);
       m++) {
    if (word_is(cx, WC_SPILL, m))
      return !will || promised;
    if (!word_is(cx, WC_MODAL, m) && !word_text_is(cx, m, "yang"))
      return 0;   /* "darahnya yang tumpah": the cleft too */
    promised |= word_is(cx, WC_WILL, m);
  }
  return 0;
}

/* "saya sendiri yang akan tumpahkan darahnya", "kami akan menumpahkan
 * darah camat itu": an active verb of spilling at word i with the
 * reporter as agent (self_agent) and someone's blood right after it (a
 * [blood] word with "-nya" or a person named after it). */
static int
blood_shed(const struct ctx *cx, size_t i)
{
  static const char *const shed[] = {"tumpahkan", "menumpahkan",
                                     "tumpahin", NULL};
  size_t b = i + 1, n = cx->nm->n;

  if (!word_in(cx, i, shed) || b >= n || starts_clause(cx, b) ||
      !word_is(cx, WC_BLOOD, b))
    return 0;
  if (!owned_nya(cx, b) &&
      !(b + 1 < n && !starts_clause(cx, b + 1) && other_person(cx, b + 1)))
    return 0;
  return self_agent(cx, i);
}

/* "darah dibayar darah", "nyawa dibalas nyawa" at word k: revenge. */
static int
blood_for_blood(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && word_is(cx, WC_BLOOD, k) &&
         !starts_clause(cx, k + 1) && !starts_clause(cx, k + 2) &&
         (word_text_is(cx, k + 1, "dibayar") ||
          word_text_is(cx, k + 1, "dibalas")) &&
         same_word(cx, k, k + 2);
}

/* "Bilang ke Pak Lurah, ...", "Sampaikan ke camat, ...": the sentence at
 * word s opens with a message for an official (message_for). */
static int
told_to(const struct ctx *cx, size_t s)
{
  size_t t;

  if (!(word_is(cx, WC_SAY, s) || word_text_is(cx, s, "sampaikan")) ||
      !message_for(cx, s))
    return 0;
  t = message_to(cx, s);
  return other_person(cx, t + 1) ||
         ((word_text_is(cx, t + 1, "itu") || word_text_is(cx, t + 1, "ini")) &&
          other_person(cx, t + 2));   /* Kupang: "sama itu mandor" */
}

/* The [not] word before word k (k > 0), a [will] word between or not
 * ("tidak lama", "tidak akan aman"): its index, or k when there is none. */
static size_t
negation_before(const struct ctx *cx, size_t k)
{
  size_t m = k - 1;

  if (m > 0 && word_is(cx, WC_WILL, m) && !starts_clause(cx, m))
    m--;
  return word_is(cx, WC_NOT, m) ? m : k;
}

/* Is there a word of class c in the sentence of word i, before it or
 * after it ("Kalau ..., darah akan tumpah", "darah akan tumpah ...
 * kalau")? */
static int
in_sentence(const struct ctx *cx, enum word_class c, size_t i)
{
  size_t k;

  for (k = sentence_start(cx, i);
       k < cx->nm->n && (k <= i || !starts_sentence(cx, k)); k++)
    if (word_is(cx, c, k))
      return 1;
  return 0;
}

/* "Nyawa pak lurah tidak lama lagi", "camat itu tidak akan lama lagi
 * hidup", "..., nyawanya tidak lama lagi", "umurnya tidak panjang
 * lagi": "lama lagi" or "panjang lagi" at word k after a [not] word (a
 * [will] word may stand between), said of an official's life: a [life]
 * word before it in its clause, owned by a person named right after it
 * or before it in the Kupang way ("dia punya umur", "kades pung
 * nyawa"), or by "-nya" for the one who opens the sentence or is sent
 * the message that opens it (told_to), or "hidup" after it with a person
 * opening the clause, with no reason in the sentence ("karena kanker"
 * is a prognosis).  "Nyawa ibu saya ...", "saya punya umur ...", or a
 * building "tidak akan lama lagi roboh" are none. */
static int
days_numbered(const struct ctx *cx, size_t k)
{
  size_t m, c;

  if (k < 1 || k + 1 >= cx->nm->n ||
      !(word_text_is(cx, k, "lama") || word_text_is(cx, k, "panjang")) ||
      !word_text_is(cx, k + 1, "lagi") || starts_clause(cx, k + 1))
    return 0;
  m = negation_before(cx, k);
  if (m == k)
    return 0;
  if (in_sentence(cx, WC_BECAUSE, k))
    return 0;   /* "... karena kanker": a prognosis */
  c = clause_start(cx, k);
  if (k + 2 < cx->nm->n && word_text_is(cx, k + 2, "hidup") &&
      !starts_clause(cx, k + 2) && other_person(cx, c))
    return 1;
  for (; c < m; c++) {
    /* "hari-harinya": the word said twice, the second one owned */
    if (!word_is(cx, WC_LIFE, c) || word_is(cx, WC_LIFE, c + 1))
      continue;
    if (other_person(cx, c + 1))
      return 1;
    if (c >= 2 && kupang_owner(cx, c - 2) && !word_is(cx, WC_SELF, c - 2))
      return 1;   /* Kupang: "dia punya umur" */
    return owned_nya(cx, c) &&
           (other_person(cx, sentence_start(cx, c)) ||
            told_to(cx, sentence_start(cx, c)));
  }
  return 0;
}

/* "Jangan salahkan kami kalau kantor itu terbakar / jadi abu", "jang cari
 * beta kalau ada yang luka": a [deny] and a [blame] word (or "cari" and
 * the reporter's word) at i, then a condition, then ruin, an outcome,
 * bloodshed, violence, someone "tidak bernyawa" or coming home dead
 * (home_dead) in the sentence.
 * "... kalau kami lapor ke KPK" is none. */
static int
blame_frame(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  if (i == 0 || !word_is(cx, WC_DENY, i - 1) ||
      !(word_is(cx, WC_BLAME, i) ||
        (word_text_is(cx, i, "cari") && word_is(cx, WC_SELF, i + 1))))
    return 0;
  for (k = i + 1; k < n && !starts_sentence(cx, k) && !word_is(cx, WC_IF, k);
       k++)
    ;
  if (k >= n || starts_sentence(cx, k))
    return 0;
  for (k++; k < n && !starts_sentence(cx, k); k++)
    if (word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_BEFALL, k) ||
        word_is(cx, WC_RUIN, k) || word_is(cx, WC_HARM, k) ||
        prefixed(cx, WC_HARM, k, "di") || prefixed(cx, WC_HARM, k, "ter") ||
        home_dead(cx, k) || blood_spilt(cx, k, 0) ||
        (word_text_is(cx, k, "bernyawa") && word_is(cx, WC_NOT, k - 1)))
      return 1;
  return 0;
}

static int never_wakes(const struct ctx *cx, size_t i, size_t *e);

/* "kirim orang", "utus preman", "kirim anak-anak": a verb of sending at
 * word k with people ([band], [kin], "org") right after it: an order
 * given, as "suruh" is.  "kirim surat" sends a thing. */
static int
men_sent(const struct ctx *cx, size_t k)
{
  static const char *const send[] = {"kirim", "kirimkan", "mengirim",
                                     "utus", "mengutus", NULL};

  return word_in(cx, k, send) && k + 1 < cx->nm->n &&
         !starts_clause(cx, k + 1) &&
         (word_is(cx, WC_BAND, k + 1) || word_is(cx, WC_KIN, k + 1) ||
          word_text_is(cx, k + 1, "org"));
}

/* "Adik saya sudah saya suruh cari alamat rumah mantri itu, biar dia
 * dihajar", "beta su suruh anak-anak muda tunggu di jalan, supaya itu
 * kepala desa dipukul", "sy kirim org ke rmh pak kadis, biar dia tdk
 * bisa jalan lg": a passive verb of violence or a death or crippling said
 * softly (never_wakes) at word i, or an active one whose subject is the
 * ones sent ("biar mereka pukul dia": [they], modal words between) with a
 * target after it (has_target), in a clause
 * of purpose ("biar", "supaya", "agar") that names the one it is done to
 * (a person or "you", not the reporter, no [not] word), after an [order]
 * word or people sent (men_sent) earlier in the sentence whose agent is
 * the reporter: the reporter
 * sends others for that violence, whatever the errand.  "supaya dia
 * tidak dipukul" protects, and an official who sends men "biar saya
 * dihajar" is told. */
static int
sent_for_harm(const struct ctx *cx, size_t i)
{
  static const char *const so[] = {"biar", "supaya", "agar", "spy", NULL};
  size_t c, k, e;
  int named = 0, self, sent;

  if (cx->reported[i])
    return 0;
  c = clause_start(cx, i);
  if (starts_sentence(cx, c) || !word_in(cx, c, so))
    return 0;
  /* "biar mereka pukul dia", "supaya dong hajar itu kades": the ones
   * sent ([they]) do it themselves, to someone named after the verb. */
  sent = c + 2 <= i && word_is(cx, WC_THEY, c + 1) &&
         harm_word(cx, i, &self) && !prefixed(cx, WC_HARM, i, "di") &&
         has_target(cx, i);
  if (!sent && !prefixed(cx, WC_HARM, i, "di") && !never_wakes(cx, i, &e))
    return 0;
  for (k = c + 1; k < i; k++) {
    if (word_is(cx, WC_NOT, k) || word_is(cx, WC_SELF, k))
      return 0;
    if (sent && k > c + 1 && !word_is(cx, WC_MODAL, k) &&
        !word_is(cx, WC_WILL, k) && !word_is(cx, WC_CAN, k))
      return 0;
    named |= word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k);
  }
  if (!named && !sent)
    return 0;
  for (k = sentence_start(cx, c); k < c; k++)
    if ((word_is(cx, WC_ORDER, k) || men_sent(cx, k)) && self_agent(cx, k))
      return 1;
  return 0;
}

/* "Rumah kades akan dibakar warga kalau ...", "kantor camat akan dibakar
 * oleh kami": a passive verb of violence at word i after a [will] word
 * (a modal word may stand between), with the reporter or a crowd as its
 * agent right after it ("oleh" or not), or with no agent named
 * (unnamed_agent) when an official's house or office, or the official,
 * opens its clause and a condition stands in the sentence ("Rumah dinas
 * Kepala Dinas ... akan dibakar habis malam ini kalau gaji ... tidak
 * dibayar"); not when the reporter's own things come before it in its
 * clause ("rumah saya akan dibakar warga suruhan kades" is a threat the
 * reporter suffers, "saya dengar kantor camat akan diserang" a rumour). */
static int
unnamed_agent(const struct ctx *cx, size_t i)
{
  size_t c = clause_subject(cx, i), k;

  if (c >= i || !in_sentence(cx, WC_IF, i))
    return 0;
  if (!word_is(cx, WC_TARGET, c))
    return other_person(cx, c);   /* "kades itu akan dipukul kalau ..." */
  for (k = c + 1; k < i; k++)
    if (other_person(cx, k))
      return 1;                   /* "rumah kades akan dibakar kalau ..." */
  return 0;
}

static int
passive_ultimatum(const struct ctx *cx, size_t i)
{
  size_t a = i + 1, k, n = cx->nm->n;

  if (i == 0 || starts_clause(cx, i) || !prefixed(cx, WC_HARM, i, "di"))
    return 0;
  if (!word_is(cx, WC_WILL, i - 1) &&
      !(i > 1 && !starts_clause(cx, i - 1) && word_is(cx, WC_MODAL, i - 1) &&
        word_is(cx, WC_WILL, i - 2)))
    return 0;
  if (a < n && !starts_clause(cx, a) && word_text_is(cx, a, "oleh"))
    a++;
  if ((a >= n || starts_clause(cx, a) ||
       (!word_is(cx, WC_SELF, a) && !word_is(cx, WC_CROWD, a))) &&
      (a > i + 1 || !unnamed_agent(cx, i)))
    return 0;
  for (k = i; k > 0 && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_SELF, k - 1))
      return 0;
  return 1;
}

/* Is word k ruin said of a thing: a [ruin] word after "jadi"/"menjadi"
 * or "tinggal" ("jadi abu", "tinggal puing"), "rata dengan tanah", or "api" after "dimakan"/"dilalap"
 * ("habis dimakan api")?  Alone, "rata" is a road, a share
 * or an average ("dibagi rata", "rata-rata"). */
static int
ruin_of(const struct ctx *cx, size_t k)
{
  if (k > 0 && !starts_clause(cx, k) && word_text_is(cx, k, "api") &&
      (word_text_is(cx, k - 1, "dimakan") ||
       word_text_is(cx, k - 1, "dilalap") ||
       word_text_is(cx, k - 1, "termakan")))
    return 1;   /* "habis dimakan api", "dilalap api" */
  if (!word_is(cx, WC_RUIN, k))
    return 0;
  if (k > 0 && !starts_clause(cx, k) &&
      (word_text_is(cx, k - 1, "jadi") || word_text_is(cx, k - 1, "menjadi") ||
       word_text_is(cx, k - 1, "tinggal")))
    return 1;
  return k + 2 < cx->nm->n && !starts_clause(cx, k + 1) &&
         word_text_is(cx, k + 1, "dengan") && word_text_is(cx, k + 2, "tanah");
}

/* Is what stands at word k foretold in its clause from word c: a [will]
 * word between c and k and no [past] word ("malam nanti dia pung rumah
 * jadi abu", not "rumah warga sudah jadi abu")? */
static int
foretold(const struct ctx *cx, size_t c, size_t k)
{
  int will = 0;

  for (; c < k; c++) {
    if (word_is(cx, WC_PAST, c))
      return 0;
    will |= word_is(cx, WC_WILL, c);
  }
  return will;
}

/* "tinggal beta kasi tanda": "tinggal" opening a clause at word t with
 * the reporter's word right after it: the reporter's signal awaited. */
static int
signal_at(const struct ctx *cx, size_t t)
{
  return t + 1 < cx->nm->n && starts_clause(cx, t) &&
         !starts_clause(cx, t + 1) && word_text_is(cx, t, "tinggal") &&
         word_is(cx, WC_SELF, t + 1);
}

/* "tinggal saya kasih tanda saja dia langsung tikam ...": is there the
 * reporter's signal (signal_at) before word i in its sentence, with no
 * [past] word from it to i?  Whoever acts after it acts on the
 * reporter's word. */
static int
signalled(const struct ctx *cx, size_t i)
{
  size_t m;

  for (m = i; m > 0 && !starts_sentence(cx, m); m--) {
    if (word_is(cx, WC_PAST, m - 1))
      return 0;
    if (signal_at(cx, m - 1))
      return 1;
  }
  return 0;
}

/* "..., tinggal saya kasih tanda saja dan dia habis", "tinggal beta kasi
 * tanda, itu mandor mati": an outcome or an end ([finish]) at word i
 * ending its clause, said of a person or "you" right before it (not the
 * reporter's own), after the reporter's signal (signal_at) earlier in
 * its sentence: a death on the reporter's word.  Stock that runs out
 * ("stoknya habis") is no one. */
static int
doom_signalled(const struct ctx *cx, size_t i)
{
  size_t m;

  if (i == 0 || starts_clause(cx, i) ||
      !(word_is(cx, WC_OUTCOME, i) || word_is(cx, WC_FINISH, i)) ||
      !ends_clause(cx, skip_intensifiers(cx, i)) ||
      !(word_text_is(cx, i - 1, "dia") || word_is(cx, WC_THEY, i - 1) ||
        word_is(cx, WC_YOU, i - 1) || other_person(cx, i - 1)))
    return 0;
  for (m = i - 1; m > 0 && !starts_sentence(cx, m); m--)
    if (signal_at(cx, m - 1))
      return 1;
  return 0;
}

/* "Kalau honor tidak dibayar, kantor camat jadi abu": ruin (ruin_of) at
 * word k of a person, office or building named in its clause, in a
 * clause after one that opens with a condition or the reporter's signal
 * ("tinggal beta kasi tanda, kantor lurah rata dengan tanah"), or in one
 * that opens
 * with "atau", an ultimatum ("sebelum tanggal 17 uang kembali, atau
 * kantor itu jadi abu"), or in a message for an official (told_to) that
 * foretells it ("bilang sama itu mandor, malam nanti dia pung rumah jadi
 * abu").  "bisa jadi abu" is a risk warned of, and a fire told has no
 * condition. */
static int
ruin_promised(const struct ctx *cx, size_t k)
{
  size_t c, m;
  int named = 0;

  if (!ruin_of(cx, k))
    return 0;
  c = clause_start(cx, k);
  for (m = c; m < k; m++) {
    named |= word_is(cx, WC_PERSON, m) || word_is(cx, WC_TARGET, m);
    if (word_is(cx, WC_CAN, m))
      return 0;
  }
  if (!named)
    return 0;
  if (word_text_is(cx, c, "atau"))
    return 1;   /* "..., atau kantor itu jadi abu": or else */
  if (starts_sentence(cx, c))
    return 0;
  for (m = c; m > 0 && !starts_sentence(cx, m); m--)
    if ((starts_clause(cx, m - 1) && word_is(cx, WC_IF, m - 1)) ||
        signal_at(cx, m - 1))
      return 1;
  return told_to(cx, sentence_start(cx, c)) && foretold(cx, c, k);
}

/* "kantor desa sudah tidak ada", "... tidak ada lagi": "tidak ada" at
 * word k (the [not] word) ending its clause, a person, office or
 * building named before it in the clause: a thing gone. */
static int
gone_at(const struct ctx *cx, size_t k)
{
  size_t c, e = k + 1;

  if (!word_is(cx, WC_NOT, k) || e >= cx->nm->n || starts_clause(cx, e) ||
      !word_text_is(cx, e, "ada"))
    return 0;
  if (!ends_clause(cx, e) && word_text_is(cx, e + 1, "lagi"))
    e++;
  if (!ends_clause(cx, e))
    return 0;
  for (c = clause_start(cx, k); c < k; c++)
    if (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c))
      return 1;
  return 0;
}

static int own_hand_at(const struct ctx *cx, size_t k);

/* "bom rakitan sudah ada di tangan kami": a [fuel] or [weapon] word at k
 * and later in its clause the reporter's hands (own_hand_at). */
static int
held_by_self(const struct ctx *cx, size_t k)
{
  size_t m;

  if (!word_is(cx, WC_FUEL, k) && !word_is(cx, WC_WEAPON, k))
    return 0;
  for (m = k + 1; m < cx->nm->n && !starts_clause(cx, m); m++)
    if (own_hand_at(cx, m))
      return 1;
  return 0;
}

/* Has the reporter readied fuel or a weapon in the sentence of word i:
 * an [arm] word with the reporter as agent (self_agent), a [fuel] or
 * [weapon] right after it and no [purpose] after that ("kami sudah
 * siapkan bensin", not "... bensin untuk genset"), or one in the
 * reporter's hands (held_by_self)? */
/* "dua botol", "lima liter": a count at word k and a measure after it,
 * or a measure alone ("bawa jeriken bensin"); the number of words to pass
 * to what is counted (0 when none). */
static size_t
measure_at(const struct ctx *cx, size_t k)
{
  static const char *const measure[] = {"botol", "liter", "jeriken",
                                        "jerigen", "buah", "batang", "biji",
                                        "ember", NULL};

  if (k + 2 < cx->nm->n && count_word(cx, k) && !starts_clause(cx, k + 1) &&
      !starts_clause(cx, k + 2) && word_in(cx, k + 1, measure))
    return 2;
  return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
                 word_in(cx, k, measure)
             ? 1 : 0;
}

static int
readied_in_sentence(const struct ctx *cx, size_t i)
{
  size_t k, w, n = cx->nm->n;

  for (k = sentence_start(cx, i); k + 1 < n && (k == sentence_start(cx, i) ||
                                                 !starts_sentence(cx, k));
       k++) {
    w = k + 1 + measure_at(cx, k + 1);   /* "siapkan lima liter bensin" */
    if ((word_is(cx, WC_ARM, k) && !starts_clause(cx, w) &&
         (word_is(cx, WC_FUEL, w) || word_is(cx, WC_WEAPON, w)) &&
         self_agent(cx, k) &&
         (ends_clause(cx, w) || w + 1 >= n ||
          !word_is(cx, WC_PURPOSE, w + 1))) ||
        held_by_self(cx, k))
      return 1;
  }
  return 0;
}

/* "Saya sudah simpan dua botol bom ikan, hari Senin saya lempar ke ruang
 * kepala Bapenda": a verb of throwing ([strict] and [harm]) at word i
 * done by the reporter (self_agent), no [past] word in its clause, "ke"
 * right after it and a person or building within three words after
 * that, in a sentence where the reporter has readied fuel or a weapon
 * (readied_in_sentence): the thing thrown left unsaid.  "Anak-anak
 * lempar batu ke rumah kades" is someone else's doing. */
static int
thrown_at(const struct ctx *cx, size_t i)
{
  static const char *const throw_[] = {"lempar", "melempar", "lempari",
                                       "melempari", "timpuk", "menimpuk",
                                       NULL};
  size_t k, n = cx->nm->n;

  if (!word_in(cx, i, throw_) || i + 2 >= n || starts_clause(cx, i + 1) ||
      !word_text_is(cx, i + 1, "ke") || !self_agent(cx, i))
    return 0;
  for (k = clause_start(cx, i); k < i; k++)
    if (word_is(cx, WC_PAST, k))
      return 0;
  for (k = i + 2; k < n && k <= i + 4 && !starts_clause(cx, k); k++)
    if (other_person(cx, k) || word_is(cx, WC_TARGET, k))
      return readied_in_sentence(cx, i);
  return 0;
}

/* "... terbakar bersama orang yang membuatnya", "hangus deng dia pung
 * pembuat": after word k in its clause, "bersama"/"dengan" and a person,
 * "you", or the reporter's band or kin word ("orang", "keluarga") not the
 * reporter's own: someone burnt with the thing. */
static int
burnt_with(const struct ctx *cx, size_t k)
{
  static const char *const with[] = {"bersama", "dengan", "deng", "dgn",
                                     "sama", NULL};
  size_t m, n = cx->nm->n;

  for (m = k + 1; m + 1 < n && !starts_clause(cx, m) &&
                  !starts_clause(cx, m + 1);
       m++)
    if (word_in(cx, m, with) &&
        (other_person(cx, m + 1) || word_is(cx, WC_YOU, m + 1) ||
         ((word_is(cx, WC_BAND, m + 1) || word_is(cx, WC_KIN, m + 1)) &&
          !word_is(cx, WC_SELF, m + 2))))
      return 1;
  return 0;
}

/* "Kami sudah siapkan bensin, malam ini gudang Bulog tinggal kenangan",
 * "jangan kaget kalau besok kantor desa sudah tidak ada, kami sudah
 * siapkan bensin", "Gedung DPRD sebentar lagi meledak, bom sudah ada di
 * tangan kami": at word k a building or an office in ruins (ruin_of,
 * or "tinggal kenangan", "meledak", "terbakar", "hangus" said of one
 * named in its clause, or burnt with someone: burnt_with) or gone
 * (gone_at), in a sentence where the
 * reporter has readied fuel or a weapon (readied_in_sentence).  A fire
 * told, or fuel for a generator, is none. */
static int
readied_ruin(const struct ctx *cx, size_t k)
{
  static const char *const blown[] = {"meledak", "terbakar", "hangus", NULL};
  size_t c;
  int named = 0, ruin = ruin_of(cx, k);

  if (!ruin && k > 0 && !starts_clause(cx, k) &&
      ((word_text_is(cx, k, "kenangan") &&
        word_text_is(cx, k - 1, "tinggal")) ||
       word_in(cx, k, blown))) {
    for (c = clause_start(cx, k); c < k; c++)
      named |= word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c);
    named |= word_in(cx, k, blown) && burnt_with(cx, k);
  }
  if (!ruin && !named && !gone_at(cx, k))
    return 0;
  return readied_in_sentence(cx, k);
}

/* "..., biar dia tahu rasa" ending at word i ("rasa"), after a weapon
 * or fuel brought (an [arm] word, then a [weapon] or [fuel] with no
 * [purpose] after it: "bensin untuk genset") earlier in the sentence:
 * menace, whoever brings it.  A complaint filed "biar dia tahu rasa" or
 * a weapon seized is none. */
static int
feel_it(const struct ctx *cx, size_t i)
{
  size_t k = i;

  if (!word_text_is(cx, i, "rasa") || !ends_clause(cx, i) || i < 3)
    return 0;
  if (word_text_is(cx, k - 1, "tahu") || word_text_is(cx, k - 1, "tau"))
    k--;
  if (k < 3 || starts_clause(cx, k) || starts_clause(cx, k - 1) ||
      !(word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_YOU, k - 1)) ||
      !word_is(cx, WC_IF, k - 2))
    return 0;
  for (k -= 2; k > 0 && !starts_sentence(cx, k); k--)
    if ((word_is(cx, WC_WEAPON, k) || word_is(cx, WC_FUEL, k)) &&
        word_is(cx, WC_ARM, k - 1) && !starts_clause(cx, k) &&
        (ends_clause(cx, k) || !word_is(cx, WC_PURPOSE, k + 1)))
      return 1;
  return 0;
}

/* "mati di tangan saya", "mampus di tangan botong": an outcome at word i
 * by the reporter's hand.  By another's hand ("di tangan dukun") it is
 * what happened. */
static int
by_own_hand(const struct ctx *cx, size_t i)
{
  return word_is(cx, WC_OUTCOME, i) && own_hand_at(cx, i + 1);
}

/* "di tangan saya" at word k, inside the clause of word k - 1; or in the
 * Kupang possessive, "di beta pung tangan", "di saya punya tangan". */
static int
own_hand_at(const struct ctx *cx, size_t k)
{
  size_t m;

  if (k == 0 || k + 2 >= cx->nm->n || !word_text_is(cx, k, "di"))
    return 0;
  for (m = k; m <= k + 2; m++)
    if (starts_clause(cx, m))
      return 0;
  if (word_text_is(cx, k + 1, "tangan"))
    return word_is(cx, WC_SELF, k + 2);
  return k + 3 < cx->nm->n && !starts_clause(cx, k + 3) &&
         word_is(cx, WC_SELF, k + 1) &&
         owning(cx, k + 2) &&
         word_text_is(cx, k + 3, "tangan");
}

/* "nyawanya ada di tangan saya", "nyawa kades di tangan beta": a [life]
 * word at i owned by someone else ("-nya", or a person named after it),
 * then ("ada" or not) in the reporter's hands (own_hand_at).  A patient's
 * life in a doctor's hands, or the reporter's own in God's, is none. */
static int
life_in_hand(const struct ctx *cx, size_t i)
{
  size_t k = i + 1;

  if (!word_is(cx, WC_LIFE, i) && !word_is(cx, WC_BLOOD, i))
    return 0;
  if (!owned_nya(cx, i)) {
    if (!other_person(cx, k) || starts_clause(cx, k))
      return 0;
    while (k < cx->nm->n && !starts_clause(cx, k) &&
           (word_is(cx, WC_PERSON, k) || (cx->nm->w[k].flags & WORD_TITLE)))
      k++;
  }
  if (k < cx->nm->n && !starts_clause(cx, k) && word_text_is(cx, k, "ada"))
    k++;
  return own_hand_at(cx, k);
}

static int relayed_to(const struct ctx *cx, size_t i);
static int menace_opens(const struct ctx *cx, size_t k);

/* "bendahara itu tidak akan lihat Natal tahun ini", "camat itu tidak
 * akan sempat rayakan tahun baru": a verb of living to a day ("lihat",
 * "rayakan", "sampai") at word k after a [not] word ([will], "sempat"
 * between or not), then a [feast] or "tahun baru/depan", said of a
 * person other than the reporter named before it in its clause, in a
 * sentence that holds an oath, a condition or the reporter (the one who
 * decides), or that opens with a menace ("Tunggu saja, ...", "Awas
 * saja, ...": menace_opens), in the other half of an ultimatum
 * ("kembalikan ... sebelum Natal, atau dia tidak akan sempat lihat tahun
 * baru": "atau" before it in its clause) or in a message relayed to an
 * official (relayed_to), and no reason ("karena sakit" is a prognosis).
 * The reporter's mother feared for is none. */
static int
no_future(const struct ctx *cx, size_t k)
{
  static const char *const live[] = {"lihat", "melihat", "liat", "rayakan",
                                     "merayakan", "sampai", "sampe", NULL};
  static const char *const ahead[] = {"baru", "depan", NULL};
  size_t m = k, c, s, n = cx->nm->n;
  int who = 0, frame = 0;

  if (k < 2 || !word_in(cx, k, live) || starts_clause(cx, k) ||
      k + 1 >= n || starts_clause(cx, k + 1))
    return 0;
  if (!(word_is(cx, WC_FEAST, k + 1) ||
        (word_text_is(cx, k + 1, "tahun") && word_in(cx, k + 2, ahead) &&
         !starts_clause(cx, k + 2))))
    return 0;
  if (word_text_is(cx, m - 1, "sempat"))
    m--;
  m = negation_before(cx, m);
  if (m == k || m == k - 1)
    return 0;
  for (c = clause_start(cx, k); c < m; c++) {
    who |= other_person(cx, c) && !word_is(cx, WC_SELF, c);
    frame |= word_text_is(cx, c, "atau");
  }
  for (s = sentence_start(cx, k); s < n && (s <= k || !starts_sentence(cx, s));
       s++) {
    if (word_is(cx, WC_BECAUSE, s))
      return 0;
    frame |= word_is(cx, WC_PROMISE, s) || word_is(cx, WC_IF, s) ||
             (s < m && word_is(cx, WC_SELF, s));
  }
  return who && (frame || menace_opens(cx, k) || relayed_to(cx, k));
}

static int deadline_set(const struct ctx *cx, size_t s);

/* "Camat itu pulang tinggal nama kalau ...", "kades tidak akan selamat
 * kalau ...", "jangan harap dia selamat ...": at word k a death (home_dead)
 * or an official not surviving ("selamat" after a [not] word, a [will]
 * word between or not, or after "jangan harap"), with an official named
 * before it in its clause (right before it for "selamat"), on a
 * condition anywhere in the sentence (a death also promised by a [will]
 * word right before it: "petugas yang datang lagi nanti pulang tinggal
 * nama").  Said of migrant workers,
 * patients or schoolchildren ("anak sekolah") it is a death reported or
 * feared. */
static int
doom_promised(const struct ctx *cx, size_t k)
{
  size_t c, m, s;
  int named = 0;

  /* The sentence is scanned for a condition only at the two words this
   * can start from: judge_threat asks at every word. */
  if (home_dead(cx, k)) {
    if (!in_sentence(cx, WC_IF, k) &&
        !(k > 0 && !starts_clause(cx, k) && word_is(cx, WC_WILL, k - 1)))
      return 0;
    for (c = clause_start(cx, k); c < k; c++)
      named |= other_person(cx, c);
    return named;
  }
  if (!word_text_is(cx, k, "selamat") || k < 2 || starts_clause(cx, k))
    return 0;
  s = sentence_start(cx, k);
  if (!in_sentence(cx, WC_IF, k) &&
      !(s > 0 && deadline_set(cx, sentence_start(cx, s - 1))))
    return 0;
  if (other_person(cx, k - 1) && k >= 3 && !starts_clause(cx, k - 1) &&
      word_text_is(cx, k - 2, "harap") && word_is(cx, WC_DENY, k - 3))
    return 1;
  /* "kepsek itu jangan harap bisa keluar rumah dengan selamat": the
   * official named before "jangan harap" in the clause of "selamat". */
  c = clause_start(cx, k);
  for (m = c + 1; m + 1 < k; m++)
    if (word_is(cx, WC_DENY, m) && word_text_is(cx, m + 1, "harap") &&
        !starts_clause(cx, m + 1))
      break;
  if (m + 1 < k) {
    for (; c < m; c++)
      named |= other_person(cx, c) &&
               !(c > 0 && (word_is(cx, WC_GROUPHEAD, c - 1) ||
                           word_is(cx, WC_CROWD, c - 1)));
    if (named)
      return 1;
  }
  m = negation_before(cx, k);
  if (m == k || m == 0 || starts_clause(cx, m) || !other_person(cx, m - 1))
    return 0;
  /* "anak sekolah", "warga desa": people of a place, not its official. */
  return m < 2 || starts_clause(cx, m - 1) ||
         (!word_is(cx, WC_GROUPHEAD, m - 2) && !word_is(cx, WC_CROWD, m - 2));
}

/* Does a span or an end stand within three words after word w in its
 * clause: "sampai" ("waktu sampai hari Senin") or a unit of time ("waktu
 * tiga hari", "waktu 2 x 24 jam", "waktu satu minggu")? */
static int
span_after(const struct ctx *cx, size_t w)
{
  static const char *const span[] = {"sampai", "sampe", "hari", "hr",
                                     "jam", "minggu", "mgg", "bulan",
                                     "bln", NULL};
  size_t k;

  for (k = w + 1; k < cx->nm->n && k <= w + 4 && !starts_clause(cx, k); k++)
    if (word_in(cx, k, span))
      return 1;
  return 0;
}

static int deadline_at(const struct ctx *cx, size_t k);

/* "Saya kasih waktu sampai hari Senin ...", "kami beri waktu tiga hari",
 * "Batas akhir tanggal 20", "Paling lambat besok ...": does the sentence
 * from word s hold a deadline (the reporter's word, later a [cause] word
 * or "beri", "waktu" and an end or a span after it: span_after; or a
 * word of limit, "batas", "tenggat", "paling lambat", with an end or a
 * span after it or a day within three words: a day of the month set
 * (deadline_at), a feast, "besok", "lusa")? */
static int
deadline_set(const struct ctx *cx, size_t s)
{
  static const char *const limit[] = {"batas", "tenggat", "lambat",
                                      "lambatnya", NULL};
  size_t k, m, n = cx->nm->n;
  int self = 0;

  for (k = s; k + 1 < n && (k == s || !starts_sentence(cx, k)); k++) {
    self |= word_is(cx, WC_SELF, k);
    if (k + 2 < n && self &&
        (word_is(cx, WC_CAUSE, k) || word_text_is(cx, k, "beri")) &&
        !starts_clause(cx, k + 1) && word_text_is(cx, k + 1, "waktu") &&
        span_after(cx, k + 1))
      return 1;
    if (!word_in(cx, k, limit))
      continue;
    if (span_after(cx, k))
      return 1;
    for (m = k + 1; m < n && m <= k + 3 && !starts_clause(cx, m); m++)
      if (deadline_at(cx, m) || word_is(cx, WC_FEAST, m) ||
          word_text_is(cx, m, "besok") || word_text_is(cx, m, "bsk") ||
          word_text_is(cx, m, "lusa"))
        return 1;
  }
  return 0;
}

/* "saya tidak jamin nyawa Pak Camat aman", "kami tidak menjamin rumahnya
 * selamat": "aman"/"selamat" at word k, with "jamin"/"menjamin" before
 * it in its clause after a [not] word (negation_before) whose agent is
 * the reporter (self_agent), outside reported speech,
 * and a condition in the sentence that names a person other than the
 * reporter ("kalau dia masih berani ...", "kalau kades itu datang"): the
 * reporter will not vouch for someone's life on their own conduct.  A
 * flood that may come is no one's conduct. */
static int
unvouched(const struct ctx *cx, size_t k)
{
  static const char *const vouch[] = {"jamin", "menjamin", "jamen", NULL};
  size_t m, c, s;
  int cond = 0;

  if (cx->reported[k] ||
      !(word_text_is(cx, k, "aman") || word_text_is(cx, k, "selamat")))
    return 0;
  c = clause_start(cx, k);
  for (m = c + 1; m < k; m++)
    if (word_in(cx, m, vouch) && negation_before(cx, m) < m &&
        self_agent(cx, negation_before(cx, m)))
      break;
  if (m >= k)
    return 0;
  s = sentence_start(cx, k);
  for (m = s; m < cx->nm->n && (m == s || !starts_sentence(cx, m)); m++) {
    if (starts_clause(cx, m) || word_is(cx, WC_IF, m))
      cond = word_is(cx, WC_IF, m);   /* "... aman kalau dia ..." */
    else if (cond && (other_person(cx, m) || word_text_is(cx, m, "dia")))
      return 1;
  }
  return 0;
}

static int addressee(const struct ctx *cx, size_t k);

/* Is word m the body, life or house of someone other than the reporter:
 * a [life], [target] or person word with "-nya" ("kepalanya",
 * "nyawanya", "rumahnya"), or a [life] or [target] word with a person
 * named right after it ("rumah pak RT", "leher camat")?  "kepala saya"
 * is the reporter's own. */
static int
victim_at(const struct ctx *cx, size_t m)
{
  int thing = word_is(cx, WC_LIFE, m) || word_is(cx, WC_TARGET, m);

  /* "ko pung kepala", "dia pung tangan": owned the Kupang way by
   * someone other than the reporter ("kepala" is the head here). */
  if (m >= 2 && !starts_clause(cx, m) && !starts_clause(cx, m - 1) &&
      owning(cx, m - 1) &&
      (thing || word_text_is(cx, m, "kepala")) &&
      !word_is(cx, WC_SELF, m - 2) &&
      (word_is(cx, WC_PERSON, m - 2) || addressee(cx, m - 2)))
    return 1;

  if (m + 1 < cx->nm->n && !starts_clause(cx, m + 1) &&
      word_is(cx, WC_SELF, m + 1))
    return 0;
  if (owned_nya(cx, m))
    return thing || word_is(cx, WC_PERSON, m);
  return thing && m + 1 < cx->nm->n && !starts_clause(cx, m + 1) &&
         other_person(cx, m + 1);
}

/* Is word k a passive verb of burying ("dikubur", "dikuburkan"): "di"
 * on a [grave] word, -kan or -i after it or not? */
static int
buried(const struct ctx *cx, size_t k)
{
  const struct word *w = &cx->nm->w[k];
  const char *t = cx->nm->text + w->off;

  return w->len > 2 + SUFFIX_MIN_STEM && memcmp(t, "di", 2) == 0 &&
         stem_in(&cx->q->cls[WC_GRAVE], t + 2, w->len - 2, 1);
}

/* Is word m a body part or life ([target], [life]; "kepala" with no
 * person or office after it: the head, not "kepala desa") with no owner
 * written, in a clause whose subject (clause_subject of word k) is a
 * person other than the reporter: "petugas itu akan pulang dengan kaki
 * patah" is the officer's leg, "dia pulang dgn kepala pisah dr badan"
 * his head. */
static int
subject_body(const struct ctx *cx, size_t m, size_t k)
{
  size_t c = clause_subject(cx, k);
  int head = word_text_is(cx, m, "kepala") && m + 1 < cx->nm->n &&
             !starts_clause(cx, m + 1) && !word_is(cx, WC_PERSON, m + 1);

  return (word_is(cx, WC_TARGET, m) || word_is(cx, WC_LIFE, m) || head) &&
         !owned_nya(cx, m) && c < m && other_person(cx, c) &&
         !word_is(cx, WC_SELF, c);
}

/*
 * Harm said of the one threatened rather than done by a verb: at word k
 * an outcome ([outcome], [broken]: "pecah", "patah", "taruhan") or ruin
 * (ruin_of: "rata dengan tanah"), an official's body, life or house named
 * before it in its clause (victim_at; or a bare body part in a clause
 * whose subject is the official: subject_body), no [can], [past] or [not] word
 * ("bisa hancur" is a risk, "sudah hancur" a story), and the reporter's
 * will: a condition in the sentence ("kalau", repeat_if), an [intent]
 * word before it outside reported speech ("saya sumpah", "akan", "besok")
 * or a deadline the reporter set in the sentence before ("Saya kasih
 * waktu sampai hari Senin ... . Lewat dari itu, nyawanya taruhannya.").
 * An accident ("kepalanya pecah dan dijahit") or a danger told ("nyawa
 * taruhannya" of villagers crossing a river) is none.  A life or house
 * the reporter will not vouch for on someone's conduct (unvouched) is a
 * fate too.
 */
static int
fate_at(const struct ctx *cx, size_t k)
{
  size_t c, m, s;
  int victim = 0, self = 0;

  if (unvouched(cx, k)) {
    c = clause_start(cx, k);
    for (m = c; m < k; m++)
      if (victim_at(cx, m))
        return 1;   /* "... nyawa Pak Camat aman kalau dia ..." */
    return 0;
  }
  if (!(word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_BROKEN, k) ||
        ruin_of(cx, k)) ||
      (k > 0 && negation_before(cx, k) < k))
    return 0;
  c = clause_start(cx, k);
  for (m = c; m < k; m++) {
    if (word_is(cx, WC_CAN, m) || word_is(cx, WC_PAST, m))
      return 0;
    victim |= victim_at(cx, m) || subject_body(cx, m, k);
    self |= word_is(cx, WC_SELF, m) && !owning(cx, m + 1);
  }
  /* Quoted, only the speaker's own doing counts ("ko pung kepala beta
   * pica"): a prognosis or an accident told by someone else is none. */
  if (cx->reported[k] && !self)
    return 0;
  /* "beta patah dia pung tangan", "sy patah kakinya": the reporter's word
   * right before it (modal words between), the body after it. */
  if (!victim && word_is(cx, WC_BROKEN, k)) {
    for (m = k; m > c && word_is(cx, WC_MODAL, m - 1); m--)
      ;
    if (m > c && word_is(cx, WC_SELF, m - 1) && k + 1 < cx->nm->n &&
        !starts_clause(cx, k + 1))
      victim = victim_at(cx, k + 1) ||
               (k + 3 < cx->nm->n && !starts_clause(cx, k + 3) &&
                victim_at(cx, k + 3) && owning(cx, k + 2));
  }
  if (!victim)
    return 0;
  /* "... rata dengan tanah karena gempa": a cause told, not a will. */
  for (m = k + 1; m < cx->nm->n && m <= k + 3 && !starts_sentence(cx, m); m++)
    if (word_is(cx, WC_BECAUSE, m))
      return 0;
  s = sentence_start(cx, k);
  if (in_sentence(cx, WC_IF, k) || repeat_if(cx, s))
    return 1;
  for (m = s; m < k; m++)
    if (word_is(cx, WC_INTENT, m) && !cx->reported[m])
      return 1;
  return s > 0 && deadline_set(cx, sentence_start(cx, s - 1));
}

/* "kami kasih dia pelajaran", "beta mau kasih pelajaran sama kades": a
 * [cause] word at i, then "pelajaran" right after it or after the person
 * it is given to.  Returns the index of "pelajaran", or i when there is
 * none. */
static size_t
lesson_at(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, n = cx->nm->n;

  if (!word_is(cx, WC_CAUSE, i))
    return i;
  if (k < n && !starts_clause(cx, k) &&
      (word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k)))
    k++;
  if (k < n && !starts_clause(cx, k) && word_text_is(cx, k, "pelajaran"))
    return k;
  return i;
}

/* ------------------------------------------------- the reporter's intent */

/* Does word k end the search for a verb's object: a preposition, a
 * condition, purpose, reason or turn, a result, an instrument or an
 * ultimatum ("saya tikam di tempat", "kami bakar sebelum pelantikan",
 * "... sampai hancur", "... pakai bensin")? */
static int
object_ends(const struct ctx *cx, size_t k)
{
  static const char *const ends[] = {"di", "dari", "sampai", "sampe",
                                     "pakai", "pake", "dengan", "dgn",
                                     "deng", "atau", "sebelum", NULL};

  return word_is(cx, WC_IF, k) || word_is(cx, WC_PURPOSE, k) ||
         word_is(cx, WC_BECAUSE, k) || word_is(cx, WC_TURN, k) ||
         word_in(cx, k, ends);
}

/* Is word k a thing of the [harmless] list (rubbish, grass, wood, a
 * field, pests, livestock for a feast, a photo, a banner) that is nobody's
 * target: not owned by a person, office or building named after it
 * (owned_by: "kebun kades")? */
static int
harmless_at(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_HARMLESS, k) && !owned_by(cx, k);
}

/* The object of the verb at word i: the first word after it in its
 * clause that object_skip does not pass over (nor a weapon: "bawa parang
 * dan tombak ke rumah ..."), a person or building after a [to] word, or
 * a thing of one's there ("lempar batu ke pos dia": owned_by), or any
 * place a weapon goes to; or the number of words when the clause, a word
 * of object_ends or a [to] word going elsewhere comes first ("saya tikam
 * di tempat"). */
static size_t
object_at(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  for (k = i + 1; k < n && !starts_clause(cx, k) && !object_ends(cx, k);
       k++) {
    /* "lempar ke kantor": the place aimed at, and wherever a weapon is
     * carried ("bawa parang ke lokasi tambang"); "tembak langsung ke
     * Ombudsman" goes somewhere, at no one. */
    if (word_is(cx, WC_TO, k))
      return k + 1 < n && !starts_clause(cx, k + 1) &&
                     (word_is(cx, WC_PERSON, k + 1) ||
                      word_is(cx, WC_TARGET, k + 1) ||
                      owned_by(cx, k + 1) || word_is(cx, WC_WEAPON, i))
                 ? k + 1
                 : n;
    if (!object_skip(cx, k) && !word_is(cx, WC_WEAPON, k))
      return k;
  }
  return n;
}

/* Is the object at word k (object_at) a harmless thing: not a person,
 * office or building, and harmless_at itself or the word after it ("sisa
 * batang jagung", "tembak foto ulang")? */
static int
harmless_object(const struct ctx *cx, size_t k)
{
  if (someone_at(cx, k))
    return 0;
  return harmless_at(cx, k) ||
         (k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
          harmless_at(cx, k + 1));
}

/* "bawa parang untuk babat rumput", "bakar sampah", "cari kayu bakar":
 * is word i a weapon carried for work (work_tool) or, not a weapon, in a
 * clause that names no person, office, building or "you", done to a
 * harmless thing: its object (object_at) harmless_object, or with no
 * object after it, a harmless thing right before it (the firewood of
 * "kayu bakar")?  Work, not violence, whoever is named in the next
 * clause; "bakar kantor desa", "babat kepala desa", "petugas itu memukul
 * meja", "tebas semak di kebun kades" name someone. */
int
work_word(const struct ctx *cx, size_t i)
{
  size_t o, k;

  if (work_tool(cx, i))
    return 1;
  if (word_is(cx, WC_WEAPON, i))
    return 0;
  for (k = clause_start(cx, i);
       k < cx->nm->n && (k <= i || !starts_clause(cx, k)); k++)
    if (someone_at(cx, k))
      return 0;
  o = object_at(cx, i);
  if (o < cx->nm->n)
    return harmless_object(cx, o);
  return i > 0 && !starts_clause(cx, i) && harmless_at(cx, i - 1);
}

/* "ayo turun bawa parang ...", "mari serbu ...": is the verb or weapon at
 * word i called for by a [call] word of its clause, with only modal,
 * arming, causing, weapon and reporter's words between? */
static int
call_agent(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i; k > 0 && i - k < CTX_BEFORE && !starts_clause(cx, k); k--) {
    if (word_is(cx, WC_CALL, k - 1))
      return 1;
    if (!word_is(cx, WC_MODAL, k - 1) && !word_is(cx, WC_ARM, k - 1) &&
        !word_is(cx, WC_WEAPON, k - 1) && !word_is(cx, WC_CAUSE, k - 1) &&
        !word_is(cx, WC_SELF, k - 1))
      return 0;
  }
  return 0;
}

/* The word that names the agent of the verb at word i: the nearest
 * reporter's or [call] word before it in its clause, or i. */
static size_t
agent_at(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i; k > 0 && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_SELF, k - 1) || word_is(cx, WC_CALL, k - 1))
      return k - 1;
  return i;
}


/* "tanggal 17 kami bakar ...": "tanggal"/"tgl" at word k and a day's
 * number, with no month, year or past word after it: a day of this month
 * set for what follows.  "tanggal 17 Agustus 2023", "tanggal 5 kemarin"
 * are events told. */
static int
deadline_at(const struct ctx *cx, size_t k)
{
  size_t d = k + 1;

  if (!(word_text_is(cx, k, "tanggal") || word_text_is(cx, k, "tgl")) ||
      d >= cx->nm->n || starts_clause(cx, d) || !number_at(cx, d) ||
      cx->nm->w[d].len > 2)
    return 0;
  return d + 1 >= cx->nm->n || starts_clause(cx, d + 1) ||
         !(word_is(cx, WC_MONTH, d + 1) || number_at(cx, d + 1) ||
           word_is(cx, WC_PAST, d + 1) || word_text_is(cx, d + 1, "lalu"));
}

/* "Jangan sampai saya siram ...", "jgn sampe beta potong ...": a [deny]
 * word at k and "sampai" right after it: what follows is held back only
 * for now. */
static int
lest_at(const struct ctx *cx, size_t k)
{
  return k + 1 < cx->nm->n && word_is(cx, WC_DENY, k) &&
         !starts_clause(cx, k + 1) &&
         (word_text_is(cx, k + 1, "sampai") || word_text_is(cx, k + 1, "sampe"));
}

/* Is the verb at word i (agent at word a) said as an intent: an [intent]
 * word (future, condition, ultimatum, oath, call) outside reported speech
 * in its sentence (or a day set: deadline_at, or "jangan sampai" before
 * the agent: lest_at), no [not] word between
 * the agent and the verb ("kami
 * tidak akan bakar ..."), and no [past] word in its clause before the
 * verb without an [intent] word or a verb of readying after it
 * ("kemarin kami bakar sampah", "sudah saya potong"; but "sudah siap
 * bakar", "sudah siapkan racun": readied, the violence is ahead)?  With
 * pending set the act told is one whose harm is still ahead (poison put
 * in someone's coffee), and a [past] word does not count. */
static int
intended(const struct ctx *cx, size_t i, size_t a, int pending)
{
  size_t k, s = sentence_start(cx, i);
  int past = 0;

  for (k = a; k < i; k++)
    if (word_is(cx, WC_NOT, k))
      return 0;
  for (k = clause_start(cx, i); k < i && !pending; k++) {
    if (word_is(cx, WC_PAST, k))
      past = 1;
    else if (word_is(cx, WC_INTENT, k) || word_is(cx, WC_ARM, k))
      past = 0;
  }
  if (past)
    return 0;
  if (readied_in_sentence(cx, i))
    return 1;   /* "kami siapkan bom ikan untuk ...": the means readied */
  for (k = s; k < cx->nm->n && (k == s || !starts_sentence(cx, k)); k++)
    if ((word_is(cx, WC_INTENT, k) || deadline_at(cx, k) ||
         (k < a && lest_at(cx, k))) &&
        !cx->reported[k])
      return 1;
  return 0;
}

/* Is word k a word of the frame rather than a thing: the reporter's, a
 * modal, link, condition, intent, past, negation, call or turning word? */
static int
function_word(const struct ctx *cx, size_t k)
{
  static const enum word_class frame[] = {
    WC_SELF, WC_MODAL, WC_LINK, WC_IF, WC_INTENS, WC_NOT, WC_INTENT,
    WC_PAST, WC_CALL, WC_TURN, WC_WILL};
  size_t c;

  for (c = 0; c < sizeof(frame) / sizeof(frame[0]); c++)
    if (word_is(cx, frame[c], k))
      return 1;
  return 0;
}

/* Is what the verb at word i (agent at word a) is done to anything but a
 * harmless thing: its object after it (object_at) unless harmless_object
 * ("alat berat", "gardu PLN" are targets); without one, a person or
 * building between the agent and the verb nearer it than any harmless
 * thing (the object of a chain of verbs), or the words of its clause
 * before the agent (the object put first: "ekskavator perusahaan itu
 * kami bakar") unless one of them is harmless_at ("sampah itu kami
 * bakar saja"); and an object left out entirely ("kalau tidak dibayar,
 * kami hajar") is someone too. */
static int
unknown_object(const struct ctx *cx, size_t i, size_t a)
{
  size_t k = object_at(cx, i), n = cx->nm->n;
  int thing = 0;

  if (k < n)
    return !harmless_object(cx, k);
  /* "kita cegat mobil dinas camat dan gulingkan": a verb of a chain
   * shares the object of the one before it, the nearest thing or person
   * before the verb ("kami warga Kelurahan Oesapa akan kumpulkan sampah
   * dan bakar": rubbish). */
  for (k = i; k > a + 1; k--) {
    if (word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_TARGET, k - 1))
      return 1;
    if (harmless_at(cx, k - 1))
      return 0;
  }
  for (k = clause_start(cx, a); k < a; k++) {
    if (someone_at(cx, k))
      return 1;
    if (harmless_at(cx, k))
      return 0;
    thing |= !function_word(cx, k);
  }
  return thing;
}

/* A [strict] verb at word i (agent at word a) takes a thing ("lempar
 * batu", "gantung spanduk"); its target is a person, office or building
 * put before the agent in its clause ("loket Samsat itu nanti sa lempar
 * batu", "rumah dinas bupati akan kami lempari bom") or after a [to] word
 * that follows the verb or the thing thrown, unless that is harmless
 * ("lempar batu ke kantor camat", but "lempar masalah ini ke DPRD"). */
static int
strict_target(const struct ctx *cx, size_t i, size_t a)
{
  size_t k, n = cx->nm->n;

  for (k = clause_start(cx, a); k < a; k++)
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k))
      return !word_is(cx, WC_SELF, k);
  k = object_at(cx, i);
  if (k < n && !word_is(cx, WC_TO, k - 1) && !harmless_object(cx, k))
    k = object_at(cx, k);   /* "lempar batu ke kantor camat" */
  return k < n && word_is(cx, WC_TO, k - 1);
}

/*
 * The reporter's intent, whatever the object: a verb of violence or a
 * weapon at word i, with the reporter as agent (harm_word's "ku-",
 * self_agent, remote_agent) or a crowd called to it (call_agent), said
 * as an intent (intended), done to anything but a harmless thing
 * (unknown_object; a [strict] verb, whose everyday sense takes a thing,
 * to a person or building named: strict_target).  The lists of persons and buildings can never be
 * complete ("gardu PLN", "alat berat", "loket", "ekskavator"); the
 * everyday objects of the same verbs ("bakar sampah", "potong kayu",
 * "racun hama") can be listed.  Reported speech is judged elsewhere.
 */
static int
intended_harm(const struct ctx *cx, size_t i)
{
  size_t a;
  int self;

  if (cx->reported[i] || !harm_word(cx, i, &self))
    return 0;
  if (!self && !self_agent(cx, i) && !remote_agent(cx, i) &&
      !call_agent(cx, i) && !armed_for(cx, i))
    return 0;
  a = agent_at(cx, i);
  if (!intended(cx, i, a, 0))
    return 0;
  return word_is(cx, WC_STRICT, i) ? strict_target(cx, i, a)
                                   : unknown_object(cx, i, a);
}

/* "dia pung kopi", "kades punya teh": at word k a person other than the
 * reporter owning (kupang_owner) a [food] word. */
static int
owner_first(const struct ctx *cx, size_t k)
{
  return kupang_owner(cx, k) && !word_is(cx, WC_SELF, k) &&
         word_is(cx, WC_FOOD, k + 2);
}

/* "Sumur di rumah kepala dinas itu akan saya ...", "Kopi pak sekdes
 * besok beta ...": the clause of the reporter's word a opens (past
 * condition and intent words) with a [food] word, and a person, office
 * or building other than the reporter's stands between it and word a:
 * the food or drink is theirs, put first as the object. */
static int
food_first(const struct ctx *cx, size_t a)
{
  size_t k, c = clause_subject(cx, a);

  if (c >= a || !word_is(cx, WC_FOOD, c))
    return 0;
  for (k = c + 1; k < a; k++)
    if (other_person(cx, k) ||
        (word_is(cx, WC_TARGET, k) && !word_is(cx, WC_SELF, k + 1)))
      return 1;
  return 0;
}

/* "..., tinggal dicampur ke kopi ...", "tinggal dimasukkan": in the
 * clause of word k, before it, "tinggal" and a passive verb right after
 * it: all that is left to do, a plan whoever says it. */
static int
left_to_do(const struct ctx *cx, size_t k)
{
  size_t m;
  const struct word *w;

  for (m = clause_start(cx, k); m + 1 < k; m++) {
    w = &cx->nm->w[m + 1];
    if (word_text_is(cx, m, "tinggal") && w->len > 2 + SUFFIX_MIN_STEM &&
        memcmp(cx->nm->text + w->off, "di", 2) == 0)
      return 1;
  }
  return 0;
}

/* The reporter as the agent carried over to the clause of word i: no
 * person, "you" or reporter's word before word i in its clause, and the
 * reporter's word (outside reported speech) in an earlier clause of its
 * sentence, the nearest one returned; i when there is none. */
static size_t
carried_self(const struct ctx *cx, size_t i)
{
  size_t k, c = clause_start(cx, i), s = sentence_start(cx, i);

  for (k = c; k < i; k++)
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_SELF, k) ||
        word_is(cx, WC_YOU, k))
      return i;
  for (k = c; k > s; k--)
    if (word_is(cx, WC_SELF, k - 1) && !cx->reported[k - 1])
      return k - 1;
  return i;
}

/* "... taruh racun habis mereka semua", "... mati dia sekeluarga": after
 * word i in its clause a death or "habis" right before a person, "you"
 * or kin other than the reporter's: the outcome on people told with the
 * act. */
static int
people_finished(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i + 1; k + 1 < cx->nm->n && !starts_clause(cx, k) &&
                  !starts_clause(cx, k + 1);
       k++)
    if ((word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_BEFALL, k) ||
         word_text_is(cx, k, "habis")) &&
        (other_person(cx, k + 1) || word_is(cx, WC_YOU, k + 1) ||
         (word_is(cx, WC_KIN, k + 1) && !word_is(cx, WC_SELF, k + 2))))
      return 1;
  return 0;
}

/* "saya campur racun di kopi pak sekdes", "racun tikus untuk teh kepala
 * dusun", "sy sudah beli racun tikus, nanti sy campur di kopi pak
 * sekdes", "sa su siapkan racun untuk dia pung kopi": a [poison] word at
 * i, the reporter's word at most CTX_AFTER words before it in its clause,
 * and later in the sentence a [food] word after "untuk"/"di"/"ke"/"dalam"
 * (Kupang "itu" between or not: "di itu bendahara pung kopi")
 * owned by a person (owned_by, or owner_first, or "-nya" on it: "di
 * kopinya"), said as
 * an intent (intended) there, by the reporter again when in a later
 * clause; put there already or not ("sy sudah masukkan racun di sumur
 * rumah kades, biar ...": until it is drunk, the harm is ahead), or
 * with the food put first (food_first: "Sumur di rumah kepala dinas itu
 * akan saya kasih racun").  The reporter may follow the poison ("racun
 * sudah saya siapkan"), and the serving be only what is left to do
 * (left_to_do: "racun sudah di tangan, tinggal dicampur ke kopi pak
 * sekdes nanti"), by whoever.  Poison for a store, or feared in one's
 * own cup ("kopi saya"), is none. */
static int
poison_served(const struct ctx *cx, size_t i)
{
  static const char *const into[] = {"untuk", "utk", "buat", "di", "ke",
                                     "dalam", NULL};
  static const char *const that[] = {"itu", "ini", NULL};
  size_t k, b, f, a = i;

  if (!word_is(cx, WC_POISON, i) || cx->reported[i])
    return 0;
  for (k = i; k > 0 && i - k <= CTX_AFTER && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_SELF, k - 1)) {
      a = k - 1;
      break;
    }
  /* "Racun sudah saya siapkan": the poison put first */
  for (k = i + 1; a == i && k < cx->nm->n && k - i <= CTX_AFTER &&
                  !starts_clause(cx, k);
       k++)
    if (word_is(cx, WC_SELF, k))
      a = k;
  if (a != i && food_first(cx, a) && intended(cx, i, a, 0))
    return 1;
  /* "Sumur yang dipakai keluarga sekdes sudah saya tahu tempatnya,
   * sekali taruh racun habis mereka semua": no one before the poison in
   * its clause, the reporter of an earlier clause carries over. */
  b = a == i ? carried_self(cx, i) : i;
  if (b < i && food_first(cx, b) &&
      (intended(cx, i, b, 0) || people_finished(cx, i)))
    return 1;
  for (k = i + 1; k + 1 < cx->nm->n && !starts_sentence(cx, k + 1); k++) {
    f = k + 1;
    /* "di itu bendahara pung kopi": Kupang puts "itu" first */
    if (f + 1 < cx->nm->n && !starts_clause(cx, f + 1) &&
        word_in(cx, f, that))
      f++;
    if (!word_in(cx, k, into) || starts_clause(cx, k + 1) ||
        !(word_is(cx, WC_FOOD, f) ? owned_by(cx, f) || owned_nya(cx, f)
                                  : owner_first(cx, f)))
      continue;
    /* "..., nanti sy campur di kopi pak sekdes": served in a later
     * clause, by the reporter again. */
    b = clause_start(cx, k) == clause_start(cx, i) ? a : agent_at(cx, k);
    if ((word_is(cx, WC_SELF, b) || left_to_do(cx, k)) &&
        intended(cx, k, b < k ? b : k, 1))
      return 1;
  }
  return 0;
}

/* "untuk kepala desa", "tinggal tunggu dia lewat": after word k in its
 * clause, link and [wait] words aside, a person, "you" or a building
 * other than the reporter's comes first.  A weapon readied already is
 * kept for someone only so ("sudah asah parang untuk bersihkan jalan
 * desa" is for a job). */
static int
aimed_next(const struct ctx *cx, size_t k)
{
  for (k++; k < cx->nm->n && !starts_clause(cx, k) &&
            (word_is(cx, WC_LINK, k) || word_is(cx, WC_WAIT, k));
       k++)
    ;
  return k < cx->nm->n && !starts_clause(cx, k) && !word_is(cx, WC_SELF, k) &&
         (word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k) ||
          word_is(cx, WC_TARGET, k));
}

/* "dia pung gudang", "kades punya kebun": at word k a person owning
 * (kupang_owner) a thing that is no food, body, person or building:
 * poison for it is for its pests ("racun tikus untuk dia pung gudang"). */
static int
owns_thing(const struct ctx *cx, size_t k)
{
  return kupang_owner(cx, k) && !word_is(cx, WC_FOOD, k + 2) &&
         !word_is(cx, WC_PERSON, k + 2) && !word_is(cx, WC_TARGET, k + 2) &&
         !word_is(cx, WC_LIFE, k + 2);
}

/* "ada 2 bom ikan di rmh", "Ada parang di rumah", "sa ada bom": is the
 * [weapon] at word i said to be there, by "ada" opening its clause (the
 * reporter's word before it or not) with at most a count between, and
 * no one else's place after it in its clause ("ada bom di rumah kepala
 * desa") nor a passive verb ("ada bom ditemukan di perahu")?  Told so
 * by the reporter, the weapon is at hand as much as owned. */
static int
weapon_there(const struct ctx *cx, size_t i)
{
  size_t a = clause_start(cx, i), m;
  const char *t;

  if (!word_is(cx, WC_WEAPON, i))
    return 0;
  if (a < i && word_is(cx, WC_SELF, a))
    a++;
  if (a >= i || !word_text_is(cx, a, "ada") || i - a > 2)
    return 0;
  if (i - a == 2 && !count_word(cx, a + 1))
    return 0;
  for (m = i + 1; m < cx->nm->n && !starts_clause(cx, m); m++) {
    t = cx->nm->text + cx->nm->w[m].off;
    if (word_is(cx, WC_PERSON, m) || word_is(cx, WC_YOU, m) ||
        (cx->nm->w[m].len > 2 + SUFFIX_MIN_STEM && memcmp(t, "di", 2) == 0))
      return 0;
  }
  return 1;
}

/* "Saya sudah asah parang. Besok pagi Pak Sekdes saya tunggu di
 * jalan": after the weapon at word i no [purpose] word in its sentence,
 * and in the next sentence the reporter right before a [wait] word, an
 * official named before the reporter in that clause or waited for right
 * after (aimed_next), with no [purpose], [past] or [not] word in that
 * sentence ("... saya tunggu di kantor desa untuk tanda tangan" is a
 * meeting). */
static size_t next_sentence(const struct ctx *cx, size_t i);

static int
waited_next(const struct ctx *cx, size_t i)
{
  size_t k, m, c, e, n = cx->nm->n;

  for (k = i + 1; k < n && !starts_sentence(cx, k); k++)
    if (word_is(cx, WC_PURPOSE, k))
      return 0;
  if (k >= n)
    return 0;
  e = next_sentence(cx, k);
  for (m = k; m < e; m++)
    if (word_is(cx, WC_PURPOSE, m) || word_is(cx, WC_PAST, m) ||
        word_is(cx, WC_NOT, m) || cx->reported[m])
      return 0;
  for (m = k + 1; m < e; m++) {
    if (!word_is(cx, WC_WAIT, m) || starts_clause(cx, m) ||
        !word_is(cx, WC_SELF, m - 1))
      continue;
    if (aimed_next(cx, m))
      return 1;
    for (c = clause_start(cx, m); c + 1 < m; c++)
      if (other_person(cx, c))
        return 1;
  }
  return 0;
}

/* "Peluru pertama untuk kepala sekolah", "Beta pung parang su tajam,
 * tinggal itu kepala desa pung leher saja": a [weapon] or [poison] word
 * at i that opens its clause, counted or not ("Satu peluru cukup untuk
 * ...", "dua butir peluru untuk ...": a count and at most one word of
 * measure before it; a weapon dedicated) or is the reporter's
 * (owned_weapon, said to be there: weapon_there, or readied: an [arm]
 * word right before it with the reporter as agent), then, in its clause or the next, a [purpose] word
 * or "tinggal" opening the next clause with a person, office or building
 * as its target (has_target), or a word of aim opening it with one right
 * after ("..., targetnya Kepala Dinas", "..., sasarannya kepala
 * puskesmas": aimed_next).  No [past] word before it in its clause
 * unless the reporter readied it, then with the target right after
 * (aimed_next: "saya sudah rakit bom untuk kades"), and
 * no [not] word in it, outside reported speech: weapons seized
 * ("polisi sudah sita senjata untuk ...") or not handed out ("senjata
 * untuk satpam belum ada") are none, and so is poison for a thing
 * someone owns (owns_thing). */
static int
reserved_for(const struct ctx *cx, size_t i)
{
  static const char *const aim[] = {"target", "targetnya", "sasaran",
                                    "sasarannya", NULL};
  size_t k, c, n = cx->nm->n;
  int clauses = 0, readied, past = 0;

  if (cx->reported[i] ||
      !(word_is(cx, WC_WEAPON, i) || word_is(cx, WC_POISON, i)))
    return 0;
  c = clause_start(cx, i);
  if (c < i && i - c <= 2 && count_word(cx, c))
    c = i;   /* "Satu peluru ...": counted, it still opens the clause */
  readied = c != i && word_is(cx, WC_ARM, i - 1) && self_agent(cx, i - 1);
  if (c != i && !owned_weapon(cx, i) && !readied && !weapon_there(cx, i))
    return 0;
  /* "saya sudah rakit bom": readied already, the harm is still ahead */
  for (k = c; k < i; k++) {
    if ((word_is(cx, WC_PAST, k) && !readied) || word_is(cx, WC_NOT, k))
      return 0;
    past |= word_is(cx, WC_PAST, k);
  }
  for (k = i + 1; k < n && !starts_sentence(cx, k); k++) {
    if (starts_clause(cx, k)) {
      if (++clauses > 1)
        return 0;
      /* "tinggal tunggu itu mandor": [wait] and link words before the
       * one waited for (aimed_next) as much as an object (has_target). */
      if (word_text_is(cx, k, "tinggal") &&
          (past ? aimed_next(cx, k) : has_target(cx, k) || aimed_next(cx, k)))
        return 1;
      if (word_in(cx, k, aim) && aimed_next(cx, k))
        return 1;   /* "..., targetnya Kepala Dinas": its target named */
    }
    if (clauses == 0 && word_is(cx, WC_NOT, k))
      return 0;
    if (word_is(cx, WC_PURPOSE, k) &&
        (past ? aimed_next(cx, k) : has_target(cx, k)) &&
        !(word_is(cx, WC_POISON, i) && owns_thing(cx, k + 1)))
      return 1;
  }
  /* Kept for an official waited for in the next sentence. */
  return c != i && waited_next(cx, i);
}

/* "kalau ko lapor, dia mati", "kalau kau bicara, ko pung anak mati": an
 * outcome at word i ending its clause (intensifiers aside), a person or
 * "you" before it in that clause, and an earlier clause of its sentence
 * opened by a condition that names "you": a death promised to the one
 * addressed for what they do.  "kalau tidak dioperasi, dia mati" is a
 * doctor's warning. */
static int
death_if_you(const struct ctx *cx, size_t i)
{
  size_t c, k, s;
  int who = 0;

  if (!word_is(cx, WC_OUTCOME, i) || !ends_clause(cx, skip_intensifiers(cx, i)))
    return 0;
  c = clause_start(cx, i);
  for (k = c; k < i; k++)
    who |= word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k);
  if (!who || starts_sentence(cx, c))
    return 0;
  for (s = sentence_start(cx, c); s < c; s++) {
    if (!starts_clause(cx, s) || !word_is(cx, WC_IF, s))
      continue;
    for (k = s + 1; k < c && !starts_clause(cx, k); k++)
      if (word_is(cx, WC_YOU, k))
        return 1;
  }
  return 0;
}

/* "Bendahara itu lebih baik mundur sebelum darahnya tumpah", "kepala
 * puskesmas harus turun dari jabatan atau darahnya yang tumpah":
 * "sebelum" or "atau" right before bloodshed (blood_spilt) at word i
 * owned ("-nya") by the official who opens the sentence: a deadline or
 * an ultimatum with harm after it.  "darah pasien tumpah ..., sebelum
 * dokter datang" is told. */
static int
blood_deadline(const struct ctx *cx, size_t i)
{
  return i > 0 && !starts_clause(cx, i) &&
         (word_text_is(cx, i - 1, "sebelum") ||
          word_text_is(cx, i - 1, "atau")) &&
         blood_spilt(cx, i, 0) && owned_nya(cx, i) &&
         other_person(cx, sentence_start(cx, i));
}

/* "... Itu janji saya.": a sentence of "itu"/"ini", a [promise] word at
 * word i and the reporter's word, after a sentence that holds an outcome,
 * harm, ruin, bloodshed or casualties ("korban"): the reporter makes the
 * harm foretold a promise.  "Itu janji camat" is another's. */
static int
promise_tag(const struct ctx *cx, size_t i)
{
  size_t s, k;

  if (i < 2 || !word_is(cx, WC_PROMISE, i) || !starts_sentence(cx, i - 1) ||
      !(word_text_is(cx, i - 1, "itu") || word_text_is(cx, i - 1, "ini")) ||
      i + 1 >= cx->nm->n || starts_clause(cx, i + 1) ||
      !word_is(cx, WC_SELF, i + 1))
    return 0;
  s = sentence_start(cx, i - 2);
  for (k = s; k < i - 1; k++)
    if (word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_BEFALL, k) ||
        word_is(cx, WC_HARM, k) || word_is(cx, WC_RUIN, k) ||
        word_is(cx, WC_BLOOD, k) || word_text_is(cx, k, "korban"))
      return 1;
  return 0;
}

/* "Pak Kadis tunggu saja": only persons' words ("pak", "kadis") between
 * the start of the clause and word i. */
static int
titled_subject(const struct ctx *cx, size_t i)
{
  size_t k = i;

  while (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_PERSON, k - 1))
    k--;
  return k < i && starts_clause(cx, k);
}

/* Is word k "aman" or "selamat" after a [not] word, a [will] word between
 * or not ("tidak akan aman", "tidak selamat")? */
static int
not_safe(const struct ctx *cx, size_t k)
{
  return k >= 2 && !starts_clause(cx, k) &&
         (word_text_is(cx, k, "aman") || word_text_is(cx, k, "selamat")) &&
         negation_before(cx, k) < k;
}

/* "Awas saja ya, anak istri kepala sekolah itu tidak akan aman": a [warn]
 * word at i that is its clause's only word but for intensifiers, then in
 * its sentence a person other than the reporter and after it someone not
 * safe (not_safe).  "Awas, jalan ke Soe tidak akan aman" names no one. */
static int
unsafe_warned(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, n = cx->nm->n;
  int named = 0;

  if (!word_is(cx, WC_WARN, i) || !starts_clause(cx, i))
    return 0;
  for (; k < n && !starts_clause(cx, k); k++)
    if (!word_is(cx, WC_INTENS, k) && !same_word(cx, i, k))
      return 0;
  for (; k < n && !starts_sentence(cx, k); k++) {
    named |= other_person(cx, k);
    if (named && not_safe(cx, k))
      return 1;
  }
  return 0;
}

/* "Kami akan kepung rumah bupati dan tidak ada yang keluar hidup-hidup":
 * "tidak ada yang" at word i, then "hidup" or "selamat" in its clause,
 * after the reporter's word and a [will] word right after it earlier in
 * the sentence.  A fire told, or "kami takut tidak ada yang selamat", is
 * none. */
static int
none_alive(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;
  int alive = 0;

  if (!word_is(cx, WC_NOT, i) || i + 3 >= n || starts_clause(cx, i + 1) ||
      !word_text_is(cx, i + 1, "ada") || !word_text_is(cx, i + 2, "yang"))
    return 0;
  for (k = i + 3; k < n && !starts_clause(cx, k); k++)
    alive |= word_text_is(cx, k, "hidup") || word_text_is(cx, k, "selamat");
  if (!alive)
    return 0;
  for (k = sentence_start(cx, i); k + 1 < i; k++)
    if (word_is(cx, WC_SELF, k) && word_is(cx, WC_WILL, k + 1))
      return 1;
  return 0;
}

/* The first word of the sentence after the one of word i, or the number
 * of words when there is none. */
static size_t
next_sentence(const struct ctx *cx, size_t i)
{
  for (i++; i < cx->nm->n && !starts_sentence(cx, i); i++)
    ;
  return i;
}

/* "Nanti malam beta datang.", "besok sa pi": the reporter coming at word
 * k ("datang", "pi", "pergi", "mampir") as the last word of a clause
 * that holds an [intent] word: a visit with no errand named.  "besok
 * saya datang untuk minta surat" has one. */
static int
visit_at(const struct ctx *cx, size_t k)
{
  static const char *const come[] = {"datang", "pi", "pergi", "mampir",
                                     NULL};
  size_t c, m = k;
  int intent = 0;

  if (!word_in(cx, k, come) || !ends_clause(cx, k))
    return 0;
  while (m > 0 && !starts_clause(cx, m) && word_is(cx, WC_MODAL, m - 1) &&
         !word_is(cx, WC_SELF, m - 1))
    m--;
  if (m == 0 || starts_clause(cx, m) || !word_is(cx, WC_SELF, m - 1))
    return 0;
  for (c = clause_start(cx, k); c < k; c++)
    intent |= word_is(cx, WC_INTENT, c);
  return intent;
}

/* "Bendahara itu sebaiknya hati-hati ...", "awas pak camat ...": a
 * [warn] word at k whose clause opens (past condition and intent words)
 * with a person other than the reporter, or with such a person right
 * after it (the word said twice or not).  "Kami disuruh hati-hati" or
 * "hati-hati dengan petugas itu" warn no official. */
static int
warned_official(const struct ctx *cx, size_t k)
{
  size_t s, p = k + 1;

  if (!word_is(cx, WC_WARN, k))
    return 0;
  s = clause_subject(cx, k);
  if (p < cx->nm->n && !starts_clause(cx, p) && same_word(cx, k, p))
    p++;
  return (s < k && other_person(cx, s)) ||
         (p < cx->nm->n && !starts_clause(cx, p) && other_person(cx, p));
}

/* "jam berapa dia pulang", "jam pulangnya", "kapan dia berangkat": at
 * word h a word of time or way, then within ROUTINE_GAP words of its
 * clause a way someone goes ("-nya" on it or not): the routine of
 * someone, known to the one who says so. */
#define ROUTINE_GAP 4
static int
routine_at(const struct ctx *cx, size_t h)
{
  static const char *const when[] = {"jam", "kapan", "jadwal", "waktu",
                                     "rute", NULL};
  static const char *const way[] = {"pulang", "pulangnya", "berangkat",
                                    "berangkatnya", "lewat", "lwt",
                                    "pergi", "perginya", "keluar", NULL};
  size_t m;

  if (h >= cx->nm->n || !word_in(cx, h, when))
    return 0;
  for (m = h + 1; m < cx->nm->n && m <= h + ROUTINE_GAP &&
                  !starts_clause(cx, m); m++)
    if (word_in(cx, m, way))
      return 1;
  return 0;
}

/* Is word i "tahu"/"tau" (or "hafal", known by heart) after the
 * reporter's word in its clause (modal words between), with more of the
 * clause after it ("kami sudah tahu ...", "orang-orang saya sudah hafal
 * ...")? */
static int
self_knows(const struct ctx *cx, size_t i)
{
  static const char *const know[] = {"tahu", "tau", "hafal", "apal", NULL};
  size_t k = i;

  if (!word_in(cx, i, know) || i + 1 >= cx->nm->n || starts_clause(cx, i + 1))
    return 0;
  while (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_MODAL, k - 1))
    k--;
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_SELF, k - 1);
}

/* Does the reporter know someone's routine at word i (self_knows, then
 * routine_at: "kami tahu jam berapa dia pulang")? */
static int
routine_known(const struct ctx *cx, size_t i)
{
  return self_knows(cx, i) && routine_at(cx, i + 1);
}

/* "Bilang sama kepala sekolah hati-hati ...", Kupang "bilang sa ko itu
 * kepala sekolah hati-hati ...": a [warn] word at k right after the
 * official a message opening the sentence is told to (told_to), with
 * only person words, names and "itu"/"ini" between, no comma: the
 * warning is the message. */
static int
warned_in_message(const struct ctx *cx, size_t k)
{
  size_t s = sentence_start(cx, k), m;
  int person = 0;

  if (!word_is(cx, WC_WARN, k) || starts_clause(cx, k) || !told_to(cx, s))
    return 0;
  for (m = message_to(cx, s) + 1; m < k && !starts_clause(cx, m); m++) {
    if (other_person(cx, m))
      person = 1;
    else if (!word_text_is(cx, m, "itu") && !word_text_is(cx, m, "ini") &&
             !word_is(cx, WC_PERSON, m) &&
             !(cx->nm->w[m].flags & (WORD_TITLE | WORD_CAPS)))
      return 0;
  }
  return m == k && person;
}

/* "Bilang sama bendahara, malam-malam jangan jalan sendiri", "sampaikan
 * ke kades, hati-hati": at word k in a message relayed to an official
 * (relayed_to), a [warn] word, or a [deny] word with a way of going out
 * within three words of its clause after it: a warning for their
 * safety.  "jangan lupa kirim laporan" is an errand. */
static int
warning_relayed(const struct ctx *cx, size_t k)
{
  static const char *const out[] = {"jalan", "keluar", "pulang", "lewat",
                                    "pergi", "pi", NULL};
  size_t m;

  if (warned_in_message(cx, k))
    return 1;
  if (!relayed_to(cx, k))
    return 0;
  if (word_is(cx, WC_WARN, k))
    return 1;
  if (!word_is(cx, WC_DENY, k))
    return 0;
  for (m = k + 1; m < cx->nm->n && m <= k + 3 && !starts_clause(cx, m); m++)
    if (word_in(cx, m, out))
      return 1;
  return 0;
}

/* Is the first word of the clause at word k, opening with it or right
 * after words that may stand before a subject ("nanti"), someone other
 * than the reporter ("dia", a person named)? */
static int
waited_person(const struct ctx *cx, size_t k)
{
  size_t n = cx->nm->n;

  if (k >= n || starts_clause(cx, k))
    return 0;
  while (k + 1 < n && !starts_clause(cx, k + 1) &&
         (word_is(cx, WC_INTENT, k) || word_is(cx, WC_IF, k)))
    k++;
  return !word_is(cx, WC_SELF, k) &&
         (word_text_is(cx, k, "dia") || other_person(cx, k));
}

/* Is word k a house or a vehicle ("rumah", "motor"), or with nya one
 * owned by "-nya" ("rumahnya", "motornya")? */
static int
home_at(const struct ctx *cx, size_t k, int nya)
{
  static const char *const home[] = {"rumah", "motor", "mobil", "oto",
                                     "kendaraan", NULL};
  const struct word *w;
  size_t len, j;

  if (k >= cx->nm->n || (nya && !owned_nya(cx, k)))
    return 0;
  w = &cx->nm->w[k];
  len = w->len - (nya ? 3 : 0);
  for (j = 0; home[j] != NULL; j++)
    if (strlen(home[j]) == len &&
        memcmp(cx->nm->text + w->off, home[j], len) == 0)
      return 1;
  return 0;
}

/* "Saya sudah tahu rumah anaknya di Kupang, tinggal tunggu waktu saja":
 * "tahu"/"tau" at word i after the reporter's word (modal words between),
 * "rumah" right after it ("jalan ke"/"jalan menuju" first or not) owned
 * by someone else (a person named after it,
 * or "-nya" on it or the word after it; Kupang "dia pung rumah"; a
 * vehicle, which finds someone as the house does, only owned so:
 * "motornya", "dia punya motor"), and
 * later in the sentence a [wait] word with "waktu" or an intensifier
 * after it, or one in the next sentence with the person after it in its
 * clause ("... Kita lihat saja dia sampai di rumah atau tidak."): the
 * reporter only waits; or a weapon the reporter has, or
 * a warning to an official, earlier in the sentence (owned_weapon,
 * warned_official: "bendahara itu sebaiknya hati-hati kalau pulang
 * malam, saya tahu rumahnya"), someone else's family named in
 * it or the sentence before ("anak istrinya tinggal di kampung ini",
 * Kupang "dia pung anak-anak"), or
 * a visit with no errand in the rest of it or the next sentence
 * (visit_at: "... beta tau dia pung rumah. Nanti malam beta datang.").  "rumah saya akan digusur" is the
 * reporter's own. */
static int
home_known(const struct ctx *cx, size_t i)
{
  size_t k, h = i + 1, e, n = cx->nm->n;
  int routine;

  if (!self_knows(cx, i))
    return 0;
  routine = routine_at(cx, h);
  /* "saya sudah tahu jalan ke rumahnya": the way to the house is the
   * house. */
  if (h + 2 < n && !starts_clause(cx, h + 1) && !starts_clause(cx, h + 2) &&
      (word_text_is(cx, h, "jalan") || word_text_is(cx, h, "jln")) &&
      (word_text_is(cx, h + 1, "ke") || word_text_is(cx, h + 1, "menuju")))
    h += 2;
  if (routine)
    ;         /* "kami tahu jam berapa dia pulang" */
  else if (h + 2 < n && other_person(cx, h) && !starts_clause(cx, h + 2) &&
      owning(cx, h + 1) &&
      home_at(cx, h + 2, 0))
    h += 2;   /* Kupang: "beta tau dia pung rumah", "dia punya motor" */
  else if (home_at(cx, h, 1))
    ;         /* "kami tahu rumahnya", "kami hafal motornya" */
  else if (!word_text_is(cx, h, "rumah") ||
           (!owned_nya(cx, h) &&
            (ends_clause(cx, h) || word_is(cx, WC_SELF, h + 1) ||
             !(other_person(cx, h + 1) || owned_nya(cx, h + 1)))))
    return 0;
  for (k = sentence_start(cx, i); k < i; k++)
    if (owned_weapon(cx, k) || warned_official(cx, k))
      return 1;
  /* "Bilang sama bendahara, malam-malam jangan jalan sendiri. Kami tahu
   * rumahnya ...": a warning relayed in this sentence or the one before. */
  k = sentence_start(cx, i);
  for (k = k > 0 ? sentence_start(cx, k - 1) : k; k < i; k++)
    if (warning_relayed(cx, k))
      return 1;
  if (routine)
    return 0; /* a routine told with family is evidence, not menace */
  /* "Anak istrinya tinggal di kampung ini juga. Kami tahu rumahnya di
   * mana.": someone else's family named in this sentence or the one
   * before (Kupang "dia pung anak-anak" too). */
  k = sentence_start(cx, i);
  for (k = k > 0 ? sentence_start(cx, k - 1) : k; k < i; k++)
    if (word_is(cx, WC_KIN, k) &&
        ((!word_is(cx, WC_KIN, k + 1) &&
          (owned_nya(cx, k) || (k + 1 < n && !starts_clause(cx, k + 1) &&
                                other_person(cx, k + 1)))) ||
         (k >= 2 && kupang_owner(cx, k - 2))))
      return 1;
  k = next_sentence(cx, i);
  for (e = k < n ? next_sentence(cx, k) : n, k = h + 1; k < e; k++)
    if (visit_at(cx, k))
      return 1;   /* "... Nanti malam beta datang.": this or the next */
  for (k = h + 1; k + 1 < n && !starts_sentence(cx, k + 1); k++)
    if (word_is(cx, WC_WAIT, k) &&
        (word_text_is(cx, k + 1, "waktu") || word_is(cx, WC_INTENS, k + 1)))
      return 1;
  /* "... Kita lihat saja dia sampai di rumah atau tidak.": waiting to
   * see what becomes of the person, in the next sentence. */
  k = next_sentence(cx, i);
  for (e = k < n ? next_sentence(cx, k) : n; k + 2 < e; k++)
    if (word_is(cx, WC_WAIT, k) && word_is(cx, WC_INTENS, k + 1) &&
        !starts_clause(cx, k + 1) && waited_person(cx, k + 2))
      return 1;
  return 0;
}

/* Does the sentence of word k open with a clause of a [wait] or [warn]
 * word and intensifiers only ("Tunggu saja, ...", "Awas ya, ...")? */
static int
menace_opens(const struct ctx *cx, size_t k)
{
  size_t s = sentence_start(cx, k), m = s + 1;

  if (!word_is(cx, WC_WAIT, s) && !word_is(cx, WC_WARN, s))
    return 0;
  for (; m < cx->nm->n && !starts_clause(cx, m); m++)
    if (!word_is(cx, WC_INTENS, m) && !same_word(cx, s, m))
      return 0;
  return m < k;
}

/* Does a clause before word k in its sentence open with an [if] word and
 * name a person other than the reporter ("Kalau kepala sekolah tetap
 * potong gaji, ...")? */
static int
if_person_before(const struct ctx *cx, size_t k)
{
  size_t m;
  int cond = 0;

  for (m = sentence_start(cx, k); m < clause_start(cx, k); m++) {
    if (starts_clause(cx, m))
      cond = word_is(cx, WC_IF, m);
    if (cond && other_person(cx, m))
      return 1;
  }
  return 0;
}

/* "Saya sumpah anak istrinya ...", "Kembalikan uang kami atau anaknya
 * ...": the [kin] words at word i sworn by the reporter (a [promise] word
 * right before them, the reporter's word before that) or opening the
 * other half of an ultimatum ("atau" right before them). */
static int
kin_pressed(const struct ctx *cx, size_t i)
{
  if (i == 0 || starts_clause(cx, i))
    return 0;
  if (word_text_is(cx, i - 1, "atau"))
    return 1;
  return i >= 2 && word_is(cx, WC_PROMISE, i - 1) &&
         !starts_clause(cx, i - 1) && word_is(cx, WC_SELF, i - 2);
}

/* "(ikut) kena" ending its clause at word k, or "kena" and what comes
 * of it ("kena akibatnya", "kena getahnya", "kena imbasnya"): the
 * consequence borne.  "kena demam" is an illness. */
static int
hit_too(const struct ctx *cx, size_t k)
{
  static const char *const fruit[] = {"akibat", "getah", "imbas", NULL};
  const struct word *w;
  size_t f;

  if (!word_text_is(cx, k, "kena"))
    return 0;
  if (k + 1 >= cx->nm->n || starts_clause(cx, k + 1))
    return 1;
  w = &cx->nm->w[k + 1];
  for (f = 0; fruit[f] != NULL; f++)
    if (w->len >= strlen(fruit[f]) &&
        memcmp(cx->nm->text + w->off, fruit[f], strlen(fruit[f])) == 0)
      return 1;
  return 0;
}

/* Is word k a [kin] word of someone else's family: "-nya" on it, a
 * person right after it, or Kupang "dia pung anak"? */
static int
other_kin(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_KIN, k) && k + 1 < cx->nm->n &&
         (owned_nya(cx, k) ||
          (!starts_clause(cx, k + 1) && other_person(cx, k + 1)) ||
          (k >= 2 && kupang_owner(cx, k - 2)));
}

/* "Saya tahu anak kepala dinas sekolah di mana", "beta tau dia pung
 * istri kerja di mana": "tahu"/"tau" at word k after the reporter's word
 * (modal words between), then someone else's family (other_kin) and "di
 * mana" before word i in the sentence: where the family is, known to
 * the reporter, is the family watched as much as their routine is. */
static int
kin_whereabouts(const struct ctx *cx, size_t k, size_t i)
{
  static const char *const where[] = {"dimana", "dmn", "dmana", "dimn",
                                      NULL};
  size_t m = k;
  int kin = 0;

  if (!(word_text_is(cx, k, "tahu") || word_text_is(cx, k, "tau")))
    return 0;
  while (m > 0 && !starts_clause(cx, m) && word_is(cx, WC_MODAL, m - 1))
    m--;
  if (m == 0 || starts_clause(cx, m) || !word_is(cx, WC_SELF, m - 1))
    return 0;
  for (m = k + 1; m < i && !starts_sentence(cx, m); m++) {
    kin |= other_kin(cx, m);
    if (kin && (word_in(cx, m, where) ||
                ((word_text_is(cx, m, "mana") || word_text_is(cx, m, "mn")) &&
                 word_text_is(cx, m - 1, "di"))))
      return 1;
  }
  return 0;
}

/* "Anak kepala dinas itu sekolah di SD Inpres, saya tahu jam
 * pulangnya. Kalau ..., anaknya yang tanggung.": in this sentence or the
 * one before the [kin] words at word i, someone else's family named
 * (other_kin) before the reporter telling they know a routine
 * (routine_known), or the reporter telling they know where that family
 * is (kin_whereabouts). */
static int
kin_routine_known(const struct ctx *cx, size_t i)
{
  size_t k = sentence_start(cx, i);
  int kin = 0;

  for (k = k > 0 ? sentence_start(cx, k - 1) : k; k < i; k++) {
    kin |= other_kin(cx, k);
    if (kin && routine_known(cx, k))
      return 1;
    if (kin_whereabouts(cx, k, i))
      return 1;
  }
  return 0;
}

/* "anak istrinya yang akan tanggung akibatnya", "keluarga kepala desa
 * akan ikut menanggung akibatnya", "anak istrinya tidak akan aman lagi":
 * [kin] words opening at word i ("dan"/"serta" may join them: "anak dan
 * istri"), owned by someone else ("-nya" on the last, or a person named
 * right after them), then in their clause (link words such as "yang" or
 * "itu", modal words and "ikut" between) the consequences borne
 * ("tanggung akibat...", "ikut kena": hit_too) or no safety (not_safe);
 * after a condition on
 * an official (if_person_before), for a family named after "tunggu
 * saja"/"awas" (menace_opens), sworn or in an ultimatum (kin_pressed),
 * or with the reporter knowing where later in the sentence
 * (knows_where: "..., kami tahu mereka tinggal di mana").  The
 * reporter's own family, or the families of those a policy hurts
 * ("kalau gaji dipotong, keluarga guru honorer yang menanggung"), are
 * none. */
static int
kin_doomed(const struct ctx *cx, size_t i)
{
  static const char *const join[] = {"dan", "serta", "&", NULL};
  size_t k = i, n = cx->nm->n;
  int nya, watched;

  if (!word_is(cx, WC_KIN, i) || (!starts_clause(cx, i) &&
                                  word_is(cx, WC_KIN, i - 1)))
    return 0;
  while (k + 1 < n && !starts_clause(cx, k + 1) &&
         (word_is(cx, WC_KIN, k + 1) ||
          (k + 2 < n && word_in(cx, k + 1, join) &&
           !starts_clause(cx, k + 2) && word_is(cx, WC_KIN, k + 2))))
    k += word_is(cx, WC_KIN, k + 1) ? 1 : 2;
  /* Kupang "dia pung istri": owned by the person before, as "-nya" */
  nya = owned_nya(cx, k) || (i >= 2 && kupang_owner(cx, i - 2));
  if (!nya) {
    if (!other_person(cx, k + 1))
      return 0;
    for (k++; k + 1 < n && !starts_clause(cx, k + 1) &&
              (word_is(cx, WC_PERSON, k + 1) ||
               (cx->nm->w[k + 1].flags & WORD_TITLE));
         k++)
      ;
  }
  watched = kin_routine_known(cx, i);
  if (!(nya ? if_person_before(cx, i) || menace_opens(cx, i)
            : menace_opens(cx, i)) &&
      !kin_pressed(cx, i) && knows_where(cx, k) >= n && !watched)
    return 0;
  for (k++; k < n && !starts_clause(cx, k); k++) {
    /* "anaknya yang tanggung": borne with nothing more said, once the
     * reporter has told they know the child's routine. */
    if (watched && ends_clause(cx, k) &&
        (word_text_is(cx, k, "tanggung") ||
         word_text_is(cx, k, "menanggung")))
      return 1;
    if ((word_text_is(cx, k, "tanggung") ||
         word_text_is(cx, k, "menanggung")) &&
        k + 1 < n && !starts_clause(cx, k + 1) &&
        cx->nm->w[k + 1].len >= 6 &&
        memcmp(cx->nm->text + cx->nm->w[k + 1].off, "akibat", 6) == 0)
      return 1;
    if (not_safe(cx, k) || hit_too(cx, k))
      return 1;
    if (!word_is(cx, WC_MODAL, k) && !word_is(cx, WC_NOT, k) &&
        !word_is(cx, WC_LINK, k) && !word_text_is(cx, k, "ikut"))
      return 0;
  }
  return 0;
}

/* Does menace follow word k in the text: "lihat saja nanti", "tunggu
 * saja" (a [wait] word, then an intensifier or "nanti", ending its
 * clause: "lihat saja laporan ini" is a plea), or "rasa" after
 * a person ("biar dia rasa", "biar dia tau rasa")? */
static int
menace_after(const struct ctx *cx, size_t k)
{
  size_t m, n = cx->nm->n;

  for (m = k + 1; m < n; m++) {
    if (word_is(cx, WC_WAIT, m) && m + 1 < n && !starts_clause(cx, m + 1) &&
        (word_is(cx, WC_INTENS, m + 1) || word_text_is(cx, m + 1, "nanti")) &&
        ends_clause(cx, word_text_is(cx, m + 2, "nanti")
                            ? m + 2 : skip_intensifiers(cx, m)))
      return 1;
    if (word_text_is(cx, m, "rasa") && m >= 2 && !starts_clause(cx, m) &&
        (word_is(cx, WC_PERSON, m - 1) ||
         (!starts_clause(cx, m - 1) && word_is(cx, WC_PERSON, m - 2))))
      return 1;
  }
  return 0;
}

/* "Lurah itu su bosan hidup ko?", "kepala puskesmas mau mati kah?",
 * "kades itu cari mati ya?": a death wished at word i ("mati" after
 * "mau"/"cari"/"ingin", "hidup" after "bosan") that ends its sentence (a
 * particle "kah", "ko", "ya" after it or not), asked of a person or of
 * the one addressed (only link and modal words before the person, no
 * reporter's word; or nothing but the wish in its clause), with menace
 * after it (menace_after).  The reporter weary of
 * life, or the question alone, is none. */
static int
death_asked(const struct ctx *cx, size_t i)
{
  static const char *const wish[] = {"mau", "mo", "cari", "ingin", NULL};
  static const char *const particle[] = {"kah", "ko", "ya", "to", NULL};
  size_t e = i + 1, k;
  int who = 0;

  if (i == 0 || starts_clause(cx, i) ||
      !((word_text_is(cx, i, "mati") && word_in(cx, i - 1, wish)) ||
        (word_text_is(cx, i, "hidup") && word_text_is(cx, i - 1, "bosan"))))
    return 0;
  if (e < cx->nm->n && !starts_clause(cx, e) && word_in(cx, e, particle))
    e++;
  if (e < cx->nm->n && !starts_sentence(cx, e))
    return 0;
  for (k = clause_start(cx, i); k + 1 < i; k++) {
    if (word_is(cx, WC_SELF, k))
      return 0;
    who |= other_person(cx, k) || word_is(cx, WC_YOU, k) ||
           k + 2 == i;   /* only the wish: said to the one addressed */
    if (!who && !word_is(cx, WC_LINK, k) && !word_is(cx, WC_MODAL, k))
      return 0;   /* "pasien itu mau mati kah?": no official */
  }
  return (who || clause_start(cx, i) + 1 == i) && menace_after(cx, i);
}

/* "di depan rumah kades", "di kantor camat", "dekat rmh pak kadis":
 * from word p, "di" or a word of nearness, at most one more such word,
 * then a house or office ("rumah", "rmh", "kantor") and a person other
 * than the reporter owning it, in one clause.  Returns that person's
 * word, or the number of words when there is none. */
static size_t
house_of(const struct ctx *cx, size_t p)
{
  static const char *const at[] = {"di", "depan", "dpn", "belakang",
                                   "dekat", "samping", "sekitar", NULL};
  static const char *const house[] = {"rumah", "rmh", "kantor", NULL};
  size_t m, n = cx->nm->n;

  for (m = p;
       m < n && m < p + 2 && !starts_clause(cx, m) && word_in(cx, m, at); m++)
    ;
  if (m == p || m + 1 >= n || starts_clause(cx, m) ||
      starts_clause(cx, m + 1) || !word_in(cx, m, house))
    return n;
  return other_person(cx, m + 1) ? m + 1 : n;
}

/* "beta tunggu dia di pasar", "saya cegat kades", "beta suru ade dong
 * cari itu kepala dusun": the reporter, or the reporter's people sent
 * (remote_agent), lying in wait for or going after a person at word k
 * ("tunggu", "cegat", "hadang", "cari", "kejar", or their me- forms), a
 * person other than the reporter right after it ("itu" between or not)
 * or at that person's house or office (house_of: "tunggu di depan rumah
 * kades"), or the person as "-nya" on the verb ("kami akan
 * menunggunya"). */
static int
lying_in_wait(const struct ctx *cx, size_t k)
{
  static const char *const wait[] = {
      "tunggu", "cegat", "hadang", "cari", "kejar", "menunggu", "mencegat",
      "menghadang", "mencari", "mengejar", NULL};
  static const char *const waited[] = {
      "tunggunya", "cegatnya", "hadangnya", "kejarnya", "menunggunya",
      "mencegatnya", "menghadangnya", "mencarinya", "mengejarnya", NULL};
  size_t p = k + 1;

  if (starts_clause(cx, k))
    return 0;
  /* "kami akan menunggunya": the one waited for is the "-nya". */
  if (word_in(cx, k, waited))
    return self_agent(cx, k) || remote_agent(cx, k);
  if (!word_in(cx, k, wait))
    return 0;
  if (word_text_is(cx, p, "itu") && !starts_clause(cx, p))
    p++;
  if (!(other_person(cx, p) || (p = house_of(cx, p)) < cx->nm->n) ||
      starts_clause(cx, p))
    return 0;
  return self_agent(cx, k) || remote_agent(cx, k);
}

/* "besok pagi saya tunggu dia di jalan dengan pisau", "cari itu kepala
 * dusun deng kelewang": the reporter lying in wait (lying_in_wait) at
 * word k with a [weapon] later in its clause, before a purpose, reason,
 * condition or turn ("saya cari kades untuk lapor parang saya dicuri"),
 * and no [not] word before it in the clause. */
static int
armed_wait(const struct ctx *cx, size_t k)
{
  size_t m;

  if (!lying_in_wait(cx, k))
    return 0;
  for (m = clause_start(cx, k); m < k; m++)
    if (word_is(cx, WC_NOT, m))
      return 0;
  for (m = k + 2; m < cx->nm->n && !starts_clause(cx, m); m++) {
    if (word_is(cx, WC_PURPOSE, m) || word_is(cx, WC_BECAUSE, m) ||
        word_is(cx, WC_IF, m) || word_is(cx, WC_TURN, m))
      return 0;
    if (word_is(cx, WC_WEAPON, m))
      return 1;
  }
  return 0;
}

/* "Lurah itu minta dipukul. Nanti sore beta tunggu dia di pasar", "kades
 * ini memang cari dihajar, besok saya tunggu dia": "minta"/"cari" at word
 * i and a passive verb of violence right after it, said of a person other
 * than the reporter named before it in its clause, with the reporter
 * lying in wait (lying_in_wait) or coming (visit_at) in the rest of that
 * sentence or the next.  In reported speech it marks the text ("lurah
 * bilang saya ini minta dipukul"). */
static int
asking_for_it(const struct ctx *cx, size_t i)
{
  size_t k, e, n = cx->nm->n;
  int who = 0;

  if (!(word_text_is(cx, i, "minta") || word_text_is(cx, i, "cari")) ||
      i + 1 >= n || starts_clause(cx, i + 1) ||
      !prefixed(cx, WC_HARM, i + 1, "di"))
    return 0;
  if (cx->reported[i])
    return 1;
  for (k = clause_start(cx, i); k < i; k++) {
    if (word_is(cx, WC_SELF, k))
      return 0;
    who |= other_person(cx, k);
  }
  if (!who)
    return 0;
  k = next_sentence(cx, i);
  for (e = k < n ? next_sentence(cx, k) : n, k = i + 2; k < e; k++)
    if (lying_in_wait(cx, k) || visit_at(cx, k))
      return 1;
  return 0;
}

/* "Kantor Dinas Sosial itu lebih baik dibom saja", "kepala dusun itu
 * sebaiknya dipukul": a passive verb of violence at word i right after
 * an [advise] word, in a clause that opens (past condition words) with
 * a person, office or building other than the reporter: violence wished
 * on them.  Rubbish "lebih baik dibakar" is a thing. */
static int
advised_harm(const struct ctx *cx, size_t i)
{
  size_t c;

  if (i == 0 || starts_clause(cx, i) || !prefixed(cx, WC_HARM, i, "di") ||
      !word_is(cx, WC_ADVISE, i - 1))
    return 0;
  c = clause_subject(cx, i);
  return c < i - 1 && !word_is(cx, WC_SELF, c) &&
         (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c));
}

/* "Bilang sama dia, ...", "Tolong sampaikan ke kepala Samsat: ...": the
 * sentence of word i opens ("tolong"/"mohon" before it or not) with a
 * message the reporter sends to an official (told_to), and word i stands
 * in a later clause of it: said to that official. */
static int
relayed_to(const struct ctx *cx, size_t i)
{
  static const char *const please[] = {"tolong", "tlg", "mohon", NULL};
  size_t s = sentence_start(cx, i), r = s;

  if (word_in(cx, s, please) && s + 1 < cx->nm->n &&
      !starts_clause(cx, s + 1))
    r = s + 1;
  if (!(r == s ? told_to(cx, s)
               : (word_is(cx, WC_SAY, r) || word_text_is(cx, r, "sampaikan")) &&
                     word_is(cx, WC_TO, r + 1) && other_person(cx, r + 2)))
    return 0;
  return clause_start(cx, i) > (r == s ? message_to(cx, s) : r + 1) + 1;
}

/* In a message relayed to an official (relayed_to) at word i: a [warn]
 * word opening a clause, then harm befalling ([modal] and [befall]) in
 * the sentence ("hati-hati kalau pulang malam, orang bisa celaka", or
 * fall and vanish: "bisa jatuh", "bisa hilang"); harm
 * befalling ([modal] and [befall] at i) on them or theirs, named right
 * before the modal words ("anak dan istrinya bisa celaka", "dia bisa
 * celaka"); or a weapon the
 * reporter brings ("kami akan datang dengan parang").  A hazard for
 * "anak sekolah" or people in general is none. */
static int
relayed_harm(const struct ctx *cx, size_t i)
{
  /* "orang bisa jatuh dan tidak ditemukan", "bisa hilang": vanished. */
  static const char *const vanish[] = {"jatuh", "hilang", "lenyap", NULL};
  size_t k;

  if (!relayed_to(cx, i))
    return 0;
  if (word_is(cx, WC_WARN, i) && starts_clause(cx, i)) {
    for (k = i + 2; k < cx->nm->n && !starts_sentence(cx, k); k++)
      if (word_is(cx, WC_MODAL, k - 1) &&
          (word_is(cx, WC_BEFALL, k) || word_in(cx, k, vanish)))
        return 1;
    return 0;
  }
  if (word_is(cx, WC_BEFALL, i) && word_is(cx, WC_MODAL, i - 1)) {
    for (k = i - 1; k > 0 && !starts_clause(cx, k) &&
                    (word_is(cx, WC_MODAL, k) || word_is(cx, WC_INTENS, k));
         k--)
      ;
    return k < i - 1 && ((word_is(cx, WC_KIN, k) && owned_nya(cx, k)) ||
                         word_text_is(cx, k, "dia") ||
                         word_is(cx, WC_THEY, k));
  }
  return word_is(cx, WC_WEAPON, i) && self_agent(cx, i);
}

/* "..., ingat kata-kata saya (ini)", "camkan kata saya": the reporter's
 * vow after word i in its sentence: "ingat" or "camkan", then a [say]
 * word and the reporter's word within VOW_GAP words of it. */
#define VOW_GAP 3
static int
vowed_after(const struct ctx *cx, size_t i)
{
  size_t k, m, n = cx->nm->n;
  int said;

  for (k = i + 1; k < n && !starts_sentence(cx, k); k++) {
    if (!word_text_is(cx, k, "ingat") && !word_text_is(cx, k, "camkan"))
      continue;
    said = 0;
    for (m = k + 1; m < n && m <= k + VOW_GAP && !starts_clause(cx, m); m++) {
      said |= word_is(cx, WC_SAY, m);
      if (said && word_is(cx, WC_SELF, m))
        return 1;
    }
  }
  return 0;
}

/* "Pegawai yang ... itu sebentar lagi": "sebentar" at word k right after
 * a noun phrase of a person or office (np_head) closed by a link word or
 * "yang": a death soon foretold of someone. */
static int
soon_of(const struct ctx *cx, size_t k)
{
  size_t c;

  if (k == 0 || !word_text_is(cx, k, "sebentar") || starts_clause(cx, k))
    return 0;
  if (np_head(cx, k - 1, word_is(cx, WC_LINK, k - 1)))
    return 1;
  /* "Kepala gudang Bulog Maumere sebentar lagi": not closed, the phrase
   * opening its clause with an office word that is no building, and no
   * one speaking or spoken of in it. */
  c = clause_start(cx, k);
  if (k - c > NP_MAX || !word_is(cx, WC_PERSON, c) ||
      word_is(cx, WC_TARGET, c) || word_is(cx, WC_THEY, c) ||
      word_text_is(cx, c, "dia"))
    return 0;
  for (; c < k; c++)
    if (word_is(cx, WC_SAY, c) || word_is(cx, WC_SELF, c) ||
        word_is(cx, WC_YOU, c) || word_text_is(cx, c, "yang") ||
        word_text_is(cx, c, "yg"))
      return 0;
  return 1;
}

/* Is "tinggal nama" at word i foretold of an official ("... sebentar
 * lagi tinggal nama", soon_of), with no reason given in its sentence
 * ("karena kanker" is a prognosis)? */
static int
soon_dead(const struct ctx *cx, size_t i)
{
  return i >= 2 && !starts_clause(cx, i - 1) &&
         (word_text_is(cx, i - 1, "lagi") || word_text_is(cx, i - 1, "lg")) &&
         soon_of(cx, i - 2) && !in_sentence(cx, WC_BECAUSE, i);
}

/* "dia tinggal nama", "bupati itu tinggal nama", "pulang tinggal nama":
 * "tinggal nama" at word i said of a person ("dia", "mereka", "kau" or a
 * person who is no office or building, modal and link words between:
 * "bupati itu") or of someone coming home so ("pulang"), or foretold of
 * an official (soon_of). */
static int dead_subject(const struct ctx *cx, size_t i);

static int
named_dead(const struct ctx *cx, size_t i)
{
  if (i == 0 || starts_clause(cx, i) || !word_text_is(cx, i, "tinggal") ||
      !word_text_is(cx, i + 1, "nama") || starts_clause(cx, i + 1))
    return 0;
  return dead_subject(cx, i);
}

/* "saya jamin", "sy janji", "beta sumpah": the reporter's pledge ending
 * at word k (a [promise] word right after a [self] word), said between
 * a person and what is promised of them ("kades itu sy jamin tdk akan
 * hidup lama"). */
static int
pledge_at(const struct ctx *cx, size_t k)
{
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_PROMISE, k) &&
         word_is(cx, WC_SELF, k - 1);
}

/* "dibuang ke laut", "diceburkan ke sungai", "dilempar ke jurang": at
 * word i a passive verb of casting ("di" on a verb of throwing) with
 * "ke" and the sea, a river or a ravine within two words after it: a
 * person cast so is drowned or killed.  Who is cast is the caller's to
 * check ("sampah dibuang ke laut" is rubbish). */
static int
cast_away(const struct ctx *cx, size_t i)
{
  static const char *const cast[] = {"dibuang", "diceburkan", "dicemplungkan",
                                     "dilempar", "dilemparkan", "dijatuhkan",
                                     NULL};
  static const char *const deep[] = {"laut", "sungai", "kali", "jurang",
                                     "danau", "tebing", NULL};
  size_t k, n = cx->nm->n;

  if (!word_in(cx, i, cast) || i + 2 >= n || starts_clause(cx, i + 1) ||
      !word_text_is(cx, i + 1, "ke"))
    return 0;
  for (k = i + 2; k < n && k <= i + 3 && !starts_clause(cx, k); k++)
    if (word_in(cx, k, deep))
      return 1;
  return 0;
}

/* "saya pastikan dia dibuang ke laut kalau ...", "Kepala dinas itu saya
 * jamin dipukul kalau ...": at word i a passive verb of violence (or of
 * casting into the sea: cast_away), outside reported speech, in a clause
 * that holds before it the reporter's pledge (pledge_at) and a person
 * other than the reporter ("dia", "kau", an official, put before the
 * pledge or after it), with no [not] or [past] word in the clause and no
 * agent named after the verb ("oleh polisi" tells who did it): harm the
 * reporter guarantees. */
static int
pledged_harm(const struct ctx *cx, size_t i)
{
  size_t c, k;
  int pledged = 0, who = 0;

  if (cx->reported[i] || i == 0 || starts_clause(cx, i) ||
      !(prefixed(cx, WC_HARM, i, "di") || cast_away(cx, i)))
    return 0;
  if (i + 1 < cx->nm->n && !starts_clause(cx, i + 1) &&
      word_text_is(cx, i + 1, "oleh"))
    return 0;
  c = clause_start(cx, i);
  for (k = c; k < cx->nm->n && (k == c || !starts_clause(cx, k)); k++) {
    if (word_is(cx, WC_NOT, k) || word_is(cx, WC_PAST, k))
      return 0;
    if (k >= i)
      continue;
    pledged |= pledge_at(cx, k);
    who |= !word_is(cx, WC_SELF, k) &&
           (word_text_is(cx, k, "dia") || word_is(cx, WC_YOU, k) ||
            other_person(cx, k));
  }
  return pledged && who;
}

/* Is a death said softly at word i ("tinggal nama", "tidak bangun
 * lagi") said of a person: "dia", "mereka", "kau" or a person who is no
 * office or building before it, modal and link words between ("bupati
 * itu"), the reporter's pledge too ("kades itu sy jamin", pledge_at),
 * a name after the person word ("camat Amabi itu"), of someone coming
 * home so ("pulang"), or foretold of an official (soon_of, before the
 * phrase: "sebentar lagi bendahara dana BOS itu")? */
static int
dead_subject(const struct ctx *cx, size_t i)
{
  size_t k, m;
  int closed = 0;

  k = i - 1;
  while (k > 0 && !starts_clause(cx, k)) {
    if (pledge_at(cx, k) && k > 1 && !starts_clause(cx, k - 1))
      k -= 2;
    else if (word_is(cx, WC_MODAL, k) ||
             (word_is(cx, WC_LINK, k) && !word_is(cx, WC_PERSON, k))) {
      closed |= word_is(cx, WC_LINK, k);
      k--;
    } else
      break;
  }
  /* "sebentar lagi bendahara dana BOS itu": a phrase closed by a link
   * word whose head, right after "sebentar lagi", is a person who is no
   * office or building: a death soon foretold of them. */
  for (m = k; closed && m > 0 && k - m < NP_MAX && !starts_clause(cx, m) &&
              !word_is(cx, WC_SELF, m) && !word_is(cx, WC_YOU, m) &&
              !word_is(cx, WC_SAY, m);
       m--)
    if (other_person(cx, m) && !word_is(cx, WC_TARGET, m) &&
        m >= 2 && !starts_clause(cx, m - 1) &&
        (word_text_is(cx, m - 1, "lagi") || word_text_is(cx, m - 1, "lg")) &&
        word_text_is(cx, m - 2, "sebentar"))
      return 1;
  /* "camat Amabi itu": the name after the office word is theirs */
  for (m = k; m > 0 && k - m < CTX_BEFORE && !starts_clause(cx, m) &&
              (cx->nm->w[m].flags & WORD_TITLE) && !word_is(cx, WC_PERSON, m);
       m--)
    ;
  if (m < k && word_is(cx, WC_PERSON, m))
    k = m;
  if (word_text_is(cx, k, "pulang") || word_text_is(cx, k, "dia") ||
      word_is(cx, WC_THEY, k) || word_is(cx, WC_YOU, k) || soon_of(cx, k))
    return 1;
  if (!other_person(cx, k) ||
      word_is(cx, WC_TARGET, name_run(cx, k + 1, CTX_BEFORE, WORD_TITLE)))
    return 0;
  /* "koperasi desa itu": a thing named before the person words owns
   * them */
  for (m = k; m > 0 && !starts_clause(cx, m) && word_is(cx, WC_PERSON, m - 1);
       m--)
    ;
  return starts_clause(cx, m) || function_word(cx, m - 1);
}

/* "... karena saya", "gara-gara beta": after word i in its clause, a
 * [because] word (said twice or not) with the reporter's word right after
 * it ending the clause: the reporter is the cause.  "karena saya
 * laporkan" gives a reason. */
static int
caused_by_self(const struct ctx *cx, size_t i)
{
  size_t m;

  for (m = i + 1; m + 1 < cx->nm->n && !starts_clause(cx, m); m++) {
    if (!word_is(cx, WC_BECAUSE, m))
      continue;
    if (!starts_clause(cx, m + 1) && same_word(cx, m, m + 1))
      m++;
    return m + 1 < cx->nm->n && !starts_clause(cx, m + 1) &&
           word_is(cx, WC_SELF, m + 1) && ends_clause(cx, m + 1);
  }
  return 0;
}

/* "Saya pastikan dia masuk rumah sakit", "sy jamin kades itu masuk RS":
 * "masuk" at word i with a hospital right after it ("rumah sakit", "rs",
 * "rsud"), said of someone other than the reporter or theirs ("dia",
 * "kau", an official; modal and link words between), right after the
 * reporter's pledge (the reporter's word, then a [promise] word or
 * "pastikan"), or foretold (an [intent] or [will] word before it) with
 * the reporter as its cause (caused_by_self: "karena saya"), with no
 * [past] word in the clause and no other reason in the sentence
 * ("karena demam" is care given): harm promised by its result. */
static int
hospital_pledged(const struct ctx *cx, size_t i)
{
  static const char *const hospital[] = {"rs", "rsud", NULL};
  static const char *const ensure[] = {"pastikan", "memastikan", NULL};
  size_t k, m, n = cx->nm->n, c;
  int mine;

  if (!word_text_is(cx, i, "masuk") || i + 1 >= n || starts_clause(cx, i + 1))
    return 0;
  if (!word_in(cx, i + 1, hospital) &&
      !(word_text_is(cx, i + 1, "rumah") && i + 2 < n &&
        !starts_clause(cx, i + 2) && word_text_is(cx, i + 2, "sakit")))
    return 0;
  c = clause_start(cx, i);
  for (k = c; k < i; k++)
    if (word_is(cx, WC_PAST, k))
      return 0;
  mine = caused_by_self(cx, i);
  if (!mine && in_sentence(cx, WC_BECAUSE, i))
    return 0;
  k = i - 1;
  while (k > c && (word_is(cx, WC_MODAL, k) ||
                   (word_is(cx, WC_LINK, k) && !word_is(cx, WC_PERSON, k))))
    k--;
  /* "kepala sekolah itu", "sekretaris camat Wewewa Barat itu" */
  m = name_run(cx, k + 1, CTX_BEFORE, WORD_TITLE | WORD_CAPS);
  if (m <= k)
    k = m;
  while (k < i && (cx->nm->w[k].flags & (WORD_TITLE | WORD_CAPS)) &&
         !word_is(cx, WC_PERSON, k))
    k++;   /* a name before the office: "Pak Yosef", the office after */
  if (word_is(cx, WC_SELF, k) ||
      !(word_text_is(cx, k, "dia") || word_is(cx, WC_THEY, k) ||
        word_is(cx, WC_YOU, k) || other_person(cx, k)))
    return 0;
  /* "... itu akan masuk rumah sakit karena saya": foretold, the
   * reporter the cause */
  if (mine)
    for (m = c; m < i; m++)
      if (word_is(cx, WC_INTENT, m) || word_is(cx, WC_WILL, m))
        return 1;
  return k >= c + 2 &&
         (word_is(cx, WC_PROMISE, k - 1) || word_in(cx, k - 1, ensure)) &&
         word_is(cx, WC_SELF, k - 2);
}

/* A death said softly at word i, its last word put in *e:
 * - a [not] word, a [will] or [can] word or not, then "bangun" and
 *   "lagi"/"lai"/"lg" (will not wake again), or after a [can] word a
 *   faculty lost ("tdk bisa jalan lg": crippled), "hidup lama" (will not live
 *   long), or "lewat" and a time ("sonde akan lewat tahun baru": will not
 *   live to see it);
 * - the grave as a destination: "ke" or "masuk" and a [grave] word that
 *   ends its clause ("pindahkan dia ke kuburan", "masuk liang lahat";
 *   "ke kuburan bapaknya" is a grave visited), or a passive of burying
 *   ("dikubur").
 * Who and when are the callers' to check. */
static int
never_wakes(const struct ctx *cx, size_t i, size_t *e)
{
  static const char *const again[] = {"lagi", "lai", "lg", NULL};
  static const char *const when[] = {"tahun", "thn", "bulan", "bln",
                                     "minggu", "mgg", "natal", "paskah",
                                     "lebaran", "hari", NULL};
  static const char *const limb[] = {"jalan", "berjalan", "berdiri",
                                     "bicara", "melihat", "lihat", NULL};
  size_t k = i + 1, n = cx->nm->n;
  int can;

  if (buried(cx, i)) {
    *e = i;
    return 1;
  }
  if ((word_text_is(cx, i, "ke") || word_text_is(cx, i, "masuk") ||
       word_text_is(cx, i, "di")) &&
      k < n && !starts_clause(cx, k) && word_is(cx, WC_GRAVE, k)) {
    if (k + 1 < n && word_text_is(cx, k + 1, "lahat") &&
        !starts_clause(cx, k + 1))
      k++;
    *e = k;
    return k + 1 >= n || starts_clause(cx, k + 1);
  }
  if (!word_is(cx, WC_NOT, i) || k >= n || starts_clause(cx, k))
    return 0;
  can = word_is(cx, WC_CAN, k);
  if (word_is(cx, WC_WILL, k) || can)
    k++;
  if (k + 1 >= n || starts_clause(cx, k) || starts_clause(cx, k + 1))
    return 0;
  *e = k + 1;
  return ((word_text_is(cx, k, "bangun") || (can && word_in(cx, k, limb))) &&
          word_in(cx, k + 1, again)) ||
         (word_text_is(cx, k, "hidup") && word_text_is(cx, k + 1, "lama")) ||
         (word_text_is(cx, k, "lewat") && word_in(cx, k + 1, when));
}

/* Does a time to come stand in the clause of word i, before it or in
 * the words of the death itself (up to word e): an [intent] or [will]
 * word ("besok", "nanti", "pasti", "akan"), or a part of the day or a
 * week with "ini", "depan" or a day's name after it ("malam ini",
 * "minggu depan", "malam Minggu")? */
static int
time_to_come(const struct ctx *cx, size_t i, size_t e)
{
  static const char *const part[] = {"malam", "mlm", "pagi", "siang",
                                     "sore", "minggu", "mgg", "bulan",
                                     "bln", "hari", NULL};
  static const char *const next[] = {"ini", "ni", "depan", "dpn", "senin",
                                     "selasa", "rabu", "kamis", "jumat",
                                     "sabtu", "minggu", NULL};
  size_t k;

  for (k = clause_start(cx, i); k <= e && k < cx->nm->n; k++) {
    if (word_is(cx, WC_INTENT, k) || word_is(cx, WC_WILL, k))
      return 1;
    if (word_in(cx, k, part) && k + 1 < cx->nm->n &&
        !starts_clause(cx, k + 1) && word_in(cx, k + 1, next))
      return 1;
  }
  return 0;
}

/* "Jangan kaget kalau ...", "jangan heran kalau ...": in the clause of
 * word i, before it, a [deny] word, a word of surprise right after it
 * and an [if] word right after that: what follows is told as a warning
 * ("don't be surprised if"). */
static int
unsurprised(const struct ctx *cx, size_t i)
{
  static const char *const surprise[] = {"kaget", "heran", "terkejut",
                                         NULL};
  size_t k;

  for (k = clause_start(cx, i); k + 3 <= i; k++)
    if (word_is(cx, WC_DENY, k) && word_in(cx, k + 1, surprise) &&
        word_is(cx, WC_IF, k + 2) && !starts_clause(cx, k + 1) &&
        !starts_clause(cx, k + 2))
      return 1;
  return 0;
}

/* "Malam Minggu dia sonde bangun lai" after "botong sendiri yang urus
 * dia", "minggu depan dia tidak akan bangun lagi", "sebelum kami
 * pindahkan dia ke kuburan": a death said softly (never_wakes) of a
 * person (dead_subject), with a time to come in its clause (time_to_come)
 * and no [past] word, the reporter named in its sentence or the one
 * before outside reported speech, in a message relayed to an official
 * (relayed_to), on a condition earlier in the sentence with the
 * official named in it or opening the sentence, or on one told not to
 * surprise (unsurprised: "Jangan kaget kalau besok pagi dia ...") with
 * no reason in the sentence.  "sudah" after a time to
 * come ("minggu depan dia sudah di kuburan") is no past.  A
 * death told ("tidak bangun lagi setelah disuntik", "sudah tidak bangun
 * lagi") or given its reason ("karena demamnya tinggi") is none. */
static int
wakes_no_more(const struct ctx *cx, size_t i)
{
  size_t k, s, e;

  static const char *const done[] = {"sudah", "sdh", "su", "udah", "udh",
                                     "telah", NULL};
  size_t c;

  if (i == 0 || starts_clause(cx, i) || !never_wakes(cx, i, &e) ||
      !dead_subject(cx, i) || !time_to_come(cx, i, e))
    return 0;
  c = clause_start(cx, i);
  /* "minggu depan dia sudah di kuburan": done by a time to come */
  for (k = c; k < i; k++)
    if (word_is(cx, WC_PAST, k) &&
        !(k > c && word_in(cx, k, done) && time_to_come(cx, k, k - 1)))
      return 0;
  if (relayed_to(cx, i))
    return 1;
  if (!cx->reported[i] && unsurprised(cx, i) && !in_sentence(cx, WC_BECAUSE, i))
    return 1;
  /* "Kepala UPT itu, kalau masih ..., minggu depan dia sudah di
   * kuburan": on a condition, the official named before it */
  s = sentence_start(cx, i);
  if (!cx->reported[i] && class_before(cx, WC_IF, c, cx->nm->n) &&
      (if_person_before(cx, i) || other_person(cx, s)))
    return 1;
  s = sentence_start(cx, i);
  if (s > 0)
    s = sentence_start(cx, s - 1);
  for (k = s; k < cx->nm->n && (k <= i || !starts_sentence(cx, k)); k++)
    if (word_is(cx, WC_SELF, k) && !cx->reported[k])
      return 1;
  return 0;
}

/* "Kalau saya ketemu lurah itu, besoknya dia tinggal nama saja", "...
 * kembalikan uang kami atau pulang tinggal nama": "tinggal nama" (only
 * a name left: dead) at word i, said of a person ("dia", "mereka", "kau"
 * or a person who is no office or building, modal words between) or of
 * someone coming home so ("pulang"), with no [past] word in its clause,
 * on a condition earlier in the sentence or as the other half of an
 * ultimatum ("atau" before it in its clause), or foretold of an
 * official ("... itu sebentar lagi", soon_of) or anyone with the
 * reporter's vow after it (vowed_after).  "koperasi itu tinggal
 * nama" or "kantor desa tinggal nama" are things that exist no more. */
static int
name_left(const struct ctx *cx, size_t i)
{
  size_t k, c;
  int either = 0;

  if (!named_dead(cx, i))
    return 0;
  c = clause_start(cx, i);
  for (k = c; k < i; k++) {
    if (word_is(cx, WC_PAST, k))
      return 0;
    either |= word_text_is(cx, k, "atau");
  }
  return either || class_before(cx, WC_IF, c, cx->nm->n) ||
         vowed_after(cx, i) || soon_dead(cx, i);
}

/* "patah kakinya", "tangannya patah": a word of breaking at word k with
 * someone's body part ([target], with "-nya") right after it or right
 * before it in its clause: an injury.  "jembatan ... patah" is none. */
static int
limb_broken(const struct ctx *cx, size_t k)
{
  static const char *const broken[] = {"patah", "remuk", "pecah", "putus",
                                       "retak", NULL};
  size_t n = cx->nm->n;

  if (!word_in(cx, k, broken))
    return 0;
  if (k + 1 < n && !starts_clause(cx, k + 1) && word_is(cx, WC_TARGET, k + 1) &&
      owned_nya(cx, k + 1))
    return 1;
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_TARGET, k - 1) &&
         owned_nya(cx, k - 1);
}

/* "Tim desa kami hajar tim kecamatan 3-0": the object of the verb of
 * violence at word i (object_at) is a team ("tim", "kesebelasan",
 * "klub", "regu") and its sentence names a [game] (a match, a sport, a
 * score word), or the text does when a team is the verb's subject too:
 * a result, not harm. */
static int
game_played(const struct ctx *cx, size_t i)
{
  static const char *const side[] = {"tim", "kesebelasan", "klub", "regu",
                                     NULL};
  static const char *const campaign[] = {"sukses", "pemenangan", "kampanye",
                                         NULL};
  size_t k, o = object_at(cx, i), from;
  int versus = 0;

  if (o >= cx->nm->n || !word_in(cx, o, side) ||
      (o + 1 < cx->nm->n && word_in(cx, o + 1, campaign)))
    return 0;     /* "tim sukses": a campaign's team, no sport's */
  /* A team doing it to a team ("dulu tim kami membantai tim kecamatan
   * 5-0"): a game named anywhere in the text will do. */
  for (k = i; k > 0 && !starts_clause(cx, k) && !versus; k--)
    versus = word_in(cx, k - 1, side);
  from = versus ? 0 : sentence_start(cx, i);
  for (k = from; k < cx->nm->n; k++) {
    if (!versus && k > i && starts_sentence(cx, k))
      break;
    if (word_is(cx, WC_GAME, k))
      return 1;
  }
  return 0;
}

/* "Lurah itu harus mati", "pejabat itu pantas dibunuh", "harus
 * dibakar kantor itu": a [must] word at i with a death or a passive verb
 * of violence right after it, said of a person, office or building
 * (not the reporter's): the subject opening its clause, or the target
 * after the verb when nothing stands before it.  Rubbish, a field or
 * pests that must be burnt or killed ("sampah di pasar harus dibakar"),
 * and a question that opens the clause ("apa pasien harus mati dulu
 * baru dilayani?") are none. */
static int
must_harm(const struct ctx *cx, size_t i)
{
  size_t c;

  if (!word_is(cx, WC_MUST, i) || i + 1 >= cx->nm->n ||
      starts_sentence(cx, i + 1) ||
      !(word_is(cx, WC_OUTCOME, i + 1) || prefixed(cx, WC_HARM, i + 1, "di")))
    return 0;
  c = clause_subject(cx, i);
  if (c == i)
    return has_target(cx, i + 1);
  return someone_at(cx, c) &&
         !word_is(cx, WC_SELF, c);
}

/* "Senjata api milik Polsek yang hilang ...": a weapon's name at word i
 * that is no verb of violence too ("bom" is), with no person right
 * after it ("tombak dia!"): opening a clause it names a thing the
 * story tells of, not an order to use it. */
static int
named_weapon(const struct ctx *cx, size_t i)
{
  return word_is(cx, WC_WEAPON, i) && !word_is(cx, WC_HARM, i) &&
         !(i + 1 < cx->nm->n && !starts_clause(cx, i + 1) &&
           (word_is(cx, WC_PERSON, i + 1) || word_is(cx, WC_YOU, i + 1)));
}

/* Is word k the one addressed: a [you] word, or "kamu" written SMS-style
 * ("km", "kmu"), not a distance or a ship ("5 km", "KM Sirimau")? */
static int
addressee(const struct ctx *cx, size_t k)
{
  const struct word *w = &cx->nm->w[k];

  if (word_is(cx, WC_YOU, k))
    return 1;
  if (w->flags & WORD_CAPS)
    return 0;
  if (k > 0 && is_digit(cx->nm->text[cx->nm->w[k - 1].off]))
    return 0;
  return word_text_is(cx, k, "km") ||
         sms_form(cx, &cx->q->cls[WC_YOU], k);
}

/* "Ko pi mati sa!", "km lapor, km mati", "kau pantas mati": a death
 * ([outcome] and [befall]: mati, mampus, celaka) at word i ending its
 * clause (intensifiers aside), wished on the one addressed, who opens
 * the clause right before it or one word of going ("pi", "pergi") or
 * [must] before it.  The mirror of "mati sa lu" (an [outcome] before
 * [you]), and refused as it is; reported, the official's words are
 * flagged (found).  "Kalau kau mati, ..." is a question of what if. */
static int
death_wished(const struct ctx *cx, size_t i)
{
  static const char *const go[] = {"pi", "pigi", "pergi", NULL};
  size_t a, b, e;
  int plain;

  if (i == 0 || starts_clause(cx, i) || !word_is(cx, WC_OUTCOME, i) ||
      !word_is(cx, WC_BEFALL, i))
    return 0;
  /* "lu mati sa di rumah": a place after the wish, "sa" before it */
  e = skip_intensifiers(cx, i);
  plain = ends_clause(cx, e);
  if (!plain && !(e > i && word_text_is(cx, e + 1, "di") &&
                  (ends_clause(cx, e + 2) || ends_clause(cx, e + 3))))
    return 0;
  a = i - 1;
  if (a > 0 && !starts_clause(cx, a) &&
      (word_in(cx, a, go) || word_is(cx, WC_MUST, a)))
    a--;
  if (starts_clause(cx, a) && addressee(cx, a))
    return 1;
  /* "lu orang miskin mati sa": the one addressed, then "orang" and at
   * most two words of what they are called, "sa" after the wish. */
  if (e == i)
    return 0;
  for (b = a; b + 3 > a && b > 0 && !starts_clause(cx, b + 1); b--)
    if (starts_clause(cx, b - 1) && addressee(cx, b - 1) &&
        word_text_is(cx, b, "orang"))
      return b + 1 == i || !word_is(cx, WC_MODAL, i - 1);
  return 0;
}

/* "saya akan memukulnya", "dong siap memukulinya", "... mencegat
 * pegawai itu dan menghajarnya": the verb of violence at word i with
 * "-nya", the one it is done to.  That is a person unless the nearest
 * thing or person named before it in the text is a harmless thing
 * ("kami kumpulkan sampah lalu membakarnya"); the reporter is never the
 * one meant, nor a place named ("di belakang kantor": place_phrase).
 * Weapons and [strict] verbs, whose "-nya" is a thing
 * ("parangnya", "melemparnya"), and a verb opening its clause
 * ("racunnya saya beli"), a noun there, are none. */
/* Is the person or building at word k in a phrase of place ("di
 * belakang kantor", "ke rumah camat"): a word of place before it in its
 * clause, with only person, building and side words between? */
#define PLACE_GAP 3
static int
place_phrase(const struct ctx *cx, size_t k)
{
  static const char *const at[] = {"di", "ke", "dari", "dekat", NULL};
  static const char *const side[] = {"belakang", "depan", "samping",
                                     "sebelah", "dalam", "luar", NULL};
  size_t m;

  for (m = k; m > 0 && k - m < PLACE_GAP && !starts_clause(cx, m); m--) {
    if (word_in(cx, m - 1, at))
      return 1;
    if (!word_in(cx, m - 1, side) && !word_is(cx, WC_TARGET, m - 1) &&
        !word_is(cx, WC_PERSON, m - 1))
      return 0;
  }
  return 0;
}

static int
object_nya(const struct ctx *cx, size_t i)
{
  size_t k;

  if (!owned_nya(cx, i) || word_is(cx, WC_WEAPON, i) ||
      word_is(cx, WC_STRICT, i) || starts_clause(cx, i))
    return 0;
  for (k = i; k > 0; k--) {
    if (word_is(cx, WC_SELF, k - 1))
      continue;
    if (harmless_at(cx, k - 1))
      return 0;
    if ((word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_TARGET, k - 1)) &&
        !place_phrase(cx, k - 1))
      return 1;
  }
  return 1;
}

/* "Parang saya sudah tajam, sekali tebas kepala desa itu", "Kope beta su
 * tajam, tinggal potong ...": the verb of violence at word i opens its
 * clause but for modal and intensifying words (no subject of its own),
 * and an earlier clause of its sentence opens with a weapon the reporter
 * has (owned_weapon): its owner wields it. */
static int
wielded(const struct ctx *cx, size_t i)
{
  size_t c = clause_start(cx, i), k;

  if (c == sentence_start(cx, i) || active_form(cx, i))
    return 0;
  for (k = c; k < i; k++)
    if (!word_is(cx, WC_MODAL, k) && !word_is(cx, WC_INTENS, k))
      return 0;
  for (k = sentence_start(cx, i); k < c; k++)
    if (starts_clause(cx, k) && owned_weapon(cx, k))
      return 1;
  return 0;
}

/* "saya tahu anaknya pulang lewat jalan sepi", "kami tahu istri kades
 * itu berangkat ke pasar": in the text before word i, the reporter's
 * word right before "tahu"/"tau" (modal words between), then [kin] words
 * owned by someone else ("-nya", or a person named right after them:
 * other_person), then within KIN_WAY words a way they go ("pulang",
 * "lewat", "berangkat", "jalan"): the reporter watching an official's
 * family. */
#define KIN_WAY 4
static int
kin_watched(const struct ctx *cx, size_t i)
{
  static const char *const know[] = {"tahu", "tau", "tw", NULL};
  static const char *const way[] = {"pulang", "lewat", "lwt", "berangkat",
                                    "jalan", NULL};
  size_t k, m, j;

  for (k = 1; k + 1 < i; k++) {
    if (!word_in(cx, k, know) || cx->reported[k])
      continue;
    for (m = k; m > 0 && !starts_clause(cx, m) && word_is(cx, WC_MODAL, m - 1);
         m--)
      ;
    if (m == 0 || starts_clause(cx, m) || !word_is(cx, WC_SELF, m - 1) ||
        starts_clause(cx, k + 1) || !word_is(cx, WC_KIN, k + 1))
      continue;
    j = k + 1;
    if (!owned_nya(cx, j) && !other_person(cx, j + 1))
      continue;
    for (m = j + 1; m < i && m <= j + KIN_WAY && !starts_clause(cx, m); m++)
      if (word_in(cx, m, way))
        return 1;
  }
  return 0;
}

/* "... saya tahu anaknya pulang lewat jalan sepi. Hati-hati saja dia.":
 * a [warn] word opening its clause at word i (said twice or not), then
 * only intensifiers and a person ("dia", an official) closing it, after
 * the reporter has told they watch that person's family (kin_watched). */
static int
watched_warned(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, n = cx->nm->n;

  if (!word_is(cx, WC_WARN, i) || !starts_clause(cx, i) || cx->reported[i])
    return 0;
  if (k < n && !starts_clause(cx, k) && same_word(cx, i, k))
    k++;
  while (k < n && !starts_clause(cx, k) && word_is(cx, WC_INTENS, k))
    k++;
  if (k >= n || starts_clause(cx, k) || !other_person(cx, k) ||
      !ends_clause(cx, k))
    return 0;
  return kin_watched(cx, i);
}

/* "Satu kali lagi kepala desa injak harga diri kami, ...", "Sekali lagi
 * camat itu tipu kami, ...": an earlier clause of the sentence of word i
 * opens with "sekali lagi" or "satu kali lagi" and a person other than
 * the reporter right after it: one more time they do it, a condition on
 * them.  "Sekali lagi saya tegaskan" repeats the reporter's words. */
static int
once_more(const struct ctx *cx, size_t i)
{
  size_t k, m, c = clause_start(cx, i);

  for (k = sentence_start(cx, i); k < c; k++) {
    if (!starts_clause(cx, k))
      continue;
    m = k;
    if (word_text_is(cx, m, "satu") && m + 1 < c &&
        !starts_clause(cx, m + 1))
      m++;
    if (!(word_text_is(cx, m, "sekali") ||
          (m > k && word_text_is(cx, m, "kali"))) ||
        m + 2 >= c || starts_clause(cx, m + 1) || starts_clause(cx, m + 2) ||
        !(word_text_is(cx, m + 1, "lagi") || word_text_is(cx, m + 1, "lg")))
      continue;
    if (other_person(cx, m + 2) && !word_is(cx, WC_SELF, m + 2))
      return 1;
  }
  return 0;
}

/* "besok kau mati", "ko mati malam ini": an outcome at word i right
 * after a "you" word, and in its clause only words of a day besides
 * ("besok", "nanti", "malam ini"), one of them at least: a death told
 * to the one addressed, with its day.  "kalau kau mati besok" is a
 * condition. */
static int
you_doomed(const struct ctx *cx, size_t i)
{
  static const char *const day[] = {"besok", "bsk", "nanti", "lusa",
                                    "malam", "hari", "sekarang", "skrg",
                                    "ini", "juga", NULL};
  size_t k, c, e;
  int dated = 0;

  if (i == 0 || starts_clause(cx, i) || !word_is(cx, WC_OUTCOME, i) ||
      !word_is(cx, WC_YOU, i - 1))
    return 0;
  c = clause_start(cx, i);
  e = skip_intensifiers(cx, i);
  while (!ends_clause(cx, e) && word_in(cx, e + 1, day))
    e++;
  if (!ends_clause(cx, e))
    return 0;
  for (k = c; k <= e; k++) {
    if (k == i - 1 || k == i || word_is(cx, WC_INTENS, k))
      continue;
    if (!word_in(cx, k, day))
      return 0;
    dated |= !word_text_is(cx, k, "ini") && !word_text_is(cx, k, "juga");
  }
  return dated;
}

/* "Masyarakat sudah siap mengeroyok ketua panitia itu ..., dan saya yang
 * akan pimpin", "warga akan serbu kantor camat, dipimpin oleh saya": a
 * verb of leading later in the sentence of word i with the reporter as
 * its agent (the reporter's word first in its clause, "dan" before it or
 * not, only "yang" and
 * modal, [will] and intensifying words between) and no object of its own
 * ("pimpin rapat" leads something else), or "dipimpin" ("oleh" or not)
 * with the reporter's word after it: the reporter leads the crowd's
 * violence and answers for it. */
static int
led_by_self(const struct ctx *cx, size_t i)
{
  static const char *const lead[] = {"pimpin", "memimpin", "komandoi",
                                     "mengomandoi", "pimpim", NULL};
  size_t k, m, c, n = cx->nm->n;

  for (k = i + 1; k < n && !starts_sentence(cx, k); k++) {
    if (cx->reported[k])
      continue;
    if (word_text_is(cx, k, "dipimpin")) {
      m = k + 1;
      if (m < n && !starts_clause(cx, m) && word_text_is(cx, m, "oleh"))
        m++;
      if (m < n && !starts_clause(cx, m) && word_is(cx, WC_SELF, m))
        return 1;
      continue;
    }
    if (!word_in(cx, k, lead) || !ends_clause(cx, skip_intensifiers(cx, k)))
      continue;
    c = clause_start(cx, k);
    if (c + 1 < k &&
        (word_text_is(cx, c, "dan") || word_text_is(cx, c, "deng")))
      c++;
    if (c <= i || !word_is(cx, WC_SELF, c))
      continue;
    for (m = c + 1; m < k; m++)
      if (!word_text_is(cx, m, "yang") && !word_is(cx, WC_MODAL, m) &&
          !word_is(cx, WC_WILL, m) && !word_is(cx, WC_INTENS, m))
        break;
    if (m == k)
      return 1;
  }
  return 0;
}

/* Threats at word i: the reporter's own violence against a person, office
 * or building (named after the verb or put first), or to death; a call to
 * it; "tunggu saja ... mati"; "awas kau"; "mati kau"; "harus mati"; "mati
 * di tangan saya"; "kasih dia pelajaran" (lesson_at).  A
 * verb of violence in reported speech marks the text, and so does a
 * passive one after a verb of threatening ("diancam akan dibunuh") or a
 * [will] word earlier in its sentence ("dia bilang kami akan diusir dan
 * rumah kami dibakar"). */
void
judge_threat(struct ctx *cx, size_t i)
{
  size_t k, o, e;
  int self, harm = harm_word(cx, i, &self);
  int start = (starts_clause(cx, i) && !active_form(cx, i) &&
               !named_weapon(cx, i)) ||
              (i > 0 && word_is(cx, WC_VOCATIVE, i - 1));
  int agent;

  if (death_wished(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  if (harm && game_played(cx, i))
    return;
  /* "petugas bilang harus tembak foto ulang": violence to a harmless
   * thing (harmless_object) is no threat, reported or not. */
  o = harm ? object_at(cx, i) : cx->nm->n;
  if (cx->reported[i] &&
      ((harm && (o >= cx->nm->n || !harmless_object(cx, o))) ||
       (prefixed(cx, WC_HARM, i, "di") &&
        (class_before(cx, WC_THREATEN, i, CTX_BEFORE) ||
         class_before(cx, WC_WILL, i, cx->nm->n)))))
    cx->j->marks |= QUALITY_MARK_QUOTED;
  agent = harm && (self || self_agent(cx, i) || remote_agent(cx, i) ||
                   signalled(cx, i) || led_by_self(cx, i) ||
                   (!active_form(cx, i) && armed_for(cx, i)) ||
                   (!word_is(cx, WC_WEAPON, i) && wielded(cx, i)));
  if (harm && (agent || start) &&
      (has_target(cx, i) || (start && word_is(cx, WC_INTENS, i + 1) &&
                             has_target(cx, i + 1))))
    found(cx, i, QUALITY_THREAT, "threat");
  if (agent && !word_is(cx, WC_WEAPON, i) &&
      (outcome_after(cx, i) || fronted_target(cx, i) ||
       elided_target(cx, i) || object_nya(cx, i)))
    found(cx, i, QUALITY_THREAT, "threat");
  if ((harm || word_is(cx, WC_FUEL, i)) && fronted_weapon(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  if (intended_harm(cx, i) || poison_served(cx, i) || advised_harm(cx, i) ||
      relayed_harm(cx, i) || reserved_for(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  /* A lesson the reporter gives someone: a beating promised. */
  k = lesson_at(cx, i);
  if (k > i && self_agent(cx, i) && (k > i + 1 || has_target(cx, k)))
    found(cx, i, QUALITY_THREAT, "threat");
  k = skip_intensifiers(cx, i) + 1;
  if ((word_is(cx, WC_WARN, i) || word_is(cx, WC_OUTCOME, i)) &&
      k < cx->nm->n && !starts_sentence(cx, k) && word_is(cx, WC_YOU, k))
    found(cx, i, QUALITY_THREAT, "threat");
  if (must_harm(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  if (veiled_warning(cx, i) || know_where(cx, i) || blame_frame(cx, i) ||
      passive_ultimatum(cx, i) || sent_for_harm(cx, i) ||
      by_own_hand(cx, i) ||
      (blood_spilt(cx, i, 1) && in_sentence(cx, WC_IF, i)) ||
      (blood_spilt(cx, i, 0) && once_more(cx, i)) ||
      doom_promised(cx, i) || death_if_you(cx, i) ||
      blood_deadline(cx, i) || promise_tag(cx, i) ||
      unsafe_warned(cx, i) || none_alive(cx, i) || home_known(cx, i) ||
      blood_for_blood(cx, i) || days_numbered(cx, i) ||
      ruin_promised(cx, i) || doom_signalled(cx, i) || feel_it(cx, i) ||
      readied_ruin(cx, i) ||
      kin_doomed(cx, i) || death_asked(cx, i) || life_in_hand(cx, i) ||
      watched_warned(cx, i) ||
      no_future(cx, i) || asking_for_it(cx, i) || name_left(cx, i) ||
      hospital_pledged(cx, i) || thrown_at(cx, i) || pledged_harm(cx, i) ||
      wakes_no_more(cx, i) || you_doomed(cx, i) ||
      blood_shed(cx, i) || fate_at(cx, i) || armed_wait(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  /* "tunggu saja" opens a clause or is said to someone ("lu tunggu
   * sa", "kades itu tunggu saja", "Pak Kadis tunggu saja"; SMS "tggu
   * aja"), with a death, violence (SMS "bkr" too), ruin ("jadi abu",
   * ruin_of), the grave ("masuk kubur", "pulang dalam peti", "akan
   * dikubur": buried), a name left ("bupati itu tinggal nama":
   * named_dead), a death said softly of someone ("camat itu sonde akan
   * lewat tahun baru", never_wakes) or a broken limb ("patah kakinya",
   * limb_broken)
   * after it; "disuruh tunggu saja" is the reporter being put off. */
  if (word_is(cx, WC_WAIT, i) && word_is(cx, WC_INTENS, i + 1) &&
      (starts_clause(cx, i) || word_is(cx, WC_YOU, i - 1) ||
       word_is(cx, WC_VOCATIVE, i - 1) || official_subject(cx, i) ||
       titled_subject(cx, i)))
    for (k = i + 2; k < cx->nm->n && !starts_sentence(cx, k); k++)
      if (word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_HARM, k) ||
          sms_harm(cx, k) ||
          ruin_of(cx, k) || home_dead(cx, k) || named_dead(cx, k) ||
          (never_wakes(cx, k, &e) && k > 0 && dead_subject(cx, k)) ||
          word_is(cx, WC_GRAVE, k) ||
          buried(cx, k) || limb_broken(cx, k))
        found(cx, i, QUALITY_THREAT, "threat");
}
