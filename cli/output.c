/* SPDX-License-Identifier: MIT */
/* output.c: text, JSON and CSV rendering shared by the CLI commands. */
#include <config.h>

#include <string.h>

#include "i18n.h"
#include "output.h"
#include "sanitize.h"
#include "utf8.h"

int output_parse_format(const char *s)
{
	static const char *const names[] = {
		[FORMAT_TEXT] = "text", [FORMAT_JSON] = "json", [FORMAT_CSV] = "csv"};
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

void output_text(struct strbuf *out, const char *s)
{
	sanitize_append(out, s, strlen(s));
}

void output_json_string(struct strbuf *out, const char *s)
{
	strbuf_addc(out, '"');
	sanitize_json(out, s, strlen(s));
	strbuf_addc(out, '"');
}

void output_csv_field(struct strbuf *out, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		sanitize_append_lines(out, s, strlen(s));
		return;
	}
	strbuf_addc(out, '"');
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		sanitize_append_lines(out, s, (size_t)(q - s));
		strbuf_add(out, "\"\"", 2);
	}
	sanitize_append_lines(out, s, strlen(s));
	strbuf_addc(out, '"');
}

const char *output_record_range(const struct record *r)
{
	if (r->port_lo == PORT_NONE)
		return NULL;
	enum port_range a = port_range_of((unsigned)r->port_lo);
	enum port_range b = port_range_of((unsigned)r->port_hi);
	return a == b ? range_name(a) : "mixed";
}

void output_record_json(struct strbuf *out, const struct registry *reg, const struct record *r)
{
	strbuf_addc(out, '{');
	for (int f = 0; f < FIELD_COUNT; f++) {
		strbuf_addf(out, "%s\"%s\":", f ? "," : "", field_key((enum field)f));
		output_json_string(out, registry_field(reg, r, (enum field)f));
	}
	if (r->port_lo == PORT_NONE)
		strbuf_adds(out, ",\"port_low\":null,\"port_high\":null");
	else
		strbuf_addf(out, ",\"port_low\":%d,\"port_high\":%d", (int)r->port_lo,
			    (int)r->port_hi);
	strbuf_addf(out, ",\"state\":\"%s\"", state_name((enum port_state)r->state));
	const char *range = output_record_range(r);
	if (range)
		strbuf_addf(out, ",\"range\":\"%s\"}", range);
	else
		strbuf_adds(out, ",\"range\":null}");
}

void output_record_csv_header(struct strbuf *out)
{
	for (int f = 0; f < FIELD_COUNT; f++) {
		strbuf_adds(out, field_key((enum field)f));
		strbuf_addc(out, ',');
	}
	strbuf_adds(out, "port_low,port_high,state,range\n");
}

void output_record_csv(struct strbuf *out, const struct registry *reg, const struct record *r)
{
	for (int f = 0; f < FIELD_COUNT; f++) {
		output_csv_field(out, registry_field(reg, r, (enum field)f));
		strbuf_addc(out, ',');
	}
	if (r->port_lo != PORT_NONE)
		strbuf_addf(out, "%d,%d", (int)r->port_lo, (int)r->port_hi);
	else
		strbuf_addc(out, ',');
	const char *range = output_record_range(r);
	strbuf_addf(out, ",%s,%s\n", state_name((enum port_state)r->state), range ? range : "");
}

/* Labels of the text block, aligned by the longest. */
static const char *text_label(enum field f)
{
	static const char *const labels[FIELD_COUNT] = {
		N_("Service"),	 N_("Port"),	     N_("Transport"),	     N_("Description"),
		N_("Assignee"),	 N_("Contact"),	     N_("Registered"),	     N_("Modified"),
		N_("Reference"), N_("Service code"), N_("Unauthorized use"), N_("Notes"),
	};
	return _(labels[f]);
}

/* Columns of the label column: 17, or the widest translated label. */
static int text_label_width(void)
{
	int w = 17;
	for (int f = FIELD_DESCRIPTION; f < FIELD_COUNT; f++) {
		int lw = utf8_width(text_label((enum field)f));
		w = lw > w ? lw : w;
	}
	return w;
}

/* Multi-line values continue under the value column. */
static void text_value(struct strbuf *out, const char *v, int indent)
{
	struct strbuf tmp = STRBUF_INIT;
	sanitize_append_lines(&tmp, v, strlen(v));
	for (const char *s = strbuf_str(&tmp); *s; s++) {
		strbuf_addc(out, *s);
		if (*s == '\n' && s[1])
			strbuf_addf(out, "%*s", indent, "");
	}
	strbuf_free(&tmp);
}

void output_record_label(struct strbuf *out, const struct registry *reg, const struct record *r)
{
	const char *svc = registry_field(reg, r, FIELD_SERVICE);
	const char *port = registry_field(reg, r, FIELD_PORT);
	const char *tr = registry_field(reg, r, FIELD_TRANSPORT);
	output_text(out, *port ? port : "-");
	if (*tr) {
		strbuf_addc(out, '/');
		output_text(out, tr);
	}
	strbuf_adds(out, "  ");
	output_text(out, *svc ? svc : _("(no service name)"));
}

void output_record_text(struct strbuf *out, const struct registry *reg, const struct record *r)
{
	output_record_label(out, reg, r);
	const char *range = output_record_range(r);
	strbuf_addf(out, "  (%s%s%s)\n", _(state_name((enum port_state)r->state)),
		    range ? ", " : "", range ? _(range) : "");
	int lw = text_label_width();
	for (int f = FIELD_DESCRIPTION; f < FIELD_COUNT; f++) {
		const char *v = registry_field(reg, r, (enum field)f);
		if (!*v)
			continue;
		strbuf_adds(out, "    ");
		utf8_pad(out, text_label((enum field)f), lw, 0);
		strbuf_addc(out, ' ');
		text_value(out, v, lw + 5);
		strbuf_addc(out, '\n');
	}
}

void output_record_item(struct strbuf *out, enum format format, const struct registry *reg,
			const struct record *r, size_t i)
{
	if (format == FORMAT_JSON) {
		strbuf_adds(out, i ? ",\n" : "\n");
		output_record_json(out, reg, r);
	} else if (format == FORMAT_CSV) {
		output_record_csv(out, reg, r);
	} else {
		strbuf_addc(out, '\n');
		output_record_text(out, reg, r);
	}
}

int output_flush(struct strbuf *out, FILE *fp)
{
	int rc = 0;
	if (out->len && fwrite(out->data, 1, out->len, fp) != out->len)
		rc = -1;
	strbuf_reset(out);
	return rc;
}
