import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import type { ReactElement } from 'react';
import { contentPipeline } from '@/lib/content/pipeline';
import type { TocEntry } from '@/lib/content/plugins/rehype-collect-headings';
import { mdxComponents } from '@/components/mdx/mdx-components';
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

/** Compiles an article's MDX on the server (at build time for prerendered pages). */
export async function renderArticle(article: Article, labels: RenderLabels): Promise<RenderedArticle> {
  const toc: TocEntry[] = [];
  const { remarkPlugins, rehypePlugins, remarkRehypeOptions } = contentPipeline({ ...labels, toc });
  let Content;
  try {
    ({ default: Content } = await evaluate(article.body, {
      ...runtime,
      remarkPlugins,
      rehypePlugins,
      remarkRehypeOptions,
      development: false,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${article.file}: MDX does not compile: ${reason}`);
  }
  const components = mdxComponents({ locale: article.locale, sources: article.frontmatter.sources, glossaryLinkLabel: labels.glossaryLinkLabel, tableLabel: labels.tableLabel });
  return { content: <Content components={components} />, toc };
}
