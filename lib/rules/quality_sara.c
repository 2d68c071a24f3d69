/*
 * quality_sara.c: rule 3's SARA (see quality_int.h): a group named by
 * ethnicity, religion, race or origin with a call to expel it, or with
 * a derogation or a crime said of the whole group.
 */

#include "rules/quality_int.h"

#include <stddef.h>
#include <string.h>

/*
 * SARA in the sentence that starts at word a (ending before b): a group
 * named by ethnicity, religion, race or origin (after "orang", "suku",
 * ..., with "semua", or right after a verb of expelling: "usir
 * pendatang") with a call to expel it, or with a derogation or
 * crime said of the whole group ("semua", "memang", or right after it).
 */
/* Is word k of class c (a derogation, a verb of giving), or one of its
 * words written SMS-style without vowels ("pnipu", "pmalas", "prampok",
 * "trima": sms_form)?  word_is reads only the classes of a threat so. */
static int
sms_word_is(const struct ctx *cx, enum word_class c, size_t k)
{
  return word_is(cx, c, k) ||
         (k < cx->nm->n && sms_form(cx, &cx->q->cls[c], k));
}

/* Is word k a passive verb, di- and a stem ("dituduh", "dirampok")? */
static int
passive(const struct ctx *cx, size_t k)
{
  const char *t = cx->nm->text + cx->nm->w[k].off;

  return cx->nm->w[k].len > 4 && t[0] == 'd' && t[1] == 'i';
}

/* "Kepala desa orang Rote korupsi ...", "Pak Yohanis orang Alor ...":
 * is the group word at g, after a [grouphead] word, the origin of one
 * person or official named right before it, from the start of its clause
 * by person words and names only (not "dong", "kami", "semua")? */
static int
apposed(const struct ctx *cx, size_t g)
{
  size_t c, m;

  if (g < 2 || starts_clause(cx, g) || starts_clause(cx, g - 1) ||
      !word_is(cx, WC_GROUPHEAD, g - 1))
    return 0;
  c = clause_start(cx, g);
  if (c + 2 > g || !word_is(cx, WC_PERSON, c) || word_is(cx, WC_THEY, c) ||
      word_is(cx, WC_GROUPHEAD, c))
    return 0;
  for (m = c; m + 1 < g; m++)
    if (word_is(cx, WC_THEY, m) || word_is(cx, WC_SELF, m) ||
        word_is(cx, WC_GENERAL, m) || word_is(cx, WC_GROUP, m) ||
        !(word_is(cx, WC_PERSON, m) || (cx->nm->w[m].flags & WORD_TITLE)))
      return 0;
  return 1;
}

/* "Pegawai keturunan Cina di Samsat semua ...": a word that counts all
 * ("semua") after the group word at g in its clause. */
static int
counted_all(const struct ctx *cx, size_t g)
{
  static const char *const all[] = {"semua", "semuanya", "smua", "smuanya",
                                    "kebanyakan", NULL};
  size_t m;

  for (m = g + 1; m < cx->nm->n && !starts_clause(cx, m); m++)
    if (word_in(cx, m, all))
      return 1;
  return 0;
}

/* Is the group word at g followed by where it comes from, "dari" and a
 * name or another group ("pendatang dari Sulawesi", "Islam dari Jawa")? */
static int
from_origin(const struct ctx *cx, size_t g)
{
  size_t n = cx->nm->n;

  return g + 2 < n && !starts_clause(cx, g + 1) &&
         !starts_clause(cx, g + 2) && word_text_is(cx, g + 1, "dari") &&
         ((cx->nm->w[g + 2].flags & WORD_TITLE) ||
          word_is(cx, WC_GROUP, g + 2));
}

/* "Anggota DPRD dapil Sikka semua ...", "Pegawai Dukcapil Ende semua
 * ...": is the group word at g part of the name of an office, its clause
 * opened by a person or office word (not a [grouphead] or [they] word;
 * a [role] only if it is staff of an office too: "pegawai", "guru") at
 * most CTX_BEFORE words before it?  The place of the office,
 * not a people; "semua" after it counts the office's members. */
static int
office_place(const struct ctx *cx, size_t g)
{
  size_t c = clause_start(cx, g);

  return c < g && g - c <= CTX_BEFORE && word_is(cx, WC_PERSON, c) &&
         !word_is(cx, WC_GROUPHEAD, c) && !word_is(cx, WC_THEY, c);
}

/* "Pegawai Kupang semua malas", "guru Sabu": staff of an office (a word
 * both [person] and [role], not a [grouphead]) at h right before a
 * [homeland] group word at g, a town or kabupaten of NTT: the office by
 * its place, as office_place has it, not a people.  "pedagang Sabu",
 * "pegawai Cina", "guru Kristen" name a group. */
static int
staff_of_place(const struct ctx *cx, size_t h, size_t g)
{
  return h + 1 == g && word_is(cx, WC_HOMELAND, g) &&
         word_is(cx, WC_PERSON, h) && word_is(cx, WC_ROLE, h) &&
         !word_is(cx, WC_GROUPHEAD, h);
}

/* Is word k (in the sentence from word a) a plural of people: a person
 * or [role] word doubled ("guru-guru", "polisi2") or after "para" ("para
 * pegawai")?  Not a pronoun, nor the reporter.  Returns the first word of
 * that plural, or k + 1 when it is none. */
static size_t
people_plural(const struct ctx *cx, size_t a, size_t k)
{
  if (!(word_is(cx, WC_PERSON, k) || word_is(cx, WC_ROLE, k)) ||
      word_is(cx, WC_THEY, k) || word_is(cx, WC_SELF, k))
    return k + 1;
  if (cx->nm->w[k].flags & WORD_DOUBLED)
    return k;
  return k > a && !starts_clause(cx, k) &&
                 (same_word(cx, k - 1, k) || word_text_is(cx, k - 1, "para"))
             ? k - 1
             : k + 1;
}

