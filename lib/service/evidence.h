/*
 * evidence.h: downloading evidence as soon as it arrives.
 *
 * Provider media URLs need the channel's credentials and expire within
 * minutes, so every pending evidence row is fetched at once, on the loop
 * through curlev, bounded in size ([evidence] max_size) and time
 * (timeout), retried with backoff while the URL may still be valid
 * (retry_for), and stored under [evidence] dir by its SHA-256 (file mode
 * 0600).  The row records the digest, size, mime type and time: with the
 * inbound message it came in, a chain of custody.  An outcome is recorded
 * only into the row its download was started for; a file lives as long
 * as a row refers to it (rows deleted are queued by the database, and
 * their files removed after the commit), and the folder is swept of
 * files without a row at start-up.
 */
#ifndef ADUAN_EVIDENCE_H
#define ADUAN_EVIDENCE_H

struct svc;
struct curlev;
struct evidence;

/* A downloader for the service context ctx (svc.h) with the curl driver
 * cv (both borrowed).  0 or -ENOMEM. */
int evidence_new(struct evidence **out, const struct svc *ctx,
                 struct curlev *cv);

/* Make the folder and start looking for pending downloads.  0 or -errno
 * (the folder cannot be made). */
int evidence_start(struct evidence *ev);

/* Something may be pending: look soon. */
void evidence_kick(struct evidence *ev);

/* Evidence rows were deleted (and committed): soon, stop their downloads
 * and remove the files no row refers to any more. */
void evidence_dropped(struct evidence *ev);

int evidence_inflight(const struct evidence *ev);
void evidence_pause(struct evidence *ev);
void evidence_close(struct evidence *ev, void (*cb)(void *arg), void *arg);

#endif
