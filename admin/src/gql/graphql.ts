/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An approver's decision on a pending version. */
export type ApprovalDecision =
  /** Duyệt: the version became the next major version (published or scheduled). */
  | 'APPROVED'
  /** Từ chối: sent back with a comment. */
  | 'REJECTED';

/** Where a version stands in content approval (Trạng thái phê duyệt). */
export type ApprovalStatus =
  /** Đã duyệt: published; readers see this version. */
  | 'APPROVED'
  /** Bản nháp: saved, not sent for approval; only its editors see it. */
  | 'DRAFT'
  /** Chờ duyệt: sent for approval; an APPROVER approves or rejects it. */
  | 'PENDING'
  /** Bị từ chối: sent back with the approver's comment; readers keep the last approved version. */
  | 'REJECTED'
  /** Hẹn giờ đăng: approved with publishAt in the future; readers see it from then. */
  | 'SCHEDULED';

/** Narrows an article list; every condition given must hold. */
export type ArticleFilter = {
  /** Only articles in this status as this viewer sees it (readers see APPROVED only). */
  approvalStatus?: ApprovalStatus | null | undefined;
  /** Only this genre (Loại bài viết), exactly. */
  articleType?: string | null | undefined;
  /** Only this category (by global ID). */
  categoryId?: string | null | undefined;
  /** Only this category (by slug); an unknown slug gives an empty list. */
  categorySlug?: string | null | undefined;
  /** ADMIN only: the recycle bin (deleted articles) instead of live ones. */
  deleted?: boolean | null | undefined;
  /** true: only featured articles (Tin nổi bật); false: only the others. */
  featured?: boolean | null | undefined;
  /** Published at or after this instant. */
  publishedAfter?: string | null | undefined;
  /** Published before this instant. */
  publishedBefore?: string | null | undefined;
  /** Full text over title, summary and body; accent-insensitive Vietnamese. */
  search?: string | null | undefined;
  /** Only articles of this topic (dòng sự kiện), by its global ID. */
  topicId?: string | null | undefined;
  /** Only articles of this topic (dòng sự kiện), by its slug. */
  topicSlug?: string | null | undefined;
};

/** A role on the article for one user. */
export type ArticleGrantInput = {
  /** What they may do with this article (READER: read it even when it is not public). */
  role: Role;
  /** The user's global ID; BAD_USER_INPUT if no such user. */
  userId: string;
};

/** A new article's content. Omitted optional fields are empty; the photo count is computed. */
export type CreateArticleInput = {
  /** An http(s) link shown instead of the body. */
  alternateUrl?: string | null | undefined;
  /** Loại bài viết: the genre, free text (at most 200 characters). */
  articleType?: string | null | undefined;
  /** Attached documents, in order. */
  attachmentIds?: Array<string> | null | undefined;
  /** HTML; sanitised on write. */
  body: string;
  /** Tác giả: the printed byline, free text (at most 300 characters). */
  byline?: string | null | undefined;
  /** Phân loại: the category's global ID; null leaves the article uncategorised. */
  categoryId?: string | null | undefined;
  /** Why this version was made (shown in the history). */
  comment?: string | null | undefined;
  /** An IMAGE media. */
  coverImageId?: string | null | undefined;
  /** End of publication: readers stop seeing the article then. */
  expireAt?: string | null | undefined;
  /** Tin nổi bật: show it in the home page carousel (default false). */
  featured?: boolean | null | undefined;
  /** Photos and videos (IMAGE or VIDEO media), in order. */
  galleryIds?: Array<string> | null | undefined;
  /** Số trang: length in printed pages, 0 to 10,000 (royalty reports). */
  pageCount?: number | null | undefined;
  /** The publish date; in the future, approval schedules the article. */
  publishAt?: string | null | undefined;
  /** Made from the title when not given; unique. */
  slug?: string | null | undefined;
  /** The lead paragraph (sapo), plain text. */
  summary?: string | null | undefined;
  /** Tiêu đề: the headline, plain text (at most 500 characters). */
  title: string;
};

/** What a media item is, detected from its bytes (or its link, for an external video). */
export type MediaKind =
  /** Văn bản: PDF, Word, Excel, PowerPoint or OpenDocument, offered for download (decrees, plans). */
  | 'DOCUMENT'
  /** Hình ảnh: JPEG, PNG, GIF or WebP; width and height are known. */
  | 'IMAGE'
  /** Video: an MP4/WebM file, or a link to YouTube or Vimeo (external). */
  | 'VIDEO';

