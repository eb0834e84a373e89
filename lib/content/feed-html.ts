import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { Root, RootContent, PhrasingContent, Parent } from 'mdast';
import type { Locale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/seo/site';
import { footnoteBackLabel } from '@/lib/content/pipeline';

interface Labels {
  diagram: string;
  timeline: string;
  footnotes: string;
  backref: string;
}

function attr(node: { attributes: unknown[] }, name: string): string | undefined {
  for (const a of node.attributes) {
    if (a && typeof a === 'object' && 'type' in a && a.type === 'mdxJsxAttribute' && 'name' in a && a.name === name && 'value' in a && typeof a.value === 'string') return a.value;
  }
  return undefined;
}

/**
 * Feed readers get plain HTML, not our components: each MDX component is lowered to the
 * nearest standard markup (a Term to its text, a Callout to a blockquote, a diagram to a
 * link to the article). Site links become absolute. Expressions and ESM never reach output.
 */
function remarkLowerComponents({ locale, articleUrl, labels }: { locale: Locale; articleUrl: string; labels: Labels }) {
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (parent === undefined || index === undefined) return;
      if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type === 'link' && 'url' in node && typeof node.url === 'string' && node.url.startsWith('/')) node.url = absoluteUrl(node.url);
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !('attributes' in node) || !('name' in node)) return;
      const flow = node.type === 'mdxJsxFlowElement';
      let replacement: RootContent[];
      switch (node.name) {
        case 'Term':
          replacement = node.children as RootContent[];
          break;
        case 'Callout': {
          const title = attr(node, 'title');
          const head = title ? [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }] }] : [];
          replacement = [{ type: 'blockquote', children: [...head, ...node.children] as never[] }];
          break;
        }
        case 'Figure': {
          const caption = [attr(node, 'caption'), attr(node, 'credit')].filter(Boolean).join(' — ');
          const src = attr(node, 'src');
          const img: RootContent[] = src ? [{ type: 'paragraph', children: [{ type: 'image', url: absoluteUrl(src), alt: attr(node, 'alt') ?? '' }] }] : [];
          const cap: RootContent[] = caption ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: caption }] }] }] : [];
          replacement = [...img, ...(node.children as RootContent[]), ...cap];
          break;
        }
        case 'Stat': {
          const text = `${attr(node, 'value') ?? ''} — ${attr(node, 'label') ?? ''}`;
          const strong: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: text }] };
          replacement = flow ? [{ type: 'paragraph', children: [strong] }] : [strong];
          break;
        }
        case 'IncidentTimeline': {
          const link: PhrasingContent = { type: 'link', url: absoluteUrl(`/${locale}/incidents/${attr(node, 'id') ?? ''}`), children: [{ type: 'text', value: labels.timeline }] };
          replacement = flow ? [{ type: 'paragraph', children: [link] }] : [link];
          break;
        }
        default: {
          // Diagrams and any other component: a pointer to the page where it renders.
          const link: PhrasingContent = { type: 'link', url: articleUrl, children: [{ type: 'text', value: labels.diagram }] };
          replacement = flow ? [{ type: 'paragraph', children: [link] }] : [link];
        }
      }
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index];
    });
  };
}

export async function articleBodyToFeedHtml(body: string, opts: { locale: Locale; slug: string; labels: Labels }): Promise<string> {
  const articleUrl = absoluteUrl(`/${opts.locale}/articles/${opts.slug}`);
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkLowerComponents, { locale: opts.locale, articleUrl, labels: opts.labels })
    .use(remarkRehype, { footnoteLabel: opts.labels.footnotes, footnoteBackLabel: footnoteBackLabel(opts.labels.backref), clobberPrefix: `${opts.slug}-` })
    .use(rehypeStringify)
    .process(body);
  return String(file);
}
