import { createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * An article body is static: no state, no effects, no island inside a paragraph. Rendered as a
 * React tree, every element of it still travels in the page's RSC payload as a tree and is
 * hydrated one fiber at a time on the reader's phone (an article is ~1,000 elements). This
 * module turns each top-level block of the body into one host element whose contents are an
 * HTML string (`dangerouslySetInnerHTML`): the same DOM, one fiber per block, and the payload
 * carries a string instead of a tree. Decision 0064.
 *
 * The serializer covers what articles contain (HTML elements, text, our server components,
 * sync or async) and refuses the rest in one of two ways:
 * - a block holding something React must render itself (a client island, an SVG, a component
 *   listed in `keep`, a form control, a context or Suspense boundary) stays a React tree;
 * - a prop it cannot write exactly as React DOM would (an unknown camelCase name, an event
 *   handler, a number in a style) throws, naming the element and prop: a wrong attribute would
 *   otherwise ship silently.
 */

export interface StaticHtmlOptions {
  /** Components React must render (they use hooks): their blocks stay React trees. */
  keep?: ReadonlySet<unknown>;
  /** Named in errors: the content file being rendered. */
  file?: string;
  /**
   * What a refused prop does. `true` (the default, for content compiled at build time): it
   * throws, and the build fails naming it. `false` (for pages rendered per request from
   * upstream or editor data): the block is left to React, which renders it as it always would.
   */
  strict?: boolean;
}

class KeepAsReact extends Error {}

const CLIENT_REFERENCE = Symbol.for('react.client.reference');
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements React DOM writes with rules of their own (namespaces, form state, raw text). */
const REACT_ONLY_TAGS = new Set(['svg', 'math', 'input', 'textarea', 'select', 'option', 'script', 'style', 'template', 'noscript', 'title', 'link', 'meta', 'base']);
const TAG = /^[a-z][a-z0-9-]*$/;
/**
 * Props whose attribute React DOM writes under another name. React writes other camelCase
 * props as they are (`dateTime="…"`; HTML attribute names ignore case), so only known ones
 * pass: an unknown camelCase prop might be one React renames or drops.
 */
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  tabIndex: 'tabindex',
  crossOrigin: 'crossorigin',
  acceptCharset: 'accept-charset',
  httpEquiv: 'http-equiv',
  ...Object.fromEntries(
    ['hrefLang', 'dateTime', 'colSpan', 'rowSpan', 'fetchPriority', 'referrerPolicy', 'srcSet', 'itemProp', 'itemType', 'itemID', 'itemRef', 'itemScope', 'accessKey', 'spellCheck', 'contentEditable', 'encType', 'inputMode', 'enterKeyHint', 'autoCapitalize', 'noModule'].map((n) => [n, n]),
  ),
};
/** Boolean attributes: written bare when true, left out when false. */
const BOOLEAN = new Set(['hidden', 'open', 'disabled', 'reversed', 'inert', 'itemScope', 'noModule', 'default', 'async', 'defer', 'controls', 'loop', 'muted']);
/** Enumerated "true"/"false" attributes React writes as strings. */
const BOOLEANISH = new Set(['spellCheck', 'contentEditable', 'draggable']);
/** Attributes React DOM writes only when they hold a number. */
const NUMERIC = new Set(['colSpan', 'rowSpan', 'span', 'size', 'cols', 'rows', 'start']);
/** Props holding URLs, which React DOM checks for `javascript:`. */
const URL_PROPS = new Set(['href', 'src', 'action', 'formAction', 'poster', 'cite']);
/** React DOM's own test for a javascript: URL (it blocks them; so do we, loudly). */
const JAVASCRIPT_URL = /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;
const SKIPPED_PROPS = new Set(['children', 'key', 'ref', 'dangerouslySetInnerHTML', 'suppressHydrationWarning', 'suppressContentEditableWarning']);

