import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { escapeHtml, staticBlock, staticBlocks } from '@/lib/content/static-html';
import { compileArticle } from '@/lib/content/render';
import { getAllArticleFiles } from '@/lib/content/articles';
import { mdxComponents, renderedByReact } from '@/components/mdx/mdx-components';

const isStatic = (node: ReactNode) => isValidElement(node) && (node.props as { dangerouslySetInnerHTML?: unknown }).dangerouslySetInnerHTML !== undefined;
const html = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));

function Badge({ label }: { label: string }) {
  return (
    <span className="badge" data-on>
      {label}
    </span>
  );
}

async function AsyncNote({ text }: { text: string }) {
  await new Promise((r) => setTimeout(r, 1));
  return <em>{text}</em>;
}

describe('static HTML blocks', () => {
  it('writes a block exactly as React DOM does: names, booleans, styles, void elements, escaping', async () => {
    const block = (
      <div className="wrap" role="region" aria-label={'Table "A" & <b>'} tabIndex={0} data-footnotes hidden={false}>
        <table>
          <thead>
            <tr>
              <th style={{ textAlign: 'right' }} colSpan={2}>
                x&apos;s &lt;y&gt; &amp; &quot;z&quot;
              </th>
            </tr>
          </thead>
        </table>
        <p>
          {'one'}
          {2}
          {null}
          {false}
          {['a', <b key="k">bold</b>]}
          <>
            <i>frag</i>
          </>
          <br />
          <img src="/x.png" alt="" width={10} loading="lazy" decoding="async" />
          <time dateTime="2025-11-18T11:20:00Z">11:20</time>
          <a href="/ar/glossary#dns" hrefLang="ar" aria-describedby="t1" aria-hidden={false}>
            <Badge label="DNS" />
          </a>
          <details open>
            <summary>s</summary>
          </details>
          <label htmlFor="q">q</label>
        </p>
      </div>
    );
    const out = await staticBlock(block);
    expect(isStatic(out)).toBe(true);
    expect(html(out)).toBe(html(block));
    expect(html(out)).toContain('style="text-align:right"');
    expect(html(out)).toContain('data-on="true"');
  });

  it('awaits async server components, which React DOM on its own cannot render', async () => {
    const out = await staticBlock(
      <p>
        before <AsyncNote text="after <1>" />
      </p>,
    );
    expect(html(out)).toBe('<p>before <em>after &lt;1&gt;</em></p>');
  });

  it('leaves a block to React when it holds an SVG, a kept component or a client reference', async () => {
    function Diagram() {
      return <svg viewBox="0 0 10 10" />;
    }
    const Island = Object.assign(() => null, { $$typeof: Symbol.for('react.client.reference') });
    const svg = (
      <figure>
        <svg viewBox="0 0 1 1">
          <path strokeWidth={2} d="M0 0" />
        </svg>
      </figure>
    );
    const kept = (
      <figure>
        <Diagram />
      </figure>
    );
    const island = (
      <div>
        <Island />
      </div>
    );
    expect(await staticBlock(svg)).toBe(svg);
    expect(await staticBlock(kept, { keep: new Set([Diagram]) })).toBe(kept);
    expect(await staticBlock(island)).toBe(island);
    expect(await staticBlock('\n')).toBe('\n');
  });

  it('refuses what it cannot write exactly, naming the file, element and prop', async () => {
    const file = 'content/articles/x/ar.mdx';
    await expect(staticBlock(<p><span autoFocus>t</span></p>, { file })).rejects.toThrow(/content\/articles\/x\/ar\.mdx: <span>: prop "autoFocus" has no known HTML attribute name/);
    await expect(staticBlock(<p><a href="javascript:alert(1)">t</a></p>, { file })).rejects.toThrow(/<a>: prop "href" is a javascript: URL/);
    await expect(staticBlock(<p><a href={' JaVa\nscript:x'}>t</a></p>)).rejects.toThrow(/javascript: URL/);
    await expect(staticBlock(<p><span onClick={() => {}}>t</span></p>)).rejects.toThrow(/prop "onClick" is a function/);
    await expect(staticBlock(<p><span style={{ width: 10 }}>t</span></p>)).rejects.toThrow(/style "width" must be a string/);
    await expect(staticBlock(<p><span translate={true as never}>t</span></p>)).rejects.toThrow(/"translate" is a boolean/);
    await expect(staticBlock(<p><img src="" alt="" /></p>)).rejects.toThrow(/prop "src" is empty/);
  });

  it('passes on a component’s own error with the file in front', async () => {
    function Broken(): ReactNode {
      throw new Error('<Term id="nope">: no such entry');
    }
    await expect(staticBlock(<p><Broken /></p>, { file: 'a.mdx' })).rejects.toThrow('a.mdx: <Broken>: <Term id="nope">: no such entry');
  });

  it('keeps the blocks in order and renders them one at a time, so numbering follows reading order', async () => {
    let n = 0;
    async function Numbered() {
      await new Promise((r) => setTimeout(r, 5 - n));
      return <sup>{++n}</sup>;
    }
    const body = (
      <>
        <p>
          a<Numbered />
        </p>
        {'\n'}
        <p>
          b<Numbered />
        </p>
        <p>
          c<Numbered />
        </p>
      </>
    );
    expect(html(await staticBlocks(body))).toBe('<p>a<sup>1</sup></p>\n<p>b<sup>2</sup></p><p>c<sup>3</sup></p>');
  });

  it('escapes the five characters React escapes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;');
  });
});

describe('every bundled article body', () => {
  const labels = { anchorLabel: '#', footnoteLabel: 'Notes', footnoteBackLabel: 'Back', glossaryLinkLabel: 'Glossary', tableLabel: 'Table' };
  // The embedded timeline reads the incident store through next-intl's request scope, which only
  // exists inside Next; stand it in with a plain server component of the same kind (async).
  const timelineStandIn = async ({ id }: { id: string }) => (
    <aside className="tl-embed">
      <p>{id}</p>
    </aside>
  );

  for (const article of getAllArticleFiles()) {
    it(`${article.file}: static blocks give the same HTML as React, and only diagrams stay React`, async () => {
      const { Content } = await compileArticle(article, labels);
      const components = () => ({ ...mdxComponents({ locale: article.locale, sources: article.frontmatter.sources, glossaryLinkLabel: labels.glossaryLinkLabel, tableLabel: labels.tableLabel }), IncidentTimeline: timelineStandIn });
      const blocks = await staticBlocks(Content({ components: components() }), { keep: renderedByReact, file: article.file });
      // React DOM cannot await the stand-in: the reference renders a sync twin of it.
      const syncTimeline = ({ id }: { id: string }) => (
        <aside className="tl-embed">
          <p>{id}</p>
        </aside>
      );
      const referenceHtml = renderToStaticMarkup(<Content components={{ ...components(), IncidentTimeline: syncTimeline }} />);
      expect(renderToStaticMarkup(blocks)).toBe(referenceHtml);
      const children = (blocks.props as { children: ReactNode[] }).children;
      const elements = children.filter(isValidElement) as ReactElement[];
      const kept = elements.filter((b) => !isStatic(b));
      expect(elements.length).toBeGreaterThan(20);
      for (const b of kept) expect(renderToStaticMarkup(b)).toMatch(/^<figure[^>]*>.*<svg/);
    });
  }
});
