/*
 * webhook.h: the webhook intake: from a provider's request to committed
 * work and an answer (see webhook.c).
 *
 * The server routes POST (and a provider's GET) /webhook/NAME here; the
 * intake answers errors at once and queues its 200 on the group commit
 * (commit.h), flagging replies for the sender and media for the
 * downloader.
 */
#ifndef ADUAN_WEBHOOK_H
#define ADUAN_WEBHOOK_H

struct conv;
struct httpd_request;
struct outbox;
struct svc;

struct webhook {
  const struct svc *ctx;         /* loop, config, store, metrics, clock */
  struct conv *conv;             /* the conversation engine */
  struct outbox *outbox;         /* takes the delivery statuses */
};

/* Take req, addressed to the channel named channel. */
void webhook_intake(const struct webhook *s, struct httpd_request *req,
                    const char *channel);

#endif
