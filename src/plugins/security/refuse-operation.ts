// The hooks a security plugin uses to refuse an operation before it runs: the
// same check guards queries and mutations (onExecute) and subscriptions
// (onSubscribe), and its error is the whole answer.
import type { ExecutionArgs, GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/** onExecute and onSubscribe hooks that answer with `check`'s error, when it returns one, instead of running the operation. */
export function refuseOperationsWhen(check: (args: ExecutionArgs) => GraphQLError | null | undefined): Pick<Plugin, "onExecute" | "onSubscribe"> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
