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
  /** Only articles created by this account (the article's createdBy), by its global ID. */
  authorId?: string | null | undefined;
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

/** A new category. */
export type CreateCategoryInput = {
  /** An introduction (at most 2,000 characters). */
  description?: string | null | undefined;
  /** The menu name (1 to 200 characters). */
  name: string;
  /** The parent category's global ID; omitted for a top-level one. */
  parentId?: string | null | undefined;
  /** Menu order among its siblings, from 0; omitted: last. */
  position?: number | null | undefined;
  /** Made from the name when omitted; unique, lower-case letters, digits and single hyphens. */
  slug?: string | null | undefined;
};

/** A new topic. */
export type CreateTopicInput = {
  /** A line about the topic. */
  description?: string | null | undefined;
  /** The topic's name. */
  name: string;
  /** The address; made from the name when not given. Unique. */
  slug?: string | null | undefined;
};

/** A new account. */
export type CreateUserInput = {
  /** The sign-in e-mail, unique (stored in lower case). */
  email: string;
  /** The display name (1 to 200 characters). */
  name: string;
  /** At least 12 characters, not a common password, not the e-mail or name; stored as a hash only. */
  password: string;
  /** The site-wide role. */
  role: Role;
};

/** What a media item is, detected from its bytes (or its link, for an external video). */
export type MediaKind =
  /** Văn bản: PDF, Word, Excel, PowerPoint or OpenDocument, offered for download (decrees, plans). */
  | 'DOCUMENT'
  /** Hình ảnh: JPEG, PNG, GIF or WebP; width and height are known. */
  | 'IMAGE'
  /** Video: an MP4/WebM file, or a link to YouTube or Vimeo (external). */
  | 'VIDEO';

/** Where a category goes in the tree. */
export type MoveCategoryInput = {
  /** The category to move. */
  id: string;
  /** The new parent; null or omitted: the top level. */
  parentId?: string | null | undefined;
  /** Place among the new siblings, from 0; omitted: last. */
  position?: number | null | undefined;
};

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

/** The points of one genre. */
export type RoyaltyGenrePointsInput = {
  /** The genre as written on articles ("Tin", "Phóng sự"). */
  genre: string;
  /** Points, 0 to 100000, at most two decimals. */
  points: number;
};

/** Why an article could not be priced: it is listed apart, so nobody is silently unpaid. */
export type RoyaltyUnpricedReason =
  /** Its genre is not in the scale. */
  | 'GENRE_NOT_IN_SCALE'
  /** The article has no genre (loại bài viết). */
  | 'NO_GENRE'
  /** No scale was valid on its day of first publication. */
  | 'NO_SCALE';

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

