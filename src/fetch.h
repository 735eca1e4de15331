/* SPDX-License-Identifier: MIT */
/* fetch.h: one HTTP(S) GET into a file descriptor, with libcurl when the
 * build has it: redirects followed (never from https down to http), connect,
 * low-speed and total timeouts, an optional
 * conditional request (If-None-Match / If-Modified-Since), progress
 * reported through a callback. Library code: it never prints. */
#ifndef PORTSCOPE_FETCH_H
#define PORTSCOPE_FETCH_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "error.h"

struct fetch_request {
	const char *url;
	/* trust the certificates in this PEM file instead of the system's
	 * (a private mirror with its own CA), or NULL */
	const char *ca_file;
	const char *etag; /* validators from the last download, or NULL */
	const char *last_modified;
	int fd;		      /* the body is written here */
	long connect_timeout; /* seconds */
	long total_timeout;   /* seconds, for the whole transfer */
	/* a transfer slower than low_speed bytes/s for low_speed_time seconds
	 * (headers included) is stalled and ends */
	long low_speed, low_speed_time;
	/* nonzero (set by a signal handler) cancels the transfer */
	const volatile sig_atomic_t *cancel;
	uint64_t max_bytes; /* a larger body is refused */
	/* Bytes received so far and the total (0 while unknown); a nonzero
	 * return cancels the transfer (e.g. a key pressed in the TUI). */
	int (*progress)(void *ctx, uint64_t now, uint64_t total);
	void *progress_ctx;
};

struct fetch_response {
	long status;	/* HTTP status of the final response */
	uint64_t bytes; /* body bytes written */
	char *etag;	/* validators of the final response, or NULL */
	char *last_modified;
};

/* Was portscope built with libcurl? */
bool fetch_available(void);
/* GET rq->url. Returns 0 once a final response arrived (any status: the
 * caller judges rs->status), or -1 with err set (network, timeout,
 * truncated transfer, write error, no libcurl). */
int fetch_run(const struct fetch_request *rq, struct fetch_response *rs, struct ps_error *err);
void fetch_response_free(struct fetch_response *rs);
/* A header value safe to send back: printable ASCII only, at most 1 KiB;
 * returns a new string or NULL. */
char *fetch_clean_value(const char *s, size_t n);

#endif
