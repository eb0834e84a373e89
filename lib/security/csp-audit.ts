/**
 * Checks a response's security headers against the site's rules (docs/decisions/0040-csp.md,
 * 0041-hostile-input.md). Pure: used by the browser tests and the load script, unit-tested.
 * Returns the list of problems; empty means the headers pass.
 */

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: HeaderBag, name: string): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    // The first occurrence wins (CSP §2.2.1); later duplicates are ignored by browsers.
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** Fetch directives fall back to default-src; the rest do not. */
function effective(csp: Map<string, string[]>, directive: string): string[] | undefined {
  const fallsBack = directive.endsWith('-src') && directive !== 'base-uri';
  return csp.get(directive) ?? (fallsBack ? csp.get('default-src') : undefined);
}

const keyword = /^'(?:self|none|strict-dynamic|unsafe-inline|report-sample|nonce-[A-Za-z0-9+/_=-]+|sha(?:256|384|512)-[A-Za-z0-9+/_=-]+)'$/;

export function auditCsp(policy: string | undefined): string[] {
  if (policy === undefined || policy.trim() === '') return ['no Content-Security-Policy'];
  const problems: string[] = [];
  const csp = parseCsp(policy);
  const objectSrc = effective(csp, 'object-src');
  if (objectSrc?.join(' ') !== "'none'") problems.push(`object-src is not 'none' (${objectSrc?.join(' ') ?? 'unset'})`);
  if (!csp.has('base-uri')) problems.push('no base-uri');
  else if (!csp.get('base-uri')?.every((s) => s === "'self'" || s === "'none'")) problems.push(`base-uri allows ${csp.get('base-uri')?.join(' ')}`);
  if (csp.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors is not 'none'`);
  if (/'unsafe-eval'|'wasm-unsafe-eval'/.test(policy)) problems.push("'unsafe-eval' present");
  const scriptSrc = effective(csp, 'script-src');
  if (scriptSrc === undefined) problems.push('no script-src or default-src');
  else if (scriptSrc.includes("'unsafe-inline'")) problems.push("'unsafe-inline' in script-src");
  for (const [name, sources] of csp) {
    for (const s of sources) {
      if (keyword.test(s)) continue;
      // data: for images and fonts only; nothing else may name a scheme, host or wildcard.
      if (s === 'data:' && (name === 'img-src' || name === 'font-src')) continue;
      problems.push(`${name} allows ${s}`);
    }
  }
  return problems;
}

/** HSTS, nosniff, Referrer-Policy, Permissions-Policy, COOP and the CSP rules above. */
export function auditSecurityHeaders(headers: HeaderBag): string[] {
  const problems: string[] = [];
  const hsts = header(headers, 'strict-transport-security') ?? '';
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
  if (maxAge < 31_536_000) problems.push(`HSTS missing or shorter than a year (${hsts || 'unset'})`);
  if ((header(headers, 'x-content-type-options') ?? '').toLowerCase() !== 'nosniff') problems.push('X-Content-Type-Options is not nosniff');
  const referrer = (header(headers, 'referrer-policy') ?? '').toLowerCase();
  if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)) problems.push(`Referrer-Policy is ${referrer || 'unset'}`);
  const permissions = header(headers, 'permissions-policy') ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    if (!new RegExp(`(?:^|[,\\s])${feature}=\\(\\)`).test(permissions)) problems.push(`Permissions-Policy does not disable ${feature}`);
  }
  if ((header(headers, 'cross-origin-opener-policy') ?? '').toLowerCase() !== 'same-origin') problems.push('Cross-Origin-Opener-Policy is not same-origin');
  problems.push(...auditCsp(header(headers, 'content-security-policy')));
  return problems;
}
