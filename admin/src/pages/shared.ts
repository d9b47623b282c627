import { graphql } from "../gql";

export const CategoriesQuery = graphql(`
  query ConsoleCategories {
    categories {
      id
      name
      slug
      parent {
        id
      }
    }
  }
`);

interface CategoryLike {
  id: string;
  name: string;
  parent?: { id: string } | null;
}

/** Categories in menu order, children indented under their parent. */
export function categoryOptions(categories: CategoryLike[]): Array<{ id: string; label: string }> {
  const children = new Map<string | null, CategoryLike[]>();
  for (const c of categories) {
    const key = c.parent?.id ?? null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: Array<{ id: string; label: string }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ id: c.id, label: `${"— ".repeat(depth)}${c.name}` });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  for (const c of categories) if (!seen.has(c.id)) out.push({ id: c.id, label: c.name });
  return out;
}
