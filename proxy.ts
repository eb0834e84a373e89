import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';
import { buildCsp } from '@/lib/security/csp';
import { prerenderedScriptHashes } from '@/lib/security/csp-manifest';

const intl = createMiddleware(routing);

/** Paths Next would choke on (bad percent-encoding, absurd length) are refused here, as 4xx. */
function isMalformed(pathname: string): boolean {
  if (pathname.length > 1024) return true;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Pages are paths without a file extension outside /api; everything else is data or a file. */
function isPage(pathname: string): boolean {
  return !pathname.startsWith('/api/') && pathname !== '/api' && !/\.[a-z0-9]+$/i.test(pathname);
}

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isMalformed(pathname)) {
    return new NextResponse('Bad request', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': buildCsp({ document: false }) },
    });
  }
  if (!isPage(pathname)) {
    const response = NextResponse.next();
    // Cards, feeds and manifests are documents for no one: nothing may run in them.
    response.headers.set('content-security-policy', buildCsp({ document: false }));
    return response;
  }

  const hashes = prerenderedScriptHashes(pathname);
  if (hashes) {
    // Prerendered HTML: allow exactly the inline scripts it was built with.
    const response = intl(request);
    response.headers.set('content-security-policy', buildCsp({ scriptHashes: hashes }));
    return response;
  }

  // Rendered on demand: a fresh nonce, passed to Next through the request's CSP header so it
  // stamps its own inline scripts with it.
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = buildCsp({ nonce });
  request.headers.set('content-security-policy', csp);
  request.headers.set('x-nonce', nonce);
  const response = intl(request);
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Everything but Next's immutable build assets.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
