// The contract's own operation documents (schema/operations, a copy of
// ../shared/contract), by operation name, with the fragments they use.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from "graphql";

const dir = join(process.cwd(), "schema", "operations");
const definitions: DefinitionNode[] = readdirSync(dir)
  .filter((f) => f.endsWith(".graphql"))
  .flatMap((f) => parse(readFileSync(join(dir, f), "utf8")).definitions);

const fragments = new Map(
  definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
);

/** The text of one contract operation and every fragment it spreads. */
export function contractOperation(name: string): string {
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`no contract operation ${name}`);
  const used = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(operation);
  const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...[...used].map((n) => fragments.get(n)!)] };
  return print(doc);
}
