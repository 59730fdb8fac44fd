import { useCallback, useEffect, useState } from "react";

import { type ErrorContract, errorFromUnknown } from "../errors/errorContract";

export type Loaded<T> = { kind: "loading" } | { kind: "ready"; value: T } | { kind: "failed"; error: ErrorContract };

/** Loads once per change of `deps` and on reload(); a late answer for an older request is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: "loading" });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ kind: "ready", value }),
      (e) => live && setState({ kind: "failed", error: errorFromUnknown(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  return [state, reload];
}