/** Site roles, lowest to highest; each can do what the lower ones can. */
export type Role =
  /** Quản trị: everything, including users, permissions, the recycle bin, site details, the category tree, royalty scales and the audit trail. */
  | 'ADMIN'
  /** Người phê duyệt: approves, rejects, schedules and unpublishes articles; reads royalty reports (nhuận bút). */
  | 'APPROVER'
  /** Cộng tác viên: writes articles and uploads media; edits their own drafts only. */
  | 'CONTRIBUTOR'
  /** Biên tập viên: edits every article, manages categories and media. */
  | 'EDITOR'
  /** Bạn đọc: a signed-in reader; reads what is public and what is granted to them. */
  | 'READER';

/** An article's permissions: inherit the site roles, or its own public flag and grants. */
export type SetArticlePermissionsInput = {
  /** The article's global ID. */
  articleId: string;
  /** Replaces the article's grants (only when inherit is false); omitted keeps them. */
  grants?: Array<ArticleGrantInput> | null | undefined;
  /** true restores the site roles (and drops the article's grants). */
  inherit: boolean;
  /** false hides the article from anonymous readers (only when inherit is false). */
  public?: boolean | null | undefined;
};

/** Changes to an article's content: omitted fields keep their value; null clears an optional one. */
export type UpdateArticleInput = {
  /** An http(s) link shown instead of the body. */
  alternateUrl?: string | null | undefined;
  /** Loại bài viết: the genre, free text (at most 200 characters). */
  articleType?: string | null | undefined;
  /** Attached documents, in order. */
  attachmentIds?: Array<string> | null | undefined;
  /** HTML; sanitised on write. */
  body?: string | null | undefined;
  /** Tác giả: the printed byline, free text (at most 300 characters). */
  byline?: string | null | undefined;
  /** Phân loại: the category's global ID; null leaves the article uncategorised. */
  categoryId?: string | null | undefined;
  /** Why this version was made (shown in the history). */
  comment?: string | null | undefined;
  /** An IMAGE media. */
  coverImageId?: string | null | undefined;
  /** The version label the edit started from; if another change landed meanwhile the update fails with CONFLICT. */
  expectedVersion: string;
  /** End of publication: readers stop seeing the article then. */
  expireAt?: string | null | undefined;
  /** Tin nổi bật: show it in the home page carousel (default false). */
  featured?: boolean | null | undefined;
  /** Photos and videos (IMAGE or VIDEO media), in order. */
  galleryIds?: Array<string> | null | undefined;
  /** The article's global ID. */
  id: string;
  /** Số trang: length in printed pages, 0 to 10,000 (royalty reports). */
  pageCount?: number | null | undefined;
  /** The publish date; in the future, approval schedules the article. */
  publishAt?: string | null | undefined;
  /** Made from the title when not given; unique. */
  slug?: string | null | undefined;
  /** The lead paragraph (sapo), plain text. */
  summary?: string | null | undefined;
  /** Tiêu đề: the new headline (cannot be null or empty). */
  title?: string | null | undefined;
};

/** New footer details: omitted fields stay, an empty string clears one (the name cannot be cleared). */
export type UpdateSiteInput = {
  /** The postal address (at most 500 characters). */
  address?: string | null | undefined;
  /** A valid e-mail address, or empty. */
  email?: string | null | undefined;
  /** Digits, spaces and + ( ) . - only (at most 50 characters). */
  fax?: string | null | undefined;
  /** The agency's name (1 to 300 characters). */
  name?: string | null | undefined;
  /** Digits, spaces and + ( ) . - only (at most 50 characters). */
  phone?: string | null | undefined;
  /** The person responsible (at most 300 characters). */
  responsiblePerson?: string | null | undefined;
};

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { id: string, name: string, email: string | null, role: Role | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string | null, role: Role | null } | null };

export type ConsoleSignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSignOutEverywhereMutation = { signOutEverywhere: boolean };

export type ConsoleUploadMediaMutationVariables = Exact<{
  file: File;
  description?: string | null | undefined;
}>;


export type ConsoleUploadMediaMutation = { uploadMedia: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } };

export type ConsoleMediaFragment = { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null };

export type ConsoleAddExternalVideoMutationVariables = Exact<{
  url: string;
  description?: string | null | undefined;
}>;


export type ConsoleAddExternalVideoMutation = { addExternalVideo: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } };

export type ConsoleApprovalQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ConsoleApprovalQueueQuery = { articles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, version: string, updatedAt: string, byline: string | null, category: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, versions: { edges: Array<{ node: { label: string, comment: string | null } }> } } }> } };

