// The words of the old portal's staff, in one place.
import type { ApprovalStatus, Role } from "./gql/graphql";

export const ROLES: Role[] = ["READER", "CONTRIBUTOR", "EDITOR", "APPROVER", "ADMIN"];

export const ROLE_LABEL: Record<Role, string> = {
  READER: "Người đọc",
  CONTRIBUTOR: "Cộng tác viên",
  EDITOR: "Biên tập viên",
  APPROVER: "Người phê duyệt",
  ADMIN: "Quản trị viên",
};

export function atLeast(role: Role | null | undefined, wanted: Role): boolean {
  return role != null && ROLES.indexOf(role) >= ROLES.indexOf(wanted);
}

export const STATUS_LABEL: Record<ApprovalStatus, string> = {
  DRAFT: "Bản nháp",
  PENDING: "Chờ phê duyệt",
  APPROVED: "Đã phê duyệt",
  REJECTED: "Bị từ chối",
  SCHEDULED: "Đã lên lịch",
};

/** Article fields as the staff name them (also the field names of compareVersions). */
export const FIELD_LABEL: Record<string, string> = {
  title: "Tiêu đề",
  slug: "Đường dẫn",
  summary: "Tóm tắt",
  body: "Nội dung",
  alternateUrl: "Liên kết thay thế",
  publishAt: "Ngày xuất bản",
  expireAt: "Ngày hết hạn",
  featured: "Tin nổi bật",
  byline: "Tác giả",
  articleType: "Loại bài viết",
  pageCount: "Số Trang",
  photoCount: "Số Ảnh",
  categoryId: "Chuyên mục",
  category: "Chuyên mục",
  coverImageId: "Ảnh đại diện",
  coverImage: "Ảnh đại diện",
  galleryIds: "Thư viện ảnh/video",
  gallery: "Thư viện ảnh/video",
  attachmentIds: "Tệp đính kèm",
  attachments: "Tệp đính kèm",
};

export const fieldLabel = (field: string) => FIELD_LABEL[field] ?? field;

/** Genres (Loại bài viết) of the old portal; the field stays free text. */
export const ARTICLE_TYPES = ["Tin", "Bài", "Phóng sự", "Ảnh", "Tin ảnh", "Trả lời bạn đọc", "Tin dịch", "Phỏng vấn", "Bình luận"];

const dateTime = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
const dateOnly = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric" });
const number = new Intl.NumberFormat("vi-VN");

export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : "—");
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : "—");
export const formatNumber = (n: number) => number.format(n);
export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);
