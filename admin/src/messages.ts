// The API's error texts, in the staff's language. The API speaks English; the
// texts staff meet most often on the administration screens are said again here.
const RULES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/the password must be at least (\d+) characters/i, (m) => `Mật khẩu phải có ít nhất ${m[1]} ký tự.`],
  [/the password must be at most (\d+) characters/i, (m) => `Mật khẩu chỉ được dài tối đa ${m[1]} ký tự.`],
  [/the password is on the list of the most common passwords/i, () => "Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác."],
  [/the password is too easy to guess/i, () => "Mật khẩu quá dễ đoán: hãy dùng một câu dài gồm nhiều từ không liên quan đến nhau."],
  [/the password must not be the account's e-mail or name/i, () => "Mật khẩu không được trùng với thư điện tử hoặc họ tên của tài khoản."],
  [/this is not your current password/i, () => "Mật khẩu hiện tại không đúng."],
  [/the new password must differ from the current one/i, () => "Mật khẩu mới phải khác mật khẩu hiện tại."],
  [/Your password changed meanwhile/i, () => "Mật khẩu vừa được đổi ở nơi khác: hãy đăng nhập lại."],
  [/last active administrator/i, () => "Đây là quản trị viên cuối cùng còn hoạt động: hãy cấp quyền Quản trị viên cho người khác trước."],
  [/A user with e-mail (\S+) already exists/i, (m) => `Đã có tài khoản dùng thư điện tử ${m[1]}.`],
  [/The slug "([^"]+)" is taken/i, (m) => `Đường dẫn “${m[1]}” đã được dùng.`],
  [/has no letters or digits to make a slug/i, () => "Tên không có chữ hoặc số để tạo đường dẫn: hãy nhập đường dẫn."],
  [/cannot be moved under itself or one of its subcategories/i, () => "Không thể chuyển chuyên mục vào chính nó hoặc chuyên mục con của nó."],
  [/The parent category does not exist/i, () => "Chuyên mục cha không tồn tại."],
  [/a scale applies from today \(([^)]+)\) or a later day/i, (m) => `Bảng nhuận bút chỉ áp dụng từ hôm nay (${m[1]}) trở đi; các tháng đã qua không thay đổi.`],
  [/The scale valid from (\S+) is in force and never changes/i, (m) => `Bảng nhuận bút áp dụng từ ${m[1]} đang có hiệu lực nên không thể sửa hay xóa.`],
  [/points must be between 0 and 100000/i, () => "Số điểm phải từ 0 đến 100.000, tối đa hai chữ số thập phân."],
  [/input\.genres: list at least one genre/i, () => "Hãy nhập ít nhất một thể loại."],
  [/input\.genres: "([^"]+)" is listed twice/i, (m) => `Thể loại “${m[1]}” bị nhập hai lần.`],
  [/a genre needs letters or digits/i, () => "Tên thể loại phải có chữ hoặc số."],
  [/input\.pointValue: whole đồng/i, () => "Giá trị một điểm phải là số đồng nguyên, từ 0 trở lên."],
  [/a month as YYYY-MM/i, () => "Tháng phải có dạng NNNN-TT, ví dụ 2026-11."],
];

/** The Vietnamese text for an API error message, or null when none is known. */
export function vietnameseMessage(message: string): string | null {
  for (const [pattern, say] of RULES) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return null;
}

/** A category that still holds articles or subcategories (CONFLICT with articleCount / childCount). */
export function notEmptyMessage(extensions: { articleCount?: unknown; childCount?: unknown } | undefined): string | null {
  const articles = Number(extensions?.articleCount ?? 0);
  const children = Number(extensions?.childCount ?? 0);
  if (!articles && !children) return null;
  const parts = [articles ? `${articles} bài viết` : null, children ? `${children} chuyên mục con` : null].filter(Boolean);
  return `Chuyên mục chưa trống: còn ${parts.join(" và ")} (kể cả trong thùng rác). Hãy chuyển chúng đi trước khi xóa.`;
}