/* Is the group word at g, named by words from word h on (in the
 * sentence from word a), not the reporter's own: not after a word of
 * the reporter's ("kami orang Sabu", "kami guru-guru Kristen"), unless
 * someone else says it? */
static int
others_group(const struct ctx *cx, size_t a, size_t g, size_t h)
{
  return cx->reported[g] || !(h > a && word_is(cx, WC_SELF, h - 1));
}

/* "agama mereka", "suku dorang", "dong pung bangsa", "mereka punya
 * agama": is word k a [kind] word (a religion, a people) of a [they]
 * word, right after it or owning it ("pung", "punya") before? */
static int
kind_of_they(const struct ctx *cx, size_t k)
{
  if (!word_is(cx, WC_KIND, k))
    return 0;
  if (k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
      word_is(cx, WC_THEY, k + 1))
    return 1;
  return k >= 2 && !starts_clause(cx, k) && !starts_clause(cx, k - 1) &&
         owning(cx, k - 1) && word_is(cx, WC_THEY, k - 2);
}

/* "Pegawai Cina di kantor pajak ..., memang begitu dong pung bangsa":
 * is the group word at g restated as a people or religion by a pronoun
 * (kind_of_they) later in its sentence? */
static int
kind_restated(const struct ctx *cx, size_t g)
{
  size_t k;

  for (k = g + 1; k < cx->nm->n && !starts_sentence(cx, k); k++)
    if (kind_of_they(cx, k))
      return 1;
  return 0;
}

/* The word before the group word at g (in the sentence from word a)
 * that names its people, over a word of a former home ("warga eks Timor
 * Timur", "pengungsi bekas Timor Timur": people by where they came
 * from). */
static size_t
former_of(const struct ctx *cx, size_t a, size_t g)
{
  static const char *const former[] = {"eks", "ex", "bekas", NULL};
  size_t h = g - 1;

  if (h > a && !starts_clause(cx, h) && word_in(cx, h, former))
    h--;
  return h;
}

/* Is the group word at g (in the sentence from word a) named as a
 * group: after "orang", "suku", ... (a word of a former home between or
 * not: former_of) ("kami orang Sabu", the reporter's
 * own group, is not) or "beragama", "bersuku", after "semua" or a verb
 * of expelling, after "semua" and a person ("semua pegawai Kristen"),
 * before "semua", or doubled? */
static int
group_named(const struct ctx *cx, size_t a, size_t g)
{
  size_t p, h;

  /* "agama mereka", "suku itu", "dong pung bangsa": a religion or
   * people by a pronoun. */
  if (kind_of_they(cx, g) ||
      (word_is(cx, WC_KIND, g) && g + 1 < cx->nm->n &&
       !starts_clause(cx, g + 1) && word_is(cx, WC_LINK, g + 1)))
    return 1;
  if (!word_is(cx, WC_GROUP, g))
    return 0;
  /* "Manggarai itu suku ...", "Sabu itu bangsa ...": the group said to be
   * a people, a link and a [kind] word right after it. */
  if (g + 2 < cx->nm->n && !starts_clause(cx, g + 1) &&
      !starts_clause(cx, g + 2) && word_is(cx, WC_LINK, g + 1) &&
      word_is(cx, WC_KIND, g + 2))
    return 1;
  /* Doubled, a plural of the whole group ("Cina-cina itu ..."); only
   * its first word, so "kami orang Sabu-Sabu" stays the reporter's. */
  if (g > a && same_word(cx, g - 1, g))
    return 0;
  /* After "orang", "suku", ...; or people by a [role] and their origin
   * ("Mahasiswa Papua", "pedagang Bugis"; "kami mahasiswa Papua" is the
   * reporter's own). */
  h = g > a ? former_of(cx, a, g) : g;
  if (h < g && (word_is(cx, WC_GROUPHEAD, h) ||
                (word_is(cx, WC_ROLE, h) && !staff_of_place(cx, h, g))))
    return others_group(cx, a, g, h);
  /* "pegawai yang beragama Kristen", "guru bersuku Sabu": ber- and a
   * [kind] word names all who hold that religion or people. */
  if (g > a && !starts_clause(cx, g) && prefixed(cx, WC_KIND, g - 1, "ber"))
    return others_group(cx, a, g, g - 1);
  /* After an official, restated as a people later ("Pegawai Cina ...,
   * memang begitu dong pung bangsa"); else "Polisi Kupang" may be an
   * office by its town. */
  if (g > a && word_is(cx, WC_PERSON, g - 1) && !word_is(cx, WC_THEY, g - 1) &&
      !word_is(cx, WC_SELF, g - 1) && kind_restated(cx, g))
    return others_group(cx, a, g, g - 1);
  /* Any people in the plural so ("guru-guru Kristen", "para pegawai
   * Katolik"). */
  if (g > a && (p = people_plural(cx, a, g - 1)) < g)
    return others_group(cx, a, g, p);
  /* "Pendatang Bugis", "Islam Jawa": a group named by another group. */
  if (g > a && word_is(cx, WC_GROUP, g - 1) && !same_word(cx, g - 1, g))
    return others_group(cx, a, g, g - 1);
  return (g > a && (word_is(cx, WC_GENERAL, g - 1) ||
                    word_is(cx, WC_EXPEL, g - 1))) ||
         (g > a + 1 && word_is(cx, WC_PERSON, g - 1) &&
          word_is(cx, WC_GENERAL, g - 2)) ||
         (word_is(cx, WC_GENERAL, g + 1) && !office_place(cx, g)) ||
         (cx->nm->w[g].flags & WORD_DOUBLED) || from_origin(cx, g) ||
         (g + 1 < cx->nm->n && !starts_clause(cx, g + 1) &&
          same_word(cx, g, g + 1));
}

