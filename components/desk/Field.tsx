import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { localeConfig } from '@/lib/i18n/locales';

/**
 * A labelled form control with its hint and error, wired for assistive technology
 * (aria-describedby, aria-invalid). `lang` sets the language and direction of what is typed,
 * so Arabic text is typed right to left even on the English desk and the reverse.
 */
interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly lang?: Locale;
  readonly children?: ReactNode;
}

export function fieldIds(name: string): { id: string; hint: string; error: string } {
  return { id: `field-${name}`, hint: `field-${name}-hint`, error: `field-${name}-error` };
}

function describedBy(name: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = fieldIds(name);
  const list = [error !== undefined ? ids.error : null, hint !== undefined ? ids.hint : null].filter((x): x is string => x !== null);
  return list.length > 0 ? list.join(' ') : undefined;
}

function FieldFrame({ name, label, hint, error, children }: FieldProps) {
  const ids = fieldIds(name);
  return (
    <div className="desk-field" data-invalid={error !== undefined ? '1' : undefined}>
      <label htmlFor={ids.id}>{label}</label>
      {hint !== undefined ? (
        <p id={ids.hint} className="desk-hint">
          {hint}
        </p>
      ) : null}
      {error !== undefined ? (
        <p id={ids.error} className="desk-error">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField(props: FieldProps & { value?: string; type?: 'text' | 'url' | 'email' | 'password' | 'datetime-local'; required?: boolean; autoComplete?: string; maxLength?: number; dirAuto?: boolean }) {
  const ids = fieldIds(props.name);
  const cfg = props.lang !== undefined ? localeConfig(props.lang) : undefined;
  return (
    <FieldFrame {...props}>
      <input
        id={ids.id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.value}
        required={props.required}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        lang={cfg?.tag}
        dir={cfg?.dir ?? (props.dirAuto === true ? 'auto' : undefined)}
        aria-invalid={props.error !== undefined ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { value?: string; rows?: number; maxLength?: number }) {
  const ids = fieldIds(props.name);
  const cfg = props.lang !== undefined ? localeConfig(props.lang) : undefined;
  return (
    <FieldFrame {...props}>
      <textarea
        id={ids.id}
        name={props.name}
        rows={props.rows ?? 6}
        defaultValue={props.value}
        maxLength={props.maxLength}
        lang={cfg?.tag}
        dir={cfg?.dir}
        aria-invalid={props.error !== undefined ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { value?: string; options: readonly { value: string; label: string }[] }) {
  const ids = fieldIds(props.name);
  return (
    <FieldFrame {...props}>
      <select id={ids.id} name={props.name} defaultValue={props.value} aria-invalid={props.error !== undefined ? true : undefined} aria-describedby={describedBy(props.name, props.hint, props.error)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, hint, checked }: { name: string; label: string; hint?: ReactNode; checked?: boolean }) {
  const ids = fieldIds(name);
  return (
    <div className="desk-field desk-check">
      <input id={ids.id} name={name} type="checkbox" defaultChecked={checked} aria-describedby={hint !== undefined ? ids.hint : undefined} />
      <label htmlFor={ids.id}>{label}</label>
      {hint !== undefined ? (
        <p id={ids.hint} className="desk-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Hidden fields every desk form carries: the synchronizer token, the editor's language, where to come back. */
export function FormBasics({ csrf, locale, returnTo }: { csrf: string; locale: Locale; returnTo?: string }) {
  return (
    <>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="locale" value={locale} />
      {returnTo !== undefined ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
    </>
  );
}

/** The alert above a form that came back with errors: a summary line, then errors no field shows. */
export function ErrorSummary({ id, summary, stray }: { id: string; summary: string; stray: readonly string[] }) {
  return (
    <div className="desk-alert" role="alert" id={id} tabIndex={-1}>
      <p>{summary}</p>
      {stray.length > 0 ? (
        <ul>
          {stray.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
