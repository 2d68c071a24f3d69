/*
 * tu_request.h: HTTP requests built by hand, for the tests of the layers
 * that read a struct httpd_request (channel adapters) without a server.
 *
 * A request made here owns all its memory; free it with tu_request_free(),
 * never with anything from httpd.
 */
#ifndef ADUAN_TU_REQUEST_H
#define ADUAN_TU_REQUEST_H

#include <stddef.h>

#include "io/httpd.h"

/*
 * A request for method ("GET", "POST", ...) and target (path and query,
 * as on the request line), with headers (a NULL-terminated list of
 * "Name: value" lines, or NULL) and the body body[0..len).  Aborts the
 * test on failure, so never NULL.
 */
struct httpd_request *tu_request_new(const char *method, const char *target,
                                     const char *const *headers,
                                     const void *body, size_t len);

/*
 * The first request of an annotated HTTP exchange as the fixtures write
 * it: '#' lines are comments and skipped, then a request line, header
 * lines, an empty line and Content-Length bytes of body (none without the
 * header).  Lines may end in LF or CRLF.  *used (if not NULL) is set to
 * the offset just past the request, to read the next one.  NULL when no
 * further request line is found.
 */
struct httpd_request *tu_request_parse(const char *text, size_t len,
                                       size_t *used);

/* Replace the target (path and query) of r. */
void tu_request_set_target(struct httpd_request *r, const char *target);

/* Add a header "name: value" to r. */
void tu_request_add_header(struct httpd_request *r, const char *name,
                           const char *value);

void tu_request_free(struct httpd_request *r);

#endif
