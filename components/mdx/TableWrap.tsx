import type { ComponentProps } from 'react';

/** Wide tables scroll inside a focusable region instead of widening a 320 px page. */
export function TableWrap({ label, ...props }: ComponentProps<'table'> & { label: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table {...props} />
    </div>
  );
}
