/* SPDX-License-Identifier: MIT */
/* fetch.c: HTTP(S) GET with libcurl (optional: without it fetch_run()
 * explains that it is missing). libcurl is opened with dlopen() the first
 * time a download is asked for, not linked: linked, its thirty dependent
 * libraries cost every portscope start about 13 million instructions of
 * dynamic linking (measured with callgrind), more than parsing the whole
 * registry does. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "fetch.h"
#include "i18n.h"
#include "strbuf.h"

#define VALUE_MAX 1024

char *fetch_clean_value(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n == 0 || n > VALUE_MAX)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return NULL; /* never echo control bytes into a request */
	return strndup(s, n);
}

void fetch_response_free(struct fetch_response *rs)
{
	free(rs->etag);
	free(rs->last_modified);
	rs->etag = rs->last_modified = NULL;
}

#ifndef HAVE_CURL

bool fetch_available(void)
{
	return false;
}

int fetch_run(const struct fetch_request *rq, struct fetch_response *rs, struct ps_error *err)
{
	(void)rq;
	memset(rs, 0, sizeof(*rs));
	return error_set(err, NULL, 0, _("this portscope was built without libcurl"));
}

#else

#define CURL_DISABLE_TYPECHECK /* the calls go through the table below */
#include <curl/curl.h>

#include "dynlib.h"

#define LIBCURL_SONAME "libcurl.so.4"

/* The libcurl functions used here, resolved at first use. */
static struct curl_fns {
	CURLcode (*global_init)(long);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	void (*easy_cleanup)(CURL *);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
} lc;

#define curl_global_init (lc.global_init)
#define curl_easy_init (lc.easy_init)
#undef curl_easy_setopt /* curl.h checks the argument count with a macro */
#undef curl_easy_getinfo
#define curl_easy_setopt (lc.easy_setopt)
#define curl_easy_perform (lc.easy_perform)
#define curl_easy_getinfo (lc.easy_getinfo)
#define curl_easy_cleanup (lc.easy_cleanup)
#define curl_easy_strerror (lc.easy_strerror)
#define curl_slist_append (lc.slist_append)
#define curl_slist_free_all (lc.slist_free_all)

static const struct dynlib_fn curl_fn_names[] = {
	{"curl_global_init", offsetof(struct curl_fns, global_init)},
	{"curl_easy_init", offsetof(struct curl_fns, easy_init)},
	{"curl_easy_setopt", offsetof(struct curl_fns, easy_setopt)},
	{"curl_easy_perform", offsetof(struct curl_fns, easy_perform)},
	{"curl_easy_getinfo", offsetof(struct curl_fns, easy_getinfo)},
	{"curl_easy_cleanup", offsetof(struct curl_fns, easy_cleanup)},
	{"curl_easy_strerror", offsetof(struct curl_fns, easy_strerror)},
	{"curl_slist_append", offsetof(struct curl_fns, slist_append)},
	{"curl_slist_free_all", offsetof(struct curl_fns, slist_free_all)},
};
static struct dynlib curl_lib = DYNLIB_INIT(LIBCURL_SONAME, curl_fn_names, &lc);

static bool fetch_load_curl(void)
{
	return dynlib_available(&curl_lib);
}

struct fetch_state {
	const struct fetch_request *rq;
	struct fetch_response *rs;
	int write_errno; /* errno of a failed write(2), or 0 */
	bool too_big;
	bool cancelled; /* the progress callback or a signal asked to stop */
};

bool fetch_available(void)
{
	return fetch_load_curl();
}

/* libcurl write callback: the body goes to rq->fd. */
static size_t on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct fetch_state *st = ctx;
	size_t len = size * nmemb, done = 0;
	if (st->rs->bytes + len > st->rq->max_bytes) {
		st->too_big = true;
		return 0;
	}
	while (done < len) {
		ssize_t w = write(st->rq->fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			st->write_errno = errno;
			return 0;
		}
		done += (size_t)w;
	}
	st->rs->bytes += len;
	return len;
}

/* Replace *slot with the header's value if line is "name: value". */
static void take_header(char **slot, const char *name, const char *line, size_t n)
{
	size_t k = strlen(name);
	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return;
	free(*slot);
	*slot = fetch_clean_value(line + k + 1, n - k - 1);
}

/* libcurl header callback: keep the validators of the last response only
 * (a redirect's headers come first). */
static size_t on_header(char *line, size_t size, size_t nmemb, void *ctx)
{
	struct fetch_state *st = ctx;
	size_t n = size * nmemb;
	if (n >= 5 && strncmp(line, "HTTP/", 5) == 0)
		fetch_response_free(st->rs);
	take_header(&st->rs->etag, "ETag", line, n);
	take_header(&st->rs->last_modified, "Last-Modified", line, n);
	return n;
}

static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	(void)ultotal, (void)ulnow;
	struct fetch_state *st = ctx;
	if (st->rq->cancel && *st->rq->cancel)
		st->cancelled = true;
	else if (st->rq->progress &&
		 st->rq->progress(st->rq->progress_ctx, (uint64_t)(dlnow > 0 ? dlnow : 0),
				  (uint64_t)(dltotal > 0 ? dltotal : 0)) != 0)
		st->cancelled = true;
	return st->cancelled;
}