/* Is the verb at word k done by someone the reporter reports: a person
 * or office before it in its clause, with no "harus", "jangan" or the
 * reporter between ("Camat mengusir orang Sabu", "petugas menyuruh
 * mereka pulang": the very discrimination reported)? */
static int
done_by_other(const struct ctx *cx, size_t k)
{
  while (k > 0 && !starts_clause(cx, k)) {
    k--;
    if (word_is(cx, WC_MUST, k) || word_is(cx, WC_DENY, k) ||
        word_is(cx, WC_SELF, k))
      return 0;
    if (word_is(cx, WC_PERSON, k) && !word_is(cx, WC_GROUPHEAD, k))
      return 1;
  }
  return 0;
}

/* Is word k the one urged in its place, the group's own people
 * ("mereka", "pengikutnya", "umatnya") named right before a verb? */
static int
group_subject(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_THEY, k) ||
         (word_is(cx, WC_GROUPHEAD, k) && owned_nya(cx, k));
}

/* Is word k urged: a [must] or [advise] word before it, with at most
 * two [modal] words ("segera", "saja") between ("harus diusir",
 * "sebaiknya segera dipulangkan", "harus bersih"); the group's people
 * right before it as the ones urged (group_subject: "lebih baik mereka
 * pulang"); or joined by "dan" to a verb that is urged ("harus ditutup
 * dan pengikutnya diusir")? */
static int
urged(const struct ctx *cx, size_t k)
{
  size_t m;

  for (m = k; m > 0 && k - m < 3 && !starts_clause(cx, m); m--) {
    if (word_is(cx, WC_MUST, m - 1) || word_is(cx, WC_ADVISE, m - 1))
      return 1;
    if (m >= 2 && word_text_is(cx, m - 1, "dan") &&
        !starts_clause(cx, m - 1) && urged(cx, m - 2))
      return 1;
    if (!word_is(cx, WC_MODAL, m - 1) &&
        !(m == k && group_subject(cx, m - 1)))
      return 0;
  }
  return 0;
}

/* "dibersihkan dari mereka", "bersihkan dari orang Sabu", "harus bersih
 * dari mereka": a verb of cleansing at word k (or "bersih", clean, when
 * urged), then "dari" and a group, a pronoun of [they] or a [grouphead]
 * word before a group.  "dibersihkan dari sampah" is none, and so is a
 * place told to be clean of them ("pasar sudah bersih dari mereka"). */
static int
cleansed_of(const struct ctx *cx, size_t k)
{
  static const char *const cleanse[] = {"bersihkan", "dibersihkan",
                                        "membersihkan", NULL};
  size_t d = k + 1, n = cx->nm->n;

  if (!(word_in(cx, k, cleanse) ||
        (word_text_is(cx, k, "bersih") && urged(cx, k))) ||
      d + 1 >= n || starts_clause(cx, d) || starts_clause(cx, d + 1) ||
      !word_text_is(cx, d, "dari"))
    return 0;
  return word_is(cx, WC_GROUP, d + 1) || word_is(cx, WC_THEY, d + 1) ||
         (word_is(cx, WC_GROUPHEAD, d + 1) && d + 2 < n &&
          !starts_clause(cx, d + 2) && word_is(cx, WC_GROUP, d + 2));
}

/* Is word m a [group] word that names a group earlier in its sentence
 * ("pegawai asal Jawa ... pulang ke Jawa"): the land the group was named
 * by? */
static int
named_before(const struct ctx *cx, size_t m)
{
  size_t k;

  if (!word_is(cx, WC_GROUP, m))
    return 0;
  for (k = sentence_start(cx, m); k < m; k++)
    if (same_word(cx, k, m))
      return 1;
  return 0;
}

/* "pulang saja", "balik sa": is the word after the verb at k a word
 * that bids it ("saja", "sa", "aja")?  Returns that word's index, or k
 * when there is none. */
static size_t
bid_after(const struct ctx *cx, size_t k)
{
  static const char *const bid[] = {"saja", "sa", "aja", "sj", "sajalah",
                                    "ajalah", NULL};

  return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
                 word_in(cx, k + 1, bid)
             ? k + 1
             : k;
}

/* "angkat kaki", "kembali ke (daerah) asal", "pulang ke kampungnya",
 * "balik ke kampung kalian", "pulang (saja) ke Jawa" after a group from
 * Jawa (named_before): a way of leaving for good at word k; or sending
 * them so, the ones sent between ("kembalikan saja mereka ke pulau
 * mereka", "pulangkan orang Bugis ke kampungnya": a [they] word or a
 * group named by [grouphead] and [group] words).  The land is the
 * group's own: "-nya", or a [you] or [they] word after it. */
#define SENT_MAX 2
static int
leave_idiom(const struct ctx *cx, size_t k)
{
  static const char *const go[] = {"kembali", "balik", "pulang", NULL};
  static const char *const send[] = {"kembalikan", "balikkan", "pulangkan",
                                     "kembalikanlah", "pulangkanlah", NULL};
  static const char *const home[] = {"asal", "asalnya", "kampungnya",
                                     "daerahnya", "negaranya", "negerinya",
                                     "pulaunya", NULL};
  static const char *const land[] = {"kampung", "daerah", "negara", "negeri",
                                     "pulau", NULL};
  size_t m, t;

  if (word_text_is(cx, k, "angkat"))
    return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
           word_text_is(cx, k + 1, "kaki");
  t = bid_after(cx, k) + 1;
  if (word_in(cx, k, send)) {
    for (m = t; m < cx->nm->n && m < t + SENT_MAX && !starts_clause(cx, m) &&
                (word_is(cx, WC_THEY, m) || word_is(cx, WC_GROUP, m) ||
                 word_is(cx, WC_GROUPHEAD, m));
         m++)
      ;
    if (m == t)
      return 0;
    t = m;
  } else if (!word_in(cx, k, go))
    return 0;
  if (t + 1 >= cx->nm->n || starts_clause(cx, t) || !word_text_is(cx, t, "ke"))
    return 0;
  for (m = t + 1; m < cx->nm->n && m <= t + 2 && !starts_clause(cx, m); m++)
    if (word_in(cx, m, home) || named_before(cx, m) ||
        (word_in(cx, m, land) && m + 1 < cx->nm->n &&
         !starts_clause(cx, m + 1) &&
         (word_is(cx, WC_YOU, m + 1) || word_is(cx, WC_THEY, m + 1))))
      return 1;
  return 0;
}

