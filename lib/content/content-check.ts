import fs from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { locales, type Locale } from '@/lib/i18n/locales';
import { categories } from '@/lib/content/categories';
import type { Article } from '@/lib/content/articles';
import { countWords } from '@/lib/content/reading-time';

/** What the editorial checks need to know about the site besides the articles themselves. */
export interface SiteIndex {
  glossaryIds: Set<string>;
  incidentIds: Set<string>;
  aboutSections: Set<string>;
}

export interface Problem {
  file: string;
  message: string;
}

export const WORDS_MIN = 800;
export const WORDS_MAX = 2000;

interface Scan {
  footnoteRefs: Set<string>;
  footnoteDefs: Set<string>;
  links: string[];
  terms: string[];
  statSources: string[];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function attr(node: { attributes: unknown[] }, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a && typeof a === 'object' && 'type' in a && a.type === 'mdxJsxAttribute' && 'name' in a && a.name === name && 'value' in a && typeof a.value === 'string') {
      return a.value;
    }
  }
  return undefined;
}

export function scanMdx(body: string): Scan {
  const tree = parser.parse(body) as Root;
  const scan: Scan = { footnoteRefs: new Set(), footnoteDefs: new Set(), links: [], terms: [], statSources: [] };
  visit(tree, (node) => {
    switch (node.type) {
      case 'footnoteReference':
        scan.footnoteRefs.add(node.identifier);
        break;
      case 'footnoteDefinition':
        scan.footnoteDefs.add(node.identifier);
        break;
      case 'text':
        // GFM only parses a reference whose definition exists; a dangling one stays text.
        for (const m of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) if (m[1]) scan.footnoteRefs.add(m[1].toLowerCase());
        break;
      case 'link':
        scan.links.push(node.url);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name === 'Term') scan.terms.push(attr(node, 'id') ?? '');
        if (node.name === 'Stat') scan.statSources.push(attr(node, 'source') ?? '');
        if (node.name === 'a') {
          const href = attr(node, 'href');
          if (href) scan.links.push(href);
        }
        break;
      }
      default:
        break;
    }
  });
  return scan;
}

/** Whether a site-internal path (with optional #fragment) leads to a page that exists. */
export function internalLinkExists(url: string, articles: Article[], site: SiteIndex): boolean {
  const [pathname = '', fragment] = url.split('#', 2);
  const parts = pathname.split('/').filter(Boolean);
  const [locale, section, id, ...rest] = parts;
  if (!locale || !(locales as readonly string[]).includes(locale)) return false;
  if (rest.length) return false;
  const l = locale as Locale;
  if (section === undefined) return id === undefined;
  switch (section) {
    case 'articles':
      return id !== undefined && articles.some((a) => a.locale === l && a.slug === id && !a.frontmatter.draft);
    case 'topics':
      return id !== undefined && (categories as readonly string[]).includes(id);
    case 'glossary':
      return id === undefined && (fragment === undefined || site.glossaryIds.has(fragment));
    case 'incidents':
      return id === undefined || site.incidentIds.has(id);
    case 'about':
      return id === undefined && (fragment === undefined || site.aboutSections.has(fragment));
    default:
      return false;
  }
}

/** Every editorial rule the test suite enforces, as a list of problems (empty = good). */
export function checkArticles(articles: Article[], site: SiteIndex): Problem[] {
  const problems: Problem[] = [];
  const slugs = [...new Set(articles.map((a) => a.slug))];
  for (const slug of slugs) {
    const versions = articles.filter((a) => a.slug === slug);
    for (const l of locales) {
      if (!versions.some((a) => a.locale === l)) {
        problems.push({ file: `content/articles/${slug}/`, message: `has no ${l}.mdx: every article is published in both languages` });
      }
    }
    const [first, second] = versions;
    if (first && second) {
      const a = first.frontmatter.sources.map((s) => s.url).sort().join('\n');
      const b = second.frontmatter.sources.map((s) => s.url).sort().join('\n');
      if (a !== b) problems.push({ file: `content/articles/${slug}/`, message: 'the two languages cite different sets of sources' });
      if (first.frontmatter.category !== second.frontmatter.category) {
        problems.push({ file: `content/articles/${slug}/`, message: 'the two languages have different categories' });
      }
    }
  }
  for (const article of articles) {
    const f = article.file;
    const fm = article.frontmatter;
    if (fm.sources.length < 3) problems.push({ file: f, message: `cites ${fm.sources.length} sources; at least 3 are required` });
    const scan = scanMdx(article.body);
    for (const ref of scan.footnoteRefs) {
      if (!scan.footnoteDefs.has(ref)) problems.push({ file: f, message: `footnote [^${ref}] is referenced but never defined` });
    }
    for (const def of scan.footnoteDefs) {
      if (!scan.footnoteRefs.has(def)) problems.push({ file: f, message: `footnote [^${def}] is defined but never referenced` });
    }
    const sourceIds = new Set(fm.sources.map((s) => s.id));
    for (const def of scan.footnoteDefs) {
      if (!sourceIds.has(def)) problems.push({ file: f, message: `footnote [^${def}] is not one of the frontmatter source ids` });
    }
    for (const id of sourceIds) {
      if (!scan.footnoteRefs.has(id)) problems.push({ file: f, message: `source "${id}" is listed but never cited in the text` });
    }
    for (const s of scan.statSources) {
      if (!sourceIds.has(s)) problems.push({ file: f, message: `<Stat source="${s}"> is not one of the frontmatter source ids` });
    }
    for (const term of scan.terms) {
      if (!site.glossaryIds.has(term)) problems.push({ file: f, message: `<Term id="${term}"> has no glossary entry` });
    }
    for (const url of scan.links) {
      if (url.startsWith('#')) continue;
      if (/^(https?:|mailto:)/i.test(url)) continue;
      if (!url.startsWith('/')) {
        problems.push({ file: f, message: `link "${url}" is neither absolute (https://) nor a site path (/…)` });
        continue;
      }
      if (!internalLinkExists(url, articles, site)) problems.push({ file: f, message: `internal link "${url}" points nowhere` });
      else if (!url.startsWith(`/${article.locale}`)) problems.push({ file: f, message: `internal link "${url}" leads to the other language` });
    }
    const words = countWords(article.body);
    if (words < WORDS_MIN || words > WORDS_MAX) {
      problems.push({ file: f, message: `has ${words} words; articles run ${WORDS_MIN}–${WORDS_MAX} words per language` });
    }
  }
  return problems;
}

/** The ids of bundled incidents, from content/incidents/*.json file names. */
export function bundledIncidentIds(root = process.cwd()): Set<string> {
  const dir = path.join(root, 'content', 'incidents');
  if (!fs.existsSync(dir)) return new Set();
  return new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')));
}
