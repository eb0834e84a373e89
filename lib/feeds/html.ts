/**
 * Feed fields typed as HTML (RSS description, Atom title/summary/content, JSON content_html)
 * are read as markup by feed readers, so plain text placed in them must be escaped first.
 * `html` escapes every interpolated value unless it is already `SafeHtml`: the only way to put
 * raw markup in is `trustedHtml`, used for the article body our own pipeline rendered.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);
}

export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export function html(strings: TemplateStringsArray, ...values: readonly (string | SafeHtml)[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += (value instanceof SafeHtml ? value.value : escapeHtml(value)) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
