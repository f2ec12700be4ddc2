import { useCallback, useState } from 'react';
import type { ApiError } from '../api';

/**
 * Which error a form field shows. The client's own check (shared validators, re-run on every
 * keystroke) is shown once the field was left or the form submitted; a server error for the field
 * shows until the field is edited.
 */
export function useFormErrors<F extends string>() {
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Partial<Record<F, string>>>({});

  const touch = useCallback((field: F) => {
    setTouched((previous) => (previous[field] ? previous : { ...previous, [field]: true }));
  }, []);

  const edited = useCallback((field: F) => {
    setServer((previous) => {
      if (previous[field] === undefined) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
  }, []);

  const setServerError = useCallback((field: F, message: string) => {
    setServer((previous) => ({ ...previous, [field]: message }));
  }, []);

  const shown = (field: F, clientError: string | null): string | null => {
    if (clientError && (touched[field] || submitted)) return clientError;
    return server[field] ?? null;
  };

  return { touch, edited, shown, setServerError, submitted, markSubmitted: () => setSubmitted(true) };
}

/**
 * The form field a server error belongs to: the envelope's `field` when it names one of ours (or a
 * part of one: `phone.number` → `phone`, `plates.0` → `plates.0.number`), else by error code.
 */
export function fieldOfError<F extends string>(
  error: ApiError,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
): F | null {
  const named = error.field;
  if (named) {
    const exact = fields.find((field) => field === named);
    if (exact) return exact;
    const inner = fields.find((field) => field.startsWith(`${named}.`));
    if (inner) return inner;
    const outer = fields.find((field) => named.startsWith(`${field}.`));
    if (outer) return outer;
  }
  return byCode[error.code] ?? null;
}
