// Every element of the public schema explains itself in GraphiQL's Docs panel
// and in generated client code: each type, field, argument, enum value and
// input field has a description, and anything deprecated says why.
import { describe, expect, it } from "@jest/globals";
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from "graphql";
import { schema } from "../src/schema/index";

interface Element {
  path: string;
  description?: string | null;
  deprecationReason?: string | null;
}

/** Every described element of the schema, named by its coordinate (Type.field(arg), Enum.VALUE). */
function elements(s: GraphQLSchema): Element[] {
  const out: Element[] = [];
  for (const type of Object.values(s.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.push({ path: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, description: field.description, deprecationReason: field.deprecationReason });
        for (const arg of field.args) {
          out.push({ path: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description, deprecationReason: arg.deprecationReason });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, description: field.description, deprecationReason: field.deprecationReason });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        out.push({ path: `${type.name}.${value.name}`, description: value.description, deprecationReason: value.deprecationReason });
      }
    } else if (isUnionType(type)) {
      // Members are types, described on their own.
    }
  }
  return out;
}

const all = elements(schema);

describe("schema descriptions", () => {
  it("walks the whole schema", () => {
    // A guard against a walker that silently finds nothing.
    expect(all.length).toBeGreaterThan(250);
    expect(all.map((e) => e.path)).toEqual(
      expect.arrayContaining(["Article.featured", "Query.articles(first:)", "ApprovalStatus.PENDING", "CreateArticleInput.title"]),
    );
  });

  it("describes every type, field, argument, enum value and input field", () => {
    const missing = all.filter((e) => !e.description?.trim()).map((e) => e.path);
    expect(missing).toEqual([]);
  });

  it("says something more than the element's own name", () => {
    const echo = all.filter((e) => {
      const name = e.path
        .replace(/.*[.(]/, "")
        .replace(/[:)]/g, "")
        .toLowerCase();
      return e.description!.trim().replace(/\W+$/, "").toLowerCase() === name;
    });
    expect(echo.map((e) => e.path)).toEqual([]);
  });

  it("gives every deprecation a reason", () => {
    const unexplained = all.filter((e) => e.deprecationReason !== undefined && e.deprecationReason !== null && !e.deprecationReason.trim());
    expect(unexplained.map((e) => e.path)).toEqual([]);
  });

  it("names the Vietnamese terms the agency uses", () => {
    const text = (path: string) => all.find((e) => e.path === path)?.description ?? "";
    expect(text("Article.featured")).toContain("Tin nổi bật");
    expect(text("Article.summary")).toContain("Tóm tắt");
    expect(text("Article.byline")).toContain("Tác giả");
    expect(text("Article.viewCount")).toContain("Lượt người xem");
  });
});
