/* SPDX-License-Identifier: MIT */
/* fuzz_sanitize.c: libFuzzer target for the terminal sanitiser, JSON
 * escaping and UTF-8 normalisation. Whatever the input, the terminal forms
 * are valid UTF-8 without C0, DEL or C1; the JSON form is a valid string
 * body; normalisation yields valid UTF-8 and leaves valid input alone. */
#include <config.h>

#include "fuzz_check.h"
#include "sanitize.h"
#include "utf8.h"

/* The sanitiser changes nothing exactly when it says the input is clean. */
static void check_terminal(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	sanitize_append(&sb, s, n);
	FUZZ_ASSERT(!sb.failed, "out of memory");
	fuzz_check_terminal_safe(sb.data, sb.len, false);
	bool same = sb.len == n && (n == 0 || memcmp(sb.data, s, n) == 0);
	FUZZ_ASSERT(same == sanitize_is_clean(s, n), "sanitize_is_clean disagrees");
	strbuf_reset(&sb);
	sanitize_append_lines(&sb, s, n);
	fuzz_check_terminal_safe(sb.data, sb.len, true);
	strbuf_free(&sb);
}

static void check_json(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	sanitize_json(&sb, s, n);
	FUZZ_ASSERT(!sb.failed, "out of memory");
	fuzz_check_json_body(sb.data, sb.len);
	strbuf_free(&sb);
}

static void check_normalize(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t bad = utf8_normalize(&sb, s, n);
	FUZZ_ASSERT(!sb.failed, "out of memory");
	FUZZ_ASSERT(fuzz_utf8_valid(sb.data, sb.len), "normalised text is not valid UTF-8");
	bool valid = fuzz_utf8_valid(s, n);
	FUZZ_ASSERT(valid == (bad == 0), "replacement count disagrees with validity");
	FUZZ_ASSERT(valid == (utf8_valid_prefix(s, n) == n), "utf8_valid_prefix disagrees");
	if (valid)
		FUZZ_ASSERT(sb.len == n && (n == 0 || memcmp(sb.data, s, n) == 0),
			    "valid UTF-8 changed by normalisation");
	else
		FUZZ_ASSERT(sb.len == n + 2 * bad, "each bad byte is not one U+FFFD");
	strbuf_free(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	check_terminal(s, size);
	check_json(s, size);
	check_normalize(s, size);
	return 0;
}
