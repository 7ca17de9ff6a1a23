/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Tagged template that escapes every interpolated value unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (part === null || part === undefined || part === false) continue;
      out += part instanceof SafeHtml ? part.value : escapeHtml(String(part));
    }
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

/**
 * A catalogue string with `{name}` placeholders: the text is escaped and each
 * placeholder replaced by its value (escaped too, unless it is `SafeHtml`),
 * so translations can put a link or a highlighted value anywhere.
 */
export function fill(template: string, values: Record<string, unknown>): SafeHtml {
  const parts = template.split(/\{(\w+)\}/);
  return new SafeHtml(
    parts
      .map((part, i) => {
        if (i % 2 === 0) return escapeHtml(part);
        const value = values[part];
        return value instanceof SafeHtml ? value.value : escapeHtml(String(value ?? ''));
      })
      .join(''),
  );
}

/**
 * JSON for a <script> element. In a script's text only `<` can end it
 * (`</script`) or change how it is read (`<!--`), so every `<` becomes
 * \\u003c; the JSON still parses to the same data. U+2028 and U+2029 are
 * escaped too, for older JavaScript parsers.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A stable, valid element id for a form field name such as `answer:<id>` or `consent:<key>`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}