/** A royalty scale valid from a day. */
export type SetRoyaltyScaleInput = {
  /** Points per page beyond the first. */
  extraPagePoints: number;
  /** Points per genre; at least one. */
  genres: Array<RoyaltyGenrePointsInput>;
  /** A note (e.g. the decision that set it). */
  note?: string | null | undefined;
  /** Points per photo. */
  photoPoints: number;
  /** The value of one point, in đồng. */
  pointValue: number;
  /** Today or a later day (site time zone); a scale not yet in force with the same day is replaced. */
  validFrom: string;
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

/** Changes to a category; omitted fields stay as they are. */
export type UpdateCategoryInput = {
  /** A new description; an empty string clears it. */
  description?: string | null | undefined;
  /** The category. */
  id: string;
  /** The new name (the slug stays unless given). */
  name?: string | null | undefined;
  /** A new address, only when asked for: old links stop working. */
  slug?: string | null | undefined;
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

/** Changes to a topic; omitted fields stay as they are. */
export type UpdateTopicInput = {
  /** A new description; an empty string clears it. */
  description?: string | null | undefined;
  /** The topic. */
  id: string;
  /** The new name (the slug stays unless given). */
  name?: string | null | undefined;
  /** A new address, only when asked for: old links stop working. */
  slug?: string | null | undefined;
};

/** Which users to list. */
export type UserFilter = {
  /** true: only active accounts; false: only deactivated ones. */
  active?: boolean | null | undefined;
  /** Only users with this role. */
  role?: Role | null | undefined;
  /** Words of the name or e-mail, accent- and case-insensitive ("nguyen van" finds "Nguyễn Văn An"). */
  search?: string | null | undefined;
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

export type ConsoleSetArticleTopicsMutationVariables = Exact<{
  id: string;
  topicIds: Array<string> | string;
}>;


export type ConsoleSetArticleTopicsMutation = { setArticleTopics: { id: string, topics: Array<{ id: string, name: string }> } };

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

export type ConsoleChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ConsoleChangePasswordMutation = { changePassword: { token: string, expiresAt: string } };

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

export type ConsoleAuthorsQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
}>;


export type ConsoleAuthorsQuery = { users: { pageInfo: { hasNextPage: boolean }, edges: Array<{ node: { id: string, name: string } }> } };

export type ConsoleCategoryTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCategoryTreeQuery = { categories: Array<{ id: string, name: string, slug: string, description: string | null, position: number, articleCount: number, parent: { id: string } | null }> };

export type ConsoleCreateCategoryMutationVariables = Exact<{
  input: CreateCategoryInput;
}>;


export type ConsoleCreateCategoryMutation = { createCategory: { id: string, name: string } };

export type ConsoleUpdateCategoryMutationVariables = Exact<{
  input: UpdateCategoryInput;
}>;


export type ConsoleUpdateCategoryMutation = { updateCategory: { id: string, name: string, slug: string, description: string | null } };

export type ConsoleMoveCategoryMutationVariables = Exact<{
  input: MoveCategoryInput;
}>;


export type ConsoleMoveCategoryMutation = { moveCategory: { id: string, parent: { id: string } | null } };

export type ConsoleReorderCategoriesMutationVariables = Exact<{
  parentId?: string | null | undefined;
  ids: Array<string> | string;
}>;


export type ConsoleReorderCategoriesMutation = { reorderCategories: Array<{ id: string, position: number }> };

export type ConsoleDeleteCategoryMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteCategoryMutation = { deleteCategory: { id: string } };

export type ConsoleCreateArticleMutationVariables = Exact<{
  input: CreateArticleInput;
}>;


export type ConsoleCreateArticleMutation = { createArticle: { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, topics: Array<{ id: string, name: string }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> } };

export type ConsoleUpdateArticleMutationVariables = Exact<{
  input: UpdateArticleInput;
}>;


export type ConsoleUpdateArticleMutation = { updateArticle: { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, topics: Array<{ id: string, name: string }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> } };

export type ConsoleSubmitArticleMutationVariables = Exact<{
  id: string;
  comment?: string | null | undefined;
}>;


export type ConsoleSubmitArticleMutation = { submitArticle: { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, topics: Array<{ id: string, name: string }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> } };

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

export type ConsoleRoyaltyReportQueryVariables = Exact<{
  month: string;
  byline?: string | null | undefined;
  categoryId?: string | null | undefined;
}>;


export type ConsoleRoyaltyReportQuery = { royaltyReport: { month: string, articleCount: number, points: number, amount: number, unpricedCount: number, csvUrl: string, xlsxUrl: string, rows: Array<{ articleId: string, title: string, byline: string | null, categoryName: string | null, firstPublishedAt: string, genre: string | null, pages: number | null, photos: number, genrePoints: number | null, pagePoints: number | null, photoPoints: number | null, points: number | null, amount: number | null, unpricedReason: RoyaltyUnpricedReason | null }>, unpriced: Array<{ articleId: string, title: string, byline: string | null, categoryName: string | null, firstPublishedAt: string, genre: string | null, pages: number | null, photos: number, genrePoints: number | null, pagePoints: number | null, photoPoints: number | null, points: number | null, amount: number | null, unpricedReason: RoyaltyUnpricedReason | null }>, bylines: Array<{ byline: string | null, articleCount: number, points: number, amount: number, unpricedCount: number }> } };

export type ConsoleRoyaltyRowFragment = { articleId: string, title: string, byline: string | null, categoryName: string | null, firstPublishedAt: string, genre: string | null, pages: number | null, photos: number, genrePoints: number | null, pagePoints: number | null, photoPoints: number | null, points: number | null, amount: number | null, unpricedReason: RoyaltyUnpricedReason | null };

export type ConsoleRoyaltyScalesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRoyaltyScalesQuery = { royaltyScales: Array<{ id: string, validFrom: string, inForce: boolean, note: string | null, pointValue: number, photoPoints: number, extraPagePoints: number, genres: Array<{ genre: string, points: number }> }> };

export type ConsoleSetRoyaltyScaleMutationVariables = Exact<{
  input: SetRoyaltyScaleInput;
}>;


export type ConsoleSetRoyaltyScaleMutation = { setRoyaltyScale: { id: string, validFrom: string } };

export type ConsoleDeleteRoyaltyScaleMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteRoyaltyScaleMutation = { deleteRoyaltyScale: string };

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


export type ConsoleStatisticsQuery = { site: { statistics: { online: number, totalVisits: number, today: number, yesterday: number, thisWeek: number, thisMonth: number, daily: Array<{ date: string, visits: number, uniqueVisitors: number, articleViews: number }>, topArticles: Array<{ views: number, article: { id: string, title: string } }> } } };

export type ConsoleSiteVisitCountsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSiteVisitCountsSubscription = { siteVisitCounts: { online: number, today: number, totalVisits: number } };

export type ConsoleTopicsQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleTopicsQuery = { topics: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, slug: string, description: string | null, articleCount: number } }> } };

