import { z } from 'zod';
import { categories } from '@/lib/content/categories';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const sourceIdPattern = /^[a-z][a-z0-9-]{0,30}$/;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const sourceSchema = z.strictObject({
  id: z.string().regex(sourceIdPattern, 'must be a short lower-case id such as "p1" (it is also the footnote label)'),
  title: z.string().trim().min(3),
  publisher: z.string().trim().min(2),
  url: httpUrl,
  date: z.coerce.date({ error: 'must be a date (YYYY-MM-DD)' }),
});
export type Source = z.infer<typeof sourceSchema>;

export const heroSchema = z.strictObject({
  src: z.string().startsWith('/', 'must be a path under public/, starting with "/"'),
  alt: z.string().trim().min(5),
  caption: z.string().trim().optional(),
  credit: z.string().trim().min(2),
});

export const frontmatterSchema = z
  .strictObject({
    title: z.string().trim().min(10).max(140),
    summary: z.string().trim().min(40).max(400),
    published: z.coerce.date({ error: 'must be an ISO 8601 date' }),
    updated: z.coerce.date({ error: 'must be an ISO 8601 date' }),
    category: z.enum(categories),
    incident: z.string().regex(slugPattern, 'must be an incident id such as "cloudflare-2025-11-18"'),
    author: z.string().trim().min(2).optional(),
    sources: z
      .array(sourceSchema)
      .min(3, 'must list at least three sources')
      .refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'source ids must be unique')
      .refine((s) => new Set(s.map((x) => x.url)).size === s.length, 'source urls must be unique'),
    hero: heroSchema.optional(),
    draft: z.boolean().optional().default(false),
  })
  .refine((f) => f.updated.getTime() >= f.published.getTime(), {
    path: ['updated'],
    message: 'must not be before "published"',
  });
export type Frontmatter = z.infer<typeof frontmatterSchema>;

export { slugPattern };

/** One line per problem, each naming the file and the field, e.g. `content/x/ar.mdx: category: …`. */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : '(frontmatter)';
      return `${file}: field "${field}": ${issue.message}`;
    })
    .join('\n');
}
