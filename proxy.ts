import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/lib/i18n/locales';
import { languageChoiceParam, localeCookieName } from '@/lib/i18n/choice';
import { routing } from '@/lib/i18n/routing';
import { buildCsp } from '@/lib/security/csp';
import { prerenderedScriptHashes } from '@/lib/security/csp-manifest';

const intl = createMiddleware(routing);

/**
 * Paths Next would choke on (bad percent-encoding, absurd length) are refused here, as 4xx; so
 * are encoded control characters and backslashes, which URL parsing silently drops or turns into
 * slashes (docs/decisions/0041-hostile-input.md).
 */
function isMalformed(pathname: string): boolean {
  if (pathname.length > 1024) return true;
  try {
    return /[\u0000-\u001f\u007f\\]/.test(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}

/**
 * The path next-intl would rewrite a page request to (its decodeURI, then URL normalisation:
 * dot segments, over-encoded characters such as %61, repeated slashes). Such a rewrite carries
 * an absolute URL, and `next start -H <address>` treats it as another origin and proxies the
 * request to itself over HTTP (a 500 "socket hang up" under load). A redirect to the canonical
 * path instead gives the reader the same page, with no proxying.
 */
function canonicalPath(pathname: string): string {
  try {
    const decoded = decodeURI(pathname.replace(/%25/g, '%2525')).replace(/\/+/g, '/');
    return new URL(decoded, 'http://canonical.invalid').pathname;
  } catch {
    return pathname;
  }
}

/** Pages are paths without a file extension outside /api; everything else is data or a file. */
function isPage(pathname: string): boolean {
  return !pathname.startsWith('/api/') && pathname !== '/api' && !/\.[a-z0-9]+$/i.test(pathname);
}

/**
 * next-intl's answer, without the cookie it would set on visiting a language: a page is then
 * the same for every reader and cacheable (lib/server/page-cache.ts, shared caches). Only the
 * language switch sets the cookie (above); next-intl still reads it to negotiate `/`.
 */
function pageResponse(request: NextRequest): NextResponse {
  const response = intl(request);
  response.headers.delete('set-cookie');
  return response;
}

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isMalformed(pathname)) {
    return new NextResponse('Bad request', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': buildCsp({ document: false }) },
    });
  }
  if (isPage(pathname) && request.method !== 'GET' && request.method !== 'HEAD') {
    // Pages are read, never posted to: every form posts to /api/… (the desk's route handlers).
    // Without this, Next takes a multipart POST to a page for a Server Action (the site has none)
    // and logs a stack trace for each one.
    return new NextResponse('Method not allowed', {
      status: 405,
      headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': buildCsp({ document: false }) },
    });
  }
  if (!isPage(pathname)) {
    const response = NextResponse.next();
    // Cards, feeds and manifests are documents for no one: nothing may run in them.
    response.headers.set('content-security-policy', buildCsp({ document: false }));
    return response;
  }

  const canonical = canonicalPath(pathname);
  if (canonical.replace(/\/+$/, '') !== pathname.replace(/\/+$/, '') && canonical.startsWith('/') && !canonical.startsWith('//')) {
    const response = NextResponse.redirect(new URL(`${canonical}${request.nextUrl.search}`, request.url), 308);
    response.headers.set('content-security-policy', buildCsp({ document: false }));
    return response;
  }

  // The language switch links to the other language's page with ?lang=<it>: the reader's
  // explicit choice, remembered for `/` in the locale cookie, then the clean URL.
  const chosen = request.nextUrl.searchParams.get(languageChoiceParam);
  if (chosen !== null) {
    const clean = request.nextUrl.clone();
    clean.searchParams.delete(languageChoiceParam);
    const response = NextResponse.redirect(clean, 303);
    if (isLocale(chosen) && pathname.split('/')[1] === chosen) {
      response.cookies.set(localeCookieName, chosen, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    }
    response.headers.set('content-security-policy', buildCsp({ document: false }));
    response.headers.set('cache-control', 'no-store');
    return response;
  }

  const hashes = prerenderedScriptHashes(pathname);
  if (hashes) {
    // Prerendered HTML: allow exactly the inline scripts it was built with.
    const response = pageResponse(request);
    response.headers.set('content-security-policy', buildCsp({ scriptHashes: hashes }));
    return response;
  }

  // Rendered on demand: a fresh nonce, passed to Next through the request's CSP header so it
  // stamps its own inline scripts with it.
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = buildCsp({ nonce });
  request.headers.set('content-security-policy', csp);
  request.headers.set('x-nonce', nonce);
  const response = pageResponse(request);
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Everything but Next's immutable build assets.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