/* "suruh mereka pulang", "suruh dong kembali ke asal", "usir orang
 * Sabu": is word k, in a clause that an [order] word opens, after the
 * ones ordered (at most ORDERED_MAX [they], [group], [grouphead] or
 * [role] words)?  An order told of has its agent first ("camat suruh
 * mereka pulang"). */
#define ORDERED_MAX 3
static int
ordered(const struct ctx *cx, size_t k)
{
  size_t c = clause_start(cx, k), m;

  if (c + 1 >= k || k - c > ORDERED_MAX + 1 || !word_is(cx, WC_ORDER, c))
    return 0;
  for (m = c + 1; m < k; m++)
    if (!word_is(cx, WC_THEY, m) && !word_is(cx, WC_GROUP, m) &&
        !word_is(cx, WC_GROUPHEAD, m) && !word_is(cx, WC_ROLE, m))
      return 0;
  return 1;
}

static int told_of(const struct ctx *cx, size_t k);

/* "harus diusir", "sebaiknya dipulangkan", "lebih baik angkat kaki": a
 * passive verb of expelling or a way of leaving (leave_idiom) at word k,
 * urged; or a verb of expelling or a way of leaving the group is ordered
 * to ("suruh mereka pulang ke negaranya"). */
static int
told_to_leave(const struct ctx *cx, size_t k)
{
  /* "pulang saja ke Jawa": bid, as "harus pulang" is urged. */
  if (leave_idiom(cx, k))
    return urged(cx, k) || ordered(cx, k) ||
           (bid_after(cx, k) > k && !told_of(cx, k));
  return (prefixed(cx, WC_EXPEL, k, "di") && urged(cx, k)) ||
         (word_is(cx, WC_EXPEL, k) && ordered(cx, k));
}

/* "Orang Rote harus keluar dari kantor gubernur", "orang Bugis dong
 * harus segera keluar dari pasar": the group named at word g (a [they]
 * word after it or not) is the subject of a [must] word, then at most
 * two [modal] words and "keluar dari".  "orang Rote keluar dari kantor"
 * is an event told; a must said of someone after the group is not its. */
#define LEAVE_MODALS 2
static int
must_leave(const struct ctx *cx, size_t g)
{
  size_t k = g + 1, m, n = cx->nm->n;

  if (k < n && !starts_clause(cx, k) && word_is(cx, WC_THEY, k))
    k++;
  if (k >= n || starts_clause(cx, k) || !word_is(cx, WC_MUST, k))
    return 0;
  for (m = k + 1; m < n && m <= k + LEAVE_MODALS + 1; m++) {
    if (starts_clause(cx, m))
      return 0;
    if (word_text_is(cx, m, "keluar"))
      return m + 1 < n && !starts_clause(cx, m + 1) &&
             word_text_is(cx, m + 1, "dari");
    if (!word_is(cx, WC_MODAL, m))
      return 0;
  }
  return 0;
}

/* "Orang Timor dong sonde bisa kerja", "orang Flores mereka tidak bisa
 * pimpin": the group named at word g restated as a whole by a [they]
 * word, then a [not] and a [can] word and an active verb: the group
 * said to be unable.  Not with a passive verb, another [can] word or
 * a [loot] word ("sonde bisa dapat bantuan", "suku mereka tidak dapat
 * bantuan": what they were denied), and not with a
 * [because] word later in the sentence ("... karena server rusak"):
 * unable for a stated cause is what happened to them. */
static int
incapable(const struct ctx *cx, size_t g)
{
  size_t k = g + 1, v = g + 4, n = cx->nm->n;

  if (v >= n || !word_is(cx, WC_GROUP, g) || !word_is(cx, WC_THEY, k) ||
      !word_is(cx, WC_NOT, k + 1) || !word_is(cx, WC_CAN, k + 2) ||
      word_is(cx, WC_CAN, v) || word_is(cx, WC_GRANT, v) ||
      word_is(cx, WC_LOOT, v))
    return 0;
  for (; k <= v; k++)
    if (starts_clause(cx, k))
      return 0;
  if (passive(cx, v))
    return 0;
  for (k = v + 1; k < n && !starts_sentence(cx, k); k++)
    if (word_is(cx, WC_BECAUSE, k))
      return 0;
  return 1;
}

/* Is the verb of expelling at word k told of, not called for: after
 * "yang" or a [past] word ("orang Sabu yang pulang dari pasar", "waktu
 * pulang")? */
static int
told_of(const struct ctx *cx, size_t k)
{
  return k > 0 && !starts_clause(cx, k) &&
         (word_text_is(cx, k - 1, "yang") || word_text_is(cx, k - 1, "yg") ||
          word_is(cx, WC_PAST, k - 1));
}

/* "Warga Sumba semua minta jgn kasi izin tambang": is word k a verb of
 * asking or saying, whose subject asks for what follows rather than is
 * told it? */
