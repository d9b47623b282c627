import { useCallback, useEffect, useRef, useState } from "react";
import { request } from "./api";
import type { TypedDocumentString } from "./gql/graphql";

export interface QueryState<R> {
  data: R | null;
  error: unknown;
  loading: boolean;
  reload(): Promise<R | null>;
}

/** Runs a query when its variables change; `reload` runs it again. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, options: { skip?: boolean } = {}): QueryState<R> {
  const [state, setState] = useState<{ data: R | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: !options.skip });
  const key = JSON.stringify(variables);
  const latest = useRef(0);
  const run = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const data = await (request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(document, JSON.parse(key) as V);
      if (id === latest.current) setState({ data, error: null, loading: false });
      return data;
    } catch (error) {
      if (id === latest.current) setState((s) => ({ ...s, error, loading: false }));
      return null;
    }
  }, [document, key]);
  useEffect(() => {
    if (!options.skip) void run();
  }, [run, options.skip]);
  return { ...state, reload: run };
}

/** Sets the page title and moves focus to the page's heading when the page changes (screen readers announce it). */
export function usePageTitle(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Quản trị nội dung`;
    heading.current?.focus({ preventScroll: false });
  }, [title]);
  return heading;
}
