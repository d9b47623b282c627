// Well-typed GraphQL operations with random (and hostile) values, generated from
// the schema itself, so fields added later are covered without editing tests.
// Reproducible: every choice comes from a seeded PRNG.
import {
  astFromValue,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  print,
} from "graphql";

/** mulberry32: small, fast, good enough to pick test values. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

export const INJECTIONS = [
  "' OR '1'='1",
  '\'; DROP TABLE "Article"; --',
  '" OR 1=1 --',
  '1) UNION SELECT password_hash FROM "User" --',
  "%' AND 1=0 UNION SELECT sqlite_version() --",
  "$where: 1",
  '{"$gt": ""}',
  "\\\\x00\\\\'",
  'NEAR(a b) OR title: * AND "',
  "a:* & !b | (c <-> d)",
  "../../../../etc/passwd",
  "${jndi:ldap://x/a}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "\u0000\u0001\u001f",
  "\ud83d\ude00 Tiếng Việt có dấu ẩ ỗ ự",
  "\u202e\u200b\ufeff",
];

const STRINGS = [
  "",
  " ",
  "a",
  "tin-tuc-su-kien",
  "Kiến Tường",
  "2019-12-15",
  "2019-12-15T07:00:00.000Z",
  "1.0",
  "0.1",
  "nobody@example.vn",
  "https://example.vn/a.pdf",
  "x".repeat(5000),
  ...INJECTIONS,
];
const INTS = [0, 1, -1, 2, 10, 100, 101, -2147483648, 2147483647, 50];
const FLOATS = [0, -1.5, 1e308, 3.14];

export interface ValueSource {
  /** Real global IDs from the database, to reach past "not found". */
  ids: string[];
}

/** The type an ID argument names ("articleId", "categoryIds", "coverImageId"...), if any. */
const ID_TYPES: Array<[RegExp, string]> = [
  [/article/i, "Article"],
  [/categor|parent/i, "Category"],
  [/user|author/i, "User"],
  [/media|image|cover|attachment|video|file/i, "Media"],
  [/topic/i, "Topic"],
];

function randomId(rng: Rng, source: ValueSource, name = ""): string {
  const typeName = ID_TYPES.find(([pattern]) => pattern.test(name))?.[1];
  const typed = typeName ? source.ids.filter((id) => Buffer.from(id, "base64").toString().startsWith(`${typeName}:`)) : [];
  if (typed.length && rng.chance(0.7)) return rng.pick(typed);
  if (source.ids.length && rng.chance(0.6)) return rng.pick(source.ids);
  return rng.pick([
    "",
    "%%%",
    Buffer.from("Article:does-not-exist").toString("base64"),
    Buffer.from("User:x").toString("base64"),
    Buffer.from("Category:" + "9".repeat(30)).toString("base64"),
    Buffer.from(":::").toString("base64"),
    rng.pick(INJECTIONS),
  ]);
}

/** A value of the input type, well typed (so it passes coercion) but random. */
export function valueFor(type: GraphQLInputType, rng: Rng, source: ValueSource, depth = 0, name = ""): unknown {
  if (!isNonNullType(type) && rng.chance(0.25)) return null;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    const n = depth > 2 ? 0 : rng.int(0, 3);
    return Array.from({ length: n }, () => valueFor(inner.ofType as GraphQLInputType, rng, source, depth + 1, name));
  }
  if (isEnumType(inner)) return rng.pick(inner.getValues()).name;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (!isNonNullType(field.type) && rng.chance(0.4)) continue;
      out[field.name] = valueFor(field.type, rng, source, depth + 1, field.name);
    }
    return out;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case "Int":
        // Page sizes within the limits half the time, anything otherwise.
        return /^(first|last|limit|days|top)$/i.test(name) && rng.chance(0.5) ? rng.pick([1, 5, 20]) : rng.pick(INTS);
      case "Float":
        return rng.pick(FLOATS);
      case "Boolean":
        return rng.chance(0.5);
      case "ID":
        return randomId(rng, source, name);
      case "DateTime":
        return rng.pick(["2019-12-15T07:00:00.000Z", "2026-11-29T10:00:00+07:00", "2019-02-31T00:00:00Z", "yesterday", "9999-12-31T23:59:59Z"]);
      case "Date":
        return rng.pick(["2019-12-15", "2026-11-29", "2019-02-31", "0000-00-00", "2026-1-1"]);
      case "File":
        return rng.pick(["not a file", "data:text/plain;base64,aGVsbG8="]);
      default:
        // Half the time a plausible value for what the argument names, so that
        // validation lets the call through to the resolver; otherwise anything.
        return (rng.chance(0.5) && plausibleString(name, rng)) || rng.pick(STRINGS);
    }
  }
  return null;
}

