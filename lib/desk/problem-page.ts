import { html, trustedHtml, type SafeHtml } from '@/lib/feeds/html';
import { localeConfig, type Locale } from '@/lib/i18n/locales';

/**
 * A complete, self-contained HTML document for the desk's failures on form posts (401, 403,
 * 503): the route handlers answer with it directly, in the editor's language, so the status
 * code is real and nothing typed is lost (the unsaved text comes back in a read-only field).
 * No script, no external resource. Built with lib/feeds/html.ts's `html`, which escapes every
 * interpolated string (React's server renderer may not be imported into route handlers).
 */
export interface ProblemPageProps {
  readonly locale: Locale;
  readonly title: string;
  readonly body: string;
  readonly link: { readonly href: string; readonly label: string };
  readonly unsaved?: { readonly label: string; readonly parts: readonly { readonly lang: Locale; readonly text: string }[] };
}

function join(parts: readonly SafeHtml[]): SafeHtml {
  return trustedHtml(parts.map((p) => p.value).join(''));
}

export function problemPageHtml({ locale, title, body, link, unsaved }: ProblemPageProps): string {
  const cfg = localeConfig(locale);
  const saved =
    unsaved !== undefined && unsaved.parts.length > 0
      ? html`<section aria-label="${unsaved.label}"><p>${unsaved.label}</p>${join(
          unsaved.parts.map(
            (part) =>
              html`<p><textarea readonly rows="8" cols="60" lang="${localeConfig(part.lang).tag}" dir="${localeConfig(part.lang).dir}" aria-label="${unsaved.label}">${part.text}</textarea></p>`,
          ),
        )}</section>`
      : html``;
  const doc = html`<!DOCTYPE html><html lang="${cfg.tag}" dir="${cfg.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${title}</title></head><body><main><h1>${title}</h1><p role="alert">${body}</p>${saved}<p><a href="${link.href}">${link.label}</a></p></main></body></html>`;
  return doc.value;
}
