// One execution per event for identical subscriptions. Without it, every
// subscriber runs the whole GraphQL execution of every event on its own: with
// 1,000 mobile apps listening to `articlePublished` that is 1,000 identical
// executions, and fan-out takes a second. Subscribers whose operation,
// variables and viewer are the same form a group: the group's first subscriber
// runs the subscription, each result is handed to every member, members come
// and go, and the execution ends when the last one leaves.
// Per-subscriber work stays per subscriber: authentication, validation and the
// other plugins' hooks on each member's stream (error masking, serialisation).
// A subscription that sends a current value first (siteVisitCounts) would leave
// a late member with nothing until the next change: for those root fields the
// group keeps its latest result and hands it to each member as it joins.
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from "graphql";
import { isAsyncIterable, Repeater, type Plugin } from "graphql-yoga";

type Result = ExecutionResult;
type SubscribeFn = Parameters<NonNullable<Plugin["onSubscribe"]>>[0]["subscribeFn"];
type SubscribeArgs = Parameters<SubscribeFn>[0];

interface Member {
  push(result: Result): void;
  stop(error?: unknown): void;
}

interface Group {
  /** Settles once the first subscriber's subscription is set up (or failed). */
  ready: Promise<boolean>;
  members: Set<Member>;
  /** The latest result, kept for members who join later (replayed subscriptions only). */
  latest: Result | null;
  close(): void;
}

/** Stable small ids for documents (Yoga's parser cache returns the same object for the same text). */
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;
const documentId = (document: DocumentNode) => {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  return id;
};

/** Whether every root field the operation selects is one whose latest result is replayed. */
function replays(document: DocumentNode, operationName: string | null | undefined, fields: ReadonlySet<string>): boolean {
  if (fields.size === 0) return false;
  let operation;
  try {
    operation = getOperationAST(document, operationName ?? undefined);
  } catch {
    return false;
  }
  const selections = operation?.selectionSet.selections ?? [];
  return selections.length > 0 && selections.every((s) => s.kind === Kind.FIELD && fields.has(s.name.value));
}

/**
 * @param viewerKey who the execution is for, from the context: subscribers with
 *   the same key must be allowed to see exactly the same (e.g. all anonymous
 *   readers); null keeps a subscription out of any group.
 * @param options.replayLatest subscription root fields whose latest result a
 *   joining member gets at once (fields that send the current value first).
 */
export function useSharedSubscriptions<C>(
  viewerKey: (context: C) => string | null,
  options: { replayLatest?: readonly string[] } = {},
): Plugin<C & Record<string, unknown>> {
  const groups = new Map<string, Group>();
  const replayed = new Set(options.replayLatest ?? []);

  function start(key: string, subscribe: SubscribeFn, args: SubscribeArgs, replay: boolean): { group: Group; first: Promise<unknown> } {
    const members = new Set<Member>();
    let iterator: AsyncIterator<Result> | null = null;
    let closed = false;
    const group: Group = {
      members,
      latest: null,
      ready: Promise.resolve(false),
      close() {
        if (closed) return;
        closed = true;
        if (groups.get(key) === group) groups.delete(key);
        void iterator?.return?.();
      },
    };
    const first = Promise.resolve(subscribe(args));
    group.ready = first.then(
      (result) => {
        if (!isAsyncIterable(result)) {
          group.close();
          return false;
        }
        iterator = (result as AsyncIterable<Result>)[Symbol.asyncIterator]();
        void pump(iterator);
        if (closed) void iterator.return?.();
        return true;
      },
      () => {
        group.close();
        return false;
      },
    );
    async function pump(source: AsyncIterator<Result>) {
      let failure: unknown;
      try {
        for (;;) {
          const next = await source.next();
          if (next.done) break;
          if (replay) group.latest = next.value;
          for (const member of members) member.push(next.value);
        }
      } catch (error) {
        failure = error;
      }
      group.close();
      for (const member of members) member.stop(failure);
    }
    groups.set(key, group);
    return { group, first };
  }

  function join(group: Group): AsyncIterable<Result> {
    return new Repeater<Result>((push, stop) => {
      const member: Member = {
        // A slow reader must not hold up the others: results wait in its own queue.
        push: (result) => void push(result).catch(() => {}),
        stop: (error) => stop(error),
      };
      if (group.latest) member.push(group.latest);
      group.members.add(member);
      void stop.then(() => {
        group.members.delete(member);
        if (group.members.size === 0) group.close();
      });
    });
  }

  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const viewer = viewerKey(args.contextValue as C);
      if (viewer === null) return;
      const key = `${viewer}\u0000${documentId(args.document)}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      setSubscribeFn((async (subscribeArgs: SubscribeArgs) => {
        const existing = groups.get(key);
        if (existing && (await existing.ready) && groups.get(key) === existing) return join(existing);
        const { group, first } = start(key, subscribeFn, subscribeArgs, replays(args.document, args.operationName, replayed));
        if (!(await group.ready)) {
          // An error result (or a thrown error) goes to this subscriber as it is.
          return first;
        }
        return join(group);
      }) as unknown as SubscribeFn);
    },
  };
}
