/*
 * err.c: names and descriptions of libaduan's error codes (see err.h).
 */
#include "base/err.h"

#include <string.h>

static const char *const err_names[] = {
#define XX(name, desc) "AERR_" #name,
  AERR_MAP(XX)
#undef XX
};

static const char *const err_descs[] = {
#define XX(name, desc) desc,
  AERR_MAP(XX)
#undef XX
};

/* Index into the tables above, or -1 when the code is not one of ours. */
static int
err_index(int code)
{
  if (code > AERR_FIRST_ && code < AERR_LAST_)
    return code - AERR_FIRST_ - 1;
  return -1;
}

const char *
err_name(int code)
{
  int i;

  if (code == 0)
    return "OK";
  i = err_index(code);
  if (i >= 0)
    return err_names[i];
  switch (-code) {
  case ENOMEM: return "ENOMEM";
  case EINVAL: return "EINVAL";
  case EIO: return "EIO";
  case ENOENT: return "ENOENT";
  case EACCES: return "EACCES";
  case EBUSY: return "EBUSY";
  case ENOSPC: return "ENOSPC";
  case EAGAIN: return "EAGAIN";
  case ETIMEDOUT: return "ETIMEDOUT";
  case ECANCELED: return "ECANCELED";
  case EEXIST: return "EEXIST";
  case EROFS: return "EROFS";
  default: return "ESYS";
  }
}

const char *
err_str(int code)
{
  int i;

  if (code == 0)
    return "success";
  i = err_index(code);
  if (i >= 0)
    return err_descs[i];
  if (code < 0 && code > AERR_BASE)
    return strerror(-code);
  return "unknown error";
}