static int
asks(const struct ctx *cx, size_t k)
{
  static const char *const ask[] = {"minta", "meminta", "mohon", "memohon",
                                    "harap", "berharap", "usul", "usulkan",
                                    "mengusulkan", "tuntut", "menuntut",
                                    NULL};

  return word_in(cx, k, ask) || word_is(cx, WC_SAY, k);
}

/* Is there a verb of asking or saying (asks) before word k in its
 * clause? */
static int
asked(const struct ctx *cx, size_t k)
{
  size_t m;

  for (m = clause_start(cx, k); m < k; m++)
    if (asks(cx, m))
      return 1;
  return 0;
}

/* To whom the active verb of giving at word v gives, among the
 * CTX_AFTER words after it in its clause: 1 a group ("jangan kasih
 * mereka jabatan", "kasih jabatan ke orang Alor", "jgn kasi orang Rote
 * jadi pegawai"), -1 someone else ("jgn kasi uang ke preman", "jgn kasi
 * petugas itu uang", "kasi tau kades"), 0 no one named ("jangan kasih
 * jabatan", "jangan kasih jabatan di kantor desa": a place after "di"
 * ends what is given; "jangan angkat jadi kepala seksi": the post after
 * "jadi"/"sebagai" is no recipient). */
static int
gift_to(const struct ctx *cx, size_t v)
{
  size_t m, n = cx->nm->n;

  for (m = v + 1; m < n && m <= v + CTX_AFTER && !starts_clause(cx, m);
       m++) {
    if (word_is(cx, WC_THEY, m) || word_is(cx, WC_GROUP, m) ||
        word_is(cx, WC_GROUPHEAD, m))
      return 1;
    if (word_text_is(cx, m, "di"))
      return 0;
    /* "jangan angkat jadi kepala seksi": the post given, no one named. */
    if (word_text_is(cx, m, "jadi") || word_text_is(cx, m, "menjadi") ||
        word_text_is(cx, m, "sebagai"))
      return 0;
    if (word_is(cx, WC_TO, m) && m + 1 < n && !starts_clause(cx, m + 1))
      return word_is(cx, WC_THEY, m + 1) || word_is(cx, WC_GROUP, m + 1) ||
                     word_is(cx, WC_GROUPHEAD, m + 1)
                 ? 1
                 : -1;
    if (word_is(cx, WC_PERSON, m))
      return -1;
  }
  return 0;
}

/* A call to expel or shut out at word k: a verb of expelling, "harus
 * diusir", a place cleansed of the group (cleansed_of), or "jangan
 * diberi" ("orang X jangan diberi jabatan"), or an active "jangan
 * kasih" given to the group, or to no one named and not asked for
 * (gift_to, asked); not when
 * someone reported does it. */
static int
shut_out(const struct ctx *cx, size_t k)
{
  if (told_to_leave(cx, k))
    return 1;
  if (word_is(cx, WC_EXPEL, k) || cleansed_of(cx, k))
    return !done_by_other(cx, k) && !told_of(cx, k);
  if (k == 0 || starts_clause(cx, k) || !word_is(cx, WC_DENY, k - 1))
    return 0;
  if (prefixed(cx, WC_GRANT, k, "di"))
    return 1;
  if (!sms_word_is(cx, WC_GRANT, k))
    return 0;
  /* Given to someone else, or asked for by the one who speaks ("warga
   * minta jgn kasi izin tambang"): not the group shut out. */
  return gift_to(cx, k) > 0 ||
         (gift_to(cx, k) == 0 && !asked(cx, k - 1));
}

/* Is the group named at word g told, right after it, that it may not
 * do something: "orang Sabu sonde usah urus tanah", "orang Rote tidak
 * boleh jadi kepala", "orang Sumba jangan urus proyek"?  Not when the
 * verb is passive, which protects the group ("tidak boleh dipersulit",
 * "jangan dibeda-bedakan"), unless it grants ("jangan diberi"); not
 * when a verb of asking stands between ("warga Sumba semua minta jgn
 * ..."), nor with an active verb of giving to someone else ("orang Bugis
 * di pasar jgn kasi uang ke preman"). */
static int
barred(const struct ctx *cx, size_t g)
{
  size_t k, v;

  for (k = g + 1; k <= g + 3 && k + 1 < cx->nm->n; k++) {
    if (starts_clause(cx, k))
      return 0;
    if (!word_is(cx, WC_DENY, k) &&
        !(word_is(cx, WC_FORBID, k) && word_is(cx, WC_NOT, k - 1))) {
      if (asks(cx, k))
        return 0;
      continue;
    }
    v = k + 1;
    if (starts_clause(cx, v))
      return 0;
    if (sms_word_is(cx, WC_GRANT, v))
      return gift_to(cx, v) >= 0;
    return !passive(cx, v) || prefixed(cx, WC_GRANT, v, "di");
  }
  return 0;
}

/* "Orang Bima yang jualan di pasar itu penipu", "Cina-cina pemilik toko
 * itu tukang suap", "Orang Bajo itu bangsa kotor": the group's noun
 * phrase, however long, closed by a link word right before word k (or
 * before a person or [grouphead] word before it), in one clause with the
 * group at g: k is said of the whole group. */
static int
predicate_of(const struct ctx *cx, size_t g, size_t k)
{
  size_t l = k - 1;

  if (l > g + 1 &&
      (word_is(cx, WC_PERSON, l) || word_is(cx, WC_GROUPHEAD, l)) &&
      !word_is(cx, WC_LINK, l))
    l--;
  return l > g && word_is(cx, WC_LINK, l) && clause_start(cx, k) <= g;
}