export type ConsoleApproveArticleMutationVariables = Exact<{
  id: string;
  comment?: string | null | undefined;
}>;


export type ConsoleApproveArticleMutation = { approveArticle: { id: string, title: string, approvalStatus: ApprovalStatus, version: string, publishedAt: string | null } };

export type ConsoleRejectArticleMutationVariables = Exact<{
  id: string;
  comment: string;
}>;


export type ConsoleRejectArticleMutation = { rejectArticle: { id: string, title: string, approvalStatus: ApprovalStatus, version: string } };

export type ConsoleArticlesQueryVariables = Exact<{
  filter?: ArticleFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleArticlesQuery = { articles: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, approvalStatus: ApprovalStatus, version: string, featured: boolean, articleType: string | null, updatedAt: string, publishedAt: string | null, viewCount: number, byline: string | null, category: { id: string, name: string } | null, createdBy: { id: string, name: string } | null } }> } };

export type ConsoleCreateArticleMutationVariables = Exact<{
  input: CreateArticleInput;
}>;


export type ConsoleCreateArticleMutation = { createArticle: { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> } };

export type ConsoleUpdateArticleMutationVariables = Exact<{
  input: UpdateArticleInput;
}>;


export type ConsoleUpdateArticleMutation = { updateArticle: { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> } };

export type ConsoleSubmitArticleMutationVariables = Exact<{
  id: string;
  comment?: string | null | undefined;
}>;


export type ConsoleSubmitArticleMutation = { submitArticle: { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> } };

