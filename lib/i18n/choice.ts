/**
 * How a reader's explicit choice of language is carried and remembered. No imports: the
 * language switch island uses it too.
 */

/** The cookie that remembers the choice (next-intl reads it when negotiating `/`). */
export const localeCookieName = 'NEXT_LOCALE';
/** Query parameter the language switch adds; proxy.ts records the choice, then drops it. */
export const languageChoiceParam = 'lang';
