// Ảnh đại diện, thư viện ảnh/video, tệp đính kèm: files uploaded to the media
// library (uploadMedia, multipart) or, for a video, a link (addExternalVideo).
import { useId, useRef, useState } from "react";
import { request, upload } from "../api";
import { graphql } from "../gql";
import type { MediaKind } from "../gql/graphql";
import { formatBytes } from "../labels";
import { ErrorMessage } from "./ui";

export const UploadMediaMutation = graphql(`
  mutation ConsoleUploadMedia($file: File!, $description: String) {
    uploadMedia(file: $file, description: $description) {
      ...ConsoleMedia
    }
  }
`);

export const ConsoleMediaFragment = graphql(`
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
`);

const AddExternalVideoMutation = graphql(`
  mutation ConsoleAddExternalVideo($url: String!, $description: String) {
    addExternalVideo(url: $url, description: $description) {
      ...ConsoleMedia
    }
  }
`);

export interface MediaItem {
  id: string;
  kind: MediaKind;
  url: string;
  fileName: string;
  contentType: string;
  size: number;
  width?: number | null;
  height?: number | null;
  description?: string | null;
  external: boolean;
  embedUrl?: string | null;
}

const ACCEPT: Record<"image" | "gallery" | "document", string> = {
  image: "image/jpeg,image/png,image/gif,image/webp",
  gallery: "image/jpeg,image/png,image/gif,image/webp,video/mp4,video/webm",
  document: ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.zip,.rar,.txt",
};

export function uploadFile(file: File, description: string | null): Promise<MediaItem> {
  return upload(UploadMediaMutation, { file, description }).then((d) => d.uploadMedia);
}

export function MediaThumb({ item }: { item: MediaItem }) {
  if (item.kind === "IMAGE") return <img className="thumb" src={item.url} alt={item.description ?? ""} />;
  if (item.kind === "VIDEO")
    return (
      <span className="thumb thumb-file" aria-hidden="true">
        ▶
      </span>
    );
  return (
    <span className="thumb thumb-file" aria-hidden="true">
      Tệp
    </span>
  );
}

/** Uploads one file with its caption; `kind` restricts what the file chooser offers. */
export function UploadControl({
  kind,
  label,
  onUploaded,
  allowVideoLink,
}: {
  kind: keyof typeof ACCEPT;
  label: string;
  onUploaded(item: MediaItem): void;
  allowVideoLink?: boolean;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState("");
  const [link, setLink] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState("");

  const send = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const item = await uploadFile(file, caption.trim() || null);
      onUploaded(item);
      setDone(`Đã tải lên ${item.fileName}.`);
      setCaption("");
      if (fileRef.current) fileRef.current.value = "";
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const addLink = async () => {
    if (!link.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { addExternalVideo } = await request(AddExternalVideoMutation, { url: link.trim(), description: caption.trim() || null });
      onUploaded(addExternalVideo);
      setDone(`Đã thêm video ${addExternalVideo.url}.`);
      setLink("");
      setCaption("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="upload" aria-busy={busy}>
      <legend>{label}</legend>
      <div className="upload-row">
        <div className="field">
          <label htmlFor={`${id}-file`}>Chọn tệp</label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept={ACCEPT[kind]} onChange={() => setDone("")} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-caption`}>Chú thích (mô tả ảnh)</label>
          <input id={`${id}-caption`} value={caption} onChange={(e) => setCaption(e.target.value)} />
        </div>
        <button type="button" className="secondary" onClick={() => void send()} disabled={busy}>
          {busy ? "Đang tải lên…" : "Tải lên"}
        </button>
      </div>
      {allowVideoLink ? (
        <div className="upload-row">
          <div className="field">
            <label htmlFor={`${id}-link`}>Hoặc liên kết video (YouTube, Vimeo…)</label>
            <input
              id={`${id}-link`}
              type="url"
              inputMode="url"
              placeholder="https://www.youtube.com/watch?v=…"
              value={link}
              onChange={(e) => setLink(e.target.value)}
            />
          </div>
          <button type="button" className="secondary" onClick={() => void addLink()} disabled={busy || !link.trim()}>
            Thêm video
          </button>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <p className="visually-hidden" role="status">
        {done}
      </p>
    </fieldset>
  );
}

/** An ordered list of media with move and remove buttons. */
export function MediaList({ items, onChange, label }: { items: MediaItem[]; onChange(items: MediaItem[]): void; label: string }) {
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  if (items.length === 0) return <p className="empty">Chưa có.</p>;
  return (
    <ol className="media-list" aria-label={label}>
      {items.map((item, index) => (
        <li key={`${item.id}-${index}`}>
          <MediaThumb item={item} />
          <span className="media-name">
            <a href={item.url} target="_blank" rel="noreferrer">
              {item.fileName}
            </a>
            <small>
              {item.description ? `${item.description} · ` : ""}
              {item.external ? "video liên kết" : formatBytes(item.size)}
            </small>
          </span>
          <span className="media-actions">
            <button type="button" className="tool" aria-label={`Đưa ${item.fileName} lên`} disabled={index === 0} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button
              type="button"
              className="tool"
              aria-label={`Đưa ${item.fileName} xuống`}
              disabled={index === items.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button type="button" className="tool danger" aria-label={`Bỏ ${item.fileName}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
              ✕
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