/* "Orang Rote selalu jadi korban pencuri", "dituduh (sebagai) pencuri",
 * "kena tipu", "dirampok (oleh) preman": is the [derogation] word at k,
 * after the group named at word g, done to the group, a passive verb
 * or a word of suffering right before it ("sebagai" or "oleh" between
 * or not)?  "dikenal (sebagai) pencuri", known as, is said of it. */
static int
undergone(const struct ctx *cx, size_t g, size_t k)
{
  static const char *const suffer[] = {"korban", "sasaran", "mangsa",
                                       "kena", "oleh", NULL};
  size_t p = k - 1;

  if (p > g + 1 && !starts_clause(cx, p) &&
      (word_text_is(cx, p, "sebagai") || word_text_is(cx, p, "oleh")))
    p--;
  return p > g && !starts_clause(cx, k) && !starts_clause(cx, p + 1) &&
         (word_in(cx, p, suffer) ||
          (passive(cx, p) && !word_text_is(cx, p, "dikenal")));
}

/* "menyebut orang Sabu sebagai bangsa penipu", "pegawai yang beragama
 * Islam sebagai \"kaum perusuh\"": is the [derogation] at word k what
 * the group named at word g is called, "sebagai" right after the group
 * and a [grouphead] word between it and k or not, in one sentence (a
 * quotation may open after "sebagai")? */
static int
called_as(const struct ctx *cx, size_t g, size_t k)
{
  size_t p = k - 1;

  if (p > g + 1 && word_is(cx, WC_GROUPHEAD, p) && !starts_sentence(cx, k))
    p--;
  return p == g + 1 && !starts_clause(cx, p) && !starts_sentence(cx, p + 1) &&
         word_text_is(cx, p, "sebagai");
}

/* "makan uang", "tilep dana desa", "gelapkan beras bantuan": a verb of
 * taking for oneself at word k with a [loot] word right after it, the
 * crime told as an idiom. */
static int
loot_taken(const struct ctx *cx, size_t k)
{
  static const char *const take[] = {"makan", "tilep", "menilep", "embat",
                                     "mengembat", "gelapkan",
                                     "menggelapkan", NULL};

  return word_in(cx, k, take) && k + 1 < cx->nm->n &&
         !starts_clause(cx, k + 1) && word_is(cx, WC_LOOT, k + 1);
}

/* "cuma untuk dong pung kelompok", "hanya buat golongannya", "cuma utk
 * mereka punya orang": at word k a [purpose] word right after "cuma" or
 * "hanya", then their own kind: a [they] word owning (owning) a word of
 * a circle (kelompok, golongan, suku, keluarga, kaum, orang), or such a
 * word with "-nya".  Favouring their own, told as conduct. */
static int
favoured_own(const struct ctx *cx, size_t k)
{
  static const char *const only[] = {"cuma", "cuman", "cma", "hanya",
                                     "hny", NULL};
  static const char *const circle[] = {"kelompok", "golongan", "suku",
                                       "keluarga", "kaum", "orang", NULL};
  static const char *const circle_nya[] = {"kelompoknya", "golongannya",
                                           "sukunya", "keluarganya",
                                           "kaumnya", NULL};
  size_t m = k + 1, n = cx->nm->n;

  if (k == 0 || starts_clause(cx, k) || !word_is(cx, WC_PURPOSE, k) ||
      !word_in(cx, k - 1, only) || m >= n || starts_clause(cx, m))
    return 0;
  if (word_in(cx, m, circle_nya))
    return 1;
  return m + 2 < n && !starts_clause(cx, m + 1) && !starts_clause(cx, m + 2) &&
         word_is(cx, WC_THEY, m) && owning(cx, m + 1) &&
         word_in(cx, m + 2, circle);
}

/* "urusan korupsi pun dong paling jago", "soal tipu mereka nomor satu":
 * the [derogation] at word k put first as a topic (a topic word right
 * before it), then a [they] word in its clause ("pun" or a link word
 * between) that excels at it: "paling" and a word of skill, "nomor
 * satu", or a word of skill alone.  Returns the [they] word, or k. */
static size_t
topic_master(const struct ctx *cx, size_t k)
{
  static const char *const topic[] = {"urusan", "soal", "masalah", "hal",
                                      "bidang", NULL};
  static const char *const skill[] = {"jago", "pintar", "pandai", "ahli",
                                      "hebat", "lihai", "mahir", "juara",
                                      NULL};
  size_t m = k + 1, n = cx->nm->n;

  if (k == 0 || starts_clause(cx, k) || !word_in(cx, k - 1, topic))
    return k;
  while (m < n && !starts_clause(cx, m) &&
         (word_text_is(cx, m, "pun") || word_is(cx, WC_LINK, m)))
    m++;
  if (m + 1 >= n || starts_clause(cx, m) || starts_clause(cx, m + 1) ||
      !word_is(cx, WC_THEY, m))
    return k;
  if (word_in(cx, m + 1, skill) ||
      (m + 2 < n && !starts_clause(cx, m + 2) &&
       ((word_text_is(cx, m + 1, "paling") && word_in(cx, m + 2, skill)) ||
        (word_text_is(cx, m + 1, "nomor") &&
         word_text_is(cx, m + 2, "satu")))))
    return m;
  return k;
}

/* "Jangan percaya orang Rote, ... mereka licik", "orang Bima yang jualan
 * di pasar, dorang tukang tipu": is the [derogation] at word k, in a
 * later clause than the group named at word g, the predicate of a
 * [they] word that restates the group: [link], [intensifier] or
 * generalising words between, and one person word right before it
 * ("tukang") or not; or the pronoun after it, the derogation its topic
 * (topic_master).  A person between the group and the pronoun,
 * other than a place ("di kantor ini"), is whom it stands for ("lapor
 * pegawai bank, mereka pencuri ..."). */
