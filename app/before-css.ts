/**
 * The one piece of layout the page needs before its stylesheet arrives: the long blocks that
 * app/globals.css defers (`content-visibility: auto`, decision 0062) are deferred from the first
 * byte too.
 *
 * Chromium sometimes lays a page out while its render-blocking stylesheet is still on its way
 * (seen in about one load in six here, on loopback and on a throttled link alike, with or
 * without font preloads). Without the stylesheet nothing was deferred, so that layout covered the
 * whole document: 1,433 layout objects on the Arabic incident page, 1,057 on the Arabic article,
 * 45–230 ms on this machine, before the first paint and four times that on a phone. With these
 * rules it covers what the page shows above the list or the article body.
 *
 * In a cascade layer, so every unlayered rule of the stylesheet wins once it has arrived: its
 * sizes, and the blocks it renders while they hold focus or a term's tip. Screens only, as there.
 * A unit test holds the selectors to the ones globals.css defers.
 */
// Only blocks globals.css defers whatever they hold: one it leaves out when it holds a glossary
// term (`:not(:has(.term))`) would stay deferred here, under the tip. The list and the article's
// body are most of the two long pages.
export const deferredBeforeCssSelectors = ['.tl-list', '.article-body > *'] as const;

export const beforeCssCss = `@layer ow-before-css{@media screen{${deferredBeforeCssSelectors.join(',')}{content-visibility:auto;contain-intrinsic-block-size:auto 20rem}}}`;