export type ConsoleHistoryQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHistoryQuery = { node:
    | { id: string, title: string, version: string, approvalStatus: ApprovalStatus, createdBy: { id: string } | null, versions: { totalCount: number, edges: Array<{ node: { label: string, isMajor: boolean, approvalStatus: ApprovalStatus, comment: string | null, createdAt: string, changedFields: Array<string>, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, createdBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, fileName: string, url: string } | null } }> }, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type ConsoleRestoreVersionMutationVariables = Exact<{
  id: string;
  version: string;
}>;


export type ConsoleRestoreVersionMutation = { restoreArticleVersion: { id: string, version: string } };

export type ConsolePermissionsQueryVariables = Exact<{
  id: string;
}>;


export type ConsolePermissionsQuery = { node:
    | { id: string, title: string, inheritsPermissions: boolean, permissions: { public: boolean, grants: Array<{ role: Role, user: { id: string, name: string, email: string | null } }> } | null }
    | Record<PropertyKey, never>
   | null };

export type ConsoleSetPermissionsMutationVariables = Exact<{
  input: SetArticlePermissionsInput;
}>;


export type ConsoleSetPermissionsMutation = { setArticlePermissions: { id: string, inheritsPermissions: boolean, permissions: { public: boolean, grants: Array<{ role: Role, user: { id: string, name: string, email: string | null } }> } | null } };

export type ConsoleSiteQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSiteQuery = { site: { name: string, responsiblePerson: string | null, address: string | null, phone: string | null, fax: string | null, email: string | null } };

export type ConsoleUpdateSiteMutationVariables = Exact<{
  input: UpdateSiteInput;
}>;


export type ConsoleUpdateSiteMutation = { updateSite: { name: string, responsiblePerson: string | null, address: string | null, phone: string | null, fax: string | null, email: string | null } };

export type ConsoleStatisticsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConsoleStatisticsQuery = { site: { statistics: { totalVisits: number, today: number, yesterday: number, thisWeek: number, thisMonth: number, daily: Array<{ date: string, visits: number, uniqueVisitors: number, articleViews: number }>, topArticles: Array<{ views: number, article: { id: string, title: string } }> } } };

export type ConsoleOnlineQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOnlineQuery = { site: { statistics: { online: number } } };

export type ConsoleArticleForEditQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleArticleForEditQuery = { node:
    | { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type ConsoleArticleViewQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleArticleViewQuery = { node:
    | { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }> }
    | Record<PropertyKey, never>
   | null };

export type ConsoleArticleApprovalsFragment = { approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> };

export type ConsoleArticleFieldsFragment = { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }> };

export type ConsoleCompareQueryVariables = Exact<{
  id: string;
  from: string;
  to: string;
}>;


export type ConsoleCompareQuery = { node:
    | { id: string, compareVersions: Array<{ field: string, before: string | null, after: string | null }> }
    | Record<PropertyKey, never>
   | null };

export type ConsoleCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCategoriesQuery = { categories: Array<{ id: string, name: string, slug: string, parent: { id: string } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsoleArticleApprovalsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ConsoleArticleApprovals"}) as unknown as TypedDocumentString<ConsoleArticleApprovalsFragment, unknown>;
export const ConsoleMediaFragmentDoc = new TypedDocumentString(`
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}
    `, {"fragmentName":"ConsoleMedia"}) as unknown as TypedDocumentString<ConsoleMediaFragment, unknown>;
export const ConsoleArticleFieldsFragmentDoc = new TypedDocumentString(`
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
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}`, {"fragmentName":"ConsoleArticleFields"}) as unknown as TypedDocumentString<ConsoleArticleFieldsFragment, unknown>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
    user {
      id
      name
      email
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    email
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const ConsoleSignOutEverywhereDocument = new TypedDocumentString(`
    mutation ConsoleSignOutEverywhere {
  signOutEverywhere
}
    `) as unknown as TypedDocumentString<ConsoleSignOutEverywhereMutation, ConsoleSignOutEverywhereMutationVariables>;
export const ConsoleUploadMediaDocument = new TypedDocumentString(`
    mutation ConsoleUploadMedia($file: File!, $description: String) {
  uploadMedia(file: $file, description: $description) {
    ...ConsoleMedia
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}`) as unknown as TypedDocumentString<ConsoleUploadMediaMutation, ConsoleUploadMediaMutationVariables>;
export const ConsoleAddExternalVideoDocument = new TypedDocumentString(`
    mutation ConsoleAddExternalVideo($url: String!, $description: String) {
  addExternalVideo(url: $url, description: $description) {
    ...ConsoleMedia
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}`) as unknown as TypedDocumentString<ConsoleAddExternalVideoMutation, ConsoleAddExternalVideoMutationVariables>;
export const ConsoleApprovalQueueDocument = new TypedDocumentString(`
    query ConsoleApprovalQueue($first: Int!, $after: String) {
  articles(
    first: $first
    after: $after
    filter: {approvalStatus: PENDING}
    orderBy: {field: UPDATED_AT, direction: ASC}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        version
        updatedAt
        byline
        category {
          id
          name
        }
        updatedBy {
          id
          name
        }
        versions(first: 1) {
          edges {
            node {
              label
              comment
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleApprovalQueueQuery, ConsoleApprovalQueueQueryVariables>;
export const ConsoleApproveArticleDocument = new TypedDocumentString(`
    mutation ConsoleApproveArticle($id: ID!, $comment: String) {
  approveArticle(id: $id, comment: $comment) {
    id
    title
    approvalStatus
    version
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleApproveArticleMutation, ConsoleApproveArticleMutationVariables>;
export const ConsoleRejectArticleDocument = new TypedDocumentString(`
    mutation ConsoleRejectArticle($id: ID!, $comment: String!) {
  rejectArticle(id: $id, comment: $comment) {
    id
    title
    approvalStatus
    version
  }
}
    `) as unknown as TypedDocumentString<ConsoleRejectArticleMutation, ConsoleRejectArticleMutationVariables>;
export const ConsoleArticlesDocument = new TypedDocumentString(`
    query ConsoleArticles($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {
  articles(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
    orderBy: {field: UPDATED_AT, direction: DESC}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        title
        approvalStatus
        version
        featured
        articleType
        updatedAt
        publishedAt
        viewCount
        byline
        category {
          id
          name
        }
        createdBy {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleArticlesQuery, ConsoleArticlesQueryVariables>;
export const ConsoleCreateArticleDocument = new TypedDocumentString(`
    mutation ConsoleCreateArticle($input: CreateArticleInput!) {
  createArticle(input: $input) {
    ...ConsoleArticleFields
    ...ConsoleArticleApprovals
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}
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
}`) as unknown as TypedDocumentString<ConsoleCreateArticleMutation, ConsoleCreateArticleMutationVariables>;
export const ConsoleUpdateArticleDocument = new TypedDocumentString(`
    mutation ConsoleUpdateArticle($input: UpdateArticleInput!) {
  updateArticle(input: $input) {
    ...ConsoleArticleFields
    ...ConsoleArticleApprovals
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}
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
}`) as unknown as TypedDocumentString<ConsoleUpdateArticleMutation, ConsoleUpdateArticleMutationVariables>;
export const ConsoleSubmitArticleDocument = new TypedDocumentString(`
    mutation ConsoleSubmitArticle($id: ID!, $comment: String) {
  submitArticle(id: $id, comment: $comment) {
    ...ConsoleArticleFields
    ...ConsoleArticleApprovals
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}
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
}`) as unknown as TypedDocumentString<ConsoleSubmitArticleMutation, ConsoleSubmitArticleMutationVariables>;
export const ConsoleHistoryDocument = new TypedDocumentString(`
    query ConsoleHistory($id: ID!) {
  node(id: $id) {
    ... on Article {
      id
      title
      version
      approvalStatus
      createdBy {
        id
      }
      versions(first: 50) {
        totalCount
        edges {
          node {
            label
            isMajor
            approvalStatus
            comment
            createdAt
            createdBy {
              id
              name
            }
            changedFields
            title
            summary
            body
            alternateUrl
            publishAt
            expireAt
            featured
            byline
            articleType
            pageCount
            photoCount
            category {
              id
              name
            }
            coverImage {
              id
              fileName
              url
            }
          }
        }
      }
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
  }
}
    `) as unknown as TypedDocumentString<ConsoleHistoryQuery, ConsoleHistoryQueryVariables>;
export const ConsoleRestoreVersionDocument = new TypedDocumentString(`
    mutation ConsoleRestoreVersion($id: ID!, $version: String!) {
  restoreArticleVersion(id: $id, version: $version) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<ConsoleRestoreVersionMutation, ConsoleRestoreVersionMutationVariables>;
export const ConsolePermissionsDocument = new TypedDocumentString(`
    query ConsolePermissions($id: ID!) {
  node(id: $id) {
    ... on Article {
      id
      title
      inheritsPermissions
      permissions {
        public
        grants {
          role
          user {
            id
            name
            email
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePermissionsQuery, ConsolePermissionsQueryVariables>;
export const ConsoleSetPermissionsDocument = new TypedDocumentString(`
    mutation ConsoleSetPermissions($input: SetArticlePermissionsInput!) {
  setArticlePermissions(input: $input) {
    id
    inheritsPermissions
    permissions {
      public
      grants {
        role
        user {
          id
          name
          email
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetPermissionsMutation, ConsoleSetPermissionsMutationVariables>;
export const ConsoleSiteDocument = new TypedDocumentString(`
    query ConsoleSite {
  site {
    name
    responsiblePerson
    address
    phone
    fax
    email
  }
}
    `) as unknown as TypedDocumentString<ConsoleSiteQuery, ConsoleSiteQueryVariables>;
export const ConsoleUpdateSiteDocument = new TypedDocumentString(`
    mutation ConsoleUpdateSite($input: UpdateSiteInput!) {
  updateSite(input: $input) {
    name
    responsiblePerson
    address
    phone
    fax
    email
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateSiteMutation, ConsoleUpdateSiteMutationVariables>;
export const ConsoleStatisticsDocument = new TypedDocumentString(`
    query ConsoleStatistics($from: Date!, $to: Date!) {
  site {
    statistics {
      totalVisits
      today
      yesterday
      thisWeek
      thisMonth
      daily(from: $from, to: $to) {
        date
        visits
        uniqueVisitors
        articleViews
      }
      topArticles(first: 10, from: $from, to: $to) {
        views
        article {
          id
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleStatisticsQuery, ConsoleStatisticsQueryVariables>;
export const ConsoleOnlineDocument = new TypedDocumentString(`
    query ConsoleOnline {
  site {
    statistics {
      online
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOnlineQuery, ConsoleOnlineQueryVariables>;
export const ConsoleArticleForEditDocument = new TypedDocumentString(`
    query ConsoleArticleForEdit($id: ID!) {
  node(id: $id) {
    ... on Article {
      ...ConsoleArticleFields
      ...ConsoleArticleApprovals
    }
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}
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
}`) as unknown as TypedDocumentString<ConsoleArticleForEditQuery, ConsoleArticleForEditQueryVariables>;
export const ConsoleArticleViewDocument = new TypedDocumentString(`
    query ConsoleArticleView($id: ID!) {
  node(id: $id) {
    ... on Article {
      ...ConsoleArticleFields
    }
  }
}
    fragment ConsoleMedia on Media {
  id
  kind
  url
  fileName
  contentType
  size
  width
  height
  description
  external
  embedUrl
}
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
}`) as unknown as TypedDocumentString<ConsoleArticleViewQuery, ConsoleArticleViewQueryVariables>;
export const ConsoleCompareDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ConsoleCompareQuery, ConsoleCompareQueryVariables>;
export const ConsoleCategoriesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ConsoleCategoriesQuery, ConsoleCategoriesQueryVariables>;