// The framework floor for `npm run bench` (bench/lib/floor.mjs): the same Next.js as the site,
// built from the repository's node_modules, into the directory the bench names.
export default {
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
};