/* The conditional-request headers, as a curl list (NULL when none). */
static int conditional_headers(const struct fetch_request *rq, struct curl_slist **list)
{
	const char *names[2] = {"If-None-Match: ", "If-Modified-Since: "};
	const char *values[2] = {rq->etag, rq->last_modified};
	for (int i = 0; i < 2; i++) {
		if (!values[i])
			continue;
		struct strbuf h = STRBUF_INIT;
		strbuf_adds(&h, names[i]);
		strbuf_adds(&h, values[i]);
		struct curl_slist *l = h.failed ? NULL : curl_slist_append(*list, h.data);
		strbuf_free(&h);
		if (!l)
			return -1;
		*list = l;
	}
	return 0;
}

static void set_options(CURL *c, const struct fetch_request *rq, struct fetch_state *st,
			char *errbuf, struct curl_slist *headers)
{
	curl_easy_setopt(c, CURLOPT_URL, rq->url);
	bool https = strncasecmp(rq->url, "https:", 6) == 0;
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	/* a redirect may not drop the encryption the URL asked for */
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
	if (rq->ca_file) {
		curl_easy_setopt(c, CURLOPT_CAINFO, rq->ca_file);
		curl_easy_setopt(c, CURLOPT_CAPATH, NULL);
	}
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, rq->connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, rq->total_timeout);
	if (rq->low_speed_time > 0) {
		curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, rq->low_speed);
		curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, rq->low_speed_time);
	}
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, st);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, st);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, st);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)rq->max_bytes);
	if (headers)
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
}

/* libcurl's commonest failures in a person's words. */
static const struct {
	CURLcode code;
	const char *why;
} fetch_reasons[] = {
	{CURLE_COULDNT_RESOLVE_HOST, N_("the server's name does not resolve (no network?)")},
	{CURLE_COULDNT_CONNECT, N_("the server does not answer on its port")},
	{CURLE_OPERATION_TIMEDOUT, N_("the transfer stalled or took too long")},
	{CURLE_PEER_FAILED_VERIFICATION, N_("the server's certificate is not trusted")},
	{CURLE_SSL_CONNECT_ERROR, N_("the secure connection could not be set up")},
	{CURLE_SSL_CACERT_BADFILE, N_("the certificate file could not be read")},
	{CURLE_TOO_MANY_REDIRECTS, N_("too many redirects")},
	{CURLE_UNSUPPORTED_PROTOCOL,
	 N_("redirected to an address that is not allowed (https may not go to http)")},
	{CURLE_OUT_OF_MEMORY, N_("the server's response was too large to read (a huge header?)")},
	{CURLE_RECV_ERROR, N_("the connection broke while receiving")},
	{CURLE_PARTIAL_FILE, N_("the transfer ended before the whole file arrived")},
	{CURLE_WEIRD_SERVER_REPLY, N_("the server's answer is not HTTP")},
};

static const char *fetch_explain(CURLcode rc)
{
	for (size_t i = 0; i < sizeof(fetch_reasons) / sizeof(fetch_reasons[0]); i++)
		if (fetch_reasons[i].code == rc)
			return _(fetch_reasons[i].why);
	return NULL;
}

/* Turn a failed transfer into a message naming the URL. */
static int transfer_error(const struct fetch_state *st, CURLcode rc, const char *errbuf,
			  struct ps_error *err)
{
	const char *url = st->rq->url;
	if (st->write_errno)
		return error_set(err, NULL, 0, _("writing the download of %s: %s"), url,
				 strerror(st->write_errno));
	if (st->cancelled)
		return error_set(err, NULL, 0, _("download of %s cancelled"), url);
	if (st->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		return error_set(err, NULL, 0, _("%s: the response is over %llu bytes"), url,
				 (unsigned long long)st->rq->max_bytes);
	const char *why = fetch_explain(rc);
	if (why)
		return error_set(err, NULL, 0, _("downloading %s: %s (%s)"), url, why,
				 *errbuf ? errbuf : curl_easy_strerror(rc));
	return error_set(err, NULL, 0, _("downloading %s: %s"), url,
			 *errbuf ? errbuf : curl_easy_strerror(rc));
}

int fetch_run(const struct fetch_request *rq, struct fetch_response *rs, struct ps_error *err)
{
	memset(rs, 0, sizeof(*rs));
	if (!fetch_load_curl())
		return error_set(err, NULL, 0, _("cannot load %s: install libcurl4"),
				 LIBCURL_SONAME);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return error_set(err, NULL, 0, _("libcurl failed to initialise"));
	CURL *c = curl_easy_init();
	struct curl_slist *headers = NULL;
	if (!c || conditional_headers(rq, &headers) < 0) {
		curl_slist_free_all(headers);
		curl_easy_cleanup(c);
		return error_set(err, NULL, 0, _("out of memory"));
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	struct fetch_state st = {.rq = rq, .rs = rs};
	set_options(c, rq, &st, errbuf, headers);
	CURLcode rc = curl_easy_perform(c);
	int ret = 0;
	if (rc != CURLE_OK)
		ret = transfer_error(&st, rc, errbuf, err);
	else
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &rs->status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(c);
	return ret;
}

#endif
