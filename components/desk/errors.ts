import { formFieldOf, type FieldErrors } from '@/lib/desk/input';

type T = (key: string, values?: Record<string, string | number>) => string;

/** The localized message for a form field, from errors keyed by path ("text.ar" → textAr). */
export function errorFor(t: T, errors: FieldErrors, field: string): string | undefined {
  for (const [path, e] of Object.entries(errors)) {
    if ((formFieldOf[path] ?? path) === field) return t(`errors.${e.key}`, { max: 0, min: 0, url: '', name: '', ...(e.params ?? {}) });
  }
  return undefined;
}

/** Messages for errors that belong to no visible field (shown in the summary). */
export function unplacedErrors(t: T, errors: FieldErrors, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !fields.includes(formFieldOf[path] ?? path))
    .map(([, e]) => t(`errors.${e.key}`, { max: 0, min: 0, url: '', name: '', ...(e.params ?? {}) }));
}