/** A well-formed value for a string argument, by its name (e-mail, password, month, slug...), or null. */
function plausibleString(name: string, rng: Rng): string | null {
  const n = name.toLowerCase();
  const tag = rng.int(0, 1_000_000);
  if (n.includes("email")) return `fuzz-${tag}@example.vn`;
  if (n.includes("password")) return `Trống đồng Đông Sơn ${tag} vững bền`;
  if (n === "month") return rng.pick(["2026-11", "2026-10", "2025-01"]);
  if (n === "slug") return `fuzz-${tag}`;
  if (n === "name" || n === "title" || n === "byline" || n === "label" || n === "genre") return `Tin Kiến Tường ${tag}`;
  if (/comment|summary|body|description|query|search|caption|reason/.test(n)) return `Kiến Tường mùa nước nổi ${tag}`;
  if (/url/.test(n)) return `https://www.youtube.com/watch?v=fuzz${tag}`;
  return null;
}

/** A selection of the type: scalars, and objects up to a small depth. */
export function selectionFor(type: GraphQLOutputType, schema: GraphQLSchema, rng: Rng, depth = 0): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isLeafType(named)) return "";
  if (isUnionType(named) || isInterfaceType(named)) {
    const possible = schema.getPossibleTypes(named);
    const picked = possible.length ? rng.pick(possible) : null;
    const inner = picked ? selectionFor(picked, schema, rng, depth) : "";
    return `{ __typename${inner ? ` ... on ${picked!.name} ${inner}` : ""} }`;
  }
  if (!isObjectType(named)) return "";
  const parts = ["__typename"];
  for (const field of Object.values(named.getFields())) {
    // Arguments on nested fields are left to their defaults, except required ones we can fill.
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const child = getNamedType(field.type);
    if (isLeafType(child)) {
      if (rng.chance(0.8)) parts.push(field.name);
    } else if (depth < 3 && rng.chance(0.5)) {
      const inner = selectionFor(field.type, schema, rng, depth + 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return `{ ${parts.join(" ")} }`;
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  field: string;
}

/** The value as a GraphQL literal of its type, or null when it has none (then it goes as a variable). */
function literalFor(value: unknown, type: GraphQLInputType): string | null {
  try {
    const ast = astFromValue(value, type);
    return ast ? print(ast) : null;
  } catch {
    // A custom scalar refusing to serialize a hostile value: the server sees it through a variable instead.
    return null;
  }
}

/**
 * One operation calling a root field, its arguments passed as variables or, with
 * `literals`, written into the document (where a value has a literal form), since
 * the server checks the two paths apart (validation sees literals, resolvers variables).
 */
export function operationFor(
  kind: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  schema: GraphQLSchema,
  rng: Rng,
  source: ValueSource,
  overrides: (arg: GraphQLArgument) => unknown = () => undefined,
  options: { literals?: boolean } = {},
): GeneratedOperation {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type);
    if (!required && rng.chance(0.3)) continue;
    const override = overrides(arg);
    const value = override !== undefined ? override : valueFor(arg.type, rng, source, 0, arg.name);
    const literal = options.literals ? literalFor(value, arg.type) : null;
    if (literal !== null) {
      passed.push(`${arg.name}: ${literal}`);
      continue;
    }
    variables[arg.name] = value;
    declarations.push(`$${arg.name}: ${arg.type.toString()}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const selection = selectionFor(field.type, schema, rng);
  const head = declarations.length ? `(${declarations.join(", ")})` : "";
  const call = passed.length ? `(${passed.join(", ")})` : "";
  return { query: `${kind} Fuzz${head} { ${field.name}${call} ${selection} }`, variables, field: field.name };
}
