import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describeIssues, frontmatterSchema, slugPattern, type Frontmatter } from '@/lib/content/schema';
import { readingMinutes } from '@/lib/content/reading-time';
import { locales, type Locale } from '@/lib/i18n/locales';
import type { Category } from '@/lib/content/categories';

export interface Article {
  slug: string;
  locale: Locale;
  /** Path relative to the repository, for error messages. */
  file: string;
  frontmatter: Frontmatter;
  body: string;
  readingMinutes: number;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

// ARTICLES_DIR lets the benchmark build a site from generated articles; normally content/articles.
const ARTICLES_DIR = process.env.ARTICLES_DIR ? path.resolve(process.env.ARTICLES_DIR) : path.join(process.cwd(), 'content', 'articles');

/** Reads and validates one file; a bad file throws naming the file and each bad field. */
export function parseArticleFile(absPath: string, slug: string, locale: Locale): Article {
  const file = path.relative(process.cwd(), absPath);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh object each time: gray-matter caches by content and would share mutations.
    parsed = matter(fs.readFileSync(absPath, 'utf8'), {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`${file}: frontmatter is not valid YAML: ${reason}`);
  }
  const result = frontmatterSchema.safeParse(parsed.data);
  if (!result.success) throw new ContentError(`Invalid article frontmatter:\n${describeIssues(file, result.error)}`);
  return { slug, locale, file, frontmatter: result.data, body: parsed.content, readingMinutes: readingMinutes(parsed.content, locale) };
}

function loadAll(dir: string): Article[] {
  if (!fs.existsSync(dir)) return [];
  const articles: Article[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (!slugPattern.test(entry.name)) {
      throw new ContentError(`content/articles/${entry.name}: folder name must be a lower-case slug (a-z, 0-9, hyphens)`);
    }
    for (const locale of locales) {
      const abs = path.join(dir, entry.name, `${locale}.mdx`);
      if (fs.existsSync(abs)) articles.push(parseArticleFile(abs, entry.name, locale));
    }
  }
  return articles;
}

let cache: Article[] | undefined;

/** Every article file, drafts included (the content check needs them). */
export function getAllArticleFiles(): Article[] {
  // Content is read once per process: pages are prerendered, and the server never edits files.
  cache ??= loadAll(ARTICLES_DIR);
  return cache;
}

const byNewest = (a: Article, b: Article) => b.frontmatter.published.getTime() - a.frontmatter.published.getTime();

/** Published articles in one language, newest first. */
export function getArticles(locale: Locale): Article[] {
  return getAllArticleFiles()
    .filter((a) => a.locale === locale && !a.frontmatter.draft)
    .sort(byNewest);
}

export function getArticlesByCategory(locale: Locale, category: Category): Article[] {
  return getArticles(locale).filter((a) => a.frontmatter.category === category);
}

export function getArticle(locale: Locale, slug: string): Article | undefined {
  return getArticles(locale).find((a) => a.slug === slug);
}

/** The languages an article is published in, for the language switch, alternates and sitemap. */
export function getArticleLocales(slug: string): Locale[] {
  return locales.filter((l) => getArticle(l, slug) !== undefined);
}
