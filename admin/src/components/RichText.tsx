// Nội dung: the article body in Tiptap (ProseMirror), producing the HTML the
// server keeps (it sanitises it on write). A toolbar of real buttons, each with
// its name and pressed state, reachable with Tab; the usual shortcuts work
// (Ctrl+B, Ctrl+I, Ctrl+Z...). Pictures are uploaded to the media library first.
import { useEffect, useRef } from "react";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";

export interface RichTextProps {
  id: string;
  labelId: string;
  value: string;
  onChange(html: string): void;
  /** Uploads a picture and answers its address and caption. */
  onPickImage?(): Promise<{ url: string; alt: string } | null>;
  describedBy?: string;
}

export function RichText({ id, labelId, value, onChange, onPickImage, describedBy }: RichTextProps) {
  const lastEmitted = useRef(value);
  const editor = useEditor({
    // Tiptap's own CSS would be an inline <style>: the page's CSP forbids it (styles.css has it).
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"], HTMLAttributes: { rel: "noopener noreferrer", target: null } },
        codeBlock: false,
        code: false,
      }),
      Image.configure({ inline: false }),
    ],
    content: value,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: "prose",
        spellcheck: "true",
        lang: "vi",
      },
    },
    onUpdate: ({ editor }) => {
      const html = editor.isEmpty ? "" : editor.getHTML();
      lastEmitted.current = html;
      onChange(html);
    },
  });

  // A value set from outside (a restored version, "use their text"): shown in the editor.
  useEffect(() => {
    if (!editor || value === lastEmitted.current) return;
    lastEmitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            underline: e.isActive("underline"),
            h2: e.isActive("heading", { level: 2 }),
            h3: e.isActive("heading", { level: 3 }),
            bullet: e.isActive("bulletList"),
            ordered: e.isActive("orderedList"),
            quote: e.isActive("blockquote"),
            link: e.isActive("link"),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const toggleLink = () => {
    if (editor.isActive("link")) {
      chain().extendMarkRange("link").unsetLink().run();
      return;
    }
    const href = window.prompt("Địa chỉ liên kết (https://…)", "https://");
    if (!href || !/^(https?:\/\/|mailto:)/i.test(href.trim())) return;
    chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };
  const insertImage = async () => {
    const picked = await onPickImage?.();
    if (picked) chain().setImage({ src: picked.url, alt: picked.alt }).run();
  };

  const button = (label: string, pressed: boolean | undefined, action: () => void, text: string, disabled = false) => (
    <button type="button" className="tool" title={label} aria-pressed={pressed} onClick={action} disabled={disabled}>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );

  return (
    <div className="rich-text">
      <div className="toolbar" role="toolbar" aria-label="Định dạng nội dung" aria-controls={id}>
        {button("Đậm", state?.bold, () => chain().toggleBold().run(), "B")}
        {button("Nghiêng", state?.italic, () => chain().toggleItalic().run(), "I")}
        {button("Gạch chân", state?.underline, () => chain().toggleUnderline().run(), "U")}
        {button("Đề mục cấp 2", state?.h2, () => chain().toggleHeading({ level: 2 }).run(), "H2")}
        {button("Đề mục cấp 3", state?.h3, () => chain().toggleHeading({ level: 3 }).run(), "H3")}
        {button("Danh sách", state?.bullet, () => chain().toggleBulletList().run(), "•")}
        {button("Danh sách số", state?.ordered, () => chain().toggleOrderedList().run(), "1.")}
        {button("Trích dẫn", state?.quote, () => chain().toggleBlockquote().run(), "❝")}
        {button(state?.link ? "Bỏ liên kết" : "Chèn liên kết", state?.link, toggleLink, "Liên kết")}
        {onPickImage ? button("Chèn ảnh", undefined, () => void insertImage(), "Ảnh") : null}
        {button("Hoàn tác", undefined, () => chain().undo().run(), "↶", !state?.canUndo)}
        {button("Làm lại", undefined, () => chain().redo().run(), "↷", !state?.canRedo)}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
