import type { DeskService } from '@/lib/desk/service';
import { commandInputFromForm } from '@/lib/desk/input';
import type { TimelineEntry } from '@/lib/incidents/timeline';
import type { LocalizedText, UpdateKind, UpdateStatus } from '@/lib/incidents/model';

/** An entry as the preview shows it (components/desk/UpdatePreview.tsx). */
export interface PreviewEntry {
  readonly at: string;
  readonly status: UpdateStatus;
  readonly kind: UpdateKind;
  readonly key: boolean;
  readonly text: LocalizedText;
  /** Retraction preview: `text` is the entry, struck; `reason` the retraction's text. */
  readonly retraction?: LocalizedText;
  /** Correction/translation preview: shown with "Corrected at …". */
  readonly corrected?: boolean;
}

/**
 * What a form's values would publish, as a preview entry, or null if they do not validate
 * (the page then shows the errors instead). Same parsing as the real write.
 */
export function previewFromValues(desk: DeskService, values: Readonly<Record<string, string>>, target: TimelineEntry | null, now: Date): PreviewEntry | null {
  const parsed = desk.parseCommand(commandInputFromForm({ get: (name: string) => values[name] ?? null }));
  if (!parsed.ok) return null;
  const cmd = parsed.command;
  const at = now.toISOString();
  switch (cmd.action) {
    case 'publish':
      return { at: cmd.at ?? at, status: cmd.status, kind: 'editorial', key: cmd.key, text: cmd.text };
    case 'correct':
      return target === null ? null : { at, status: cmd.status, kind: target.kind, key: target.key, text: cmd.text, corrected: true };
    case 'translate':
      return target === null ? null : { at, status: target.status, kind: target.kind, key: target.key, text: { ...target.text, ...(cmd.text.ar !== undefined ? { ar: cmd.text.ar } : {}), ...(cmd.text.en !== undefined ? { en: cmd.text.en } : {}) }, corrected: true };
    case 'retract':
      return target === null ? null : { at, status: target.status, kind: target.kind, key: target.key, text: target.text, retraction: cmd.reason };
  }
}
