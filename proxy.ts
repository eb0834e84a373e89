import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';

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

// Negotiates `/` by cookie, then Accept-Language, then falls back to Arabic.
export default function proxy(request: NextRequest) {
  if (isMalformed(request.nextUrl.pathname)) {
    return new NextResponse('Bad request', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return intl(request);
}

export const config = {
  // Pages only: API routes, Next's assets and files with an extension (feeds, cards, icons) skip it.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