#define RESTATED_GAP 2
static int
restated(const struct ctx *cx, size_t g, size_t k)
{
  size_t t = k - 1, m;

  if ((m = topic_master(cx, k)) > k)
    t = m;
  else if (t > g && word_is(cx, WC_PERSON, t) && !word_is(cx, WC_THEY, t))
    t--;
  while (t > g && k - t <= RESTATED_GAP + 1 && !starts_clause(cx, t + 1) &&
         !word_is(cx, WC_THEY, t) &&
         (word_is(cx, WC_LINK, t) || word_is(cx, WC_INTENS, t) ||
          word_is(cx, WC_GENERAL, t)))
    t--;
  if (t <= g || starts_clause(cx, t + 1) || !word_is(cx, WC_THEY, t) ||
      clause_start(cx, t) <= g)
    return 0;
  for (m = g + 1; m < t; m++)
    if (word_is(cx, WC_PERSON, m) && !word_is(cx, WC_THEY, m) &&
        !(word_text_is(cx, m - 1, "di") || word_text_is(cx, m - 1, "ke") ||
          word_text_is(cx, m - 1, "dari")))
      return 0;
  return 1;
}

/* "dong pung kerja cuma korupsi", "kerjanya hanya menipu", "taunya
 * cuma mencuri", "cuma tahu mabuk": is the derogation at word k, in one
 * clause with the group named at word g, all the group ever does: "cuma"
 * or "hanya" right before it, a word of work or of what one can do right
 * before that, or the two the other way round ("cuma tahu", "hanya
 * bisa").  The crime is then its conduct, said of all of it. */
static int
only_conduct(const struct ctx *cx, size_t g, size_t k)
{
  static const char *const only[] = {"cuma", "cuman", "cma", "hanya",
                                     "hny", "hanyalah", NULL};
  static const char *const doing[] = {"kerja", "kerjanya", "kerjaan",
                                      "kerjaannya", "pekerjaan",
                                      "pekerjaannya", "bisanya", "taunya",
                                      "tahunya", "tahu", "tau", NULL};

  static const char *const can[] = {"tahu", "tau", "bisa", "bisanya",
                                     "taunya", "tahunya", NULL};

  if (k < g + 3 || starts_clause(cx, k) || starts_clause(cx, k - 1) ||
      clause_start(cx, k) > g)
    return 0;
  return (word_in(cx, k - 1, only) && word_in(cx, k - 2, doing)) ||
         (word_in(cx, k - 1, can) && word_in(cx, k - 2, only));
}

/* "Pegawai asal Jawa ... cuma datang untuk korupsi", "orang Bima hanya
 * datang untuk menipu": is the derogation or crime (loot_taken) at word
 * k, in one clause with the group named at word g, the only purpose the
 * group comes for: a [purpose] word right before it, and "cuma" or
 * "hanya" between the group and that?  The crime is then its nature,
 * said of all of it. */
static int
sole_purpose(const struct ctx *cx, size_t g, size_t k)
{
  static const char *const only[] = {"cuma", "cuman", "cma", "hanya",
                                     "hny", "hanyalah", NULL};
  size_t m;

  if (k < g + 3 || starts_clause(cx, k) || starts_clause(cx, k - 1) ||
      !word_is(cx, WC_PURPOSE, k - 1) || clause_start(cx, k) > g ||
      !(sms_word_is(cx, WC_DEROG, k) || loot_taken(cx, k)))
    return 0;
  for (m = g + 1; m + 1 < k; m++)
    if (word_in(cx, m, only))
      return 1;
  return 0;
}

/* Is some word after the group named at word g, before word b, its sole
 * purpose (sole_purpose)? */
static int
sole_purpose_after(const struct ctx *cx, size_t g, size_t b)
{
  size_t k;

  for (k = g + 1; k < b; k++)
    if (sole_purpose(cx, g, k))
      return 1;
  return 0;
}

/* "orang Timor sonde bodoh", "orang Rote bukan pencuri", "suku itu
 * tidak pernah mencuri": the [not] word or "bukan" that denies the word
 * at k, before it in its clause with at most two link, group-head or
 * habit words between; k when none.  A fault denied of a group defends
 * it; a virtue denied ("tidak jujur") puts it down. */
static size_t
denier(const struct ctx *cx, size_t k)
{
  static const char *const not_so[] = {"bukan", "bkn", "bukanlah", NULL};
  static const char *const habit[] = {"pernah", "prnh", "suka", "biasa",
                                      NULL};
  size_t m = k, between = 0;

  while (m > 0 && !starts_clause(cx, m) && between <= 2) {
    m--;
    if (word_is(cx, WC_NOT, m) || word_in(cx, m, not_so))
      return m;
    if (!(word_is(cx, WC_LINK, m) || word_is(cx, WC_GROUPHEAD, m) ||
          word_in(cx, m, habit)))
      return k;
    between++;
  }
  return k;
}

/* The first word of a virtue ending at word k: a [virtue] word, or
 * "tahu malu", "tau diri" (a sense of shame, of one's place); k + 1 when
 * k ends none. */
static size_t
virtue_at(const struct ctx *cx, size_t k)
{
  static const char *const shame[] = {"malu", "diri", NULL};
  static const char *const know[] = {"tahu", "tau", "tw", NULL};

  if (word_is(cx, WC_VIRTUE, k))
    return k;
  if (k > 0 && !starts_clause(cx, k) && word_in(cx, k, shame) &&
      word_in(cx, k - 1, know))
    return k - 1;
  return k + 1;
}

