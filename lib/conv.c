/*
 * conv.c: the conversation engine.
 *
 * This first engine acknowledges every message with one reply that
 * echoes what was understood; the step-by-step report conversation of
 * SPEC section 3 replaces it behind the same conv_handle() contract.
 */
#include "conv.h"

#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "err.h"

struct conv {
  const struct config *cfg;
};

int
conv_new(struct conv **out, const struct config *cfg)
{
  struct conv *cv = calloc(1, sizeof(*cv));

  if (cv == NULL)
    return -ENOMEM;
  cv->cfg = cfg;
  *out = cv;
  return 0;
}

void
conv_set_config(struct conv *cv, const struct config *cfg)
{
  cv->cfg = cfg;
}

void
conv_free(struct conv *cv)
{
  free(cv);
}

int
conv_handle(struct conv *cv, struct store *st, const struct conv_event *ev)
{
  struct store_outbox o = {0};
  struct buf text = BUF_INIT;
  int rc;

  (void)cv;
  switch (ev->msg->kind) {
  case MSG_TEXT:
  case MSG_CHOICE:
    rc = buf_printf(&text, "Pesan diterima: %s",
                    ev->msg->text ? ev->msg->text : "");
    break;
  case MSG_LOCATION:
    rc = buf_printf(&text, "Lokasi diterima: %.6f, %.6f", ev->msg->lat,
                    ev->msg->lng);
    break;
  case MSG_MEDIA:
    rc = buf_printf(&text, "Berkas diterima (%s).",
                    ev->msg->media_mime ? ev->msg->media_mime : "?");
    break;
  default:
    rc = buf_puts(&text, "Maaf, hanya teks, foto, dokumen dan lokasi yang "
                         "dapat kami pahami.");
    break;
  }
  if (rc != 0) {
    buf_free(&text);
    return rc;
  }
  o.channel = ev->channel;
  o.reporter_id = ev->reporter_id;
  o.inbound_id = ev->inbound_id;
  o.kind = "text";
  o.body = text.data;
  o.status = ev->inline_replies ? "sent" : "queued";
  o.created_at = ev->now_ms;
  rc = store_outbox_add(st, &o, NULL);
  buf_free(&text);
  return rc;
}
