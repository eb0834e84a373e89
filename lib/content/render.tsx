import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import type { ReactElement, ReactNode } from 'react';
import type { MDXComponents } from 'mdx/types';
import { contentPipeline } from '@/lib/content/pipeline';
import type { TocEntry } from '@/lib/content/plugins/rehype-collect-headings';
import { mdxComponents, renderedByReact } from '@/components/mdx/mdx-components';
import { staticBlocks } from '@/lib/content/static-html';
import type { Article } from '@/lib/content/articles';

export interface RenderLabels {
  anchorLabel: string;
  footnoteLabel: string;
  footnoteBackLabel: string;
  glossaryLinkLabel: string;
  tableLabel: string;
}

export interface RenderedArticle {
  content: ReactElement;
  toc: TocEntry[];
}

export interface CompiledArticle {
  /** The body as MDX's component: call it with the components to get the tree. */
  Content: (props: { components?: MDXComponents }) => ReactNode;
  toc: TocEntry[];
}

/** Compiles an article's MDX on the server (at build time for prerendered pages). */
export async function compileArticle(article: Article, labels: RenderLabels): Promise<CompiledArticle> {
  const toc: TocEntry[] = [];
  const { remarkPlugins, rehypePlugins, remarkRehypeOptions } = contentPipeline({ ...labels, toc });
  try {
    const { default: Content } = await evaluate(article.body, {
      ...runtime,
      remarkPlugins,
      rehypePlugins,
      remarkRehypeOptions,
      development: false,
    });
    return { Content: Content as CompiledArticle['Content'], toc };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${article.file}: MDX does not compile: ${reason}`);
  }
}

/**
 * The article's body, ready to place in the page: each block of it static HTML (far less to
 * hydrate, 0064) except blocks holding a component React must render.
 */
export async function renderArticle(article: Article, labels: RenderLabels): Promise<RenderedArticle> {
  const { Content, toc } = await compileArticle(article, labels);
  const components = mdxComponents({ locale: article.locale, sources: article.frontmatter.sources, glossaryLinkLabel: labels.glossaryLinkLabel, tableLabel: labels.tableLabel });
  const content = await staticBlocks(Content({ components }), { keep: renderedByReact, file: article.file });
  return { content, toc };
}
