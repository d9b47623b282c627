import { graphql } from "../gql";

export const ArticleForEditQuery = graphql(`
  query ConsoleArticleForEdit($id: ID!) {
    node(id: $id) {
      ... on Article {
        ...ConsoleArticleFields
        ...ConsoleArticleApprovals
      }
    }
  }
`);

/** What a reader may see of an article (no history, no approvals). */
export const ArticleViewQuery = graphql(`
  query ConsoleArticleView($id: ID!) {
    node(id: $id) {
      ... on Article {
        ...ConsoleArticleFields
      }
    }
  }
`);

/** Editors of the article only. */
export const ConsoleArticleApprovalsFragment = graphql(`
  fragment ConsoleArticleApprovals on Article {
    approvals {
      decision
      comment
      decidedAt
      version
      decidedBy {
        id
        name
      }
    }
  }
`);

export const ConsoleArticleFieldsFragment = graphql(`
  fragment ConsoleArticleFields on Article {
    id
    slug
    title
    summary
    body
    alternateUrl
    publishAt
    expireAt
    publishedAt
    featured
    byline
    articleType
    pageCount
    photoCount
    approvalStatus
    version
    viewCount
    inheritsPermissions
    createdAt
    updatedAt
    createdBy {
      id
      name
    }
    updatedBy {
      id
      name
    }
    category {
      id
      name
    }
    coverImage {
      ...ConsoleMedia
    }
    gallery {
      ...ConsoleMedia
    }
    attachments {
      ...ConsoleMedia
    }
    topics {
      id
      name
    }
  }
`);

export const CompareQuery = graphql(`
  query ConsoleCompare($id: ID!, $from: String!, $to: String!) {
    node(id: $id) {
      ... on Article {
        id
        compareVersions(from: $from, to: $to) {
          field
          before
          after
        }
      }
    }
  }
`);

/** "2026-11-29T03:00:00.000Z" → the value of an <input type="datetime-local"> in this browser's time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Plain text of an HTML fragment, for comparing and previews (never inserted as HTML). */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return "";
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("p, h1, h2, h3, h4, li, blockquote, br, div").forEach((el) => el.append("\n"));
  return (doc.body.textContent ?? "").replace(/\n{3,}/g, "\n\n").trim();
}
