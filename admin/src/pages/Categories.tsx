// Chuyên mục (ADMIN): the category tree; adding, renaming and describing, moving
// under another parent, putting siblings in order (buttons, usable by keyboard),
// and deleting an empty one.
import { useEffect, useState, type FormEvent } from "react";
import { request } from "../api";
import { graphql } from "../gql";
import { useQuery } from "../hooks";
import { formatNumber } from "../labels";
import { Dialog, ErrorMessage, Field, Loading, Page, Status } from "../components/ui";
import { categoryOptions } from "./shared";

const CategoryTreeQuery = graphql(`
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
`);

const CreateCategoryMutation = graphql(`
  mutation ConsoleCreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      id
      name
    }
  }
`);

const UpdateCategoryMutation = graphql(`
  mutation ConsoleUpdateCategory($input: UpdateCategoryInput!) {
    updateCategory(input: $input) {
      id
      name
      slug
      description
    }
  }
`);

const MoveCategoryMutation = graphql(`
  mutation ConsoleMoveCategory($input: MoveCategoryInput!) {
    moveCategory(input: $input) {
      id
      parent {
        id
      }
    }
  }
`);

const ReorderCategoriesMutation = graphql(`
  mutation ConsoleReorderCategories($parentId: ID, $ids: [ID!]!) {
    reorderCategories(parentId: $parentId, ids: $ids) {
      id
      position
    }
  }
`);

const DeleteCategoryMutation = graphql(`
  mutation ConsoleDeleteCategory($id: ID!) {
    deleteCategory(id: $id) {
      id
    }
  }
`);

interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  description?: string | null;
  position: number;
  articleCount: number;
  parent?: { id: string } | null;
}

type Editing = { kind: "create"; parentId: string } | { kind: "edit"; category: CategoryNode } | { kind: "move"; category: CategoryNode } | null;

