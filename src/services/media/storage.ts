// Where uploaded bytes live. The server chooses every name ("2026/11/<32 hex>.png"):
// nothing a client sends ever becomes part of a path. The default keeps files on
// local disk under MEDIA_DIR; the interface is small enough for an S3-compatible
// object store to implement (docs/media.md).
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";

/** An inclusive byte range, as HTTP Range requests express it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface MediaStorage {
  /** Stores the bytes under a new key, all or nothing: a failed write leaves no file behind. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The size of a stored object, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** The bytes of a stored object (or of one range of it), as a stream. */
  read(key: string, range?: ByteRange): ReadableStream<Uint8Array>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}\.[a-z0-9]{2,5}$/;

/** Is this string a key the server could have made? (Guards every path built from a key.) */
export const isStorageKey = (key: string): boolean => KEY.test(key);

/** A new, unguessable key, grouped by month so no folder grows without bound. */
export function newStorageKey(extension: string, now: Date): string {
  const year = now.getUTCFullYear().toString().padStart(4, "0");
  const month = (now.getUTCMonth() + 1).toString().padStart(2, "0");
  const key = `${year}/${month}/${randomBytes(16).toString("hex")}.${extension}`;
  if (!isStorageKey(key)) throw new Error(`bad storage key extension ${extension}`);
  return key;
}

export class LocalDiskStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of a key; refuses anything that is not a server-made key inside the root. */
  private pathOf(key: string): string {
    const path = resolve(this.root, ...key.split("/"));
    if (!isStorageKey(key) || !path.startsWith(this.root + sep)) throw new Error("not a storage key");
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written under a temporary name and renamed: readers never see half a file,
    // and a failure removes the partial copy.
    const partial = join(dirname(path), `.${randomBytes(8).toString("hex")}.part`);
    try {
      const handle = await open(partial, "wx", 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, path);
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      // lstat: a symbolic link (which uploads never make) is not a stored file, so it can never point /media elsewhere.
      const info = await lstat(this.pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  read(key: string, range?: ByteRange): ReadableStream<Uint8Array> {
    const stream = createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}