/* Is word k a derogation of the group named at word g: a [derogation]
 * word after it, right after it or in a sentence that generalises
 * (predicate_of), or what it is called (called_as); a crime told as an
 * idiom (loot_taken) or favouring their own (favoured_own) only in such
 * a sentence ("kepala desa orang Rote
 * makan uang BLT" tells what one man did); a [derogation] said of "mereka" restating it (restated); a
 * [derogation] the group undergoes ("jadi korban pencuri")
 * only after a link word closing its phrase; or "tidak bisa
 * dipercaya" (a [not], a [can] and a [trust] word) anywhere after it in
 * its clause, said of the group itself ("orang X di desa ini tidak bisa
 * dipercaya"; "tidak dipercaya memegang jabatan" is the group not
 * entrusted, discrimination the reporter reports)? */
static int
derogates(const struct ctx *cx, size_t g, size_t k, int general)
{
  size_t v, n;

  if (k <= g)
    return 0;
  v = virtue_at(cx, k);
  if (v <= k) {
    n = denier(cx, v);
    return n < v && n > g &&
           (general || n - g <= 2 || predicate_of(cx, g, n));
  }
  if (denier(cx, k) < k)
    return 0;
  if (sms_word_is(cx, WC_DEROG, k)) {
    if (undergone(cx, g, k))
      return predicate_of(cx, g, k);
    return general || k - g <= 2 || predicate_of(cx, g, k) ||
           restated(cx, g, k) || called_as(cx, g, k) ||
           only_conduct(cx, g, k);
  }
  if (loot_taken(cx, k) || favoured_own(cx, k))
    return general || predicate_of(cx, g, k);
  return k >= g + 3 && word_is(cx, WC_TRUST, k) &&
         word_is(cx, WC_CAN, k - 1) && word_is(cx, WC_NOT, k - 2) &&
         clause_start(cx, k) <= g;
}

/* Is the group named at word g called out: "dasar" (a [vocative] word
 * that also generalises) opening a clause, then the group, a [grouphead]
 * word between or not ("Dasar orang Muslim, ...")?  "atas dasar agama
 * Kristen" gives a ground and opens nothing. */
static int
called_out(const struct ctx *cx, size_t g)
{
  size_t k = g;

  if (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_GROUPHEAD, k - 1))
    k--;
  return k > 0 && !starts_clause(cx, k) && starts_clause(cx, k - 1) &&
         word_is(cx, WC_VOCATIVE, k - 1) && word_is(cx, WC_GENERAL, k - 1);
}

/* "sudah bawaan suku mereka", "memang watak orang Rote", "sifat
 * dorang": is word k a word of nature with the group after it (a [kind]
 * word, a [group] word after a [grouphead] or not, or a pronoun of
 * [they]), not
 * after a word that turns the sentence ("padahal sifat orang Flores
 * jujur")?  "barang bawaan penumpang" is luggage. */
static int
nature_of_group(const struct ctx *cx, size_t k)
{
  static const char *const nature[] = {"bawaan", "watak", "tabiat", "sifat",
                                       "darah", "budaya", "kebiasaan",
                                       "karakter", "mental", NULL};
  size_t m, g = k + 1;

  if (!word_in(cx, k, nature) || g >= cx->nm->n || starts_clause(cx, g))
    return 0;
  /* "sifat orang Rote", not "sifat orang kaya". */
  if (word_is(cx, WC_GROUPHEAD, g) && !word_is(cx, WC_KIND, g) &&
      !(g + 1 < cx->nm->n && !starts_clause(cx, g + 1) &&
        word_is(cx, WC_GROUP, g + 1)))
    return 0;
  if (!(word_is(cx, WC_KIND, g) || word_is(cx, WC_GROUPHEAD, g) ||
        word_is(cx, WC_GROUP, g) || word_is(cx, WC_THEY, g)))
    return 0;
  for (m = clause_start(cx, k); m < k; m++)
    if (word_is(cx, WC_TURN, m) || word_is(cx, WC_NOT, m))
      return 0;
  return 1;
}

/* "orang Alor, pantas saja dia rakus": a [reason] word at word k (in the
 * sentence from word a) not denied ("tidak wajar"), or a trait put down
 * to the group's nature (nature_of_group), puts what follows down to the
 * group, as "semua" does. */
static int
reason_given(const struct ctx *cx, size_t a, size_t k)
{
  return (word_is(cx, WC_REASON, k) &&
          !(k > a && word_is(cx, WC_NOT, k - 1))) ||
         nature_of_group(cx, k);
}

void
judge_sara(struct ctx *cx, size_t a, size_t b)
{
  size_t g, k;
  int general = 0, reason = 0, shut_seen = 0;

  for (k = a; k < b; k++) {
    general |= word_is(cx, WC_GENERAL, k);
    reason |= reason_given(cx, a, k);
  }
  general |= reason;
  for (g = a; g < b; g++) {
    if (!group_named(cx, a, g))
      continue;
    if (barred(cx, g) || called_out(cx, g) || must_leave(cx, g) ||
        incapable(cx, g)) {
      found(cx, g, QUALITY_SARA, "sara");
      return;
    }
    /* A call to shut out anywhere in the sentence does not depend on
     * the group: looked for once, at the first group named. */
    if (!shut_seen) {
      shut_seen = 1;
      for (k = a; k < b; k++)
        if (shut_out(cx, k)) {
          found(cx, g, QUALITY_SARA, "sara");
          return;
        }
    }
    /* A crime as the only purpose the group comes for is its nature,
     * even after an official. */
    if (sole_purpose_after(cx, g, b)) {
      found(cx, g, QUALITY_SARA, "sara");
      return;
    }
    /* One official's origin: what follows is said of that person, unless
     * a [reason] word puts it down to the origin or "semua" counts all
     * of them ("pegawai orang Sabu semua ..."). */
    if (apposed(cx, g) && !reason && !counted_all(cx, g))
      continue;
    for (k = g + 1; k < b; k++)
      if (derogates(cx, g, k, general)) {
        found(cx, g, QUALITY_SARA, "sara");
        return;
      }
  }
}