export function CategoriesPage() {
  const tree = useQuery(CategoryTreeQuery, {});
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const categories = tree.data?.categories ?? [];

  useEffect(() => {
    if (!focusAfter) return;
    const target = document.getElementById(focusAfter) as HTMLButtonElement | null;
    if (target && !target.disabled) target.focus();
    else document.getElementById(focusAfter.replace(/^(up|down)-/, (m) => (m === "up-" ? "down-" : "up-")))?.focus();
    setFocusAfter(null);
  }, [focusAfter, tree.data]);

  const children = (parentId: string | null) => categories.filter((c) => (c.parent?.id ?? null) === parentId);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage("");
    try {
      await run();
      await tree.reload();
      setMessage(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  const move = async (category: CategoryNode, step: -1 | 1) => {
    const parentId = category.parent?.id ?? null;
    const ids = children(parentId).map((c) => c.id);
    const at = ids.indexOf(category.id);
    const to = at + step;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    if (
      await act(() => request(ReorderCategoriesMutation, { parentId, ids }), `Đã chuyển “${category.name}” ${step < 0 ? "lên" : "xuống"} vị trí ${to + 1}.`)
    ) {
      setFocusAfter(`${step < 0 ? "up" : "down"}-${category.id}`);
    }
  };

  const remove = (category: CategoryNode) => {
    if (!window.confirm(`Xóa chuyên mục “${category.name}”?`)) return;
    void act(() => request(DeleteCategoryMutation, { id: category.id }), `Đã xóa chuyên mục “${category.name}”.`);
  };

  const renderLevel = (parentId: string | null, depth: number) => {
    const level = children(parentId);
    if (!level.length) return null;
    return (
      <ul className={depth === 0 ? "category-tree" : undefined}>
        {level.map((c, i) => (
          <li key={c.id}>
            <div className="category-row">
              <span className="category-name">
                <strong>{c.name}</strong> <span className="hint">/{c.slug}</span> <span className="hint">· {formatNumber(c.articleCount)} bài</span>
                {c.description ? <span className="category-description">{c.description}</span> : null}
              </span>
              <span className="buttons">
                <button
                  type="button"
                  id={`up-${c.id}`}
                  className="secondary icon"
                  disabled={i === 0}
                  onClick={() => void move(c, -1)}
                  aria-label={`Đưa “${c.name}” lên`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={`down-${c.id}`}
                  className="secondary icon"
                  disabled={i === level.length - 1}
                  onClick={() => void move(c, 1)}
                  aria-label={`Đưa “${c.name}” xuống`}
                >
                  ↓
                </button>
                <button type="button" className="secondary" onClick={() => setEditing({ kind: "edit", category: c })} aria-label={`Sửa “${c.name}”`}>
                  Sửa
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setEditing({ kind: "move", category: c })}
                  aria-label={`Chuyển “${c.name}” sang chuyên mục cha khác`}
                >
                  Chuyển
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setEditing({ kind: "create", parentId: c.id })}
                  aria-label={`Thêm chuyên mục con của “${c.name}”`}
                >
                  Thêm chuyên mục con
                </button>
                <button type="button" className="danger" onClick={() => remove(c)} aria-label={`Xóa “${c.name}”`}>
                  Xóa
                </button>
              </span>
            </div>
            {renderLevel(c.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <Page
      title="Chuyên mục"
      actions={
        <button type="button" onClick={() => setEditing({ kind: "create", parentId: "" })}>
          Thêm chuyên mục
        </button>
      }
    >
      <p className="hint">Thứ tự ở đây là thứ tự trên trình đơn của cổng thông tin. Dùng nút ↑ ↓ để đổi thứ tự các chuyên mục cùng cấp.</p>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error ?? tree.error} />
      {tree.loading && !tree.data ? <Loading /> : null}
      <nav aria-label="Cây chuyên mục">{renderLevel(null, 0)}</nav>
      <Dialog
        open={editing !== null}
        title={
          editing?.kind === "create"
            ? "Thêm chuyên mục"
            : editing?.kind === "move"
              ? `Chuyển “${editing.category.name}”`
              : editing
                ? `Sửa “${editing.category.name}”`
                : ""
        }
        onClose={() => setEditing(null)}
      >
        {editing?.kind === "move" ? (
          <MoveForm
            category={editing.category}
            categories={categories}
            onCancel={() => setEditing(null)}
            onSave={async (parentId) => {
              const name = parentId ? categories.find((c) => c.id === parentId)?.name : null;
              const moved = editing.category;
              setEditing(null);
              await act(
                () => request(MoveCategoryMutation, { input: { id: moved.id, parentId: parentId || null } }),
                name ? `Đã chuyển “${moved.name}” vào “${name}”.` : `Đã chuyển “${moved.name}” lên cấp cao nhất.`,
              );
            }}
          />
        ) : editing ? (
          <CategoryForm
            key={editing.kind === "edit" ? editing.category.id : `new-${editing.parentId}`}
            editing={editing}
            categories={categories}
            onCancel={() => setEditing(null)}
            onDone={async (text) => {
              setEditing(null);
              await tree.reload();
              setError(null);
              setMessage(text);
            }}
          />
        ) : null}
      </Dialog>
    </Page>
  );
}

function CategoryForm({
  editing,
  categories,
  onCancel,
  onDone,
}: {
  editing: Exclude<Editing, null | { kind: "move" }>;
  categories: CategoryNode[];
  onCancel: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const current = editing.kind === "edit" ? editing.category : null;
  const [values, setValues] = useState({
    name: current?.name ?? "",
    slug: current?.slug ?? "",
    description: current?.description ?? "",
    parentId: editing.kind === "create" ? editing.parentId : "",
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const name = values.name.trim();
      const slug = values.slug.trim();
      if (current) {
        await request(UpdateCategoryMutation, {
          input: { id: current.id, name, description: values.description.trim() || null, ...(slug && slug !== current.slug ? { slug } : {}) },
        });
        await onDone(`Đã lưu chuyên mục “${name}”.`);
      } else {
        await request(CreateCategoryMutation, {
          input: { name, description: values.description.trim() || null, parentId: values.parentId || null, ...(slug ? { slug } : {}) },
        });
        await onDone(`Đã thêm chuyên mục “${name}”.`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-busy={busy}>
      <ErrorMessage error={error} />
      <Field label="Tên chuyên mục" required>
        {(props) => <input {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
      </Field>
      <Field label="Đường dẫn" hint={current ? "Chỉ đổi khi thật cần: liên kết cũ tới chuyên mục sẽ không còn đúng." : "Để trống để tạo tự động từ tên."}>
        {(props) => <input {...props} value={values.slug} onChange={(e) => setValues({ ...values, slug: e.target.value })} />}
      </Field>
      <Field label="Mô tả">
        {(props) => <textarea {...props} rows={3} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} />}
      </Field>
      {current ? null : (
        <Field label="Chuyên mục cha">
          {(props) => (
            <select {...props} value={values.parentId} onChange={(e) => setValues({ ...values, parentId: e.target.value })}>
              <option value="">(Cấp cao nhất)</option>
              {categoryOptions(categories).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {current ? "Lưu" : "Thêm"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}

function MoveForm({
  category,
  categories,
  onCancel,
  onSave,
}: {
  category: CategoryNode;
  categories: CategoryNode[];
  onCancel: () => void;
  onSave: (parentId: string) => Promise<void>;
}) {
  const [parentId, setParentId] = useState(category.parent?.id ?? "");
  // Not under itself nor under one of its subcategories.
  const excluded = new Set<string>([category.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parent && excluded.has(c.parent.id) && !excluded.has(c.id)) {
        excluded.add(c.id);
        grew = true;
      }
    }
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(parentId);
      }}
    >
      <Field label="Chuyên mục cha mới">
        {(props) => (
          <select {...props} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">(Cấp cao nhất)</option>
            {categoryOptions(categories)
              .filter((c) => !excluded.has(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </select>
        )}
      </Field>
      <div className="buttons">
        <button type="submit">Chuyển</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
