/**
 * A form's submit: validate, then run the async action with a busy flag, turning a thrown error
 * into its message in plain words (the API client already words its errors for people).
 */
import { useState, type FormEvent } from 'react';

export interface FormSubmit<E> {
  busy: boolean;
  error: E | null;
  setError(error: E | null): void;
  onSubmit(e: FormEvent): Promise<void>;
}

/**
 * `validate` returns an error to show instead of running, or null; `toError` words a failure of
 * `run`. The busy flag stays on after success: the page is about to change.
 */
export function useFormSubmit<E>(validate: () => E | null, run: () => Promise<void>, toError: (message: string) => E): FormSubmit<E> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const invalid = validate();
    if (invalid !== null) {
      setError(invalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      setError(toError(err instanceof Error ? err.message : 'Something went wrong. Please try again.'));
      setBusy(false);
    }
  };
  return { busy, error, setError, onSubmit };
}