const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#x27;', '<': '&lt;', '>': '&gt;' };
/** The escaping React DOM's server renderer uses, for text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/["&'<>]/g, (c) => ESCAPES[c] ?? c);
}

function describe(type: unknown): string {
  if (typeof type === 'string') return `<${type}>`;
  if (typeof type === 'function') return `<${type.name || 'anonymous component'}>`;
  return '<element>';
}

function styleString(style: unknown, where: string): string {
  if (typeof style !== 'object' || style === null) throw new Error(`${where}: "style" must be an object`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(style)) {
    if (value === null || value === undefined || typeof value === 'boolean' || value === '') continue;
    if (typeof value !== 'string') throw new Error(`${where}: style "${key}" must be a string (React would add units to numbers)`);
    const name = key.startsWith('--') ? key : key.replace(/^ms([A-Z])/, '-ms-$1').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    parts.push(`${name}:${value.trim()}`);
  }
  return parts.join(';');
}

/** The attributes of a host element, written as React DOM's server renderer writes them. */
function attributes(tag: string, props: Record<string, unknown>, where: string): string {
  let out = '';
  for (const [prop, value] of Object.entries(props)) {
    if (SKIPPED_PROPS.has(prop) || value === null || value === undefined) continue;
    if (typeof value === 'function' || typeof value === 'symbol') throw new Error(`${where}: prop "${prop}" is a ${typeof value}; a static block cannot carry it`);
    if (prop === 'style') {
      const css = styleString(value, where);
      if (css) out += ` style="${escapeHtml(css)}"`;
      continue;
    }
    const dataOrAria = /^(data|aria)-[a-z0-9-]*$/.test(prop);
    const name = dataOrAria ? prop : (ATTRIBUTE_NAMES[prop] ?? prop);
    if (!dataOrAria && !/^[a-z][a-z0-9-]*$/.test(prop) && !(prop in ATTRIBUTE_NAMES)) throw new Error(`${where}: prop "${prop}" has no known HTML attribute name (add it to ATTRIBUTE_NAMES in lib/content/static-html.ts)`);
    if (typeof value === 'boolean') {
      if (dataOrAria || BOOLEANISH.has(prop)) out += ` ${name}="${value}"`;
      else if (BOOLEAN.has(prop)) out += value ? ` ${name}=""` : '';
      else throw new Error(`${where}: prop "${prop}" is a boolean, but <${tag} ${name}> is not a boolean attribute`);
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`${where}: prop "${prop}" is a ${typeof value}, not text`);
    if (BOOLEAN.has(prop)) throw new Error(`${where}: prop "${prop}" is a boolean attribute given ${JSON.stringify(value)}; React DOM would write it empty`);
    if (NUMERIC.has(prop) && !(Number(value) >= 0 && String(value).trim() !== '')) throw new Error(`${where}: prop "${prop}" must be a number`);
    if (URL_PROPS.has(prop) && JAVASCRIPT_URL.test(String(value))) throw new Error(`${where}: prop "${prop}" is a javascript: URL`);
    if (URL_PROPS.has(prop) && value === '' && !(tag === 'a' && prop === 'href')) throw new Error(`${where}: prop "${prop}" is empty (React DOM leaves it out)`);
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

async function serialize(node: ReactNode, options: StaticHtmlOptions): Promise<string> {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string') return escapeHtml(node);
  if (typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) {
    let out = '';
    for (const child of node) out += await serialize(child as ReactNode, options);
    return out;
  }
  if (!isValidElement(node)) throw new KeepAsReact();
  const { type } = node;
  const props = node.props as Record<string, unknown>;
  if (type === Fragment) return serialize(props.children as ReactNode, options);
  if (typeof type === 'string') {
    if (!TAG.test(type) || REACT_ONLY_TAGS.has(type)) throw new KeepAsReact();
    return hostElement(type, props, options);
  }
  return serialize(await callComponent(node, options), options);
}

async function hostElement(tag: string, props: Record<string, unknown>, options: StaticHtmlOptions): Promise<string> {
  const where = `${options.file ? `${options.file}: ` : ''}<${tag}>`;
  const open = `<${tag}${attributes(tag, props, where)}>`;
  const inner = props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
  if (VOID.has(tag)) {
    if (props.children !== undefined && props.children !== null) throw new Error(`${where}: a void element cannot have children`);
    return `${open.slice(0, -1)}/>`;
  }
  const body = inner !== undefined ? String(inner.__html ?? '') : await serialize(props.children as ReactNode, options);
  return `${open}${body}</${tag}>`;
}

/** Calls a server component the way React would (props in, node out, awaited if async). */
async function callComponent(element: ReactElement, options: StaticHtmlOptions): Promise<ReactNode> {
  const { type } = element;
  if (typeof type !== 'function') throw new KeepAsReact(); // context, memo, lazy, Suspense, …
  if ((type as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE || options.keep?.has(type)) throw new KeepAsReact();
  if (type.prototype?.isReactComponent) throw new KeepAsReact();
  try {
    return await (type as (props: unknown) => ReactNode | Promise<ReactNode>)(element.props);
  } catch (error) {
    if (error instanceof KeepAsReact) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    // Outside React's render a hook has no dispatcher: say what to do about it.
    const hint = /hook|reading 'use/i.test(reason) ? ' (a component that uses hooks belongs in "keep")' : '';
    throw new Error(`${options.file ? `${options.file}: ` : ''}${describe(type)}: ${reason}${hint}`, { cause: error });
  }
}

/**
 * One top-level block as a host element holding its contents as HTML, or, if React must render
 * something inside it, the block unchanged.
 */
export async function staticBlock(node: ReactNode, options: StaticHtmlOptions = {}): Promise<ReactNode> {
  if (!isValidElement(node)) return node;
  let element: ReactElement = node;
  try {
    // Resolve component wrappers (a table's scroll region, a callout) down to the host element.
    while (typeof element.type !== 'string') {
      const next = await callComponent(element, options);
      if (!isValidElement(next)) return node;
      element = next;
    }
    const tag = element.type as string;
    if (!TAG.test(tag) || REACT_ONLY_TAGS.has(tag) || VOID.has(tag)) return node;
    const props = element.props as Record<string, unknown>;
    // Already HTML (a component that returns it): keep it, under the block's key.
    if (props.dangerouslySetInnerHTML !== undefined) return createElement(tag, { ...props, key: node.key });
    const __html = await serialize(props.children as ReactNode, options);
    const { children: _children, ...rest } = props;
    return createElement(tag, { ...rest, key: node.key, dangerouslySetInnerHTML: { __html } });
  } catch (error) {
    if (error instanceof KeepAsReact || options.strict === false) return node;
    throw error;
  }
}

/**
 * Every top-level block of a rendered MDX body (the children of its root fragment), in order
 * (one at a time, so components that number things, like glossary tips, number them in reading
 * order), returned as one fragment.
 */
export async function staticBlocks(content: ReactNode, options: StaticHtmlOptions = {}): Promise<ReactElement> {
  const root = isValidElement(content) && content.type === Fragment ? (content.props as { children?: ReactNode }).children : content;
  const blocks: ReactNode[] = [];
  for (const block of Array.isArray(root) ? root : [root]) blocks.push(await staticBlock(block as ReactNode, options));
  // Children given as arguments are a fixed list to React, as MDX's own are: no keys needed.
  return createElement(Fragment, null, ...blocks);
}