export type ConsoleCreateTopicMutationVariables = Exact<{
  input: CreateTopicInput;
}>;


export type ConsoleCreateTopicMutation = { createTopic: { id: string, name: string } };

export type ConsoleUpdateTopicMutationVariables = Exact<{
  input: UpdateTopicInput;
}>;


export type ConsoleUpdateTopicMutation = { updateTopic: { id: string, name: string, slug: string, description: string | null } };

export type ConsoleDeleteTopicMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteTopicMutation = { deleteTopic: { id: string } };

export type ConsoleUsersQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleUsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string | null, role: Role | null, active: boolean | null, createdAt: string | null, deactivatedAt: string | null } }> } };

export type ConsoleUserFragment = { id: string, name: string, email: string | null, role: Role | null, active: boolean | null, createdAt: string | null, deactivatedAt: string | null };

export type ConsoleCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type ConsoleCreateUserMutation = { createUser: { id: string, name: string, email: string | null, role: Role | null, active: boolean | null, createdAt: string | null, deactivatedAt: string | null } };

export type ConsoleChangeUserRoleMutationVariables = Exact<{
  id: string;
  role: Role;
}>;


export type ConsoleChangeUserRoleMutation = { changeUserRole: { id: string, name: string, email: string | null, role: Role | null, active: boolean | null, createdAt: string | null, deactivatedAt: string | null } };

export type ConsoleDeactivateUserMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeactivateUserMutation = { deactivateUser: { id: string, name: string, email: string | null, role: Role | null, active: boolean | null, createdAt: string | null, deactivatedAt: string | null } };

export type ConsoleReactivateUserMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleReactivateUserMutation = { reactivateUser: { id: string, name: string, email: string | null, role: Role | null, active: boolean | null, createdAt: string | null, deactivatedAt: string | null } };

export type ConsoleResetUserPasswordMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleResetUserPasswordMutation = { resetUserPassword: { password: string, user: { id: string, name: string } } };

export type ConsoleArticleForEditQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleArticleForEditQuery = { node:
    | { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, topics: Array<{ id: string, name: string }>, approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> }
    | Record<PropertyKey, never>
   | null };

export type ConsoleArticleViewQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleArticleViewQuery = { node:
    | { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, topics: Array<{ id: string, name: string }> }
    | Record<PropertyKey, never>
   | null };

export type ConsoleArticleApprovalsFragment = { approvals: Array<{ decision: ApprovalDecision, comment: string | null, decidedAt: string, version: string, decidedBy: { id: string, name: string } | null }> };

export type ConsoleArticleFieldsFragment = { id: string, slug: string, title: string, summary: string | null, body: string, alternateUrl: string | null, publishAt: string | null, expireAt: string | null, publishedAt: string | null, featured: boolean, byline: string | null, articleType: string | null, pageCount: number | null, photoCount: number, approvalStatus: ApprovalStatus, version: string, viewCount: number, inheritsPermissions: boolean, createdAt: string, updatedAt: string, createdBy: { id: string, name: string } | null, updatedBy: { id: string, name: string } | null, category: { id: string, name: string } | null, coverImage: { id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null } | null, gallery: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, attachments: Array<{ id: string, kind: MediaKind, url: string, fileName: string, contentType: string, size: number, width: number | null, height: number | null, description: string | null, external: boolean, embedUrl: string | null }>, topics: Array<{ id: string, name: string }> };

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
export const ConsoleRoyaltyRowFragmentDoc = new TypedDocumentString(`
    fragment ConsoleRoyaltyRow on RoyaltyRow {
  articleId
  title
  byline
  categoryName
  firstPublishedAt
  genre
  pages
  photos
  genrePoints
  pagePoints
  photoPoints
  points
  amount
  unpricedReason
}
    `, {"fragmentName":"ConsoleRoyaltyRow"}) as unknown as TypedDocumentString<ConsoleRoyaltyRowFragment, unknown>;
