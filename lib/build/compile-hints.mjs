// V8's explicit compile hint (Chromium 136+): a file that starts with this comment has all its
// functions compiled eagerly, on a background thread while it streams in, instead of lazily on the
// main thread the first time each is called. Other engines read a comment. Why and what it buys:
// docs/decisions/0063-compile-hints.md. Plain JS so scripts/after-build.mjs runs it with node.

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The source with the hint as its first line; a source that has it already is returned as is. */
export function withCompileHint(source) {
  return source.startsWith(COMPILE_HINT) ? source : COMPILE_HINT + source;
}

const CHUNK = /^static\/chunks\/[\w-]+(?:\.[\w-]+)*\.js$/;

/**
 * The chunks every page evaluates at boot (React DOM, the Next.js client, the bundler runtime):
 * `rootMainFiles` of `<distDir>/build-manifest.json`. A manifest of another shape (a Next.js
 * upgrade) is an error naming the field, not a build that silently lost its hints.
 */
export function bootChunks(manifest, file = 'build-manifest.json') {
  const files = manifest?.rootMainFiles;
  if (!Array.isArray(files) || files.length === 0) throw new Error(`${file}: field "rootMainFiles" is missing or empty`);
  for (const f of files) {
    if (typeof f !== 'string' || !CHUNK.test(f)) throw new Error(`${file}: field "rootMainFiles" has ${JSON.stringify(f)}, not a static/chunks/*.js path`);
  }
  return files;
}
