// Small real files, made in the tests: a PNG of known size, a PDF, an MP4 header
// with a payload, a DOCX (a ZIP with the Office parts), and plain text.
import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** A valid RGB PNG; `noise` fills it with random pixels so it does not compress (for size limits). */
export function png(width: number, height: number, noise = false): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
  };
  const header = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]);
  const rows = [];
  for (let y = 0; y < height; y++) rows.push(Buffer.from([0]), noise ? randomBytes(width * 3) : Buffer.alloc(width * 3, 0x80));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a correct cross-reference table. */
export function pdf(text = "Quyet dinh"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    (() => {
      const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** An MP4 (ISO base media) file: an `ftyp` box and an `mdat` box of `payload` bytes. */
export function mp4(payload = 4096): Buffer {
  const ftyp = Buffer.concat([u32(24), Buffer.from("ftypisom", "ascii"), u32(0x200), Buffer.from("isomiso2", "ascii")]);
  const data = Buffer.alloc(payload);
  for (let i = 0; i < payload; i++) data[i] = i % 251;
  return Buffer.concat([ftyp, u32(payload + 8), Buffer.from("mdat", "ascii"), data]);
}

/** A minimal Word document: an uncompressed ZIP holding the Office Open XML parts. */
export function docx(): Buffer {
  const files: Array<[string, string]> = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      "word/document.xml",
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        "<w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>",
    ],
  ];
  const u16le = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
  const u32le = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    return b;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const common = Buffer.concat([
      u16le(20),
      u16le(0x0800),
      u16le(0),
      u16le(0),
      u16le(0x21),
      u32le(crc32(data)),
      u32le(data.length),
      u32le(data.length),
      u16le(nameBytes.length),
      u16le(0),
    ]);
    const local = Buffer.concat([u32le(0x04034b50), common, nameBytes, data]);
    centrals.push(Buffer.concat([u32le(0x02014b50), u16le(20), common, u16le(0), u16le(0), u16le(0), u32le(0), u32le(offset), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([u32le(0x06054b50), u16le(0), u16le(0), u16le(files.length), u16le(files.length), u32le(central.length), u32le(offset), u16le(0)]);
  return Buffer.concat([...locals, central, end]);
}

/** A JPEG header: EXIF orientation `orientation` and a frame of width × height (no pixels; enough for sniffing and sizing). */
export function jpegHeader(width: number, height: number, orientation = 1): Buffer {
  const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
  const tiff = Buffer.concat([
    Buffer.from("MM\0*", "latin1"),
    Buffer.from([0, 0, 0, 8]),
    u16(1),
    u16(0x0112),
    u16(3),
    Buffer.from([0, 0, 0, 1]),
    u16(orientation),
    u16(0),
    Buffer.from([0, 0, 0, 0]),
  ]);
  const exif = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const frame = Buffer.concat([Buffer.from([8]), u16(height), u16(width), Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe1]),
    u16(exif.length + 2),
    exif,
    Buffer.from([0xff, 0xc0]),
    u16(frame.length + 2),
    frame,
    Buffer.from([0xff, 0xd9]),
  ]);
}
