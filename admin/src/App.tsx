// The console's screens, and what each role sees of them: a screen a role may not
// use is neither linked nor routed for it.
import { NavLink, Navigate, Route, Routes } from "react-router";
import { useAuth, useUser } from "./auth";
import { atLeast, ROLE_LABEL } from "./labels";
import { LoginPage } from "./pages/Login";
import { ArticlesPage } from "./pages/Articles";
import { EditorPage } from "./pages/Editor";
import { ArticleViewPage } from "./pages/ArticleView";
import { ApprovalQueuePage, ReviewPage } from "./pages/Approvals";
import { HistoryPage } from "./pages/History";
import { PermissionsPage } from "./pages/Permissions";
import { SiteSettingsPage } from "./pages/SiteSettings";
import { StatisticsPage } from "./pages/Statistics";
import { AccountPage } from "./pages/Account";
import { UsersPage } from "./pages/Users";
import { CategoriesPage } from "./pages/Categories";
import { TopicsPage } from "./pages/Topics";
import { RoyaltiesPage, RoyaltyScalesPage } from "./pages/Royalties";
import { Loading } from "./components/ui";

export function App() {
  const { user, loading } = useAuth();
  if (loading) return <Loading label="Đang kiểm tra phiên làm việc…" />;
  if (!user) return <LoginPage />;
  return <SignedIn />;
}

function SignedIn() {
  const user = useUser();
  const { signOut } = useAuth();
  const canWrite = atLeast(user.role, "CONTRIBUTOR");
  const canApprove = atLeast(user.role, "APPROVER");
  const canEdit = atLeast(user.role, "EDITOR");
  const isAdmin = user.role === "ADMIN";
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua đến nội dung chính
      </a>
      <header className="top">
        <p className="brand">Quản trị nội dung</p>
        <nav aria-label="Chức năng">
          <ul>
            <li>
              <NavLink to="/" end>
                Bài viết
              </NavLink>
            </li>
            {canWrite ? (
              <li>
                <NavLink to="/articles/new">Viết bài mới</NavLink>
              </li>
            ) : null}
            {canApprove ? (
              <li>
                <NavLink to="/approvals">Phê duyệt</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/statistics">Thống kê</NavLink>
            </li>
            {canEdit ? (
              <li>
                <NavLink to="/topics">Dòng sự kiện</NavLink>
              </li>
            ) : null}
            {canApprove ? (
              <li>
                <NavLink to="/royalties" end>
                  Nhuận bút
                </NavLink>
              </li>
            ) : null}
            {canApprove ? (
              <li>
                <NavLink to="/royalties/scales">Bảng điểm nhuận bút</NavLink>
              </li>
            ) : null}
            {isAdmin ? (
              <li>
                <NavLink to="/categories">Chuyên mục</NavLink>
              </li>
            ) : null}
            {isAdmin ? (
              <li>
                <NavLink to="/users">Người dùng</NavLink>
              </li>
            ) : null}
            {isAdmin ? (
              <li>
                <NavLink to="/site">Cài đặt trang</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="who">
          <NavLink to="/account" aria-label={`Tài khoản: ${user.name}, ${ROLE_LABEL[user.role]}`}>
            {user.name} <span className="role">({ROLE_LABEL[user.role]})</span>
          </NavLink>
          <button type="button" className="secondary" onClick={signOut}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<ArticlesPage />} />
          {canWrite ? <Route path="/articles/new" element={<EditorPage />} /> : null}
          <Route path="/articles/:id" element={canWrite ? <EditorPage /> : <ArticleViewPage />} />
          <Route path="/articles/:id/view" element={<ArticleViewPage />} />
          {canWrite ? <Route path="/articles/:id/history" element={<HistoryPage />} /> : null}
          {isAdmin ? <Route path="/articles/:id/permissions" element={<PermissionsPage />} /> : null}
          {canApprove ? <Route path="/approvals" element={<ApprovalQueuePage />} /> : null}
          {canApprove ? <Route path="/approvals/:id" element={<ReviewPage />} /> : null}
          <Route path="/statistics" element={<StatisticsPage />} />
          {isAdmin ? <Route path="/site" element={<SiteSettingsPage />} /> : null}
          {canEdit ? <Route path="/topics" element={<TopicsPage />} /> : null}
          {canApprove ? <Route path="/royalties" element={<RoyaltiesPage />} /> : null}
          {canApprove ? <Route path="/royalties/scales" element={<RoyaltyScalesPage />} /> : null}
          {isAdmin ? <Route path="/categories" element={<CategoriesPage />} /> : null}
          {isAdmin ? <Route path="/users" element={<UsersPage />} /> : null}
          <Route path="/account" element={<AccountPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </>
  );
}
