import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

export interface Remote<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a page; re-runs when `key` changes and ignores answers that arrive too late. */
export function useRemote<T>(load: () => Promise<T>, key: string): Remote<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ data: s.data, loading: true }));
    loadRef
      .current()
      .then((data) => {
        if (ticket === latest.current) setState({ data, loading: false });
      })
      .catch((e: unknown) => {
        if (ticket !== latest.current) return;
        const error = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
        setState({ error, loading: false });
      });
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
