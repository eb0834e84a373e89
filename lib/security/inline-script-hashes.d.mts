/** The inline scripts of an HTML document, hashed for CSP (`sha256-…`); ld+json is data, not script. */
export function inlineScriptHashes(html: string): string[];