export const ConsoleUserFragmentDoc = new TypedDocumentString(`
    fragment ConsoleUser on User {
  id
  name
  email
  role
  active
  createdAt
  deactivatedAt
}
    `, {"fragmentName":"ConsoleUser"}) as unknown as TypedDocumentString<ConsoleUserFragment, unknown>;
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
  topics {
    id
    name
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
export const ConsoleSetArticleTopicsDocument = new TypedDocumentString(`
    mutation ConsoleSetArticleTopics($id: ID!, $topicIds: [ID!]!) {
  setArticleTopics(id: $id, topicIds: $topicIds) {
    id
    topics {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetArticleTopicsMutation, ConsoleSetArticleTopicsMutationVariables>;
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
export const ConsoleChangePasswordDocument = new TypedDocumentString(`
    mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleChangePasswordMutation, ConsoleChangePasswordMutationVariables>;
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
export const ConsoleAuthorsDocument = new TypedDocumentString(`
    query ConsoleAuthors($search: String, $first: Int!) {
  users(first: $first, filter: {search: $search}) {
    pageInfo {
      hasNextPage
    }
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAuthorsQuery, ConsoleAuthorsQueryVariables>;
export const ConsoleCategoryTreeDocument = new TypedDocumentString(`
    query ConsoleCategoryTree {
  categories {
    id
    name
    slug
    description
    position
    articleCount
    parent {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCategoryTreeQuery, ConsoleCategoryTreeQueryVariables>;
export const ConsoleCreateCategoryDocument = new TypedDocumentString(`
    mutation ConsoleCreateCategory($input: CreateCategoryInput!) {
  createCategory(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateCategoryMutation, ConsoleCreateCategoryMutationVariables>;
export const ConsoleUpdateCategoryDocument = new TypedDocumentString(`
    mutation ConsoleUpdateCategory($input: UpdateCategoryInput!) {
  updateCategory(input: $input) {
    id
    name
    slug
    description
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateCategoryMutation, ConsoleUpdateCategoryMutationVariables>;
export const ConsoleMoveCategoryDocument = new TypedDocumentString(`
    mutation ConsoleMoveCategory($input: MoveCategoryInput!) {
  moveCategory(input: $input) {
    id
    parent {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMoveCategoryMutation, ConsoleMoveCategoryMutationVariables>;
export const ConsoleReorderCategoriesDocument = new TypedDocumentString(`
    mutation ConsoleReorderCategories($parentId: ID, $ids: [ID!]!) {
  reorderCategories(parentId: $parentId, ids: $ids) {
    id
    position
  }
}
    `) as unknown as TypedDocumentString<ConsoleReorderCategoriesMutation, ConsoleReorderCategoriesMutationVariables>;
export const ConsoleDeleteCategoryDocument = new TypedDocumentString(`
    mutation ConsoleDeleteCategory($id: ID!) {
  deleteCategory(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteCategoryMutation, ConsoleDeleteCategoryMutationVariables>;
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
  topics {
    id
    name
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
  topics {
    id
    name
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
  topics {
    id
    name
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
export const ConsoleRoyaltyReportDocument = new TypedDocumentString(`
    query ConsoleRoyaltyReport($month: String!, $byline: String, $categoryId: ID) {
  royaltyReport(month: $month, byline: $byline, categoryId: $categoryId) {
    month
    articleCount
    points
    amount
    unpricedCount
    csvUrl
    xlsxUrl
    rows {
      ...ConsoleRoyaltyRow
    }
    unpriced {
      ...ConsoleRoyaltyRow
    }
    bylines {
      byline
      articleCount
      points
      amount
      unpricedCount
    }
  }
}
    fragment ConsoleRoyaltyRow on RoyaltyRow {
  articleId
  title
  byline
  categoryName
  firstPublishedAt
  genre
  pages
  photos
  genrePoints
  pagePoints
  photoPoints
  points
  amount
  unpricedReason
}`) as unknown as TypedDocumentString<ConsoleRoyaltyReportQuery, ConsoleRoyaltyReportQueryVariables>;
export const ConsoleRoyaltyScalesDocument = new TypedDocumentString(`
    query ConsoleRoyaltyScales {
  royaltyScales {
    id
    validFrom
    inForce
    note
    pointValue
    photoPoints
    extraPagePoints
    genres {
      genre
      points
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRoyaltyScalesQuery, ConsoleRoyaltyScalesQueryVariables>;
export const ConsoleSetRoyaltyScaleDocument = new TypedDocumentString(`
    mutation ConsoleSetRoyaltyScale($input: SetRoyaltyScaleInput!) {
  setRoyaltyScale(input: $input) {
    id
    validFrom
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetRoyaltyScaleMutation, ConsoleSetRoyaltyScaleMutationVariables>;
export const ConsoleDeleteRoyaltyScaleDocument = new TypedDocumentString(`
    mutation ConsoleDeleteRoyaltyScale($id: ID!) {
  deleteRoyaltyScale(id: $id)
}
    `) as unknown as TypedDocumentString<ConsoleDeleteRoyaltyScaleMutation, ConsoleDeleteRoyaltyScaleMutationVariables>;
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
      online
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
export const ConsoleSiteVisitCountsDocument = new TypedDocumentString(`
    subscription ConsoleSiteVisitCounts {
  siteVisitCounts {
    online
    today
    totalVisits
  }
}
    `) as unknown as TypedDocumentString<ConsoleSiteVisitCountsSubscription, ConsoleSiteVisitCountsSubscriptionVariables>;
export const ConsoleTopicsDocument = new TypedDocumentString(`
    query ConsoleTopics($search: String, $first: Int, $after: String, $last: Int, $before: String) {
  topics(
    search: $search
    first: $first
    after: $after
    last: $last
    before: $before
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
        name
        slug
        description
        articleCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleTopicsQuery, ConsoleTopicsQueryVariables>;
export const ConsoleCreateTopicDocument = new TypedDocumentString(`
    mutation ConsoleCreateTopic($input: CreateTopicInput!) {
  createTopic(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateTopicMutation, ConsoleCreateTopicMutationVariables>;
export const ConsoleUpdateTopicDocument = new TypedDocumentString(`
    mutation ConsoleUpdateTopic($input: UpdateTopicInput!) {
  updateTopic(input: $input) {
    id
    name
    slug
    description
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateTopicMutation, ConsoleUpdateTopicMutationVariables>;
export const ConsoleDeleteTopicDocument = new TypedDocumentString(`
    mutation ConsoleDeleteTopic($id: ID!) {
  deleteTopic(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteTopicMutation, ConsoleDeleteTopicMutationVariables>;
export const ConsoleUsersDocument = new TypedDocumentString(`
    query ConsoleUsers($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
  users(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
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
        ...ConsoleUser
      }
    }
  }
}
    fragment ConsoleUser on User {
  id
  name
  email
  role
  active
  createdAt
  deactivatedAt
}`) as unknown as TypedDocumentString<ConsoleUsersQuery, ConsoleUsersQueryVariables>;
export const ConsoleCreateUserDocument = new TypedDocumentString(`
    mutation ConsoleCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    ...ConsoleUser
  }
}
    fragment ConsoleUser on User {
  id
  name
  email
  role
  active
  createdAt
  deactivatedAt
}`) as unknown as TypedDocumentString<ConsoleCreateUserMutation, ConsoleCreateUserMutationVariables>;
export const ConsoleChangeUserRoleDocument = new TypedDocumentString(`
    mutation ConsoleChangeUserRole($id: ID!, $role: Role!) {
  changeUserRole(id: $id, role: $role) {
    ...ConsoleUser
  }
}
    fragment ConsoleUser on User {
  id
  name
  email
  role
  active
  createdAt
  deactivatedAt
}`) as unknown as TypedDocumentString<ConsoleChangeUserRoleMutation, ConsoleChangeUserRoleMutationVariables>;
export const ConsoleDeactivateUserDocument = new TypedDocumentString(`
    mutation ConsoleDeactivateUser($id: ID!) {
  deactivateUser(id: $id) {
    ...ConsoleUser
  }
}
    fragment ConsoleUser on User {
  id
  name
  email
  role
  active
  createdAt
  deactivatedAt
}`) as unknown as TypedDocumentString<ConsoleDeactivateUserMutation, ConsoleDeactivateUserMutationVariables>;
export const ConsoleReactivateUserDocument = new TypedDocumentString(`
    mutation ConsoleReactivateUser($id: ID!) {
  reactivateUser(id: $id) {
    ...ConsoleUser
  }
}
    fragment ConsoleUser on User {
  id
  name
  email
  role
  active
  createdAt
  deactivatedAt
}`) as unknown as TypedDocumentString<ConsoleReactivateUserMutation, ConsoleReactivateUserMutationVariables>;
export const ConsoleResetUserPasswordDocument = new TypedDocumentString(`
    mutation ConsoleResetUserPassword($id: ID!) {
  resetUserPassword(id: $id) {
    password
    user {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleResetUserPasswordMutation, ConsoleResetUserPasswordMutationVariables>;
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
  topics {
    id
    name
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
  topics {
    id
    name
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